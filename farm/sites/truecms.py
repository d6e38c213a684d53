"""F8 truecms JSONP lists (portals.md §2.8, Jiangsu 南通/如皋).

Column pages are static; their list script names `proxyUrl:'/messageController/getMessage.do'`
and `columnId:'<32 hex>'`. GET `getMessage.do?startrecord=1&endrecord=50&perpage=50&columnId=…
&callback=cb` answers `cb({"result":"<record><![CDATA[<li>…</li>]]></record>…"})`, but only to
a request whose Referer is a page of the site (404 without, as 如皋 does); a window of more
than 50 records answers `cb({"result":""})`, as does one past the end. Some rows have no
title attribute (东台). Articles are static pages `/…/content/<uuid>.html`.

The host is https only: every http URL answers 301 to its https twin (T34).
Faults: a 502 on the first fetch, a listed link that moved (301), and a report that
answers 403 to any User-Agent that is not a browser's (T37).
"""
from __future__ import annotations

import hashlib
import html
import json
import uuid

from ..faults import LISTED, Fault, error
from ..model import Route, Site

PROXY = "/messageController/getMessage.do"
MAX_WINDOW = 50
COLUMNS = (("xzfnb", "县政府年报", ("gov", "office")), ("bmnb", "部门年报", ("dept",)), ("xznb", "乡镇年报", ("town",)))


def column_id(code: str) -> str:
    return hashlib.md5(f"ruchuan-{code}".encode()).hexdigest()


class TruecmsSite(Site):
    family = "truecms"
    mechanisms = ("truecms JSONP getMessage.do, Referer required, window above 50 empty", "T34 http→https 301",
                  "T32 502 once", "moved 301", "T37 403 to non-browser User-Agents")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "如川县", "www.ruchuan.gov.cn", scale, farm.rng)

    def make_docs(self, scale):
        self.plan(first_lookalike=4)

    def build(self):
        self.farm.tls[self.host] = Fault.HTTP_TO_HTTPS
        secure = f"https://{self.host}"
        base = f"{secure}/zfxxgk/zfxxgknb/"
        self.home(f"{secure}/zfxxgk/index.html")
        self.add_page(f"{secure}/zfxxgk/index.html", self.html("政府信息公开", (
            '<ul class="xxgk-menu"><li><a href="/zfxxgk/zfxxgkzn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/zfxxgk/zfxxgknb/index.html">政府信息公开年报</a></li></ul>')))
        self.add_page(base + "index.html", self.html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{code}/index.html">{name}</a></li>' for code, name, _ in COLUMNS) + "</ul>",
            {"ColumnName": "政府信息公开年报"}))
        self.records: dict[str, list[str]] = {}
        by = {(d.unit, d.year): d for d in self.reports() if d.kind == "report"}
        by[("gov", 2023)].fault = Fault.BAD_GATEWAY_ONCE
        blocked = by[("town0", self.span[0])]
        blocked.fault, blocked.expect = Fault.BOT_UA_403, error("blocked")
        moved = by[("dept0", 2024)]
        moved.fault = Fault.MOVED_301
        for code, name, units in COLUMNS:
            cid = column_id(code)
            self.add_page(f"{base}{code}/index.html", self.html(name, (
                f'<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报 &gt; {name}</div>'
                f'<div class="news-list" id="list_{cid[:8]}"></div><script type="text/javascript">'
                f"$(function(){{ $('#list_{cid[:8]}').trueList({{proxyUrl:'{PROXY}', columnId:'{cid}', "
                f"perpage:15, startrecord:1, endrecord:45, unitid:'{cid[:8]}'}}); }});</script>"),
                {"ColumnName": name}))
            rows = []
            for number, doc in enumerate(self.sorted_docs([d for d in self.docs if d.unit.startswith(units)])):
                doc.url = f"{base}{code}/content/{uuid.UUID(hashlib.md5(f'{self.host}{doc.id}'.encode()).hexdigest())}.html"
                listed = doc.url
                if doc.fault == Fault.MOVED_301:
                    listed = f"{secure}/art/{doc.published.year}/{doc.id}.html"
                    self.farm.add(listed, Route(301, b"", (("Location", doc.url),)))
                    doc.listed.append(listed)
                title = f' title="{html.escape(doc.title)}"' if number % 3 else ""  # 东台: no title attribute
                rows.append(f'<li><a href="{listed}"{title} target="_blank">{html.escape(doc.title)}</a>'
                            f"<span>{doc.published}</span></li>")
                self.add_page(doc.url, self.article(doc, name), fault=doc.fault)
            self.records[cid] = rows
        self.farm.handle(secure + PROXY, self.message)
        for fault in (Fault.REFERER_REQUIRED, Fault.WINDOW_CAP):
            self.farm.note(secure + PROXY, fault, LISTED, "endpoint")

    def article(self, doc, column) -> str:
        body = (f'<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报 &gt; {column}</div>'
                f'<div class="article"><h2 class="title">{html.escape(doc.title)}</h2>'
                f'<div class="info"><span>发布日期：{doc.published}</span><span>来源：{html.escape(doc.org)}</span></div>'
                f'<div class="content" id="zoom">{doc.body}</div></div>')
        return self.html(doc.title, body, self.article_metas(doc, column))

    def message(self, method, query, body, headers):
        """getMessage.do: a JSONP window of records, for callers that say where they come from."""
        if self.host not in headers.get("referer", ""):
            return Route(404, b"<html><body><h1>404 Not Found</h1></body></html>", (("Content-Type", "text/html"),))
        callback = query.get("callback") or "callback"
        rows = self.records.get(query.get("columnId", ""), [])
        try:
            start, end = int(query.get("startrecord", 1)), int(query.get("endrecord", 15))
        except ValueError:
            start, end = 1, 0
        window = rows[start - 1:end] if 1 <= start <= end and end - start + 1 <= MAX_WINDOW else []
        result = "".join(f"<record><![CDATA[{row}]]></record>" for row in window)
        text = f"{callback}({json.dumps({'result': result}, ensure_ascii=False)})"
        return Route(200, text.encode("utf-8"), (("Content-Type", "application/javascript;charset=UTF-8"),))

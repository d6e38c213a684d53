"""F3/F3b Guangdong 集约化 portal: static `index_k` column plus per-department gkmlpt.

Static pages are `index.html`, `index_2.html` … with no page count (404 past the
end); articles `content/post_<id>.html`, the township sub-column links the mobile
twins `mpost_<id>` (T20). Departments publish through gkmlpt: `_CONFIG.SID`,
`var TREE`, JSON `api/all/<classify>?page&sid` with a `type: "url"` row (T15).
Content-Type carries no charset (T02).
"""
from __future__ import annotations

import html
import json

from ..faults import Fault, error
from ..model import Doc, Route, Site

PAGE_SIZE = 6
REPORT_CLASSIFY = 2


class GuangdongSite(Site):
    family = "guangdong"
    header_charset = False

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "南岭县", "www.nanling.gov.cn", scale, farm.rng)

    def build(self):
        self.add_real_pdf(1)
        xxgk = f"{self.www}/zwgk/xxgk/index.html"
        self.home(xxgk)
        depts = [k for k in self.units if k.startswith("dept")]
        self.add_page(xxgk, self.html("政府信息公开", (
            f'<ul><li><a href="{self.www}/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li>'
            f'<li><a href="{self.www}/zwgk/bm/index.html">部门信息公开</a></li></ul>')))
        self.add_page(f"{self.www}/zwgk/bm/index.html", self.html("部门信息公开", "<ul>" + "".join(
            f'<li><a href="{self.www}/{key}/gkmlpt/index">{html.escape(self.units[key])}</a></li>' for key in depts)
            + "</ul>"))
        county_docs = [d for d in self.reports() if d.unit not in depts]
        for doc in county_docs:
            doc.url = f"{self.www}/zwgk/zfxxgknb/content/post_{5000000 + doc.id}.html"
        self.faults(county_docs)
        self.static_column(f"{self.www}/zwgk/zfxxgknb/", "政府信息公开年报", county_docs,
                           sub=f'<a href="{self.www}/zwgk/zfxxgknb/xzjd/index.html">乡镇街道</a>')
        towns = [d for d in county_docs if d.unit.startswith("town")]
        self.static_column(f"{self.www}/zwgk/zfxxgknb/xzjd/", "乡镇街道", towns, mobile=True)
        for doc in county_docs:
            if doc.fault != Fault.HTTP_404:
                self.add_page(doc.url, self.article_page(doc), fault=doc.fault)
        for key in depts:
            self.gkmlpt(key)

    def faults(self, docs):
        plain = [d for d in docs if d.kind == "report" and d.form == "html"]
        plain[0].fault, plain[0].expect = Fault.BLOCKED_412, error("blocked")
        moved = plain[1]
        old = f"{self.www}/zwgk/old/post_{5000000 + moved.id}.html"
        self.farm.add(old, Route(301, b"", (("Location", moved.url),)))
        moved.list_url = old
        moved.listed.append(old)
        dead = Doc(self.farm.next_id(), "report", f"{self.county}人民政府2020年政府信息公开工作年度报告",
                   f"{self.county}人民政府", "gov", 2020, plain[2].published, fault=Fault.HTTP_404,
                   expect=error("http_404"))
        dead.url = f"{self.www}/zwgk/zfxxgknb/content/post_{5000000 + dead.id}.html"
        self.docs.append(dead)
        docs.append(dead)

    def static_column(self, base, name, docs, sub="", mobile=False):
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for index, chunk in enumerate(pages, start=1):
            items = []
            for doc in chunk:
                url = getattr(doc, "list_url", doc.url)
                if mobile:
                    url = doc.url.replace("/post_", "/mpost_")
                    doc.alias_urls.append(url)
                    self.add_page(url, self.article_page(doc), fault=doc.fault)
                items.append(f'<li><a href="{url}" target="_blank">{html.escape(doc.title)}</a>'
                             f'<span class="date">{doc.published}</span></li>')
            url = base + ("index.html" if index == 1 else f"index_{index}.html")
            self.add_page(url, self.html(name, f'<div class="sub">{sub}</div><ul class="list">{"".join(items)}</ul>',
                                         {"ColumnName": name}))

    def article_page(self, doc: Doc) -> str:
        links = ""
        for n, file in enumerate(doc.files):
            ext = file.name.rsplit(".", 1)[-1]
            url = f"{self.www}/attachment/0/{doc.id % 100}/{doc.id}/{7000000 + doc.id * 10 + n}.{ext}"
            if not file.url:
                self.add_file(url, file)
            links += f'<p><a href="{url}">{html.escape(file.name)}</a></p>'
        body = (f'<div class="xl_wrap"><div class="title">{html.escape(doc.page_title or doc.title)}</div>'
                f'<div class="title_info"><span>发布时间：{doc.published} 16:02</span><span>来源：{html.escape(doc.org)}</span></div>'
                f'<div class="artContent">{doc.body}</div><div class="fj">{links}</div></div>')
        return self.html(doc.page_title or doc.title, body, self.article_metas(doc, "政府信息公开年报"))

    def gkmlpt(self, key: str):
        base = f"{self.www}/{key}/gkmlpt/"
        sid = f"nl_{key}"
        tree = [{"id": 1, "name": "政府信息公开指南", "children": []},
                {"id": 10, "name": "法定主动公开内容", "children": [
                    {"id": REPORT_CLASSIFY, "name": "政府信息公开年报", "children": []}]}]
        self.add_page(base + "index", (
            f"<html><head><meta charset='utf-8'><title>{html.escape(self.units[key])}政府信息公开目录</title></head>"
            f"<body><div id='app'></div><script>window._CONFIG = {{SID: '{sid}', SITE_ID: 1}};\n"
            f"var TREE = {json.dumps(tree, ensure_ascii=False)};</script></body></html>"))
        articles = []
        for doc in self.sorted_docs(self.reports(key)):
            post = 5000000 + doc.id
            doc.url = f"{base}content/{post // 1000000}/{post // 1000}/post_{post}.html"
            self.add_page(doc.url, self.article_page(doc), fault=doc.fault)
            articles.append({"id": post, "title": doc.title, "url": "//" + doc.url.split("//", 1)[1],
                             "type": "normal", "create_time": int(doc_time(doc)), "publisher": doc.org,
                             "identifier": f"{key}/{doc.published.year}-{doc.id:05d}"})
        articles.insert(1, {"id": 1, "title": f"{self.county}人民政府2022年政府信息公开工作年度报告",
                            "url": "http://www.gd.gov.cn/zwgk/jhgh/content/post_1.html", "type": "url"})
        payload = {"classify": {"id": REPORT_CLASSIFY, "name": "政府信息公开年报", "post_count": len(articles) + 3},
                   "total": len(articles), "offset": 0, "articles": articles}
        self.farm.add(f"{base}api/all/{REPORT_CLASSIFY}?page=1&sid={sid}",
                      Route(200, json.dumps(payload, ensure_ascii=False).encode(),
                            (("Content-Type", "application/json"),)))


def doc_time(doc: Doc) -> float:
    from datetime import datetime, timedelta, timezone
    return datetime(doc.published.year, doc.published.month, doc.published.day, 10,
                    tzinfo=timezone(timedelta(hours=8))).timestamp()

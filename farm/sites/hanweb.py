"""F2 Hanweb JCMS portal: unit columns, an aggregate column, jpage datastore + dataproxy.jsp.

Column pages embed the first 15 records as CDATA inside `<script type="text/xml">`
(hanweb_4.html); the rest is served by POST `/module/web/jpage/dataproxy.jsp`
windows (hanweb_2.html), with totals on some columns only. The aggregate column
links the same articles under its own column id (`art_<col>_<id>`, T20).
"""
from __future__ import annotations

import hashlib
import html
from urllib.parse import parse_qsl

from ..faults import Fault, error
from ..model import Doc, Route, Site

FIRST_PAGE = 15


class HanwebSite(Site):
    family = "hanweb"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "湖滨县", "www.hubin.gov.cn", scale, farm.rng)

    def col(self, number: int) -> str:
        return f"{self.www}/col/col{1229100000 + number}/index.html"

    def build(self):
        self.add_real_pdf(2)
        self.faults()
        self.home(self.col(1))
        units = list(self.units.items())
        depts = [(k, v) for k, v in units if not k.startswith("town")]
        towns = [(k, v) for k, v in units if k.startswith("town")]
        self.add_page(self.col(1), self.html("政府信息公开", (
            f'<ul><li><a href="{self.col(5)}">政府信息公开指南</a></li>'
            f'<li><a href="{self.col(2)}">政府信息公开年报</a></li>'
            f'<li><a href="{self.col(3)}">部门信息公开</a></li><li><a href="{self.col(4)}">乡镇信息公开</a></li></ul>')))
        columns = {}
        for directory, members in ((3, depts), (4, towns)):
            links = []
            for key, org in members:
                number = 100 + len(columns)
                columns[key] = number
                links.append(f'<li><a href="{self.col(number)}">{html.escape(org)}</a></li>')
                target = self.col(300 + number) if key.startswith("town") else self.col(200 + number)
                self.add_page(self.col(number), self.html(org, (
                    f'<ul><li><a href="{self.col(400 + number)}">机构职能</a></li>'
                    f'<li><a href="{target}">政府信息公开年报</a></li></ul>')))
                if key.startswith("town"):  # meta-refresh shell in front of the real column (T35)
                    self.add_page(target, '<html><head><meta http-equiv="refresh" content="0;url='
                                          f'{self.col(200 + number)}"></head><body></body></html>')
            self.add_page(self.col(directory), self.html("部门信息公开" if directory == 3 else "乡镇信息公开",
                                                         f'<ul class="units">{"".join(links)}</ul>'))
        for key, number in columns.items():
            self.column(200 + number, self.units[key], self.reports(key), totals=number % 2 == 0)
        self.column(2, "政府信息公开年报", self.reports(), totals=True, aggregate=True)

    def article_url(self, doc: Doc, column: int) -> str:
        day = doc.published
        return f"{self.www}/art/{day.year}/{day.month}/{day.day}/art_{1229100000 + column}_{3900000 + doc.id}.html"

    def column(self, number: int, name: str, docs: list[Doc], totals: bool, aggregate: bool = False):
        docs = self.sorted_docs(docs)
        records = []
        for doc in docs:
            url = self.article_url(doc, number)
            if aggregate and doc.url:
                doc.alias_urls.append(url)
                self.add_page(url, self.article_page(doc), fault=doc.fault)
            elif not aggregate:
                doc.url = url
                self.add_page(url, self.article_page(doc), fault=doc.fault)
            records.append(f"<li><a href='{url}' title='{html.escape(doc.title)}' target='_blank'>"
                           f"{html.escape(doc.title[:24])}{'...' if len(doc.title) > 24 else ''}</a>"
                           f"<span>{doc.published}</span></li>")
        self.records = getattr(self, "records", {})
        self.records[1229100000 + number] = (records, totals)
        store = "".join(f"<record><![CDATA[\n{r}]]></record>\n" for r in records[:FIRST_PAGE])
        unit = 760000 + number
        body = (f'<div class="crumb">当前位置: 首页 &gt; 政务公开 &gt; {html.escape(name)}</div>'
                f'<div id="{unit}"><script type="text/xml"><datastore>\n<nextgroup><![CDATA[<a href="/module/web/jpage/'
                f'dataproxy.jsp?page=1&webid=73&columnid={1229100000 + number}&unitid={unit}"></a>]]></nextgroup>\n'
                f'<recordset>{store}</recordset></datastore></script></div>'
                f"<script>$('#{unit}').jpage({{perPage:15,groupSize:3,totalRecord:{len(records)}}});</script>")
        self.add_page(self.col(number), self.html(name, body, {"ColumnName": "政府信息公开年报"}))
        self.farm.handle(f"{self.www}/module/web/jpage/dataproxy.jsp", self.dataproxy)

    def dataproxy(self, method, query, body, headers):
        fields = dict(query)
        fields.update(dict(parse_qsl(body.decode("utf-8", "replace"))))
        records, totals = self.records.get(int(fields.get("columnid") or 0), ([], False))
        start, end = int(fields.get("startrecord", 1)), int(fields.get("endrecord", 45))
        window = "".join(f"<record><![CDATA[{r}]]></record>" for r in records[start - 1:end])
        head = f"<totalrecord>{len(records)}</totalrecord><totalpage>{-(-len(records) // 15)}</totalpage>" if totals else ""
        xml = f'<?xml version="1.0" encoding="UTF-8"?><datastore>{head}<recordset>{window}</recordset></datastore>'
        return Route(200, xml.encode(), (("Content-Type", "text/xml;charset=UTF-8"),))

    def article_page(self, doc: Doc) -> str:
        return hanweb_article(self, doc)

    def faults(self):
        reports = [d for d in self.reports() if d.kind == "report" and d.form == "html"]
        huge = reports[2]
        huge.fault, huge.expect = Fault.HUGE, error("too_large")


def downfile(doc_id: int, name: str, ext: str) -> str:
    """A Hanweb attachment path: a hashed file name; the real name is only in the link text."""
    return f"/module/download/downfile.jsp?classid=0&filename={hashlib.md5(f'{doc_id}{name}'.encode()).hexdigest()}.{ext}"


def hanweb_article(site: Site, doc: Doc, crumb: str = "", box: str = "", charset: str | None = None) -> str:
    """A JCMS article page: Maketime, 信息来源 markers, the body between ZJEG_RSS markers, downfile links."""
    links = []
    for file in doc.files:
        ext = file.name.rsplit(".", 1)[-1]
        url = site.www + downfile(doc.id, file.name, ext)
        if not file.url:
            site.add_file(url, file)
        icon = "pdf.png" if ext == "pdf" else "word.png"
        links.append(f'<p>附件：<a href="{url.replace(site.www, "")}"><img src="/module/jslib/icons/{icon}"/>'
                     f"{html.escape(file.name)}</a></p>")
    metas = {"Maketime": f"{doc.published} 09:52:13", **site.article_metas(doc, "政府信息公开年报")}
    body = ((f'<div class="crumb">当前位置: {crumb}</div>' if crumb else "") + box
            + f'<div class="title"><h1>{html.escape(doc.page_title or doc.title)}</h1></div>'
            f'<div class="info">信息来源：<!--<$[信息来源]>begin-->{html.escape(doc.org)}<!--<$[信息来源]>end--></div>'
            f'<div id="zoom"><!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">'
            f'{doc.body}<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end--></div>'
            + "".join(links))
    return site.html(doc.page_title or doc.title, body, metas,
                     '<script language="javascript" src="/module/jslib/jquery/jquery.js"></script>', charset)

"""F2 Hanweb JPaaS (portals.md §2.2): column pages are shells whose list is JSON.

A column page carries no list, only
`<script src="/AuthorizedRead/unitbuild.js" url="/api-gateway/…/build/unit" queryData="{'webId':…}">`
(single-quoted JSON, as live pages write it). GET that URL with the queryData and
`paramJson={"pageNo":N,"pageSize":"15"}` answers `{"success":true,"data":{"html":"<ul>…</ul>"}}`.
Bare `pageNo`/`page` parameters are ignored (page 1 again, T14); a pageSize above 15
is cut to 15; a page past the end is an empty `<ul>`; a wrong webId/pageId answers
`success: false` (parseType may be spelt `bulidstatic`, as most portals do, or `buildstatic`). Articles are JCMS pages `/art/Y/M/D/art_<pageId>_<id>.html`.

Faults: a report whose first fetch is a dropped connection, one answered 429 first,
a Word copy served as `text/html`, and a linked "PDF" that is an HTML error page.
"""
from __future__ import annotations

import html
import json

from ..faults import LISTED, Fault
from ..model import File, Route, Site
from .hanweb import hanweb_article
from .hanweb_xxgk import art_url

WEB_ID = "3517"
TPLSET = "Q7xWm2LpTz9rNcV4bHsJd"
TAG = "当前栏目list"
UNIT_API = "/api-gateway/jpaas-publish-server/front/page/build/unit"
PAGE_SIZE = 15
COLUMNS = ((1229400002, "政府信息公开年报", ("gov", "office", "dept")), (1229400003, "乡镇政府信息公开年报", ("town",)))


class JpaasSite(Site):
    family = "jpaas"
    mechanisms = ("JPaaS unitbuild.js shell, JSON list via paramJson (bare pageNo ignored)", "T33 reset",
                  "T39 429", "T24 wrong Content-Type", "T24 error page as attachment")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "泗河县", "www.sihe.gov.cn", scale, farm.rng)

    def make_docs(self, scale):
        self.plan(first_lookalike=2, forms={("office", 2024): "copy", ("town0", 2023): "copy"})

    def col(self, number: int) -> str:
        return f"{self.www}/col/col{number}/index.html"

    def build(self):
        xxgk = self.col(1229400001)
        self.home(xxgk)
        self.add_page(xxgk, self.html("政府信息公开", "<ul>" + "".join(
            f'<li><a href="{self.col(number)}">{name}</a></li>' for number, name, _ in COLUMNS)
            + f'<li><a href="{self.col(1229400009)}">政府信息公开指南</a></li></ul>'))
        self.place_faults()
        self.lists: dict[str, list[str]] = {}
        for number, name, units in COLUMNS:
            query = {"webId": WEB_ID, "pageId": str(number), "tplSetId": TPLSET, "tagId": TAG,
                     "pageType": "column", "editType": "null", "parseType": "bulidstatic"}
            data = json.dumps(query, ensure_ascii=False).replace('"', "'")  # single quotes, as live pages
            self.add_page(self.col(number), self.html(name, (
                f'<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; {name}</div><div class="list-con">'
                f'<script src="/AuthorizedRead/unitbuild.js" url="{UNIT_API}" queryData="{data}"></script></div>'),
                {"ColumnName": name}))
            docs = self.sorted_docs([d for d in self.docs if d.unit.startswith(units)])
            self.lists[str(number)] = [self.item(d, number) for d in docs]
            for doc in docs:
                self.publish(doc, number, name)
        self.farm.handle(self.www + UNIT_API, self.unit)
        self.farm.note(self.www + UNIT_API, Fault.PARAMS_IN_JSON, LISTED, "endpoint")

    def place_faults(self):
        by = {(d.unit, d.year): d for d in self.reports() if d.kind == "report"}
        by[("gov", 2023)].fault = Fault.RESET_ONCE
        by[("dept0", self.span[0])].fault = Fault.RATE_LIMIT_ONCE
        by[("office", 2024)].files[0].fault = Fault.WRONG_CONTENT_TYPE
        broken = by[("town0", 2023)]
        broken.dead_files.append(File(f"{broken.title}.pdf", b"", "text/html", fault=Fault.ERROR_PAGE_200))

    def item(self, doc, number) -> str:
        return (f'<li><a href="{art_url(self.www, doc, number)}" title="{html.escape(doc.title)}" target="_blank">'
                f'{html.escape(doc.title)}</a><span class="date">{doc.published}</span></li>')

    def publish(self, doc, number, name):
        doc.url = art_url(self.www, doc, number)
        for file in doc.files:
            if file.fault == Fault.WRONG_CONTENT_TYPE:
                file.content_type = "text/html"
        for dead in doc.dead_files:
            dead.url = f"{self.www}/module/download/downfile.jsp?classid=0&filename={doc.id:032x}.pdf"
            self.add_page(dead.url, "<html><head><title>错误</title></head><body><h2>您访问的文件不存在或已被删除！"
                                    "</h2></body></html>")
        page = hanweb_article(self, doc, f"首页 &gt; 政务公开 &gt; {name}")
        if doc.dead_files:
            dead = doc.dead_files[0]
            page = page.replace("</body>", f'<p>附件：<a href="{dead.url.replace(self.www, "")}">'
                                           f"{html.escape(dead.name)}</a></p></body>")
        self.add_page(doc.url, page, fault=doc.fault)

    def unit(self, method, query, body, headers):
        """The build/unit endpoint: only paramJson pages; everything else is page 1 or an error."""
        items = self.lists.get(query.get("pageId", ""))
        if query.get("webId") != WEB_ID or items is None or query.get("parseType") not in ("bulidstatic", "buildstatic"):
            payload = {"success": False, "code": "500", "message": "参数错误", "data": None}
            return Route(200, json.dumps(payload, ensure_ascii=False).encode(), (("Content-Type", "application/json"),))
        try:
            params = json.loads(query.get("paramJson") or "{}")
            page, size = int(params.get("pageNo", 1)), min(int(params.get("pageSize", PAGE_SIZE)), PAGE_SIZE)
        except (ValueError, TypeError, AttributeError):
            page, size = 1, PAGE_SIZE
        chunk = items[(page - 1) * size: page * size] if page >= 1 else []
        pages = -(-len(items) // size)
        markup = (f'<ul class="list">{"".join(chunk)}</ul>'
                  f'<div class="pagination" data-pagecount="{pages}" data-pageno="{page}"></div>')
        payload = {"success": True, "code": "200", "message": "操作成功", "data": {"html": markup}}
        return Route(200, json.dumps(payload, ensure_ascii=False).encode(),
                     (("Content-Type", "application/json;charset=UTF-8"),))

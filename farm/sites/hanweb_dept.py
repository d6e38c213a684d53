"""F2 Hanweb JCMS county portal with a department selector (portals.md §2.2, T09, T10, T20, T22, T28).

Columns are `/col/col<id>/index.html`; a column's first group of records lives only
in `<script type="text/xml"><datastore>…<record><![CDATA[<li>…]]></record>`, the rest
comes from `/module/web/jpage/dataproxy.jsp` (GET or POST, startrecord/endrecord/perpage
or page; for the 年报 column each request URL answers 503 + Retry-After once). The 年报 column holds the county, its
office and the townships; each department's 年报 column is reachable only through
a `<select>` whose options carry the column URLs (`onchange` opens them), the usual
"部门年报" drop-down of county portals.

Department reports are titled "2023年政府信息公开工作年度报告" with the organ only in
the 发布机构 cell of the 索引号 table and in the breadcrumb; list anchors are cut with
"..." (full title in `title=`); the county's reports are also listed under the 政府信息
公开 column's id (`art_<other col>_<same id>`). Files are `downfile.jsp?…filename=<hex>.<ext>`.
"""
from __future__ import annotations

import hashlib
from datetime import date
from urllib.parse import parse_qsl, quote

from ..faults import LISTED, Fault
from ..model import Doc, Route
from .county import CountySite

WEBID = 42
PROXY = "/module/web/jpage/dataproxy.jsp"
PER_PAGE, GROUP = 5, 2
ZWGK, XXGK, ZN, GZBG, TJXX, NB = 1229510001, 1229510002, 1229510003, 1229510006, 1229510007, 1229510010


def cut(title: str) -> str:
    return title if len(title) <= 22 else title[:20] + "..."


class HanwebDeptSite(CountySite):
    family = "hanweb"
    departments = 3
    towns = 2
    mechanisms = ("T09 first group only in <datastore> CDATA", "T10 dataproxy.jsp GET/POST groups",
                  "department 年报 columns only in <select> options", "T28 titles without organ (发布机构 cell)",
                  "cut anchor text, full title in title=", "T20 same article under two column ids",
                  "T22 downfile.jsp hashed files", "T39 dataproxy 503 once", "T32 department column 502 once")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "鹤鸣县", "www.heming.gov.cn", scale, farm.rng)

    def report_title(self, unit, year):
        c = self.county
        if unit == "gov":
            return f"{c}人民政府{year}年政府信息公开工作年度报告"
        if unit == "office":
            return f"{year}年{c}人民政府办公室政府信息公开工作年度报告"
        if unit.startswith("dept"):
            return f"{year}年政府信息公开工作年度报告"
        if unit == "town1":
            return f"{year}年度政府信息公开工作年度报告（{self.short(unit)}）"
        return f"{self.short(unit)}{year}年政府信息公开工作年度报告"

    def plan_docs(self):
        c, first, last = self.county, self.span[0], self.span[-1]
        self.plan_reports({("gov", first): ("docx", True), ("dept1", 2023): ("pdf", False),
                           ("town0", last): ("pdf", True)}, unit_first=True)
        self.other("gov", "2023年政府信息公开工作年度报告解读", 2023, date(2024, 2, 6))
        self.other("office", f"关于{c}2023年度政府信息公开工作考核结果的通报", 2023, date(2024, 4, 12))
        self.other("dept0", f"{c}{self.short('dept0')}2023年度部门决算", 2023, date(2024, 8, 30))
        self.other("gov", f"{c}人民政府信息公开指南", 2023, date(2023, 5, 10))
        self.other("gov", f"政府工作报告——2024年1月10日在{c}第十八届人民代表大会第四次会议上", 2023,
                   date(2024, 1, 16))
        self.other("gov", f"{c}2023年国民经济和社会发展统计公报", 2023, date(2024, 3, 29))
        self.news("office", f"{c}政务公开领导小组办公室关于调整领导小组成员的通知", date(2024, 6, 3))
        self.news("office", f"{c}人民政府办公室关于开展政务公开专题培训的通知", date(2023, 9, 14))

    # -- naming ----------------------------------------------------------------------------------------
    def dept_column(self, unit: str) -> int:
        return 1229510021 + list(self.units).index(unit)

    def unitid(self, column: int) -> int:
        return 7410000 + column % 1000

    def art_url(self, doc: Doc, column: int) -> str:
        d = doc.published
        return f"{self.www}/art/{d.year}/{d.month}/{d.day}/art_{column}_{3913000 + 7 * doc.id}.html"

    def page(self, title: str, main: str, crumbs=(), head: str = "") -> str:
        c = self.county
        trail = "".join(f" &gt; <a href='{url}'>{name}</a>" for name, url in crumbs)
        return (
            "<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>"
            f"<meta name='SiteName' content='{c}人民政府'><meta name='SiteDomain' content='{self.host}'>"
            f"<meta name='SiteIDCode' content='{self.farm.site_code(self)}'>{head}"
            f"<title>{self.esc(title)}</title>"
            "<script type='text/javascript' src='/module/jslib/jquery/jquery.js'></script>"
            "<script type='text/javascript' src='/module/jslib/jpage/jpage.js'></script></head><body>"
            f"<div class='head'><a href='/'><img src='/picture/0/logo.png' alt='{c}人民政府'></a>"
            "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/col/col1229510001/index.html'>政务公开</a></li>"
            "<li><a href='/col/col1229510008/index.html'>政务服务</a></li>"
            "<li><a href='/col/col1229510009/index.html'>互动交流</a></li></ul></div>"
            f"<div class='bread'>当前位置：<a href='/'>首页</a>{trail}</div>{main}"
            f"<div class='foot'>{c}人民政府办公室主办 网站标识码：{self.farm.site_code(self)}</div></body></html>")

    def crumbs(self, *tail):
        return (("政务公开", f"/col/col{ZWGK}/index.html"), ("政府信息公开", f"/col/col{XXGK}/index.html")) + tail

    # -- columns ---------------------------------------------------------------------------------------
    def record(self, doc: Doc, column: int) -> str:
        return (f"<li><a href=\"{self.art_url(doc, column)}\" title=\"{self.esc(doc.title)}\" target=\"_blank\">"
                f"{self.esc(cut(doc.title))}</a><i>{doc.published:%Y-%m-%d}</i></li>")

    def column(self, column: int, name: str, docs: list[Doc], crumbs, extra: str = "", fault=None) -> None:
        """A jpage column page: the first group in <datastore>, the rest through dataproxy.jsp."""
        docs = self.sorted_docs(docs)
        self.columns[column] = docs
        unit = self.unitid(column)
        nextgroup = (f'<a href="{PROXY}?page={GROUP + 1}&webid={WEBID}&columnid={column}&unitid={unit}"></a>'
                     if len(docs) > PER_PAGE * GROUP else "")
        records = "".join(f"<record><![CDATA[\n{self.record(d, column)}]]></record>\n" for d in docs[:PER_PAGE * GROUP])
        main = (f"<div class='lm-name'>{name}</div>{extra}<div class='list'>"
                f"<div id='{unit}'><script type=\"text/xml\"><datastore>\n<nextgroup><![CDATA[{nextgroup}]]></nextgroup>\n"
                f"<recordset>\n{records}</recordset></datastore></script></div>"
                f"<script type=\"text/javascript\">$(function(){{$('#{unit}').jpage({{themeName:'default',"
                f"showMode:'full',totalRecord:{len(docs)},openCookies:false,dataBefore:'<ul class=\"list-ul\">',"
                f"dataAfter:'</ul>',groupSize:{GROUP},proxyUrl:'{PROXY}',perPage:{PER_PAGE},barPosition:'bottom',"
                f"ajaxParam:{{col:1,appid:'1',webid:{WEBID},path:'/',columnid:{column},sourceContentType:'1',"
                f"unitid:'{unit}',webname:'{self.county}人民政府',permissiontype:0}}}});}});</script></div>")
        url = f"{self.www}/col/col{column}/index.html"
        self.add_page(url, self.page(f"{name}_{self.county}人民政府", main, crumbs), fault=fault)
        if fault:
            self.farm.note(url, fault, LISTED, "list")
        for doc in docs:
            if not doc.url:
                doc.url = self.art_url(doc, column)
                self.add_page(doc.url, self.article(doc, name, crumbs))

    def dataproxy(self, method: str, query: dict, body: bytes, headers: dict) -> Route:
        params = {**query, **dict(parse_qsl(body.decode("utf-8", "replace")))}
        try:
            column = int(params.get("columnid", 0))
            perpage = min(int(params.get("perpage") or PER_PAGE), 300)
            if params.get("startrecord"):
                start, end = int(params["startrecord"]), int(params.get("endrecord") or params["startrecord"])
            else:
                start = (int(params.get("page") or 1) - 1) * perpage + 1
                end = start + perpage * GROUP - 1
        except ValueError:
            return Route(500, b"<html><body>java.lang.NumberFormatException</body></html>",
                         (("Content-Type", "text/html"),))
        docs = self.columns.get(column, [])
        chosen = docs[max(start, 1) - 1:min(end, start + 299)]
        pages = -(-len(docs) // perpage) if docs else 0
        following = end // perpage + 1
        nextgroup = (f'<a href="./dataproxy.jsp?page={following}&appid=1&webid={WEBID}&path=/&columnid={column}'
                     f'&unitid={self.unitid(column)}&webname={quote(self.county + "人民政府")}"></a>')
        xml = (f"<datastore>\n<totalrecord>{len(docs)}</totalrecord>\n<totalpage>{pages}</totalpage>\n"
               f"<nextgroup><![CDATA[{nextgroup}]]></nextgroup>\n<recordset>\n"
               + "".join(f"<record><![CDATA[\n{self.record(d, column)}]]></record>\n" for d in chosen)
               + "</recordset>\n</datastore>")
        fault = Fault.RETRY_AFTER_ONCE if column == NB else None  # busy once for each request URL
        return Route(200, xml.encode("utf-8"), (("Content-Type", "text/xml;charset=UTF-8"),), fault)

    def article(self, doc: Doc, column: str, crumbs) -> str:
        """A Hanweb article: 索引号 table (发布机构, 组配分类), ZJEG_RSS body markers, downfile.jsp files."""
        files = ""
        for file in doc.files:
            ext = file.name.rsplit(".", 1)[1]
            name = hashlib.md5(f"heming-{doc.id}-{file.name}".encode()).hexdigest()
            url = self.add_file(f"{self.www}/module/download/downfile.jsp?classid=0&filename={name}.{ext}", file)
            icon = "pdf" if ext == "pdf" else "word"
            files += (f"<p>附件：<a href=\"{url.removeprefix(self.www)}\"><img src=\"/module/jslib/icons/{icon}.png\"/>"
                      f"{self.esc(file.name)}</a></p>")
        made = f"{doc.published:%Y-%m-%d} 09:52:13"
        column_id = doc.url.rsplit("/art_", 1)[1].split("_")[0]
        head = (f"<meta name='Maketime' content='{made}'><meta name='i_columnid' content='{column_id}'>"
                f"<meta name='i_articleid' content='{3913000 + 7 * doc.id}'>")
        main = (
            "<table class='xxgk_table' border='1'>"
            f"<tr><td class='lab'>索引号</td><td>11{331124 + doc.id}MB1C/{doc.published.year}-{doc.id:05d}</td>"
            "<td class='lab'>公开方式</td><td>主动公开</td></tr>"
            f"<tr><td class='lab'>成文日期</td><td>{doc.published.replace(day=1):%Y-%m-%d}</td>"
            f"<td class='lab'>发布机构</td><td>{self.esc(doc.org)}</td></tr>"
            f"<tr><td class='lab'>组配分类</td><td>{column}</td><td class='lab'>主题分类</td><td>综合政务</td></tr></table>"
            f"<div class='title'>{self.esc(doc.title)}</div>"
            f"<div class='laiyuan'>信息来源：<!--<$[信息来源]>begin-->{self.esc(doc.org)}<!--<$[信息来源]>end-->"
            f"　发布日期：{doc.published:%Y年%m月%d日}　<span id='c'>浏览次数：</span></div>"
            "<div id='zoom'><!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name=\"ContentStart\">"
            f"{doc.body}<meta name=\"ContentEnd\"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end--></div>{files}")
        return self.page(f"{self.county}人民政府 {column} {doc.title}", main, crumbs, head)

    # -- pages -----------------------------------------------------------------------------------------
    def build(self):
        c, www = self.county, self.www
        self.columns: dict[int, list[Doc]] = {}
        self.farm.handle(www + PROXY, self.dataproxy)
        self.farm.note(www + PROXY, Fault.RETRY_AFTER_ONCE, LISTED, "list")
        looks = {d.title: d for d in self.docs if d.kind == "lookalike"}
        depts = self.units_of("dept")
        county_units = ("gov", "office") + tuple(self.units_of("town"))
        annual = [d for d in self.docs if d.unit in county_units and (
            d.kind != "lookalike" or "解读" in d.title or "考核" in d.title)]
        gov = self.sorted_docs([d for d in self.docs if d.unit == "gov" and d.kind == "report"])
        latest = "".join(f"<li><a href='/art/{d.published.year}/{d.published.month}/{d.published.day}/"
                         f"art_{XXGK}_{3913000 + 7 * d.id}.html' target='_blank'>{self.esc(d.title)}</a>"
                         f"<span>{d.published:%m-%d}</span></li>" for d in gov[:3])
        self.add_page(www + "/", self.page(f"{c}人民政府门户网站", (
            "<div class='banner'></div><div class='ywdt'><h3>要闻动态</h3><ul>"
            + "".join(f"<li><a href='/art/2024/5/{n}/art_1229510011_{4000000 + n}.html'>{c}召开第{n}次县政府常务会议</a>"
                      "</li>" for n in (7, 21))
            + "</ul></div>")))
        for n in (7, 21):
            self.add_page(f"{www}/art/2024/5/{n}/art_1229510011_{4000000 + n}.html",
                          self.page(f"{c}召开第{n}次县政府常务会议", f"<div class='title'>{c}召开第{n}次县政府常务会议</div>"))
        self.add_page(f"{www}/col/col{ZWGK}/index.html", self.page(f"政务公开_{c}人民政府", (
            "<div class='zwgk'><ul>"
            f"<li><a href='/col/col{XXGK}/index.html'>政府信息公开</a></li>"
            f"<li><a href='/col/col{GZBG}/index.html'>政府工作报告</a></li>"
            f"<li><a href='/col/col{TJXX}/index.html'>统计信息</a></li></ul></div>"), self.crumbs()[:1]))
        self.add_page(f"{www}/col/col{XXGK}/index.html", self.page(f"政府信息公开_{c}人民政府", (
            "<div class='xxgk-left'><ul>"
            f"<li><a href='/col/col{ZN}/index.html'>政府信息公开指南</a></li>"
            "<li><a href='/col/col1229510004/index.html'>政府信息公开制度</a></li>"
            "<li><a href='/col/col1229510005/index.html'>法定主动公开内容</a></li>"
            f"<li><a href='/col/col{NB}/index.html'>政府信息公开年报</a></li></ul></div>"
            f"<div class='xxgk-new'><h3>最新公开</h3><ul>{latest}</ul></div>"), self.crumbs()))
        for doc in gov[:3]:  # the same article under the 政府信息公开 column id (T20)
            doc.alias_urls.append(self.art_url(doc, XXGK))
        options = "".join(f"<option value='/col/col{self.dept_column(u)}/index.html'>{self.short(u)}</option>"
                          for u in depts)
        selector = ("<div class='bmnb'>部门年报：<select name='bmnb' id='bmnb' "
                    "onchange=\"if(this.value!=''){window.open(this.value,'_blank');}\">"
                    f"<option value=''>==请选择部门==</option>{options}</select></div>")
        self.column(NB, "政府信息公开年报", annual, self.crumbs(("政府信息公开年报", f"/col/col{NB}/index.html")), selector)
        for doc in gov[:3]:
            self.add_page(doc.alias_urls[0], self.article(doc, "政府信息公开年报", self.crumbs()))
        for index, unit in enumerate(depts):
            docs = [d for d in self.docs if d.unit == unit]
            col = self.dept_column(unit)
            self.column(col, f"{self.short(unit)}政府信息公开年报", docs,
                        self.crumbs(("部门信息公开", f"/col/col{NB}/index.html"),
                                    (self.short(unit), f"/col/col{col}/index.html")),
                        fault=Fault.BAD_GATEWAY_ONCE if index == 0 else None)
        self.column(ZN, "政府信息公开指南", [looks[f"{c}人民政府信息公开指南"]], self.crumbs())
        self.column(GZBG, "政府工作报告", [d for d in looks.values() if d.title.startswith("政府工作报告")],
                    self.crumbs()[:1])
        self.column(TJXX, "统计信息", [looks[f"{c}2023年国民经济和社会发展统计公报"]], self.crumbs()[:1])
        for col, name in ((1229510004, "政府信息公开制度"), (1229510005, "法定主动公开内容"),
                          (1229510008, "政务服务"), (1229510009, "互动交流")):
            self.column(col, name, [], self.crumbs())
        assert all(d.url for d in self.docs), "a document with no column"

"""An old ASP county portal in GBK: a frameset home, a `<base href>` on another host, links only scripts open.

portals.md §5 Links: "`javascript:void(0)` with `onclick="…('id')"`, `<base href>` tags"; §4.2
"Unit → 年报 column"; old templates (§3 "sites with no 指引 metas are common among older county
pages"). The home page is a `<frameset>` whose `main.htm` carries the menus; the portal's pages
set `<base href="http://xxgk.<county>.gov.cn/">`, so their relative links lead to the 信息公开
host. On that host the 年报 list `list.asp?classid=12` shows its rows as
`<a href="javascript:void(0)" onclick="openDoc('1021')">` with `function openDoc(id)` inline,
and its pager as `<a href="javascript:goPage(2)">下一页</a>`; asking past the last page
repeats the last. The departments' 年报 lists are named on the county list by
`<li onclick="openColumn(31)">县教育局</li>` only. Articles (`show.asp?id=N`) have the title
in `<td class="title">`; files open through `javascript:downFile('/upload/…pdf')`.
Every page is GBK with no charset in Content-Type. Faults: a listed article that is gone
(404), a list page whose connection drops once.
"""
from __future__ import annotations

from datetime import date

from ..faults import LISTED, Fault, error
from ..model import Doc
from .county import CountySite

COUNTY_CLASS, PAGE_SIZE = 12, 6


class ScriptLinkSite(CountySite):
    family = "generic"
    charset = "gbk"
    header_charset = False
    departments = 3
    towns = 2
    mechanisms = ("T41 frameset home", "T19 <base href> to the 信息公开 host", "rows opened by onclick=openDoc('id')",
                  "pager as javascript:goPage(n)", "unit lists only in <li onclick>", "files by javascript:downFile",
                  "T01 GBK without charset header", "T46 page past the end repeats the last", "T32 a gone article",
                  "T33 reset once on a list page")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "柏川县", "www.baichuan.gov.cn", scale, farm.rng)

    @property
    def xxgk(self) -> str:
        return "http://xxgk.baichuan.gov.cn"

    def report_title(self, unit, year):
        c = self.county
        if unit == "gov":
            return f"{c}{year}年政府信息公开工作年度报告"
        if unit == "office":
            return f"{year}年{c}人民政府办公室政府信息公开工作年度报告"
        if unit.startswith("dept"):
            return f"县{self.short(unit)}{year}年政府信息公开工作年度报告"
        return f"{self.short(unit)}{year}年度政府信息公开工作报告"

    def plan_docs(self):
        c = self.county
        self.plan_reports({("gov", self.span[-1]): ("pdf", False), ("dept0", self.span[1]): ("pdf", False)})
        self.other("gov", f"{c}人民政府信息公开指南", 2023, date(2023, 5, 8))
        self.other("gov", f"{c}2023年政府信息公开工作年度报告解读", 2023, date(2024, 2, 6))
        self.other("office", f"{c}2024年政务公开工作实施方案", 2024, date(2024, 3, 29))

    def class_of(self, unit: str) -> int:
        return COUNTY_CLASS if not unit.startswith("dept") else 31 + self.units_of("dept").index(unit)

    # -- layout ----------------------------------------------------------------------------------------------
    def page(self, title: str, main: str, script: str = "") -> str:
        c = self.county
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
                f'<title>{self.esc(title)}</title><base href="{self.xxgk}/"><link href="css/style.css" rel="stylesheet">'
                f'{script}</head><body><table width="960" align="center"><tr><td class="banner">{c}政府信息公开网</td></tr>'
                f'<tr><td class="menu"><a href="{self.www}/main.htm" target="_top">网站首页</a> | <a href="index.asp">信息公开首页</a>'
                f'</td></tr><tr><td>{main}</td></tr><tr><td class="foot">{c}人民政府办公室 版权所有</td></tr></table>'
                "</body></html>")

    def show_url(self, doc: Doc) -> str:
        return f"{self.xxgk}/show.asp?id={1000 + doc.id}"

    # -- pages -----------------------------------------------------------------------------------------------
    def build(self):
        c, www, xxgk = self.county, self.www, self.xxgk
        self.add_page(www + "/", (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f'<title>{c}人民政府</title></head><frameset rows="118,*" frameborder="0">'
            '<frame src="top.htm" name="top" scrolling="no"><frame src="main.htm" name="main">'
            f"<noframes><body>您的浏览器不支持框架，请访问 main.htm</body></noframes></frameset></html>"))
        self.add_page(www + "/top.htm", f'<html><body><img src="images/top.jpg" alt="{c}人民政府"></body></html>')
        # the portal's own pages: relative links resolve against <base href>, on the 信息公开 host
        self.add_page(www + "/main.htm", self.page(f"{c}人民政府", (
            '<table class="nav"><tr><td><a href="index.asp">政府信息公开</a></td>'
            f'<td><a href="{www}/news/list.asp">新闻中心</a></td><td><a href="{www}/bsfw.htm">办事服务</a></td></tr></table>'
            f'<div class="news"><a href="{www}/news/show.asp?id=88">{c}召开全县经济工作会议</a></div>')))
        self.add_page(www + "/news/show.asp?id=88", self.page(f"{c}召开全县经济工作会议", "<p>会议指出……</p>"))
        open_class = "<script>function openClass(n){ window.location.href = 'list.asp?classid=' + n; }</script>"
        self.add_page(xxgk + "/index.asp", self.page(f"{c}政府信息公开", (
            '<table class="tree"><tr><td><a href="list.asp?classid=2">政府信息公开指南</a></td></tr>'
            '<tr><td><a href="list.asp?classid=3">政府信息公开制度</a></td></tr>'
            f'<tr><td><a href="javascript:void(0)" onclick="openClass({COUNTY_CLASS})">政府信息公开年报</a></td></tr>'
            "<tr><td><a href=\"list.asp?classid=5\">法定主动公开内容</a></td></tr></table>"), open_class))
        looks = {d.title: d for d in self.docs if d.kind == "lookalike"}
        county = [d for d in self.docs if not d.unit.startswith("dept") and d.kind == "report"]
        county += [d for t, d in looks.items() if "解读" in t or "实施方案" in t]
        self.listing(COUNTY_CLASS, "政府信息公开年报", county, reset=True)
        for unit in self.units_of("dept"):
            self.listing(self.class_of(unit), f"{self.short(unit)}政府信息公开年报",
                         [d for d in self.docs if d.unit == unit and d.kind == "report"])
        self.listing(2, "政府信息公开指南", [d for t, d in looks.items() if "指南" in t])
        for number in (3, 5):
            self.listing(number, "政府信息公开制度" if number == 3 else "法定主动公开内容", [])
        gone = next(d for d in self.docs if (d.unit, d.year) == ("town1", self.span[1]))
        gone.fault, gone.expect = Fault.HTTP_404, error("http_404")
        for doc in self.docs:
            if doc.kind != "news" and doc is not gone:
                self.add_page(doc.url, self.article(doc))
        assert all(d.url for d in self.docs), "a document with no page"

    def listing(self, number: int, name: str, docs: list[Doc], reset: bool = False) -> None:
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        units = ""
        if number == COUNTY_CLASS:  # the departments' lists, named only by <li onclick>
            units = ('<div class="bmnb"><b>部门年报</b><ul>' + "".join(
                f'<li onclick="openColumn({self.class_of(u)})" style="cursor:pointer">县{self.short(u)}</li>'
                for u in self.units_of("dept")) + "</ul></div>")
        script = ("<script language=\"javascript\">\nfunction openDoc(id){ window.open('show.asp?id=' + id); }\n"
                  f"function goPage(n){{ location.href = 'list.asp?classid={number}&page=' + n; }}\n"
                  "function openColumn(c){ location.href = 'list.asp?classid=' + c; }\n</script>")
        for page_number in range(1, len(pages) + 2):  # one past the last repeats the last (T46)
            chunk = pages[min(page_number, len(pages)) - 1]
            rows = ""
            for doc in chunk:
                doc.url = self.show_url(doc)
                rows += (f'<tr><td class="bt"><a href="javascript:void(0)" onclick="openDoc(\'{1000 + doc.id}\')">'
                         f'{self.esc(doc.title)}</a></td><td class="rq">{doc.published:%Y-%m-%d}</td></tr>')
            pager = f"共{len(docs)}条 第{min(page_number, len(pages))}/{len(pages)}页 "
            if page_number > 1:
                pager += f'<a href="javascript:goPage({page_number - 1})">上一页</a> '
            pager += f'<a href="javascript:goPage({page_number + 1})">下一页</a>'
            main = (f'<div class="lm">当前位置：信息公开 &gt; {name}</div>{units}'
                    f'<table class="list" width="100%">{rows}</table><div class="page">{pager}</div>')
            url = f"{self.xxgk}/list.asp?classid={number}&page={page_number}"
            fault = Fault.RESET_ONCE if reset and page_number == 2 else None
            self.add_page(url, self.page(name, main, script), fault=fault)
            if page_number == 1:  # the column's own address, without a page number
                self.add_page(f"{self.xxgk}/list.asp?classid={number}", self.page(name, main, script))
            if fault:
                self.farm.note(url, fault, LISTED, "list")
        if len(docs) > PAGE_SIZE:
            self.farm.note(f"{self.xxgk}/list.asp?classid={number}&page={len(pages) + 1}", Fault.PAGER_REPEATS,
                           LISTED, "list")

    def article(self, doc: Doc) -> str:
        files = ""
        for n, file in enumerate(doc.files):
            url = self.add_file(f"{self.xxgk}/upload/{doc.published:%Y%m}/{1000 + doc.id}{n}.pdf", file)
            files += (f'<p>附件：<a href="javascript:downFile(\'{url.removeprefix(self.xxgk)}\')">'
                      f"{self.esc(file.name)}</a></p>")
        d = doc.published
        main = (f'<table width="100%"><tr><td class="title" align="center">{self.esc(doc.title)}</td></tr>'
                f'<tr><td class="info">发布单位：{self.esc(doc.org)}　发布时间：{d.year}-{d.month}-{d.day}</td></tr>'
                f'<tr><td class="content">{doc.body}{files}</td></tr></table>')
        script = "<script>function downFile(path){ window.open(path); }</script>"
        return self.page(doc.title, main, script)

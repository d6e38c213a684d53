"""F3 Guangdong 集约化 portal whose template puts `<meta name="ColumnName" content="政府信息公开年报">`
on EVERY page — home, 政务公开, news, lists, articles (portals.md §3: never trust ColumnName).

The 信息公开 page links 指南 and 制度 (look-alikes), 法定主动公开内容, a 历年年报 link that 301s
to the home page (T36), and the 年报 column. That column lists no report, only year
sub-columns `2024n/` … (named after the report year, §4.1); each year lists the county's
reports and links `bm/` (departments, `index.html`, `index_2.html`, then a soft 404 past
the end) and `xzjd/` (townships, a 索引号 table whose 发布机构 cell is written by a script,
T49; its `index_2.html` is the news column, T42). Articles are `content/post_<id>.html`;
Content-Type has no charset (T02).

Faults: a listed report that is a soft 404, one listed under an old URL that 301s to it,
and a commented-out row (T47) whose URL does not exist.
"""
from __future__ import annotations

import html

from ..faults import NOT_FETCHED, NOT_RECORD, Fault, error
from ..model import DEPARTMENTS, SOFT_404_PAGE, TOWNS, Doc, Route, Site

PAGE_SIZE = 3
META = "政府信息公开年报"


class GuangdongMetaSite(Site):
    family = "guangdong_meta"
    header_charset = False
    mechanisms = ("ColumnName 政府信息公开年报 on every page", "年报 column of year sub-columns only",
                  "index_k pages, soft 404 past the end", "T36 301 to home", "T42 pager bleeding into news",
                  "T47 commented-out row", "T49 script-written cell", "moved 301", "soft 404 report")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "云岭县", "www.yunling.gov.cn", scale, farm.rng)

    def make_units(self, scale):
        units = {"gov": f"{self.county}人民政府", "office": f"{self.county}人民政府办公室"}
        for index in range(2 + 2 * scale):
            units[f"dept{index}"] = self.county + DEPARTMENTS[(index + 3) % len(DEPARTMENTS)]
        for index in range(1 + 2 * scale):
            units[f"town{index}"] = self.county.rstrip("县") + TOWNS[(index + 2) % len(TOWNS)]
        return units

    def make_docs(self, scale):
        self.plan(first_lookalike=1)
        self.guide = self.lookalike("gov", 0)
        self.rules = self.lookalike("gov", 0, title=f"{self.county}政府信息公开制度")

    def html(self, title, body, metas=None, head="", charset=None):
        """The template's bug: the 年报 ColumnName on every page, whatever the page says of itself."""
        return super().html(title, body, {**(metas or {}), "ColumnName": META}, head, charset)

    def build(self):
        xxgk = f"{self.www}/zwgk/zfxxgk/index.html"
        nb = f"{self.www}/zwgk/zfxxgk/zfxxgknb/"
        self.home(xxgk)
        years = sorted({d.year for d in self.reports() if d.kind == "report"}, reverse=True)
        for doc, path in ((self.guide, "zfxxgkzn"), (self.rules, "zfxxgkzd")):
            doc.url = f"{self.www}/zwgk/zfxxgk/{path}/content/post_{6100000 + doc.id}.html"
            self.add_page(doc.url, self.article(doc))
        self.add_page(xxgk, self.html("政府信息公开", (
            '<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开</div><ul class="xxgk-list">'
            f'<li><a href="{self.guide.url}">{html.escape(self.guide.title)}</a></li>'
            f'<li><a href="{self.rules.url}">{html.escape(self.rules.title)}</a></li>'
            f'<li><a href="{self.www}/zwgk/zfxxgk/fdzdgknr/index.html">法定主动公开内容</a></li>'
            f'<li><a href="{nb}index.html">政府信息公开年报</a></li>'
            f'<li><a href="{self.www}/zwgk/lnnb/">历年年报</a></li></ul>')))
        self.add_page(f"{self.www}/zwgk/zfxxgk/fdzdgknr/index.html", self.html("法定主动公开内容", (
            f'<ul class="list"><li><a href="{self.www}/news/1.html">{self.county}召开第1次常务会议</a></li></ul>')))
        self.farm.add(f"{self.www}/zwgk/lnnb/", Route(301, b"", (("Location", f"{self.www}/"),)))
        self.farm.note(f"{self.www}/zwgk/lnnb/", Fault.HOME_301, NOT_RECORD, "nav")
        self.add_page(nb + "index.html", self.html(META, (
            f'<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开 &gt; {META}</div><div class="years">'
            + "".join(f'<a href="{y}n/index.html">{y}年</a> ' for y in years) + "</div>")))
        by = {(d.unit, d.year): d for d in self.reports() if d.kind == "report"}
        soft = by[("town0", self.span[0])]
        soft.fault, soft.expect = Fault.SOFT_404, error("soft_404")
        by[("dept1", self.span[0])].fault = Fault.MOVED_301
        for year in years:
            self.year_column(f"{nb}{year}n/", year)

    def of_year(self, year: int, units: tuple[str, ...]) -> list[Doc]:
        docs = [d for d in self.docs if d.year == year and d.unit.startswith(units) and d not in (self.guide, self.rules)]
        return self.sorted_docs(docs)

    def year_column(self, base: str, year: int):
        county = self.of_year(year, ("gov", "office"))
        self.add_page(base + "index.html", self.html(f"{year}年", (
            f'<div class="crumb">首页 &gt; 政府信息公开 &gt; {META} &gt; {year}年</div>'
            f'<div class="sub"><a href="bm/index.html">部门</a> <a href="xzjd/index.html">乡镇街道</a></div>'
            f'<ul class="list">{"".join(self.item(base, d) for d in county)}</ul>')))
        depts = self.of_year(year, ("dept",))
        pages = [depts[i:i + PAGE_SIZE] for i in range(0, len(depts), PAGE_SIZE)]
        for number, chunk in enumerate(pages, start=1):
            rows = "".join(self.item(base + "bm/", d) for d in chunk)
            if year == 2023 and number == 1:  # T47: an old row left in a comment, its page long gone
                ghost = f"{base}bm/content/post_{6099999 - year}.html"
                rows += f'<!--<li><a href="{ghost}">{self.county}档案局{year}年政府信息公开工作年度报告</a></li>-->'
                self.farm.note(ghost, Fault.COMMENTED_OUT, NOT_FETCHED, "list row")
            self.add_page(base + "bm/" + ("index.html" if number == 1 else f"index_{number}.html"),
                          self.html("部门", f'<ul class="list">{rows}</ul>'))
        past = f"{base}bm/index_{len(pages) + 1}.html"
        self.add_page(past, SOFT_404_PAGE)
        self.farm.note(past, Fault.SOFT_404, NOT_RECORD, "list")
        towns = self.of_year(year, ("town",))
        rows = "".join(
            f'<tr><td>{d.id:05d}/{d.published.year}-{d.id:05d}</td><td><a href="{self.place(base + "xzjd/", d)}" '
            f'target="_blank">{html.escape(d.title)}</a></td><td><script>var fbjg=\'{html.escape(d.org)}\';'
            f"document.write(fbjg);</script></td><td>{d.published}</td></tr>" for d in towns)
        self.add_page(base + "xzjd/index.html", self.html("乡镇街道", (
            f'<table class="xxgk-table"><tr><th>索引号</th><th>名称</th><th>发布机构</th><th>发布日期</th></tr>{rows}</table>'
            '<div class="page"><a href="index_2.html">下一页</a></div>')))
        bleed = base + "xzjd/index_2.html"  # the CMS falls back to another column's list (T42)
        self.add_page(bleed, self.html("新闻中心", '<ul class="list">' + "".join(
            f'<li><a href="{self.www}/news/{n}.html">{self.county}召开第{n}次常务会议</a></li>' for n in range(1, 4))
            + "</ul>"))
        self.farm.note(bleed, Fault.PAGER_BLEEDS, NOT_RECORD, "list")

    def item(self, folder: str, doc: Doc) -> str:
        return (f'<li><a href="{self.place(folder, doc)}" target="_blank">{html.escape(doc.title)}</a>'
                f'<span class="date">{doc.published}</span></li>')

    def place(self, folder: str, doc: Doc) -> str:
        """Publish the document under `folder`; return the URL its list gives."""
        doc.url = f"{folder}content/post_{6100000 + doc.id}.html"
        if doc.fault == Fault.SOFT_404:
            self.add_page(doc.url, SOFT_404_PAGE)
            return doc.url
        self.add_page(doc.url, self.article(doc))
        if doc.fault == Fault.MOVED_301:
            old = f"{self.www}/zwgk/zfxxgknb/content/post_{6100000 + doc.id}.html"
            self.farm.add(old, Route(301, b"", (("Location", doc.url),)))
            doc.listed.append(old)
            return old
        return doc.url

    def article(self, doc: Doc) -> str:
        body = (f'<div class="xl_wrap"><div class="title">{html.escape(doc.title)}</div>'
                f'<div class="title_info"><span>发布时间：{doc.published} 16:02</span><span>来源：{html.escape(doc.org)}</span>'
                f'</div><div class="artContent">{doc.body}</div></div>')
        return self.html(doc.title, body, {"ArticleTitle": doc.title, "PubDate": f"{doc.published} 16:02",
                                           "ContentSource": doc.org})

"""F4 VSB 博达 county portal with per-year 年报 columns (portals.md §2.5, T08, T44, T38).

`zfxxgk/zfxxgknb.htm` shows only the five newest reports (no pager) and a side
menu of years `zfxxgknb/a2024.htm` …; each year lists two items a page and pages
BACKWARDS: `a2023.htm`, then `a2023/4.htm` … `a2023/1.htm`. The pager is the VSB
one: a window of page numbers with "...", 下页 / 尾页 links, "共5页" and
`_simple_list_gotopage_fun(5,…)`. Articles are `/info/<col>/<id>.htm`, linked as
`../../info/…` from a year's first page and `../../../info/…` from the others;
list anchors are cut with "..." and have no title attribute.

Articles carry ArticleTitle/PubDate/ContentSource, the `div.dtl-list` 索引号 block
(`sgx/2024-00012`), `#vsb_content`, and files through
`/system/_content/download.jsp?…wbfileid=` whose name is only in the anchor text and
the Content-Disposition header. Township titles drop the county.
robots.txt forbids the site search (`/ssjg.jsp`), which the home page links with a
年报 query; one report answers 500 once.
"""
from __future__ import annotations

from datetime import date

from ..faults import ROBOTS, Fault
from ..model import Doc
from .county import CountySite

PAGE_SIZE = 2
SITE_ID = 1589463213


def cut(title: str, size: int = 24) -> str:
    return title if len(title) <= size else title[:size] + "..."


class VsbYearsSite(CountySite):
    family = "vsb"
    departments = 3
    towns = 3
    mechanisms = ("T44 per-year sub-columns a2024.htm in a side menu", "T08 reverse pages a2023/N.htm",
                  "pager window with ... and 下页/尾页, 共N页", "../../info and ../../../info article links",
                  "cut anchors without title", "download.jsp files named only by anchor and Content-Disposition",
                  "T38 robots.txt forbids the linked site search", "T32 500 once", "titles without the county name")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "石岗县", "www.shigang.gov.cn", scale, farm.rng)

    def report_title(self, unit, year):
        if unit.startswith("town"):
            return f"{self.short(unit)}人民政府{year}年政府信息公开工作年度报告"
        return f"{self.units[unit]}{year}年政府信息公开工作年度报告"

    def plan_docs(self):
        c, first, last = self.county, self.span[0], self.span[-1]
        self.robots = "User-agent: *\nDisallow: /ssjg.jsp\nDisallow: /system/_content/search\n"
        self.plan_reports({("dept0", first): ("pdf", False), ("town2", 2023): ("pdf", False),
                           ("gov", last): ("pdf", True)})
        self.other("gov", f"{c}2023年政府信息公开工作年度报告政策解读", 2023, date(2024, 2, 8))
        self.other("gov", f"{c}人民政府关于2023年法治政府建设情况的报告", 2023, date(2024, 3, 25))
        self.other("office", f"{c}{last}年政务公开工作实施方案", last, date(last, 3, 15))
        self.other("office", f"{c}人民政府网站{first}年度工作年度报表", first, date(first + 1, 1, 28))

    # -- naming and layout ------------------------------------------------------------------------------
    def column_id(self, year: int) -> int:
        return 2381 + (year - 2000) * 3

    def info_path(self, doc: Doc) -> str:
        return f"/info/{self.column_id(doc.year)}/{644000 + 17 * doc.id}.htm"

    def page(self, title: str, main: str, crumbs=(), metas=None, depth: int = 0) -> str:
        up = "../" * depth
        meta = "".join(f'<meta name="{k}" content="{self.esc(v)}">' for k, v in (metas or {}).items())
        trail = "".join(f' &gt; <a href="{up}{url}">{name}</a>' for name, url in crumbs)
        c = self.county
        return (
            '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            f'<title>{self.esc(title)}-{c}人民政府</title>{meta}'
            '<script language="javascript" src="/system/resource/js/dynclicks.js"></script>'
            '<script language="javascript" src="/system/resource/js/ajax.js"></script></head><body>'
            f'<div class="top"><a href="{up}index.htm"><img src="{up}images/logo.png"></a>'
            f'<form action="{up}ssjg.jsp?wbtreeid=1001" method="post" name="a" target="_blank">'
            '<input type="text" name="showkeycode"><input type="submit" value="搜索"></form></div>'
            f'<div class="nav"><a href="{up}index.htm">首页</a><a href="{up}zwgk.htm">政务公开</a>'
            f'<a href="{up}zfxxgk.htm">政府信息公开</a><a href="{up}hdjl.htm">互动交流</a></div>'
            f'<div class="posi">当前位置：<a href="{up}index.htm">首页</a>{trail}</div>{main}'
            f'<div class="foot">主办：{c}人民政府办公室　网站标识码：{self.farm.site_code(self)}</div></body></html>')

    def pager(self, year: int, number: int, total: int) -> str:
        """The VSB pager of page `number` (1 = `aYYYY.htm`, n → `aYYYY/<total-n+1>.htm`), links relative."""

        def href(n: int) -> str:
            if n == 1:
                return f"../a{year}.htm" if number > 1 else f"a{year}.htm"
            return f"{total - n + 1}.htm" if number > 1 else f"a{year}/{total - n + 1}.htm"

        parts = ['<span class="p_pages">']
        parts.append(f'<span class="p_first p_fun"><a href="{href(1)}">首页</a></span>' if number > 1
                     else '<span class="p_first_d p_fun_d">首页</span>')
        parts.append(f'<span class="p_prev p_fun"><a href="{href(number - 1)}">上页</a></span>' if number > 1
                     else '<span class="p_prev_d p_fun_d">上页</span>')
        shown = sorted({n for n in (1, 2, 3, number - 1, number, number + 1, total) if 1 <= n <= total})
        previous = 0
        for n in shown:
            if n - previous > 1:
                parts.append('<span class="p_dot">...</span>')
            parts.append(f'<span class="p_no_d">{n}</span>' if n == number
                         else f'<span class="p_no"><a href="{href(n)}">{n}</a></span>')
            previous = n
        if number < total:
            parts.append(f'<span class="p_next p_fun"><a href="{href(number + 1)}">下页</a></span>'
                         f'<span class="p_last p_fun"><a href="{href(total)}">尾页</a></span>')
        else:
            parts.append('<span class="p_next_d p_fun_d">下页</span><span class="p_last_d p_fun_d">尾页</span>')
        parts.append(f'</span> <span class="p_t">共{total}页</span> <span class="p_t">到第</span>'
                     '<span class="p_goto"><input type="text" class="p_goto_input" maxlength="10" id="u8_goto" '
                     f'onkeydown="if(event.keyCode==13){{_simple_list_gotopage_fun({total},&quot;u8_goto&quot;,2)}}">'
                     '</span><span class="p_t">页</span>')
        return '<div class="pb_sys_common pb_sys_full pb_sys_style1">' + "".join(parts) + "</div>"

    # -- pages ------------------------------------------------------------------------------------------
    def build(self):
        c, www = self.county, self.www
        by = {(d.unit, d.year): d for d in self.docs if d.kind == "report"}
        by[("town1", 2023)].fault = Fault.HTTP_500_ONCE
        search = "ssjg.jsp?wbtreeid=1001&searchScope=0&currentnum=1&newskeycode2=5bm05oql"
        home = self.page(f"{c}人民政府", (
            '<div class="tzgg"><h3>通知公告</h3><ul><li><a href="info/2380/600101.htm">'
            f'{c}关于开展2024年度防汛演练的通知</a><span>2024-05-10</span></li></ul></div>'
            f'<div class="hot">热搜：<a href="{search}" target="_blank">年报</a> <a href="zfxxgk.htm">信息公开</a></div>'))
        self.add_page(www + "/", home)
        self.add_page(www + "/index.htm", home)
        self.add_page(www + "/info/2380/600101.htm", self.page(f"{c}关于开展2024年度防汛演练的通知",
                                                               f"<h1>{c}关于开展2024年度防汛演练的通知</h1>", depth=2))
        reports = self.sorted_docs([d for d in self.docs if d.kind == "report"])
        self.add_page(f"{www}/{search}", self.page("搜索结果", "<ul class='ssjg'>" + "".join(
            f'<li><a href="{self.info_path(d)[1:]}">{self.esc(d.title)}</a></li>' for d in reports[:10]) + "</ul>"))
        self.farm.note(f"{www}/{search}", Fault.ROBOTS_DISALLOWED, ROBOTS, "search")
        self.add_page(www + "/zwgk.htm", self.page("政务公开", (
            '<ul class="zwgk"><li><a href="zfxxgk.htm">政府信息公开</a></li>'
            '<li><a href="zwgk/zcjd.htm">政策解读</a></li></ul>'), (("政务公开", "zwgk.htm"),)))
        for path, name in (("/zwgk/zcjd.htm", "政策解读"), ("/hdjl.htm", "互动交流")):
            self.add_page(www + path, self.page(name, '<ul class="list-ul"></ul>', depth=path.count("/") - 1))
        self.add_page(www + "/zfxxgk.htm", self.page("政府信息公开", (
            '<div class="xxgk-menu"><ul>'
            '<li><a href="zfxxgk/zfxxgkzn.htm">政府信息公开指南</a></li>'
            '<li><a href="zfxxgk/zfxxgkzd.htm">政府信息公开制度</a></li>'
            '<li><a href="zfxxgk/fdzdgknr.htm">法定主动公开内容</a></li>'
            '<li><a href="zfxxgk/zfxxgknb.htm">政府信息公开年报</a></li></ul></div>'), (("政府信息公开", "zfxxgk.htm"),)))
        for slug, name in (("zfxxgkzn", "政府信息公开指南"), ("zfxxgkzd", "政府信息公开制度"), ("fdzdgknr", "法定主动公开内容")):
            self.add_page(f"{www}/zfxxgk/{slug}.htm", self.page(name, '<ul class="list-ul"></ul>', depth=1))
        years = "".join(f'<li><a href="zfxxgknb/a{y}.htm">{y}年度</a></li>' for y in reversed(self.span))
        newest = self.sorted_docs([d for d in self.docs if d.kind != "news"])[:5]
        self.add_page(www + "/zfxxgk/zfxxgknb.htm", self.page("政府信息公开年报", (
            f'<div class="left-nav"><h3>政府信息公开年报</h3><ul>{years}</ul></div>'
            '<div class="right-list"><ul class="list-ul">'
            + "".join(f'<li><a href="../{self.info_path(d)[1:]}" target="_blank">{self.esc(cut(d.title))}</a>'
                      f"<span>{d.published}</span></li>" for d in newest)
            + "</ul></div>"), (("政府信息公开", "zfxxgk.htm"), ("政府信息公开年报", "zfxxgk/zfxxgknb.htm")), depth=1))
        for year in self.span:
            self.year_column(year, years)
        assert all(d.url for d in self.docs if d.kind != "news"), "a document with no column"

    def year_column(self, year: int, years: str) -> None:
        docs = self.sorted_docs([d for d in self.docs if d.year == year and d.kind != "news"])
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)]
        crumbs = (("政府信息公开", "zfxxgk.htm"), ("政府信息公开年报", "zfxxgk/zfxxgknb.htm"),
                  (f"{year}年度", f"zfxxgk/zfxxgknb/a{year}.htm"))
        for number, chunk in enumerate(pages, start=1):
            depth = 2 if number == 1 else 3
            up = "../" * depth
            menu = years.replace('href="zfxxgknb/', f'href="{"../" * (depth - 1)}zfxxgknb/')
            rows = "".join(f'<li><a href="{up}{self.info_path(d)[1:]}" target="_blank">{self.esc(cut(d.title))}</a>'
                           f"<span>{d.published}</span></li>" for d in chunk)
            main = (f'<div class="left-nav"><h3>政府信息公开年报</h3><ul>{menu}</ul></div>'
                    f'<div class="right-list"><ul class="list-ul">{rows}</ul>{self.pager(year, number, len(pages))}</div>')
            path = f"/zfxxgk/zfxxgknb/a{year}.htm" if number == 1 else \
                f"/zfxxgk/zfxxgknb/a{year}/{len(pages) - number + 1}.htm"
            self.add_page(self.www + path, self.page(f"{year}年度", main, crumbs, depth=depth))
        for doc in docs:
            doc.url = self.www + self.info_path(doc)
            self.add_page(doc.url, self.article(doc, crumbs), fault=doc.fault)

    def article(self, doc: Doc, crumbs) -> str:
        files = ""
        for n, file in enumerate(doc.files):
            fileid = 8734000 + 10 * doc.id + n
            url = self.add_file(f"{self.www}/system/_content/download.jsp?urltype=news.DownloadAttachUrl"
                                f"&owner={SITE_ID}&wbfileid={fileid}", file, disposition=True)
            files += (f'<li>附件【<a href="{url.removeprefix(self.www)}" target="_blank">{self.esc(file.name)}</a>】'
                      f'已下载<span id="nattach{fileid}"><script language="javascript">'
                      f'getClickTimes({fileid},{SITE_ID},"wbnewsfile","attach")</script></span>次</li>')
        attachments = f'<ul style="list-style-type:none;">{files}</ul>' if files else ""
        d, newsid = doc.published, 644000 + 17 * doc.id
        abbr = "sgx" if doc.unit in ("gov", "office") else self.slug(doc.unit)
        main = (
            '<form name="_newscontent_fromname"><div class="arti">'
            f'<h1 class="arti_title">{self.esc(doc.title)}</h1>'
            f'<div class="arti_metas"><span>发布时间：{d:%Y年%m月%d日} 10:23</span><span>来源：{self.esc(doc.org)}</span>'
            f'<span>点击数：<script>_showDynClicks("wbnews", {SITE_ID}, {newsid})</script></span></div>'
            '<div class="dtl-list"><ul>'
            f"<li><em>索引号：</em>{abbr}/{d.year}-{doc.id:05d}</li><li><em>分类：</em>政府信息公开年报</li>"
            f"<li><em>发布机构：</em>{self.esc(doc.org)}</li><li><em>成文日期：</em>{d:%Y-%m-%d}</li>"
            "<li><em>文号：</em></li></ul></div>"
            f'<div id="vsb_content"><div class="v_news_content">{doc.body}</div></div>{attachments}</div></form>')
        metas = {"ArticleTitle": doc.title, "PubDate": f"{d:%Y-%m-%d} 10:23", "ContentSource": doc.org}
        return self.page(doc.title, main, crumbs, metas, depth=2)

"""Dynamic-CMS county portal in GBK whose 年报 columns hang only in the 目录 page's tree (portals.md §2.9, §4.2, T01).

政务公开 → 政府信息公开目录 (`/zwgk/xxgkml/index.jsp`): its main area shows the latest
policy files; the 年报 columns exist only in the left `<ul class="tree">`, whose
parent nodes are `javascript:void(0)` and whose leaves are `list.jsp?channelId=…`:
法定主动公开内容 › 政府信息公开年报 (an old path that 301s twice before the list),
往年年报 (a soft 404), 部门信息公开 › <department> › 政府信息公开年报, 乡镇信息公开 ›
<township> › 政府信息公开年报. Lists page by query (`&pageIndex=2`) with 首页/上一页/
下一页/尾页 and "共N条"; articles are `detail.jsp?channelId=…&infoId=…`.

Titles as small portals write them: "2023年度信息公开年报" (no organ), "XX县人民政府办公室
关于2022年政府信息公开工作年度报告的公告", "石桥镇关于…的公告"; look-alikes include a
图解 without organ. Every page is GBK with no charset in Content-Type; dates
"2024.01.16" in lists, "2024年1月16日" on articles. A township list drops its first connection.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import quote

from ..faults import LISTED, NOT_RECORD, Fault
from ..model import SOFT_404_PAGE, Doc, Route
from .county import CountySite

PAGE_SIZE = 4
ML = "/zwgk/xxgkml/"


class GbkTreeSite(CountySite):
    family = "dynamic_cms"
    charset = "gbk"
    header_charset = False
    departments = 3
    towns = 3
    mechanisms = ("年报 columns only in the 目录 page's <ul class=tree>", "javascript:void(0) parent nodes",
                  "query pagination list.jsp?channelId=…&pageIndex=N", "query-only article ids detail.jsp?infoId=",
                  "T01 GBK without charset header", "T34 301 chain to the county 年报 list",
                  "T36 soft 404 往年年报", "titles without organ / 关于…的公告", "T33 reset once on a list page")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "芦塘县", "www.lutang.gov.cn", scale, farm.rng)

    def report_title(self, unit, year):
        c, first, last = self.county, self.span[0], self.span[-1]
        if unit == "gov":
            return {first: f"{c}人民政府{year}年政府信息公开工作年度报告",
                    last: f"{c}{year}年度信息公开年报"}.get(year, f"{year}年度信息公开年报")
        if unit == "office":
            return f"{c}人民政府办公室关于{year}年政府信息公开工作年度报告的公告"
        if unit.startswith("dept"):
            return f"{self.units[unit]}{year}年度政府信息公开年报"
        if unit == "town1":
            return f"{year}年度政府信息公开工作报告（{self.short(unit)}）"
        return f"{self.short(unit)}关于{year}年度政府信息公开工作年度报告的公告"

    def plan_docs(self):
        c, last = self.county, self.span[-1]
        self.plan_reports({("office", 2023): ("pdf", False), ("dept2", last): ("docx", True)})
        self.other("gov", "图解：2023年度信息公开年报", 2023, date(2024, 2, 20))
        self.other("office", f"{c}2024年政务公开工作实施方案", 2024, date(2024, 4, 2))
        self.other("gov", f"{c}人民政府信息公开指南（2023年修订）", 2023, date(2023, 7, 1))
        self.other("dept0", f"{self.units['dept0']}2023年度部门整体支出绩效评价报告", 2023, date(2024, 5, 20))
        for n, day in enumerate((date(2024, 6, 12), date(2024, 3, 8), date(2023, 12, 1)), start=1):
            self.news("office", f"{c}人民政府关于印发{c}第{n}批重点项目计划的通知", day)

    # -- naming and layout ------------------------------------------------------------------------------
    def channel(self, unit: str) -> str:
        return "ndbg" if unit in ("gov", "office") else f"bm_{self.slug(unit)}_nb" if unit.startswith(
            "dept") else f"xz_{self.slug(unit)}_nb"

    def list_url(self, channel: str, index: int = 1) -> str:
        return f"{self.www}{ML}list.jsp?channelId={channel}" + (f"&pageIndex={index}" if index > 1 else "")

    def detail_url(self, doc: Doc, channel: str) -> str:
        return f"{self.www}{ML}detail.jsp?channelId={channel}&infoId=LT{doc.published:%Y%m%d}{doc.id:05d}"

    def page(self, title: str, main: str, tree: bool = True) -> str:
        c = self.county
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f'<title>{self.esc(title)} - {c}人民政府网</title>'
            '<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script></head>'
            '<body><table width="1000" align="center" class="top"><tr><td>'
            f'<img src="/images/top.jpg" alt="{c}人民政府网"></td></tr><tr><td class="menu">'
            '<a href="/">网站首页</a> | <a href="/zwgk/index.jsp">政务公开</a> | <a href="/bsfw/index.jsp">办事服务</a>'
            ' | <a href="/gzcy/index.jsp">公众参与</a></td></tr></table>'
            '<table width="1000" align="center" class="body"><tr>'
            + (f'<td width="240" valign="top" class="left">{self.tree()}</td>' if tree else "")
            + f'<td valign="top" class="right">{main}</td></tr></table>'
            f'<div class="bottom">{c}人民政府办公室主办　网站标识码：{self.farm.site_code(self)}</div></body></html>')

    def tree(self) -> str:
        def units(prefix: str, label: str, channel) -> str:
            nodes = "".join(
                f'<li class="node"><a href="javascript:void(0)" onclick="toggleNode(this)">{self.short(u)}</a><ul>'
                f'<li><a href="{ML}list.jsp?channelId={channel(u)}_jgzn">机构职能</a></li>'
                f'<li><a href="{ML}list.jsp?channelId={self.channel(u)}">政府信息公开年报</a></li></ul></li>'
                for u in self.units_of(prefix))
            return (f'<li class="node"><a href="javascript:void(0)" onclick="toggleNode(this)">{label}</a>'
                    f'<ul style="display:none">{nodes}</ul></li>')

        return (
            '<div class="tree-title">政府信息公开目录</div><ul class="tree">'
            f'<li><a href="{ML}list.jsp?channelId=gkzn">政府信息公开指南</a></li>'
            f'<li><a href="{ML}list.jsp?channelId=gkzd">政府信息公开制度</a></li>'
            '<li class="node"><a href="javascript:void(0)" onclick="toggleNode(this)">法定主动公开内容</a><ul>'
            f'<li><a href="{ML}list.jsp?channelId=jgzn">机构职能</a></li>'
            f'<li><a href="{ML}list.jsp?channelId=zcwj">政策文件</a></li>'
            f'<li><a href="/zwgk/gknb/">政府信息公开年报</a></li>'
            f'<li><a href="{ML}wnnb.jsp">往年年报</a></li></ul></li>'
            + units("dept", "部门信息公开", lambda u: f"bm_{self.slug(u)}")
            + units("town", "乡镇信息公开", lambda u: f"xz_{self.slug(u)}")
            + "</ul>")

    # -- pages ------------------------------------------------------------------------------------------
    def build(self):
        c, www = self.county, self.www
        news = self.sorted_docs([d for d in self.docs if d.kind == "news"])
        self.add_page(www + "/", self.page(f"{c}人民政府网", (
            '<div class="focus"><b>政务要闻</b><ul>'
            + "".join(f'<li><a href="{self.detail_url(d, "zcwj")}">{self.esc(d.title)}</a></li>' for d in news[:2])
            + '</ul></div><div class="zwgk"><a href="/zwgk/index.jsp">政务公开</a></div>'), tree=False))
        self.add_page(www + "/zwgk/index.jsp", self.page("政务公开", (
            '<div class="lm">政务公开</div><ul><li><a href="/zwgk/xxgkml/index.jsp">政府信息公开目录</a></li>'
            '<li><a href="/zwgk/zcjd/index.jsp">政策解读</a></li></ul>'), tree=False))
        self.add_page(www + "/zwgk/zcjd/index.jsp", self.page("政策解读", "<p>暂无信息</p>", tree=False))
        self.add_page(www + ML + "index.jsp", self.page("政府信息公开目录", (
            '<div class="lm">最新公开</div><table class="list">'
            + "".join(f'<tr><td><a href="{self.detail_url(d, "zcwj")}" target="_blank">{self.esc(d.title)}</a></td>'
                      f"<td>{d.published:%Y.%m.%d}</td></tr>" for d in news)
            + "</table>")))
        # 年报 of the county: the tree's link moved twice (T34), an old column now a soft 404 (T36)
        self.farm.add(www + "/zwgk/gknb/", Route(301, b"", (("Location", f"{www}{ML}gknb/"),)))
        self.farm.add(www + ML + "gknb/", Route(301, b"", (("Location", self.list_url("ndbg")),)))
        self.farm.note(www + "/zwgk/gknb/", Fault.MOVED_301, LISTED, "nav")
        self.add_page(www + ML + "wnnb.jsp", SOFT_404_PAGE)
        self.farm.note(www + ML + "wnnb.jsp", Fault.SOFT_404, NOT_RECORD, "nav")
        looks = [d for d in self.docs if d.kind == "lookalike"]
        county = [d for d in self.docs if d.unit in ("gov", "office") and d.kind == "report"]
        county += [d for d in looks if "图解" in d.title or "实施方案" in d.title]
        self.listing("ndbg", "政府信息公开年报", county)
        self.listing("gkzn", "政府信息公开指南", [d for d in looks if "指南" in d.title])
        self.listing("zcwj", "政策文件", news)
        for channel, name in (("gkzd", "政府信息公开制度"), ("jgzn", "机构职能")):
            self.listing(channel, name, [])
        for unit in list(self.units_of("dept")) + list(self.units_of("town")):
            docs = [d for d in self.docs if d.unit == unit]
            channel = self.channel(unit)
            self.listing(channel, f"{self.short(unit)}政府信息公开年报", docs,
                         reset=unit == "town0")
            self.listing(channel.removesuffix("_nb") + "_jgzn", f"{self.short(unit)}机构职能", [])
        assert all(d.url for d in self.docs), "a document with no column"

    def listing(self, channel: str, name: str, docs: list[Doc], reset: bool = False) -> None:
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for number, chunk in enumerate(pages, start=1):
            rows = "".join(f'<tr><td class="bt"><a href="{self.detail_url(d, channel).removeprefix(self.www + ML)}" '
                           f'target="_blank">{self.esc(d.title)}</a></td><td class="rq">{d.published:%Y.%m.%d}</td></tr>'
                           for d in chunk)
            link = lambda n, label: f'<a href="list.jsp?channelId={channel}&pageIndex={n}">{label}</a>'
            pager = (f'<div class="pager">共{len(docs)}条记录 第{number}/{len(pages)}页 {link(1, "首页")} '
                     + (link(number - 1, "上一页") if number > 1 else "上一页") + " "
                     + (link(number + 1, "下一页") if number < len(pages) else "下一页")
                     + f" {link(len(pages), '尾页')}</div>")
            main = f'<div class="lm">{name}</div><table class="list" width="100%">{rows}</table>{pager}'
            url = self.list_url(channel, number)
            fault = Fault.RESET_ONCE if reset and number == 1 else None
            self.add_page(url, self.page(name, main), fault=fault)
            if fault:
                self.farm.note(url, fault, LISTED, "list")
            if number == 1:  # the pager's own link to page 1
                self.add_page(f"{url}&pageIndex=1", self.page(name, main))
        for doc in docs:
            doc.url = self.detail_url(doc, channel)
            self.add_page(doc.url, self.article(doc, name))

    def article(self, doc: Doc, column: str) -> str:
        files = ""
        for n, file in enumerate(doc.files):
            path = f"/uploadfiles/{doc.published:%Y%m}/{doc.published:%d}/{doc.published:%Y%m%d}0930{doc.id:04d}{n}"
            url = self.add_file(f"{self.www}{path}.{file.name.rsplit('.', 1)[1]}", file)
            files += (f'<p>附件：<a href="{url.removeprefix(self.www)}" title="{self.esc(file.name)}">'
                      f"{self.esc(file.name)}</a></p>")
        d = doc.published
        main = (f'<div class="lm">{column}</div><table class="gk_info" width="100%">'
                f'<tr><td>索引号：</td><td>LT-{quote(self.slug(doc.unit))}-{d.year}-{doc.id:04d}</td>'
                f"<td>发布机构：</td><td>{self.esc(doc.org)}</td></tr>"
                f'<tr><td>文　　号：</td><td></td><td>发布日期：</td><td>{d.year}年{d.month}月{d.day}日</td></tr></table>'
                f'<div class="detail"><h2 class="title">{self.esc(doc.title)}</h2>'
                f'<div class="attr">发布机构：{self.esc(doc.org)}　发布日期：{d.year}年{d.month}月{d.day}日　浏览次数：'
                f'<span id="hits"></span></div><div class="content" id="content">{doc.body}</div>{files}</div>')
        return self.page(doc.title, main)

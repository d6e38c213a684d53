"""F1 TRS county portal whose 年报 sit four columns down (portals.md §2.1, §4.1, T44).

首页 → 政务公开 → 政府信息公开 → 法定主动公开内容 → 政府信息公开年报. The 年报
column itself lists nothing: a left menu (`<div class="leftnav">`) names per-year
sub-columns with TRS numeric suffixes (`2023n_109815/`, names not guessable), each
year again only a menu of 县政府 / 县政府部门 / 乡镇（街道） sub-columns, and 县政府部门
one more menu of per-department sub-columns. Leaf lists are `index.html`,
`index_1.html` … written by `createPageHTML(n, i, "index", "html")` alone.

Titles drop the county ("县教育局2023年…", "石桥镇…"); articles carry `class=TRS_Editor`
unquoted, 指引 metas and an 索引号 box; files are `./P0….pdf` beside the article, one
only inside `var file_appendix='…'`. Look-alikes sit in the same tree (指南, 解读, 工作
要点, 编制通知, 绩效评价, 网站/新媒体年度报表, 法治政府建设年度报告, 政府工作报告).
Faults: a report that answers 500 once, a listed report that is gone (404), a list
page that is slow, a commented-out row, a year in the menu that is a soft 404.
"""
from __future__ import annotations

from datetime import date

from ..faults import LISTED, NOT_FETCHED, NOT_RECORD, Fault, error
from ..model import SOFT_404_PAGE, Doc
from .county import CountySite

ROOT = "/zwgk/zfxxgk/fdzdgknr/zfxxgknb/"
PAGE_SIZE = 2


class TrsDeepSite(CountySite):
    family = "trs"
    departments = 3
    towns = 3
    mechanisms = ("年报 column four levels down", "year sub-columns with TRS suffixes only in a left menu",
                  "per-department sub-columns only in a left menu", "createPageHTML(n, i, 'index', 'html') pager",
                  "titles without the county name", "T23 file link only in var file_appendix", "T32 500 once",
                  "T32 listed report gone (404)", "slow list page", "T47 commented-out row",
                  "T36 soft 404 year in the menu", "look-alikes inside the 年报 tree")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "青峪县", "www.qingyu.gov.cn", scale, farm.rng)

    def report_title(self, unit, year):
        c = self.county
        if unit == "gov":
            return f"{c}人民政府{year}年政府信息公开工作年度报告"
        if unit == "office":
            return f"{c}人民政府办公室{year}年度政府信息公开工作年度报告"
        if unit.startswith("dept"):
            return f"县{self.short(unit)}{year}年政府信息公开工作年度报告"
        if int(unit[4:]) % 2:
            return f"{self.short(unit)}人民政府{year}年度政府信息公开工作报告"
        return f"{self.short(unit)}{year}年政府信息公开工作年度报告"

    def plan_docs(self):
        c, first, last = self.county, self.span[0], self.span[-1]
        self.plan_reports({("gov", first): ("pdf", False), ("town1", last): ("pdf", False),
                           ("dept0", 2023): ("pdf", True)})
        self.other("gov", f"《{c}人民政府2023年政府信息公开工作年度报告》解读", 2023, date(2024, 2, 2))
        self.other("office", "关于做好2023年政府信息公开工作年度报告编制发布工作的通知", 2023, date(2023, 12, 20))
        self.other("office", f"{c}{last + 1}年政务公开工作要点", last, date(last + 1, 3, 28))
        self.other("dept0", f"县{self.short('dept0')}{first}年度整体支出绩效评价报告", first, date(first + 1, 3, 1))
        self.other("gov", f"{c}人民政府政府信息公开指南", 2023, date(2023, 6, 1))
        self.other("gov", f"{c}人民政府门户网站2023年度工作报表", 2023, date(2024, 1, 30))
        self.other("gov", f"{c}政务新媒体2023年度工作报表", 2023, date(2024, 1, 30))
        self.other("gov", f"{c}2023年法治政府建设年度报告", 2023, date(2024, 3, 20))
        self.other("gov", f"2024年{c}人民政府工作报告", 2024, date(2024, 1, 26))
        for n, day in enumerate((date(2024, 5, 6), date(2024, 4, 2), date(2023, 11, 8)), start=1):
            self.news("office", f"{c}人民政府关于印发第{n}批行政规范性文件目录的通知", day)

    # -- layout ----------------------------------------------------------------------------------------
    def page(self, title: str, main: str, crumbs=(), column: str = "", left: str = "", metas=None) -> str:
        c = self.county
        meta = {"SiteName": f"{c}人民政府", "SiteDomain": self.host, "SiteIDCode": self.farm.site_code(self),
                "ColumnName": column or title, "ColumnType": "政务公开", **(metas or {})}
        trail = "".join(f' &gt; <a href="{url}" title="{name}" class="CurrChnlCls">{name}</a>' for name, url in crumbs)
        return (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            + "".join(f'<meta name="{k}" content="{self.esc(str(v))}">' for k, v in meta.items())
            + f"<title>{self.esc(title)}_{c}人民政府</title>"
            '<link href="/images/common.css" rel="stylesheet"></head><body>'
            f'<div class="top"><div class="logo"><img src="/images/logo.png" alt="{c}人民政府"></div>'
            '<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
            '<li><a href="/zwdt/">政务动态</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>'
            f'<div class="position">当前位置：<a href="/" class="CurrChnlCls">首页</a>{trail}</div>'
            f'<div class="container">{left}<div class="main">{main}</div></div>'
            f'<div class="foot">主办：{c}人民政府办公室 网站标识码：{self.farm.site_code(self)} '
            f'<a href="http://bszs.conac.cn/sitename?method=show&id=12345">党政机关</a></div></body></html>')

    def crumbs(self, *tail):
        base = (("政务公开", "/zwgk/"), ("政府信息公开", "/zwgk/zfxxgk/"), ("法定主动公开内容", "/zwgk/zfxxgk/fdzdgknr/"),
                ("政府信息公开年报", ROOT))
        return base + tail

    def listing(self, folder: str, name: str, docs: list[Doc], crumbs, left: str = "", ghost: str = "",
                slow_page: int | None = None) -> None:
        """A TRS leaf column: `index.html`, `index_1.html` … with the pager only in createPageHTML."""
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for index, chunk in enumerate(pages):
            rows = "".join(
                f'<li><a href="./{d.published:%Y%m}/t{d.published:%Y%m%d}_{self.docid(d)}.html" target="_blank" '
                f'title="{self.esc(d.title)}">{self.esc(d.title)}</a><span class="date">{d.published:%Y-%m-%d}</span>'
                "</li>" for d in chunk)
            if ghost and index == 0:
                rows += ghost
            main = (f'<div class="lm-title"><h2>{name}</h2></div><ul class="list-ul">{rows}</ul>'
                    f'<div class="page"><script language="javascript">createPageHTML({len(pages)}, {index}, '
                    '"index", "html");</script></div>')
            url = self.www + folder + ("index.html" if index == 0 else f"index_{index}.html")
            fault = Fault.SLOW if index == slow_page else None
            self.add_page(url, self.page(name, main, crumbs, name, left), fault=fault)
            if fault:
                self.farm.note(url, fault, LISTED, "list")
        for doc in docs:
            doc.url = f"{self.www}{folder}{doc.published:%Y%m}/t{doc.published:%Y%m%d}_{self.docid(doc)}.html"
            if doc.fault == Fault.HTTP_404:
                continue  # listed, never published (or taken down): the farm answers 404
            self.add_page(doc.url, self.article(doc, name, crumbs), fault=doc.fault)

    def docid(self, doc: Doc) -> int:
        return 4405000 + 37 * doc.id

    def article(self, doc: Doc, column: str, crumbs) -> str:
        folder = doc.url.rsplit("/", 1)[0] + "/"
        links, script = "", ""
        for n, file in enumerate(doc.files):
            name = f"P0{doc.published:%Y%m%d}{self.number(doc.id, n) % 10**15:015d}.{file.name.rsplit('.', 1)[1]}"
            self.add_file(folder + name, file)
            anchor = f'<a href="./{name}" title="{self.esc(file.name)}">{self.esc(file.name)}</a>'
            if doc.form == "copy":  # the Jilin build: the link exists only in a JS string
                script = (f"<script>var file_appendix='{anchor}';"
                          "if(file_appendix!=''){document.getElementById('fj').innerHTML=file_appendix;}</script>")
            else:
                links += f"<li>{anchor}</li>"
        attachment = (f'<div class="article_attachment"><div class="title_base">附件下载</div><ul>{links}</ul></div>'
                      if links else "")
        box = (f'<table class="xxgk-box"><tr><td>索引号：</td><td>11532{doc.id:04d}MB0C/{doc.published.year}-{doc.id:05d}</td>'
               f'<td>发布机构：</td><td>{self.esc(doc.org)}</td></tr><tr><td>名　　称：</td><td colspan="3">'
               f'{self.esc(doc.title)}</td></tr><tr><td>主题分类：</td><td>综合政务\\政务公开</td><td>发布日期：</td>'
               f'<td>{doc.published:%Y-%m-%d}</td></tr><!--<tr><td>成文日期：</td><td></td></tr>--></table>')
        main = (f'{box}<div class="article"><h1>{self.esc(doc.title)}</h1>'
                f'<div class="info"><span>发布时间：{doc.published:%Y-%m-%d} 09:30:15</span>'
                f'<span>来源：{self.esc(doc.org)}</span><span>【字体：大 中 小】</span></div>'
                '<style>.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:1.8;font-size:12pt;}</style>'
                f'<div class=TRS_Editor><div class=Custom_UnionStyle>{doc.body}</div></div>'
                f'<div id="fj"></div>{script}{attachment}</div>')
        metas = {"ArticleTitle": doc.title, "PubDate": f"{doc.published:%Y-%m-%d} 09:30:15", "ContentSource": doc.org}
        return self.page(doc.title, main, crumbs, column, metas=metas)

    # -- the tree --------------------------------------------------------------------------------------
    def year_dir(self, year: int) -> str:
        return f"{ROOT}{year}n_{90000 + self.number('year', year) % 30000}/"

    def leftnav(self, current: int | None, sub: str = "") -> str:
        items = ""
        for year in reversed(self.span):
            here = ' class="on"' if year == current else ""
            items += f'<li{here}><a href="{self.year_dir(year)}">{year}年</a>{sub if year == current else ""}</li>'
        old = f"{ROOT}{self.span[0] - 1}n_{90000 + self.number('year', self.span[0] - 1) % 30000}/"
        items += f'<li><a href="{old}">{self.span[0] - 1}年</a></li>'
        return f'<div class="leftnav"><h3>政府信息公开年报</h3><ul>{items}</ul></div>'

    def build(self):
        c, www = self.county, self.www
        by = {(d.unit, d.year): d for d in self.docs if d.kind == "report"}
        by[("dept1", 2023)].fault = Fault.HTTP_500_ONCE
        gone = by[("dept2", self.span[0])]
        gone.fault, gone.expect = Fault.HTTP_404, error("http_404")
        looks = {d.title: d for d in self.docs if d.kind == "lookalike"}
        news = [d for d in self.docs if d.kind == "news"]

        self.add_page(www + "/", self.page(f"{c}人民政府", (
            '<div class="banner"><img src="/images/banner.jpg"></div>'
            '<div class="tab"><ul><li><a href="/zwdt/">政务动态</a></li><li><a href="/zwgk/">政务公开</a></li></ul>'
            + "".join(f'<li><a href="/zwdt/{n}.html">{c}召开{n}季度经济运行分析会</a></li>' for n in (1, 2))
            + "</div>")))
        for n in (1, 2):
            self.add_page(f"{www}/zwdt/{n}.html", self.page(f"{c}召开{n}季度经济运行分析会",
                                                            f"<h1>{c}召开{n}季度经济运行分析会</h1><p>会议要求……</p>"))
        self.add_page(www + "/zwgk/index.html", self.page("政务公开", (
            '<div class="zwgk-block"><h3>政务公开</h3><ul>'
            '<li><a href="./zfxxgk/"><img src="/images/ico1.png">政府信息公开</a></li>'
            '<li><a href="./zcjd/"><img src="/images/ico2.png">政策解读</a></li>'
            '<li><a href="./zfgzbg/"><img src="/images/ico3.png">政府工作报告</a></li></ul></div>'),
            (("政务公开", "/zwgk/"),)))
        self.add_page(www + "/zwgk/zfxxgk/index.html", self.page("政府信息公开", (
            '<div class="gk-menu"><a href="./zfxxgkzn/">政府信息公开指南</a><a href="./zfxxgkzd/">政府信息公开制度</a>'
            '<a href="./fdzdgknr/">法定主动公开内容</a><a href="./ysqgk/">依申请公开</a></div>'),
            self.crumbs()[:2]))
        self.add_page(www + "/zwgk/zfxxgk/fdzdgknr/index.html", self.page("法定主动公开内容", (
            '<ul class="sub-lm">' + "".join(f'<li><a href="./{slug}/">{name}</a></li>' for slug, name in (
                ("jgzn", "机构职能"), ("zcwj", "政策文件"), ("ghjh", "规划计划"), ("czzj", "财政资金"),
                ("fzzfjs", "法治政府建设"), ("zfxxgknb", "政府信息公开年报"), ("wzndbb", "政府网站工作年度报表")))
            + "</ul>"), self.crumbs()[:3]))
        # single-article and plain columns around the 年报
        guide = looks[f"{c}人民政府政府信息公开指南"]
        self.listing("/zwgk/zfxxgk/zfxxgkzn/", "政府信息公开指南", [guide], self.crumbs()[:2])
        self.listing("/zwgk/zfgzbg/", "政府工作报告", [looks[f"2024年{c}人民政府工作报告"]], (("政务公开", "/zwgk/"),))
        self.listing("/zwgk/zfxxgk/fdzdgknr/zcwj/", "政策文件", news, self.crumbs()[:3])
        self.listing("/zwgk/zfxxgk/fdzdgknr/fzzfjs/", "法治政府建设", [looks[f"{c}2023年法治政府建设年度报告"]],
                     self.crumbs()[:3])
        self.listing("/zwgk/zfxxgk/fdzdgknr/wzndbb/", "政府网站工作年度报表",
                     [looks[f"{c}人民政府门户网站2023年度工作报表"], looks[f"{c}政务新媒体2023年度工作报表"]],
                     self.crumbs()[:3])
        for folder, name in (("/zwdt/", "政务动态"), ("/hdjl/", "互动交流"), ("/zwgk/zcjd/", "政策解读"),
                             ("/zwgk/zfxxgk/zfxxgkzd/", "政府信息公开制度"), ("/zwgk/zfxxgk/ysqgk/", "依申请公开"),
                             ("/zwgk/zfxxgk/fdzdgknr/jgzn/", "机构职能"), ("/zwgk/zfxxgk/fdzdgknr/ghjh/", "规划计划"),
                             ("/zwgk/zfxxgk/fdzdgknr/czzj/", "财政资金")):
            self.listing(folder, name, [], self.crumbs()[:3])
        # the 年报 column: a menu of years, nothing listed
        self.add_page(www + ROOT + "index.html", self.page("政府信息公开年报", (
            '<div class="lm-title"><h2>政府信息公开年报</h2></div>'
            '<div class="lm-intro">本栏目按年度发布本县各级行政机关政府信息公开工作年度报告，请点击左侧年度查看。</div>'),
            self.crumbs(), left=self.leftnav(None)))
        old = self.span[0] - 1
        soft = f"{www}{ROOT}{old}n_{90000 + self.number('year', old) % 30000}/"
        self.add_page(soft + "index.html", SOFT_404_PAGE)
        self.farm.note(soft, Fault.SOFT_404, NOT_RECORD, "nav")
        for year in self.span:
            self.build_year(year)
        assert all(d.url for d in self.docs), "a document with no column"

    def build_year(self, year):
        ydir = self.year_dir(year)
        n = 90000 + self.number("year", year) % 30000
        cols = {"xzf": (f"{ydir}xzf_{n + 1}/", "县政府"), "bm": (f"{ydir}bm_{n + 2}/", "县政府部门"),
                "xzjd": (f"{ydir}xzjd_{n + 3}/", "乡镇（街道）")}
        sub = '<ul class="sub">' + "".join(f'<li><a href="{url}">{name}</a></li>' for url, name in cols.values()) + "</ul>"
        crumbs = self.crumbs((f"{year}年", ydir))
        self.add_page(self.www + ydir + "index.html", self.page(f"{year}年", (
            f'<div class="lm-title"><h2>{year}年政府信息公开年报</h2></div>'), crumbs, f"{year}年",
            self.leftnav(year, sub)))
        county = [d for d in self.docs if d.year == year and d.unit in ("gov", "office")
                  and (d.kind == "report" or self.in_county_column(d))]
        ghost = ""
        if year == self.span[0]:  # an older report withdrawn by commenting its row out (T47)
            url = f"./{year}01/t{year}0112_{4405000 + 37 * 9000}.html"
            ghost = f'<!--<li><a href="{url}" target="_blank">{self.county}人民政府{year - 1}年政府信息公开工作年度报告</a></li>-->'
            self.farm.note(f"{self.www}{cols['xzf'][0]}{url[2:]}", Fault.COMMENTED_OUT, NOT_FETCHED, "list row")
        self.listing(cols["xzf"][0], "县政府", county, crumbs + ((cols["xzf"][1], cols["xzf"][0]),),
                     self.leftnav(year, sub), ghost)
        # 县政府部门: one more menu, a sub-column per department
        bm_dir, _ = cols["bm"]
        depts = self.units_of("dept")
        dept_cols = {u: f"{bm_dir}{self.slug(u)}_{n + 10 + i}/" for i, u in enumerate(depts)}
        dept_menu = ('<div class="leftnav bm"><h3>县政府部门</h3><ul>'
                     + "".join(f'<li><a href="{url}">{self.short(u)}</a></li>' for u, url in dept_cols.items())
                     + "</ul></div>")
        bm_crumbs = crumbs + (("县政府部门", bm_dir),)
        self.add_page(self.www + bm_dir + "index.html", self.page("县政府部门", (
            '<div class="lm-title"><h2>县政府部门</h2></div><p class="tip">请选择部门。</p>'), bm_crumbs, "县政府部门",
            self.leftnav(year, sub) + dept_menu))
        for unit, folder in dept_cols.items():
            docs = [d for d in self.docs if d.unit == unit and d.year == year and d.kind != "news"]
            self.listing(folder, self.short(unit), docs, bm_crumbs + ((self.short(unit), folder),),
                         self.leftnav(year, sub) + dept_menu)
        towns = [d for d in self.docs if d.unit.startswith("town") and d.year == year]
        self.listing(cols["xzjd"][0], "乡镇（街道）", towns, crumbs + (("乡镇（街道）", cols["xzjd"][0]),),
                     self.leftnav(year, sub), slow_page=1 if year == 2023 else None)

    def in_county_column(self, doc: Doc) -> bool:
        """Look-alikes filed in a year's 县政府 column: 解读, 编制通知, 工作要点."""
        return doc.kind == "lookalike" and any(word in doc.title for word in ("解读", "编制发布", "工作要点"))

"""F7 集约化 county portal: 信息公开 on its own host, a year's reports as files on one article.

The portal (`www.<county>.gov.cn`) links 信息公开 on a separate host
(`xxgk.<county>.gov.cn`, portals.md §2.9), and an old 信息公开 path on the portal
301s there. The 年报 column lists, per year, the county government's own report
as an HTML article and one "XX县2023年度政府信息公开工作年度报告汇总" article whose
body is a table of every other unit with its report as a PDF (one a DOCX) —
the summary page itself is no report and must not become one; it is each file's
page_url, so the manifest does not list it as a look-alike (portals.md §4.4).
File names carry the titles; township files drop the county name.

Articles live at `/cms/html/<site>/<YYYY-MM-DD>/<id>.html` (Fujian-style), lists
page `index.html`, `index_2.html` with a 下一页 link; dates are "2024/03/28" in lists
and "2024年3月28日" on articles; no 指引 metas; no charset in Content-Type.
Faults: a slow summary page, a summary row whose file is gone (404).
"""
from __future__ import annotations

import hashlib
from datetime import date

from ..faults import LISTED, Fault, error
from ..model import Doc, Route
from .county import CountySite

SITE = "txxxgk"
PAGE_SIZE = 5


class JiyueSummarySite(CountySite):
    family = "jiyue"
    departments = 5
    towns = 4
    header_charset = False
    mechanisms = ("信息公开 on a separate xxgk host", "cross-host 301 from the portal's old 信息公开 path",
                  "a year's reports as PDF rows of one 汇总 article (itself no report)",
                  "titles without the county name", "dates 2024/03/28 and 2024年3月28日", "no 指引 metas",
                  "T02 no charset in Content-Type", "slow page", "T32 summary row whose file is gone")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "桐溪县", "www.tongxi.gov.cn", scale, farm.rng)

    @property
    def xxgk(self) -> str:
        return "http://xxgk.tongxi.gov.cn"

    def plan_docs(self):
        c = self.county
        self.summaries: dict[int, Doc] = {}
        for year in self.span:
            for unit in self.units:
                if unit == "gov":
                    self.report(unit, year, f"{c}人民政府{year}年政府信息公开工作年度报告",
                                published=date(year + 1, 3, 20))
                    continue
                if unit.startswith("town"):
                    title = f"{self.short(unit)}{year}年度政府信息公开工作年度报告"
                else:
                    title = f"{self.units[unit]}{year}年政府信息公开工作年度报告"
                doc = self.report(unit, year, title, published=date(year + 1, 3, 28))
                self.filed(doc, "docx" if unit == "dept1" else "pdf")
            self.summaries[year] = self.news("gov", f"{c}{year}年度政府信息公开工作年度报告汇总", date(year + 1, 3, 28))
        self.other("gov", f"{c}2023年政府信息公开工作年度报告解读", 2023, date(2024, 3, 22))
        last = self.span[-1]
        self.other("office", f"关于做好{last}年度政府信息公开工作年度报告编制发布工作的通知", last, date(last, 12, 16))
        self.other("office", f"关于{c}2023年度企业年度报告公示工作情况的通报", 2023, date(2024, 7, 5))

    # -- layout ----------------------------------------------------------------------------------------
    def page(self, title: str, main: str, host: str, crumbs=()) -> str:
        c = self.county
        trail = "".join(f' &raquo; <a href="{url}">{name}</a>' for name, url in crumbs)
        return (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="keywords" content="{c},信息公开"><title>{self.esc(title)}-{c}人民政府</title>'
            '<link rel="stylesheet" href="/cms/css/style.css"></head><body>'
            f'<div class="header"><div class="wrap"><span class="site">{c}人民政府'
            f'{"信息公开平台" if host == self.xxgk else "门户网站"}</span>'
            f'<a href="{self.www}/">网站首页</a> <a href="{self.xxgk}/">信息公开</a> '
            f'<a href="http://www.tsxzwfw.gov.cn/" target="_blank">政务服务</a></div></div>'
            f'<div class="location">您的位置：<a href="{host}/">首页</a>{trail}</div>'
            f'<div class="wrap">{main}</div>'
            f'<div class="footer">{c}人民政府办公室 主办　网站标识码 {self.farm.site_code(self)}</div></body></html>')

    def article_url(self, doc: Doc) -> str:
        return f"{self.xxgk}/cms/html/{SITE}/{doc.published:%Y-%m-%d}/{1782000 + 13 * doc.id}.html"

    def article(self, doc: Doc, main_body: str) -> str:
        crumbs = (("政府信息公开年报", f"/cms/html/{SITE}/xxgknb/index.html"),)
        main = (f'<div class="article"><h2 class="title">{self.esc(doc.title)}</h2>'
                f'<div class="source">发布时间：{doc.published.year}年{doc.published.month}月{doc.published.day}日 15:02'
                f'　来源：{self.esc(doc.org)}　<a href="javascript:window.print()">【打印】</a></div>'
                f'<div class="content" id="zoom">{main_body}</div></div>')
        return self.page(doc.title, main, self.xxgk, crumbs)

    # -- pages -----------------------------------------------------------------------------------------
    def build(self):
        c, www, xxgk = self.county, self.www, self.xxgk
        self.add_page(www + "/", self.page(f"{c}人民政府", (
            '<div class="nav"><a href="/">首页</a><a href="/zwgk/index.html">政务公开</a>'
            f'<a href="{xxgk}/" target="_blank">信息公开</a><a href="/hdjl/index.html">互动交流</a></div>'
            f'<div class="news"><h3>桐溪要闻</h3><ul><li><a href="/news/2024/0516/1.html">{c}召开防汛工作部署会</a>'
            "<span>05-16</span></li></ul></div>"), www))
        self.add_page(www + "/news/2024/0516/1.html", self.page(f"{c}召开防汛工作部署会",
                                                               f"<h2>{c}召开防汛工作部署会</h2><p>会议要求……</p>", www))
        self.add_page(www + "/zwgk/index.html", self.page("政务公开", (
            '<ul class="zwgk"><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/zwgk/zcjd/index.html">政策解读</a>'
            "</li></ul>"), www, (("政务公开", "/zwgk/index.html"),)))
        self.farm.add(www + "/xxgk/", self.moved(xxgk + "/"))
        self.farm.note(www + "/xxgk/", Fault.MOVED_301, LISTED, "nav")
        for path, name in (("/zwgk/zcjd/index.html", "政策解读"), ("/hdjl/index.html", "互动交流")):
            self.add_page(www + path, self.page(name, '<ul class="list"></ul><p>暂无信息</p>', www))

        columns = (("xxgkzn", "政府信息公开指南"), ("xxgkzd", "政府信息公开制度"), ("fdzdgknr", "法定主动公开内容"),
                   ("xxgknb", "政府信息公开年报"), ("ysqgk", "依申请公开"))
        self.add_page(xxgk + "/", self.page(f"{c}政府信息公开", (
            '<div class="gk-home">' + "".join(
                f'<div class="block"><h3><a href="/cms/html/{SITE}/{slug}/index.html">{name}</a></h3></div>'
                for slug, name in columns) + "</div>"), xxgk))
        looks = {d.title: d for d in self.docs if d.kind == "lookalike"}
        notice = [d for d in looks.values() if "编制发布" in d.title or "企业年度报告" in d.title]
        annual = [d for d in self.docs if d.unit == "gov" and d.kind == "report"] + list(self.summaries.values())
        annual += [d for d in looks.values() if "解读" in d.title]
        self.listing("xxgknb", "政府信息公开年报", annual)
        self.listing("fdzdgknr", "法定主动公开内容", notice)
        for slug, name in (("xxgkzn", "政府信息公开指南"), ("xxgkzd", "政府信息公开制度"), ("ysqgk", "依申请公开")):
            self.listing(slug, name, [])
        for doc in self.docs:
            if (doc.kind == "report" and not doc.files) or doc.kind == "lookalike":
                doc.url = self.article_url(doc)
                self.add_page(doc.url, self.article(doc, doc.body))
        for year, summary in self.summaries.items():
            self.summary(year, summary)
        assert all(d.url for d in self.docs), "a document with no page"

    @staticmethod
    def moved(location: str) -> Route:
        return Route(301, b"", (("Location", location),))

    def listing(self, slug: str, name: str, docs: list[Doc]) -> None:
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        folder = f"{self.xxgk}/cms/html/{SITE}/{slug}/"
        for number, chunk in enumerate(pages, start=1):
            rows = "".join(f'<li><span class="time">{d.published:%Y/%m/%d}</span><a href="{self.article_url(d)}" '
                           f'target="_blank">{self.esc(d.title)}</a></li>' for d in chunk)
            pager = f'<div class="pages">共{len(docs)}条 {number}/{len(pages)}页 '
            if number > 1:
                pager += f'<a href="{"index.html" if number == 2 else f"index_{number - 1}.html"}">上一页</a> '
            if number < len(pages):
                pager += f'<a href="index_{number + 1}.html">下一页</a>'
            main = f'<div class="column-name">{name}</div><ul class="list">{rows}</ul>{pager}</div>'
            url = folder + ("index.html" if number == 1 else f"index_{number}.html")
            self.add_page(url, self.page(name, main, self.xxgk, ((name, f"/cms/html/{SITE}/{slug}/index.html"),)))

    def summary(self, year: int, summary: Doc) -> None:
        """The 汇总 article: a table of units, each row a link to its report file."""
        summary.url = self.article_url(summary)
        rows = ""
        files = [d for d in self.docs if d.kind == "report" and d.year == year and d.files]
        for number, doc in enumerate(sorted(files, key=lambda d: list(self.units).index(d.unit)), start=1):
            doc.url = summary.url
            file = doc.files[0]
            name = hashlib.md5(f"tongxi-{doc.id}".encode()).hexdigest()[:20]
            url = f"{self.xxgk}/cms/files/{SITE}/{year + 1}/03/{name}.{file.name.rsplit('.', 1)[1]}"
            if (doc.unit, year) == ("town1", self.span[0]):  # the row links a file that was never uploaded
                file.url, file.fault = url, Fault.HTTP_404
                doc.expect = error("http_404")
            else:
                self.add_file(url, file)
            rows += (f"<tr><td>{number}</td><td>{self.esc(doc.org)}</td>"
                     f'<td><a href="{url.removeprefix(self.xxgk)}" target="_blank">{self.esc(file.name)}</a></td></tr>')
        body = (f"<p>根据《中华人民共和国政府信息公开条例》规定，现将{self.county}{year}年度各行政机关政府信息公开工作年度报告"
                "予以公布，请点击下载查阅。</p>"
                '<table class="hz" border="1" cellspacing="0"><tr><th>序号</th><th>单位名称</th><th>年度报告</th></tr>'
                f"{rows}</table>")
        fault = Fault.SLOW if year == 2023 else None
        self.add_page(summary.url, self.article(summary, body), fault=fault)
        if fault:
            self.farm.note(summary.url, fault, LISTED, "summary page")

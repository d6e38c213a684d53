"""F7 UUID 集约化 portal, Sichuan style (portals.md §2.7): `/ecx/c<col>/<Y>/<M>/<D>/<32 hex>.shtml`.

The 年报 columns of the portal are iframe shells (T41): the column page holds the
site's chrome and `<iframe src="…/list.shtml">`; the list inside pages with a JS
`createPageHTML('page_div', N, i, 'list', 'shtml', total)` counting pages from 1
(`list.shtml`, `list_2.shtml` …, as csrc.gov.cn and county 集约化 lists do).
Its titles are cut with `…` and carry no title attribute, or say only `2023年度报告`:
only the article tells a report from a cut look-alike (解读, 通知). Township titles
are padded with full-width spaces and broken over lines (T50).

Each department has its own sub-domain (`jyj.echuan.gov.cn` …), reached from the
portal's 部门信息公开 page and linked everywhere as `https://` — and https on those
hosts is broken (the handshake is dropped); http serves them (portals.md §5 Network).
Department sites list with a `下一页` link and `index_N.shtml`.

Articles set `<base href>` to the site root and link their files relative to it
(T19); portal articles carry a lowercase `pubdate` "2024年01月16日" (T30).
Faults: a report whose first fetch is cut short, a listed link that redirects to itself.
"""
from __future__ import annotations

import hashlib
import html
from urllib.parse import urlsplit

from ..faults import Fault, error
from ..model import DEPARTMENTS, Doc, Route, Site

SITE = "ecx"
PAGE_SIZE = 5
DEPT_PAGE_SIZE = 2
ABBREVIATIONS = dict(zip(DEPARTMENTS, ("jyj", "czj", "zrzyj", "wjw", "scjgj", "nyncj", "mzj", "jtysj", "slj", "wlj",
                                       "zjj", "yjj")))
PORTAL_COLUMNS = ((100050, "政府信息公开年报", ("gov", "office")), (100060, "乡镇政府信息公开年报", ("town",)))


def hex_id(doc: Doc) -> str:
    return hashlib.md5(f"echuan-{doc.id}".encode()).hexdigest()


def cut(title: str, size: int = 18) -> str:
    return title[:size] + "…" if len(title) > size else title


class UuidCmsSite(Site):
    family = "uuid_cms"
    mechanisms = ("T41 iframe list shells", "cut titles without title attribute, cut look-alikes",
                  "list titles without the report wording", "departments on sub-domains",
                  "https links to hosts whose https is broken", "T19 <base href>", "T30 pubdate 2024年01月16日",
                  "T50 padded titles", "T33 truncated once", "T34 redirect loop on a listed link",
                  "T43 traditional-Chinese mirror")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "峨川县", "www.echuan.gov.cn", scale, farm.rng)

    def make_docs(self, scale):
        self.plan(first_lookalike=3, forms={("gov", self.span[0]): "file", ("town0", self.span[-1]): "copy"})
        self.lookalike("gov", 1)            # 《…年度报告》解读, cut in the list
        self.lookalike("gov", 7, year=2022)  # 关于做好…年度报告编制发布工作的通知, cut in the list

    def dept_host(self, unit: str) -> str:
        return f"{ABBREVIATIONS[self.units[unit].removeprefix(self.county)]}.echuan.gov.cn"

    def build(self):
        xxgk = f"{self.www}/{SITE}/c100010/zfxxgk.shtml"
        self.home(xxgk)
        depts = [u for u in self.units if u.startswith("dept")]
        self.add_page(xxgk, self.html("政府信息公开", (
            '<div class="xxgk-nav"><ul>'
            f'<li><a href="/{SITE}/c100011/zfxxgkzn.shtml">政府信息公开指南</a></li>'
            + "".join(f'<li><a href="/{SITE}/c{number}/zfxxgknb.shtml">{name}</a></li>' for number, name, _ in PORTAL_COLUMNS)
            + f'<li><a href="/{SITE}/c100070/bmxxgk.shtml">部门信息公开</a></li></ul></div>'
            f'<div class="links">友情链接：<a href="{self.farm.mirror_link(self)}">峨川縣人民政府2023年政府信息公開工作年度報告</a>'
            "</div>")))  # a traditional-Chinese mirror off the fence (T43)
        self.add_page(f"{self.www}/{SITE}/c100070/bmxxgk.shtml", self.html("部门信息公开", '<ul class="bm-list">' + "".join(
            f'<li><a href="https://{self.dept_host(u)}/" target="_blank">{html.escape(self.units[u])}</a></li>'
            for u in depts) + "</ul>"))
        by = {(d.unit, d.year): d for d in self.reports() if d.kind == "report"}
        by[("town0", 2023)].fault = Fault.TRUNCATE_ONCE
        loop = by[("office", self.span[0])]
        loop.fault, loop.expect = Fault.REDIRECT_LOOP, error("redirect_loop")
        for number, name, units in PORTAL_COLUMNS:
            self.portal_column(number, name, [d for d in self.docs if d.unit.startswith(units)])
        for unit in depts:
            self.dept_site(unit)

    # -- the portal: iframe shells around paged lists --------------------------------------------------
    def portal_column(self, number: int, name: str, docs: list[Doc]):
        folder = f"{self.www}/{SITE}/c{number}/"
        self.add_page(folder + "zfxxgknb.shtml", self.html(name, (
            f'<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; {name}</div>'
            f'<div class="main-right"><iframe id="contentFrame" name="contentFrame" src="/{SITE}/c{number}/list.shtml" '
            'width="100%" height="1200" frameborder="0" scrolling="no"></iframe></div>'), {"ColumnName": name}))
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for page_number, chunk in enumerate(pages, start=1):  # the 6-argument pager counts from 1: list, list_2 …
            items = "".join(f'<li><a href="{self.portal_url(number, d)}" target="_blank">{self.list_title(d)}</a>'
                            f'<span class="date">{d.published:%Y-%m-%d}</span></li>' for d in chunk)
            pager = (f'<div id="page_div"></div><script>createPageHTML(\'page_div\', {len(pages)}, {page_number}, '
                     f"'list', 'shtml', {len(docs)});</script>")
            url = folder + ("list.shtml" if page_number == 1 else f"list_{page_number}.shtml")
            self.add_page(url, f'<html><head><meta charset="utf-8"><link rel="stylesheet" href="/{SITE}/css/list.css">'
                               f'</head><body><ul class="list-ul">{items}</ul>{pager}</body></html>')
        for doc in docs:
            doc.url = self.portal_url(number, doc)
            if doc.fault == Fault.REDIRECT_LOOP:  # relative Location to itself: A → A → A …
                self.farm.add(doc.url, Route(302, b"", (("Location", "./" + doc.url.rsplit("/", 1)[1]),)))
                continue
            self.add_page(doc.url, self.article(doc, self.www, f"/{SITE}/", name, portal=True), fault=doc.fault)

    def portal_url(self, number: int, doc: Doc) -> str:
        day = doc.published
        return f"{self.www}/{SITE}/c{number}/{day.year}/{day.month}/{day.day}/{hex_id(doc)}.shtml"

    def list_title(self, doc: Doc) -> str:
        """What the list shows: `2023年度报告`, a cut title, or a padded one (T50)."""
        if doc.kind == "report" and doc.unit == "office":
            return f"{doc.year}年度报告"
        if doc.unit == "gov":
            return html.escape(cut(doc.title))
        if doc.unit.startswith("town"):
            half = len(doc.title) // 2
            return f"\u3000{html.escape(doc.title[:half])}\n    {html.escape(doc.title[half:])}&nbsp;"
        return html.escape(doc.title)

    # -- department sub-domains: https links, https broken ---------------------------------------------
    def dept_site(self, unit: str):
        host = self.dept_host(unit)
        self.farm.tls[host] = Fault.HTTPS_BROKEN
        plain, secure = f"http://{host}", f"https://{host}"
        code = host.split(".")[0]
        org = self.units[unit]
        column = f"/{code}/c2000{list(self.units).index(unit)}/"
        self.add_page(f"{plain}/", self.html(org, (
            f'<div class="nav"><a href="{secure}/">首页</a> <a href="{secure}/{code}/xxgk.shtml">信息公开</a></div>'
            f'<h2>{html.escape(org)}</h2>'), {"SiteName": org}))
        self.add_page(f"{plain}/{code}/xxgk.shtml", self.html(f"{org}信息公开", (
            f'<ul><li><a href="{secure}{column}index.shtml">政府信息公开年报</a></li>'
            f'<li><a href="{secure}/{code}/jgzn.shtml">机构职能</a></li></ul>')))
        docs = self.sorted_docs([d for d in self.docs if d.unit == unit])
        pages = [docs[i:i + DEPT_PAGE_SIZE] for i in range(0, len(docs), DEPT_PAGE_SIZE)]
        for doc in docs:
            day = doc.published
            path = f"{column}{day.year}/{day.month}/{day.day}/{hex_id(doc)}.shtml"
            doc.url, doc.listed = plain + path, [secure + path]
            self.add_page(doc.url, self.article(doc, plain, "/", "政府信息公开年报", portal=False))
        for index, chunk in enumerate(pages):
            items = "".join(f'<li><a href="{d.listed[0]}">{html.escape(d.title)}</a><i>{d.published}</i></li>'
                            for d in chunk)
            more = f'<a href="index_{index + 1}.shtml">下一页</a>' if index + 1 < len(pages) else ""
            self.add_page(f"{plain}{column}" + ("index.shtml" if index == 0 else f"index_{index}.shtml"), self.html(
                "政府信息公开年报", f'<ul class="list">{items}</ul><div class="fy">{more}</div>',
                {"ColumnName": "政府信息公开年报"}))

    # -- articles: <base href> at the site root, files linked relative to it ----------------------------
    def article(self, doc: Doc, root: str, base_path: str, column: str, portal: bool) -> str:
        links = ""
        folder = urlsplit(doc.url).path.rsplit("/", 1)[0]
        for n, file in enumerate(doc.files):
            path = f"{folder}/files/{hex_id(doc)}_{n}.{file.name.rsplit('.', 1)[-1]}"
            self.add_file(root + path, file)
            relative = path.removeprefix(base_path)  # right only against <base href>, not against the page
            links += f'<p class="fj"><a href="{relative}">{html.escape(file.name)}</a></p>'
        metas = ({"ArticleTitle": doc.title, "pubdate": f"{doc.published:%Y年%m月%d日}", "ContentSource": doc.org}
                 if portal else None)
        body = (f'<div class="crumb">当前位置：首页 &gt; {column}</div><div class="article">'
                f'<h1 class="article-title">{html.escape(doc.title)}</h1>'
                f'<div class="article-info">发布时间：{doc.published} 来源：{html.escape(doc.org)}</div>'
                f'<div class="article-content">{doc.body}</div>{links}</div>')
        return self.html(doc.title, body, metas, head=f'<base href="{root}{base_path}">')

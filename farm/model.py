"""The farm's data: counties, their reporting units, documents, routes and the manifest.

Everything is drawn from one seeded `random.Random`, so a farm of a given scale
is the same on every run. A `Site` owns one county portal (one or more hosts);
family modules subclass it and lay the documents out in their CMS's shape.
"""
from __future__ import annotations

import hashlib
import html
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import content
from .faults import LOOKALIKE, NOT_RECORD, RECORD, SERVED, Fault, outcome

DEPARTMENTS = ("教育局", "财政局", "自然资源局", "卫生健康委员会", "市场监督管理局", "农业农村局",
               "民政局", "交通运输局", "水利局", "文化和旅游局", "住房和城乡建设局", "应急管理局")
TOWNS = ("城关镇", "石桥镇", "河口乡", "新华街道", "东岭镇", "白水乡", "龙泉镇", "青松乡", "西湖街道", "柳林镇")

#: what is left of an organ's name without its place: no name by itself
GENERIC_ORGANS = ("人民政府", "政府", "办事处", "人民政府办公室", "政府办公室", "办公室")
REPORT_TITLES = (
    "{org}{year}年政府信息公开工作年度报告",
    "{year}年{org}政府信息公开工作年度报告",
    "{org}{year}年度政府信息公开工作报告",
    "{org}{year}年政府信息公开年度报告",
    "{org}{year}年度政府信息公开工作年度报告",
)
LOOKALIKE_TITLES = (
    "{org}政府信息公开指南",
    "《{org}{year}年政府信息公开工作年度报告》解读",
    "图解：{org}{year}年政府信息公开工作年度报告",
    "{county}{year}年政府工作报告",
    "{org}{year}年法治政府建设年度报告",
    "{county}政府网站工作年度报表（{year}年度）",
    "{org}{year}年度整体支出绩效评价报告",
    "关于做好{year}年政府信息公开工作年度报告编制发布工作的通知",
)


@dataclass
class File:
    name: str
    data: bytes
    content_type: str = "application/octet-stream"
    url: str = ""
    fault: Fault | None = None


@dataclass
class Doc:
    """A document the farm publishes: a report, a look-alike or a news item."""
    id: int
    kind: str                      # report | lookalike | news
    title: str
    org: str
    unit: str                      # unit key (gov, office, dept0 …)
    year: int | None
    published: date
    body: str = ""
    figures: dict | None = None
    form: str = "html"             # html | copy (html + file copy) | file (attachment only) | image
    files: list[File] = field(default_factory=list)
    page_title: str | None = None  # ArticleTitle when it differs from the list title
    url: str = ""
    alias_urls: list[str] = field(default_factory=list)
    fault: Fault | None = None
    expect: str = RECORD           # see faults.outcome
    listed: list[str] = field(default_factory=list)      # other URLs the lists give for it (a 301, an https link)
    dead_files: list[File] = field(default_factory=list)  # linked "files" that are no document (T24)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    fault: Fault | None = None


SOFT_404_PAGE = "<html><head><title>页面不存在</title></head><body><h1>对不起，您访问的页面不存在！</h1></body></html>"
NOT_FOUND = Route(404, b"<html><head><title>404 Not Found</title></head><body>404</body></html>",
                  (("Content-Type", "text/html"),))


def query_key(path_and_query: str) -> str:
    """Route key: the path plus its query with parameters sorted, so clients may reorder them."""
    parts = urlsplit(path_and_query)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return parts.path + ("?" + query if query else "")


class Site:
    """One county portal. Subclasses set `family`, hosts and `build()` the pages."""

    family = "base"
    mechanisms: tuple[str, ...] = ()   # list mechanisms and realities this site plays (manifest)
    charset = "utf-8"
    header_charset = True          # False: Content-Type without charset (GD, old TRS)
    wrong_header = False           # True: header says UTF-8, body is GBK (T04)

    def __init__(self, farm: "Farm", county: str, host: str, scale: int, rng: random.Random):
        self.farm, self.county, self.host, self.rng = farm, county, host, rng
        self.www = f"http://{host}"
        self.units = self.make_units(scale)
        self.span = self.years(scale)  # the report years of this scale, oldest first
        self.docs: list[Doc] = []
        self.robots = "User-agent: *\nDisallow: /search/\n"
        self.make_docs(scale)

    # -- data ----------------------------------------------------------------------
    def make_units(self, scale: int) -> dict[str, str]:
        units = {"gov": f"{self.county}人民政府", "office": f"{self.county}人民政府办公室"}
        for index in range(1 + scale):
            units[f"dept{index}"] = self.county + DEPARTMENTS[(index + len(self.county)) % len(DEPARTMENTS)]
        for index in range(1 + scale):
            units[f"town{index}"] = self.county.rstrip("县区市") + TOWNS[(index + len(self.host)) % len(TOWNS)]
        return units

    def years(self, scale: int) -> list[int]:
        return list(range(2024 - scale - 1, 2025))

    def make_docs(self, scale: int) -> None:
        rng = self.rng
        for unit, org in self.units.items():
            for year in self.years(scale):
                number = len(self.docs)
                template = REPORT_TITLES[number % len(REPORT_TITLES)]
                data = content.figures(rng)
                doc = Doc(self.farm.next_id(), "report", template.format(org=org, year=year), org, unit, year,
                          date(year + 1, 1, 10) + timedelta(days=rng.randint(0, 70)),
                          content.report_body(org, year, data, rng), data)
                doc.form = ("html", "html", "html", "copy", "html", "file", "html", "copy")[number % 8]
                self.docs.append(doc)
            if rng.random() < 0.9:
                template = LOOKALIKE_TITLES[len(self.docs) % len(LOOKALIKE_TITLES)]
                year = rng.choice(self.years(scale))
                self.docs.append(Doc(self.farm.next_id(), "lookalike",
                                     template.format(org=org, year=year, county=self.county), org, unit, year,
                                     date(year + 1, 2, 1) + timedelta(days=rng.randint(0, 60)),
                                     f"<p>{html.escape(org)}相关信息。</p>", expect="lookalike"))
        for doc in self.docs:
            if doc.kind == "report" and doc.form in ("copy", "file"):
                name = f"{doc.title}.docx"
                doc.files.append(File(name, content.docx_bytes(doc.title, doc.body), DOCX))
                if doc.form == "file":
                    doc.body = '<p>详见附件。</p>'

    def add_real_pdf(self, index: int, unit: str = "gov") -> Doc:
        """An attachment-only report whose file is a real published PDF."""
        data, org, year, title = content.real_pdf(index)
        doc = Doc(self.farm.next_id(), "report", title, org, unit, year, date(year + 1, 1, 20),
                  '<p>详见附件。</p>', form="file", files=[File(f"{title}.pdf", data, "application/pdf")])
        self.docs.append(doc)
        return doc

    # -- planned documents: the newer sites state their counts instead of drawing them ---------------
    def plan(self, first_lookalike: int = 0, titles: dict | None = None, forms: dict | None = None) -> None:
        """A report a year for every unit (titles and forms by (unit, year)), then one look-alike per unit."""
        for index, unit in enumerate(self.units):
            for year in self.span:
                self.report(unit, year, (titles or {}).get((unit, year)), (forms or {}).get((unit, year), "html"))
            self.lookalike(unit, first_lookalike + index)

    def report(self, unit: str, year: int, title: str | None = None, form: str = "html",
               published: date | None = None) -> Doc:
        """A true report of `unit` for `year`; `copy`/`file` forms get a DOCX of the same text."""
        org = self.units[unit]
        data = content.figures(self.rng)
        template = REPORT_TITLES[len(self.docs) % len(REPORT_TITLES)]
        day = published or date(year + 1, 1, 10) + timedelta(days=self.rng.randint(0, 70))
        doc = Doc(self.farm.next_id(), "report", title or template.format(org=org, year=year), org, unit, year, day,
                  content.report_body(org, year, data, self.rng), data, form=form)
        if form in ("copy", "file"):
            doc.files.append(File(f"{doc.title}.docx", content.docx_bytes(doc.title, doc.body), DOCX))
            if form == "file":
                doc.body = "<p>详见附件。</p>"
        self.docs.append(doc)
        return doc

    def lookalike(self, unit: str, index: int, year: int = 2023, title: str | None = None) -> Doc:
        """A page that looks like a report and is not one (portals.md §4.5), with a body of its kind."""
        org = self.units[unit]
        title = title or LOOKALIKE_TITLES[index % len(LOOKALIKE_TITLES)].format(org=org, year=year, county=self.county)
        doc = Doc(self.farm.next_id(), "lookalike", title, org, unit, year,
                  date(year + 1, 2, 1) + timedelta(days=self.rng.randint(0, 60)),
                  content.lookalike_body(title, org, year), expect=LOOKALIKE)
        self.docs.append(doc)
        return doc

    def news(self, unit: str, title: str, published: date) -> Doc:
        """An ordinary item of the same lists (a notice, a policy): neither report nor look-alike."""
        doc = Doc(self.farm.next_id(), "news", title, self.units[unit], unit, None, published,
                  f"<p>{html.escape(title)}。</p>", expect=NOT_RECORD)
        self.docs.append(doc)
        return doc

    def reports(self, unit: str | None = None) -> list[Doc]:
        return [d for d in self.docs if d.kind != "news" and (unit is None or d.unit == unit)]

    def sorted_docs(self, docs: list[Doc]) -> list[Doc]:
        return sorted(docs, key=lambda d: (d.published, d.id), reverse=True)

    # -- serving -------------------------------------------------------------------
    def encode(self, text: str) -> bytes:
        return text.encode("gb18030" if self.charset != "utf-8" else "utf-8")

    def content_type(self, kind: str = "text/html") -> str:
        if self.wrong_header:
            return f"{kind}; charset=utf-8"
        return f"{kind}; charset={self.charset}" if self.header_charset else kind

    def add_page(self, url: str, text: str, status: int = 200, fault: Fault | None = None,
                 headers: tuple = ()) -> str:
        if fault == Fault.GBK_AS_UTF8:  # build its text with html(charset="gbk")
            body, content_type = text.encode("gb18030"), "text/html; charset=utf-8"
        else:
            body, content_type = self.encode(text), self.content_type()
        self.farm.add(url, Route(status, body, (("Content-Type", content_type),) + headers,
                                 fault if fault in SERVED else None))
        return url

    def add_file(self, url: str, file: File, disposition: bool = False) -> str:
        headers = [("Content-Type", file.content_type)]
        if disposition:
            headers.append(("Content-Disposition", "attachment; filename*=UTF-8''" + quote_name(file.name)))
        self.farm.add(url, Route(200, file.data, tuple(headers)))
        file.url = url
        return url

    def html(self, title: str, body: str, metas: dict | None = None, head: str = "", charset: str | None = None) -> str:
        """A page in this site's charset (or `charset`): 指引 metas, a nav bar, the body, a footer."""
        charset = "gb2312" if (charset or self.charset) != "utf-8" else "utf-8"
        meta_tags = "".join(f'<meta name="{k}" content="{html.escape(str(v))}">' for k, v in (metas or {}).items())
        return (f'<!DOCTYPE html><html><head>{head}<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
                f'<meta name="SiteName" content="{self.county}人民政府"><meta name="SiteDomain" content="{self.host}">'
                f'{meta_tags}<title>{html.escape(title)}_{self.county}人民政府</title></head><body>'
                f'<div class="header"><a href="{self.www}/">首页</a> <a href="{self.www}/zwgk/index.html">政务公开</a> '
                f'<a href="{self.www}/news/index.html">新闻中心</a> <a href="{self.www}/hdjl/index.html">互动交流</a></div>'
                f"{body}<div class=\"footer\">{self.county}人民政府办公室主办 网站标识码 {self.farm.site_code(self)}</div>"
                "</body></html>")

    def home(self, xxgk_url: str) -> None:
        """Home page → 政务公开 → (family's) 信息公开 entry; plus an off-domain mirror link (T43)."""
        news = "".join(f'<li><a href="{self.www}/news/{n}.html">{self.county}召开第{n}次常务会议</a></li>'
                       for n in range(1, 4))
        for n in range(1, 4):
            self.add_page(f"{self.www}/news/{n}.html",
                          self.html(f"{self.county}召开第{n}次常务会议", f"<h1>{self.county}召开第{n}次常务会议</h1>"))
        mirror = self.farm.mirror_link(self)
        self.add_page(f"{self.www}/", self.html(f"{self.county}人民政府", (
            f'<div class="nav"><a href="{self.www}/zwgk/index.html">政务公开</a>'
            f'<a href="{self.www}/bsfw/index.html">办事服务</a><a href="{self.www}/news/index.html">新闻中心</a></div>'
            f'<ul class="news">{news}</ul>'
            f'<div class="links">友情链接：<a href="{mirror}">{self.county}人民政府2023年政府信息公开工作年度报告</a></div>')))
        self.add_page(f"{self.www}/zwgk/index.html", self.html("政务公开", (
            f'<div class="crumb">首页 &gt; 政务公开</div><ul><li><a href="{xxgk_url}">政府信息公开</a></li>'
            f'<li><a href="{self.www}/zwgk/zcjd/index.html">政策解读</a></li>'
            f'<li><a href="{self.www}/zwgk/zfgzbg/index.html">政府工作报告</a></li></ul>')))

    def article_metas(self, doc: Doc, column: str) -> dict:
        return {"ColumnName": column, "ArticleTitle": doc.page_title or doc.title,
                "PubDate": f"{doc.published.isoformat()} 09:30", "ContentSource": doc.org}

    def written_org(self, doc: Doc) -> str | None:
        """The organ as the document's title writes it (tests/files/excerpts/README.md: a record's
        `org` is the title's, never a name made fuller): the longest form of its organ's name in the
        title, place names in front dropped or not (淮安市洪泽区 → 洪泽区, 青峪县教育局 → 县教育局 or
        教育局), the 人民政府/办事处 suffix dropped or not; None when the title names none."""
        cuts = {0} | {i + k for i, char in enumerate(doc.org) if char in "省市州盟县区旗" for k in (0, 1)}
        forms = {form for i in cuts for form in (doc.org[i:], re.sub(r"(?:人民政府|办事处)$", "", doc.org[i:]))}
        forms = [f for f in forms if len(f) >= 2 and f not in GENERIC_ORGANS and f in doc.title]
        return max(forms, key=len, default=None)

    def manifest_entry(self, doc: Doc) -> dict:
        """What the crawler must make of this document: `org` as its title writes the organ (the
        full name where the title names none, as the page's 发布机构 does), `organ` in full."""
        files = [{"name": f.name, "url": f.url, "sha256": hashlib.sha256(f.data).hexdigest(), "fault": f.fault}
                 for f in doc.files]
        dead = [{"name": f.name, "url": f.url, "fault": f.fault, "expect": "error:not_a_document"}
                for f in doc.dead_files]
        primary = doc.files[0].url if doc.form == "file" and doc.files else doc.url
        return {"id": doc.id, "site": self.name, "family": self.family, "kind": doc.kind,
                "title": doc.title, "org": self.written_org(doc) or doc.org, "organ": doc.org, "year": doc.year, "published": doc.published.isoformat(),
                "form": doc.form, "url": primary, "page_url": doc.url, "aliases": doc.alias_urls,
                "files": files, "fault": doc.fault, "expect": doc.expect,
                "needs_document_parser": doc.form == "file", "figures": doc.figures,
                "listed": doc.listed, "dead_files": dead, "outcome": outcome(doc.expect)}

    @property
    def name(self) -> str:
        return self.county + "人民政府"


def quote_name(name: str) -> str:
    from urllib.parse import quote
    return quote(name)


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Farm:
    """All sites, the route table the server answers from, and the manifest."""

    def __init__(self, site_classes, scale: int = 1, seed: int = 2024):
        self.rng = random.Random(seed)
        self.routes: dict[str, dict[str, Route]] = {}
        self.handlers: dict[tuple[str, str], object] = {}
        self.tls: dict[str, Fault] = {}        # host → HTTPS_BROKEN | HTTP_TO_HTTPS; other hosts serve both
        self.notes: list[dict] = []            # faults on URLs that are not documents (lists, nav, endpoints)
        self.site_of: dict[str, Site] = {}     # host → the site that serves it
        self._ids = 0
        self.mirrors: list[str] = []
        self.sites: list[Site] = []
        self._building: Site | None = None
        for site_class in site_classes:
            site = site_class.create(self, scale)
            self._building = site
            site.build()
            self.sites.append(site)
            self.routes.setdefault(site.host, {}).setdefault(
                "/robots.txt", Route(200, site.robots.encode(), (("Content-Type", "text/plain"),)))
        self._building = None

    def next_id(self) -> int:
        self._ids += 1
        return self._ids

    def site_code(self, site: Site) -> str:
        return f"{int(hashlib.md5(site.host.encode()).hexdigest(), 16) % 10**10:010d}"

    def _key(self, url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return parts.hostname, query_key(parts.path + ("?" + parts.query if parts.query else ""))

    def add(self, url: str, route: Route) -> None:
        host, key = self._key(url)
        self.routes.setdefault(host, {})[key] = route
        if self._building:
            self.site_of.setdefault(host, self._building)

    def set_fault(self, url: str, fault: Fault) -> None:
        host, key = self._key(url)
        self.routes[host][key].fault = fault

    def note(self, url: str, fault: Fault, expect: str, role: str) -> None:
        """Record a fault on a URL that is no document (a list page, a nav link, an endpoint, a host)."""
        site = self._building or self.site_of.get(urlsplit(url).hostname)
        self.notes.append({"site": site.name if site else None, "url": url, "fault": fault, "expect": expect,
                           "role": role})

    def edit(self, url: str, old: bytes, new: bytes) -> None:
        """Change a published document in place (a portal correcting a report between two crawls)."""
        host, key = self._key(url)
        route = self.routes[host][key]
        assert old in route.body, f"{old!r} not in {url}"
        route.body = route.body.replace(old, new, 1)

    def handle(self, url: str, handler) -> None:
        """A dynamic route (list APIs): handler(method, query: dict, body: bytes, headers: dict) -> Route."""
        parts = urlsplit(url)
        self.handlers[(parts.hostname, parts.path)] = handler
        if self._building:
            self.site_of.setdefault(parts.hostname, self._building)

    def serves(self, host: str) -> bool:
        return host in self.routes or any(h == host for h, _ in self.handlers)

    def resolve(self, method: str, url: str, body: bytes = b"", headers: dict | None = None) -> Route:
        """The route (before served faults) for a request: a scheme redirect, an API handler, a page, or 404.

        `headers` are the request's, with lower-case names (the APIs that check a Referer read them).
        """
        parts = urlsplit(url)
        if parts.scheme == "http" and self.tls.get(parts.hostname) == Fault.HTTP_TO_HTTPS:
            return Route(301, b"", (("Location", "https" + url[len("http"):]),))
        handler = self.handlers.get((parts.hostname, parts.path))
        if handler:
            return handler(method, dict(parse_qsl(parts.query)), body, headers or {})
        routes = self.routes.get(parts.hostname, {})
        key = query_key(parts.path + ("?" + parts.query if parts.query else ""))
        if key not in routes and key.endswith("/"):  # a directory URL serves its index.html
            key += "index.html"
        return routes.get(key, NOT_FOUND)

    def mirror_link(self, site: Site) -> str:
        url = f"http://www.gov-mirror-{len(self.mirrors)}.com/{site.host}/nb2023.html"
        self.mirrors.append(url)
        return url

    def seeds(self) -> list[dict]:
        return [{"name": site.name, "url": site.www + "/", "province": "测试省",
                 "city": "测试市", "county": site.county, "adcode": f"99{i:04d}"} for i, site in enumerate(self.sites)]

    def manifest(self) -> dict:
        """Every report and look-alike with what must become of it, and every fault on other URLs."""
        documents = [site.manifest_entry(doc) for site in self.sites for doc in site.docs if doc.kind != "news"]
        hosts: dict[str, list[str]] = {}
        for host, site in self.site_of.items():
            hosts.setdefault(site.name, []).append(host)
        faults = [{"site": site.name, "url": doc.url, "fault": doc.fault, "expect": doc.expect, "role": "document"}
                  for site in self.sites for doc in site.docs if doc.fault]
        faults += [{"site": self.site_of[host].name if host in self.site_of else None, "url": f"https://{host}/",
                    "fault": fault, "expect": "record", "role": "host"} for host, fault in sorted(self.tls.items())]
        return {"sites": [{"name": s.name, "family": s.family, "host": s.host, "hosts": sorted(hosts.get(s.name, [])),
                           "mechanisms": list(s.mechanisms)} for s in self.sites],
                "reports": [d for d in documents if d["kind"] == "report"],
                "lookalikes": [d for d in documents if d["kind"] == "lookalike"],
                "faults": faults + self.notes,
                "mirrors": self.mirrors}

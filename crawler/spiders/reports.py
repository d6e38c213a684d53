"""`scrapy crawl reports`: seeds → discovery → family listings → report pages and files.

A request's role (meta ROLE: `nav`, `listing`, `page`, `attachment`) is only what
the link promised. Each fetched page is read once by a `Page`, and its content
decides what it is (meta READ_AS): a report candidate that lists reports is read
as a list, a column that lists none is navigated further, a frame shell is
followed into its frames, a page reached as a link that is a report is recorded.
Every fetched report candidate leaves the spider as a `Document` or a `Failure`,
so nothing fetched can vanish; bounds per site and per page hold throughout.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote, urlsplit, urlunsplit

import scrapy
from scrapy.exceptions import IgnoreRequest, UsageError
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError

from parsers.documents.base import DocumentError
from parsers.documents.detect import sniff

from ..discovery import COLUMN_THRESHOLD, NAV_THRESHOLD, UNIT_THRESHOLD, Fence, names_unit, score_link
from ..families import BY_NAME, GENERIC, Entry, ListPage, article_id, detect, is_article
from ..failures import Unchanged, failure_kind
from ..items import Document, Failure
from ..meta import (ARTICLE_ID, ATTACHMENT, BUDGET_HIT, BUDGET_LINKS, BUDGET_SITE, COLUMN_DEPTH, CUT_SHORT, FALLBACK,
                    FAMILY, FENCE, FENCE_REFUSED, FILENAME, HANDLER, HOPS, IN_COLUMN, IN_XXGK, LAST_PAGE, LAST_ROLE,
                    LIST_TITLE, LISTING, MECHANISM, NAV, NOT_REPORT, ORG, PAGE, PAGE_URL, PROBE, PUBLISHED, READ_AS,
                    REDECODED, REDIRECT_URLS, REFETCHED, REPORT, REPORTS_FROM, REVISED, ROLE, SCHEME_FALLBACKS, SEED,
                    SHELL, SHOWN_ON, SITE, STAGE, site_stat)
from ..page import Page, filename_of, is_document_link
from ..recognize import classify, listed, parse_years, year_wanted
from ..seeds import SeedsError, load_seeds

REGION_KEYS = ("province", "city", "county", "adcode")
_DISPOSITION = re.compile(r"filename\*?=(?:UTF-8'')?\"?([^\";]+)", re.I)
_YEARS = re.compile(r"((?:19|20)\d\d)(?:-((?:19|20)\d\d))?")
_FLAGS = {"": False, "0": False, "false": False, "no": False, "1": True, "true": True, "yes": True}


class ReportsSpider(scrapy.Spider):
    name = "reports"

    #: the spider's -a arguments; scrapyd adds its own, named with a leading underscore (_job)
    ARGUMENTS = {"seeds": "a CSV of portals with a header of at least name,url",
                 "years": "the years reported on, 2023 or 2021-2024",
                 "limit": "crawl only the first N seeds",
                 "full": "1: fetch and emit every report, changed or not"}

    def __init__(self, *args, **kwargs):
        options = self.read_arguments(kwargs)
        super().__init__(*args, **{key: value for key, value in kwargs.items() if key.startswith("_")})
        self.full = options["full"]
        self.seeds = options["seeds"]
        self.years = options["years"]
        self.seen_entries: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.site_max_pages = settings.getint("SITE_MAX_PAGES")
        spider.page_max_links = settings.getint("PAGE_MAX_LINKS")
        spider.nav_max_hops = settings.getint("NAV_MAX_HOPS")
        spider.column_max_depth = settings.getint("COLUMN_MAX_DEPTH")
        spider.requested: set[bytes] = set()             # fingerprints of requests made (budget counts each once)
        spider.pages_by_site: Counter[str] = Counter()   # requests made per site (SITE_MAX_PAGES)
        spider.scheme_down: set[tuple[str, str]] = set()  # (host, scheme) that failed without an answer
        spider.furthest: dict[str, int] = {}             # site -> deepest STAGE reached
        spider.hosts_seen: set[str] = set()              # hosts linked so far (a new one restarts the hop count)
        return spider

    @classmethod
    def read_arguments(cls, kwargs: dict) -> dict:
        """The checked -a arguments; UsageError with a one-line reason for any bad one."""
        unknown = sorted(key for key in kwargs if key not in cls.ARGUMENTS and not key.startswith("_"))
        if unknown:
            known = "; ".join(f"-a {name}=… ({meaning})" for name, meaning in cls.ARGUMENTS.items())
            raise UsageError(f"unknown argument {', '.join(f'-a {key}' for key in unknown)}; known: {known}",
                             print_help=False)
        full = str(kwargs.get("full") or "").strip().lower()
        if full not in _FLAGS:
            raise UsageError(f"-a full={kwargs['full']}: use 1 or 0", print_help=False)
        limit = kwargs.get("limit")
        if limit is not None and not (str(limit).isdigit() and int(limit) > 0):
            raise UsageError(f"-a limit={limit}: a number of seeds (1 or more)", print_help=False)
        years = kwargs.get("years")
        match = _YEARS.fullmatch(str(years).strip()) if years is not None else None
        if years is not None and not (match and int(match.group(1)) <= int(match.group(2) or match.group(1))):
            raise UsageError(f"-a years={years}: a year like 2023 or a range like 2021-2024", print_help=False)
        try:
            seeds = load_seeds(kwargs.get("seeds"))
        except SeedsError as error:
            raise UsageError(str(error), print_help=False) from None
        return {"full": _FLAGS[full], "seeds": seeds[: int(limit) if limit else None],
                "years": parse_years(match.group(0)) if match else None}

    async def start(self):
        for index, seed in enumerate(self.seeds):
            url = seed.get("annual_report_url") or seed["url"]
            context = {SEED: index, SITE: seed["name"], FENCE: Fence.for_url(url).root}
            if seed.get("annual_report_url"):
                request = self.list_request(ListPage(scrapy.Request(url)), context, None, 0, True)
            else:
                request = self.request(url, self.on_nav, {**context, ROLE: NAV, HOPS: 0})
            if request is not None:
                yield request

    # -- callbacks: each reads the page once and lets its content decide ---------------
    def on_nav(self, response):
        """A page on the way to the 年报 column, or whatever its content shows it is.

        @replay portal_html/trs_1.html http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index.html
        @returns requests 55
        @returns items 0 0
        """
        yield from self.read(Page(response), NAV)

    def on_listing(self, response):
        """A column page: its family lists it; if it lists nothing it is navigated further.

        @replay portal_html/hanweb_4.html http://kjt.shandong.gov.cn/col/col103585/index.html
        @returns requests 1 1
        """
        yield from self.read(Page(response), LISTING)

    def on_api(self, response):
        """An answer of a list mechanism (dataproxy.jsp window, JSON, JSONP) read by its family's handler.

        @replay portal_html/hanweb_2.html http://www.yuhang.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1
        @meta {"family": "hanweb", "handler": "dataproxy", "api_state": {"form": {"proxy": "/module/web/jpage/dataproxy.jsp", "columnid": "1229165988"}, "end": 45}}
        @returns requests 1 1
        @returns items 0 0
        """
        page = Page(response)
        family = BY_NAME.get(page.meta.get(FAMILY) or "", GENERIC)
        handler = page.meta.get(HANDLER) or "endpoint"
        read = getattr(family, handler, None) or GENERIC.endpoint
        self.reached(page, LISTING, family)
        context = self.context(page)
        yield from self.capped(page, self.follow(page, family, handler, read(page), context,
                                                 in_column=bool(page.meta.get(IN_COLUMN, True))))

    def on_report(self, response):
        """A report candidate: a report, or a list, a frame shell, a file — or an error line.

        @replay corpus/peers/KIROGOVCOMPARE/derived/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.reduced.html http://www.shuyang.gov.cn/sygfj/gknb/202401/t20240115_1.html
        @returns items 1 1
        @returns requests 0 0
        """
        yield from self.read(Page(response), PAGE)

    def on_attachment(self, response):
        """Keep the bytes; the real name often exists only in the link text or Content-Disposition.

        @replay documents/hzq2023.pdf http://www.example.gov.cn/attachment/hzq2023.pdf
        @returns items 1 1
        """
        page = Page(response)
        if page.kind == "html" and page.is_report(page.meta.get(LIST_TITLE)):
            yield from self.read(page, PAGE)  # the "file" link served the report page itself
            return
        yield from self.attachment(page)

    # -- reading -------------------------------------------------------------------------
    def read(self, page: Page, expected: str):
        """Decide what the page is from its content, then read it in that role."""
        context = self.context(page)
        self.hosts_seen.add(urlsplit(page.url).hostname)
        if page.redecoded:
            self.crawler.stats.inc_value(REDECODED)
        if page.kind == "binary":
            self.reached(page, ATTACHMENT, GENERIC)
            yield from self.attachment(page)
            return
        if page.cut_short and not page.meta.get(REFETCHED):  # read a whole page or none
            self.crawler.stats.inc_value(CUT_SHORT)
            yield page.response.request.replace(dont_filter=True, meta={**page.meta, REFETCHED: True})
            return
        family = detect(page) if page.kind == "html" else GENERIC
        in_column = bool(page.meta.get(IN_COLUMN)) or expected == LISTING or page.claims_column
        role = self.role_of(page, family, expected, in_column)
        page.meta[READ_AS] = role
        if role != expected:
            self.crawler.stats.inc_value(REVISED.format(expected, role))
        self.reached(page, role, family)
        if role == REPORT:
            yield from self.report(page, family, context)
        elif role == NOT_REPORT:
            reason = classify(page.title or page.meta.get(LIST_TITLE)).reason if page.kind == "html" else (
                f"expected a report page, got {page.kind} "
                f"({page.response.headers.get('Content-Type', b'?').decode('latin-1')})")
            yield self.failure(page, "extract", "not_report", f"not an annual report: {reason}")
        elif role == SHELL:
            yield from self.capped(page, self.frame_requests(page, context, PAGE))
        else:
            yield from self.capped(page, self.column(page, family, context, expected, role, in_column))

    def role_of(self, page: Page, family, expected: str, in_column: bool) -> str:
        """What the content says the page is; the expectation only breaks ties."""
        if page.kind != "html":
            return LISTING if page.report_entries(True) or expected != PAGE else NOT_REPORT
        if page.is_report(page.meta.get(LIST_TITLE), in_column):
            return REPORT
        if page.lists_reports(in_column) or family.has_list(page):
            return LISTING
        if expected == PAGE:
            return SHELL if page.frames else NOT_REPORT
        return expected

    def column(self, page: Page, family, context: dict, expected: str, role: str, in_column: bool):
        """A page that is not a report: its listed reports, its family's further pages and
        sub-columns (when it is a list), links naming a 年报 column, navigation (when it is
        not a list, or a list that gave nothing), frames and script endpoints (when nothing else)."""
        listing = LISTING in (role, expected)
        outputs = family.listing(page) if listing else page.entries
        candidates, pages = yield from self.follow(page, family, "listing" if listing else NAV, outputs, context,
                                                   in_column)
        columns = yield from self.navigate(page, context, page.meta.get(HOPS, 0),
                                           full=role == NAV or not (candidates or pages), in_column=in_column,
                                           units=listing and in_column)
        if role == NAV or not candidates:  # a shell shows its list (or report) in a frame, whatever its menus
            yield from self.frame_requests(page, context, LISTING if listing else NAV)
        if listing and not (candidates or pages or columns):  # a column whose anchors gave nothing
            for learned in GENERIC.learned(page):  # what its scripts and forms fetch
                request = self.list_request(learned, {**context, SHOWN_ON: page.url}, GENERIC.name,
                                            page.meta.get(COLUMN_DEPTH, 0), in_column)
                if request is not None:
                    yield request

    def follow(self, page: Page, family, handler: str, outputs, context: dict, in_column: bool):
        """Request the report candidates and list pages a family read; return how many of each it found."""
        fence = Fence(context[FENCE])
        mechanism = f"{family.name}.{handler}" if handler != NAV else NAV
        entries, pages = [], []
        for output in outputs:
            (entries if isinstance(output, Entry) else pages).append(output)
        fresh = candidates = 0
        for entry in entries:
            if not self.inside(fence, entry.url):
                continue
            verdict = listed(entry.title, in_column)
            candidates += verdict.is_report
            if entry.url in self.seen_entries:
                continue
            self.seen_entries.add(entry.url)
            fresh += 1
            if verdict.is_report:
                request = self.document_request(entry, verdict, page, context, mechanism, in_column)
                if request is not None:
                    yield request
            else:
                self.crawler.stats.inc_value("entries/rejected")
        depth = page.meta.get(COLUMN_DEPTH, 0)
        for output in pages:
            if output.probe and not fresh:
                self.crawler.stats.inc_value("pagination/stopped_no_news")
                continue
            deeper = output.handler == "listing" and not output.probe
            if deeper and depth >= self.column_max_depth:
                continue
            request = self.list_request(output, {**context, SHOWN_ON: shown_on(page)}, family.name, depth + deeper,
                                        in_column)
            if request is not None:
                yield request
        return candidates, len(pages)

    def navigate(self, page: Page, context: dict, hops: int, full: bool, in_column: bool, units: bool = False):
        """Links toward the 年报 column: column links always, other roads when `full`, and on a 年报
        column (`units`) the links named after a unit (a department drop-down, a township menu), which
        lead to that unit's own 年报 column (portals.md §4.2); returns the new column links."""
        fence = Fence(context[FENCE])
        in_xxgk = bool(page.meta.get(IN_XXGK))
        threshold = UNIT_THRESHOLD if in_xxgk else NAV_THRESHOLD
        columns = 0
        for url, text in page.links:
            if not self.inside(fence, url) or is_document_link(url, text) or listed(text, in_column).is_report:
                continue  # documents and report titles are entries, requested by `follow`
            host = urlsplit(url).hostname
            step = hops if host in self.hosts_seen else 0  # a unit's own site (jyj.x.gov.cn) starts anew
            self.hosts_seen.add(host)
            score = score_link(text, url)
            if score >= COLUMN_THRESHOLD:
                request = self.list_request(ListPage(scrapy.Request(url)), {**context, HOPS: step + 1,
                                                                            LIST_TITLE: text}, None, 0, True)
                columns += request is not None
            elif units and names_unit(text, url) and step < self.nav_max_hops and not is_article(url) \
                    and page.meta.get(COLUMN_DEPTH, 0) < self.column_max_depth:
                request = self.list_request(ListPage(scrapy.Request(url)), {**context, HOPS: step + 1,
                                                                            LIST_TITLE: text},
                                            None, page.meta.get(COLUMN_DEPTH, 0) + 1, True)
            elif full and score >= threshold and step < self.nav_max_hops and not is_article(url):
                request = self.request(url, self.on_nav, {**context, ROLE: NAV, HOPS: step + 1, LIST_TITLE: text,
                                                          IN_XXGK: in_xxgk or score >= 40}, priority=score // 10)
            else:
                continue
            if request is not None:
                yield request
        return columns

    def frame_requests(self, page: Page, context: dict, role: str):
        """The pages an iframe shell shows, read in the shell's role; the shell stays in the chain."""
        callback = {PAGE: self.on_report, LISTING: self.on_listing}.get(role, self.on_nav)
        fence = Fence(context[FENCE])
        chain = [*page.meta.get(REDIRECT_URLS, []), page.url]
        keep = {key: page.meta[key] for key in (PAGE_URL, LIST_TITLE, MECHANISM, HOPS, IN_COLUMN, COLUMN_DEPTH)
                if key in page.meta}
        for url in page.frames:
            if fence.admits(url) and url not in chain:
                request = self.request(url, callback, {**context, **keep, ROLE: role, REDIRECT_URLS: chain})
                if request is not None:
                    yield request

    def capped(self, page: Page, outputs):
        """At most PAGE_MAX_LINKS requests from one page (a page of 100,000 links queues no more)."""
        made = 0
        for output in outputs:
            if isinstance(output, scrapy.Request):
                if made >= self.page_max_links:
                    self.crawler.stats.inc_value(BUDGET_LINKS)
                    self.crawler.stats.set_value(site_stat(self.context(page)[SITE], BUDGET_HIT), "page_max_links")
                    return
                made += 1
            yield output

    # -- documents -------------------------------------------------------------------------
    def report(self, page: Page, family, context: dict):
        fence = Fence(context[FENCE])
        meta = page.meta
        files = [a for a in page.attachments
                 if fence.admits(a.url) and not classify(a.name).reason.startswith("look-alike")]
        page_id = article_id(page.url)
        if page.sections >= 2 or not files:
            self.count_document(page, context)
            yield Document(
                url=page.url, page_url=page.url, kind="page", body=page.text,
                site=context[SITE], region=self.region(context), family=family.name,
                list_title=meta.get(LIST_TITLE), title=page.title, published=page.published, org=page.org,
                article_id=page_id, redirects=list(meta.get(REDIRECT_URLS, [])))
        for attachment in files[: self.page_max_links]:  # not filtered: a file linked from two pages names both
            request = self.request(
                attachment.url, self.on_attachment, priority=40, dont_filter=True,
                meta={**context, ROLE: ATTACHMENT, PAGE_URL: page.url, FILENAME: attachment.name,
                      LIST_TITLE: page.title or meta.get(LIST_TITLE), ARTICLE_ID: page_id,
                      PUBLISHED: page.published, ORG: page.org, MECHANISM: meta.get(MECHANISM, NAV)})
            if request is not None:
                yield request

    def attachment(self, page: Page):
        response, meta = page.response, page.meta
        context = self.context(page)
        disposition = _DISPOSITION.search(response.headers.get("Content-Disposition", b"").decode("latin-1"))
        filename = (unquote(disposition.group(1)) if disposition else None) or meta.get(FILENAME) or \
            filename_of(page.url, meta.get(LIST_TITLE))
        fmt = sniff_format(response.body, filename)
        if fmt is None:
            yield self.failure(page, "fetch", "not_a_document",
                               f"expected a document, got {response.headers.get('Content-Type', b'?').decode()}")
            return
        self.count_document(page, context)
        yield Document(
            url=page.url, page_url=meta.get(PAGE_URL) or page.url, kind="attachment", body=response.body,
            site=context[SITE], region=self.region(context), family="file", fmt=fmt, filename=filename,
            list_title=meta.get(LIST_TITLE), published=meta.get(PUBLISHED), org=meta.get(ORG),
            article_id=meta.get(ARTICLE_ID), redirects=list(meta.get(REDIRECT_URLS, [])))

    def count_document(self, page: Page, context: dict) -> None:
        """Which mechanism found each document, per site and in total (for the run report)."""
        name = REPORTS_FROM.format(page.meta.get(MECHANISM, NAV))
        self.crawler.stats.inc_value(name)
        self.crawler.stats.inc_value(site_stat(context[SITE], name))

    # -- requests --------------------------------------------------------------------------
    def document_request(self, entry: Entry, verdict, page: Page, context: dict, mechanism: str,
                         in_column: bool) -> scrapy.Request | None:
        """A request for a listed report candidate (a page to judge, or a file)."""
        if not year_wanted(verdict.year, self.years):
            self.crawler.stats.inc_value("entries/other_year")
            return None
        self.crawler.stats.inc_value("entries/reports")
        meta = {**context, PAGE_URL: shown_on(page), LIST_TITLE: entry.title, MECHANISM: mechanism,
                IN_COLUMN: in_column}
        if is_document_link(entry.url, entry.title):
            meta.update({ROLE: ATTACHMENT, FILENAME: filename_of(entry.url, entry.title)})
            return self.request(entry.url, self.on_attachment, meta, priority=30)
        return self.request(entry.url, self.on_report, {**meta, ROLE: PAGE}, priority=30)

    def list_request(self, page: ListPage, context: dict, family_name: str | None, depth: int,
                     in_column: bool) -> scrapy.Request | None:
        """A family's further page or API call (or a column link), with the site's context."""
        request = page.request
        meta = {**context, **request.meta, ROLE: LISTING, HANDLER: page.handler, FAMILY: family_name,
                PROBE: page.probe, COLUMN_DEPTH: depth, IN_COLUMN: in_column}
        callback = self.on_listing if page.handler == "listing" else self.on_api
        return self.request(request.url, callback, meta, priority=20, template=request)

    def request(self, url: str, callback, meta: dict, priority: int = 0, dont_filter: bool = False,
                template: scrapy.Request | None = None) -> scrapy.Request | None:
        """Every request of the spider: inside the fence, once, within the site's budget,
        on the scheme that answers for its host."""
        if not self.inside(Fence(meta[FENCE]) if meta.get(FENCE) is not None else Fence.for_url(url), url):
            return None
        url, meta = self.working_scheme(url, meta)
        base = template or scrapy.Request(url)
        request = base.replace(url=url, callback=callback, errback=self.on_error, meta=meta, priority=priority,
                               dont_filter=dont_filter)
        if not dont_filter:
            fingerprint = self.crawler.request_fingerprinter.fingerprint(request)
            if fingerprint in self.requested:
                return None
            self.requested.add(fingerprint)
        site = meta[SITE]
        if self.pages_by_site[site] >= self.site_max_pages:
            self.crawler.stats.inc_value(BUDGET_SITE)
            self.crawler.stats.set_value(site_stat(site, BUDGET_HIT), "site_max_pages")
            return None
        self.pages_by_site[site] += 1
        return request

    def inside(self, fence: Fence, url: str) -> bool:
        """Is the link inside the site's fence? Links left outside are counted (`fence/refused`)."""
        if fence.admits(url):
            return True
        self.crawler.stats.inc_value(FENCE_REFUSED)
        return False

    def working_scheme(self, url: str, meta: dict) -> tuple[str, dict]:
        """http for a host whose https failed without an answer (and back); the listed URL stays in the chain."""
        parts = urlsplit(url)
        other = _OTHER_SCHEME.get(parts.scheme)
        if other and (parts.hostname, parts.scheme) in self.scheme_down \
                and (parts.hostname, other) not in self.scheme_down:
            return (urlunsplit(parts._replace(scheme=other)),
                    {**meta, FALLBACK: True, REDIRECT_URLS: [*meta.get(REDIRECT_URLS, []), url]})
        return url, meta

    # -- bookkeeping -------------------------------------------------------------------------
    def context(self, page: Page) -> dict:
        """Seed, site and fence of a page; `scrapy parse` and contracts get them from its URL."""
        meta = page.meta
        fence = meta.get(FENCE)
        return {SEED: meta.get(SEED), SITE: meta.get(SITE) or urlsplit(page.url).hostname or "?",
                FENCE: Fence.for_url(page.url).root if fence is None else fence}

    def reached(self, page: Page, role: str, family) -> None:
        self.progress(self.context(page)[SITE], page.url, role, f"{role} {family.name}")

    def progress(self, site: str, url: str, role: str, label: str) -> None:
        """Remember the furthest page of each site (deepest stage, then latest) for the run report."""
        stage = STAGE.get(role, 0)
        if stage >= self.furthest.get(site, -1):
            self.furthest[site] = stage
            self.crawler.stats.set_value(site_stat(site, LAST_PAGE), url)
            self.crawler.stats.set_value(site_stat(site, LAST_ROLE), label)

    def region(self, context: dict) -> dict:
        seed = self.seeds[context[SEED]] if context.get(SEED) is not None else {}
        return {key: seed.get(key) or None for key in REGION_KEYS}

    # -- failures --------------------------------------------------------------------------
    def on_error(self, failure):
        if failure.check(Unchanged):  # seen before and not changed: nothing to record
            return
        retry = self.other_scheme(failure)
        if retry is not None:
            yield retry
            return
        request = failure.request
        meta = request.meta
        kind, message = failure_kind(failure)
        if meta.get(PROBE) and kind in ("http_404", "soft_404"):
            self.crawler.stats.inc_value("pagination/ended_404")
            return
        first = (meta.get(REDIRECT_URLS) or [request.url])[0]  # the URL that was listed
        site = meta.get(SITE) or urlsplit(request.url).hostname or "?"
        self.progress(site, request.url, meta.get(ROLE, NAV), f"{meta.get(ROLE, NAV)} failed: {kind}")
        yield Failure(url=first, page_url=meta.get(PAGE_URL), stage="fetch", kind=kind,
                      error=message, site=site, role=meta.get(ROLE, "?"))

    def other_scheme(self, failure) -> scrapy.Request | None:
        """A host whose https fails without an answer (TLS, refused, timeout) is asked over http,
        and one refusing http over https; each (host, scheme) is tried once per run."""
        if failure.check(HttpError, IgnoreRequest):
            return None
        request = failure.request
        parts = urlsplit(request.url)
        other = _OTHER_SCHEME.get(parts.scheme)
        if other is None or parts.port is not None:
            return None
        if parts.scheme == "http" and not failure.check(ConnectionRefusedError):
            return None
        self.scheme_down.add((parts.hostname, parts.scheme))
        if (parts.hostname, other) in self.scheme_down:
            return None
        self.crawler.stats.inc_value(SCHEME_FALLBACKS)
        meta = {**request.meta, FALLBACK: True,
                REDIRECT_URLS: [*request.meta.get(REDIRECT_URLS, []), request.url]}
        return request.replace(url=urlunsplit(parts._replace(scheme=other)), meta=meta, dont_filter=True)

    def failure(self, page: Page, stage: str, kind: str, error: str) -> Failure:
        meta = page.meta
        first = (meta.get(REDIRECT_URLS) or [page.url])[0]
        return Failure(url=first, page_url=meta.get(PAGE_URL), stage=stage, kind=kind,
                       error=error, site=self.context(page)[SITE], role=meta.get(ROLE, PAGE))


_OTHER_SCHEME = {"https": "http", "http": "https"}


def shown_on(page: Page) -> str:
    """The HTML page a listed link is shown on: the page, or for an API answer the column page it fills."""
    if page.meta.get(HANDLER) in (None, "listing"):
        return page.url
    return page.meta.get(SHOWN_ON) or page.url


def sniff_format(body: bytes, filename: str | None) -> str | None:
    """The document format (parsers.documents.detect, the one sniffer); None for what is not a
    report file, such as the HTML error page a portal answers for a missing file (T24)."""
    try:
        return sniff(body, filename=filename)
    except DocumentError:
        return None

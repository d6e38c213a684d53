"""`scrapy crawl reports`: seeds → discovery → family listings → report pages and files.

Roles (request.meta["role"]): `nav` pages on the way to the 年报 column, `listing`
pages and API answers read by a CMS family, `page` (a report page) and
`attachment` (a report file). Every fetched page or attachment leaves the
spider as a `Document` or a `Failure`, so nothing fetched can vanish.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

import scrapy
from scrapy.exceptions import UsageError

from parsers.documents.base import DocumentError
from parsers.documents.detect import sniff

from ..discovery import COLUMN_THRESHOLD, NAV_THRESHOLD, UNIT_THRESHOLD, Fence, score_link
from ..failures import Unchanged, failure_kind
from ..families import BY_NAME, Entry, ListPage, article_id, detect
from ..families.base import anchors, filename_of, is_document_link
from ..items import Document, Failure
from ..recognize import classify, parse_years, year_wanted
from ..seeds import SeedsError, load_seeds

REGION_KEYS = ("province", "city", "county", "adcode")
_REPORT_SECTIONS = re.compile(r"总体情况|主动公开政府信息情况|收到和处理政府信息公开申请|行政复议|存在的主要问题")
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
            context = {"seed": index, "site": seed["name"],
                       "fence": Fence.for_url(seed.get("annual_report_url") or seed["url"]).root}
            if seed.get("annual_report_url"):
                yield self.listing_request(ListPage(scrapy.Request(seed["annual_report_url"])), context, None)
            else:
                yield scrapy.Request(seed["url"], callback=self.on_nav, errback=self.on_error,
                                     meta={**context, "role": "nav", "hops": 0})

    # -- requests ------------------------------------------------------------------
    @staticmethod
    def context(response) -> dict:
        return {key: response.meta[key] for key in ("seed", "site", "fence")}

    def listing_request(self, page: ListPage, context: dict, family_name: str | None,
                        depth: int = 0) -> scrapy.Request:
        meta = {**context, **page.request.meta, "role": "listing", "handler": page.handler,
                "family": family_name, "probe": page.probe, "column_depth": depth}
        return page.request.replace(callback=self.on_listing, errback=self.on_error, meta=meta, priority=20)

    def document_request(self, entry: Entry, response) -> scrapy.Request | None:
        """A request for a listed report candidate, or None if it is not one."""
        verdict = classify(entry.title)
        if not verdict.is_report:
            self.crawler.stats.inc_value("entries/rejected")
            return None
        if not year_wanted(verdict.year, self.years):
            self.crawler.stats.inc_value("entries/other_year")
            return None
        self.crawler.stats.inc_value("entries/reports")
        meta = {**self.context(response), "page_url": response.url, "list_title": entry.title}
        if is_document_link(entry.url, entry.title):
            meta.update(role="attachment", filename=filename_of(entry.url, entry.title))
            return scrapy.Request(entry.url, callback=self.on_attachment, errback=self.on_error,
                                  meta=meta, priority=30)
        return scrapy.Request(entry.url, callback=self.on_report, errback=self.on_error,
                              meta={**meta, "role": "page"}, priority=30)

    # -- nav -----------------------------------------------------------------------
    def on_nav(self, response):
        """Score links toward 信息公开 / 年报; a page that is itself the column is listed."""
        family = detect(response)
        if family.is_column(response):
            yield from self.on_listing(response)
            return
        hops = response.meta["hops"]
        threshold = UNIT_THRESHOLD if response.meta.get("in_xxgk") else NAV_THRESHOLD
        fence = Fence(response.meta["fence"])
        for url, text in anchors(response, response):
            if not fence.admits(url):
                continue
            score = score_link(text, url)
            if score >= COLUMN_THRESHOLD:
                yield self.listing_request(ListPage(scrapy.Request(url)), self.context(response), None)
            elif score >= threshold and hops < self.settings.getint("NAV_MAX_HOPS"):
                yield scrapy.Request(url, callback=self.on_nav, errback=self.on_error, priority=score // 10,
                                     meta={**self.context(response), "role": "nav", "hops": hops + 1,
                                           "in_xxgk": response.meta.get("in_xxgk") or score >= 40})
            elif url not in self.seen_entries:
                self.seen_entries.add(url)
                request = self.document_request(Entry(url, text), response)
                if request:
                    yield request

    # -- listings ------------------------------------------------------------------
    def on_listing(self, response):
        """Run the family's handler; follow probes only while the page brought new entries."""
        handler = response.meta.get("handler", "listing")
        family = BY_NAME[response.meta["family"]] if handler != "listing" else detect(response)
        outputs = list(getattr(family, handler)(response))
        fence = Fence(response.meta["fence"])
        fresh = 0
        for output in outputs:
            if isinstance(output, Entry) and output.url not in self.seen_entries and fence.admits(output.url):
                self.seen_entries.add(output.url)
                fresh += 1
                request = self.document_request(output, response)
                if request:
                    yield request
        depth = response.meta.get("column_depth", 0)
        for output in outputs:
            if not isinstance(output, ListPage) or not fence.admits(output.request.url):
                continue
            if output.probe and not fresh:
                self.crawler.stats.inc_value("pagination/stopped_no_news")
                continue
            if output.handler == "listing" and not output.probe:
                if depth >= self.settings.getint("COLUMN_MAX_DEPTH"):
                    continue
                yield self.listing_request(output, self.context(response), family.name, depth + 1)
            else:
                yield self.listing_request(output, self.context(response), family.name, depth)

    # -- documents -----------------------------------------------------------------
    def on_report(self, response):
        family = detect(response)
        article = family.article(response)
        list_title = response.meta.get("list_title")
        verdict = classify(article.title or list_title)
        if not verdict.is_report:
            yield self.failure(response, "extract", "not_report", f"not an annual report: {verdict.reason}")
            return
        fence = Fence(response.meta["fence"])
        files = [a for a in article.attachments
                 if fence.admits(a.url) and not classify(a.name).reason.startswith("look-alike")]
        body_text = " ".join(response.xpath("//body//text()[not(ancestor::script)]").getall())
        page_id = article_id(response.url)
        if len(set(_REPORT_SECTIONS.findall(body_text))) >= 2 or not files:
            yield Document(
                url=response.url, page_url=response.url, kind="page", body=response.text,
                site=response.meta["site"], region=self.region(response), family=family.name,
                list_title=list_title, title=article.title, published=article.published, org=article.org,
                article_id=page_id, redirects=response.meta.get("redirect_urls", []))
        for attachment in files:  # not filtered: a file linked from two pages must name both
            yield scrapy.Request(
                attachment.url, callback=self.on_attachment, errback=self.on_error, priority=40, dont_filter=True,
                meta={**self.context(response), "role": "attachment", "page_url": response.url,
                      "filename": attachment.name, "list_title": article.title or list_title,
                      "article_id": page_id, "published": article.published, "org": article.org})

    def on_attachment(self, response):
        """Keep the bytes; the real name often exists only in the link text or Content-Disposition."""
        body = response.body
        disposition = _DISPOSITION.search(response.headers.get("Content-Disposition", b"").decode("latin-1"))
        filename = (unquote(disposition.group(1)) if disposition else None) or response.meta.get("filename")
        fmt = sniff_format(body, filename)
        if fmt is None:
            yield self.failure(response, "fetch", "not_a_document",
                               f"expected a document, got {response.headers.get('Content-Type', b'?').decode()}")
            return
        meta = response.meta
        yield Document(
            url=response.url, page_url=meta.get("page_url") or response.url, kind="attachment", body=body,
            site=meta["site"], region=self.region(response), family="file", fmt=fmt, filename=filename,
            list_title=meta.get("list_title"), published=meta.get("published"), org=meta.get("org"),
            article_id=meta.get("article_id"), redirects=meta.get("redirect_urls", []))

    # -- failures ------------------------------------------------------------------
    def on_error(self, failure):
        if failure.check(Unchanged):  # seen before and not changed: nothing to record
            return
        request = failure.request
        meta = request.meta
        kind, message = failure_kind(failure)
        if meta.get("probe") and kind in ("http_404", "soft_404"):
            self.crawler.stats.inc_value("pagination/ended_404")
            return
        first = (meta.get("redirect_urls") or [request.url])[0]  # the URL that was listed
        yield Failure(url=first, page_url=meta.get("page_url"), stage="fetch", kind=kind,
                      error=message, site=meta.get("site", "?"), role=meta.get("role", "?"))

    def failure(self, response, stage: str, kind: str, error: str) -> Failure:
        return Failure(url=response.url, page_url=response.meta.get("page_url"), stage=stage, kind=kind,
                       error=error, site=response.meta["site"], role=response.meta["role"])

    def region(self, response) -> dict:
        seed = self.seeds[response.meta["seed"]]
        return {key: seed.get(key) or None for key in REGION_KEYS}


def sniff_format(body: bytes, filename: str | None) -> str | None:
    """The document format (parsers.documents.detect, the one sniffer); None for what is not a
    report file, such as the HTML error page a portal answers for a missing file (T24)."""
    try:
        return sniff(body, filename=filename)
    except DocumentError:
        return None

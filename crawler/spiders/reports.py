"""`scrapy crawl reports`: seeds → discovery → family listings → report pages and files.

Roles (request.meta["role"]): `nav` pages on the way to the 年报 column, `listing`
pages and API answers read by a CMS family, `page` (a report page) and
`attachment` (a report file). Every fetched page or attachment leaves the
spider as a `Document` or a `Failure`, so nothing fetched can vanish.
"""
from __future__ import annotations

import csv
import re
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from ..discovery import COLUMN_THRESHOLD, NAV_THRESHOLD, UNIT_THRESHOLD, Fence, score_link
from ..families import BY_NAME, Entry, ListPage, article_id, detect
from ..families.base import anchors, filename_of, is_document_link
from ..incremental import Unchanged
from ..items import Document, Failure
from ..recognize import classify, parse_years, year_wanted

REGION_KEYS = ("province", "city", "county", "adcode")
_REPORT_SECTIONS = re.compile(r"总体情况|主动公开政府信息情况|收到和处理政府信息公开申请|行政复议|存在的主要问题")
_DISPOSITION = re.compile(r"filename\*?=(?:UTF-8'')?\"?([^\";]+)", re.I)
MAGIC = ((b"%PDF", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0", "ole"))


def load_seeds(path: str | None) -> list[dict]:
    """Rows with at least name,url; the bundled portal list when no path is given."""
    source = Path(path) if path else resources.files("crawler.seeds") / "portals.csv"
    with source.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row.get("url")]


class ReportsSpider(scrapy.Spider):
    name = "reports"

    def __init__(self, seeds: str | None = None, years: str | None = None, limit: str | None = None,
                 full: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.full = full not in (None, "", "0")  # fetch and emit every report, changed or not
        self.seeds = load_seeds(seeds)[: int(limit) if limit else None]
        self.years = parse_years(years)
        self.seen_entries: set[str] = set()

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
    """Format from magic bytes, refined by the file name; None for HTML error pages (T24)."""
    ext = (filename or "").rsplit(".", 1)[-1].lower() if filename and "." in filename else ""
    head = body[:8]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            if kind == "pdf":
                return "pdf"
            if kind == "zip":
                return ext if ext in ("docx", "xlsx", "ofd", "wps") else "docx"
            return ext if ext in ("doc", "xls", "wps", "et") else "doc"
    if ext == "txt" and not body.lstrip()[:1] == b"<":
        return "txt"
    return None


def failure_kind(failure) -> tuple[str, str]:
    """(kind, message) for errors.jsonl; anti-bot answers are `blocked`, not retried."""
    error = failure.value
    if isinstance(error, HttpError):
        response = error.response
        if b"soft-404" in [flag.encode() for flag in response.flags]:
            return "soft_404", "page says it does not exist (HTTP 200)"
        status = response.status
        if status in (403, 405, 412, 521, 512):
            return "blocked", f"HTTP {status}: anti-bot or WAF answer"
        return f"http_{status}", f"HTTP {status}"
    name = type(error).__name__
    kinds = {"DownloadTimeoutError": "timeout", "TimeoutError": "timeout", "TCPTimedOutError": "timeout",
             "DownloadCancelledError": "too_large", "ResponseDataLossError": "truncated",
             "DownloadFailedError": "connection", "ResponseFailed": "truncated",
             "DownloadConnectionRefusedError": "connection", "ConnectionRefusedError": "connection",
             "CannotResolveHostError": "dns", "DNSLookupError": "dns"}
    message = str(error) or name
    if name == "IgnoreRequest":
        if "redirect" in message:
            return "redirect_loop", message
        if "robots" in message.lower() or "Forbidden by robots.txt" in message:
            return "robots", message
        return "ignored", message
    return kinds.get(name, name), message

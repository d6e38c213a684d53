"""Spider middleware: every Document the spider yields is parsed here, into a Record or a Failure.

Why here and not in an item pipeline: a Document holds the fetched bytes, and
no item should carry them past the spider (FEEDS would try to export them).
The bytes already live in the response, which Scrapy keeps, and counts
against SCRAPER_SLOT_MAX_ACTIVE_SIZE (so the downloader waits while too much
is unparsed), until this middleware has turned its output into records. A
body store on disk would copy every document once more and need cleaning.
`scrapy parse URL` shows the parsed records too.

Pages go to PARSE_WORKERS processes (the parse is the CPU-heavy step, 50-90 ms
a page); files go to threads that hand them to the bounded extraction
workers of parsers.documents, DOCUMENT_MEMORY_TOTAL // DOCUMENT_MEMORY_LIMIT
at once. Worker processes ignore the stop signals meant for the crawl (so a
SIGTERM or Ctrl-C lets every started parse finish) and die with the crawler.
A parser's exception never crosses a process boundary as an object (lxml's
cannot be pickled): the worker returns its kind and message as strings.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from scrapy import signals
from scrapy.exceptions import NotConfigured

from parsers import parse_file, parse_html
from parsers.documents import Limits
from parsers.documents.limits import MB, guard_worker, stop_signals_blocked, stop_workers
from parsers.hints import Hints

from ..items import Document, Failure, Record

MESSAGE_MAX = 500  # characters of a parser's message kept in errors.jsonl


class ParseMiddleware:
    def __init__(self, page_workers: int, limits: Limits):
        self.page_workers, self.limits = page_workers, limits
        self.pages = self.page_pool()
        self.files = ThreadPoolExecutor(max(1, limits.memory_total // limits.memory), "parse-file")

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("PARSE_ENABLED"):
            raise NotConfigured
        limits = Limits(memory=settings.getint("DOCUMENT_MEMORY_LIMIT") * MB,
                        memory_total=settings.getint("DOCUMENT_MEMORY_TOTAL") * MB,
                        timeout=settings.getfloat("DOCUMENT_TIMEOUT"))
        middleware = cls(settings.getint("PARSE_WORKERS"), limits)
        crawler.signals.connect(middleware.engine_stopped, signal=signals.engine_stopped)
        from twisted.internet import reactor  # installed by now

        reactor.addSystemEventTrigger("before", "shutdown", middleware.abandon)
        return middleware

    def page_pool(self):
        if not self.page_workers:
            return ThreadPoolExecutor(1, "parse-page")
        return ProcessPoolExecutor(self.page_workers, mp_context=get_context("spawn"), initializer=guard_worker,
                                   initargs=(os.getpid(),))

    async def process_spider_output(self, response, result, spider=None):
        async for output in result:
            yield await self.parse(output, response) if isinstance(output, Document) else output

    async def parse(self, document: Document, response) -> Record | Failure:
        if not document.body or (isinstance(document.body, str) and not document.body.strip()):
            return failure(document, "empty", f"the {document.kind} is empty (HTTP {response.status}, "
                                               f"{len(response.body)} bytes)")
        pool = self.pages if document.kind == "page" else self.files
        try:
            with stop_signals_blocked():  # a page-parse process may start here: deaf to Ctrl-C from birth
                future = pool.submit(parse_document, document.kind, document.body, hints_of(document),
                                     document.filename, self.limits)
            outcome = await asyncio.wrap_future(future)
        except BrokenProcessPool:  # a page killed its parse process (memory, a crash in lxml)
            self.pages = self.page_pool()
            return failure(document, "parser_crashed", "the parse process died on this page")
        if outcome[0] == "error":
            return failure(document, outcome[1], outcome[2])
        return overlay(outcome[1], document, response.meta)

    def engine_stopped(self):
        """A graceful stop: every started parse has finished and been written."""
        self.pages.shutdown(cancel_futures=True)
        self.files.shutdown(cancel_futures=True)

    def abandon(self):
        """A forced stop (a second Ctrl-C): drop queued parses and end the extraction workers, so
        the process exits now; nothing unwritten was marked seen, the restart parses it again."""
        self.pages.shutdown(wait=False, cancel_futures=True)
        self.files.shutdown(wait=False, cancel_futures=True)
        stop_workers()


def hints_of(document: Document) -> Hints:
    """What the crawler knows of a document besides its bytes: the page's own reading (title,
    date, organ), the link that led to it and the seed row's region, for the parser to weigh."""
    raw = document.body.encode("utf-8") if isinstance(document.body, str) else document.body
    return Hints(url=document.url, page_url=document.page_url, title=document.title,
                 list_title=document.list_title, published=document.published, org=document.org,
                 region=document.region, site=document.site, fetched_at=document.fetched_at,
                 sha256=hashlib.sha256(raw).hexdigest())


def parse_document(kind: str, body: str | bytes, hints: Hints, filename: str | None, limits: Limits) -> tuple:
    """("ok", record) or ("error", kind, message): module level, so a worker process can run it."""
    try:
        if kind == "page":
            return "ok", parse_html(body, hints=hints)
        return "ok", parse_file(body, filename=filename, hints=hints, limits=limits)
    except Exception as error:  # the parser's failure is data: it goes to errors.jsonl
        message = str(error) or type(error).__name__
        return "error", type(error).__name__, message[:MESSAGE_MAX]


def failure(document: Document, kind: str, message: str) -> Failure:
    return Failure(url=document.url, page_url=document.page_url, stage="parse", kind=kind, error=message,
                   site=document.site, role=document.kind,
                   requested=document.redirects[0] if document.redirects else None)


def overlay(data: dict, document: Document, meta) -> Record:
    """The parser's record (which weighed the hints) with the facts of the fetch: the seed's site,
    the redirects, and how the crawl reached the document."""
    data["source"]["site"] = document.site  # the seed row's name: the page's SiteName may differ
    if document.redirects:
        data["source"]["redirects"] = document.redirects
    data["crawl"] = {"role": document.kind, "family": meta.get("family") or document.family,
                     "handler": meta.get("handler"), "list_title": document.list_title,
                     "article_id": document.article_id}
    return Record(data)

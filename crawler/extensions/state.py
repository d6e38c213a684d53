"""CrawlState: the one owner of the crawl's incremental State, and the rule for when a document is seen.

Components reach the State with `crawler.get_extension(CrawlState)` (None
when INCREMENTAL_ENABLED is off). The State is opened here and closed when
the engine stops.

A document counts as seen (its validators committed, so the next run skips
it) only once its outcome is written: a file when its record, copy or error
line is; a report page when its own record or error line is AND every file it
linked has ended too. A page whose file could not be fetched is forgotten, so
that the next run asks for the page, and with it the file, again. Nothing is
committed at close: a crawl stopped in any way (SIGTERM, Ctrl-C, kill -9)
leaves every unfinished document unseen, and the restart fetches it again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from scrapy import signals
from scrapy.exceptions import NotConfigured

from ..signals import document_done
from ..state import State


@dataclass
class PageWait:
    """What a report page still waits for before it counts as seen."""
    read: bool = False             # its callback has finished
    own: int = 0                   # its own documents not yet written
    files: set[str] = field(default_factory=set)  # files it linked, not yet ended
    documents: bool = False        # it gave a document or a file at all (else it was a list: not remembered)
    file_failed: bool = False      # a file could not be fetched: ask for the page again next run


class CrawlState:
    def __init__(self, crawler, state: State):
        self.crawler, self.state = crawler, state
        self.run = crawler.settings.get("RUN_ID")
        self.pages: dict[str, PageWait] = {}

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("INCREMENTAL_ENABLED"):
            raise NotConfigured
        extension = cls(crawler, State.from_settings(crawler.settings))
        crawler.signals.connect(extension.document_done, signal=document_done)
        crawler.signals.connect(extension.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    # -- what AccountingMiddleware reports about a page's callback ----------------------
    def page_opened(self, url: str) -> None:
        self.pages.setdefault(url, PageWait())

    def page_document(self, url: str) -> None:
        wait = self.pages.setdefault(url, PageWait())
        wait.own += 1
        wait.documents = True

    def page_file(self, url: str, file_url: str) -> None:
        wait = self.pages.setdefault(url, PageWait())
        wait.files.add(file_url)
        wait.documents = True

    def page_read(self, url: str) -> None:
        if url in self.pages:
            self.pages[url].read = True
            self.check(url)

    # -- outcomes --------------------------------------------------------------------
    def document_done(self, outcome, site, role, url, requested=None, page_url=None, kind=None, stage=None,
                      **_):
        if role == "attachment":
            if not (outcome == "error" and stage == "fetch"):
                self.state.settle(url, self.run, page_url)
            wait = self.pages.get(page_url)
            if wait is not None:
                wait.files.discard(requested or url)
                wait.file_failed |= outcome == "error" and stage == "fetch"
                self.check(page_url)
        elif role == "page" and url in self.pages:
            self.pages[url].own -= 1
            self.check(url)

    def request_dropped(self, request, spider=None):
        """A file request the scheduler refused (a duplicate) will end under its first request."""
        wait = self.pages.get(request.meta.get("page_url"))
        if wait is not None and request.meta.get("role") == "attachment":
            wait.files.discard(request.url)
            self.check(request.meta["page_url"])

    def check(self, url: str) -> None:
        wait = self.pages[url]
        if not wait.read or wait.own > 0 or wait.files:
            return
        del self.pages[url]
        if wait.file_failed or not wait.documents:
            self.state.forget(url)
        else:
            self.state.settle(url, self.run)

    def engine_stopped(self):
        self.state.close()

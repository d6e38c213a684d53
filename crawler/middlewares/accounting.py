"""Spider middleware: every fetched report page or file ends as exactly one outcome.

Three jobs at the spider's edge, all about accounting for documents: a
callback that raises on a report page or file leaves an errors.jsonl line
(stage extract) instead of nothing; a report page that gave no document of
its own, only the files it links, ends as outcome "files"; and what a report
page gave (its own record or failure, the files it asked for) is told to
CrawlState, which counts the page as seen only once all of that is written.
"""
from __future__ import annotations

from scrapy import Request
from scrapy.exceptions import NotConfigured

from ..extensions.state import CrawlState
from ..items import Failure, Record
from ..signals import DOCUMENT_ROLES, document_done


class AccountingMiddleware:
    def __init__(self, crawler, owner: CrawlState | None):
        self.signals = crawler.signals
        self.owner = owner  # None when the crawl is not incremental: nothing to settle

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("ACCOUNTING_ENABLED"):
            raise NotConfigured
        return cls(crawler, crawler.get_extension(CrawlState))

    async def process_spider_output(self, response, result, spider=None):
        if response.meta.get("role") != "page":
            async for output in result:
                yield output
            return
        page, documents, files = response.url, 0, 0
        if self.owner:
            self.owner.page_opened(page)
        try:
            async for output in result:
                if isinstance(output, (Record, Failure)) and output_url(output) == page:
                    documents += 1
                    if self.owner:
                        self.owner.page_document(page)
                elif isinstance(output, Request) and output.meta.get("role") == "attachment" \
                        and output.meta.get("page_url") == page:
                    files += 1
                    if self.owner:
                        self.owner.page_file(page, output.url)
                yield output
        finally:
            if files and not documents:
                meta = response.meta
                self.signals.send_catch_log(
                    document_done, outcome="files", site=meta.get("site"), role="page", url=page,
                    requested=(meta.get("redirect_urls") or [page])[0], page_url=meta.get("page_url"))
            if self.owner:
                self.owner.page_read(page)

    def process_spider_exception(self, response, exception, spider=None):
        meta = response.meta
        if meta.get("role") not in DOCUMENT_ROLES:
            return None
        return [Failure(url=response.url, page_url=meta.get("page_url"), stage="extract", kind="spider_error",
                        error=f"{type(exception).__name__}: {exception}"[:500], site=meta.get("site", "?"),
                        role=meta["role"])]


def output_url(item: Record | Failure) -> str:
    return item["source"]["url"] if isinstance(item, Record) else item.url

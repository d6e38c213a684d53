"""Record versions: a record whose content is its current version is not emitted again.

Otherwise it gets `version` (1, 2, … per record id) and `run`; an unchanged
file seen from a page it was not recorded under becomes another source of its
record (an Alias: the file is one report, the page a new way to it). Without the
incremental state every record is version 1 of this run. `-a full=1` emits
unchanged records too, under their current version.
"""
from __future__ import annotations

from scrapy.exceptions import DropItem

from ..extensions.state import CrawlState
from ..items import Record
from .dedupe import alias
from ..signals import document_done


class VersionPipeline:
    def __init__(self, crawler, state):
        self.crawler, self.state = crawler, state
        self.run = crawler.settings.get("RUN_ID")

    @classmethod
    def from_crawler(cls, crawler):
        owner = crawler.get_extension(CrawlState)
        return cls(crawler, owner.state if owner else None)

    def process_item(self, item, spider=None):
        if not isinstance(item, Record):
            return item
        current = self.state.version(item["id"]) if self.state else None
        same = bool(current) and current["sha256"] == item["source"]["sha256"]
        if same and not getattr(self.crawler.spider, "full", False):
            if self.new_page(item):  # an unchanged file, linked from one more page: a source to add
                return alias(item["id"], item)
            source = item["source"]
            self.crawler.signals.send_catch_log(
                document_done, outcome="unchanged", site=item.site, role=item.role, url=source["url"],
                requested=item.requested, page_url=source["page_url"])
            raise DropItem(f"unchanged record {item['id']}", log_level="DEBUG")
        item["version"] = current["version"] if same else (current["version"] + 1 if current else 1)
        item["run"] = self.run
        return item

    def new_page(self, item: Record) -> bool:
        if item.role != "attachment":
            return False
        pages = (self.state.document(item["source"]["url"]) or {}).get("pages") or []
        return bool(pages) and item["source"]["page_url"] not in pages

"""One record per report: the same text, or the same CMS article with the same (org, year).

A page and its attachments share the page's article id; so do the copies of
a page under several columns (`art_<col>_<id>`, `post_`/`mpost_`). Within
one article id, a document whose (org, year) matches a recorded one is a
second source of it, in whatever order the two were parsed; a page carrying
several units' reports as files keeps one record per file. A second source
becomes an `Alias` (a line of alternates.jsonl).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping
from contextlib import nullcontext

from ..extensions.state import CrawlState
from ..items import Alias, Record


class DedupePipeline:
    min_text = 200  # image-only reports have no text to compare

    def __init__(self, texts=None, groups=None, lock=nullcontext):
        """The maps live in the incremental state when there is one (across runs and workers)."""
        self.texts: MutableMapping[str, str] = {} if texts is None else texts
        self.groups: MutableMapping[str, list[list]] = {} if groups is None else groups
        self.lock = lock
        self.emitted: set[str] = set()  # record ids this process let through

    @classmethod
    def from_crawler(cls, crawler):
        owner = crawler.get_extension(CrawlState)
        return cls(owner.state.texts, owner.state.groups, owner.state.lock) if owner else cls()

    def process_item(self, item, spider=None):
        if not isinstance(item, Record):
            return item
        with self.lock():
            return self.dedupe(item)

    def dedupe(self, item: Record):
        source = item["source"]
        identity = (normalize(item.get("org")), item.get("year"))
        text = normalize(item.get("text"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest() if len(text) >= self.min_text else None
        owner = self.texts.get(digest)
        if owner and (owner != item["id"] or owner in self.emitted):
            return alias(owner, item)
        group = item["crawl"].get("article_id") or source["page_url"]
        members = self.groups.get(group, [])
        for record_id, *known in members:
            if record_id == item["id"] and record_id not in self.emitted:
                break  # its own entry from a past run or a killed process: a record, versioned later
            if tuple(known) == identity or None in known or None in identity or "" in (known[0], identity[0]):
                return alias(record_id, item)
        else:
            self.groups[group] = [*members, [item["id"], *identity]]
        if digest:
            self.texts[digest] = item["id"]
        self.emitted.add(item["id"])
        return item


def alias(record_id: str, item: Record) -> Alias:
    source = item["source"]
    return Alias(record_id, source["url"], source["page_url"], source["site"], role=item.role,
                 requested=(source.get("redirects") or [None])[0])


def normalize(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")

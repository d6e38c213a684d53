"""One record per report: the same text, or the same CMS article with the same (org, year).

A page and its attachments share the page's article id; so do the copies of
a page under several columns (`art_<col>_<id>`, `post_`/`mpost_`). Within
one article id, a document whose (org, year) matches a recorded one is a
second source of it, in whatever order the two were parsed; a page carrying
several units' reports as files keeps one record per file. The organ may be
written shorter by one source than by the other (the page's 发布机构
`X县城关镇人民政府`, the file's title `城关镇`): `same_organ`. A second source
becomes an `Alias` (a line of alternates.jsonl).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping
from contextlib import nullcontext

from dataset.organ import SHORT_FORMS
from parsers.text import squash

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
        identity = (squash(item.get("org")), item.get("year"))
        text = squash(item.get("text"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest() if len(text) >= self.min_text else None
        owner = self.texts.get(digest)
        if owner and (owner != item["id"] or owner in self.emitted):
            return alias(owner, item)
        group = item["crawl"].get("article_id") or source["page_url"]
        members = self.groups.get(group, [])
        for record_id, *known in members:
            if record_id == item["id"] and record_id not in self.emitted:
                break  # its own entry from a past run or a killed process: a record, versioned later
            if known[1] == identity[1] and same_organ(known[0], identity[0]) \
                    or None in known or None in identity or "" in (known[0], identity[0]):
                return alias(record_id, item)
        else:
            self.groups[group] = [*members, [item["id"], *identity]]
        if digest:
            self.texts[digest] = item["id"]
        self.emitted.add(item["id"])
        return item


# The government suffix an organ may drop: 城关镇人民政府 = 城关镇, 新华街道办事处 = 新华街道.
_GOVERNMENT = re.compile(r"(?:人民政府|政府|办事处)$")


def same_organ(one: str | None, other: str | None) -> bool:
    """Are two names the same organ written shorter? Short forms written out (dataset.organ:
    卫健委 = 卫生健康委员会), the 人民政府/政府/办事处 suffix dropped, then equal or one the
    other's ending: the place prefix dropped (X县城关镇 = 城关镇, X县教育局 = 县教育局 = 教育局).
    Only within one article, where the alternative is two units' reports on one page."""
    one, other = _organ_key(one), _organ_key(other)
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 2 and longer.endswith(shorter)


def _organ_key(name: str | None) -> str:
    name = squash(name)
    for short, full in SHORT_FORMS:
        name = name.replace(short, full)
    return _GOVERNMENT.sub("", name)


def alias(record_id: str, item: Record) -> Alias:
    source = item["source"]
    return Alias(record_id, source["url"], source["page_url"], source["site"], role=item.role,
                 requested=(source.get("redirects") or [None])[0])

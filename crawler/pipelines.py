"""Document → record (shared parser) → one record per report → reports.jsonl / errors.jsonl.

Three pipelines in order: ParsePipeline calls the shared parser and turns any
exception into a `Failure`; DedupePipeline folds a second source of a known
report into an `Alias`; JsonlWriterPipeline writes records and failures and,
at the end, lists each record's other sources.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections.abc import MutableMapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from multiprocessing import get_context
from pathlib import Path

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from .items import Alias, Document, Failure, Record
from .state import state_for

try:  # the document extractors land separately; until then files are recorded as errors
    from parsers.documents import parse_file
except ImportError:
    parse_file = None
from parsers.region import merge as merge_region
from parsers import parse_html


class ParsePipeline:
    """Run the shared parser off the reactor thread; overlay what the crawler knows better.

    Parsing is the CPU-heavy step (50–90 ms a page). Pages go to a pool of
    PARSE_WORKERS processes (another core), or to a thread when it is 0; files
    go to a thread, since the parser already extracts them in a child process.
    """

    def __init__(self, workers: int = 0):
        self.pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn")) if workers else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getint("PARSE_WORKERS"))

    def close_spider(self, spider=None):
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    async def process_item(self, item, spider=None):
        if not isinstance(item, Document):
            return item
        try:
            if self.pool and item.kind == "page":
                data = await asyncio.wrap_future(self.pool.submit(parse_document, item.kind, item.body, item.url,
                                                                  item.filename))
            else:
                data = await maybe_deferred_to_future(
                    deferToThread(parse_document, item.kind, item.body, item.url, item.filename))
        except Exception as error:  # the parser's failure is data: it goes to errors.jsonl
            return Failure(url=item.url, page_url=item.page_url, stage="parse", kind=type(error).__name__,
                           error=str(error) or type(error).__name__, site=item.site, role=item.kind)
        return Record(self.overlay(data, item), item)

    @staticmethod
    def overlay(data: dict, item: Document) -> dict:
        raw = item.body.encode("utf-8") if isinstance(item.body, str) else item.body
        data["source"] = {**(data.get("source") or {}), "url": item.url, "page_url": item.page_url,
                          "format": item.fmt, "fetched_at": item.fetched_at, "site": item.site,
                          "sha256": hashlib.sha256(raw).hexdigest()}
        if item.redirects:
            data["source"]["redirects"] = item.redirects
        data["region"] = merge_region(item.region, data.get("region"))
        data["id"] = hashlib.sha1(item.url.encode("utf-8")).hexdigest()
        for key, value in (("title", item.title or item.list_title), ("published", item.published),
                           ("org", item.org)):
            if not data.get(key) and value:
                data[key] = value
        data["crawl"] = {"family": item.family, "list_title": item.list_title, "article_id": item.article_id}
        return data


def parse_document(kind: str, body: str | bytes, url: str, filename: str | None) -> dict:
    """The shared parser on one document (module level, so a worker process can run it)."""
    if kind == "page":
        return parse_html(body, url=url)
    if parse_file is None:
        raise RuntimeError("document parsing not available")
    return parse_file(body, filename=filename, url=url)


class DedupePipeline:
    """One record per report: the same text, or the same CMS article with the same (org, year).

    A page and its attachments share the page's article id; so do the copies of
    a page under several columns (`art_<col>_<id>`, `post_`/`mpost_`). Within
    one article id, a document whose (org, year) matches a recorded one is a
    second source of it, in whatever order the two were parsed; a page carrying
    several units' reports as files keeps one record per file.
    """

    min_text = 200  # image-only reports have no text to compare

    def __init__(self, texts=None, groups=None, lock=nullcontext):
        """The maps live in the incremental state when there is one (across runs and workers)."""
        self.texts: MutableMapping[str, str] = {} if texts is None else texts
        self.groups: MutableMapping[str, list[list]] = {} if groups is None else groups
        self.lock = lock
        self.emitted: set[str] = set()  # record ids this process let through

    @classmethod
    def from_crawler(cls, crawler):
        state = state_for(crawler)
        return cls(state.texts, state.groups, state.lock) if state else cls()

    def process_item(self, item, spider=None):
        if not isinstance(item, Record):
            return item
        with self.lock():
            return self.dedupe(item)

    def dedupe(self, item):
        data, document = item.data, item.document
        identity = (normalize(data.get("org")), data.get("year"))
        text = normalize(data.get("text"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest() if len(text) >= self.min_text else None
        owner = self.texts.get(digest)
        if owner and (owner != data["id"] or owner in self.emitted):
            return Alias(owner, document.url, document.page_url, document.site)
        group = document.article_id or document.page_url
        members = self.groups.get(group, [])
        for record_id, *known in members:
            if record_id == data["id"] and record_id not in self.emitted:
                break  # its own entry from a past run or a killed process: a record, versioned later
            if tuple(known) == identity or None in known or None in identity or "" in (known[0], identity[0]):
                return Alias(record_id, document.url, document.page_url, document.site)
        else:
            self.groups[group] = [*members, [data["id"], *identity]]
        if digest:
            self.texts[digest] = data["id"]
        self.emitted.add(data["id"])
        return item


def normalize(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


class JsonlWriterPipeline:
    """reports.jsonl and errors.jsonl under OUTPUT_DIR; other sources patched in at close.

    Incremental crawls append (each record names its `run` and `version`).
    """

    def __init__(self, directory: str, append: bool = False):
        self.directory = Path(directory)
        self.mode = "a" if append else "w"
        self.alternates: dict[str, dict[str, None]] = {}  # record id -> URLs, in order

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("OUTPUT_DIR"), crawler.settings.getbool("INCREMENTAL_ENABLED"))

    def open_spider(self, spider=None):
        self.directory.mkdir(parents=True, exist_ok=True)
        self.reports = (self.directory / "reports.jsonl").open(self.mode, encoding="utf-8")
        self.errors = (self.directory / "errors.jsonl").open(self.mode, encoding="utf-8")

    def process_item(self, item, spider=None):
        if isinstance(item, Record):
            self.reports.write(json.dumps(item.data, ensure_ascii=False) + "\n")
            self.reports.flush()
        elif isinstance(item, Failure):
            self.errors.write(json.dumps(vars(item), ensure_ascii=False) + "\n")
            self.errors.flush()
        elif isinstance(item, Alias):
            self.alternates.setdefault(item.record_id, {}).update(dict.fromkeys((item.url, item.page_url)))
        return item

    def close_spider(self, spider=None):
        self.reports.close()
        self.errors.close()
        if self.alternates:
            self.patch_alternates()

    def patch_alternates(self):
        """Rewrite reports.jsonl once, adding `source.alternates` to the records that have some."""
        path = self.directory / "reports.jsonl"
        temporary = path.with_suffix(".tmp")
        with path.open(encoding="utf-8") as source, temporary.open("w", encoding="utf-8") as target:
            for line in source:
                record = json.loads(line)
                if record["id"] in self.alternates:
                    own = {record["source"]["url"], record["source"]["page_url"]}
                    known = dict.fromkeys(record["source"].get("alternates", []))  # from earlier runs
                    record["source"]["alternates"] = [url for url in {**known, **self.alternates[record["id"]]}
                                                      if url not in own]
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                target.write(line)
        temporary.replace(path)

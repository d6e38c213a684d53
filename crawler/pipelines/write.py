"""The output files of OUTPUT_DIR: reports.jsonl, errors.jsonl, alternates.jsonl, one line per outcome.

Each line is flushed before its outcome is announced (signal document_done),
and only then may CrawlState count the document as seen: a crawl killed at
any moment loses no line for good. Every line names its `run`. Records pass
on (to FEEDS, if any); failures and other sources of a report are dropped
here, quietly, once written.

- errors.jsonl: a failure already written for the same URL, stage and kind,
  in this run or an earlier one, is not written again (the run's summary still
  counts it); a record for the URL clears it.
- alternates.jsonl: `{"id", "url", "page_url", "site", "run"}`, one line per
  other source of a recorded report (a second URL, the PDF copy of an HTML
  report), appended as found; folded into the records' `source.alternates`
  when the crawl closes (crawler.outputs.fold), then emptied.

Incremental crawls append to the files; a resumed run first drops a torn last
line (a kill mid-write) and takes up what its earlier process wrote.
"""
from __future__ import annotations

import json
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import DropItem

from ..extensions.state import CrawlState
from ..items import Alias, Document, Failure, Record
from ..outputs import FILES, drop_torn_line, fold, this_run
from ..signals import document_done


class WritePipeline:
    def __init__(self, crawler, directory: Path, state):
        self.crawler, self.directory, self.state = crawler, directory, state
        settings = crawler.settings
        self.run = settings.get("RUN_ID")
        self.append = state is not None
        self.resumed = settings.getbool("RUN_RESUMED")
        self.errors_written: set[tuple[str, str, str]] = set()  # (url, stage, kind), this process and run
        self.aliases_written: set[tuple[str, str, str]] = set()  # (record id, url, page url)
        self.handles: dict = {}

    @classmethod
    def from_crawler(cls, crawler):
        owner = crawler.get_extension(CrawlState)
        pipeline = cls(crawler, Path(crawler.settings.get("OUTPUT_DIR")), owner.state if owner else None)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        return pipeline

    def open_spider(self, spider=None):
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.append:
            for name in FILES.values():
                drop_torn_line(self.directory / name)
        if self.resumed:
            self.recover()
        self.handles = {key: (self.directory / name).open("a" if self.append else "w", encoding="utf-8")
                        for key, name in FILES.items()}

    def close_spider(self, spider=None):
        for handle in self.handles.values():
            handle.close()
        fold(self.directory)

    def process_item(self, item, spider=None):
        if isinstance(item, Record):
            self.record(item)
            return item
        if isinstance(item, Document):  # PARSE_ENABLED is off
            item = Failure(url=item.url, page_url=item.page_url, stage="parse", kind="not_parsed",
                           error="not parsed: PARSE_ENABLED is off", site=item.site, role=item.kind)
        if isinstance(item, Failure):
            self.failure(item)
            raise DropItem(f"{item.kind}: {item.url}", log_level="DEBUG")
        if isinstance(item, Alias):
            self.alias(item)
            raise DropItem(f"another source of {item.record_id}: {item.url}", log_level="DEBUG")
        return item

    # -- the three kinds of lines ----------------------------------------------------
    def record(self, item: Record) -> None:
        self.write("records", dict(item))
        source = item["source"]
        if self.state:
            self.state.set_version(item["id"], item["version"], source["sha256"], self.run)
            for url in {source["url"], item.requested}:
                self.state.clear_error(url)
        self.done("new" if item["version"] == 1 else "changed", item.site, item.role, source["url"],
                  item.requested, source["page_url"], mechanism=mechanism(item))

    def failure(self, item: Failure) -> None:
        key = (item.url, item.stage, item.kind)
        earlier = (self.state.error(item.url) if self.state else None) or {}
        repeated = key in self.errors_written or (earlier.get("stage"), earlier.get("kind")) == key[1:]
        if not repeated:
            self.write("errors", {**vars(item), "run": self.run})
            self.errors_written.add(key)
            if self.state:
                self.state.set_error(item.url, item.stage, item.kind, self.run)
        self.done("error", item.site, item.role, item.url, item.requested, item.page_url, kind=item.kind,
                  stage=item.stage, repeated=repeated)

    def alias(self, item: Alias) -> None:
        key = (item.record_id, item.url, item.page_url)
        if key not in self.aliases_written:
            self.write("alternates", {"id": item.record_id, "url": item.url, "page_url": item.page_url,
                                      "site": item.site, "run": self.run})
            self.aliases_written.add(key)
        self.done("copy", item.site, item.role, item.url, item.requested, item.page_url)

    def write(self, key: str, line: dict) -> None:
        handle = self.handles[key]
        handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        handle.flush()

    def done(self, outcome, site, role, url, requested, page_url, **details) -> None:
        self.crawler.signals.send_catch_log(document_done, outcome=outcome, site=site, role=role, url=url,
                                            requested=requested or url, page_url=page_url, **details)

    def item_error(self, item, response=None, spider=None, failure=None):
        """A pipeline raised on a record: the document still gets its errors.jsonl line."""
        if isinstance(item, Record):
            source = item["source"]
            self.failure(Failure(url=source["url"], page_url=source["page_url"], stage="parse", kind="internal",
                                 error=f"{type(failure.value).__name__}: {failure.value}"[:500],
                                 site=item.site, role=item.role))

    # -- a resumed run ---------------------------------------------------------------
    def recover(self) -> None:
        """Commit what this run's killed process wrote but may not have committed."""
        for key, line in this_run(self.directory, self.run):
            if key == "records" and self.state:
                self.state.set_version(line["id"], line["version"], line["source"]["sha256"], self.run)
            elif key == "errors":
                self.errors_written.add((line["url"], line["stage"], line["kind"]))
                if self.state:
                    self.state.set_error(line["url"], line["stage"], line["kind"], self.run)
            elif key == "alternates":
                self.aliases_written.add((line["id"], line["url"], line["page_url"]))


def mechanism(item: Record) -> str:
    crawl = item.get("crawl") or {}
    return "/".join(part for part in (crawl.get("family"), crawl.get("handler")) if part) or "?"

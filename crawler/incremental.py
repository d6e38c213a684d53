"""Incremental crawling: skip report pages and files that did not change, number record versions.

Listing and navigation pages are fetched every run (that is how new reports
are found); a `page` or `attachment` already seen is asked for conditionally
(If-None-Match / If-Modified-Since) when the portal gave validators, else not
asked for at all until INCREMENTAL_REVISIT_DAYS have passed. A body with the
hash last seen counts as unchanged too. `-a full=1` fetches and emits everything.

What is committed when, so that a killed crawl loses and repeats nothing:
a record's version right after it is written (RecordStatePipeline, after the
writer); an attachment's validators with its record or parse error; a report
page's validators only when the run closes cleanly, since the page's
attachments may still be waiting in the queue.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path

from scrapy.exceptions import DropItem, IgnoreRequest, NotConfigured

from .items import Failure, Record
from .state import state_for, utcnow

#: signal(site, status): a document or record was judged new | changed | unchanged
document_status = object()
ROLES = ("page", "attachment")


class Unchanged(IgnoreRequest):
    """The portal says (304), the clock says (not due) or the hash says the document is as last seen."""


def full_crawl(crawler) -> bool:
    return bool(getattr(crawler.spider, "full", False))


class ConditionalRequestMiddleware:
    """Downloader middleware: conditional requests and revisit age for report pages and files."""

    def __init__(self, crawler, state, revisit: timedelta):
        self.crawler, self.state, self.revisit = crawler, state, revisit

    @classmethod
    def from_crawler(cls, crawler):
        state = state_for(crawler)
        if state is None:
            raise NotConfigured
        return cls(crawler, state, timedelta(days=crawler.settings.getfloat("INCREMENTAL_REVISIT_DAYS")))

    def unchanged(self, request, why: str) -> Unchanged:
        self.crawler.stats.inc_value(f"incremental/{why}")
        self.crawler.signals.send_catch_log(document_status, site=request.meta.get("site"), status="unchanged")
        return Unchanged(f"{why}: {request.url}")

    def known(self, url: str) -> dict | None:
        """What earlier runs or processes saw; a file linked again in this process is fetched as before."""
        return None if url in self.state.settled else self.state.document(url)

    def process_request(self, request, spider=None):
        if request.meta.get("role") not in ROLES or full_crawl(self.crawler):
            return None
        known = self.known(request.url)
        if not known:
            return None
        if known.get("etag") or known.get("last_modified"):
            for header, field in (("If-None-Match", "etag"), ("If-Modified-Since", "last_modified")):
                if known.get(field):
                    request.headers.setdefault(header, known[field])
            return None
        if datetime.fromisoformat(known["fetched_at"]) + self.revisit > utcnow():
            raise self.unchanged(request, "not_due")
        return None

    def process_response(self, request, response, spider=None):
        if request.meta.get("role") not in ROLES:
            return response
        if response.status == 304:
            raise self.unchanged(request, "not_modified")
        if response.status != 200:
            return response
        digest = hashlib.sha256(response.body).hexdigest()
        known = self.known(request.url)
        if known and known.get("sha256") == digest and not full_crawl(self.crawler):
            self.state.fetched[request.url] = {**known, "sha256": digest}
            self.state.settle(request.url, self.crawler.settings.get("RUN_ID"))  # refresh its age
            raise self.unchanged(request, "same_content")
        self.state.fetched[request.url] = {
            "etag": header(response, b"ETag"), "last_modified": header(response, b"Last-Modified"),
            "sha256": digest}
        return response


def header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class RecordVersionPipeline:
    """Before the writer: a record whose content is its current version is not emitted again.

    Otherwise it gets `version` (1, 2, …) and `run`. On a resumed run, records the
    killed process wrote but had not committed are committed first (`recover`).
    """

    def __init__(self, crawler, state):
        self.crawler, self.state = crawler, state
        self.run = crawler.settings.get("RUN_ID")

    @classmethod
    def from_crawler(cls, crawler):
        state = state_for(crawler)
        if state is None:
            raise NotConfigured
        return cls(crawler, state)

    def open_spider(self, spider=None):
        if self.crawler.settings.getbool("RUN_RESUMED"):
            recover(Path(self.crawler.settings.get("OUTPUT_DIR")) / "reports.jsonl", self.run, self.state)

    def process_item(self, item, spider=None):
        if not isinstance(item, Record):
            return item
        data = item.data
        current = self.state.version(data["id"])
        same = bool(current) and current["sha256"] == data["source"]["sha256"]
        self.crawler.signals.send_catch_log(document_status, site=item.document.site,
                                            status="unchanged" if same else "changed" if current else "new")
        if same and not full_crawl(self.crawler):
            if item.document.kind == "attachment":
                self.state.settle(item.document.url, self.run)
            raise DropItem(f"unchanged record {data['id']}", log_level="DEBUG")
        data["version"] = current["version"] if same else (current["version"] + 1 if current else 1)
        data["run"] = self.run
        return item


class RecordStatePipeline:
    """After the writer: commit the written record's version, and an attachment as seen.

    A file that could not be fetched makes its page unseen, or an unchanged page
    would never lead to the file again.
    """

    def __init__(self, state, run):
        self.state, self.run = state, run

    @classmethod
    def from_crawler(cls, crawler):
        state = state_for(crawler)
        if state is None:
            raise NotConfigured
        return cls(state, crawler.settings.get("RUN_ID"))

    def process_item(self, item, spider=None):
        if isinstance(item, Record):
            data = item.data
            self.state.set_version(data["id"], data["version"], data["source"]["sha256"], self.run)
            if item.document.kind == "attachment":
                self.state.settle(item.document.url, self.run)
        elif isinstance(item, Failure) and item.stage != "fetch" and item.role == "attachment":
            self.state.settle(item.url, self.run)
        elif isinstance(item, Failure) and item.role == "attachment" and item.page_url:
            self.state.forget(item.page_url)  # so the page, and with it the file, is asked for again
        return item


def recover(path: Path, run: str, state) -> None:
    """Commit the versions of records this run already wrote; drop a torn last line (a kill mid-write)."""
    if not path.exists():
        return
    with path.open("rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)
    marker = json.dumps({"run": run})[1:-1]
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if marker in line:
                record = json.loads(line)
                if record.get("run") == run:
                    state.set_version(record["id"], record["version"], record["source"]["sha256"], run)

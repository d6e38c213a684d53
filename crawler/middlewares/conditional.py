"""Incremental crawls: report pages and files that did not change are not fetched, or not passed on.

Listing and navigation pages are fetched every run (that is how new reports
are found); a `page` or `attachment` already seen is asked for conditionally
(If-None-Match / If-Modified-Since) when the portal gave validators, else not
asked for at all until INCREMENTAL_REVISIT_DAYS have passed. A body with the
hash last seen counts as unchanged too. `-a full=1` fetches everything.

Validators of a fetched body wait in `State.fetched` until CrawlState commits
them, once the document's outcome is written.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from scrapy.exceptions import NotConfigured

from ..extensions.state import CrawlState
from ..failures import Unchanged
from ..signals import DOCUMENT_ROLES, document_done
from ..state import utcnow


class ConditionalRequestMiddleware:
    def __init__(self, crawler, state, revisit: timedelta):
        self.crawler, self.state, self.revisit = crawler, state, revisit
        self.run = crawler.settings.get("RUN_ID")

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("INCREMENTAL_ENABLED"):
            raise NotConfigured
        owner = crawler.get_extension(CrawlState)
        return cls(crawler, owner.state, timedelta(days=crawler.settings.getfloat("INCREMENTAL_REVISIT_DAYS")))

    def full(self) -> bool:
        return bool(getattr(self.crawler.spider, "full", False))

    def unchanged(self, request, why: str) -> Unchanged:
        self.crawler.stats.inc_value(f"incremental/{why}")
        meta = request.meta
        self.crawler.signals.send_catch_log(
            document_done, outcome="unchanged", site=meta.get("site"), role=meta.get("role"), url=request.url,
            requested=(meta.get("redirect_urls") or [request.url])[0], page_url=meta.get("page_url"))
        return Unchanged(f"{why}: {request.url}")

    def known(self, request) -> dict | None:
        """What earlier runs or processes saw of this document (of a file: from this page)."""
        page_url = request.meta.get("page_url") if request.meta.get("role") == "attachment" else None
        return self.state.document(request.url, page_url)

    def process_request(self, request, spider=None):
        if request.meta.get("role") not in DOCUMENT_ROLES or self.full():
            return None
        known = self.known(request)
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
        if request.meta.get("role") not in DOCUMENT_ROLES:
            return response
        if response.status == 304:
            raise self.unchanged(request, "not_modified")
        if response.status != 200:
            return response
        digest = hashlib.sha256(response.body).hexdigest()
        known = self.known(request)
        if known and known.get("sha256") == digest and not self.full():
            self.state.fetched[request.url] = {**known, "sha256": digest}
            self.state.settle(request.url, self.run)  # refresh its age
            raise self.unchanged(request, "same_content")
        self.state.fetched[request.url] = {
            "etag": header(response, b"ETag"), "last_modified": header(response, b"Last-Modified"),
            "sha256": digest}
        return response


def header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None

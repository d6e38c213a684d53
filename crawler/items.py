"""What flows from the spider to the output files.

The spider yields `Document`s (a fetched page or file, bytes included) and
`Failure`s. ParseMiddleware turns each Document into a `Record` or a Failure
before it leaves the spider, so no item in the pipelines carries raw bytes.
Only Records come out of the pipelines: `scrapy crawl reports -o out.jsonl`
(or FEEDS with item_classes: [crawler.items.Record]) exports exactly them;
failures and other sources of a report go to errors.jsonl and alternates.jsonl.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Document:
    """A fetched report page (body: str) or attachment (body: bytes), still to be parsed."""
    url: str
    page_url: str
    kind: str                 # "page" | "attachment"
    body: str | bytes = field(repr=False)
    site: str
    region: dict
    family: str
    fmt: str = "html"         # html | pdf | docx | doc | wps | xls | ofd …
    filename: str | None = None
    list_title: str | None = None
    title: str | None = None
    published: str | None = None
    org: str | None = None
    article_id: str | None = None   # CMS id of the page (group of page + its attachments)
    redirects: list[str] = field(default_factory=list)
    fetched_at: str = field(default_factory=now)


class Record(dict):
    """One report record, exactly the JSON object of shared/spec/record.md (a dict, so that
    the keys the parser adds pass through); `crawl` holds how the crawler reached it."""

    @property
    def site(self) -> str:
        return self["source"]["site"]

    @property
    def role(self) -> str:
        """page | attachment"""
        return self["crawl"]["role"]

    @property
    def requested(self) -> str:
        """The URL the crawler asked for (before redirects)."""
        return (self["source"].get("redirects") or [self["source"]["url"]])[0]


@dataclass
class Alias:
    """Another source of a report already recorded (second URL, PDF copy of an HTML report)."""
    record_id: str
    url: str
    page_url: str
    site: str
    role: str = "page"
    requested: str | None = None  # the URL asked for, when a redirect led to `url`


@dataclass
class Failure:
    """A line of errors.jsonl. `role` says what was fetched: page, attachment, listing, nav."""
    url: str
    page_url: str | None
    stage: str                # fetch | extract | parse
    kind: str                 # http_404, timeout, blocked, not_report, parser …
    error: str
    site: str
    role: str
    at: str = field(default_factory=now)
    requested: str | None = None  # the URL asked for, when a redirect led to `url`

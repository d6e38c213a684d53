"""What flows from the spider through the pipelines: documents, records, failures."""
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


@dataclass
class Record:
    """A parsed report (`data` follows shared/spec/record.md) and the keys it is deduplicated by."""
    data: dict = field(repr=False)
    document: Document


@dataclass
class Alias:
    """Another source of a report already recorded (second URL, PDF copy of an HTML report)."""
    record_id: str
    url: str
    page_url: str
    site: str


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

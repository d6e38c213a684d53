"""One canonical record per (organ, year). The same report reaches the dataset more
than once: as a page and its PDF, under two columns of a portal, in two runs. The
most complete copy is kept, and every copy's URLs are listed in `sources`."""
from __future__ import annotations

from collections.abc import Iterable

from .columns import CELLS, value
from .organ import org_key


def identity(record: dict) -> tuple:
    """(organ, year), or the record's own id when either is unknown: such records are never merged."""
    org, year = org_key(record.get("org")), record.get("year")
    return (org, year) if org and year is not None else ("id", record.get("id"))


def completeness(record: dict) -> tuple:
    """More cells read, fewer failed checks, fewer warnings: the better copy sorts first."""
    filled = sum(value(record, cell) is not None for cell in CELLS)
    failed = sum(not check.get("ok") for check in record.get("checks") or [])
    return (-filled, failed, len(record.get("warnings") or []))


def sources_of(record: dict) -> list[str]:
    source = record.get("source") or {}
    urls = [source.get("url"), source.get("page_url"), *(source.get("alternates") or []), record.get("file")]
    return [url for url in urls if url]


def canonical(records: Iterable[dict]) -> list[dict]:
    """The kept copy of each report, in order of first appearance, with `sources` (all copies'
    URLs, the kept one's first) and `duplicate_ids` (the ids of the copies left out)."""
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        groups.setdefault(identity(record), []).append(record)
    kept = []
    for copies in groups.values():
        best = min(copies, key=completeness)  # min is stable: the first of equals wins
        others = [copy for copy in copies if copy is not best]
        sources = [url for copy in [best, *others] for url in sources_of(copy)]
        kept.append({**best, "sources": list(dict.fromkeys(sources)),
                     "duplicate_ids": [copy.get("id") for copy in others]})
    return kept

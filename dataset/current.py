"""The current view: what every dataset command works on.

1. The latest `version` of each record id: a corrected report (version 2) replaces
   version 1, whatever the order of the lines or files (ties: the later run, then the
   later fetch, then the later line).
2. One record per (organ, year) among its sources (HTML page and its PDF, two columns
   of a portal, two workers): the most complete copy (more cells read, fewer failed
   checks, fewer warnings; then the newest fetch, then the smallest id, so that the
   order of the inputs never matters). `sources` lists every copy's URLs, the kept
   one's first; `duplicate_ids` the copies left out.

Records come out by organ id, then year. The organ is dataset.organ's id; a report whose organ has no division code is merged
only with copies of the same name on the same site. A value that is not a plausible
count (text, a fraction in a count cell, 20 digits) is exported as null and named in
the record's warnings: it is never turned into a number.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from parsers import template as T

from .checks import add_checks
from .columns import CELLS, value
from .organ import organ_of
from .read import ORIGIN, Problem

# No count of a year's applications or decisions comes near this; int64 ends at 9.2e18.
MAX_COUNT = 10**12


@dataclass
class View:
    records: list[dict]
    lines: int                    # records read
    superseded: int = 0           # older versions dropped
    merged: int = 0               # copies of a report folded into another
    problems: list[Problem] = field(default_factory=list)


def current(records: Iterable[dict], merge: bool = True) -> View:
    """The view; `merge=False` keeps every copy (still only the latest version of each id)."""
    records = list(records)
    latest, superseded = _latest_versions(records)
    problems: list[Problem] = []
    prepared = [_prepare(record, problems) for record in latest]
    groups: dict[tuple, list[dict]] = {}
    for record in prepared:
        groups.setdefault(identity(record) if merge else ("id", record["id"]), []).append(record)
    kept = []
    for copies in groups.values():
        ordered = sorted(copies, key=_preference)
        best, others = ordered[0], ordered[1:]
        urls = [url for copy in ordered for url in sources_of(copy)]
        kept.append({**best, "sources": list(dict.fromkeys(urls)),
                     "duplicate_ids": [copy.get("id") for copy in others]})
    kept.sort(key=_order)
    return View(add_checks(kept), len(records), superseded, len(prepared) - len(kept), problems)


def _order(record: dict) -> tuple:
    """By organ (id; organs without one last, by name), then year: each organ's series together,
    and the same view whatever the order of the inputs."""
    organ = record.get("organ") or {}
    year = record.get("year")
    return (organ.get("id") is None, organ.get("id") or "", organ.get("name") or "",
            year if isinstance(year, int) else 0, str(record.get("id")))


def _latest_versions(records: list[dict]) -> tuple[list[dict], int]:
    """One record per id: the highest version (missing = 1), in order of the ids' first lines;
    `superseded` on each counts the older versions it replaces."""
    versions: dict[str, list[tuple[tuple, dict]]] = {}
    for order, record in enumerate(records):
        key = (_version(record), str(record.get("run") or ""),
               str((record.get("source") or {}).get("fetched_at") or ""), order)
        versions.setdefault(record["id"], []).append((key, record))
    kept = [{**max(copies, key=lambda pair: pair[0])[1], "superseded": len(copies) - 1}
            for copies in versions.values()]
    return kept, len(records) - len(kept)


def _version(record: dict) -> int:
    version = record.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else 1


def _prepare(record: dict, problems: list[Problem]) -> dict:
    """A copy with its organ, and with implausible cell values made null (and named)."""
    record = {**record, "organ": organ_of(record.get("org"), record.get("region")).__dict__}
    notes = []
    for cell in CELLS:
        number = value(record, cell)
        if number is None or _plausible(number, cell.dtype):
            continue
        record = _set_null(record, cell)
        notes.append(f"dataset: {cell.name} = {str(number)[:40]!s} is not a plausible "
                     f"{'count' if cell.dtype == 'int64' else 'amount'}; exported as null")
    if notes:
        record["warnings"] = list(record.get("warnings") or []) + notes
        file, _, line = str(record.get(ORIGIN, "")).rpartition(":")
        problems += [Problem(file or "?", int(line) if line.isdigit() else None, note) for note in notes]
    return record


def _plausible(number, dtype: str) -> bool:
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return False
    if dtype == "int64" and isinstance(number, float) and not number.is_integer():
        return False
    return abs(number) < MAX_COUNT


def _set_null(record: dict, cell) -> dict:
    table = {**record[cell.table]}
    if cell.table == "applications":
        rows = {**table["rows"]}
        row = list(rows[cell.row])
        row[T.APPLICANT_COLUMNS.index(cell.column)] = None
        rows[cell.row], table["rows"] = row, rows
    else:
        table[cell.row] = {**table[cell.row], cell.column: None}
    return {**record, cell.table: table}


def identity(record: dict) -> tuple:
    """(organ id, year); an organ without a division code: (its name, the site, year); the
    record's own id when the name or the year is unknown: such records are never merged."""
    organ, year = record.get("organ") or {}, record.get("year")
    if year is None or not organ.get("body"):
        return ("id", record.get("id"))
    if organ.get("id"):
        return ("organ", organ["id"], year)
    return ("name", organ["name"], (record.get("source") or {}).get("site"), year)


def completeness(record: dict) -> tuple:
    """More cells read, fewer failed checks, fewer warnings: the better copy sorts first."""
    filled = sum(value(record, cell) is not None for cell in CELLS)
    failed = sum(not check.get("ok") for check in record.get("checks") or [])
    return (-filled, failed, len(record.get("warnings") or []))


def _preference(record: dict) -> tuple:
    fetched = str((record.get("source") or {}).get("fetched_at") or "")
    newest_first = (not fetched, tuple(-ord(ch) for ch in fetched))
    return (*completeness(record), newest_first, str(record.get("id")))


def sources_of(record: dict) -> list[str]:
    source = record.get("source") or {}
    urls = [source.get("url"), source.get("page_url"), *(source.get("alternates") or []), record.get("file")]
    return [url for url in urls if url]

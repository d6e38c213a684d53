"""Assemble one record (shared/spec/record.md) from a text and, when the source
had real tables (HTML, PDF, DOCX), their cell grids."""
from __future__ import annotations

import hashlib
import re

from .checks import run_checks
from .grid import Grid, grids_to_text
from .metadata import find_title, headers, org_of, published_of, year_of
from .region import from_name as region_from_name
from .sections import split_sections
from .tables import read_tables, template_of
from .text import normalized, normalize, squash


class NotAReport(ValueError):
    """The text has none of the annual report's structure (no heading, no table)."""


def _sha1(data: str) -> str:
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def _tables(norm: str, grids: list[Grid] | None) -> tuple[dict, list[str]]:
    """Each table from the grids where they hold it, else from the text."""
    chosen = read_tables(normalize(grids_to_text(grids)), shape="tsv") if grids else {}
    if not chosen or any(table is None for table, _, _ in chosen.values()):
        from_text = read_tables(norm)
        chosen = {name: result if chosen.get(name, (None,))[0] is None else chosen[name]
                  for name, result in from_text.items()}
    return chosen, [w for _, _, notes in chosen.values() for w in notes]


def build_record(text: str, *, grids: list[Grid] | None = None, url: str | None = None,
                 page_url: str | None = None, title: str | None = None,
                 published: str | None = None, org: str | None = None,
                 fmt: str = "txt", site: str | None = None, sha256: str | None = None,
                 fetched_at: str | None = None, warnings: list[str] | None = None,
                 record_id: str | None = None) -> dict:
    """Text plus optional grids (rows of cell strings; a horizontally merged cell
    appears once per row, a vertically merged one in every row it spans) -> record.
    ``title`` and ``published`` given by the caller win; ``org`` is used when the
    title names no organ."""
    if not text or not text.strip():
        raise NotAReport("empty text")
    normal = normalized(text)
    norm = normal.text
    head = headers(norm)
    title = squash(title or head.get("标题") or find_title(norm) or "") or None
    published = published_of(norm, published)
    year, _ = year_of(title, norm, published)
    tables, table_warnings = _tables(norm, grids)
    active, active_fmt, _ = tables["active_disclosure"]
    apps, apps_fmt, _ = tables["applications"]
    review = tables["review_litigation"][0]
    sections = split_sections(norm, text, normal.origin)
    if not any((active, apps, review)) and not any(sections.values()):
        raise NotAReport("no section heading and no statistics table of the annual report format")
    notes = list(warnings or []) + table_warnings
    if year is None:
        notes.append("report year not found")
    if not any((active, apps, review)):
        notes.append("none of the three statistics tables was found")
    org = org_of(title, norm, org)
    return {
        "id": record_id or _sha1(url or text),
        "title": title,
        "org": org,
        "year": year,
        "published": published,
        "template": template_of(active_fmt, apps_fmt),
        "region": region_from_name(org),
        "source": {"url": url, "page_url": page_url or url, "format": fmt,
                   "fetched_at": fetched_at,
                   "sha256": sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   "site": site},
        "sections": sections,
        "active_disclosure": active,
        "applications": apps,
        "review_litigation": review,
        "checks": run_checks(apps, review),
        "warnings": notes,
        "text": text,
    }


def text_format(text: str) -> str:
    """md when the text carries markdown tables or headings, else txt."""
    return "md" if re.search(r"(?m)^\s*(\|.*\|\s*$|#{1,6}\s)", text) else "txt"


def parse_text(text: str, *, url: str | None = None, title: str | None = None,
               published: str | None = None) -> dict:
    """A report given as plain or markdown text."""
    return build_record(text, url=url, title=title, published=published, fmt=text_format(text))

"""Assemble one record (shared/spec/record.md) from a text and, when the source
had real tables (HTML, PDF, DOCX), their cell grids."""
from __future__ import annotations

import hashlib
import re

from . import metadata as meta
from .checks import run_checks
from .grid import Grid, grids_to_text
from .hints import NO_HINTS, Hints
from .lookalike import not_a_report
from .region import from_name as region_from_name
from .region import merge as merge_region
from .sections import find_headings, split_sections
from .tables import read_tables, template_of
from .template import SECTIONS
from .text import normalize, normalized, squash

# A report runs to some 10,000-100,000 characters, a long PDF to a few 100,000;
# a text beyond this is not one report (and would take minutes and gigabytes).
MAX_TEXT_CHARS = 2_000_000


class NotAReport(ValueError):
    """The text has none of the annual report's structure (no title, heading, table or report
    prose), or it speaks of the reports without being one (``lookalike``)."""


class TooLarge(ValueError):
    """The text is longer than any report (MAX_TEXT_CHARS)."""


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


def _title(norm: str, head: dict, hints: Hints) -> meta.Title | None:
    """The caller's title if it names a report, else the text's, else the listing's link."""
    for candidate in (hints.title, head.get("标题")):
        read = meta.read_title(normalize(candidate)) if candidate else None
        if read:
            return read
    found = meta.find_title(norm)
    if found:
        return found
    read = meta.read_title(normalize(hints.list_title)) if hints.list_title else None
    return read


def _reports_in_prose(norm: str) -> bool:
    """A report written as prose only (no headings, no tables): at least three sentences
    about disclosure, which a page that only shows the report as an image has not."""
    return sum("公开" in sentence for sentence in norm.split("。")[:-1]) >= 3


# The template's own wording for the report speaking of itself (本报告根据《条例》…编制,
# 本报告中所列数据统计期限为…): a report whose page heading is no title (the organ alone).
_SPEAKS_AS_REPORT = re.compile(r"本(?:年度)?(?:报告|年报)(?:是|由|根据|依据|按照|中?所列|数据)|编制本(?:年度)?(?:报告|年报)")


def _says_this_report(norm: str) -> bool:
    return bool(_SPEAKS_AS_REPORT.search(norm[:3000]))


def _has_numbers(*tables) -> bool:
    """Whether any table holds a figure: the blank format has its labels only."""
    def numbers(node) -> bool:
        if isinstance(node, dict):
            return any(numbers(value) for value in node.values())
        if isinstance(node, list):
            return any(numbers(value) for value in node)
        return isinstance(node, (int, float)) and not isinstance(node, bool)
    return any(numbers(table) for table in tables if table)


def _body_end(headings: dict[str, tuple[int, int]]) -> int | None:
    """Where the sections that report on the year (一 to 四) end: the start of 五 or 六,
    which plan the next one."""
    later = [headings[name][0] for name in SECTIONS[4:] if name in headings]
    return min(later) if later else None


def build_record(text: str, *, grids: list[Grid] | None = None, hints: Hints | None = None,
                 **fields) -> dict:
    """Text plus optional grids (rows of cell strings; a horizontally merged cell
    appears once per row, a vertically merged one in every row it spans) -> record.
    What the caller knows comes in ``hints`` (or as its fields by name: url=, fmt=, …)."""
    hints = (hints or NO_HINTS).with_(**fields)
    if not text or not text.strip():
        raise NotAReport("empty text: nothing to read")
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(f"text of {len(text):,} characters: longer than any report "
                       f"(the limit is {MAX_TEXT_CHARS:,})")
    normal = normalized(text)
    norm = normal.text
    head = meta.headers(norm)
    title = _title(norm, head, hints)
    tables, table_warnings = _tables(norm, grids)
    active, active_fmt, _ = tables["active_disclosure"]
    apps, apps_fmt, _ = tables["applications"]
    review = tables["review_litigation"][0]
    template = template_of(active_fmt, apps_fmt)
    headings = find_headings(norm)
    sections = split_sections(norm, text, normal.origin, headings=headings)
    has_tables = any((active, apps, review))
    named = meta.self_named(norm)
    speaks = _says_this_report(norm)
    if not has_tables and not any(sections.values()) and not (
            (title or speaks or named) and _reports_in_prose(norm)):
        raise NotAReport("no section heading and no statistics table of the annual report format, "
                         "and no prose speaking as a report or under a report title (an image-only page?)")
    lookalike = not_a_report(norm, head=head, hints=hints, headings=headings, named=named,
                             has_figures=_has_numbers(active, apps, review), speaks_as_report=speaks)
    if lookalike:
        raise NotAReport(lookalike)
    published = meta.published_of(norm, hints.published, head)
    year = meta.year_of(title, norm, body_end=_body_end(headings), named=named, published=published,
                        url=hints.url or hints.page_url, template=template)
    org = meta.org_of(title, norm, named=named, hint=normalize(hints.org) if hints.org else None, head=head)
    notes = list(hints.warnings) + table_warnings + list(year.warnings) + list(org.warnings)
    if not has_tables:
        notes.append("none of the three statistics tables was found")
    return {
        "id": hints.record_id or _sha1(hints.url or text),
        "title": title.text if title else None,
        "org": org.value,
        "year": year.value,
        "published": published,
        "template": template,
        "region": _region(org.value, norm, hints),
        "source": {"url": hints.url, "page_url": hints.page_url or hints.url,
                   "format": hints.fmt or text_format(text), "fetched_at": hints.fetched_at,
                   "sha256": hints.sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   "site": hints.site},
        "sections": sections,
        "active_disclosure": active,
        "applications": apps,
        "review_litigation": review,
        "checks": run_checks(apps, review),
        "warnings": notes,
        "text": text,
    }


def _region(org: str | None, norm: str, hints: Hints) -> dict:
    """The organ's division, from its name as the text gives it in full (桦树镇 ->
    临江市桦树镇人民政府 when the text says so), merged with the caller's region."""
    named = region_from_name(_fullest(org, norm)) if org else region_from_name(None)
    return merge_region(hints.region, named) if hints.region else named


def _fullest(org: str, norm: str) -> str:
    """``org`` with the place name the text writes in front of it, when that is a real
    division (临江市 + 桦树镇): only for the region; ``org`` stays as the title has it."""
    flat = squash(norm[:20000])
    tried: set[str] = set()  # an organ named fifty times has the same few prefixes
    for m in re.finditer(re.escape(org), flat):
        for start in range(m.start() - 2, max(m.start() - 9, -1), -1):
            prefix = flat[start:m.start()]
            if prefix in tried or not _PLACE.fullmatch(prefix):
                continue
            tried.add(prefix)
            if region_from_name(prefix)["adcode"]:
                return prefix + org
    return org


_PLACE = re.compile(r"[\u4e00-\u9fff]+[省市县区旗州盟]")


def text_format(text: str) -> str:
    """md when the text carries markdown tables or headings, else txt."""
    return "md" if re.search(r"(?m)^\s*(\|.*\|\s*$|#{1,6}\s)", text) else "txt"


def parse_text(text: str, *, url: str | None = None, hints: Hints | None = None, **fields) -> dict:
    """A report given as plain or markdown text."""
    return build_record(text, hints=(hints or NO_HINTS).with_(url=url, **fields))

"""What every extractor returns, the one error type, and the text clean-up they share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

Grid = list[list[str]]


class DocumentError(ValueError):
    """A file that cannot become a record; the message says why in plain words."""


@dataclass
class Extraction:
    """Bytes -> what the core needs: body text in reading order and table grids.

    Grid convention (shared with parsers.record.build_record): a horizontally
    merged cell appears once in its row, a vertically merged one is repeated in
    every row it spans, blank cells are "".
    """
    fmt: str
    text: str
    grids: list[Grid] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None


# CJK ideographs, CJK and full-width punctuation, Chinese quotes and dashes:
# Chinese text has no spaces between these, so a space next to one is layout noise.
_CJK = r"\u2014\u2018-\u201f\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"[ \u00a0\u3000]+(?=[{_CJK}])|(?<=[{_CJK}])[ \u00a0\u3000]+")
_NUMBER = re.compile(r"[-+]?\d[\d,，.]*%?")


def tidy_line(text: str) -> str:
    """One visual line -> its text without the spaces that justification or
    glyph gaps put between Chinese characters ("结 果" -> "结果"); tabs,
    which mark column gaps, stay."""
    return _SPACE_NEAR_CJK.sub("", text).strip()


def join_wrapped(lines: list[str]) -> str:
    """Lines of one cell or paragraph -> one string. Wrapped Chinese and wrapped
    numbers ("400" / "1") join with nothing; only two Latin words get a space."""
    out = ""
    for line in (tidy_line(x) for x in lines):
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out


def is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text))


@dataclass
class Span:
    """One cell placed on the table's grid: rows r0..r1-1, columns from c0."""
    r0: int
    r1: int
    c0: int
    text: str
    c1: int = 0


def emit_grid(spans: list[Span]) -> Grid:
    """Placed cells -> rows of strings by the grid convention: each cell once
    per row it covers, in column order; rows no cell covers are dropped."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for span in spans:
        for r in range(span.r0, span.r1):
            rows.setdefault(r, []).append((span.c0, span.text))
    return [[text for _, text in sorted(rows[r])] for r in sorted(rows)]


def render_grid(grid: Grid) -> str:
    """A grid as text lines "| a | b |", the shape trafilatura gives HTML tables,
    so the core's text fallback reads document tables like page tables."""
    return "\n".join("| " + " | ".join(row) + " |" for row in grid)

"""What every extractor returns, the one error type, and the grid helpers they share
(the text clean-up, tidy_line and join_wrapped, lives in parsers.text)."""
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


_NUMBER = re.compile(r"[-+]?\d[\d,，.]*%?")


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

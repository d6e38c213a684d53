"""HTML tables -> cell grids, and grids -> tab-separated text for the table reader.

Spans are expanded so every row has its true columns; a horizontally merged
cell is kept once per row (its copies would read as extra values), a
vertically merged one is repeated down (it is the label of every row it spans).
"""
from __future__ import annotations

from lxml import html as lxml_html

Grid = list[list[str]]


def _text(cell) -> str:
    return " ".join(cell.text_content().split())


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1") or 1), 200))
    except ValueError:
        return 1


def table_grid(table) -> Grid:
    """One ``<table>`` element as a grid (nested tables are read on their own)."""
    slots: dict[tuple[int, int], tuple[int, str]] = {}  # (row, col) -> (origin id, text)
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
    origin = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in slots:
                c += 1
            text = _text(cell)
            for dr in range(_span(cell, "rowspan")):
                for dc in range(_span(cell, "colspan")):
                    slots[(r + dr, c + dc)] = (origin, text)
            origin += 1
            c += _span(cell, "colspan")
    grid = []
    for r in range(len(rows)):
        row, last = [], None
        for c in range(max((c for (rr, c) in slots if rr == r), default=-1) + 1):
            oid, text = slots.get((r, c), (None, ""))
            if oid is not None and oid == last:
                continue
            row.append(text)
            last = oid
        grid.append(row)
    return grid


def _owner(tr):
    node = tr.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def html_grids(root) -> list[Grid]:
    """Grids of every table under an lxml element, innermost tables only."""
    return [table_grid(t) for t in root.iter("table") if not t.findall(".//table")]


def grids_from_html(html: str) -> list[Grid]:
    return html_grids(lxml_html.fromstring(html))


def grids_to_text(grids: list[Grid]) -> str:
    """Tab-separated rows, a blank line between grids; cell whitespace folded."""
    return "\n\n".join("\n".join("\t".join(" ".join(c.split()) for c in row) for row in g)
                       for g in grids)

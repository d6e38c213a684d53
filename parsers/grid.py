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
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
    slots: list[dict[int, tuple[int, str]]] = [{} for _ in rows]  # row -> col -> (origin, text)
    origin = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            origin += 1
            while c in slots[r]:
                c += 1
            text, down, across = _text(cell), _span(cell, "rowspan"), _span(cell, "colspan")
            for row in slots[r:r + down]:
                for col in range(c, c + across):
                    row[col] = (origin, text)
            c += across
    grid = []
    for row in slots:
        cells, last = [], None
        for c in range(max(row, default=-1) + 1):
            oid, text = row.get(c, (None, ""))
            if oid is None or oid != last:
                cells.append(text)
            last = oid
        grid.append(cells)
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

"""DOCX -> paragraphs and tables in document order, merged cells resolved.

Read from the WordprocessingML under python-docx rather than through
row.cells: row.cells repeats a horizontally merged cell in every grid slot
it covers, and files converted by LibreOffice split grid columns, so table
四's values would appear twice and shift. Placing each <w:tc> by its
gridSpan/vMerge gives every cell once, at its own column.
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn

from ..text import join_wrapped, tidy_line
from .base import DocumentError, Extraction, Grid, Span, emit_grid, render_grid
from .detect import check_unpacked
from .limits import Limits

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _T, _TAB, _BR, _CR = qn("w:tr"), qn("w:tc"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def extract_docx(data: bytes, limits: Limits, fmt: str = "docx") -> Extraction:
    """The whole DOCX stage; fmt names the original format of converted files."""
    try:
        check_unpacked(zipfile.ZipFile(io.BytesIO(data)).infolist(), limits)
        document = docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx/lxml/zipfile each raise their own types
        raise DocumentError(f"damaged Word document ({type(exc).__name__}: {exc})") from None
    blocks: list[str] = []
    grids: list[Grid] = []
    for element in _children(document.element.body, (_P, _TBL)):
        if element.tag == _P:
            blocks.extend(filter(None, (tidy_line(x) for x in paragraph_text(element).split("\n"))))
        else:
            grid = table_grid(element)
            grids.append(grid)
            blocks.append(render_grid(grid))
    return Extraction(fmt, "\n".join(blocks), grids, [])


def _children(parent, tags: tuple[str, ...]):
    """Children with these tags in order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _children(content, tags)


def paragraph_text(element) -> str:
    """Visible text of a paragraph (or of a whole cell): w:t runs, tabs and
    breaks; deleted text and the Fallback copy of a text box are skipped."""
    out: list[str] = []

    def walk(node):
        for child in node.iterchildren():
            if child.tag == _FALLBACK:
                continue
            if child.tag == _T:
                out.append(child.text or "")
            elif child.tag == _TAB:
                out.append("\t")
            elif child.tag in (_BR, _CR):
                out.append("\n")
            elif child.tag == _P and out:
                out.append("\n")
            walk(child)

    walk(element)
    return "".join(out)


def table_grid(table) -> Grid:
    """<w:tbl> -> grid: each <w:tc> placed at its grid column (gridBefore,
    gridSpan), a vMerge continuation extending the cell above it."""
    spans: list[Span] = []
    open_by_column: dict[int, Span] = {}
    for r, row in enumerate(_children(table, (_TR,))):
        column = _int_prop(row, "w:trPr", "w:gridBefore", 0)
        for cell in _children(row, (_TC,)):
            width = _int_prop(cell, "w:tcPr", "w:gridSpan", 1)
            merge = _vmerge(cell)
            above = open_by_column.get(column)
            if merge == "continue" and above is not None and above.r1 == r:
                above.r1 = r + 1
            else:
                span = Span(r, r + 1, column, join_wrapped(paragraph_text(cell).split("\n")))
                spans.append(span)
                open_by_column[column] = span
            column += width
    return emit_grid(spans)


def _int_prop(element, holder: str, name: str, default: int) -> int:
    props = element.find(qn(holder))
    node = props.find(qn(name)) if props is not None else None
    try:
        return int(node.get(qn("w:val"))) if node is not None else default
    except (TypeError, ValueError):
        return default


def _vmerge(cell) -> str | None:
    props = cell.find(qn("w:tcPr"))
    node = props.find(qn("w:vMerge")) if props is not None else None
    if node is None:
        return None
    return node.get(qn("w:val")) or "continue"

"""PDF -> body text in reading order and exact table grids, with pdfplumber.

Tables come from their ruling lines (find_tables), not from text: in table
四's narrow columns numbers wrap inside the cell ("400" / "1") and labels
stand vertically, which no text extractor survives. Spans are rebuilt from
the cell boxes, and pieces of one table cut by a page break are stitched
back together. Body text is read line by line (never the column-block
order of plain pdfminer) and wrapped lines are joined into paragraphs.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ..text import join_wrapped, tidy_line
from .base import DocumentError, Extraction, Grid, Span, emit_grid, is_number, render_grid
from .limits import Limits

RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
BY_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text"}
SNAP = 3.0        # points: cell edges closer than this are the same grid line
SAME_EDGE = 8.0   # points: two table pieces with edges this close are one table
WORD_GAP = 0.25   # ems between two characters that make a space
COLUMN_GAP = 1.5  # ems between two characters that make a column break
_TWO_NUMBERS = re.compile(r"\d\s+\d")
_PAGE_MARK = re.compile(r"[-—–－~\s]*(第\s*)?\d{1,4}(\s*页)?([/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－~\s]*")

Box = tuple[float, float, float, float]


@dataclass
class Line:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class Piece:
    """The part of one ruled table that lies on one page."""
    page: int
    bbox: Box
    cells: list[tuple[Box, str]]


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    chars: int = 0
    images: int = 0


def extract_pdf(data: bytes, limits: Limits) -> Extraction:
    """The whole PDF stage: pages -> stitched tables -> text and grids."""
    if b"%%EOF" not in data[-2048:]:
        raise DocumentError("truncated PDF (no %%EOF at the end): the download was probably cut short")
    with _open(data) as pdf:
        if len(pdf.pages) > limits.max_pages:
            raise DocumentError(f"PDF has {len(pdf.pages)} pages (limit {limits.max_pages})")
        pages = [read_page(page, number) for number, page in enumerate(pdf.pages)]
        warnings = scan_warnings(pages)
        if sum(p.chars for p in pages) == 0:
            return Extraction("pdf", "", [], warnings, len(pages))
        groups = stitch([piece for page in pages for piece in page.pieces], pages)
        grids = [group_grid(group) for group in groups]
        if not grids:
            grids = text_strategy_grids(pdf.pages)
            warnings.append("PDF tables have no ruling lines: " + (
                "cells read with pdfplumber's text strategy" if grids else "tables read from the text"))
    return Extraction("pdf", compose_text(pages, groups, grids), grids, warnings, len(pages))


def _open(data: bytes):
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # parses the page tree: broken files fail here, not later
        return pdf
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise DocumentError("encrypted PDF: it needs a password to open") from None
        raise DocumentError(f"damaged PDF ({type(cause).__name__}: {cause})") from None


def read_page(page, number: int) -> Page:
    """One page -> its ruled table pieces and its text lines outside them."""
    view = page.filter(_visible)
    result = Page(number, float(page.width), float(page.height),
                  chars=len(page.chars), images=len(page.images))
    result.pieces = ruled_pieces(view, number)
    boxes = [piece.bbox for piece in result.pieces]
    outside = view.filter(lambda obj: obj["object_type"] != "char" or not _inside(obj, boxes))
    for raw in outside.extract_text_lines(strip=True, return_chars=True):
        text = tidy_line(line_text(raw["chars"]))
        if text:
            result.lines.append(Line(raw["x0"], raw["x1"], raw["top"], raw["bottom"], text))
    return result


def line_text(chars) -> str:
    """Characters of one line -> text with a space for a word gap and a tab
    for a column gap (wider than COLUMN_GAP ems), as in an unruled table row."""
    out: list[str] = []
    for before, char in zip([None, *chars], chars):
        if before is not None:
            gap = (char["x0"] - before["x1"]) / max(before["size"], 1.0)
            out.append("\t" if gap > COLUMN_GAP else " " if gap > WORD_GAP else "")
        out.append(char["text"])
    return "".join(out)


def _visible(obj) -> bool:
    """White fill-only rectangles are invisible page background (WPS draws one
    behind every text line); their edges must not pass for table rulings."""
    return not (obj["object_type"] == "rect" and not obj.get("stroke") and _is_white(obj.get("non_stroking_color")))


def _is_white(color) -> bool:
    if isinstance(color, (int, float)):
        color = (color,)
    if not color:
        return False
    color = tuple(color)
    if len(color) == 4:  # CMYK
        return all(v <= 0.02 for v in color)
    return all(isinstance(v, (int, float)) and v >= 0.98 for v in color)


def _inside(obj, boxes: list[Box]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def ruled_pieces(view, number: int) -> list[Piece]:
    """Tables drawn with lines. Each is found again inside its closed frame:
    a piece cut by a page break often lacks part of its top or bottom rule,
    which would otherwise drop the cells along that side."""
    pieces = []
    px0, ptop, px1, pbottom = view.bbox
    for found in view.find_tables(RULED):
        x0, top, x1, bottom = _rule_extent(view.edges, found.bbox)
        frame = {**RULED, "explicit_horizontal_lines": [top, bottom], "explicit_vertical_lines": [x0, x1]}
        region = view.crop((max(px0, x0 - 1), max(ptop, top - 1), min(px1, x1 + 1), min(pbottom, bottom + 1)))
        for table in region.find_tables(frame):
            cells = [(tuple(box), join_wrapped((text or "").splitlines()))
                     for row, texts in zip(table.rows, table.extract())
                     for box, text in zip(row.cells, texts) if box is not None]
            if len(_cluster([c[0][0] for c in cells])) >= 2:  # one column: a framed paragraph
                pieces.append(Piece(number, tuple(table.bbox), cells))
    return pieces


def _rule_extent(edges, bbox: Box) -> Box:
    """The table box stretched to the ends of its vertical rules: the row at a
    page break is often left open (no rule under it) and would be lost."""
    x0, top, x1, bottom = bbox
    for edge in edges:
        if (edge["orientation"] == "v" and x0 - 1 <= edge["x0"] <= x1 + 1
                and edge["top"] <= bottom + 1 and edge["bottom"] >= top - 1):
            top, bottom = min(top, edge["top"]), max(bottom, edge["bottom"])
    return x0, top, x1, bottom


def stitch(pieces: list[Piece], pages: list[Page]) -> list[list[Piece]]:
    """Pieces -> tables: a piece continues the previous one when it opens the
    next page, has the same left and right edges, and no body text (page
    numbers aside) stands between them."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and _continues(groups[-1][-1], piece, pages):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _continues(before: Piece, after: Piece, pages: list[Page]) -> bool:
    if after.page != before.page + 1:
        return False
    if abs(before.bbox[0] - after.bbox[0]) > SAME_EDGE or abs(before.bbox[2] - after.bbox[2]) > SAME_EDGE:
        return False
    tail = [x for x in pages[before.page].lines if x.top >= before.bbox[3] and not is_page_mark(x, pages[before.page])]
    head = [x for x in pages[after.page].lines if x.bottom <= after.bbox[1] and not is_page_mark(x, pages[after.page])]
    return not tail and not head


def is_page_mark(line: Line, page: Page) -> bool:
    """"-3-", "— 4 —", "第 2 页 共 5 页" in the top or bottom margin."""
    in_margin = line.top > page.height * 0.85 or line.bottom < page.height * 0.12
    return in_margin and bool(_PAGE_MARK.fullmatch(line.text))


def group_grid(group: list[Piece]) -> Grid:
    """Stitched pieces -> one grid. Columns come from all pieces together
    (table 二 continues with fewer columns). Where the page break cut a cell
    or a whole row, the parts are joined back into one cell."""
    columns = _cluster([x for piece in group for box, _ in piece.cells for x in (box[0], box[2])])
    placed: list[Span] = []
    for piece in group:
        offset = max((c.r1 for c in placed), default=0)
        rows = _cluster([y for box, _ in piece.cells for y in (box[1], box[3])])
        cells = [Span(offset + _nearest(rows, box[1]), offset + _nearest(rows, box[3]),
                      _nearest(columns, box[0]), text, _nearest(columns, box[2]))
                 for box, text in piece.cells]
        cells = [c for c in cells if c.r1 > c.r0 and c.c1 > c.c0]
        placed.extend(_join_cut_cells(placed, cells, offset) if placed else cells)
    return emit_grid(placed)


def _join_cut_cells(placed: list[Span], cells: list[Span], boundary: int) -> list[Span]:
    """Cells of the next piece that continue a cell of the previous one are
    folded into it. A first row without numbers whose cells all sit under
    cells of the last row is the rest of that row (the page broke inside
    it); otherwise only cut labels join ("（四）无" / "法提供", the tall
    "三、本年度办理结果")."""
    above = {(c.c0, c.c1): c for c in placed if c.r1 == boundary}
    first = [c for c in cells if c.r0 == boundary]
    split_row = bool(first) and all((c.c0, c.c1) in above and not is_number(c.text) for c in first)
    if split_row:
        for cell in cells:
            cell.r0, cell.r1 = cell.r0 - 1, cell.r1 - 1
    rest = []
    for cell in cells:
        upper = above.get((cell.c0, cell.c1)) if cell.r0 == boundary - split_row else None
        if upper and (split_row or _is_cut(upper, cell)):
            upper.r1 = max(upper.r1, cell.r1)
            upper.text += cell.text
        else:
            rest.append(cell)
    return rest


def _is_cut(upper: Span, lower: Span) -> bool:
    """Numbers never span rows; a label that does, or an empty cell under a
    label, is the same cell drawn on two pages."""
    if is_number(upper.text) or is_number(lower.text) or not upper.text:
        return False
    return not lower.text or upper.r1 - upper.r0 > 1 or lower.r1 - lower.r0 > 1


def _cluster(values: list[float], tol: float = SNAP) -> list[float]:
    """Sorted positions -> one representative per group of near-equal ones."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _nearest(marks: list[float], value: float) -> int:
    return min(range(len(marks)), key=lambda i: abs(marks[i] - value))


def text_strategy_grids(pdf_pages) -> list[Grid]:
    """Fallback for PDFs drawn without rulings: pdfplumber's text strategy.
    A grid is kept only when it looks like a data table read cleanly (a row
    of three or more numbers, no cell holding two numbers, the same count of
    numbers in every row that has any); otherwise the core reads the text."""
    grids = []
    for page in pdf_pages:
        for table in page.find_tables(BY_TEXT):
            grid = [[join_wrapped((c or "").splitlines()) for c in row] for row in table.extract()]
            counts = {sum(is_number(c) for c in row) for row in grid} - {0}
            glued = any(_TWO_NUMBERS.search(c) for row in grid for c in row)
            if len(counts) == 1 and max(counts) >= 3 and not glued:
                grids.append(grid)
    return grids


def scan_warnings(pages: list[Page]) -> list[str]:
    """Pages with images and no text are scans: say so, since there is no OCR."""
    blind = [p.number + 1 for p in pages if p.chars == 0]
    if not blind:
        return []
    if len(blind) == len(pages):
        kind = "image-only PDF (scanned, 图片版)" if any(p.images for p in pages) else "PDF without any text"
        return [f"{kind}: no text layer, OCR is not supported"]
    return [f"PDF pages {', '.join(map(str, blind))} have no text layer (scanned?): their content is missing"]


def compose_text(pages: list[Page], groups: list[list[Piece]], grids: list[Grid]) -> str:
    """Lines and tables in page order; wrapped lines joined into paragraphs;
    each ruled table rendered once where it starts; page numbers dropped."""
    starts = {(g[0].page, g[0].bbox[1]): grid for g, grid in zip(groups, grids)}
    blocks: list[str] = []
    paragraph: list[str] = []
    previous: tuple[Line, tuple[float, float]] | None = None
    for page in pages:
        body = [x for x in page.lines if not is_page_mark(x, page)]
        margins = (min((x.x0 for x in body), default=0.0), max((x.x1 for x in body), default=page.width))
        items = [(x.top, 1, x) for x in body]
        items += [(top, 0, grid) for (number, top), grid in starts.items() if number == page.number]
        for _, is_line, item in sorted(items, key=lambda t: (t[0], t[1])):
            if not (is_line and _same_paragraph(previous, item, margins)):
                blocks.append(join_wrapped(paragraph))
                paragraph, previous = [], None
            if is_line:
                paragraph.append(item.text)
                previous = (item, margins)
            else:
                blocks.append(render_grid(item))
    blocks.append(join_wrapped(paragraph))
    return "\n".join(b for b in blocks if b)


def _same_paragraph(previous, line: Line, margins: tuple[float, float]) -> bool:
    """A line continues the paragraph when the one before ran to the right
    margin and this one starts at the left margin (no indent); lines with
    column gaps never join."""
    if previous is None or "\t" in previous[0].text or "\t" in line.text:
        return False  # rows of an unruled table stay one per line
    before, (_, right_before) = previous
    em = max(line.bottom - line.top, 6.0)
    return before.x1 >= right_before - 1.6 * em and line.x0 <= margins[0] + em * 0.8

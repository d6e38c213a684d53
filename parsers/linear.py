"""Linear text shapes -> lines of pieces (label text and runs of value cells).

A flattened table reaches us in many shapes; each is read by what its separators
can show:

- pipes: ``|`` ends a cell. That one rule reads trafilatura and markdown rows, an
  archive's ``cell |`` rows, one cell per line ending in `` |``, lone ``|`` lines
  between cells and a whole table on one line alike: two pipes with nothing
  between are a blank cell; line breaks are only spaces (a cell may wrap); a
  markdown row's opening pipe ends no cell;
- tabs: one tab-indented cell per line (Word text, rows apart by blank lines), or
  tab-separated rows (rendered grids);
- bare lines: one cell per line, cells one or two line breaks apart, where an
  extra break is a blank cell; or free lines of labels and numbers (PDF text,
  glued page dumps), which cannot show a blank at all.

Each line becomes a list of pieces: ``str`` for label text, ``Values`` for a run
of value cells ("" for a blank cell). Where cells hold one per line, a line is a
row: its labels, then its values. ``Values.structured`` says whether a blank
cell would have shown; a run written straight after its label with no space is
glued (a page dump that lost every separator): only there may a digit string
hold several cells.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .values import NULL_MARKS, is_value, read_cell


class Lone(str):
    """A blank cell written as a line of its own (a lone pipe): the text shows this cell,
    so it is a cell in its place, not padding that a grid writer added at a row's end."""

    __slots__ = ()


@dataclass
class Values:
    cells: list[str] = field(default_factory=list)  # raw cell texts, "" for a blank cell
    structured: bool = True
    glued: bool = False
    open_end: bool = False  # nothing follows the last cell: the text may be cut inside it
    # blank cells shown by line breaks (one cell per line): a merged cell is written once,
    # so no blank cell is a span's or a grid's padding (a blank label is a cell all the same)
    breaks: bool = False

    @property
    def has_number(self) -> bool:
        """Whether any cell says something (a number, a worded change, an unreadable value)."""
        return any((cell := read_cell(c)) and (cell.value is not None or cell.note)
                   for c in self.cells)


Piece = str | Values
Line = list[Piece]

_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_MARK = re.compile(r"^\s*(?:[-—–]+\s*\d{1,3}\s*[-—–]+|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?)\s*$")
# "2/5" on a line of its own: a page number in free lines, a cell (0/0) where lines are cells
_PDF_PAGE_MARK = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
# A row's own item number fused to the digits before it: "00000003.危及" -> "0000000 3.危及".
_FUSED_NUMBERING = re.compile(r"(?<=\d)([1-8])(?=[.、][\u4e00-\u9fff“\"])")
_VALUE_TOKEN = re.compile(
    r"(?:(?<=\d)[+-]|(?<![\d.])(?:--|[+-])?)\d+(?:,\d{3})*(?:\.\d+)?"
    r"(?:\s*(?:万元|元|[件个条项項]|\((?:万元|万|元)\)))?"
    r"(?!\d)(?![.、年月日号时余多%](?!\d))"
    r"|(?:增加|减少|增|减)\d+(?![\d.])|未增未减|无增减|不增不减"
    r"|(?<!\S)(?:[/—–-]+|无)(?!\S)", re.ASCII)


def to_lines(text: str, shape: str | None = None) -> list[Line]:
    """Lines of pieces. ``shape="tsv"`` forces tab-separated rows (rendered grids);
    ``shape="pdf"``: text laid out from a PDF, whose line breaks say nothing of cells."""
    raw = [ln for ln in text.split("\n")
           if not _PAGE_MARK.match(ln) and not _SEPARATOR_ROW.match(ln.strip())]
    if shape == "tsv":
        return [line for ln in raw if ln.strip() and (line := _cells_line(ln.rstrip("\r").split("\t")))]
    content = [ln for ln in raw if ln.strip()]
    piped = sum("|" in ln for ln in content)
    if piped and 3 * piped >= len(content):
        lines = _piped([ln.strip() for ln in raw])
    elif _one_cell_per_line(raw):
        lines = [line for line in (_cells_line(cells) for cells in _cell_groups(raw)) if line]
    elif any("\t" in ln.strip(" \t\r") for ln in content):
        lines = [_line(ln) for ln in content]
    else:
        lines = _bare(raw, cells=shape != "pdf")
    lines = [line for line in lines if line]
    _mark_open_end(lines, text)
    return lines


def _mark_open_end(lines: list[Line], text: str) -> None:
    """The last run is open when its last cell is the last thing in the text: a space or
    a separator after it ends the cell; the line break a saved text ends with does not."""
    last = lines[-1][-1] if lines else None
    if isinstance(last, Values) and last.cells and last.cells[-1]:
        tail = text.rstrip("\r\n")
        last.open_end = tail.endswith(last.cells[-1]) or tail.endswith(last.cells[-1].split()[-1])


class _Builder:
    """Collects cells into lines. ``by_row``: each text line is a row (a new line per
    text line); otherwise a row is its labels followed by its values, so a label that
    follows values opens the next line."""

    def __init__(self, by_row: bool):
        self.by_row = by_row
        self.lines: list[Line] = []
        self.at: int | None = None  # text line of the last cell

    def _line(self, n: int, label: bool) -> Line:
        if not self.lines or (self.by_row and n != self.at) or (
                not self.by_row and label and isinstance(self.lines[-1][-1], Values)):
            self.lines.append([])
        self.at = n
        return self.lines[-1]

    def label(self, text: str, n: int) -> None:
        self._line(n, True).append(text)

    def value(self, text: str, n: int, structured: bool = True, glued: bool = False) -> None:
        """One value cell ("" for a blank): it joins the run before it, unless either is
        glued digits (whose cells are yet to be told apart)."""
        line = self._line(n, False)
        last = line[-1] if line else None
        if isinstance(last, Values) and not (last.glued or glued):
            last.cells.append(text)
            last.structured &= structured
        else:
            line.append(Values([text], structured, glued))

    def cell(self, text: str, n: int, structured: bool = True) -> None:
        """One cell's text: a value, a blank, or label text (numbers inside it are split
        off; several numbers in one cell could not show a blank between them)."""
        if not text or is_value(text):
            self.value(text, n, structured)
            return
        pieces = _free_line(text)
        numbers = sum(len(p.cells) for p in pieces if isinstance(p, Values))
        for piece in pieces:
            if isinstance(piece, str):
                self.label(piece, n)
            else:
                for c in piece.cells:
                    self.value(c, n, structured and numbers == 1, piece.glued)


def _piped(lines: list[str]) -> list[Line]:
    """Rows whose cells each end in a pipe (see the module docstring). Markdown rows and
    rows of several cells a line are read line by line; cells one per line make a row
    of its label and the values after it."""
    piped = [t for t in lines if "|" in t and t.strip("| ")]
    markdown = 2 * sum(t.startswith("|") for t in piped) > len(piped)
    by_row = markdown or 2 * sum(sum(1 for p in t.split("|") if p.strip()) > 1
                                 for t in piped) > len(piped)
    out = _Builder(by_row)
    pending: list[tuple[int, str]] = []  # text since the last pipe: (line, text)
    for n, t in enumerate(lines):
        if not t:
            continue
        parts = t.split("|")
        if markdown and t.startswith("|") and t.strip("| "):
            parts = parts[1:]  # the opening pipe of a markdown row
        lone = t == "|"
        for j, part in enumerate(parts):
            if part.strip():
                pending.append((n, _HEADING_MARK.sub("", part).strip()))
            if j < len(parts) - 1:
                _flush(out, pending, n, lone)
                pending = []
        if by_row and pending:  # a row's line ends its last cell
            _flush(out, pending, n)
            pending = []
    if pending:
        _flush(out, pending, pending[-1][0])
    return out.lines


def _flush(out: _Builder, pending: list[tuple[int, str]], n: int, lone: bool = False) -> None:
    """One pipe-ended cell: blank (``lone``: a pipe on a line of its own), or its text,
    wrapped over lines or not."""
    if not pending:
        out.cell(Lone() if lone else "", n)
        return
    if len(pending) > 1 and sum(is_value(t) for _, t in pending) > 1:
        for m, t in pending:  # numbers on lines of their own with no pipe between
            out.cell(t, m, structured=False)
        return
    joined = " ".join(t for _, t in pending)
    if is_value(joined) or len(pending) == 1:
        out.cell(joined, pending[-1][0])
        return
    for m, t in pending:
        out.cell(t, m)


def _line(ln: str) -> Line:
    """One line read on its own: a pipe row, a tab row, or a free line."""
    if "|" in ln:
        return _cells_line(ln.strip().strip("|").split("|"))
    if "\t" in ln.strip(" \t\r"):
        return _cells_line(ln.rstrip("\r\n").split("\t"))
    return _free_line(_HEADING_MARK.sub("", ln))


def _bare(raw: list[str], cells: bool = True) -> list[Line]:
    """Lines without tabs and few pipes: one cell per line where every line is one cell
    and the line breaks are regular (one apart, or two where that is more usual, never
    fewer between two values; each extra break is a blank cell); otherwise each line
    on its own (PDF text, whose pages, torn labels and column blocks make its breaks
    say nothing of blanks)."""
    content = [(n, t) for n, t in enumerate(raw) if t.strip()]
    own = [_line(t) for _, t in content]  # each line read on its own, once
    if cells and len(content) >= 6:
        pieces = []
        for (n, t), line in zip(content, own):
            piece = _cell_line(t, line)
            if piece is None:
                break
            pieces.append((n, piece))
        else:
            lines = _cell_lines(pieces)
            if lines is not None:
                return lines
    return [line for (_, t), line in zip(content, own) if line and not _PDF_PAGE_MARK.match(t)]


def _cell_lines(pieces: list[tuple[int, Piece]]) -> list[Line] | None:
    """Lines of one cell each, at regular breaks (see ``_bare``); None where irregular."""
    gaps = [(b - a, isinstance(x, Values) and isinstance(y, Values))
            for (a, x), (b, y) in zip(pieces, pieces[1:])]
    counts = Counter(gap for gap, _ in gaps)
    base = 2 if counts[2] > counts[1] else 1
    if not counts[base] or any(gap < base for gap, values in gaps if values):
        return None
    out = _Builder(by_row=False)
    previous = None
    for n, piece in pieces:
        if previous is not None and out.lines and isinstance(out.lines[-1][-1], Values) or (
                isinstance(piece, Values)):
            for _ in range(n - previous - base if previous is not None else 0):
                out.value("", previous)  # blank cells end the run before, or open this one
        if isinstance(piece, str):
            out.label(piece, n)
        else:
            out.value(piece.cells[0], n)
        previous = n
    for line in out.lines:
        for piece in line:
            if isinstance(piece, Values):
                piece.breaks = True
    return out.lines


def _cell_line(text: str, line: Line) -> Piece | None:
    """A line that is one cell (``line``: its pieces read on its own): label text, or one
    value (0/0 and 3235727元 included); None for a line of several numbers, a pipe or tab
    row, or a glued one."""
    text = text.strip()
    if "|" in text or "\t" in text:
        return None
    if " " not in text and read_cell(text) is not None:
        return Values([text])
    if len(line) == 1 and (isinstance(line[0], str) or (len(line[0].cells) == 1 and not line[0].glued)):
        return line[0]
    return None


def _one_cell_per_line(raw: list[str]) -> bool:
    """Word-to-text output: most lines are one tab-indented cell, rows split by blank lines."""
    content = [ln for ln in raw if ln.strip(" \r")]
    if len(content) < 8:
        return False
    single = sum(1 for ln in content if ln.startswith("\t") and "\t" not in ln.strip("\t\r"))
    return single >= 0.5 * len(content)


def _cell_groups(raw: list[str]) -> list[list[str]]:
    """Rows of the one-cell-per-line shape: a blank line ends a row; a tab starts a
    cell; a line without a tab continues the cell before it (or opens the row)."""
    rows, cells = [], []
    for ln in raw:
        if not ln.strip(" \r"):
            if ln.startswith("\t"):
                cells.append("")
                continue
            if cells:
                rows.append(cells)
            cells = []
        elif ln.startswith("\t"):
            cells.append(ln.strip())
        elif cells and cells[-1] and not is_value(cells[-1]):
            cells[-1] += ln.strip()
        else:
            cells.append(ln.strip())
    if cells:
        rows.append(cells)
    return rows


def _cells_line(cells: list[str]) -> Line:
    """Pieces of one structured row; blank cells before the first label are padding."""
    line: Line = []
    for cell in cells:
        text = " ".join(cell.split())
        if is_value(text):
            if not line or not isinstance(line[-1], Values):
                line.append(Values())
            line[-1].cells.append(text)
        else:
            line.append(_HEADING_MARK.sub("", text))
    return [p for i, p in enumerate(line)
            if isinstance(p, str) or p.has_number or any(isinstance(q, str) for q in line[:i])]


_ATTACHED = re.compile(r"[\u4e00-\u9fff）)][+-]?\d")


_MAYBE_VALUE = re.compile(r"[0-9/—–\-无增减]")


def _free_line(text: str) -> Line:
    """Pieces of a whitespace-separated or glued line. A line where numbers touch
    their labels again and again is a glued page: all its runs are glued."""
    if not _MAYBE_VALUE.search(text):  # label text only
        return [text.strip()] if text.strip() else []
    text = _FUSED_NUMBERING.sub(r" \1", text)
    glued_page = len(_ATTACHED.findall(text)) >= 3
    line: Line = []
    pos = 0
    for m in _VALUE_TOKEN.finditer(text):
        gap = text[pos:m.start()]
        if gap.strip():
            line.append(gap.strip())
        token = "".join(m.group().split())
        if not line or not isinstance(line[-1], Values) or gap.strip():
            glued = glued_page or (bool(gap) and not gap[-1].isspace())
            line.append(Values(structured=False, glued=glued))
        line[-1].cells.append(token)
        pos = m.end()
    if text[pos:].strip():
        line.append(text[pos:].strip())
    # a run of null marks alone is prose punctuation, not cells
    return [p for p in line if isinstance(p, str) or p.has_number
            or not all(c in NULL_MARKS for c in p.cells)]

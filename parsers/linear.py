"""Linear text shapes -> lines of pieces (label text and runs of value cells).

A table reaches us as pipe rows (trafilatura, markdown), tab-separated rows,
one cell per line (Word text), or torn PDF / glued page text. Each line becomes
a list of pieces: ``str`` for label text, ``Values`` for a run of value cells.
Only structured shapes (pipe, tab, one cell per line) can show a blank cell;
whitespace-separated text cannot, so its runs are marked unstructured. A run
written straight after its label with no space is glued (a page dump that lost
every separator): only there may a digit string hold several cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .values import NULL_MARKS, is_value


@dataclass
class Values:
    cells: list[str] = field(default_factory=list)  # raw cell texts, "" for a blank cell
    structured: bool = True
    glued: bool = False

    @property
    def has_number(self) -> bool:
        return any(c.strip() and any(ch.isdigit() for ch in c) for c in self.cells)


Piece = str | Values
Line = list[Piece]

_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_MARK = re.compile(r"^\s*(?:[-—–]+\s*\d{1,3}\s*[-—–]+|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?"
                        r"|\d{1,3}\s*/\s*\d{1,3})\s*$")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
# A row's own item number fused to the digits before it: "00000003.危及" -> "0000000 3.危及".
_FUSED_NUMBERING = re.compile(r"(?<=\d)([1-8])(?=[.、][\u4e00-\u9fff“\"])")
_VALUE_TOKEN = re.compile(
    r"(?:(?<=\d)[+-]|(?<![\d.])[+-]?)\d+(?:,\d{3})*(?:\.\d+)?(?:\s*(?:万元|元))?(?!\d)(?![.、](?!\d))"
    r"|(?<!\S)(?:[/—–-]+|无)(?!\S)")


def to_lines(text: str, shape: str | None = None) -> list[Line]:
    """Lines of pieces. ``shape="tsv"`` forces tab-separated rows (rendered grids)."""
    raw = [ln for ln in text.split("\n") if not _PAGE_MARK.match(ln)]
    if shape != "tsv" and _one_cell_per_line(raw):
        return [line for line in (_cells_line(cells) for cells in _cell_groups(raw)) if line]
    lines = []
    for ln in raw:
        stripped = ln.strip()
        if not stripped or _SEPARATOR_ROW.match(stripped):
            continue
        if stripped.startswith("|"):
            cells = stripped.strip("|").split("|")
            line = _cells_line(cells)
        elif shape == "tsv" or "\t" in ln.strip(" \t\r"):
            line = _cells_line(ln.rstrip("\r\n").split("\t"))
        else:
            line = _free_line(_HEADING_MARK.sub("", ln))
        if line:
            lines.append(line)
    return lines


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


def _free_line(text: str) -> Line:
    """Pieces of a whitespace-separated or glued line. A line where numbers touch
    their labels again and again is a glued page: all its runs are glued."""
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

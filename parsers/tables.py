"""Lines of pieces -> the three official tables, with the template's rows as the guide.

Row labels are found in the label text of a table region (whitespace removed,
so torn labels still match); runs of values are then aligned to the labels in
order, preferring a run on the label's own line, then the nearest line. A run
that fits no label is reported, never forced into a row. A run's cells go to the
row's columns as they stand where the text shows them in place; where it may
have dropped blank cells, only the template's totals can place them (``_cells``).
Every value is then settled against its column (``values.settle``), and a table
the text ends inside is read up to its last whole row, the rest named in one
warning.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from . import template as T
from .linear import Line, Lone, Values, to_lines
from .values import (GROUP_TOTALS, MAX_DIGITS, ROW_TOTAL, Cell, Number, Rules, holds, place,
                     read_cell, settle)

# Glued digits are split into counts of at most this many digits: a big city's busiest
# office receives tens of thousands of applications a year, and far fewer reviews and suits.
COUNT_DIGITS = {ROW_TOTAL: 7, GROUP_TOTALS: 5}

SKIP_COST = 1.2
INFINITE = float("inf")


@lru_cache(maxsize=None)
def fuzzy(word: str) -> re.Pattern:
    """A word whose characters may be separated by whitespace."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in word if not ch.isspace()))


def _first(text: str, words, start: int = 0) -> re.Match | None:
    found = [m for w in words if (m := fuzzy(w).search(text, start))]
    return min(found, key=lambda m: m.start(), default=None)


# --- regions ------------------------------------------------------------------

_PROBLEMS = re.compile(r"(?:五|5)\s*[、.]\s*\S{0,6}?(?:问题|改进)|存在的?主要问题|存在问题|"
                       r"\(一\)[^\n\d]{0,6}主要问题|\(一\)[^\n]{0,16}存在问题|"
                       r"(?:六|6)\s*[、.]\s*其他需要报告")


@lru_cache(maxsize=1)
def _row_opening() -> re.Pattern:
    """A line that opens with a row of table 三 (四、结转下年度继续办理 0 0 0 …)."""
    keys = sorted({k for row in T.APPLICATIONS_2021 + T.APPLICATIONS_2019 for k in row.keys}, key=len,
                  reverse=True)
    return re.compile(r"(?m)^[ \t|#]*(?:[一二三四五六七八]\s*[、.]\s*|\(\s*[一二三四五六七八]\s*\)\s*|"
                      r"\d\s*[.、]\s*)?(?:" + "|".join(fuzzy(k).pattern for k in keys) + ")")


def _opening_inside_applications(text: str) -> re.Match | None:
    """A page that begins inside table 三 (one page of a flip-book) shows none of its
    anchors: one of its first lines, before table 四, opens with a row of table 三."""
    head = text[:sum(len(ln) + 1 for ln in text.split("\n", 6)[:6])]
    m = _row_opening().search(head)
    review = _first(text, ("行政复议",) + T.TABLE_ANCHORS["review_litigation"])
    return m if m and (review is None or m.start() < review.start()) else None


def locate(text: str) -> dict[str, tuple[int, int]]:
    """Character spans of tables 二, 三, 四 in a normalised text (absent ones omitted)."""
    s2 = _first(text, T.TABLE_ANCHORS["active_disclosure"])
    s3 = _first(text, T.TABLE_ANCHORS["applications"], s2.start() if s2 else 0)
    if s2 is None and s3 is None:
        s3 = _opening_inside_applications(text)
    after3 = s3.end() if s3 else (s2.end() if s2 else 0)
    carried = _first(text, ("结转下年度",), after3)
    s4 = _first(text, ("行政复议",), carried.end() if carried else after3)
    if s4 is None:
        s4 = _first(text, T.TABLE_ANCHORS["review_litigation"], after3)
    spans = {}
    starts = [(name, m.start()) for name, m in
              (("active_disclosure", s2), ("applications", s3), ("review_litigation", s4)) if m]
    for i, (name, start) in enumerate(starts):
        if i + 1 < len(starts):
            end = starts[i + 1][1]
        else:
            stop = _PROBLEMS.search(text, start + 10)
            end = stop.start() if stop else min(len(text), start + 4000)
        spans[name] = (start, end)
    return spans


# How a table writes a cell that spans columns, as its header shows: as blank cells after
# it (法人或其他组织 | | | | | 总计: a row label's span too, so blank cells right after a label
# are padding) or as nothing (法人或其他组织 | 总计: rows are padded at their end).
_SPAN_WRITTEN = re.compile(r"法人或其他组织\s*(?:[|\t]\s*){2,}总计")
_SPAN_OMITTED = re.compile(r"法人或其他组织\s*[|\t]\s*总计")


def _padding(name: str, region: str) -> str | None:
    """Where a table's rows carry their padding blank cells: "leading", "trailing" or None.
    Table 二's row labels span no columns: its padding can only trail."""
    if name == "active_disclosure":
        return "trailing"
    if _SPAN_WRITTEN.search(region):
        return "leading"
    return "trailing" if _SPAN_OMITTED.search(region) else None


# --- the label stream ------------------------------------------------------------

@dataclass
class Run:
    pos: int          # label characters before the run
    line: int
    values: Values
    stacked: bool = False

    def stacks(self, piece: Values) -> bool:
        """Plain PDF text sets each number on a line of its own: such lines are one run."""
        return (not self.values.structured and not piece.structured and len(piece.cells) == 1
                and (self.stacked or len(self.values.cells) == 1))


@dataclass
class Match:
    row: int
    start: int
    end: int
    first_line: int
    last_line: int


class Stream:
    """A region's label text without whitespace, with the runs of values between."""

    def __init__(self, lines: list[Line]):
        parts, self.char_line, self.runs = [], [], []
        self.blank_rows: set[int] = set()  # lines whose label is followed by blank cells only
        self.labels: list[int] = []  # where each label piece starts in ``text``
        self.by_line: dict[int, list[str]] = {}  # the label text of each line
        size = 0
        for n, line in enumerate(lines):
            for piece in line:
                if isinstance(piece, str):
                    t = "".join(piece.split())
                    if t:
                        self.labels.append(size)
                        self.by_line.setdefault(n, []).append(t)
                    parts.append(t)
                    self.char_line += [n] * len(t)
                    size += len(t)
                elif not piece.has_number:
                    if piece.structured and piece.cells and size and self.char_line[-1] == n:
                        self.blank_rows.add(n)
                else:
                    last = self.runs[-1] if self.runs else None
                    if last and last.pos == size and last.stacks(piece):
                        last.values.cells += piece.cells  # numbers set one per line
                        last.values.open_end = piece.open_end
                        last.stacked = True
                    else:
                        self.runs.append(Run(size, n, replace(piece, cells=list(piece.cells))))
        self.text = "".join(parts)
        self.runs = [r for r in self.runs if not _parenthetical(self.text, r.pos)]
        self.run_starts = [r.pos for r in self.runs]  # in order: runs are met in text order
        self.asides = _asides(self.text, [r.pos for r in self.runs])
        self.unlabelled: set[int] = set()  # runs of a row whose label is blank (``_unlabelled``)
        self.cut = False  # the text ends inside this table
        self.kept_blanks = True  # the text shows blank cells where they are
        self.padding: str | None = None  # where rows have their padding blank cells (see _trim)

    def line_label(self, line: int) -> str:
        return "".join(self.by_line.get(line, ()))

    def matches(self, row_index: int, pattern: re.Pattern) -> list[Match]:
        """Where the row's label is, outside the brackets of another label's explanation."""
        return [Match(row_index, m.start(), m.end(), self.char_line[m.start()],
                      self.char_line[m.end() - 1]) for m in pattern.finditer(self.text)
                if not self._aside(m.start())]

    def header(self, pos: int) -> list[str]:
        """The header cells of the section of the label at ``pos``: the label pieces after
        its 信息内容 up to the first value ([] when there is none)."""
        k = bisect_right(self.labels, pos) - 1
        ends = self.labels[1:] + [len(self.text)]
        for j in range(k - 1, max(k - 12, -1), -1):
            piece = self.text[self.labels[j]:ends[j]]
            if "第二十条" in piece:
                return []
            if piece == "信息内容":  # the header ends where the first row with values begins
                first = min((r.pos for r in self.runs if r.pos > self.labels[j]), default=pos)
                stop = min(pos, first if first in self.unlabelled
                           else self.labels[bisect_left(self.labels, first) - 1])
                return [self.text[self.labels[i]:ends[i]] for i in range(j + 1, k) if ends[i] <= stop]
        return []

    def heads(self, match: Match, marks: list[int]) -> bool:
        """Whether a header word (``marks``: where they start, in order) follows the match
        before the next run of values."""
        k = bisect_left(self.run_starts, match.end)
        j = bisect_left(marks, match.end)
        return j < len(marks) and (k == len(self.run_starts) or marks[j] < self.run_starts[k])

    def _aside(self, pos: int) -> bool:
        k = bisect_right(self.asides, (pos, INFINITE)) - 1
        return k >= 0 and self.asides[k][0] < pos <= self.asides[k][1]

    def has(self, words) -> bool:
        return any(w in self.text for w in words)


def _parenthetical(text: str, pos: int) -> bool:
    """A number that closes a label's bracket (本年增/减 (…减用负值表示,如 -8)): label text."""
    before = text[max(0, pos - 60):pos]
    return text.startswith(")", pos) and before.rfind("(") > before.rfind(")")


def _asides(text: str, runs: list[int]) -> list[tuple[int, int]]:
    """Spans of bracketed label text: a label's explanation (其他对外管理服务事项(指…含行政处罚、
    行政强制…)) names other rows without being them. A bracket still open where a run of
    values sits was never closed: it ends there."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    breaks = iter(sorted(runs) + [len(text) + 1])
    next_break = next(breaks)
    for i, ch in enumerate(text):
        while next_break <= i:
            opened.clear()
            next_break = next(breaks)
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            start = opened.pop()
            if not opened:
                spans.append((start, i))
    return spans


@lru_cache(maxsize=None)
def _pattern(row: T.Row) -> re.Pattern:
    return re.compile("|".join(re.escape(k) for k in sorted(row.keys, key=len, reverse=True)))


def _ordered(matches: list[Match], run_lines: set[int]) -> list[Match]:
    """The longest chain of matches increasing in both template order and position.
    Where a row's label appears twice (a heading, then the row), the copy that
    shares its line with values is kept."""
    matches.sort(key=lambda m: (m.start, m.row))
    best = [1] * len(matches)
    prev = [-1] * len(matches)
    for j, mj in enumerate(matches):
        for i in range(j):
            mi = matches[i]
            if mi.row < mj.row and mi.end <= mj.start and best[i] + 1 > best[j]:
                best[j], prev[j] = best[i] + 1, i
    if not matches:
        return []
    j = max(range(len(matches)), key=lambda k: (best[k], -k))
    chain = []
    while j >= 0:
        chain.append(matches[j])
        j = prev[j]
    chain.reverse()
    for k, m in enumerate(chain):
        limit = chain[k + 1].start if k + 1 < len(chain) else INFINITE
        copies = [o for o in matches if o.row == m.row and m.start <= o.start and o.end <= limit]
        chain[k] = next((o for o in copies if o.first_line in run_lines), m)
    return chain


def _first_each(matches: list[Match]) -> list[Match]:
    """The first match of every row that does not overlap one already taken."""
    taken: list[Match] = []
    for m in sorted(matches, key=lambda m: m.start):
        if any(t.row == m.row or (t.start < m.end and m.start < t.end) for t in taken):
            continue
        taken.append(m)
    return taken


class _Distance:
    """How far a run of values is from label ``k``: lines apart plus labels between.
    A run on a later line joins a label only if no other label comes between them
    and the label before was already followed by its own values: a block of labels
    followed by a block of values (a table torn in two) pairs up by guesswork only."""

    def __init__(self, stream: Stream, chosen: list[Match]):
        self.chosen = chosen
        self.blank_rows = stream.blank_rows
        self.starts = [m.start for m in chosen]
        positions = sorted(r.pos for r in stream.runs)
        self.settled = [k == 0 or bisect_right(positions, m.start)
                        > bisect_left(positions, chosen[k - 1].start)
                        for k, m in enumerate(chosen)]

    def _labels(self, lo: int, hi: int) -> int:
        return bisect_left(self.starts, hi) - bisect_left(self.starts, lo)

    def __call__(self, k: int, run: Run) -> float:
        m = self.chosen[k]
        if run.pos >= m.end:
            between = self._labels(m.end, run.pos)
            if run.line <= m.last_line:
                return between
            if m.last_line in self.blank_rows:  # the row shows its cells blank
                return INFINITE
            return run.line - m.last_line if between == 0 and self.settled[k] else INFINITE
        if run.pos > m.start:  # the values sit inside a torn label
            return 0.0
        if run.line < m.first_line:  # values above a label belong to an earlier row
            return INFINITE
        if run.values.glued:  # a glued page writes each row's values after its label
            return INFINITE
        return self._labels(run.pos, m.start) + 0.5


def _align(stream: Stream, chosen: list[Match]) -> tuple[dict[int, Run], list[Run]]:
    """Monotone assignment of runs to labels at least total cost (edit-distance DP).
    A pair costing more than skipping both (2 × SKIP_COST) never wins, so only the runs
    within two lines of a label are measured."""
    runs = stream.runs
    distance = _Distance(stream, chosen)
    R, V = len(chosen), len(runs)
    run_lines = [r.line for r in runs]
    near: list[dict[int, float]] = []
    for i, m in enumerate(chosen):
        lo, hi = bisect_left(run_lines, m.first_line), bisect_right(run_lines, m.last_line + 2)
        near.append({j: d for j in range(lo, hi) if (d := distance(i, runs[j])) < 2 * SKIP_COST})
    cost = [[INFINITE] * (V + 1) for _ in range(R + 1)]
    step = [[None] * (V + 1) for _ in range(R + 1)]
    cost[0][0] = 0.0
    for i in range(R + 1):
        here_row, next_row = cost[i], cost[i + 1] if i < R else None
        pairs = near[i] if i < R else {}
        for j in range(V + 1):
            here = here_row[j]
            if here == INFINITE:
                continue
            if next_row is not None and here + SKIP_COST < next_row[j]:
                next_row[j], step[i + 1][j] = here + SKIP_COST, "row"
            if j < V and here + SKIP_COST < here_row[j + 1]:
                here_row[j + 1], step[i][j + 1] = here + SKIP_COST, "run"
            if j in pairs:
                c = here + pairs[j]
                if c < next_row[j + 1]:
                    next_row[j + 1], step[i + 1][j + 1] = c, "pair"
    assigned, spare = {}, []
    i, j = R, V
    while i or j:
        move = step[i][j]
        if move == "pair":
            assigned[chosen[i - 1].row] = runs[j - 1]
            i, j = i - 1, j - 1
        elif move == "row":
            i -= 1
        else:
            spare.append(runs[j - 1])
            j -= 1
    return assigned, spare[::-1]


# --- values of one row -------------------------------------------------------------

def _blanks(cells, soft: bool) -> int:
    """How many blank cells ``cells`` begins with (``soft``: only those not written as
    cells of their own, see ``linear.Lone``)."""
    count = 0
    for c in cells:
        if c.strip() or (soft and isinstance(c, Lone)):
            break
        count += 1
    return count


def _trim(run: Values, width: int, padding: str | None) -> list[str] | None:
    """Drop the blank cells a row has beyond ``width`` at its two ends: a spanned label's
    columns right after the label, a grid's padding at the end. Blank cells written as
    cells of their own go only where nothing else can. Where dropping them from either
    end would put the values in different columns, the table's ``padding`` side
    ("leading", "trailing") decides; unknown (None): the row cannot be placed (None)."""
    cells = run.cells
    surplus = len(cells) - width
    if surplus <= 0:
        return list(cells)
    for soft in (True, False):
        lead, tail = _blanks(cells, soft), _blanks(reversed(cells), soft)
        low, high = max(0, surplus - tail), min(lead, surplus)
        if low <= high:
            break
    else:
        return list(cells)  # more values than columns: the caller says so
    if low < high and padding is None:
        return None
    front = high if padding == "leading" else low
    return list(cells[front:len(cells) - (surplus - front)])


def _without_subtotal(cells: list[str]) -> list[str] | None:
    """Table 三 with a 法人或其他组织 小计 column (8 numbers): drop the subtotal, found as
    the one cell before or after the five legal-person columns that is their sum."""
    values = [c.value if (c := read_cell(x)) else None for x in cells]
    if None in values:
        return None
    readings = {tuple(c for i, c in enumerate(cells) if i != drop)
                for drop, parts in ((1, values[2:7]), (6, values[1:6])) if values[drop] == sum(parts)}
    return list(readings.pop()) if len(readings) == 1 else None


def _left_packed(cells: list[str]) -> bool:
    """Values first, then only blanks (at least one) that are not cells of their own."""
    filled = [bool(c.strip()) for c in cells]
    return (not filled[-1] and filled == sorted(filled, reverse=True)
            and not any(isinstance(c, Lone) for c in cells))


def _dropped(run: Values, cells: list[str], kept_blanks: bool, rules: Rules = ()) -> bool:
    """A row whose values come first, in a text that never shows a blank cell before a
    value, and whose blank cells may have been dropped rather than written (the values'
    columns are then not known): its padding was trimmed off, or its values read in
    order fit its totals rule while in place they would leave the total blank
    (10 | 100 | 110 | | | | with 110 = 10 + 100; a text cut inside the padding shows
    no more cells than columns)."""
    if kept_blanks or not _left_packed(cells):
        return False
    return len(cells) < len(run.cells) or _fits_packed(cells, rules)


def _fits_packed(cells: list[str], rules: Rules) -> bool:
    """The row's one totals rule holds for its values in order (the last the sum of the
    others) while its total column is blank."""
    if len(rules) != 1 or len(cells) <= rules[0][0] or cells[rules[0][0]].strip():
        return False
    values = [c.value if (c := read_cell(x)) else None for x in cells if x.strip()]
    return all(isinstance(v, int) for v in values) and values[-1] == sum(values[:-1])


def _blank_before_value(cells: list[str]) -> bool:
    """A blank cell followed by a value: the text keeps its blank cells where they are."""
    seen_blank = False
    for c in cells:
        if not c.strip():
            seen_blank = True
        elif seen_blank:
            return True
    return False


def _cells(run: Values, width: int, rules: Rules, padding: str | None, kept_blanks: bool
           ) -> tuple[list[Cell] | None, str]:
    """The run's ``width`` cells, or None and why they can't be placed.

    Cells in place (as many as columns) are read as they stand, except a row whose blank
    cells may have been dropped (``_dropped``). Such rows, rows with fewer cells than
    columns between separators, and glued digits are placed by ``values.place``; a short
    row of free text (PDF) is not: it may be torn rather than blank."""
    if run.structured:
        cells = _trim(run, width, padding)
        if cells is None:
            return None, (f"{len(run.cells)} cells for {width} columns, blank ones at both ends: "
                          "which are padding is not known")
        if len(cells) == width + 1 and rules == ROW_TOTAL:
            cells = _without_subtotal(cells) or cells
        if len(cells) > width:
            return None, f"{len(cells)} values where {width} were expected"
        dropped = _dropped(run, cells, kept_blanks, rules)
        if len(cells) == width and not dropped:
            return [read_cell(c) for c in cells], ""
        tokens = [c for c in cells if c.strip()]
    else:
        tokens = list(run.cells)
        if len(tokens) == width:
            return [read_cell(c) for c in tokens], ""
        if len(tokens) > width or not run.glued:
            # free text never shows a blank cell: a short row may be torn, not just blank
            return None, f"{len(tokens)} values where {width} were expected"
    return _placed(tokens, width, rules, run.glued and not run.structured)


def _placed(tokens: list[str], width: int, rules: Rules, glued: bool
            ) -> tuple[list[Cell] | None, str]:
    """Fewer cells than columns: where the template's totals settle the columns."""
    shown = " ".join(tokens)
    if glued and all(t.lstrip("+-").isascii() and t.lstrip("+-").isdigit() for t in tokens):
        # counts of applications and cases never run to 8 digits; money and decisions may
        values, why = place(tokens, width, rules, COUNT_DIGITS.get(rules, MAX_DIGITS))
        what = f"glued digits {shown!r}"
    else:
        read = [read_cell(t) for t in tokens]
        if not rules or not all(c and isinstance(c.value, int) and not (c.unit or c.kind or c.note)
                                for c in read):
            return None, f"{len(tokens)} values where {width} were expected"
        values, why = place([c.value for c in read], width, rules)
        what = f"values {shown!r} (blank cells dropped)"
    if values is None:
        return None, f"{what}: {why}"
    return [Cell(v, text=str(v)) for v in values], f"{what} placed as {values} {why}".rstrip()


def read_run(run: Values, columns: tuple[str, ...], rules: Rules = (), padding: str | None = None,
             kept_blanks: bool = True, in_yuan: bool = False) -> tuple[list[Number | None] | None, list[str]]:
    """The values of a run for ``columns``, or None; with every note on the way. Each
    value is settled against its column (``values.settle``). ``padding``: see ``_trim``."""
    cells, why = _cells(run, len(columns), rules, padding, kept_blanks)
    notes = [why] if why else []
    if cells is None:
        return None, notes
    values = []
    names = [column.rpartition(".")[2] for column in columns]
    changes = any(name in T.SIGNED_COLUMNS for name in names)
    for cell, column, name in zip(cells, columns, names):
        value, note = settle(cell, name, name in T.MONEY_COLUMNS, name in T.SIGNED_COLUMNS, in_yuan,
                             changes)
        if note:
            notes.append(f"column {column}: {note}")
        values.append(value)
    return values, notes


def _whole(cell: str, column: str) -> bool:
    """A last cell that the end of the text may have cut is whole all the same when it is
    "0" in a count column: no count begins with 0 (an amount may: 0.5)."""
    return cell.strip() == "0" and column.rpartition(".")[2] not in T.MONEY_COLUMNS


def _complete(run: Values, columns: tuple[str, ...]) -> bool:
    """Whether a run of free text or glued digits that a cut-off text ends with is whole:
    as many cells as columns (free text may be torn anywhere; glued digits may hold
    several cells), and the last one not possibly cut."""
    if len(run.cells) < len(columns) and not run.glued:
        return False
    return not run.open_end or _whole(run.cells[-1], columns[-1])


def _cut_row(run: Values, columns: tuple[str, ...], padding: str | None, drops: bool,
             headed: bool = False, rules: Rules = ()) -> Values | None:
    """The row a cut-off text ends in, as far as it is certain: the run itself when it is
    whole, else its whole cells in their columns and the rest blank; None when none is
    certain. Between separators every cell shows, so the cells before the last are
    whole, and the last too when anything follows it (a separator, a space) or when
    ``_whole`` says so; but not in a table that ``drops`` blank cells (the columns of
    the cells shown are then not known, even where as many as the columns show), nor after a blank cell that may be the label's
    span (unless the table writes spans as nothing: ``padding`` "trailing").

    A last cell the text may end inside may as well be the start of what follows the
    row (the 2 of the next row's label 2.没有现成信息…): the other cells are read both
    ways, with it and without it, and only what stands in the same column both ways is
    kept. Where it cannot be the row's (one cell more than the columns, none of them
    padding), the row is whole without it if its section header names its columns one
    for one (``headed``; 政府集中采购 | 0 | 0 | 20…), or if its blank cells are line
    breaks (where a merged cell is written once) and its totals ``rules`` hold (a table
    三 with a 小计 column shows eight cells too)."""
    if not run.structured:
        return run if _complete(run, columns) else None
    width = len(columns)
    cells = _trim(run, width, padding)
    if cells is None:
        return run  # the reader says why it cannot be placed
    cut = run.open_end and not _whole(run.cells[-1], columns[min(len(cells), width) - 1])
    if not cut and len(cells) >= width:
        # in a table that drops blank cells, a row ending in blanks may be cut in its
        # padding: as many cells as columns then says nothing of their columns
        return None if drops and len(run.cells) == width and _left_packed(cells) else run
    if cut:  # nothing after it: the text may end inside it (45 of 456), or it may not be the row's
        rest = _trim(replace(run, cells=run.cells[:-1]), width, padding)
        if len(cells) > width:
            whole = rest is not None and len(rest) == width and (headed or run.breaks and rules and holds(
                rules, [c.value if (c := read_cell(x)) else None for x in rest]))
            return replace(run, cells=rest, open_end=False) if whole else None
        cells.pop()
        if rest is None:
            return None
        if len(rest) <= width:
            cells = [c if i < len(rest) and c == rest[i] else "" for i, c in enumerate(cells)]
    if drops or not any(c.strip() for c in cells) or (
            not cells[0].strip() and not isinstance(cells[0], Lone) and padding != "trailing"):
        return None
    return replace(run, cells=cells + [""] * (width - len(cells)), open_end=False)


def _named(header: list[str]) -> list[str | None] | None:
    """For each cell of a table 二 section's header, the column it names, or None for a
    count that names no column of either format; None when a cell names two columns or
    is not a column header."""
    named: list[str | None] = []
    for cell in header:
        columns = {column for word, column in T.COLUMN_WORDS if word in cell}
        if len(columns) > 1 or not (columns or re.search(r"数量|件数|金额|总数", cell)):
            return None
        named.append(columns.pop() if columns else None)
    return named


def _unlabelled(stream: Stream, found: list[Match], rows: tuple[T.Row, ...]) -> Match | None:
    """The first row of table 二's first section when its label is blank (a 规章 cell
    emptied with the brackets around it): a place on the run of values, where the place
    alone settles the row. It does where 规章 is named nowhere, the run stands between
    a header that names the row's columns one for one and the label of the row that
    follows it (行政规范性文件), with no label text on either side, and holds as many
    cells as the row has columns."""
    first, second = rows[0], rows[1]
    if any(m.row == 0 for m in found):
        return None
    for m in (m for m in found if m.row == 1):
        label = stream.labels[bisect_right(stream.labels, m.start) - 1]  # where its label piece starts
        runs = [r for r in stream.runs if r.pos == label]
        if len(runs) != 1 or not runs[0].values.structured:
            continue
        run = runs[0]
        cells = _trim(run.values, first.width, stream.padding)
        if cells is None or len(cells) != first.width or not all(c.strip() for c in cells):
            continue
        stream.unlabelled.add(run.pos)
        if _named(stream.header(m.start)) == list(first.columns) == list(second.columns):
            return Match(0, run.pos, run.pos, run.line, run.line)
        stream.unlabelled.discard(run.pos)
    return None


@lru_cache(maxsize=None)
def _words(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words``, the longest first where two start at one place."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_COLUMN_OF = dict(T.COLUMN_WORDS)


def _header_columns(header: list[str]) -> list[str]:
    """The columns a section's header names, in order, its cells joined (a header cell
    may be torn over lines: 本年新 / 制作数量)."""
    return [_COLUMN_OF[m.group()] for m in _words(tuple(_COLUMN_OF)).finditer("".join(header))]


def _own_columns(header: list[str], row: T.Row) -> tuple[str | None, ...] | None:
    """The columns a table 二 section's own header names, where it names fewer than the
    national format's row has (信息内容 | 项目数量 | 处理决定数量): for each header cell the
    row's column it names, or None for a column the format does not have. None when the
    header is not such (as many columns as the format, a cell that names two, no column
    of the row named at all)."""
    if not header or len(header) >= row.width:
        return None
    named = _named(header)
    if named is None or not any(named):
        return None
    shown = [c for c in named if c is not None]
    if len(set(shown)) < len(shown) or not set(shown) <= set(row.columns):
        return None
    return tuple(named)


# --- the tables --------------------------------------------------------------------

class Reader:
    """Reads tables from one text; collects warnings as it goes."""

    def __init__(self, text: str, shape: str | None = None):
        self.text = text
        # pdftotext ends each page with a form feed: its line breaks are layout, not cells
        self.shape = shape or ("pdf" if "\f" in text else None)
        self.spans = locate(text)
        self.warnings: list[str] = []
        self.spare: dict[str, list[Run]] = {}
        self.renamed: dict[str, tuple[str, ...]] = {}  # table 二 rows read by T.Row.alternative
        self.active_fmt: str | None = None  # table 三 falls back on it when its own shape is lost

    def stream(self, name: str) -> Stream | None:
        span = self.spans.get(name)
        if span is None:
            return None
        region = self.text[span[0]:span[1]]
        stream = Stream(to_lines(region, self.shape))
        # grids are whole tables; a text that ends inside a table was cut off
        stream.cut = self.shape != "tsv" and span[1] >= len(self.text.rstrip())
        stream.kept_blanks = self.shape == "tsv" or any(
            r.values.structured and _blank_before_value(r.values.cells) for r in stream.runs)
        stream.padding = _padding(name, region)
        return stream

    def _rows(self, stream: Stream, rows: tuple[T.Row, ...], ordered: bool, table: str,
              rules: Rules, in_yuan: bool = False, own_headers: bool = False,
              header_words: tuple[str, ...] = ()) -> dict[str, list | None]:
        """The values of each row (None where not read); optional rows only where found.
        ``own_headers``: a section whose header names fewer columns than the format is
        read by its header (``_own_columns``); ``header_words``: a label followed by
        one of them before any value is in the column header, not a row."""
        found = [m for i, row in enumerate(rows) for m in stream.matches(i, _pattern(row))]
        if header_words:
            marks = [m.start() for m in _words(header_words).finditer(stream.text)]
            found = [m for m in found if not stream.heads(m, marks)]
        blank = _unlabelled(stream, found, rows) if own_headers else None
        if blank:
            found.append(blank)
            self.warnings.append(f"table {table}: row {rows[0].key}: its label is blank; read "
                                 f"by its place, the first row under its header")
        run_lines = {r.line for r in stream.runs}
        chosen = (_ordered(found, run_lines) if ordered  # a blank label's place goes first
                  else sorted(_first_each(found), key=lambda m: (m.start, m.end)))
        assigned, spare = _align(stream, chosen)
        self.spare[table] = spare
        seen = {m.row for m in chosen}
        # in a text cut off inside the table, the rows after the last label seen are lost,
        # and so is what is not certain of that row itself
        last = max(seen, default=-1) if stream.cut else len(rows)
        drops = not stream.kept_blanks and any(
            r.values.structured and (cells := _trim(r.values, rows[i].width, stream.padding))
            and _dropped(r.values, cells, False, rules) for i, r in assigned.items())
        out: dict[str, list | None] = {row.key: None for i, row in enumerate(rows)
                                       if not row.optional or i in seen}
        lost = [row.key for i, row in enumerate(rows) if i > last and not row.optional]
        labels = {m.row: m.start for m in chosen}
        for i, row in enumerate(rows[:last + 1]):
            run = assigned.get(i)
            values = run.values if run else None
            header = stream.header(labels[i]) if own_headers and values else []
            own = _own_columns(header, row)
            columns = tuple(c or cell for c, cell in zip(own, header)) if own else row.columns
            if not own and row.alternative and _header_columns(header) == list(row.alternative):
                columns = self.renamed[row.key] = row.alternative
                self.warnings.append(f"table {table}: row {row.key}: its section's header names "
                                     f"the other format's columns ({' | '.join(header)}); read "
                                     f"under those names")
            if i == last and stream.cut and values is not None:
                values = _cut_row(values, columns, stream.padding, drops,
                                  _named(header) == list(columns), rules)
                if values is not None and values is not run.values:
                    whole = values.cells == run.values.cells[:len(columns)]
                    self.warnings.append(
                        f"table {table}: row {row.key}: the text ends in {run.values.cells[-1]!r} "
                        "after the row's cells; that fragment is left out" if whole else
                        f"table {table}: row {row.key}: the text ends inside the row; only its "
                        "first cells are read")
            if i == last and stream.cut and values is None:
                lost[:0] = [row.key] if row.key in out else []
                continue
            if values is None:
                if row.key in out:
                    self.warnings.append(f"table {table}: row {row.key} not found" if i not in seen
                                         else f"table {table}: row {row.key} has no values")
                continue
            read, notes = read_run(values, columns, rules if row.width > 1 else (),
                                   stream.padding, stream.kept_blanks or bool(own),
                                   in_yuan and (row.key, T.WAN_YUAN[1]) == T.WAN_YUAN)
            if own and read:
                notes.append(f"read by the table's own header ({' | '.join(header)})" + "".join(
                    f"; its column {cell} is not the format's, {value} left out"
                    for c, cell, value in zip(own, header, read) if c is None and value is not None))
                read = [read[own.index(c)] if c in own else None for c in row.columns]
            self.warnings += [f"table {table}: row {row.key}: {note}" for note in notes]
            out[row.key] = read
        if lost:
            self.warnings.append(f"table {table}: the text ends inside the table; rows "
                                 f"{', '.join(lost)} not read")
        return out

    def _left_out(self, table: str, runs: list[Run]) -> None:
        for run in runs:
            self.warnings.append(f"table {table}: numbers {_shown(run.values.cells)!r} "
                                 "fit no row and were left out")

    def active(self) -> tuple[dict | None, str | None]:
        stream = self.stream("active_disclosure")
        if stream is None:
            return None, None
        tpl = self.active_fmt = self.active_format(stream)
        rows = T.active_rows(tpl or "2021", extra=True)
        # the template asks for 万元; a header in 元 converts the cell it heads
        in_yuan = bool(re.search(r"单位:?元|\(元\)", stream.text))
        raw = self._rows(stream, rows, ordered=False, table="二", rules=(), in_yuan=in_yuan,
                         own_headers=True)
        self._left_out("二", self.spare["二"])
        table = {row.key: dict.fromkeys(row.columns) | dict(
            zip(self.renamed.get(row.key, row.columns), raw[row.key] or [None] * row.width))
            for row in rows if row.key in raw}
        return table, tpl

    @staticmethod
    def active_format(stream: Stream) -> str | None:
        is21 = stream.has(T.ACTIVE_HEADERS["2021"])
        is19 = stream.has(T.ACTIVE_HEADERS["2019"])
        if is21 != is19:
            return "2021" if is21 else "2019"
        return None

    def applications(self) -> tuple[dict | None, str | None]:
        stream = self.stream("applications")
        if stream is None:
            return None, None
        if stream.has(T.APPLICATIONS_2021_ONLY):
            tpl = "2021"
        elif stream.has(("其他处理",)):
            tpl = "2019"
        else:
            tpl = None
        rows = T.application_rows(tpl or self.active_fmt or "2021")
        raw = self._rows(stream, rows, ordered=True, table="三", rules=ROW_TOTAL,
                         header_words=T.APPLICANT_HEADER)
        table = {"columns": list(T.APPLICANT_COLUMNS),
                 "rows": {k: v if v is not None else [None] * 7 for k, v in raw.items()}}
        subtotals = self._subtotals(stream)
        if subtotals:
            table["subtotals"] = subtotals
        return table, tpl

    def _subtotals(self, stream: Stream) -> dict[str, list]:
        """Numbers on a result group's own label line (（三）不予公开 …) are its subtotal row."""
        found, left = {}, []
        for run in self.spare["三"]:
            label = stream.line_label(run.line)
            key = next((k for k, word in T.SUBTOTALS if word in label and k not in found), None)
            values = read_run(run.values, T.APPLICANT_COLUMNS, ROW_TOTAL, stream.padding,
                              stream.kept_blanks)[0] if key else None
            if values:
                found[key] = values
            else:
                left.append(run)
        self._left_out("三", left)
        return found

    def review(self) -> dict | None:
        columns = tuple(f"{g}.{c}" for g in T.REVIEW_GROUPS for c in T.REVIEW_COLUMNS)
        width = len(columns)
        stream = self.stream("review_litigation")
        if stream is not None:
            header = re.search(r"维持|纠正|审结|总计", stream.text)
            runs = [r for r in stream.runs if header and r.pos >= header.start()]
        else:
            # heading and header lost: a row of exactly 15 numbers after table 三 is table 四
            runs = [r for r in self.spare.get("三", []) if len(r.values.cells) == width][-1:]
            if not runs:
                return None
            self.warnings.append("table 四: header lost; read from the row of 15 numbers "
                                 "after table 三")
        runs = _leading_runs(runs, width)
        cells: list[str] = []
        structured = all(r.values.structured for r in runs)
        for r in runs:
            cells += r.values.cells
        glued = any(r.values.glued for r in runs)
        row = Values(cells, structured, glued, open_end=bool(runs) and runs[-1].values.open_end,
                     breaks=bool(runs) and all(r.values.breaks for r in runs))
        values, notes = None, []
        if stream is not None and stream.cut and not _complete(row, columns):
            notes = ["the text ends inside the table; its values are not read"]
        elif runs:
            values, notes = read_run(row, columns, GROUP_TOTALS, stream and stream.padding,
                                     stream is None or stream.kept_blanks)
        if values and len(runs) > 1 and None not in values and not holds(GROUP_TOTALS, values):
            # numbers torn apart by header words (PDF text): their order is not certain
            values, notes = None, ["numbers interleaved with header words and totals do not add up"]
        if not runs:
            self.warnings.append("table 四: no values found")
        self.warnings += [f"table 四: {note}" for note in notes]
        values = values or [None] * width
        n = len(T.REVIEW_COLUMNS)
        return {g: dict(zip(T.REVIEW_COLUMNS, values[i * n:(i + 1) * n]))
                for i, g in enumerate(T.REVIEW_GROUPS)}


def _shown(cells: list[str]) -> str:
    return " ".join(c for c in cells if c.strip())


def _leading_runs(runs: list[Run], width: int) -> list[Run]:
    """The first runs that hold exactly ``width`` cells, when later numbers are prose."""
    total = 0
    for k, run in enumerate(runs):
        total += len(run.values.cells)
        if total == width:
            return runs[:k + 1]
    return runs


def template_of(active: str | None, apps: str | None) -> str | None:
    """The record's template: one format, or "mixed" when tables 二 and 三 disagree."""
    if active and apps and active != apps:
        return "mixed"
    return active or apps


TABLE_NAMES = {"active_disclosure": "二", "applications": "三", "review_litigation": "四"}


def read_tables(text: str, shape: str | None = None) -> dict:
    """The three tables of a normalised text: {name: (table or None, format, warnings)}."""
    reader = Reader(text, shape)
    active, active_fmt = reader.active()
    apps, apps_fmt = reader.applications()
    review = reader.review()
    found = {"active_disclosure": (active, active_fmt), "applications": (apps, apps_fmt),
             "review_litigation": (review, None)}
    return {name: (table, fmt, [w for w in reader.warnings
                                if w.startswith(f"table {TABLE_NAMES[name]}")])
            for name, (table, fmt) in found.items()}

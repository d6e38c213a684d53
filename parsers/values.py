"""Cell values: what a cell says (number, blank, not-applicable) and how glued digits split.

Blank is not zero: a blank cell and the not-applicable marks (/ — - 无) read as
None. A run of digits that lost its separators is split only where the split
is certain: each reading of the digits (any cell may also be blank) must have
no number with a leading zero and must keep the template's totals rules, and a
cell is kept only where every such reading agrees on it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

Number = float | int

NULL_MARKS = frozenset({"/", "\\", "—", "——", "-", "--", "–", "―", "─", "无", "/ ", "×", "x", "X", "空"})

_UNIT = r"(?:万元|元|件|个|条|项|次|人)"
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(" + _UNIT + r")?$")
# A number followed by a note in brackets: "22（其中修订16件）".
_NOTED = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(" + _UNIT + r")?\s*\(([^()]*)\)$")


class Cell(NamedTuple):
    """One cell as read: ``value`` (None when blank or not applicable), the ``unit``
    stated in the cell, and a ``note`` when the reading needs a warning."""

    value: Optional[Number]
    unit: str = ""
    note: str = ""


def to_number(sign: str, digits: str, frac: str | None) -> Number:
    digits = digits.replace(",", "")
    if frac:
        return float(sign + digits + frac)
    return int(sign + digits)


@lru_cache(maxsize=4096)
def read_cell(raw: str | None) -> Cell | None:
    """A value cell, or None when the text is a label (not a value)."""
    text = "".join((raw or "").split())
    if not text or text in NULL_MARKS or set(text) <= set("/-—–―─"):
        return Cell(None)
    m = _NUMBER.match(text)
    if m:
        return Cell(to_number(m.group(1), m.group(2), m.group(3)), m.group(4) or "")
    m = _NOTED.match(text)
    if m:
        num = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
        return Cell(num, m.group(2) or "", f"cell {text!r} read as {num} (note dropped)")
    return None


def is_value(raw: str | None) -> bool:
    return read_cell(raw) is not None


MAX_DIGITS = 12  # no cell of these tables runs to more digits


def _valid(piece: str) -> bool:
    return piece == "0" or (piece[0] != "0" and len(piece) <= MAX_DIGITS)


Rule = tuple[int, range]  # (index of a total cell, indexes of the cells it adds up)
Rules = tuple[Rule, ...]

ROW_TOTAL: Rules = ((6, range(0, 6)),)  # table 三: six applicant columns add up to 总计
GROUP_TOTALS: Rules = ((4, range(0, 4)), (9, range(5, 9)), (14, range(10, 14)))  # table 四


def holds(rules: Rules, values: list[Number | None]) -> bool:
    """Do the totals rules hold (a blank cell counting as 0)?"""
    return all(sum(values[i] or 0 for i in parts) == (values[total] or 0) for total, parts in rules)


MAX_STATES = 50_000


class TooMany(Exception):
    """More ways to read the digits than are worth trying."""


def split_glued(tokens: list[str], n: int, rules: Rules = (), max_digits: int = MAX_DIGITS
                ) -> tuple[list[Number | None] | None, str]:
    """Read digit tokens that lost their separators as n cells. Every cell of a
    reading is blank (glued text cannot show a blank) or the next piece of the
    current token, with no leading zero, and the totals rules must hold (a blank
    counting as 0). A cell is kept where all valid readings agree on it, None
    elsewhere. Returns (cells or None, why)."""
    signs = [t[0] if t[:1] in ("+", "-") else "" for t in tokens]
    digits = [t[len(sign):] for t, sign in zip(tokens, signs)]
    if not all(d.isdigit() for d in digits):
        return None, "a glued token is not a plain digit string"
    if len(tokens) > n:
        return None, f"{len(tokens)} numbers for {n} cells"
    try:
        options = _cell_options(signs, digits, n, rules, max_digits)
    except TooMany:
        return None, "too many ways to split the digits"
    if options is None:
        return None, "no split of the digits satisfies the template's totals"
    cells = [next(iter(o)) if len(o) == 1 else None for o in options]
    if all(v is None for v in cells):
        return None, "the digits split in more than one valid way"
    if any(len(o) > 1 for o in options):
        return cells, "only the cells every valid reading agrees on are kept"
    return cells, ""


def _cell_options(signs: list[str], digits: list[str], n: int, rules: Rules, max_digits: int
                  ) -> list[set] | None:
    """For each cell, the values it takes over all valid readings (None: blank);
    None when there is no valid reading. A search over states (cell, token,
    offset, running sum of the open totals rule) with memoised completion, so
    the readings are never listed one by one. Rules must be runs of addends each
    followed by its total cell, as the template's are."""
    role = {}
    for total, parts in rules:
        role.update({i: "part" for i in parts})
        role[total] = "total"
    completes: dict[tuple, bool] = {}
    after = [sum(map(len, digits[t:])) for t in range(len(digits) + 1)]  # digits from token t on

    def ceiling(t: int, o: int) -> int:
        """The largest total the digits left could still spell."""
        return 10 ** min(after[t] - o, max_digits) - 1

    def moves(k: int, t: int, o: int, run: int):
        """(value, next state) for cell k: a blank, or each valid next piece."""
        pieces = [(None, t, o)]
        if t < len(digits):
            token = digits[t]
            for end in range(o + 1, min(len(token), o + max_digits) + 1):
                piece = token[o:end]
                if piece[0] == "0" and end > o + 1:
                    break
                value = int((signs[t] if o == 0 else "") + piece)
                pieces.append((value, *((t + 1, 0) if end == len(token) else (t, end))))
        for value, nt, no in pieces:
            kind = role.get(k)
            if kind == "total":
                if (value or 0) != run:
                    continue
                nxt = 0
            elif kind == "part":
                nxt = run + (value or 0)
                if nxt > ceiling(nt, no):
                    continue
            else:
                nxt = run
            yield value, (k + 1, nt, no, nxt)

    def complete(state: tuple) -> bool:
        if state not in completes:
            if len(completes) > MAX_STATES:
                raise TooMany
            k, t, o, run = state
            completes[state] = (t == len(digits)) if k == n else any(
                complete(nxt) for _, nxt in moves(*state))
        return completes[state]

    if not complete((0, 0, 0, 0)):
        return None
    options: list[set] = [set() for _ in range(n)]
    frontier = {(0, 0, 0, 0)}
    for k in range(n):
        following = set()
        for state in frontier:
            for value, nxt in moves(*state):
                if complete(nxt):
                    options[k].add(value)
                    following.add(nxt)
        frontier = following
    return options

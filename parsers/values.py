"""Cell values: what a cell says (number, blank, not-applicable) and how glued digits split.

Blank is not zero: a blank cell and the not-applicable marks (/ — - 无) read as
None. A run of digits that lost its separators is split only where the split
is certain: numbers have no leading zeros, the template's totals rule (where
there is one) must hold, and a cell is kept only where every such reading
agrees on it.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Callable, Iterator, Optional

Number = float | int
Constraint = Callable[[list[Number]], bool]

# Full-width ASCII, ideographic and no-break spaces -> ASCII; length-preserving so
# offsets into the normalised text are offsets into the original.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x200B: 0x20, 0xFEFF: 0x20, 0x2212: 0x2D})


def normalize(text: str) -> str:
    """Full-width digits, letters, brackets and odd spaces as ASCII, same length."""
    return text.translate(_FULLWIDTH)


NULL_MARKS = frozenset({"/", "\\", "—", "——", "-", "--", "–", "―", "─", "无", "/ ", "×", "x", "X", "空"})

_UNIT = r"(?:万元|元|件|个|条|项|次|人)"
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(" + _UNIT + r")?$")
# A number followed by a note in brackets: "22（其中修订16件）".
_NOTED = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(" + _UNIT + r")?\s*\(([^()]*)\)$")


class Cell:
    """One cell as read: ``value`` (None when blank or not applicable), ``raw``,
    ``unit`` stated in the cell, and ``note`` when the reading needs a warning."""

    __slots__ = ("raw", "value", "unit", "note")

    def __init__(self, raw: str, value: Optional[Number], unit: str = "", note: str = ""):
        self.raw, self.value, self.unit, self.note = raw, value, unit, note

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cell({self.raw!r}->{self.value!r})"


def to_number(sign: str, digits: str, frac: str | None) -> Number:
    digits = digits.replace(",", "")
    if frac:
        return float(sign + digits + frac)
    return int(sign + digits)


def read_cell(raw: str | None) -> Cell | None:
    """A value cell, or None when the text is a label (not a value)."""
    text = "".join((raw or "").split())
    if not text or text in NULL_MARKS or set(text) <= set("/-—–―─"):
        return Cell(raw or "", None)
    m = _NUMBER.match(text)
    if m:
        return Cell(raw, to_number(m.group(1), m.group(2), m.group(3)), m.group(4) or "")
    m = _NOTED.match(text)
    if m:
        num = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
        return Cell(raw, num, m.group(2) or "", f"cell {text!r} read as {num} (note dropped)")
    return None


def is_value(raw: str | None) -> bool:
    return read_cell(raw) is not None


def _valid(piece: str) -> bool:
    return piece == "0" or (piece[0] != "0" and len(piece) <= 12)


def _cuts(token: str, k: int) -> Iterator[list[str]]:
    """Ways to cut a digit string into k numbers without leading zeros."""
    if k == 1:
        if _valid(token):
            yield [token]
        return
    for i in range(1, len(token) - k + 2):
        head = token[:i]
        if not _valid(head):
            break
        for rest in _cuts(token[i:], k - 1):
            yield [head, *rest]


def _splits(tokens: list[str], extra: int) -> Iterator[list[list[str]]]:
    """Ways to turn the tokens into len(tokens) + extra numbers (pieces per token)."""
    if not tokens:
        if extra == 0:
            yield []
        return
    head, rest = tokens[0], tokens[1:]
    for more in range(0, min(extra, len(head) - 1) + 1):
        for pieces in _cuts(head, more + 1):
            for tail in _splits(rest, extra - more):
                yield [pieces, *tail]


MAX_CANDIDATES = 20000


def _readings(signs: list[str], digits: list[str], n: int, constraint: Constraint | None
              ) -> Iterator[list[Number | None]]:
    """Every reading of the digits as n cells that the constraint allows. Without a
    constraint, readings with one or more blank cells count too: glued text cannot
    show a blank, and nothing else could rule one out."""
    for blanks in range(0, n - len(digits) + 1 if constraint is None else 1):
        for split in _splits(digits, n - blanks - len(digits)):
            values: list[Number | None] = [
                int(sign + piece) if i == 0 else int(piece)
                for sign, pieces in zip(signs, split) for i, piece in enumerate(pieces)]
            if blanks:
                for where in combinations(range(n), blanks):
                    yield [None if k in where else values[k - sum(w < k for w in where)]
                           for k in range(n)]
            elif constraint is None or constraint(values):
                yield values


def split_glued(tokens: list[str], n: int, constraint: Constraint | None = None
                ) -> tuple[list[Number | None] | None, str]:
    """Read digit tokens that lost their separators as n cells. A cell is kept where
    every valid reading agrees on it (numbers have no leading zeros; the template's
    totals rule, when given, must hold) and is None elsewhere. Returns (cells or
    None, reason)."""
    signs = [t[0] if t[:1] in ("+", "-") else "" for t in tokens]
    digits = [t[len(sign):] for t, sign in zip(tokens, signs)]
    if not all(d.isdigit() for d in digits):
        return None, "a glued token is not a plain digit string"
    if len(tokens) > n or sum(map(len, digits)) < n - (0 if constraint else n):
        return None, f"{len(tokens)} number(s) cannot make {n} cells"
    agreed: list[Number | None] | None = None
    for count, reading in enumerate(_readings(signs, digits, n, constraint)):
        if count >= MAX_CANDIDATES:
            return None, "too many ways to split the digits"
        agreed = reading if agreed is None else [a if a == b else None
                                                  for a, b in zip(agreed, reading)]
    if agreed is None:
        return None, "no split of the digits satisfies the template's totals"
    if all(v is None for v in agreed):
        return None, "the digits split in more than one valid way"
    if None in agreed:
        return agreed, "only the cells every valid split agrees on are kept"
    return agreed, ""


def row_total(values: list[Number]) -> bool:
    """Template rule: the six applicant columns add up to the total column."""
    return sum(values[:-1]) == values[-1]


def group_totals(values: list[Number]) -> bool:
    """Template rule for table 四: each group of five is four parts and their total."""
    return all(sum(values[g:g + 4]) == values[g + 4] for g in range(0, len(values), 5))

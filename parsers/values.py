"""Cell values: what a cell says, what its column can hold, and where the cells of a
row go when the text lost some of its separators.

Blank is not zero: a blank cell and the not-applicable marks (/ — - 无) read as
None. A cell says a number, a signed or worded change (+2, 减4, 未增未减), a
number with a unit (3235727元, 205(万), 6项) or a note (22(其中修订16件)); one
rule for every path then decides whether its column can hold it (``settle``):
counts are whole numbers from 0 to MAX_COUNT, a change may be negative, only
money has decimals. Anything else is None with a note naming what it said.

A row whose separators were lost (glued digits, blank cells dropped) is placed
only where the placing is certain (``place``): every reading (any cell may be
blank, a glued digit string may hold several cells, none with a leading zero)
must keep the template's totals rules, and a cell is kept only where every
such reading agrees on it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

Number = float | int

NULL_MARKS = frozenset({"/", "\\", "—", "——", "-", "--", "–", "―", "─", "无", "/ ", "×", "x", "X", "空"})

# How a cell was written, beyond its number: only a change column (本年增/减) takes a
# sign, a change word or an 增/减 pair; a plus sign alone changes no number, and a count
# takes it with a warning (PLUS).
SIGNED, PAIR, PLUS = "signed", "pair", "plus"
MONEY_UNITS = ("万元", "万", "元")

_CELL = re.compile(
    r"(?P<word>增加|增长|新增|增|减少|减)?(?P<sign>--|[+-])?"
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?"
    r"(?P<unit>万元|万|元|[件个条项項次人份家])?(?:\((?P<paren>[^()]*)\))?")
_NO_CHANGE = frozenset({"未增未减", "无增减", "无增无减", "不增不减", "未增减", "持平", "无变化"})
_PAIR = re.compile(r"([0-9]+)/([0-9]+)")
# Text made of digits (any script), signs, separators, units and words of estimate (100余,
# 约20): a value, readable or not.
_VALUE_LIKE = re.compile(r"[-+约近]?\d[\d\s,.+\-/()万元件个条项項次人份家余多%]*")
_SPACED_DIGITS = re.compile(r"\d\s+\d")
# A glyph a copy put where it lost a character (a no-break space, a full-width digit, a
# word): "?" from a failed conversion, the replacement character, a missing-glyph box.
# Never a sign or a dash: those say something of the number.
LOST_GLYPHS = "?\ufffd\u25a1"
# One lost glyph at one end of a cell, apart from the rest by a space: a lost glyph
# right against the digits may have been a digit itself (a full-width 1 in "?0").
_LOST_GLYPH = re.compile(rf"[{LOST_GLYPHS}]\s+(?P<a>\S.*)|(?P<b>.*\S)\s+[{LOST_GLYPHS}]")


class Cell(NamedTuple):
    """One cell as read: ``value`` (None when blank, not applicable or unreadable), the
    money ``unit`` it states, a ``note`` when the reading needs a warning, the cell's
    ``text`` and its ``kind`` (SIGNED, PAIR, PLUS or "")."""

    value: Optional[Number]
    unit: str = ""
    note: str = ""
    text: str = ""
    kind: str = ""


def to_number(sign: str, digits: str, frac: str | None) -> Number:
    digits = digits.replace(",", "")
    if frac:
        return float(sign + digits + frac)
    return int(sign + digits)


@lru_cache(maxsize=4096)
def read_cell(raw: str | None) -> Cell | None:
    """A value cell, or None when the text is a label (not a value)."""
    text = (raw or "").strip()
    if not text or text in NULL_MARKS or set(text) <= set("/-—–―─ "):
        return Cell(None)
    if text[0] in LOST_GLYPHS or text[-1] in LOST_GLYPHS:
        return _lost_glyph(text)
    compact = "".join(text.split())
    if compact in _NO_CHANGE:
        return Cell(0, text=text, kind=SIGNED)
    m = _CELL.fullmatch(compact)
    if m and not _SPACED_DIGITS.search(text):
        negative = m["sign"] in ("-", "--") or (m["word"] or "").startswith("减")
        value = to_number("-" if negative else "", m["int"], m["frac"])
        unit = m["unit"] if m["unit"] in MONEY_UNITS else ""
        note = ""
        if m["paren"] is not None:
            if m["paren"] in MONEY_UNITS and not unit:
                unit = m["paren"]
            else:
                note = f"cell {text!r} read as {value} (note dropped)"
        if m["sign"] == "--":
            note = f"cell {text!r}: a doubled minus read as one ({value})"
        kind = PLUS if m["sign"] == "+" and not m["word"] else SIGNED if m["word"] or m["sign"] else ""
        return Cell(value, unit, note, text, kind)
    m = _PAIR.fullmatch(compact)
    if m:
        if m[1] == m[2] == "0":
            return Cell(0, text=text, kind=PAIR)
        return Cell(None, note=f"cell {text!r} holds two numbers", text=text)
    if _VALUE_LIKE.fullmatch(text) and not text.endswith((".", "、")):
        why = ("digits parted by a space: one number or two cells"
               if _SPACED_DIGITS.search(text) else "not a number")
        return Cell(None, note=f"cell {text!r}: {why}", text=text)
    return None


def _lost_glyph(text: str) -> Cell | None:
    """A cell that begins or ends with a lost glyph: alone, an unreadable cell; apart
    from one number, the number with a note; against the digits, unreadable (it may
    have been one of them); beside anything else, label text (None)."""
    if len(text) == 1:
        return Cell(None, note=f"cell {text!r}: a glyph the copy lost, not read", text=text)
    lost = _LOST_GLYPH.fullmatch(text)
    if lost:
        return _beside_lost_glyph(text, lost["a"] or lost["b"])
    if _VALUE_LIKE.fullmatch(text.strip(LOST_GLYPHS)):
        return Cell(None, note=f"cell {text!r}: a lost glyph against the digits, perhaps "
                               "one of them: not read", text=text)
    return None


def _beside_lost_glyph(text: str, rest: str) -> Cell | None:
    """A cell of one number and a lost glyph apart from it: the number, with a note;
    anything else beside the glyph (a word, two numbers, a second glyph) is not read."""
    cell = read_cell(rest)
    if cell is None:
        return None
    if cell.value is None or cell.note:
        return Cell(None, note=f"cell {text!r}: a lost glyph beside {rest!r}, not read", text=text)
    return cell._replace(note=f"cell {text!r}: a lost glyph beside the number, read as {cell.value}",
                         text=text)


def is_value(raw: str | None) -> bool:
    return read_cell(raw) is not None


MAX_COUNT = 999_999_999  # no count of these tables comes near a billion
MAX_AMOUNT = 10 ** 12    # 万元


def settle(cell: Cell, column: str, money: bool, signed: bool, in_yuan: bool = False,
           plus: bool = False) -> tuple[Number | None, str]:
    """The value ``cell`` gives its column, or None and why (the same rule on every path).
    ``money``: the column holds an amount in 万元 (decimals allowed; a cell or header in
    元 is converted); ``signed``: the column is a change (本年增/减); every other column
    counts things: a whole number from 0 to MAX_COUNT. ``plus``: the row has a change
    column, whose sign writers carry into the cells beside it (+22 under 上一年项目数量):
    there a plus sign changes no number and is read with a warning."""
    value = cell.value
    if value is None:
        return None, cell.note
    if cell.kind == PLUS and not signed and plus:
        cell = cell._replace(kind="", note=f"cell {cell.text!r}: a plus sign before a number "
                                           f"that is not a change, read as {value}")
    if cell.kind and not signed:
        return None, f"cell {cell.text!r} is a change, not a {'amount' if money else 'count'}"
    if money:
        if not 0 <= value <= MAX_AMOUNT:
            return None, f"cell {cell.text!r} is not a plausible amount"
        if cell.unit == "元" or (in_yuan and not cell.unit):
            return round(value / 10000, 6), f"stated in 元 ({value}), converted to 万元"
        return value, cell.note
    if cell.unit:
        return None, f"cell {cell.text!r} is an amount of money, not a count"
    if not isinstance(value, int):
        return None, f"cell {cell.text!r} is not a whole number"
    if not (-MAX_COUNT if signed else 0) <= value <= MAX_COUNT:
        return None, f"cell {cell.text!r} is not a plausible count"
    return value, cell.note


MAX_DIGITS = 12  # no cell of these tables runs to more digits


Rule = tuple[int, range]  # (index of a total cell, indexes of the cells it adds up)
Rules = tuple[Rule, ...]

ROW_TOTAL: Rules = ((6, range(0, 6)),)  # table 三: six applicant columns add up to 总计
GROUP_TOTALS: Rules = ((4, range(0, 4)), (9, range(5, 9)), (14, range(10, 14)))  # table 四


def holds(rules: Rules, values: list[Number | None]) -> bool:
    """Do the totals rules hold (a blank cell counting as 0)?"""
    return all(sum(values[i] or 0 for i in parts) == (values[total] or 0) for total, parts in rules)


MAX_STATES = 50_000


class TooMany(Exception):
    """More ways to read the row than are worth trying."""


Token = str | int  # a glued digit string (may hold several cells) or one whole cell's value


def place(tokens: list[Token], n: int, rules: Rules = (), max_digits: int = MAX_DIGITS
          ) -> tuple[list[Number | None] | None, str]:
    """Place the values of a row that lost separators into its n cells, in order.
    A whole token (int) is one cell; a glued digit string (str) is one or more
    consecutive cells, none with a leading zero; any cell may be blank (its blank
    was dropped, or glued text cannot show it); the totals rules must hold (a blank
    counting as 0). A cell is kept where all such readings agree on it, None
    elsewhere. Returns (cells or None, why)."""
    return _place(tuple(tokens), n, rules, max_digits)


@lru_cache(maxsize=4096)
def _place(tokens: tuple, n: int, rules: Rules, max_digits: int
           ) -> tuple[list[Number | None] | None, str]:
    glued = any(isinstance(t, str) for t in tokens)
    signs = tuple(t[0] if isinstance(t, str) and t[:1] in ("+", "-") else "" for t in tokens)
    digits = tuple(t[len(s):] if isinstance(t, str) else t for t, s in zip(tokens, signs))
    if not all(d.isascii() and d.isdigit() for d in digits if isinstance(d, str)):
        return None, "a glued token is not a plain digit string"
    if len(tokens) > n:
        return None, f"{len(tokens)} numbers for {n} cells"
    if rules and any(isinstance(t, int) and t < 0 for t in tokens):
        return None, "a negative number where the totals rules count things"
    try:
        options = _cell_options(signs, digits, n, rules, max_digits)
    except TooMany:
        return None, "too many ways to place the numbers"
    what = "digits" if glued else "numbers"
    if options is None:
        return None, f"no placing of the {what} satisfies the template's totals"
    cells = [next(iter(o)) if len(o) == 1 else None for o in options]
    if all(v is None for v in cells):
        return None, f"the {what} fit the cells in more than one way"
    if any(len(o) > 1 for o in options):
        return cells, "only the cells every valid reading agrees on are kept"
    return cells, ""


def _cell_options(signs: tuple, digits: tuple, n: int, rules: Rules, max_digits: int
                  ) -> list[set] | None:
    """For each cell, the values it takes over all valid readings (None: blank);
    None when there is no valid reading. States (token, offset, running sum of the
    open totals rule) are followed cell by cell, forward to every state a reading
    can reach and back from those that finish, so readings are never listed one by
    one. Rules must be runs of addends each followed by its total cell, as the
    template's are."""
    role = [""] * n
    for total, parts in rules:
        for i in parts:
            role[i] = "part"
        role[total] = "total"
    end = len(digits)
    # the largest single value the tokens from t on could still give
    top = [0] * (end + 1)
    for t in range(end - 1, -1, -1):
        d = digits[t]
        top[t] = max(d if isinstance(d, int) else 10 ** min(len(d), max_digits) - 1, top[t + 1])

    # the row's last cell, when it is a total, ends the digits: its rule's sum cannot pass
    # the largest number the last token ends with
    cap = None
    if rules and rules[-1][0] == n - 1 and digits:
        last = digits[-1]
        cap = last if isinstance(last, int) else max(
            int(last[-size:]) for size in range(1, min(len(last), max_digits) + 1)
            if size == 1 or last[-size] != "0")
    capped = set(rules[-1][1]) if cap is not None else set()
    memo: dict[tuple, list[tuple]] = {}

    def pieces(t: int, o: int) -> list[tuple]:
        """(value, next token, next offset): a blank, or each valid next piece."""
        if (t, o) in memo:
            return memo[t, o]
        out = memo[t, o] = [(None, t, o)]
        if t < end:
            token = digits[t]
            if isinstance(token, int):
                out.append((token, t + 1, 0))
            else:
                last = len(token)
                for stop in range(o + 1, min(last, o + max_digits) + 1):
                    if token[o] == "0" and stop > o + 1:
                        break
                    value = int((signs[t] if o == 0 else "") + token[o:stop])
                    out.append((value, t + 1, 0) if stop == last else (value, t, stop))
        return out

    steps: list[list[tuple]] = []  # per cell: (state, value, next state)
    frontier = {(0, 0, 0)}
    seen = 0
    for k in range(n):
        edges = []
        cells_left = n - k - 1
        for state in frontier:
            t, o, run = state
            for value, nt, no in pieces(t, o):
                if end - nt > cells_left:  # every token left needs a cell of its own
                    continue
                v = value or 0
                if role[k] == "total":
                    if v != run:
                        continue
                    nxt = (nt, no, 0)
                elif role[k] == "part":
                    total = run + v
                    ceiling = cap if k in capped else top[nt] if no == 0 else max(
                        10 ** min(len(digits[nt]) - no, max_digits) - 1, top[nt + 1])
                    if total > ceiling:  # the total, still to come, could not be that large
                        continue
                    nxt = (nt, no, total)
                else:
                    nxt = (nt, no, run)
                edges.append((state, value, nxt))
        steps.append(edges)
        frontier = {nxt for _, _, nxt in edges}
        seen += len(frontier)
        if seen > MAX_STATES:
            raise TooMany
    good = {state for state in frontier if state[0] == end}
    if not good:
        return None
    options: list[set] = [set() for _ in range(n)]
    for k in range(n - 1, -1, -1):
        before = set()
        for state, value, nxt in steps[k]:
            if nxt in good:
                options[k].add(value)
                before.add(state)
        good = before
    return options

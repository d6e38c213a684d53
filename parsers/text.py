"""Text helpers of the whole parser, in one place: whitespace, characters, dates.

``normalize`` is what every recogniser reads: full-width forms as ASCII,
traditional characters as simplified (OpenCC, only when the text is written in
traditional characters: a simplified text is left alone, since the converter
would also turn real simplified names such as 乾县 into 干县), and the pinyin
that mojibake mirrors print after each character (``數(shù)``) removed. The
record keeps the page's own text; ``Normalized.origin`` maps a position in the
normalised text back to the original.
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

# Full-width ASCII, ideographic and no-break spaces, the minus sign -> ASCII.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x200B: 0x20, 0xFEFF: 0x20, 0x2212: 0x2D})

_CJK_RANGE = "\u4e00-\u9fff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin syllable with its tone mark, in brackets, right after a character: what
# mirrors that "annotate" a page print (數(shù), 據(jù)); brackets may be full-width.
_PINYIN_NOTE = re.compile(rf"(?<=[{_CJK_RANGE}])[(（](?=[a-zü{_TONED}]{{0,5}}[{_TONED}])[a-zü{_TONED}]{{1,6}}[)）]")
_SPACE = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """Whitespace (ideographic and no-break spaces included) out of a Chinese title or name."""
    return _SPACE.sub("", text or "")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # the maintained binding of OpenCC; loaded on first traditional text

    return opencc.OpenCC("t2s.json")


def traditional_chars_simplified(text: str) -> str:
    """Each character outside GB 2312 in its simplified form, the rest as is: for short
    names, where a whole-text judgement has too little to go on (乾县 and 於潜 stay)."""
    if all(_in_gb2312(ch) for ch in text):
        return text
    convert = _converter().convert
    return "".join(ch if _in_gb2312(ch) else convert(ch) for ch in text)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _cjk(chars) -> set[str]:
    return {ch for ch in chars if "\u4e00" <= ch <= "\u9fff"}


def is_traditional(text: str, converted: str | None = None) -> bool:
    """Written in traditional characters: at least 3 distinct characters, and 5 % of the
    distinct characters, disappear on conversion (a simplified text loses none, or one
    or two rare ones such as 乾)."""
    converted = _converter().convert(text) if converted is None else converted
    distinct = _cjk(set(text))
    gone = distinct - set(converted)
    return len(gone) >= 3 and len(gone) >= 0.05 * len(distinct)


def _outside_gb2312(text: str) -> int:
    """How many distinct Chinese characters of ``text`` GB 2312 lacks (traditional forms
    do: 國, 們, 開; a simplified text has none, or a few rare ones in names)."""
    return "".join(_cjk(set(text))).encode("gb2312", errors="replace").count(b"?")


def to_simplified(text: str) -> str:
    """The text in simplified characters if it is written in traditional ones, else as is;
    same length (OpenCC's t2s maps characters one to one; if a phrase rule ever
    changed the length, the characters are converted one by one). A text written in
    traditional characters has many outside GB 2312: one with fewer than 3 is taken as
    simplified without running the converter (which would also change simplified
    characters such as 乾)."""
    if not text or _outside_gb2312(text) < 3:
        return text
    converted = _converter().convert(text)
    if not is_traditional(text, converted):
        return text
    if len(converted) != len(text):
        convert = _converter().convert
        converted = "".join(convert(ch) if "\u4e00" <= ch <= "\u9fff" else ch for ch in text)
    return converted


class Normalized(NamedTuple):
    """The normalised text, and where characters were removed (for ``origin``)."""

    text: str
    cuts: tuple[int, ...] = ()  # positions in ``text`` after which one more original character was removed
    removed: tuple[int, ...] = ()  # running count of removed characters at each cut

    def origin(self, pos: int) -> int:
        """The position in the original text of position ``pos`` of the normalised text."""
        k = bisect.bisect_right(self.cuts, pos)
        return pos + (self.removed[k - 1] if k else 0)


def normalized(text: str) -> Normalized:
    """``normalize`` with the map back to the original's positions."""
    text = to_simplified(text.translate(_FULLWIDTH))
    if "(" not in text:
        return Normalized(text)
    pieces, cuts, removed, last, total = [], [], [], 0, 0
    for m in _PINYIN_NOTE.finditer(text):
        pieces.append(text[last:m.start()])
        total += m.end() - m.start()
        cuts.append(m.start() - (total - (m.end() - m.start())))
        removed.append(total)
        last = m.end()
    if not cuts:
        return Normalized(text)
    pieces.append(text[last:])
    return Normalized("".join(pieces), tuple(cuts), tuple(removed))


def normalize(text: str) -> str:
    """Full-width forms as ASCII, traditional characters as simplified, mirrors' pinyin
    notes removed (see the module docstring)."""
    return normalized(text).text


_CJK_NEAR = r"\u2014\u2018-\u201f\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"[ \u00a0\u3000]+(?=[{_CJK_NEAR}])|(?<=[{_CJK_NEAR}])[ \u00a0\u3000]+")


def tidy_line(text: str) -> str:
    """One visual line -> its text without the spaces that justification or glyph
    gaps put between Chinese characters ("结 果" -> "结果"); tabs, which mark
    column gaps, stay."""
    return _SPACE_NEAR_CJK.sub("", text).strip()


def join_wrapped(lines: list[str]) -> str:
    """Lines of one cell or paragraph -> one string. Wrapped Chinese and wrapped
    numbers ("400" / "1") join with nothing; only two Latin words get a space."""
    out = ""
    for line in (tidy_line(x) for x in lines):
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out


DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")


def iso_date(text: str | None) -> str | None:
    """The first date in ``text`` (`2020年08月02日`, `2024-1-16 10:00`, `[2017-04-24]`)
    as ``YYYY-MM-DD``; None when there is none or it is not a real day."""
    m = DATE.search(text or "")
    return _real_day(*m.groups()) if m else None


def _real_day(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None

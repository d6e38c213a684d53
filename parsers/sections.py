"""The six sections: find each heading, in order, under its many spellings.

A heading is an ordinal (三、 3、 （三） 3. , markdown #'s allowed) followed by
the section's words; it may sit at a line start or glued after the previous
sentence. A first pass wants the ordinal to match the section; a second pass,
for what is still missing, accepts any ordinal or none (non-standard outlines,
lost numbers) but only the official wording.
"""
from __future__ import annotations

import re
from typing import Callable

from .template import SECTIONS, SECTION_ORDINALS, SECTION_WORDS

_CN = "一二三四五六七八九十"
_BEFORE = r"(?<![^\s\d。；;：:！!)\]#])"  # at the start, or after a space, digit or sentence end


def _ordinal(index: int | None) -> str:
    if index is None:
        cn, digit = f"[{_CN}]{{1,2}}", r"\d{1,2}"
    else:
        cn, digit = SECTION_ORDINALS[index], str(index + 1)
    return rf"(?:\(\s*{cn}\s*\)|{cn}\s*[、.]|{digit}\s*[、.](?!\d)|\(\s*{digit}\s*\))"


def _words(words) -> str:
    return "|".join(r"\s*".join(map(re.escape, w)) for w in words)


def _heading(index: int | None, words, before: str = _BEFORE) -> re.Pattern:
    # the words must come within a short digit-free stretch after the ordinal
    return re.compile(rf"{before}#*\s*{_ordinal(index)}\s*[^\n\d]{{0,12}}?(?:{_words(words)})")


# the right ordinal and words are strong enough to find a heading glued to anything
_STRICT = [_heading(i, SECTION_WORDS[name], "") for i, name in enumerate(SECTIONS)]
_LOOSE = [_heading(None, SECTION_WORDS[name][:2]) for name in SECTIONS]
_BARE = [re.compile(rf"(?m)^[ \t#]*(?:{_words(SECTION_WORDS[name][:1])})[ \t]*$") for name in SECTIONS]


def find_headings(text: str) -> dict[str, tuple[int, int]]:
    """Span of each section heading found (normalised text), in document order."""
    found: dict[str, tuple[int, int]] = {}
    for patterns in (_STRICT, _LOOSE, _BARE):
        for i, name in enumerate(SECTIONS):
            if name in found:
                continue
            lo = max((found[n][1] for n in SECTIONS[:i] if n in found), default=0)
            hi = min((found[n][0] for n in SECTIONS[i + 1:] if n in found), default=len(text))
            m = patterns[i].search(text, lo, hi)
            if m:
                found[name] = (m.start(), _line_end(text, m.end()))
    return found


_HEADING_TAIL = re.compile(r"[^\s。，,；;]{0,14}[:：]?[ \t]*(?=\n|$)")


def _line_end(text: str, pos: int) -> int:
    """A heading runs to its line end when the rest is a short tail of its words
    ("…和提起行政诉讼情况"); otherwise the body is glued on right after the words."""
    m = _HEADING_TAIL.match(text, pos)
    return m.end() if m else pos


def split_sections(text: str, original: str | None = None,
                   origin: Callable[[int], int] | None = None,
                   headings: dict[str, tuple[int, int]] | None = None) -> dict[str, str | None]:
    """Body text of each section, from ``original`` if given: at the same offsets, or
    at ``origin(offset)`` when normalising removed characters. ``headings``: those
    ``find_headings`` found in ``text``, when the caller has them already."""
    source = original if original is not None else text
    at = origin or (lambda pos: pos)
    heads = find_headings(text) if headings is None else headings
    order = sorted(heads.items(), key=lambda kv: kv[1][0])
    out: dict[str, str | None] = dict.fromkeys(SECTIONS)
    for k, (name, (_, body_start)) in enumerate(order):
        end = order[k + 1][1][0] if k + 1 < len(order) else len(text)
        body = source[at(body_start):at(end)].strip()
        out[name] = body or None
    return out

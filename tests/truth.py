"""Compare a record with what a person read off the same text (tests/files/excerpts*/truth/).

The truth files name fields in their own words (see the excerpts README); this
module maps them onto record keys and sorts every judged field into one of:

- ``right``: both say the same;
- ``wrong``: both have a value and they differ;
- ``missed``: the person read a value, the record has null;
- ``invented``: the person left a table cell null (blank, cut off, columns
  lost), the record has a number there. A number nobody can read off the
  page is a guess: counted apart from ``wrong`` but just as bad.

A truth value that is a string (a unit inside the cell, ``"70487元"``) is not
judged, nor is a field the person could not settle (``org``/``year``/
``template`` null). An organ's name counts as the same in traditional and
simplified characters (the record gives it simplified, see the issue).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

EXCERPTS = Path(__file__).parent / "files" / "excerpts"
EXCERPTS2 = Path(__file__).parent / "files" / "excerpts2"  # a second sample, gathered afterwards
EXCERPTS3 = Path(__file__).parent / "files" / "excerpts3"  # a third, to measure generalisation
EXCERPTS4 = Path(__file__).parent / "files" / "excerpts4"  # a fourth, while tuning on the third
EXCERPTS5 = Path(__file__).parent / "files" / "excerpts5"  # a fifth, for measurement only

ROW_KEYS = {"normative": "normative_documents"}
COLUMNS_2021 = ("issued", "repealed", "in_force")
COLUMN_KEYS = {"prev_year_items": "previous"}
_COUNTS_2019 = ("previous", "change", "decisions")
NULL_ROW_COLUMNS = {
    **{("2021", row): COLUMNS_2021 for row in ("regulations", "normative")},
    **{("2021", row): ("decisions",) for row in ("licensing", "penalty", "coercion")},
    ("2021", "fees"): ("amount",),
    **{("2019", row): ("new_made", "new_public", "total_public") for row in ("regulations", "normative")},
    **{("2019", row): _COUNTS_2019 for row in ("licensing", "other_services", "penalty", "coercion")},
    ("2019", "fees"): ("previous", "change"),
    ("2019", "procurement"): ("count", "amount"),
}
TOTALS = {  # truth key -> (table, row, index or column)
    "apps_new_total": ("applications", "rows", "new_received", 6),
    "apps_carry_total": ("applications", "rows", "carried_over", 6),
    "results_total": ("applications", "rows", "total_processed", 6),
    "carry_next_total": ("applications", "rows", "carried_forward", 6),
    "review_total": ("review_litigation", "review", "total"),
}
GROUPS = ("org", "year", "template", "table 二 cells", "table 三/四 totals")


@dataclass
class Verdicts:
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)


def group_of(name: str) -> str:
    if name.startswith("art20."):
        return "table 二 cells"
    return name if name in ("org", "year", "template") else "table 三/四 totals"


def excerpt(number: str, folder: Path = EXCERPTS) -> tuple[str, str | None, dict]:
    """(text, url, truth) of excerpt NNN in ``folder``: line 1 is ``URL: <address>``, line 2 blank."""
    raw = (folder / "texts" / f"{number}.txt").read_text(encoding="utf-8")
    first, _, rest = raw.partition("\n")
    url = first.removeprefix("URL:").strip()
    truth = json.loads((folder / "truth" / f"{number}.json").read_text(encoding="utf-8"))
    return rest.removeprefix("\n"), (None if url in ("", "none") else url), truth


def numbers(folder: Path = EXCERPTS) -> list[str]:
    return sorted(p.stem for p in (folder / "texts").glob("*.txt"))


def _get(data, *path):
    for key in path:
        if data is None:
            return None
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def _expected_cells(truth: dict):
    """(name, record path, truth value) of every table cell the truth file covers."""
    template = truth.get("template")
    for row, value in (truth.get("art20") or {}).items():
        key = ROW_KEYS.get(row, row)
        if isinstance(value, list):
            for column, v in zip(COLUMNS_2021, value):
                yield f"art20.{row}.{column}", ("active_disclosure", key, column), v
        elif isinstance(value, dict):
            for column, v in value.items():
                column = COLUMN_KEYS.get(column, column)
                yield f"art20.{row}.{column}", ("active_disclosure", key, column), v
        elif isinstance(value, (int, float, str)):
            column = "amount" if row == "fees" else "decisions"
            yield f"art20.{row}.{column}", ("active_disclosure", key, column), value
        elif value is None:  # a row nobody could read: any number there is invented
            for column in NULL_ROW_COLUMNS.get((template, row), ()):
                yield f"art20.{row}.{column}", ("active_disclosure", key, column), None
    for name, path in TOTALS.items():
        yield name, path, truth.get(name)


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return a == b


def _squash(text):
    return re.sub(r"\s+", "", text) if isinstance(text, str) else text


def _simplified(name):
    """A name in simplified characters: the truth writes a traditional-character mirror's
    organ as the mirror prints it, the record gives it in simplified characters."""
    if not isinstance(name, str):
        return name
    from parsers.text import _converter

    return _converter().convert(name)


def judge(record: dict | None, truth: dict) -> Verdicts:
    """Sort every field the truth file can judge (see the module docstring)."""
    out = Verdicts()
    record = record or {}

    def verdict(name, got, want):
        if isinstance(want, str) and name.startswith(("art20.", "apps_", "results_", "carry_", "review_")):
            return  # a unit inside the cell: not a number the record must equal
        if want is None:
            if isinstance(got, (int, float)) and not isinstance(got, bool):
                out.invented.append(f"{name}: record {got}, truth null")
            return
        if got is None:
            out.missed.append(name)
        elif _same(got, want):
            out.right.append(name)
        else:
            out.wrong.append(f"{name}: record {got!r}, truth {want!r}")

    for name in ("org", "year", "template"):
        want, got = truth.get(name), record.get(name)
        if name == "org" and want is not None and got is not None and _simplified(got) == _simplified(want):
            want = got  # the same name, in the other script
        if want is not None:
            verdict(name, _squash(got), _squash(want))
    for name, path, want in _expected_cells(truth):
        verdict(name, _get(record, *path), want)
    return out


def parse_excerpt(number: str, folder: Path = EXCERPTS) -> tuple[dict | None, dict]:
    """The shared parser on one excerpt, as a caller with the page address would run it."""
    from parsers import parse_text
    from parsers.record import NotAReport

    text, url, truth = excerpt(number, folder)
    try:
        return parse_text(text, url=url), truth
    except NotAReport:
        return None, truth

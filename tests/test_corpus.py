"""Every real document of the corpus parses to the record read off it by hand.

Expected values live in tests/expected/*.json (read from the documents
themselves, with notes on every judgement call, see the README there); the
documents are copies in tests/files/corpus/ (see PROVENANCE.md there).

Two kinds of assertion:
- no wrong number, anywhere: every table cell is either the expected value or
  null, and a cell the document leaves blank or unreadable is null;
- exact records, field by field; where the parser knowingly falls short of
  what a person can read (torn tables it refuses to guess), the gap is listed
  in KNOWN_GAPS with the reason, as a strict xfail, so closing it shows up.
"""
import json
import re
from pathlib import Path

import pytest

from parsers.__main__ import parse_path
from parsers.text import squash

HERE = Path(__file__).parent
EXPECTED = sorted((HERE / "expected").glob("*.json"))
FIELDS = ("title", "org", "year", "published", "template", "active_disclosure",
          "applications", "review_litigation", "checks", "sections")

PLAIN_PDFTOTEXT = ("plain pdftotext sets table 三 in column blocks, numbers before labels: "
                   "rows are not placed")
KNOWN_GAPS = {
    ("huaian-2024-pdftotext", "applications"): PLAIN_PDFTOTEXT,
    ("huaian-2024-pdftotext", "checks"): PLAIN_PDFTOTEXT,
    ("huaian-2024-pdftotext", "review_litigation"):
        "plain pdftotext scrambles table 四; the review group a person can fix from prose",
    ("hzq2023-pdftotext", "applications"): PLAIN_PDFTOTEXT,
    ("hzq2023-pdftotext", "review_litigation"):
        "plain pdftotext splits table 四's numbers around header words; totals do not add up",
    ("hzq2023-pdftotext", "checks"): PLAIN_PDFTOTEXT,
    ("hzq2023-pdftotext", "active_disclosure"):
        "plain pdftotext puts 行政许可's number above its label; values above a label stay unplaced",
    ("hzq2024-pdftotext", "active_disclosure"):
        "plain pdftotext puts 行政许可's number above its label; values above a label stay unplaced",
    ("hzq2024-pdftotext", "applications"): PLAIN_PDFTOTEXT,
    ("hzq2024-pdftotext", "checks"): PLAIN_PDFTOTEXT,
    ("shanghai-kewei-2024", "applications"):
        "table 三 torn into label blocks and value blocks; pairing them is left to a person",
    ("shanghai-kewei-2024", "checks"): "follows from the torn table 三",
    ("shanghai-office-2025", "applications"):
        "labels of two rows printed out of order and in fragments",
    ("shanghai-office-2025", "checks"): "follows from the torn table 三",
}


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


_records: dict[Path, dict] = {}


def _record(path: Path) -> dict:
    if path not in _records:
        _records[path] = parse_path(HERE / "files" / "corpus" / _expected(path)["source"])
    return _records[path]


def _section_start(text: str | None) -> str | None:
    """A section's first words, markdown table and heading marks aside."""
    return squash(re.sub(r"[|#]", "", text)) if text else text


def _compare(field: str, record: dict, want: dict):
    got = record[field]
    if field == "checks":
        verdicts = {c["rule"]: c["ok"] for c in got}
        return {rule: verdicts.get(rule) for rule in want[field]}, want[field]
    if field == "sections":
        expect = {k: _section_start(v) for k, v in want[field].items()}
        return {k: _section_start(got[k])[:len(v)] if got[k] and v else got[k]
                for k, v in expect.items()}, expect
    if field in ("org", "title") and got in want.get(f"{field}_aliases", []):
        return got, got
    return got, want[field]


CASES = [pytest.param(p, f, id=f"{p.stem}-{f}",
                      marks=[pytest.mark.xfail(reason=KNOWN_GAPS[p.stem, f], strict=True)]
                      if (p.stem, f) in KNOWN_GAPS else [])
         for p in EXPECTED for f in FIELDS]


@pytest.mark.parametrize("path, field", CASES)
def test_record_matches_document(path, field):
    want = _expected(path)
    got, expect = _compare(field, _record(path), want)
    assert got == expect


def _cells(table, prefix=""):
    """(name, value) of every cell of a table record, flattened."""
    if isinstance(table, dict):
        for key, value in table.items():
            if key != "columns":
                yield from _cells(value, f"{prefix}{key}.")
    elif isinstance(table, list):
        for i, value in enumerate(table):
            yield f"{prefix}{i}", value
    else:
        yield prefix.rstrip("."), table


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_no_wrong_number(path):
    want, record = _expected(path), _record(path)
    wrong = []
    for table in ("active_disclosure", "applications", "review_litigation"):
        expected = dict(_cells(want[table]))
        for name, value in _cells(record[table]):
            if value is not None and expected.get(name) != value:
                wrong.append(f"{table}.{name}: read {value}, document says {expected.get(name)}")
    assert wrong == []


def test_every_document_has_expectations():
    sources = {_expected(p)["source"] for p in EXPECTED}
    assert len(sources) == len(EXPECTED) == 22

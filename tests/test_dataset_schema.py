"""The record's JSON Schema: the shipped file is what the template generates, every
record the parser makes on the corpus passes, malformed records do not (the
crawler's ValidationPipeline: tests/test_crawl_validate.py)."""
import copy
import json
from pathlib import Path

import pytest

from parsers.__main__ import parse_path
from parsers.schema import schema, validate
from parsers.schema.build import build_schema

HERE = Path(__file__).parent
CORPUS = sorted(p for p in (HERE / "files" / "corpus").rglob("*") if p.suffix in (".txt", ".md", ".html"))
DOCUMENTS = [HERE / "files" / "documents" / name for name in ("seed000.docx", "sample.pdf")]
SEED = HERE / "files" / "corpus" / "seeds" / "000_6f9c98eb08df172a.txt"


def test_shipped_schema_is_the_generated_one():
    """Regenerate with `python -m parsers.schema.build > parsers/schema/record.schema.json`."""
    assert schema() == build_schema()


def _records(paths):
    for path in paths:
        try:
            yield path, parse_path(path)
        except ValueError:  # not a report: no record to check
            continue


def test_every_corpus_record_is_valid():
    checked = 0
    for path, record in _records(CORPUS + DOCUMENTS):
        assert validate(json.loads(json.dumps(record))) == [], path
        checked += 1
    assert checked >= 25


@pytest.fixture(scope="module")
def good() -> dict:
    return json.loads(json.dumps(parse_path(SEED)))


def _set(record: dict, path: str, item) -> dict:
    broken = copy.deepcopy(record)
    keys = [int(key) if key.isdigit() else key for key in path.split("/")]
    target = broken
    for key in keys[:-1]:
        target = target[key]
    if item is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = item
    return broken


MALFORMED = [
    ("id", KeyError, "'id' is a required property"),
    ("id", "not-a-sha1", "id: 'not-a-sha1' does not match"),
    ("year", "2023", "year: '2023' is not of type"),
    ("template", "2020", "template: '2020' is not one of"),
    ("published", "2024/01/10", "published: '2024/01/10' does not match"),
    ("region/adcode", "1409", "region/adcode: '1409' does not match"),
    ("region/county", KeyError, "region: 'county' is a required property"),
    ("source/format", "exe", "source/format: 'exe' is not one of"),
    ("sections/problems", KeyError, "sections: 'problems' is a required property"),
    ("applications/rows/granted/6", "0", "applications"),              # a number as text
    ("applications/rows/granted", [0, 0, 0, 0, 0, 0], "applications"),  # six values, not seven
    ("applications/rows/total_processed", KeyError, "applications"),
    ("active_disclosure/licensing/decisions", -1, "active_disclosure"),
    ("active_disclosure/fees/amount", "0.5万元", "active_disclosure"),
    ("review_litigation/review/total", 1.5, "review_litigation"),
    ("checks/0/rule", "applications.made_up", "checks/0/rule"),
    ("checks/0/ok", "yes", "checks/0/ok"),
    ("warnings", "one warning", "warnings: 'one warning' is not of type 'array'"),
]


@pytest.mark.parametrize("path,item,message", MALFORMED, ids=[f"{p}={i!r}" for p, i, _ in MALFORMED])
def test_malformed_records_are_rejected(good, path, item, message):
    problems = validate(_set(good, path, item))
    assert problems and any(message in problem for problem in problems), problems


def test_nulls_extra_keys_and_other_template_are_accepted(good):
    record = _set(good, "applications/rows/granted", [None] * 7)
    record = _set(record, "active_disclosure/fees/amount", 0.35)
    record["file"] = "seed.txt"  # record.md: add keys freely
    record["source"]["alternates"] = ["https://example.gov.cn/a.pdf"]
    assert validate(record) == []
    assert validate(_set(good, "applications", None)) == []

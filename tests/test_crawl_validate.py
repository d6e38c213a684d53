"""The crawler's ValidationPipeline: valid records pass; a record that breaks the schema becomes a
`schema` failure whose message names the path of each failing value, whole, even where the value
sits inside a table the schema allows to be null (jsonschema then blames the whole table)."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from crawler.items import Failure, Record
from crawler.pipelines.validate import ValidationPipeline
from parsers.__main__ import parse_path

SEED = Path(__file__).parent / "files" / "corpus" / "seeds" / "000_6f9c98eb08df172a.txt"
URL = "https://example.gov.cn/a/1.html"


@pytest.fixture(scope="module")
def good() -> dict:
    record = json.loads(json.dumps(parse_path(SEED)))
    record["source"].update(url=URL, page_url=URL, site="示例县人民政府", format="html")
    record["crawl"] = {"role": "page", "family": "generic"}
    return record


def broken(record: dict, path: str, value) -> Record:
    copy_ = copy.deepcopy(record)
    *keys, last = [int(key) if key.isdigit() else key for key in path.split("/")]
    target = copy_
    for key in keys:
        target = target[key]
    target[last] = value
    return Record(copy_)


def test_a_valid_record_passes(good):
    record = Record(copy.deepcopy(good))
    assert ValidationPipeline().process_item(record) is record


@pytest.mark.parametrize("path, value, message", [
    ("applications/rows/granted/3", -5, "applications/rows/granted/3: -5 is less than the minimum of 0"),
    ("applications/rows/new_received/6", "12.5", "applications/rows/new_received/6: '12.5' is not of type"),
    ("review_litigation/review/total", 1.5, "review_litigation/review/total: 1.5 is not of type"),
    ("year", "2023", "year: '2023' is not of type"),
])
def test_a_broken_record_becomes_a_failure_naming_the_cell(good, path, value, message):
    failure = ValidationPipeline().process_item(broken(good, path, value))
    assert isinstance(failure, Failure)
    assert (failure.stage, failure.kind, failure.url, failure.role) == ("parse", "schema", URL, "page")
    assert message in failure.error
    assert "is not valid under any of the given schemas" not in failure.error


def test_settings_validate_between_dedupe_and_writer():
    from crawler import settings
    order = sorted(settings.ITEM_PIPELINES, key=settings.ITEM_PIPELINES.get)
    assert order.index("crawler.pipelines.dedupe.DedupePipeline") < order.index(
        "crawler.pipelines.validate.ValidationPipeline") < order.index("crawler.pipelines.write.WritePipeline")

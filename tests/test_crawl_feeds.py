"""Scrapy's feed exports give exactly the records: `scrapy crawl reports -o out.jsonl`, and FEEDS
with item_classes: [crawler.items.Record].

Each crawls the farm once; the feed must hold the 138 records of reports.jsonl, each once, and
nothing else (no failure, no other-source line, no bytes), with no export error in the log.
The records in reports.jsonl may have gained source.alternates at close, after the export.
"""
from __future__ import annotations

import json

from farm import CLASSIC_SITES, build  # the nine classic sites: 138 reports (tests/test_farm.py)
from farm.run import crawl, write_inputs
from farm.server import FarmServer
from tests.test_crawl_farm import read_jsonl


def without_alternates(record: dict) -> dict:
    return {**record, "source": {k: v for k, v in record["source"].items() if k != "alternates"}}


def crawl_with(tmp_path, settings=None, extra=None):
    farm = build(1, CLASSIC_SITES)
    seeds, _ = write_inputs(farm, tmp_path)
    with FarmServer(farm) as server:
        result = crawl(server.proxy, seeds, tmp_path / "output", settings, extra=extra)
    assert result.returncode == 0, result.stderr[-3000:]
    return result, read_jsonl(tmp_path / "output" / "reports.jsonl")


def assert_exactly_the_records(feed: list[dict], records: list[dict], log: str):
    assert len(records) == 138
    assert len(feed) == len({line["id"] for line in feed}) == 138
    assert sorted(map(without_alternates, feed), key=lambda r: r["id"]) == sorted(
        map(without_alternates, records), key=lambda r: r["id"])
    assert "Error processing" not in log and "not JSON serializable" not in log and "Traceback" not in log


def test_dash_o_exports_exactly_the_records(tmp_path):
    out = tmp_path / "out.jsonl"
    result, records = crawl_with(tmp_path, extra=["-o", str(out)])
    assert_exactly_the_records(read_jsonl(out), records, result.stderr)


def test_feeds_with_item_classes(tmp_path):
    feeds = {str(tmp_path / "records.jsonl"): {"format": "jsonlines", "item_classes": ["crawler.items.Record"]},
             str(tmp_path / "records.csv"): {"format": "csv", "item_classes": ["crawler.items.Record"],
                                             "fields": ["id", "org", "year", "title"]}}
    result, records = crawl_with(tmp_path, {"FEEDS": json.dumps(feeds)})
    assert_exactly_the_records(read_jsonl(tmp_path / "records.jsonl"), records, result.stderr)
    rows = (tmp_path / "records.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,org,year,title" and len(rows) == 139

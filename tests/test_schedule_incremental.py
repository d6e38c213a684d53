"""Scheduled crawls, incremental: three crawls of the farm into one OUTPUT_DIR.

Run 1 fetches everything; run 2 (nothing changed) must fetch no report page or
file again and emit no record; between runs 2 and 3 one report is corrected on
the farm, and run 3 must emit exactly that report, as version 2. Three sites
answer with ETags (conditional requests, 304); the others give no validators
(revisit age). Every figure comes from the farm's request log and the output.
"""
from __future__ import annotations

import hashlib
import json

import pytest

from crawler.extensions.report import build_report
from farm import build
from farm.run import crawl, write_inputs
from farm.server import FarmServer
from tests.test_crawl_farm import read_jsonl
from tests.test_farm import FARM_RECORDS

VALIDATING_SITES = ("平安县人民政府", "甘泉县人民政府", "绵山县人民政府")
CHANGED = "http://xxgk.pingan.gov.cn/zfxxgknb/2022n_111822/202302/t20230212_1900001.html"


def document_urls(manifest) -> set[str]:
    """Every report page and file the farm publishes (reports and look-alikes, with their second URLs)."""
    urls = set()
    for doc in manifest["reports"] + manifest["lookalikes"]:
        urls |= {doc["url"], doc["page_url"], *doc["aliases"], *(f["url"] for f in doc["files"])}
    return urls


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    directory = tmp_path_factory.mktemp("schedule")
    farm = build(1)
    seeds, manifest_path = write_inputs(farm, directory)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    hosts = {doc["url"].split("/")[2] for doc in manifest["reports"] + manifest["lookalikes"]
             if doc["site"] in VALIDATING_SITES}
    output = directory / "output"
    runs = []
    with FarmServer(farm, validating_hosts=frozenset(hosts)) as server:
        for number in range(3):
            if number == 2:
                farm.edit(CHANGED, "根据《中华人民共和国".encode(), "依据《中华人民共和国".encode())
            start = len(server.log)
            result = crawl(server.proxy, seeds, output)
            assert result.returncode == 0, result.stderr[-3000:]
            runs.append({"log": server.log[start:], "lines": read_jsonl(output / "reports.jsonl")})
    for run in runs:
        run_files = sorted((output / "runs").glob("*.json"), key=lambda path: path.stat().st_mtime)
        run["report"] = json.loads(run_files[runs.index(run)].read_text(encoding="utf-8"))
    return {"manifest": manifest, "documents": document_urls(manifest), "hosts": hosts, "runs": runs,
            "errors": read_jsonl(output / "errors.jsonl")}


def fetched(run, documents, status=200) -> set[str]:
    return {url for method, url, code in run["log"] if url in documents and code == status}


def emitted(crawls, number) -> list[dict]:
    run_id = crawls["runs"][number]["report"]["run"]
    return [record for record in crawls["runs"][2]["lines"] if record["run"] == run_id]


def test_first_run_emits_every_record_as_version_one(crawls):
    records = emitted(crawls, 0)
    assert len(records) == FARM_RECORDS  # every report of the farm (counted by hand in tests/test_farm.py)
    assert {record["version"] for record in records} == {1}
    assert crawls["runs"][0]["report"]["totals"]["new"] == FARM_RECORDS


def test_second_run_fetches_no_unchanged_report_page_or_file(crawls):
    first, second = crawls["runs"][0], crawls["runs"][1]
    documents = crawls["documents"]
    errors = [error for error in crawls["errors"]
              if error["stage"] == "fetch" and error["role"] in ("page", "attachment")]
    failed = {error["url"] for error in errors}
    # a page whose file failed is asked again, so that the file is asked again through it
    failed |= {error["page_url"] for error in errors if error["role"] == "attachment"}
    # only what failed to download in run 1 is asked again
    assert fetched(second, documents) == failed & fetched(first, documents)
    # the farm's faults that answer 200: two soft 404s (甘泉, 云岭), an oversized page and its twin (湖滨),
    # a timeout on first fetch (绵山), a page whose file is an HTML error page (泗河), and the 汇总 page
    # whose one file was never uploaded (桐溪: a 404 file, so its page is asked again)
    assert len(fetched(second, documents)) == 7
    # where the portal gives ETags, report pages are asked conditionally (304); their files, unasked
    on_validating = {url for url in fetched(first, documents) if url.split("/")[2] in crawls["hosts"]}
    not_modified = fetched(second, documents, 304)
    assert not_modified < on_validating - failed
    assert (len(not_modified), len(on_validating - failed)) == (52, 62)


def test_second_run_emits_no_record(crawls):
    assert emitted(crawls, 1) == []
    assert len(crawls["runs"][1]["lines"]) == len(crawls["runs"][0]["lines"])
    totals = crawls["runs"][1]["report"]["totals"]
    assert (totals["new"], totals["changed"]) == (0, 0)


def test_changed_report_yields_exactly_one_new_version(crawls):
    records = emitted(crawls, 2)
    assert [(record["id"], record["version"]) for record in records] == [
        (hashlib.sha1(CHANGED.encode()).hexdigest(), 2)]
    assert records[0]["text"].startswith("依据《")
    assert fetched(crawls["runs"][2], crawls["documents"]) - fetched(crawls["runs"][1], crawls["documents"]) == {
        CHANGED}
    assert crawls["runs"][2]["report"]["totals"]["changed"] == 1


def test_run_files_have_per_site_figures_and_chain(crawls):
    reports = [run["report"] for run in crawls["runs"]]
    assert [report["status"] for report in reports] == ["finished"] * 3
    assert [report["previous"] for report in reports] == [None, reports[0]["run"], reports[1]["run"]]
    site = reports[1]["sites"]["平安县人民政府"]
    assert site["new"] == site["changed"] == 0 and site["unchanged"] > 0 and site["pages_total"] > 0
    assert reports[1]["fell_to_zero"] == []


def test_a_site_whose_reports_vanish_is_flagged():
    last = {"b": {"url": "http://b.gov.cn/", "role": "nav", "status": 200}}
    report = build_report("r2", {"status": "finished", "previous": "r1"},
                          {"a": {"pages/nav": 3, "asked": 4, "outcome/unchanged": 4},
                           "b": {"pages/nav": 1, "asked": 1, "outcome/error": 1, "errors/fetch/http_404": 1}},
                          last, {"a": {"outcome/new": 4}, "b": {"outcome/new": 2, "outcome/changed": 1}}, {})
    assert report["fell_to_zero"] == ["b"]
    assert report["without_reports"] == {"b": last["b"]}
    site = report["sites"]["b"]
    assert (site["reports"], site["failed"], site["errors"], site["previous_reports"]) == (
        0, 1, {"fetch/http_404": 1}, 3)


def test_budgets_hit_are_reported_per_site_and_in_total():
    """Stats `budget/…` (the spider's per-site page and link budgets) reach the run summary."""
    from crawler.extensions.report import render
    budgets = {"budget/pages/a": 1, "budget/links": 3}
    report = build_report("r1", {"status": "finished"}, {"a": {"pages/listing": 500, "asked": 2, "outcome/new": 2,
                                                             "by/generic": 2}}, {}, {}, budgets)
    assert report["budgets"] == budgets
    assert report["sites"]["a"]["budgets"] == {"budget/pages": 1}
    text = render(report, {"files": {}}, 10)
    assert "budgets hit: budget/links 3, budget/pages/a 1" in text
    assert "budget hit: budget/pages 1" in text.splitlines()[-2]

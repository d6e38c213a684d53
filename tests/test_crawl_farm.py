"""End to end: `scrapy crawl reports` over the whole portal farm, checked against its manifest.

One crawl (module fixture, subprocess, farm on 127.0.0.1 as an HTTP proxy);
every assertion uses exact figures from the manifest and the farm's request log.
"""
from __future__ import annotations

import json
from collections import Counter
from urllib.parse import urlsplit

import pytest

from farm import build
from farm.run import crawl, write_inputs
from farm.server import FarmServer

try:
    from parsers.documents import parse_file  # noqa: F401
    FILES_PARSED = True
except ImportError:
    FILES_PARSED = False


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    directory = tmp_path_factory.mktemp("farm")
    farm = build(1)
    seeds, manifest = write_inputs(farm, directory)
    with FarmServer(farm) as server:
        result = crawl(server.proxy, seeds, directory / "output")
    assert result.returncode == 0, result.stderr[-3000:]
    output = directory / "output"
    records, errors = read_jsonl(output / "reports.jsonl"), read_jsonl(output / "errors.jsonl")
    return {"manifest": json.loads(manifest.read_text(encoding="utf-8")), "records": records, "errors": errors,
            "log": server.log, "hits": server.hits, "stdout": result.stdout,
            "summary": json.loads((output / "summary.json").read_text(encoding="utf-8"))}


def sources(record) -> set[str]:
    source = record["source"]
    return {source["url"], source["page_url"], *source.get("alternates", []), *source.get("redirects", [])}


def covered(run) -> set[str]:
    return set().union(*(sources(r) for r in run["records"]))


def requested(run) -> set[str]:
    return {url for _, url, _ in run["log"]}


def test_every_report_of_the_manifest_is_found(run):
    found, parse_errors = covered(run), {e["url"] for e in run["errors"] if e["stage"] == "parse"}
    expected = [r for r in run["manifest"]["reports"] if r["expect"] == "record"]
    missing = [r["url"] for r in expected
               if r["url"] not in found and not (r["needs_document_parser"] and not FILES_PARSED
                                                 and r["url"] in parse_errors)]
    assert len(expected) == 138
    assert missing == []


def test_each_report_becomes_exactly_one_record(run):
    owner = {}
    for record in run["records"]:
        for url in sources(record):
            assert owner.setdefault(url, record["id"]) == record["id"], f"{url} in two records"
    per_report = Counter(owner.get(r["url"]) for r in run["manifest"]["reports"] if r["expect"] == "record")
    assert [record for record, count in per_report.items() if record and count > 1] == []
    assert len({r["id"] for r in run["records"]}) == len(run["records"])


def test_second_sources_are_listed_on_the_record(run):
    """post_/mpost_ twins, Hanweb articles under the aggregate column, HTML + DOCX copies."""
    found = covered(run)
    aliases = [url for r in run["manifest"]["reports"] if r["expect"] == "record" for url in r["aliases"]]
    copies = [f["url"] for r in run["manifest"]["reports"] if r["form"] == "copy" and r["expect"] == "record"
              for f in r["files"]]
    assert len(aliases) == 24
    assert [url for url in aliases if url not in found] == []
    if FILES_PARSED:
        assert [url for url in copies if url not in found] == []


def test_no_lookalike_is_recorded(run):
    lookalikes = {d["url"] for d in run["manifest"]["lookalikes"]}
    assert len(lookalikes) == 39
    assert lookalikes & covered(run) == set()
    assert [r for r in run["records"] if "解读" in r["title"] or "指南" in r["title"]] == []


def test_robots_disallowed_pages_are_never_fetched(run):
    disallowed = {r["url"] for r in run["manifest"]["reports"] if r["expect"] == "robots"}
    assert len(disallowed) == 3
    assert disallowed & requested(run) == set()
    assert disallowed & covered(run) == set()


def test_mirrors_outside_the_fence_are_never_fetched(run):
    hosts = {urlsplit(url).hostname for url in requested(run)}
    assert {urlsplit(url).hostname for url in run["manifest"]["mirrors"]} & hosts == set()


@pytest.mark.parametrize("fault, kind, hits", [
    ("huge", "too_large", None),
    ("blocked_412", "blocked", 1),        # anti-bot answers are not retried
    ("http_500", "http_500", 3),          # RETRY_TIMES=2: three attempts, then recorded
    ("timeout", "timeout", 3),
    ("soft_404", "soft_404", 1),
])
def test_faults_end_as_recorded_errors(run, fault, kind, hits):
    reports = [r for r in run["manifest"]["reports"] if r["fault"] == fault]
    assert len(reports) == 1
    url = reports[0]["url"]
    assert [e["kind"] for e in run["errors"] if e["url"] == url] == [kind]
    if hits is not None:
        assert run["hits"][url] == hits


def test_dead_links_and_redirect_loops_are_recorded(run):
    for expect, kind in (("error:http_404", "http_404"), ("error:redirect_loop", "redirect_loop")):
        urls = [r["url"] for r in run["manifest"]["reports"] if r["expect"] == expect]
        assert len(urls) == 1
        assert [e["kind"] for e in run["errors"] if e["url"] == urls[0]] == [kind]


@pytest.mark.parametrize("fault", ["retry_after_once", "truncate_once"])
def test_transient_faults_are_retried_into_records(run, fault):
    url = next(r["url"] for r in run["manifest"]["reports"] if r["fault"] == fault)
    assert url in covered(run)
    assert run["hits"][url] == 2


def test_moved_report_is_followed_through_its_301(run):
    redirected = [r for r in run["records"] if r["source"].get("redirects")]
    assert [urlsplit(u).path for r in redirected for u in r["source"]["redirects"]] == [
        "/zwgk/old/post_5000071.html"]


def test_blocked_site_is_asked_once_and_shows_as_zero(run):
    host = "www.heishi.gov.cn"
    assert [url for url in requested(run) if urlsplit(url).hostname == host and not url.endswith("robots.txt")] == [
        f"http://{host}/"]
    site = run["summary"]["per_site"]["黑石县人民政府"]
    assert site.get("records", 0) == 0 and site["errors"] == 1
    assert "黑石县人民政府" in run["stdout"] and "nothing recorded" in run["stdout"]


def test_looping_pagination_stops_when_pages_bring_nothing_new(run):
    """Epoint's iList.jsp and the snowflake site answer past the end with the last page again."""
    urls = requested(run)
    assert [url for url in urls if "cur_page=" in url and int(url.rsplit("=", 1)[1]) > 4] == []
    assert [url for url in urls if "yunxi.gov.cn/zfxxgk/zfxxgknb/xzjd/index_" in url and
            int(url.rsplit("_", 1)[1].split(".")[0]) > 2] == []


def test_gbk_and_mislabelled_pages_are_decoded(run):
    titles = {r["url"]: r["title"] for r in run["manifest"]["reports"]}
    for host in ("www.bjjx.gov.cn", "www.yunxi.gov.cn"):
        records = [r for r in run["records"] if urlsplit(r["source"]["url"]).hostname == host]
        assert len(records) >= 15
        assert all(r["title"] == titles[r["source"]["url"]] for r in records if r["source"]["url"] in titles)


def test_every_fetched_document_is_a_record_or_an_error(run):
    manifest = run["manifest"]
    documents = set()
    for doc in manifest["reports"] + manifest["lookalikes"]:
        documents |= {doc["url"], doc["page_url"], *doc["aliases"], *(f["url"] for f in doc["files"])}
    fetched = documents & requested(run)
    error_urls = {e["url"] for e in run["errors"] if e["role"] in ("page", "attachment")}
    accounted = covered(run) | error_urls
    assert sorted(fetched - accounted) == []
    primary = {r["source"]["url"] for r in run["records"]}
    assert primary & error_urls == set()


def test_records_carry_the_figures_the_farm_published(run):
    """Every table cell, organ and year of each crawled report is what its page or file says."""
    by_url = {url: record for record in run["records"] for url in sources(record)}
    wrong, checked = [], 0
    for report in run["manifest"]["reports"]:
        if report["expect"] != "record" or not report.get("figures"):
            continue
        record = by_url[report["url"]]
        for key in ("org", "year"):
            if record[key] != report[key]:
                wrong.append(f"{report['url']} {key}: {record[key]!r} != {report[key]!r}")
        for table, figures in report["figures"].items():
            if record[table] != figures:
                wrong.append(f"{report['url']} {table}")
        checked += 1
    assert wrong == []
    assert checked == sum(1 for r in run["manifest"]["reports"]
                          if r["expect"] == "record" and r.get("figures"))

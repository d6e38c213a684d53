"""End to end: `scrapy crawl reports` over the whole portal farm, checked against its manifest.

One crawl (module fixture, subprocess, farm on 127.0.0.1 as an HTTP and CONNECT proxy);
every expectation comes from the manifest the farm publishes (its site definitions:
which documents are reports, look-alikes, faults and what each must become) and
from the farm's request log, never from the crawler's output.
"""
from __future__ import annotations

import ast
import json
import re
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import pytest

from farm import build
from farm.run import crawl, write_inputs
from farm.server import FarmServer
from tests.test_farm import FARM_RECORDS

try:
    from parsers.documents import parse_file  # noqa: F401
    FILES_PARSED = True
except ImportError:
    FILES_PARSED = False


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scrapy_stats(stderr: str) -> dict:
    """The string and number stats Scrapy dumps at the end of the log (one `'key': value` a line)."""
    dump = stderr.split("Dumping Scrapy stats:", 1)[1]
    pairs = re.findall(r"^[{ ]'([^']+)': ('[^'\n]*'|\d+)[,}]$", dump, re.M)
    return {key: ast.literal_eval(value) for key, value in pairs}


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
            "log": server.log, "hits": server.hits, "stdout": result.stdout, "stats": scrapy_stats(result.stderr),
            "summary": json.loads((output / "summary.json").read_text(encoding="utf-8")),
            "report": json.loads(next((output / "runs").glob("*.json")).read_text(encoding="utf-8"))}


def sources(record) -> set[str]:
    source = record["source"]
    return {source["url"], source["page_url"], *source.get("alternates", []), *source.get("redirects", [])}


def covered(run) -> set[str]:
    return set().union(*(sources(r) for r in run["records"]))


def requested(run) -> set[str]:
    return {url for method, url, _ in run["log"] if method != "CONNECT"}


def expected_records(run) -> list[dict]:
    return [r for r in run["manifest"]["reports"] if r["expect"] == "record"]


def document_urls(doc) -> set[str]:
    """Every URL under which the farm publishes a document (page, copies, old and https links, files)."""
    return {doc["url"], doc["page_url"], *doc["aliases"], *doc.get("listed", []), *(f["url"] for f in doc["files"])}


def test_every_report_of_every_site_is_recorded(run):
    found, parse_errors = covered(run), {e["url"] for e in run["errors"] if e["stage"] == "parse"}
    per_site, missing = Counter(), []
    for report in expected_records(run):
        per_site[report["site"]] += 1
        if report["url"] in found or (report["needs_document_parser"] and not FILES_PARSED
                                      and report["url"] in parse_errors):
            continue
        missing.append(f'{report["site"]} {report["url"]}')
    sites = {site["name"] for site in run["manifest"]["sites"]}
    assert len(sites) == 21 and set(per_site) == sites - {"黑石县人民政府"}  # the blocked site has none
    assert len(expected_records(run)) == FARM_RECORDS
    assert missing == []


def test_each_report_becomes_exactly_one_record(run):
    """Each report's own URLs belong to one record; a summary page (汇总) that carries several
    units' files is the page_url of each of their records, and no report of its own."""
    documents = run["manifest"]["reports"] + run["manifest"]["lookalikes"]
    pages = Counter(d["page_url"] for d in documents if d["form"] == "file")
    summaries = {url for url, files in pages.items() if files > 1}
    assert len(summaries) == 3  # 桐溪县: one 汇总 article a year (tests/test_farm.py)
    published = set().union(*(document_urls(d) for d in documents)) - summaries
    owner = {}
    for record in run["records"]:
        for url in sources(record) & published:  # a list page shown as page_url is not a source
            assert owner.setdefault(url, record["id"]) == record["id"], f"{url} in two records"
    per_report = Counter(owner.get(r["url"]) for r in expected_records(run))
    assert [record for record, count in per_report.items() if record and count > 1] == []
    assert len({r["id"] for r in run["records"]}) == len(run["records"])


def test_second_sources_are_listed_on_the_record(run):
    """post_/mpost_ twins, Hanweb articles under the aggregate column, HTML + DOCX copies, old and https links."""
    found = covered(run)
    aliases = [url for r in expected_records(run) for url in r["aliases"] + r.get("listed", [])]
    copies = [f["url"] for r in expected_records(run) if r["form"] == "copy" for f in r["files"]]
    assert len(aliases) >= 24
    assert [url for url in aliases if url not in found] == []
    if FILES_PARSED:
        assert [url for url in copies if url not in found] == []


def test_image_only_report_is_fetched_and_accounted(run):
    """T25: the crawler takes it as a report; whether it is a record without text is the parser's call."""
    (image,) = [r for r in run["manifest"]["reports"] if r["expect"] == "found"]
    parse_errors = {e["url"]: e["kind"] for e in run["errors"] if e["stage"] == "parse"}
    assert image["url"] in covered(run) or parse_errors.get(image["url"]) == "NotAReport"


def test_no_lookalike_is_recorded(run):
    lookalikes = set().union(*(document_urls(d) for d in run["manifest"]["lookalikes"]))
    assert len(run["manifest"]["lookalikes"]) >= 39
    assert lookalikes & covered(run) == set()
    assert [r for r in run["records"] if "解读" in (r["title"] or "") or "指南" in (r["title"] or "")] == []


def test_robots_disallowed_pages_are_never_fetched(run):
    disallowed = {r["url"] for r in run["manifest"]["reports"] + run["manifest"]["lookalikes"]
                  if r["expect"] == "robots"}
    assert len(disallowed) >= 3
    assert disallowed & requested(run) == set()
    assert disallowed & covered(run) == set()


def test_mirrors_outside_the_fence_are_never_fetched(run):
    hosts = {urlsplit(url).hostname for url in requested(run)}
    assert {urlsplit(url).hostname for url in run["manifest"]["mirrors"]} & hosts == set()


def document_faults(run) -> list[dict]:
    return [f for f in run["manifest"]["faults"] if f["role"] == "document"]


#: how many times the farm must be asked for a document with this fault
HITS = {"blocked_412": 1, "bot_ua_403": 1,  # anti-bot answers are not retried
        "http_500": 3, "timeout": 3,         # RETRY_TIMES=2: three attempts, then an error line
        "retry_after_once": 2, "truncate_once": 2, "truncate_unframed_once": 2, "reset_once": 2,
        "rate_limit_429_once": 2, "http_502_once": 2, "soft_404": 1}


def test_every_document_fault_has_its_outcome(run):
    """Each fault the farm plays on a document ends as the manifest says: a record, or one error line of its kind."""
    found, wrong = covered(run), []
    errors = Counter((e["url"], e["kind"]) for e in run["errors"])
    for fault in document_faults(run):
        url, expect = fault["url"], fault["expect"]
        if expect == "record" and url not in found:
            wrong.append(f"{fault['fault']}: {url} not recorded")
        elif expect.startswith("error:"):
            kind = expect.split(":", 1)[1]
            lines = [k for (u, k), n in errors.items() if u == url for _ in range(n)]
            if lines != [kind]:
                wrong.append(f"{fault['fault']}: {url} has error lines {lines}, expected [{kind}]")
        if fault["fault"] in HITS and run["hits"][url] != HITS[fault["fault"]]:
            wrong.append(f"{fault['fault']}: {url} asked {run['hits'][url]} times, expected {HITS[fault['fault']]}")
    assert len(document_faults(run)) >= 20
    assert wrong == []


def test_dead_files_end_as_error_lines(run):
    """A linked 'PDF' that is an HTML error page (T24) is an error line, not a record."""
    dead = [f for r in run["manifest"]["reports"] for f in r.get("dead_files", [])]
    assert len(dead) >= 1
    for file in dead:
        assert [e["kind"] for e in run["errors"] if e["url"] == file["url"]] == [file["expect"].split(":", 1)[1]]


def test_hosts_with_broken_https_are_read_over_http(run):
    """Departments linked as https:// on hosts whose TLS handshake fails: every report still recorded,
    its https link kept among the record's sources; the broken scheme is asked only a few times."""
    broken = [urlsplit(f["url"]).hostname for f in run["manifest"]["faults"] if f["fault"] == "https_broken"]
    assert len(broken) == 2
    found = covered(run)
    for host in broken:
        reports = [r for r in expected_records(run) if urlsplit(r["url"]).hostname == host]
        assert reports and all(r["url"] in found for r in reports)
        assert all(link in found for r in reports for link in r.get("listed", []))
        tunnels = [u for m, u, _ in run["log"] if m == "CONNECT" and urlsplit(u).hostname == host]
        assert 0 < len(tunnels) <= 9  # a handful of first failures (with retries), not one per link


def test_list_endpoints_are_asked_the_way_they_answer(run):
    """search.jsp only by POST (GET is 405), getMessage.do always with a Referer-accepting window ≤ 50,
    JPaaS pages only through paramJson."""
    log = run["log"]
    endpoints = {f["fault"]: f["url"] for f in run["manifest"]["faults"] if f["role"] == "endpoint"}
    assert len(endpoints) == 4
    search = [(m, s) for m, u, s in log if u.split("?")[0] == endpoints["post_only"]]
    assert search and {m for m, _ in search} == {"POST"} and {s for _, s in search} == {200}
    windows = [(u, s) for m, u, s in log if u.split("?")[0] == endpoints["referer_required"]]
    assert windows and {s for _, s in windows} == {200}
    sizes = [int(dict(parse_qsl(urlsplit(u).query))["perpage"]) for u, _ in windows]
    assert max(sizes) <= 50
    units = [u for m, u, s in log if u.split("?")[0] == endpoints["params_in_json"]]
    assert units and all("paramJson" in dict(parse_qsl(urlsplit(u).query)) for u in units)


def test_list_faults_do_not_leak(run):
    """Commented-out rows are never fetched; pages past the end or bleeding into other columns give no record."""
    faults = [f for f in run["manifest"]["faults"] if f["role"] in ("list", "list row", "nav")]
    found = covered(run)
    for fault in faults:
        if fault["expect"] == "not_fetched":
            assert fault["url"] not in requested(run)
        assert fault["url"] not in found


def test_blocked_site_is_asked_once_and_shows_where_it_stopped(run):
    host = "www.heishi.gov.cn"
    assert [url for url in requested(run) if urlsplit(url).hostname == host and not url.endswith("robots.txt")] == [
        f"http://{host}/"]
    site = run["summary"]["per_site"]["黑石县人民政府"]
    assert site.get("records", 0) == 0 and site["errors"] == 1
    assert "黑石县人民政府" in run["stdout"] and "nothing recorded" in run["stdout"]
    assert run["stats"]["site/黑石县人民政府/last_page"] == f"http://{host}/"
    assert run["stats"]["site/黑石县人民政府/last_role"] == "nav failed: blocked"


def test_run_report_names_each_sites_mechanisms(run):
    """Per site: where its reports came from (family.handler) and the furthest page reached."""
    stats = run["stats"]
    by_site = {}
    for key, count in stats.items():
        match = re.match(r"site/(.+)/reports_from/(.+)$", key)
        if match:
            by_site.setdefault(match.group(1), {})[match.group(2)] = count
    family_of = {site["name"]: site["family"] for site in run["manifest"]["sites"]}
    assert "hanweb.xxgk_search" in by_site[next(n for n, f in family_of.items() if f == "hanweb_xxgk")]
    assert "hanweb.jpaas_unit" in by_site[next(n for n, f in family_of.items() if f == "jpaas")]
    assert "truecms.window" in by_site[next(n for n, f in family_of.items() if f == "truecms")]
    assert "guangdong.gkmlpt_api" in by_site[next(n for n, f in family_of.items() if f == "guangdong")]
    assert "hanweb.dataproxy" in by_site[next(n for n, f in family_of.items() if f == "hanweb")]
    for name in family_of:
        assert f"site/{name}/last_page" in stats and f"site/{name}/last_role" in stats


def test_run_report_accounts_for_every_document_asked_for(run):
    """The printed run report: every report page or file asked for ended one way, none left unfinished;
    its records are the manifest's, and per site they are counted by the mechanism that found them."""
    totals = run["report"]["totals"]
    ended = ("records", "copies", "unchanged", "files_only", "lists", "failed", "not_finished")
    assert totals["asked"] == sum(totals[key] for key in ended)
    assert (totals["records"], totals["not_finished"]) == (len(expected_records(run)), 0)
    for name, row in run["report"]["sites"].items():
        assert sum(row["records_by"].values()) == row["records"], name
    assert "nothing recorded" in run["stdout"] and "hanweb.xxgk_search" in run["stdout"]


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
    (lying,) = [f["url"] for f in document_faults(run) if f["fault"] == "gbk_as_utf8"]
    (record,) = [r for r in run["records"] if lying in sources(r)]
    assert record["title"] == titles[lying]


def test_every_fetched_document_is_a_record_or_an_error(run):
    manifest = run["manifest"]
    documents = set().union(*(document_urls(d) for d in manifest["reports"] + manifest["lookalikes"]))
    fetched = documents & requested(run)
    error_urls = {e["url"] for e in run["errors"] if e["role"] in ("page", "attachment")}
    accounted = covered(run) | error_urls
    assert sorted(fetched - accounted) == []
    primary = {r["source"]["url"] for r in run["records"]}
    assert primary & error_urls == set()


def test_records_carry_the_figures_the_farm_published(run):
    """Every table cell, organ and year of each crawled report is what its page or file says; the
    organ as the title writes it (the full name only where the title names none)."""
    by_url = {url: record for record in run["records"] for url in sources(record)}
    wrong, checked = [], 0
    for report in expected_records(run):
        if not report.get("figures"):
            continue
        record = by_url[report["url"]]
        if record["org"] != report["org"]:
            wrong.append(f"{report['url']} org: {record['org']!r} != {report['org']!r}")
        if record["year"] != report["year"]:
            wrong.append(f"{report['url']} year: {record['year']!r} != {report['year']!r}")
        for table, figures in report["figures"].items():
            if record[table] != figures:
                wrong.append(f"{report['url']} {table}")
        checked += 1
    assert wrong == []
    assert checked == sum(1 for r in expected_records(run) if r.get("figures"))


def test_titles_with_the_organ_in_brackets_or_a_notice_give_the_titles_organ(run):
    """`2023年度政府信息公开工作报告（东岭镇）`, `石桥镇关于2023年度…报告的公告`: the title's organ, not the body's."""
    by_url = {url: record for record in run["records"] for url in sources(record)}
    shaped = re.compile(r"报告（[^（）]+）$|关于.*报告的公告$")
    titled = [r for r in expected_records(run) if shaped.search(r["title"]) and r["org"] != r["organ"]]
    assert len(titled) == 12  # 鹤鸣县 新华街道 and 芦塘县 东岭镇 (brackets), 石桥镇 and 青松乡 (notices), 3 years each
    assert [r["url"] for r in titled if by_url[r["url"]]["org"] != r["org"]] == []

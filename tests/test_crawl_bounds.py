"""Issue #11, crawl logic: budgets per site and per page, the fence, documents of every
answer kind accounted for, and the Scrapy tools (`scrapy parse`, `scrapy check`).

A small hostile server on 127.0.0.1 (started here) plays the cases: a list whose every
page brings one new link and a 下一页 forever, a page of 100,000 report links, a home
page linking a report by its short title and a report URL answering JSON, links to
another port and to file://. One `scrapy crawl reports` runs over it.
"""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.discovery import Fence
from tests.replay import spider

ROOT = Path(__file__).resolve().parents[1]
REPORT = (ROOT / "tests/files/corpus/peers/KIROGOVCOMPARE/derived/"
          "沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.reduced.html").read_bytes()
SITE_MAX_PAGES, PAGE_MAX_LINKS, HUGE = 40, 20, 100_000


def page(title: str, body: str) -> bytes:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'.encode()


def answer(path: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of the hostile portal."""
    html = "text/html; charset=utf-8"
    if path == "/a/":
        return 200, html, page("无尽县", '<a href="/a/nb/index.html">政府信息公开年报</a>')
    match = re.fullmatch(r"/a/nb/index(?:_(\d+))?\.html", path)
    if match:  # every page one new report link and a next page, forever
        number = int(match.group(1) or 1)
        return 200, html, page("政府信息公开年报", f'<ul><li><a href="/a/nb/r{number}.html">无尽县第{number}单位'
                                                   f'2023年政府信息公开工作年度报告</a></li></ul>'
                                                   f'<a href="/a/nb/index_{number + 1}.html">下一页</a>')
    if path == "/b/":
        return 200, html, page("万链县", '<a href="/b/nb/index.html">政府信息公开年报</a>')
    if path == "/b/nb/index.html":
        rows = "".join(f'<a href="r{n}.html">第{n}号2023年政府信息公开年报</a>' for n in range(HUGE))  # 6 MB
        return 200, html, page("政府信息公开年报", f"<ul>{rows}</ul>")
    if path == "/c/":
        return 200, html, page("短题县", '<a href="/c/art/r.html">2023年政府信息公开工作年度报告</a>'
                                      '<a href="/c/art/j.html">短题县2023年政府信息公开工作年度报告</a>'
                                      '<a href="http://127.0.0.1:22/c/nb.html">政府信息公开年报</a>'
                                      '<a href="file:///etc/passwd">政府信息公开年报</a>')
    if path == "/c/art/r.html":
        return 200, html, REPORT
    if path == "/c/art/j.html":
        return 200, "application/json", json.dumps({"code": 0, "data": {"id": 7}}).encode()
    if re.fullmatch(r"/[ab]/nb/r\d+\.html", path):
        return 200, html, page("通知", "<p>一则通知。</p>")
    return 404, html, page("404", "404")


class Portal(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        Portal.log.append(self.path)
        status, kind, body = answer(self.path)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def scrapy(*arguments: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    return subprocess.run([sys.executable, "-m", "scrapy", *arguments], cwd=cwd, env=env, text=True,
                          capture_output=True, check=False, timeout=300)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def run(server, tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    seeds = directory / "seeds.csv"
    with seeds.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "url"])
        writer.writerows([["无尽县", f"{server}/a/"], ["万链县", f"{server}/b/"], ["短题县", f"{server}/c/"]])
    Portal.log.clear()
    result = scrapy("crawl", "reports", "-a", f"seeds={seeds}", "-s", f"OUTPUT_DIR={directory / 'out'}",
                    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
                    "-s", f"SITE_MAX_PAGES={SITE_MAX_PAGES}", "-s", f"PAGE_MAX_LINKS={PAGE_MAX_LINKS}",
                    "-s", "LOG_LEVEL=INFO")
    assert result.returncode == 0, result.stderr[-3000:]
    stats = dict(re.findall(r"^[{ ]'([^']+)': ('[^'\n]*'|\d+)[,}]$", result.stderr.split("Dumping Scrapy stats:")[1],
                            re.M))
    return {"log": list(Portal.log), "stats": {k: v.strip("'") for k, v in stats.items()},
            "records": read_jsonl(directory / "out" / "reports.jsonl"),
            "errors": read_jsonl(directory / "out" / "errors.jsonl"), "server": server}


def test_endless_pagination_stops_at_the_site_budget(run):
    asked = [path for path in run["log"] if path.startswith("/a/")]
    assert len(asked) == SITE_MAX_PAGES
    assert int(run["stats"]["budget/site_max_pages"]) >= 1
    assert run["stats"]["site/无尽县/budget_hit"] == "site_max_pages"


def test_a_page_of_100000_links_queues_no_more_than_the_page_budget(run):
    reports = [path for path in run["log"] if re.fullmatch(r"/b/nb/r\d+\.html", path)]
    assert len(reports) == PAGE_MAX_LINKS
    assert run["stats"]["site/万链县/budget_hit"] == "page_max_links"


def test_short_title_link_and_json_answer_each_end_in_one_output_file(run):
    server = run["server"]
    recorded = {r["source"]["url"] for r in run["records"]}
    errors = {e["url"]: e["kind"] for e in run["errors"]}
    assert f"{server}/c/art/r.html" in recorded and f"{server}/c/art/r.html" not in errors
    assert errors[f"{server}/c/art/j.html"] == "not_report" and f"{server}/c/art/j.html" not in recorded


def test_other_ports_and_file_urls_stay_outside_the_fence(run):
    assert not [e for e in run["errors"] if ":22/" in e["url"] or e["url"].startswith("file:///etc/passwd")]
    assert int(run["stats"]["fence/refused"]) >= 2


@pytest.mark.parametrize("seed, link, admitted", [
    ("http://www.x.gov.cn/", "http://www.x.gov.cn:22/", False),
    ("http://www.x.gov.cn/", "http://evil.x.gov.cn:22/", False),
    ("http://www.x.gov.cn/", "https://jyj.x.gov.cn/nb/", True),
    ("http://www.x.gov.cn/", "http://www.x.gov.cn:80/nb/", True),
    ("http://www.x.gov.cn:8080/", "http://www.x.gov.cn:8080/nb/", True),
    ("http://www.x.gov.cn:8080/", "http://www.x.gov.cn:8081/nb/", False),
    ("http://www.x.gov.cn/", "ftp://www.x.gov.cn/nb/", False),
    ("file:///var/www/", "file:///etc/passwd", False),
    ("http://www.x.gov.cn/", "file:///etc/passwd", False),
    ("http://www.x.gov.cn/", "http://www.x.gov.cn:abc/", False),
])
def test_fence_schemes_and_ports(seed, link, admitted):
    assert Fence.for_url(seed).admits(link) is admitted


def test_every_callback_runs_without_request_meta():
    """What `scrapy parse --callback <name> URL` does: a response whose request carries no meta."""
    crawl = spider()
    page = HtmlResponse("http://www.x.gov.cn/", body=page_bytes(), request=Request("http://www.x.gov.cn/"))
    nav = list(crawl.on_nav(page))
    assert [r.url for r in nav if isinstance(r, Request)] == ["http://www.x.gov.cn/nb/index.html"]
    for callback in (crawl.on_listing, crawl.on_report, crawl.on_api, crawl.on_attachment):
        list(callback(page.replace(request=Request(page.url))))
    api = TextResponse("http://www.x.gov.cn/api", body=b'{"data": []}', request=Request("http://www.x.gov.cn/api"))
    assert list(crawl.on_api(api)) == []


def page_bytes() -> bytes:
    return page("县人民政府", '<a href="/nb/index.html">政府信息公开年报</a>')


def test_scrapy_parse_runs_a_callback_on_its_own(server):
    result = scrapy("parse", "--spider", "reports", "-c", "on_nav", f"{server}/c/", "-s", "LOG_LEVEL=WARNING",
                    "-s", "ROBOTSTXT_OBEY=False")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"{server}/c/art/r.html" in result.stdout  # the short-title report, requested by on_nav


def test_scrapy_check_runs_the_contracts_offline(tmp_path):
    result = scrapy("check", "reports", "-s", 'SPIDER_CONTRACTS={"crawler.contracts.ReplayContract": 10}',
                    "-s", f"OUTPUT_DIR={tmp_path}", "-s", "LOG_LEVEL=ERROR")
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"Ran (\d+) contracts", result.stderr).group(1) == "8"
    assert result.stderr.rstrip().endswith("OK")

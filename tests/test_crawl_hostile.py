"""Report links that answer with nothing usable still end as one clear errors.jsonl line each.

A small server on 127.0.0.1 lists five 年报 links whose answers break the usual path: HTTP 204,
an empty 200, a page that is only a comment (lxml: "Document is empty", an exception that cannot
be pickled across the parse process), a JSON body under a report URL, and a real report page for
contrast. Each fetched document must be in exactly one output file, with a message that says
what happened (never "cannot pickle").
"""
from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from farm.run import ROOT
from tests.test_crawl_farm import read_jsonl

REPORT = (Path(__file__).parent / "files" / "corpus" / "seeds" / "000_6f9c98eb08df172a.txt").read_text(
    encoding="utf-8")
TITLE = "2023年政府信息公开工作年度报告"
PAGES = {
    "/r204.html": (204, "text/html", b""),
    "/empty.html": (200, "text/html; charset=utf-8", b""),
    "/comment.html": (200, "text/html; charset=utf-8", b"<!-- nothing here -->"),
    "/json.html": (200, "application/json", b'{"code": 0, "data": []}'),
    "/good.html": (200, "text/html; charset=utf-8",
                   f"<html><head><title>示例县{TITLE}</title></head><body><h1>示例县{TITLE}</h1>"
                   f"<div class='article-content'>{'<br>'.join(REPORT.splitlines())}</div></body></html>".encode()),
}
LIST = ("<html><head><title>政府信息公开年报</title></head><body><h1>政府信息公开年报</h1><ul>"
        + "".join(f"<li><a href='{path}'>示例县{name}{TITLE}</a><span>2024-01-{day:02d}</span></li>"
                  for day, (path, name) in enumerate(zip(PAGES, ("甲镇", "乙镇", "丙镇", "丁镇", "")), 1))
        + "</ul></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        status, kind, body = PAGES.get(self.path) or ((200, "text/html; charset=utf-8", LIST)
                                                      if self.path == "/list.html" else (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if status != 204:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    seeds = directory / "seeds.csv"
    seeds.write_text(f"name,url,annual_report_url\n示例县人民政府,{base}/,{base}/list.html\n", encoding="utf-8")
    env = {key: value for key, value in __import__("os").environ.items() if "proxy" not in key.lower()}
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "reports", "-a", f"seeds={seeds}",
                             "-s", f"OUTPUT_DIR={directory / 'output'}", "-s", "DOWNLOAD_DELAY=0",
                             "-s", "AUTOTHROTTLE_ENABLED=False"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    server.shutdown()
    return {"result": result, "base": base, "records": read_jsonl(directory / "output" / "reports.jsonl"),
            "errors": read_jsonl(directory / "output" / "errors.jsonl")}


def lines_for(crawled, path) -> list:
    url = crawled["base"] + path
    return ([("record", r) for r in crawled["records"] if r["source"]["url"] == url]
            + [("error", e) for e in crawled["errors"] if e["url"] == url])


def test_the_crawl_finishes(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-3000:]
    assert "cannot pickle" not in crawled["result"].stderr


@pytest.mark.parametrize("path, message", [
    ("/r204.html", "the page is empty (HTTP 204, 0 bytes)"),
    ("/empty.html", "the page is empty (HTTP 200, 0 bytes)"),
    ("/comment.html", "Document is empty"),
])
def test_an_empty_page_is_one_clear_error_line(crawled, path, message):
    [(what, line)] = lines_for(crawled, path)
    assert what == "error" and message in line["error"] and "pickle" not in line["error"]
    assert line["role"] == "page" and line["run"]


def test_a_json_answer_under_a_report_url_is_accounted_for(crawled):
    [(what, line)] = lines_for(crawled, "/json.html")
    assert what == "error" and line["error"]


def test_the_real_report_is_recorded(crawled):
    [(what, record)] = lines_for(crawled, "/good.html")
    assert what == "record" and record["year"] == 2023

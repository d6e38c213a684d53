"""Bad input stops `scrapy crawl reports` at once, with one clear line and a non-zero status.

Each bad seeds file or -a argument must end with exit status 2 and `scrapy: error: <why>` naming
the file and line, before anything is fetched (no traceback, no output directory). A crawl that
runs but finds no report on any site exits 1: the farm's site that answers everything with
加速乐's 521 challenge, alone in a seed list.
"""
from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest

from farm import build
from farm.run import ROOT, crawl, write_inputs
from farm.server import FarmServer

GOOD_ROW = "平安县人民政府,http://www.pingan.gov.cn/\n"


def scrapy_crawl(tmp_path, *arguments: str) -> subprocess.CompletedProcess:
    output = tmp_path / "output"
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", "reports", *arguments,
                           "-s", f"OUTPUT_DIR={output}"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def refused(result, tmp_path) -> str:
    """The one error line of a refused crawl."""
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()  # nothing was started
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]  # prog: error: why
    assert len(errors) == 1, result.stderr[-2000:]
    return errors[0]


@pytest.mark.parametrize("content, encoding, message", [
    ("name,url\nA县人民政府,www.a.gov.cn\n", "utf-8", r"line 2: url 'www.a.gov.cn' is not an http\(s\) URL"),
    ("name,url\n文件县,file:///etc/\n", "utf-8", r"line 2: url 'file:///etc/' is not an http\(s\) URL"),
    ("name,url\n" + GOOD_ROW + "B县人民政府,http://b.gov.cn:abc/\n", "utf-8", r"line 3: url .* is not an http"),
    ("name,url,annual_report_url\nA县人民政府,http://a.gov.cn/,javascript:void(0)\n", "utf-8",
     r"line 2: annual_report_url 'javascript:void\(0\)' is not an http"),
    ("name,url\n" + GOOD_ROW + GOOD_ROW, "utf-8", "line 3: name '平安县人民政府' already used on line 2"),
    ("name,url\n,http://a.gov.cn/\n", "utf-8", "line 2: empty name"),
    ("", "utf-8", "is empty: it needs a header line"),
    ("\n", "utf-8", "is empty: it needs a header line"),
    ("名称,网址\n平安县人民政府,http://www.pingan.gov.cn/\n", "utf-8",
     "the header must name the columns name,url .*found 名称, 网址"),
    ("name;url\n平安县人民政府;http://www.pingan.gov.cn/\n", "utf-8", "missing name, url"),
    ("name,url\n", "utf-8", "has a header but no rows"),
    ("name,url\n" + GOOD_ROW, "gbk", r"is not UTF-8 \(line 2; it looks GBK/GB18030-encoded\)"),
], ids=["no-scheme", "file-scheme", "bad-port", "bad-column-url", "duplicate-name", "empty-name", "empty-file", "blank-file",
        "chinese-header", "semicolons", "header-only", "gbk"])
def test_bad_seeds_file(tmp_path, content, encoding, message):
    seeds = tmp_path / "seeds.csv"
    seeds.write_bytes(content.encode(encoding))
    line = refused(scrapy_crawl(tmp_path, "-a", f"seeds={seeds}"), tmp_path)
    assert str(seeds) in line
    assert re.search(message, line), line


def test_missing_seeds_file(tmp_path):
    line = refused(scrapy_crawl(tmp_path, "-a", f"seeds={tmp_path / 'nope.csv'}"), tmp_path)
    assert "cannot read seeds file" in line and "nope.csv" in line


@pytest.mark.parametrize("argument, message", [
    ("years=abc", "-a years=abc: a year like 2023 or a range like 2021-2024"),
    ("years=2024-2021", "-a years=2024-2021: a year like 2023"),
    ("limit=0", "-a limit=0: a number of seeds"),
    ("limit=ten", "-a limit=ten: a number of seeds"),
    ("full=maybe", "-a full=maybe: use 1 or 0"),
    ("yaers=2023", "unknown argument -a yaers; known: -a seeds="),
])
def test_bad_argument(tmp_path, argument, message):
    assert message in refused(scrapy_crawl(tmp_path, "-a", argument), tmp_path)


def test_unknown_spider(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "report"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2 and "error: no spider named 'report' (spiders: reports)" in result.stderr


def only_site(seeds, name: str) -> None:
    """Keep one farm site in the seeds file."""
    with seeds.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["name"] == name]
    assert len(rows) == 1
    with seeds.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_crawl_in_which_every_site_failed_exits_1(tmp_path):
    farm = build(1)
    seeds, _ = write_inputs(farm, tmp_path)
    only_site(seeds, "黑石县人民政府")
    with FarmServer(farm) as server:
        result = crawl(server.proxy, seeds, tmp_path / "output")
    assert result.returncode == 1
    assert "no report found on any of the 1 sites" in result.stderr
    assert "黑石县人民政府" in result.stdout and "nothing recorded" in result.stdout

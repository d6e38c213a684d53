"""What a user sees: the run summary is the last thing on screen, a first crawl without internet
prints no tldextract traceback, and `make demo` wipes only its own directory.

The crawl is the farm's blocked site alone (its 521 challenge sets a cookie, which is what makes
Scrapy ask tldextract for the public suffix list), with an empty tldextract cache, as on a fresh
machine; stdout and stderr go to one stream, as in a terminal.
"""
from __future__ import annotations

import subprocess

from farm import CLASSIC_SITES, build  # the nine classic sites: 138 reports (tests/test_farm.py)
from farm.run import ROOT, crawl_command, write_inputs
from farm.server import FarmServer
from tests.test_crawl_inputs import only_site


def test_summary_last_and_no_suffix_list_download(tmp_path):
    farm = build(1, CLASSIC_SITES)
    seeds, _ = write_inputs(farm, tmp_path)
    only_site(seeds, "黑石县人民政府")
    with FarmServer(farm) as server:
        command, env = crawl_command(server.proxy, seeds, tmp_path / "output")
        env = {**env, "TLDEXTRACT_CACHE": str(tmp_path / "tldextract-cache")}
        screen = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, timeout=300).stdout
    lines = screen.rstrip().splitlines()
    assert "tldextract" not in screen and "Traceback" not in screen
    stats = next(i for i, line in enumerate(lines) if "Dumping Scrapy stats" in line)
    summary = next(i for i, line in enumerate(lines) if line.startswith("== run "))
    assert stats < summary
    assert lines[-1].startswith("files now hold: ")
    assert not any("[scrapy" in line or "[crawler" in line for line in lines[summary:])


def test_make_demo_wipes_only_its_own_directory():
    plan = subprocess.run(["make", "-n", "demo"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    removals = [line.strip() for line in plan.splitlines() if line.strip().startswith("rm ")]
    assert removals == ["rm -rf output/demo"]
    assert "-m farm.demo --output output/demo" in plan

"""Scheduled crawls, resume: a crawl killed with SIGKILL mid-way and restarted equals an uninterrupted one.

The killed crawl runs with `-s JOBDIR=…` (its queue is then stale: RunAddon
starts the job afresh and the incremental state skips what was done). It is
killed once 40 records are on disk, restarted with the same OUTPUT_DIR and
JOBDIR, and its reports.jsonl (appended by both processes) is compared with
that of one uninterrupted crawl of an identical farm. The document workers,
which run in sessions of their own, must not outlive the killed crawler.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter

import pytest

from farm import CLASSIC_SITES, build  # the nine classic sites: 138 reports (tests/test_farm.py)
from farm.run import ROOT, crawl, crawl_command, write_inputs
from farm.server import FarmServer
from tests.test_crawl_farm import read_jsonl, sources
from tests.test_stop import wait_gone

KILL_AFTER = 40  # records on disk


def lines(path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    directory = tmp_path_factory.mktemp("resume")
    seeds, _ = write_inputs(build(1, CLASSIC_SITES), directory)
    with FarmServer(build(1, CLASSIC_SITES)) as server:
        assert crawl(server.proxy, seeds, directory / "whole").returncode == 0
    killed = directory / "killed"
    settings = {"JOBDIR": killed / "job"}
    with FarmServer(build(1, CLASSIC_SITES)) as server:
        command, env = crawl_command(server.proxy, seeds, killed, settings)
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while lines(killed / "reports.jsonl") < KILL_AFTER and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        survivors = wait_gone(server.proxy)
        written_before_kill = lines(killed / "reports.jsonl")
        errors_before_kill = read_jsonl(killed / "errors.jsonl")
        result = crawl(server.proxy, seeds, killed, settings)
    assert result.returncode == 0, result.stderr[-3000:]
    return {"whole": read_jsonl(directory / "whole" / "reports.jsonl"),
            "resumed": read_jsonl(killed / "reports.jsonl"), "before_kill": written_before_kill,
            "errors_before_kill": errors_before_kill, "errors": read_jsonl(killed / "errors.jsonl"),
            "whole_errors": read_jsonl(directory / "whole" / "errors.jsonl"),
            "survivors": survivors, "log": result.stderr}


def test_the_crawl_was_killed_mid_way(outcome):
    assert KILL_AFTER <= outcome["before_kill"] < len(outcome["whole"])
    assert "not closed cleanly" in outcome["log"]


def test_no_record_is_lost_or_duplicated(outcome):
    whole, resumed = outcome["whole"], outcome["resumed"]
    assert len(whole) == 138
    assert len(resumed) == len(whole)
    assert len({record["id"] for record in resumed}) == len(resumed)
    assert Counter((r["org"], r["year"], r["title"]) for r in resumed) == Counter(
        (r["org"], r["year"], r["title"]) for r in whole)
    assert {record["run"] for record in resumed} == {resumed[0]["run"]}  # the restart continued the run


def test_every_source_is_still_named(outcome):
    """A file recorded before the kill and linked from a second page after it gets that page as a source."""
    assert {frozenset(sources(r)) for r in outcome["resumed"]} == {frozenset(sources(r)) for r in outcome["whole"]}


def test_no_error_line_is_written_twice(outcome):
    keys = Counter((error["url"], error["stage"], error["kind"]) for error in outcome["errors"])
    assert [key for key, count in keys.items() if count > 1] == []
    assert keys == Counter((error["url"], error["stage"], error["kind"]) for error in outcome["whole_errors"])
    assert outcome["errors_before_kill"]  # the killed process had written some: the restart did not repeat them


def test_no_worker_outlives_the_killed_crawler(outcome):
    assert outcome["survivors"] == []

"""Stopping the ordinary way loses nothing: SIGTERM or SIGINT to the crawl's process group mid-way,
the same command again, then next week's run.

What systemd, Docker and scrapyd send is SIGTERM; a terminal's Ctrl-C sends SIGINT to the whole
foreground process group, parse workers included. Each scenario stops the crawl once records are
on disk, waits for it to exit, checks that none of its processes outlive it, restarts it to the
end and runs it once more; the outcome is compared with the farm's manifest: every report
recorded exactly once, each fetched document in exactly one output file, no error line twice,
and the second run writes nothing new.
"""
from __future__ import annotations

import json
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
from tests.test_schedule_incremental import document_urls

STOP_AFTER = 40   # records on disk when the signal is sent
PATIENCE = 180    # seconds a stopping crawl may take before the test calls it hung


def lines(path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def processes_with(marker: str) -> list[int]:
    """Live processes whose environment holds the marker (the farm's unique proxy URL)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as handle:
                environ = handle.read()
            with open(f"/proc/{entry}/stat", "rb") as handle:
                state = handle.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in environ and state != b"Z":
            found.append(int(entry))
    return found


def wait_gone(marker: str, seconds: float = 15) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := processes_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def stop_midway(server, seeds, output, settings, signum) -> dict:
    """Start the crawl, send `signum` to its process group once STOP_AFTER records are written."""
    command, env = crawl_command(server.proxy, seeds, output, settings)
    log = output.parent / f"{output.name}-stopped.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 120
        while lines(output / "reports.jsonl") < STOP_AFTER and process.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "the crawl ended before it could be stopped"
        sent = time.monotonic()
        os.killpg(process.pid, signum)
        try:
            code = process.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(f"the crawl did not stop within {PATIENCE} s of {signal.Signals(signum).name}")
    took = time.monotonic() - sent
    return {"code": code, "seconds": round(took, 1), "records": lines(output / "reports.jsonl"),
            "survivors": wait_gone(server.proxy), "log": log.read_text(encoding="utf-8")}


@pytest.fixture(scope="module", params=[("SIGTERM", True), ("SIGINT", False)], ids=["SIGTERM-jobdir", "SIGINT"])
def stopped(request, tmp_path_factory):
    """One scenario: signal (with the README's JOBDIR, or without), restart, second run."""
    name, jobdir = request.param
    directory = tmp_path_factory.mktemp(name.lower())
    farm = build(1, CLASSIC_SITES)
    seeds, manifest = write_inputs(farm, directory)
    output = directory / "output"
    job = {"JOBDIR": directory / "job-week1"} if jobdir else {}
    with FarmServer(farm) as server:
        stop = stop_midway(server, seeds, output, job, getattr(signal, name))
        snapshot = {key: read_jsonl(output / key) for key in ("reports.jsonl", "errors.jsonl")}
        restart = crawl(server.proxy, seeds, output, job)
        assert restart.returncode == 0, restart.stderr[-3000:]
        after_restart = {key: read_jsonl(output / key) for key in ("reports.jsonl", "errors.jsonl")}
        week2 = {"JOBDIR": directory / "job-week2"} if jobdir else {}
        second = crawl(server.proxy, seeds, output, week2)
        assert second.returncode == 0, second.stderr[-3000:]
        log = server.log
    print(f"\n{name}: stopped with {stop['records']} records after {stop['seconds']} s (exit {stop['code']}); "
          f"{len(after_restart['reports.jsonl'])} records after the restart")
    return {"stop": stop, "snapshot": snapshot, "restart": after_restart, "log": log,
            "manifest": json.loads(manifest.read_text(encoding="utf-8")), "output": output,
            "records": read_jsonl(output / "reports.jsonl"), "errors": read_jsonl(output / "errors.jsonl"),
            "runs": sorted((output / "runs").glob("*.json"), key=lambda path: path.stat().st_mtime)}


def test_the_stop_is_graceful_and_leaves_no_process(stopped):
    stop = stopped["stop"]
    assert STOP_AFTER <= stop["records"] < 138  # stopped mid-way
    assert "shutting down gracefully" in stop["log"]
    assert stop["survivors"] == []
    assert "BrokenProcessPool" not in stop["log"]
    assert [e for e in stopped["errors"] if "pool" in e["error"].lower() or e["kind"] == "parser_crashed"] == []


def test_every_report_is_recorded_exactly_once(stopped):
    records = stopped["restart"]["reports.jsonl"]
    assert len(records) == len({record["id"] for record in records}) == 138
    found = set().union(*(sources(record) for record in records))
    expected = [report["url"] for report in stopped["manifest"]["reports"] if report["expect"] == "record"]
    assert len(expected) == 138
    assert [url for url in expected if url not in found] == []
    assert {record["run"] for record in records} == {records[0]["run"]}  # the restart continued the run


def test_each_fetched_document_is_in_exactly_one_output_file(stopped):
    documents = document_urls(stopped["manifest"])
    fetched = {url for _, url, _ in stopped["log"]} & documents
    in_records = set().union(*(sources(record) for record in stopped["records"]))
    in_errors = {error["url"] for error in stopped["errors"]}
    assert sorted(fetched - in_records - in_errors) == []
    primary = {record["source"]["url"] for record in stopped["records"]}
    assert primary & in_errors == set()
    assert (stopped["output"] / "alternates.jsonl").read_bytes() == b""  # the journal is folded


def test_no_error_line_is_written_twice(stopped):
    keys = Counter((error["url"], error["stage"], error["kind"]) for error in stopped["errors"])
    assert [key for key, count in keys.items() if count > 1] == []
    assert all(error["run"] for error in stopped["errors"])


def test_the_second_run_writes_nothing_new(stopped):
    assert stopped["records"] == stopped["restart"]["reports.jsonl"]
    assert stopped["errors"] == stopped["restart"]["errors.jsonl"]
    second = json.loads(stopped["runs"][-1].read_text(encoding="utf-8"))
    assert second["status"] == "finished" and second["totals"]["records"] == 0
    assert second["totals"]["not_finished"] == 0
    # summary.json says what the files hold over all runs, not what the last run added
    held = json.loads((stopped["output"] / "summary.json").read_text(encoding="utf-8"))["files"]
    assert (held["reports.jsonl"]["records"], held["reports.jsonl"]["lines"]) == (138, 138)
    assert held["errors.jsonl"]["lines"] == len(stopped["errors"])

"""scrapyd: `scrapyd-deploy` builds and uploads the project's egg, schedule.json runs the crawl on the
farm, and the job's records and scrapyd's own item feed are the farm's 138 reports.

A real scrapyd (from the test extras) is started on a free 127.0.0.1 port in a temporary
directory; the project is deployed from a copy of this checkout (scrapyd-deploy writes a setup.py
into the project directory). The farm is reached through http_proxy, which scrapyd passes on to
the crawl it starts.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from farm import CLASSIC_SITES, build  # the nine classic sites: 138 reports (tests/test_farm.py)
from farm.run import FAST, ROOT, write_inputs
from farm.server import FarmServer
from tests.test_crawl_farm import read_jsonl

pytest.importorskip("scrapyd", reason="scrapyd is not installed (test extras)")
BIN = Path(sys.executable).parent
if not (BIN / "scrapyd-deploy").exists():
    pytest.skip("scrapyd-deploy (scrapyd-client, test extras) is not installed", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def api(base: str, name: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{name}", data=body, timeout=30) as answer:
        return json.loads(answer.read())


def copy_project(target: Path, port: int) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    config = (target / "scrapy.cfg").read_text(encoding="utf-8")
    (target / "scrapy.cfg").write_text(config.replace("http://localhost:6800/", f"http://127.0.0.1:{port}/"),
                                       encoding="utf-8")


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    directory = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    project = directory / "project"
    copy_project(project, port)
    home = directory / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.5\nmax_proc = 1\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\nitems_dir = {home / 'items'}\n"
        f"dbs_dir = {home / 'dbs'}\n", encoding="utf-8")
    farm = build(1, CLASSIC_SITES)
    seeds, _ = write_inputs(farm, directory)
    output = directory / "output"
    with FarmServer(farm) as server:
        env = {**os.environ, "http_proxy": server.proxy, "HTTP_PROXY": server.proxy, "no_proxy": "", "NO_PROXY": ""}
        daemon = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, env=env, stdout=subprocess.DEVNULL,
                                  stderr=(home / "scrapyd.err").open("w"))
        try:
            for _ in range(200):
                try:
                    api(base, "daemonstatus.json")
                    break
                except OSError:
                    time.sleep(0.1)
            deploy = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=project, capture_output=True, text=True,
                                    timeout=300, env={k: v for k, v in os.environ.items() if "proxy" not in k.lower()})
            settings = {"OUTPUT_DIR": str(output), **FAST}
            scheduled = api(base, "schedule.json", [("project", "nianbao"), ("spider", "reports"),
                                                    ("seeds", str(seeds))]
                            + [("setting", f"{name}={value}") for name, value in settings.items()])
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                jobs = api(base, "listjobs.json?project=nianbao")
                if any(entry["id"] == scheduled.get("jobid") for entry in jobs.get("finished", [])):
                    break
                time.sleep(1)
        finally:
            daemon.terminate()
            daemon.wait(timeout=30)
    logs = list((home / "logs").rglob("*.log"))
    items = list((home / "items").rglob("*.jl"))
    return {"deploy": deploy, "scheduled": scheduled, "jobs": jobs, "output": output,
            "log": logs[0].read_text(encoding="utf-8") if logs else "", "items": items}


def test_deploy_uploads_the_egg(job):
    assert job["deploy"].returncode == 0, job["deploy"].stderr[-2000:]
    answer = json.loads(job["deploy"].stdout)
    assert (answer["status"], answer["project"], answer["spiders"]) == ("ok", "nianbao", 1)


def test_the_scheduled_job_finishes(job):
    assert job["scheduled"]["status"] == "ok"
    finished = [entry for entry in job["jobs"]["finished"] if entry["id"] == job["scheduled"]["jobid"]]
    assert len(finished) == 1
    assert "Traceback" not in job["log"] and "Spider closed (finished)" in job["log"]


def test_the_job_records_every_report(job):
    records = read_jsonl(job["output"] / "reports.jsonl")
    assert len(records) == len({record["id"] for record in records}) == 138


def test_scrapyd_item_feed_holds_exactly_the_records(job):
    assert len(job["items"]) == 1
    feed = read_jsonl(job["items"][0])
    records = read_jsonl(job["output"] / "reports.jsonl")
    assert sorted(line["id"] for line in feed) == sorted(record["id"] for record in records)

"""Scheduled crawls, distributed: two scrapy-redis workers vs one process, on identical farms.

The test starts its own redis-server on a free 127.0.0.1 port (skipped, with
the reason, when the binary or scrapy-redis is missing). Both workers share
the run id, the queue, the duplicate filter and the incremental state.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from collections import Counter

import pytest

from farm import CLASSIC_SITES, build  # the nine classic sites: 138 reports (tests/test_farm.py)
from farm.run import ROOT, crawl, crawl_command, write_inputs
from farm.server import FarmServer
from tests.test_crawl_farm import read_jsonl
from tests.test_schedule_incremental import document_urls

redis = pytest.importorskip("redis", reason="the redis client (installed with scrapy-redis) is missing")
pytest.importorskip("scrapy_redis", reason="scrapy-redis is not installed")
if not shutil.which("redis-server"):
    pytest.skip("redis-server not on PATH (Debian package redis-server)", allow_module_level=True)


# Fetches are counted: on a busy machine a 2 s timeout (the farm's default) retries ordinary pages
# in one crawl and not the other. 5 s still times out the farm's timeout fault (it answers after 6 s).
PATIENT = {"DOWNLOAD_TIMEOUT": "5"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    port = free_port()
    directory = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--dir", str(directory),
                               "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory, redis_url):
    directory = tmp_path_factory.mktemp("distributed")
    seeds, manifest = write_inputs(build(1, CLASSIC_SITES), directory)
    with FarmServer(build(1, CLASSIC_SITES)) as server:
        assert crawl(server.proxy, seeds, directory / "one", PATIENT).returncode == 0
        one = server.log
    settings = {"REDIS_URL": redis_url, "RUN_ID": "weekly-test", "REDIS_IDLE_CLOSE": "3", **PATIENT}
    with FarmServer(build(1, CLASSIC_SITES)) as server:
        workers = []
        for name in ("w1", "w2"):
            command, env = crawl_command(server.proxy, seeds, directory / name, settings)
            workers.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.PIPE, text=True))
        results = [(worker.wait(), worker.stderr.read()) for worker in workers]
        two = server.log
    assert [code for code, _ in results] == [0, 0], [err[-2000:] for _, err in results]
    return {"one": read_jsonl(directory / "one" / "reports.jsonl"), "one_log": one, "two_log": two,
            "two": [read_jsonl(directory / name / "reports.jsonl") for name in ("w1", "w2")],
            "documents": document_urls(json.loads(manifest.read_text(encoding="utf-8")))}


def document_gets(log, documents) -> Counter:
    return Counter(url for method, url, status in log if url in documents and status != 301)


def test_two_workers_produce_the_records_of_one_process(crawls):
    union = crawls["two"][0] + crawls["two"][1]
    assert len(crawls["one"]) == 138
    assert len(union) == len(crawls["one"])
    assert len({record["id"] for record in union}) == len(union)
    assert Counter((r["org"], r["year"], r["title"]) for r in union) == Counter(
        (r["org"], r["year"], r["title"]) for r in crawls["one"])


def test_no_document_is_fetched_more_often_than_by_one_process(crawls):
    """The queue and filter are shared: a URL is asked once over both workers.

    What repeats in both crawls is by design: retried faults (500 and timeout:
    3 attempts; 503 Retry-After, truncated body: 2), and files linked from two
    pages (twins under two columns), which the spider asks once per page.
    """
    two = document_gets(crawls["two_log"], crawls["documents"])
    one = document_gets(crawls["one_log"], crawls["documents"])
    assert set(two) == set(one)
    # a document one process asks once, two workers ask once; where one process asks
    # again by design, how often depends on timing (retries, which worker meets a twin)
    assert [url for url in two if two[url] > 1 and one[url] == 1] == []
    assert sum(two.values()) <= sum(one.values()) + sum(1 for url in one if one[url] > 1)

"""Crawl speed and memory on a larger farm, beside `scrapy bench` on the same machine.

    .venv/bin/python bench/crawl.py [--scale 4] [--seconds 20]

Builds the farm at --scale (thousands of pages), crawls it with
`scrapy crawl reports` (loopback settings: no politeness delays; parsing on),
and prints pages/min and the peak RSS of the crawler's process tree (the
crawler, its page-parse process and document workers). Then runs `scrapy bench`
for --seconds; its server binds 0.0.0.0, so it runs inside `unshare -n`
with only `lo` up when that works, and is skipped with a note otherwise.
A benchmark, not a test: it prints figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from farm import build  # noqa: E402
from farm.run import crawl_command, write_inputs  # noqa: E402
from farm.server import FarmServer  # noqa: E402
from rss import PeakRss  # noqa: E402

MB = 1 << 20


def crawl_farm(scale: int, settings: dict) -> dict:
    started = time.perf_counter()
    farm = build(scale)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as directory:
        seeds, _ = write_inputs(farm, directory)
        output = Path(directory) / "output"
        with FarmServer(farm) as server:
            command, env = crawl_command(server.proxy, seeds, output, {"LOG_LEVEL": "WARNING", **settings})
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, text=True)
            with PeakRss(process.pid) as peak:
                _, stderr = process.communicate()
            elapsed = time.perf_counter() - started
        if process.returncode:
            sys.exit(stderr[-2000:])
        run = json.loads(next((output / "runs").glob("*.json")).read_text(encoding="utf-8"))
    totals = run["totals"]
    return {"farm_build_s": round(built, 1), "seconds": round(elapsed, 1), "pages": totals["pages"],
            "records": totals["records"], "pages_per_min": round(totals["pages"] / elapsed * 60),
            "peak_rss_mb": peak.bytes // MB}


def scrapy_bench(seconds: int) -> dict:
    command = [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}",
               "-s", "LOGSTATS_INTERVAL=1"]
    isolated = ["unshare", "-n", "sh", "-c", "ip link set lo up && exec " + " ".join(command)]
    for attempt in (isolated, None):
        if attempt is None:
            return {"skipped": "scrapy bench needs `unshare -n` (root) to bind 0.0.0.0 safely; not run"}
        result = subprocess.run(attempt, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False)
        counts = [int(n) for n in re.findall(r"Crawled (\d+) pages", result.stderr)]
        if result.returncode == 0 and counts:
            return {"seconds": seconds, "pages": counts[-1], "pages_per_min": round(counts[-1] / seconds * 60)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1, help="PARSE_WORKERS")
    parser.add_argument("--no-parse", action="store_true", help="crawl only: PARSE_ENABLED=False")
    args = parser.parse_args()
    settings = {"PARSE_WORKERS": str(args.workers)}
    if args.no_parse:
        settings["PARSE_ENABLED"] = "False"
    ours = crawl_farm(args.scale, settings)
    label = "crawl only" if args.no_parse else f"parsing with {args.workers} worker(s)"
    print(f"scrapy crawl reports (farm scale {args.scale}, {label}): {ours}", flush=True)
    theirs = scrapy_bench(args.seconds)
    print(f"scrapy bench: {theirs}", flush=True)
    if "pages_per_min" in theirs:
        print(f"ratio: {ours['pages_per_min'] / theirs['pages_per_min']:.0%} of scrapy bench pages/min "
              f"(target >= 50%); peak RSS {ours['peak_rss_mb']} MB (target <= 300 MB)")


if __name__ == "__main__":
    main()

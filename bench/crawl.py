"""Crawl speed and memory on a larger farm, beside `scrapy bench` on the same machine.

    .venv/bin/python bench/crawl.py [--scale 4] [--seconds 20]

Builds the farm at --scale (thousands of pages), crawls it with
`scrapy crawl reports` (loopback settings: no politeness delays; parsing on),
and prints pages/min and the crawler's peak RSS. Then runs `scrapy bench`
for --seconds; its server binds 0.0.0.0, so it runs inside `unshare -n`
with only `lo` up when that works, and is skipped with a note otherwise.
A benchmark, not a test: it prints figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from farm import build  # noqa: E402
from farm.run import crawl, write_inputs  # noqa: E402
from farm.server import FarmServer  # noqa: E402


def crawl_farm(scale: int, settings: dict) -> dict:
    started = time.perf_counter()
    farm = build(scale)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as directory:
        seeds, _ = write_inputs(farm, directory)
        with FarmServer(farm) as server:
            started = time.perf_counter()
            result = crawl(server.proxy, seeds, Path(directory) / "output", {"LOG_LEVEL": "WARNING", **settings})
            elapsed = time.perf_counter() - started
        summary = json.loads((Path(directory) / "output" / "summary.json").read_text(encoding="utf-8"))
    if result.returncode:
        sys.exit(result.stderr[-2000:])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"farm_build_s": round(built, 1), "seconds": round(elapsed, 1), "pages": summary["pages"],
            "records": summary["records"], "pages_per_min": round(summary["pages"] / elapsed * 60),
            "peak_rss_mb": round(peak_mb)}


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
    parser.add_argument("--no-parse", action="store_true", help="crawl only: leave the parser pipeline out")
    args = parser.parse_args()
    settings = {"PARSE_WORKERS": str(args.workers)}
    if args.no_parse:
        settings["ITEM_PIPELINES"] = json.dumps({"crawler.pipelines.JsonlWriterPipeline": 900})
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

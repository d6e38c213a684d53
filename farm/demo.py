"""`python -m farm.demo`: start the farm, crawl it with visible progress, print the summary, stop.

Output goes to OUTPUT_DIR (default `output/`); the farm's seeds and manifest to
`output/farm/`. Options: --scale N (farm size), --polite (keep the crawler's polite
delays instead of the loopback-speed settings).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build
from .run import crawl, write_inputs
from .server import FarmServer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--output", default="output")
    parser.add_argument("--polite", action="store_true")
    args = parser.parse_args()
    output = Path(args.output)
    farm = build(args.scale)
    seeds, manifest = write_inputs(farm, output / "farm")
    reports = sum(1 for site in farm.sites for doc in site.docs if doc.kind == "report")
    print(f"farm: {len(farm.sites)} county portals, {reports} reports; seeds {seeds}, manifest {manifest}", flush=True)
    settings = {"LOGSTATS_INTERVAL": "5"}
    if args.polite:
        settings.update(AUTOTHROTTLE_ENABLED="True", DOWNLOAD_DELAY="0.5", DOWNLOAD_TIMEOUT="10")
    with FarmServer(farm) as server:
        print(f"farm serving on {server.proxy} (used as http_proxy); crawling …", flush=True)
        result = crawl(server.proxy, seeds, output, settings, capture=False)
    print(f"farm stopped; records in {output / 'reports.jsonl'}, errors in {output / 'errors.jsonl'}", flush=True)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())

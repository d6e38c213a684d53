"""Peak memory of document extraction with several decompression bombs at once.

    .venv/bin/python bench/memory.py [--bombs 8] [--inflate-mb 1024] [--unbounded]

Eight ~1 MB PDFs that inflate to 1 GB each are extracted from eight threads at
once (as the crawler's file threads would), with the default limits: 2 GB of
address space per worker, 4 GB for all workers together. The resident memory
of this process and all its descendants is sampled every 50 ms and its peak
printed. `--unbounded` gives every bomb its own worker at once (a budget of
bombs × cap): what happened before the shared budget. A benchmark: it prints
figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.documents import DocumentError, Limits, parse_file  # noqa: E402
from rss import PeakRss  # noqa: E402
from tests.bombs import MB, pdf_bomb  # noqa: E402


def run(bombs: int, inflate: int, limits: Limits) -> dict:
    data = pdf_bomb(inflate)
    outcomes = []

    def extract():
        try:
            parse_file(data, limits=limits)
            outcomes.append("record")
        except DocumentError as error:
            outcomes.append(str(error)[:60])

    started = time.perf_counter()
    with PeakRss(os.getpid()) as peak:
        threads = [threading.Thread(target=extract) for _ in range(bombs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return {"bombs": bombs, "file_kb": len(data) // 1024, "inflates_mb": inflate // MB,
            "cap_mb": limits.memory // MB, "budget_mb": limits.memory_total // MB,
            "seconds": round(time.perf_counter() - started, 1), "peak_rss_mb": peak.bytes // MB,
            "outcomes": sorted(set(outcomes))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bombs", type=int, default=8)
    parser.add_argument("--inflate-mb", type=int, default=1024)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--unbounded", action="store_true", help="one worker per bomb at once (no shared budget)")
    args = parser.parse_args()
    limits = Limits(timeout=args.timeout)
    if args.unbounded:
        limits = replace(limits, memory_total=limits.memory * args.bombs)
    print(f"document extraction, {'no shared budget' if args.unbounded else 'shared budget'}: "
          f"{run(args.bombs, args.inflate_mb * MB, limits)}", flush=True)


if __name__ == "__main__":
    main()

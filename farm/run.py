"""Crawl the farm: write its seeds and manifest, run `scrapy crawl reports` through it as a proxy.

Used by the end-to-end tests, `python -m farm.demo` and bench/crawl.py.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: settings for a loopback farm: no politeness delays, short timeouts (the farm's timeout fault sleeps 6 s)
FAST = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "DOWNLOAD_TIMEOUT": "2",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "2", "LOG_LEVEL": "INFO"}


def write_inputs(farm, directory) -> tuple[Path, Path]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    seeds = directory / "seeds.csv"
    rows = farm.seeds()
    with seeds.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    manifest = directory / "manifest.json"
    manifest.write_text(json.dumps(farm.manifest(), ensure_ascii=False, indent=1), encoding="utf-8")
    return seeds, manifest


def crawl(proxy: str, seeds: Path, output: Path, settings: dict | None = None, capture: bool = True,
          extra: list[str] | None = None) -> subprocess.CompletedProcess:
    """`scrapy crawl reports` in a subprocess with http_proxy and https_proxy pointing at the farm."""
    command, env = crawl_command(proxy, seeds, output, settings, extra)
    return subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=capture, check=False)


def crawl_command(proxy: str, seeds: Path, output: Path, settings: dict | None = None,
                  extra: list[str] | None = None) -> tuple[list[str], dict]:
    """The command line and environment of a farm crawl (for tests that start it with Popen)."""
    env = {**os.environ, "http_proxy": proxy, "HTTP_PROXY": proxy, "https_proxy": proxy, "HTTPS_PROXY": proxy,
           "no_proxy": "", "NO_PROXY": ""}  # https goes through the farm too, as CONNECT tunnels
    command = [sys.executable, "-m", "scrapy", "crawl", "reports", "-a", f"seeds={seeds}",
               "-s", f"OUTPUT_DIR={output}"]
    for name, value in {**FAST, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    return command + (extra or []), env

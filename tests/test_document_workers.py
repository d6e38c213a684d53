"""The document extraction workers: one memory budget for all of them, deaf to stop signals meant
for the crawl, and gone when their parent is.

The budget test extracts four decompression-bomb PDFs at once from four threads and watches the
worker processes of this process: each bomb would fit its own cap, so only the shared budget can
keep them from running all at once.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from parsers.documents import DocumentError, Limits, parse_file
from parsers.documents.limits import _POOL, run_bounded
from tests.bombs import pdf_bomb

MB = 1 << 20
ROOT = Path(__file__).resolve().parents[1]


def workers_of(parent: int) -> list[int]:
    """Extraction worker processes whose parent is `parent`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == parent and stat[0] != "Z" and b"parsers.documents.worker" in command:
            found.append(int(entry))
    return found


def test_bombs_beyond_the_budget_wait_their_turn():
    bomb = pdf_bomb(300 * MB)  # 300 KB that inflate to 300 MB: fits one worker's 400 MB cap
    limits = Limits(memory=400 * MB, memory_total=800 * MB, timeout=60)
    outcomes, most = [], 0

    def extract():
        try:
            parse_file(bomb, limits=limits)
            outcomes.append("record")
        except DocumentError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=extract) for _ in range(4)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        most = max(most, len(workers_of(os.getpid())))
        time.sleep(0.02)
    assert len(outcomes) == 4
    assert all("ran out of memory (limit 400 MB)" in outcome for outcome in outcomes), outcomes
    assert 1 <= most <= 2  # 800 MB of budget, 400 MB a worker
    assert _POOL.reserved <= 800 * MB


def test_workers_ignore_the_stop_signals_of_the_crawl():
    """SIGINT and SIGTERM sent to the process group must not kill an extraction under way."""
    limits = Limits(timeout=30)
    result = {}
    thread = threading.Thread(target=lambda: result.update(value=run_bounded(time.sleep, (1.5,), limits)))
    thread.start()
    while not (busy := [worker.process.pid for worker in list(_POOL.busy)]):
        time.sleep(0.02)
    for signum in (signal.SIGINT, signal.SIGTERM):
        os.kill(busy[0], signum)
    thread.join(30)
    assert result == {"value": None}  # time.sleep's result: the job finished


PARENT = """
import sys, time
from parsers.documents.limits import Limits, run_bounded
print("ready", flush=True)
run_bounded(time.sleep, (120,), Limits(timeout=300))
"""


def test_a_busy_worker_dies_with_its_parent():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert parent.stdout.readline().strip() == b"ready"
    deadline = time.monotonic() + 30
    while not (workers := workers_of(parent.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 1
    parent.kill()  # kill -9: no cleanup runs in the parent
    parent.wait()
    deadline = time.monotonic() + 15
    while Path(f"/proc/{workers[0]}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = Path(f"/proc/{workers[0]}").exists() and "Z" not in Path(f"/proc/{workers[0]}/stat").read_text().split()[2]
    if alive:
        os.kill(workers[0], signal.SIGKILL)
    assert not alive, "the worker outlived its parent"

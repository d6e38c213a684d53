"""Bounds on documents: size, pages, unpacked bytes, time, memory per document and memory for all.

Extractors (pdfminer, lxml, LibreOffice) can be driven into unbounded work by
a hostile or broken file, so they run in a child process that has an
address-space cap and is killed at the deadline; the caller only ever sees a
result or a DocumentError, and the next document starts clean.

The caps add up: eight decompression-bomb PDFs in eight workers at once took
8.4 GB under a 2 GB cap each. So all workers of a process share one budget,
`memory_total`: a worker is started only when its cap fits in what the live
workers (busy or idle) leave of it, and a document beyond that waits its turn.

Workers ignore SIGINT and SIGTERM (a stop signal sent to the whole process
group or cgroup must let the crawl finish what it started, not kill the
extraction under it) and exit within a second of their parent's death.
"""
from __future__ import annotations

import atexit
import os
import pickle
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .base import DocumentError

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 40 * MB            # the file itself
    max_pages: int = 300                # PDF pages
    max_part_bytes: int = 64 * MB       # one unpacked part of a DOCX/ZIP
    max_unpacked_bytes: int = 256 * MB  # all unpacked parts together
    timeout: float = 120.0              # seconds per document, conversion included
    memory: int = 2048 * MB             # address space of the extraction process
    memory_total: int = 4096 * MB       # all extraction processes together (their caps, summed)
    isolate: bool = True                # False: run in-process (benchmarks, debugging)


DEFAULT_LIMITS = Limits()


def check_size(size: int, limits: Limits) -> None:
    if size == 0:
        raise DocumentError("empty file (0 bytes)")
    if size > limits.max_bytes:
        raise DocumentError(f"file is {size / MB:.1f} MB, above the {limits.max_bytes / MB:.0f} MB limit")


def run_bounded(fn: Callable[..., Any], args: tuple, limits: Limits) -> Any:
    """fn(*args) in a worker process (parsers.documents.worker) under limits.memory,
    killed with everything it started at limits.timeout.

    A separate interpreter rather than multiprocessing: fork is unsafe in the
    threaded crawl process, and forkserver/spawn re-run the caller's __main__ in
    the child. A worker that succeeded serves the next document (starting an
    interpreter and importing the extractors costs more than most documents);
    one that failed in any way is discarded, so the next document starts clean.
    """
    if not limits.isolate:
        return fn(*args)
    worker = _POOL.take(limits)
    try:
        status, value = worker.ask((fn, args), limits)
    except BaseException:
        _POOL.discard(worker)
        raise
    if status == "error":
        _POOL.discard(worker)
        raise DocumentError(value)
    _POOL.give(worker)
    return value


class _Worker:
    """One extraction process, spoken to with length-prefixed pickles on its pipes."""

    def __init__(self, memory: int):
        self.memory, self.served = memory, 0
        self.stderr = tempfile.TemporaryFile()  # a pipe nobody reads would fill and block it
        with stop_signals_blocked():
            self.process = subprocess.Popen(
                [sys.executable, "-m", "parsers.documents.worker", str(memory), str(os.getpid())],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
                start_new_session=True, env=_worker_env())

    def ask(self, request: tuple, limits: Limits) -> tuple[str, Any]:
        deadline = time.monotonic() + limits.timeout
        try:
            _send(self.process.stdin, request)
        except (BrokenPipeError, OSError):
            raise DocumentError(self.death(limits)) from None
        reply = _receive(self.process.stdout, deadline)
        if reply is _TIMEOUT:
            raise DocumentError(f"extraction timed out after {limits.timeout:g} s")
        if reply is None:
            raise DocumentError(self.death(limits))
        self.served += 1
        return reply

    def death(self, limits: Limits) -> str:
        self.close()
        self.stderr.seek(0)
        last = (self.stderr.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        code = self.process.returncode
        if code is not None and code < 0:
            return f"extraction process killed by signal {-code} (memory limit {limits.memory // MB} MB?)"
        return f"extraction process exited with code {code} without a result {last}".rstrip()

    def close(self) -> None:
        """The worker and anything it started."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()


class _Pool:
    """Live workers within one memory budget; idle ones are reused, callers beyond the budget wait.

    Callers on several threads each get their own worker. A worker's cap is
    reserved from the budget from its start to its end, idle or not; a caller
    that finds no room closes an idle worker, or waits for one to come back.
    """

    def __init__(self):
        self.idle: list[_Worker] = []
        self.busy: set[_Worker] = set()
        self.reserved = 0  # bytes: the caps of all live workers
        self.changed = threading.Condition()
        atexit.register(self.close)

    def take(self, limits: Limits) -> _Worker:
        with self.changed:
            while True:
                for worker in reversed(self.idle):  # the most recently used first
                    if worker.memory == limits.memory and worker.process.poll() is None:
                        self.idle.remove(worker)
                        self.busy.add(worker)
                        return worker
                if self.reserved + limits.memory <= limits.memory_total or not self.reserved:
                    self.reserved += limits.memory  # a cap above the whole budget still runs, alone
                    break
                if self.idle:
                    self.release(self.idle.pop(0))
                    continue
                self.changed.wait()
        try:
            worker = _Worker(limits.memory)
        except BaseException:
            with self.changed:
                self.reserved -= limits.memory
                self.changed.notify_all()
            raise
        with self.changed:
            self.busy.add(worker)
        return worker

    def give(self, worker: _Worker) -> None:
        with self.changed:
            self.busy.discard(worker)
            if worker.served >= WORKER_DOCUMENTS:  # what extractors cache only grows: start afresh
                self.release(worker)
            else:
                self.idle.append(worker)
            self.changed.notify_all()

    def discard(self, worker: _Worker) -> None:
        with self.changed:
            self.busy.discard(worker)
            self.release(worker)
            self.changed.notify_all()

    def release(self, worker: _Worker) -> None:
        """End a worker and give its cap back (caller holds the lock)."""
        worker.close()
        self.reserved -= worker.memory

    def close(self) -> None:
        """End the idle workers (at exit; busy ones end with their callers)."""
        with self.changed:
            while self.idle:
                self.release(self.idle.pop())
            self.changed.notify_all()

    def stop(self) -> None:
        """End every worker now, busy ones too: their callers get a DocumentError at once."""
        with self.changed:
            busy = list(self.busy)
        for worker in busy:
            worker.close()  # the caller sees the pipe close and discards it
        self.close()


WORKER_DOCUMENTS = 50
_POOL = _Pool()


def stop_workers() -> None:
    """End every extraction worker of this process, busy or idle (a process stopping hard)."""
    _POOL.stop()
_TIMEOUT = object()
_HEADER = struct.Struct("!Q")


def _send(stream, obj) -> None:
    data = pickle.dumps(obj)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exactly(fd: int, size: int, deadline: float | None):
    chunks, left = [], size
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                return _TIMEOUT
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _receive(stream, deadline: float | None):
    """One message, None at end of stream, _TIMEOUT past the deadline."""
    fd = stream.fileno()
    header = _read_exactly(fd, _HEADER.size, deadline)
    if header is None or header is _TIMEOUT:
        return header
    body = _read_exactly(fd, _HEADER.unpack(header)[0], deadline)
    return body if body is None or body is _TIMEOUT else pickle.loads(body)


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def stop_signals_blocked():
    """Around starting a worker: it is born with SIGINT and SIGTERM blocked (a signal mask is
    inherited across exec), so a Ctrl-C during its start-up cannot kill it before guard_worker runs."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def guard_worker(parent: int) -> None:
    """In a worker process: ignore stop signals meant for the crawl, and exit when the parent
    (its pid given by the parent: it may be gone before the worker gets here) is not ours any more.

    Used by the extraction workers here and by the crawler's page-parsing pool
    (both started under stop_signals_blocked).
    """
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


PARENT_POLL = 0.5  # seconds between checks that the parent process is alive


def serve(stdin, stdout, memory: int, parent: int) -> None:
    """The worker side: (fn, args) requests in, outcomes out, until the parent hangs up."""
    guard_worker(parent)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while (request := _receive(stdin, None)) is not None:
        fn, args = request
        try:
            outcome = ("ok", fn(*args))
        except DocumentError as exc:
            outcome = ("error", str(exc))
        except Exception as exc:  # the parent needs a message, never a traceback object
            if out_of_memory(exc):  # also when a library wrapped it (pdfminer: "Unable to allocate …")
                outcome = ("error", f"extraction ran out of memory (limit {memory // MB} MB)")
            else:
                outcome = ("error", f"extraction failed: {type(exc).__name__}: {exc}")
        _send(stdout, outcome)


def out_of_memory(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, MemoryError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _worker_env() -> dict[str, str]:
    """Make this checkout importable in the worker even when not installed."""
    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}

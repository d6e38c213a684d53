"""Bounds on one document: size, pages, unpacked bytes, time and memory.

Extractors (pdfminer, lxml, LibreOffice) can be driven into unbounded work by
a hostile or broken file, so they run in a child process that has an
address-space cap and is killed at the deadline; the caller only ever sees a
result or a DocumentError, and the next document starts clean.
"""
from __future__ import annotations

import os
import pickle
import resource
import signal
import subprocess
import sys
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
    isolate: bool = True                # False: run in-process (benchmarks, debugging)


DEFAULT_LIMITS = Limits()


def check_size(size: int, limits: Limits) -> None:
    if size == 0:
        raise DocumentError("empty file (0 bytes)")
    if size > limits.max_bytes:
        raise DocumentError(f"file is {size / MB:.1f} MB, above the {limits.max_bytes / MB:.0f} MB limit")


def run_bounded(fn: Callable[..., Any], args: tuple, limits: Limits) -> Any:
    """fn(*args) in a fresh worker process (parsers.documents.worker) under
    limits.memory, killed with everything it started at limits.timeout.

    A new interpreter per document rather than multiprocessing: fork is
    unsafe in the threaded crawl process, and forkserver/spawn re-run the
    caller's __main__ in the child.
    """
    if not limits.isolate:
        return fn(*args)
    worker = subprocess.Popen([sys.executable, "-m", "parsers.documents.worker"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              start_new_session=True, env=_worker_env())
    try:
        out, err = worker.communicate(pickle.dumps((fn, args, limits.memory)), timeout=limits.timeout)
    except subprocess.TimeoutExpired:
        raise DocumentError(f"extraction timed out after {limits.timeout:g} s") from None
    finally:
        _kill_group(worker)
    if worker.returncode != 0 or not out:
        raise DocumentError(_death(worker.returncode, err, limits))
    status, value = pickle.loads(out)
    if status == "error":
        raise DocumentError(value)
    return value


def serve(stdin, stdout) -> None:
    """The worker side: one pickled (fn, args, memory) in, one outcome out."""
    fn, args, memory = pickle.load(stdin)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        outcome = ("ok", fn(*args))
    except DocumentError as exc:
        outcome = ("error", str(exc))
    except MemoryError:
        outcome = ("error", f"extraction ran out of memory (limit {memory // MB} MB)")
    except Exception as exc:  # the parent needs a message, never a traceback object
        outcome = ("error", f"extraction failed: {type(exc).__name__}: {exc}")
    pickle.dump(outcome, stdout)
    stdout.flush()


def _worker_env() -> dict[str, str]:
    """Make this checkout importable in the worker even when not installed."""
    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}


def _death(returncode: int | None, err: bytes, limits: Limits) -> str:
    last = (err.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    if returncode is not None and returncode < 0:
        return f"extraction process killed by signal {-returncode} (memory limit {limits.memory // MB} MB?)"
    return f"extraction process exited with code {returncode} without a result {last}".rstrip()


def _kill_group(worker: subprocess.Popen) -> None:
    """The worker and anything it started."""
    try:
        os.killpg(worker.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    worker.wait()

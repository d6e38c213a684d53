"""``python -m parsers [--url URL] FILE...``: one JSON record per file, one per line.

HTML or text is told from the content, not the file name; binary documents go
to the document extractors. Only regular files are read, and only up to
MAX_FILE_BYTES (a device such as /dev/zero or a FIFO is refused, not read). A
file that fails prints ``{"file", "error"}`` on its line, the rest go on, and
the exit status is 1 at the end.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import stat
import sys
from collections import Counter
from pathlib import Path

from .documents.detect import kind_of
from .html import decode, parse_html
from .record import parse_text

MAX_FILE_BYTES = 40 * 1024 * 1024  # the document extractors' own limit (parsers.documents.Limits)


class NotAFile(ValueError):
    """A path that is not a regular file of a readable size."""


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; NotAFile otherwise. The
    file is opened without blocking and checked on the open descriptor, so a FIFO or a
    device named in its place is refused rather than read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise NotAFile(f"cannot open {path}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(f"{path} is not a regular file (a device, FIFO or directory): not read")
        raise NotAFile(f"{path} is {info.st_size:,} bytes, above the {limit:,}-byte limit: not read")
    with os.fdopen(fd, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise NotAFile(f"{path} grew above the {limit:,}-byte limit while being read")
    if not data:
        raise NotAFile(f"{path} is empty (0 bytes)")
    return data


def parse_path(path: Path, url: str | None = None) -> dict:
    data = read_bounded(path)
    record = _parse_bytes(data, path.name, url)
    if url is None:  # a local file is known by its bytes
        record["id"] = hashlib.sha1(data).hexdigest()
    return record


def _parse_bytes(data: bytes, name: str, url: str | None) -> dict:
    kind = kind_of(data)
    if kind == "document":
        from .documents import parse_file

        return parse_file(data, filename=name, url=url)
    if kind == "html":
        return parse_html(decode(data), url=url)
    return parse_text(decode(data), url=url)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m parsers", description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="the URL the file was fetched from (sets the record id)")
    ap.add_argument("--summary", action="store_true",
                    help="print counts (records, errors, templates, failed checks) to stderr")
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args(argv)
    status = 0
    tally: Counter = Counter()
    for path in args.files:
        try:
            out = parse_path(path, args.url)
        except Exception as exc:  # one bad file must not stop the others
            out = {"file": str(path), "error": f"{type(exc).__name__}: {exc}"}
            status = 1
        else:
            out.setdefault("file", str(path))
        tally.update(_tally(out))
        print(json.dumps(out, ensure_ascii=False), flush=True)
    if args.summary:
        print("summary: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())), file=sys.stderr)
    return status


def _tally(out: dict) -> list[str]:
    if "error" in out:
        return ["errors"]
    keys = ["records", f"template {out['template']}"]
    keys += [f"failed {c['rule']}" for c in out["checks"] if not c["ok"]]
    return keys + ["with warnings"] * bool(out["warnings"])


if __name__ == "__main__":
    sys.exit(main())

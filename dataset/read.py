"""Records from JSONL files and folders (the crawler's reports.jsonl, per-worker outputs of
a distributed crawl, `reports parse` output). A line that is not a record is named by
file and line and left out, never a traceback: a crawl stopped mid-write leaves a torn
last line, an editor may save the file as GBK, errors.jsonl holds error lines, not reports.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ORIGIN = "_from"  # "file:line" of each record read, for messages; never exported


@dataclass
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass
class Reading:
    records: list[dict] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    error_lines: int = 0  # errors.jsonl lines: documents that did not become records
    problems: list[Problem] = field(default_factory=list)


def jsonl_files(paths: list[Path]) -> list[Path]:
    """The files named, and every *.jsonl under the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found += sorted(p for p in path.rglob("*.jsonl") if p.is_file()) if path.is_dir() else [path]
    return list(dict.fromkeys(found))


def read(paths: list[Path]) -> Reading:
    reading = Reading(files=jsonl_files(paths))
    for path in reading.files:
        _read_file(path, reading)
    return reading


def _read_file(path: Path, reading: Reading) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        reading.problems.append(Problem(str(path), None, f"cannot be read: {exc.strerror or exc}"))
        return
    lines = data.split(b"\n")
    torn = bool(data) and not data.endswith(b"\n")  # the last line has no newline: maybe cut off
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        last = torn and number == len(lines)
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            if last:
                reading.problems.append(Problem(str(path), number, "torn last line (cut mid-character, "
                                                "no newline at the end): left out"))
                continue
            if _legacy_encoding(data):
                reading.problems.append(Problem(str(path), number, "the file is not UTF-8 (it reads as GBK/GB18030): "
                                                "left out; convert it with `iconv -f GB18030 -t UTF-8`"))
                return
            reading.problems.append(Problem(str(path), number, "not UTF-8: left out"))
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            what = "torn last line (no newline at the end)" if last else f"not JSON ({exc.msg} at column {exc.colno})"
            reading.problems.append(Problem(str(path), number, f"{what}: left out"))
            continue
        if not isinstance(item, dict):
            reading.problems.append(Problem(str(path), number, f"not a record ({_kind(item)}): left out"))
        elif "error" in item and ("stage" in item or "file" in item):
            reading.error_lines += 1
        elif not item.get("id"):
            reading.problems.append(Problem(str(path), number, "a JSON object without an id: left out"))
        else:
            reading.records.append({**item, ORIGIN: f"{path}:{number}"})


def _legacy_encoding(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _kind(item) -> str:
    return "null" if item is None else f"a JSON {type(item).__name__.replace('str', 'string').replace('dict', 'object')}"

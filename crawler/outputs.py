"""The output files of a crawl (OUTPUT_DIR) and how to read them back; no Scrapy here.

reports.jsonl (records), errors.jsonl (failures), alternates.jsonl (other
sources of a recorded report as they are found: `{"id", "url", "page_url",
"site", "run"}`). Every line carries `run`.

alternates.jsonl is a journal: appended to as copies are found, so a crawl
stopped in any way keeps them, and folded into the records' `source.alternates`
(record.md's contract) whenever a crawl closes, then emptied. Between crawls
each fetched document is in exactly one file: reports.jsonl (as a record or
as an alternate of one) or errors.jsonl; after a kill, some copies are still
in the journal until the restart folds them.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

FILES = {"records": "reports.jsonl", "errors": "errors.jsonl", "alternates": "alternates.jsonl"}


def lines(path: Path):
    """The JSON objects of a JSONL file; a torn or broken line is skipped."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for text in handle:
            try:
                line = json.loads(text)
            except ValueError:
                continue
            if isinstance(line, dict):
                yield line


def this_run(directory: Path, run: str):
    """(file key, line) for the lines of one run in the output files."""
    marker = json.dumps({"run": run}, ensure_ascii=False)[1:-1]
    for key, name in FILES.items():
        path = directory / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", errors="replace") as handle:
            for text in handle:
                if marker not in text:
                    continue
                try:
                    line = json.loads(text)
                except ValueError:
                    continue
                if line.get("run") == run:
                    yield key, line


def drop_torn_line(path: Path) -> None:
    """A process killed mid-write leaves a last line without its newline: cut it."""
    if not path.exists() or not path.stat().st_size:
        return
    with path.open("rb+") as handle:
        handle.seek(-1, 2)
        if handle.read(1) == b"\n":
            return
        handle.seek(0)
        data = handle.read()
        handle.truncate(data.rfind(b"\n") + 1)


def journal(directory: Path) -> dict[str, list[str]]:
    """Record id -> the URLs of its other sources still in alternates.jsonl, in the order found."""
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for line in lines(Path(directory) / FILES["alternates"]):
        found[line["id"]].update(dict.fromkeys(url for url in (line.get("url"), line.get("page_url")) if url))
    return {record_id: list(urls) for record_id, urls in found.items()}


def fold(directory: Path) -> int:
    """Move the journal's alternates into their records' `source.alternates`; the number of records changed.

    reports.jsonl is rewritten once (to a temporary file, then renamed), then
    the journal is emptied; a crash in between only folds the same URLs again.
    """
    directory = Path(directory)
    found = journal(directory)
    path, changed = directory / FILES["records"], 0
    if found and path.exists():
        temporary = path.with_suffix(".tmp")
        with path.open(encoding="utf-8") as source, temporary.open("w", encoding="utf-8") as target:
            for text in source:
                try:
                    record = json.loads(text)
                except ValueError:  # kept as it is; the readers skip it
                    target.write(text)
                    continue
                urls = found.get(record.get("id"))
                if urls:
                    own = {record["source"]["url"], record["source"]["page_url"]}
                    known = dict.fromkeys(record["source"].get("alternates", []))
                    record["source"]["alternates"] = [url for url in {**known, **dict.fromkeys(urls)}
                                                      if url not in own]
                    text = json.dumps(record, ensure_ascii=False) + "\n"
                    changed += 1
                target.write(text)
        temporary.replace(path)
    if (directory / FILES["alternates"]).exists():
        (directory / FILES["alternates"]).write_bytes(b"")
    return changed


def describe(directory: Path) -> dict:
    """What the files hold now, over every run that wrote to them."""
    directory = Path(directory)
    files, sites = {}, defaultdict(Counter)
    records: dict[str, str] = {}
    alternates = 0
    for key, name in FILES.items():
        runs, kinds, count = Counter(), Counter(), 0
        for line in lines(directory / name):
            count += 1
            runs[line.get("run") or "?"] += 1
            if key == "records":
                source = line.get("source") or {}
                records[line["id"]] = source.get("site") or "?"
                alternates += len(source.get("alternates") or [])
            else:
                sites[line.get("site") or "?"][key] += 1
                if key == "errors":
                    kinds[f"{line.get('stage')}/{line.get('kind')}"] += 1
        files[name] = {"lines": count, "runs": dict(runs)}
        if kinds:
            files[name]["kinds"] = dict(sorted(kinds.items()))
    files[FILES["records"]]["records"] = len(records)
    files[FILES["records"]]["alternates"] = alternates
    for site in records.values():
        sites[site]["records"] += 1
    return {"files": files, "per_site": {name: dict(counts) for name, counts in sorted(sites.items())}}

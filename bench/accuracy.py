"""Where the parser stands: per-field accuracy on the hand-read excerpts (four samples) and the 22 corpus documents.

    .venv/bin/python bench/accuracy.py [--list]

Prints right / wrong / missed / invented per field group (see tests/truth.py);
--list also names every wrong, invented and missed field. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import truth  # noqa: E402

KINDS = ("right", "wrong", "missed", "invented")


def table(title: str, counts: dict[str, Counter]) -> None:
    print(f"\n{title}")
    print(f"{'field':<20}{'right':>8}{'judged':>8}{'share':>9}{'wrong':>7}{'missed':>8}{'invented':>10}")
    total = Counter()
    for group, c in counts.items():
        total.update(c)
        judged = c["right"] + c["wrong"] + c["missed"]
        share = f"{100 * c['right'] / judged:.1f}%" if judged else "-"
        print(f"{group:<20}{c['right']:>8}{judged:>8}{share:>9}{c['wrong']:>7}{c['missed']:>8}{c['invented']:>10}")
    judged = total["right"] + total["wrong"] + total["missed"]
    print(f"{'all':<20}{total['right']:>8}{judged:>8}{100 * total['right'] / max(judged, 1):>8.1f}%"
          f"{total['wrong']:>7}{total['missed']:>8}{total['invented']:>10}")


def excerpts(listing: bool, folder: Path, title: str) -> None:
    counts = {group: Counter() for group in truth.GROUPS}
    numbers = truth.numbers(folder)
    for number in numbers:
        record, want = truth.parse_excerpt(number, folder)
        verdicts = truth.judge(record, want)
        for kind in KINDS:
            for name in getattr(verdicts, kind):
                counts[truth.group_of(name.split(":")[0])][kind] += 1
                if listing and kind != "right":
                    print(f"{folder.name}/{number} {kind:<8} {name}")
    table(f"{title} (tests/files/{folder.name}, {len(numbers)} pages read by hand)", counts)


def corpus(listing: bool) -> None:
    from parsers.__main__ import parse_path

    counts: dict[str, Counter] = {}
    for path in sorted((ROOT / "tests" / "expected").glob("*.json")):
        want = json.loads(path.read_text(encoding="utf-8"))
        record = parse_path(ROOT / "tests" / "files" / "corpus" / want["source"])
        for name, expected, got in _fields(want, record):
            group = name.split(".")[0]
            kind = ("right" if expected == got else "missed" if got is None
                    else "invented" if expected is None else "wrong")
            counts.setdefault(group, Counter())[kind] += 1
            if listing and kind != "right":
                print(f"{path.stem} {kind:<8} {name}: record {got!r}, expected {expected!r}")
    table("corpus documents (tests/expected, 22 documents read by hand)", counts)


def _fields(want: dict, record: dict):
    for name in ("title", "org", "year", "published", "template"):
        got = record.get(name)
        yield name, (got if got in want.get(f"{name}_aliases", []) else want[name]), got
    for table_name in ("active_disclosure", "applications", "review_litigation"):
        yield from _cells(table_name, want[table_name], record.get(table_name))


def _cells(name, want, got):
    if isinstance(want, dict):
        for key, value in want.items():
            if key != "columns":
                yield from _cells(f"{name}.{key}", value, got.get(key) if isinstance(got, dict) else None)
    elif isinstance(want, list):
        for i, value in enumerate(want):
            yield from _cells(f"{name}.{i}", value, got[i] if isinstance(got, list) and i < len(got) else None)
    else:
        yield name, want, got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="name every field that is not right")
    args = ap.parse_args()
    excerpts(args.list, truth.EXCERPTS, "excerpts")
    excerpts(args.list, truth.EXCERPTS2, "excerpts2, a second sample")
    excerpts(args.list, truth.EXCERPTS3, "excerpts3, a third sample (its misses were fixed by class)")
    excerpts(args.list, truth.EXCERPTS4, "excerpts4, a fourth sample (96.8 % before any tuning on it)")
    excerpts(args.list, truth.EXCERPTS5, "excerpts5, a fifth sample (99.2 % before any tuning on it)")
    corpus(args.list)


if __name__ == "__main__":
    main()

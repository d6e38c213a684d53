"""Parser speed on the corpus: reports/s on the text path (one core, caches emptied
before each round), ms per page on the HTML path (split into trafilatura and own
parsing). Prints figures; asserts nothing.

    .venv/bin/python bench/parse.py [--rounds N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from parsers import html as page
from parsers.hints import Hints
from parsers.record import build_record, parse_text
from parsers.tables import read_tables
from parsers.text import normalize

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "files" / "corpus"
TEXTS = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md")
               and "trafilatura" not in p.name and p.name != "SOURCES.md")
PAGES = sorted(CORPUS.rglob("*.html"))


def forget() -> None:
    """Empty the parser's memos of inputs it has seen (bounded caches: cells, rows), so
    that every round reads the corpus as new documents (a crawl meets each page once);
    what is loaded once (libraries, converters, compiled patterns) stays loaded."""
    for name, module in list(sys.modules.items()):
        if name == "parsers" or name.startswith("parsers."):
            for value in vars(module).values():
                if (getattr(value, "cache_parameters", lambda: {})().get("maxsize") or 0) > 1:
                    value.cache_clear()


def timed(fn, *args, **kw):
    start = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    rounds = ap.parse_args().rounds
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    seconds = []
    for _ in range(rounds):
        forget()
        start = time.perf_counter()
        for t in texts:
            try:
                parse_text(t)
            except ValueError:
                pass
        seconds.append(time.perf_counter() - start)
    best = min(seconds)
    print(f"text path: {len(texts)} documents, {len(texts) / best:.0f} reports/s on one core "
          f"({best / len(texts) * 1000:.2f} ms per report, best of {rounds})")
    normal = [normalize(t) for t in texts]
    tables = []
    for _ in range(rounds):
        forget()
        start = time.perf_counter()
        for t in normal:
            read_tables(t)
        tables.append(time.perf_counter() - start)
    print(f"  of which the three tables: {min(tables) / len(texts) * 1000:.2f} ms per report")

    for path in PAGES:
        html = path.read_text(encoding="utf-8")
        traf, own = [], []
        for _ in range(max(3, rounds // 4)):
            start = time.perf_counter()
            root = page.page_tree(html)
            box = page.container(root)
            hints = Hints(title=page.page_title(root), published=page.meta(root, "PubDate"),
                          org=page.meta(root, "ContentSource"), site=page.meta(root, "SiteName"), fmt="html")
            grids = page.html_grids(box if box is not None else root)
            text, t1 = timed(page.body_text, root, box)
            build_record(text, grids=grids, hints=hints)
            own.append(time.perf_counter() - start - t1)
            traf.append(t1)
        print(f"html path: {path.name[:40]}: trafilatura {statistics.median(traf) * 1000:.1f} ms, "
              f"own parsing {statistics.median(own) * 1000:.1f} ms per page "
              f"(page tree, container, metas, grids, record)")


if __name__ == "__main__":
    main()

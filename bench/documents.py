"""Document extraction speed, split by stage: pages/s for PDF, documents/s for DOCX.

    .venv/bin/python bench/documents.py [ROUNDS]

A benchmark, not a test: it prints figures for the files in
tests/files/documents and asserts nothing.
"""
from __future__ import annotations

import io
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import pdfplumber

from parsers.documents import Limits, extract_bytes, sniff
from parsers.documents.docx import extract_docx
from parsers.documents.office import convert_to_docx, find_soffice
from parsers.documents.pdf import compose_text, group_grid, read_page, stitch
from parsers.record import build_record

FILES = Path(__file__).resolve().parents[1] / "tests" / "files" / "documents"
PDFS = ["szfgs2024.pdf", "hzq2023.pdf", "hzq2024.pdf", "sample.pdf"]
DOCXS = ["seed000.docx", "seed002.docx", "sample.docx", "template2021.docx"]
IN_PROCESS = Limits(isolate=False)


class Clock:
    """Seconds spent per stage name, summed over everything timed."""

    def __init__(self):
        self.spent: dict[str, float] = defaultdict(float)

    def time(self, stage: str, fn, *args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        self.spent[stage] += time.perf_counter() - start
        return result


def bench_pdf(data: bytes, clock: Clock) -> int:
    clock.time("sniff", sniff, data)
    with clock.time("open", lambda: pdfplumber.open(io.BytesIO(data))) as pdf:
        pages = clock.time("pages: tables + lines", lambda: [read_page(p, i) for i, p in enumerate(pdf.pages)])
    groups = clock.time("stitch + grids", lambda: stitch([x for p in pages for x in p.pieces], pages))
    grids = clock.time("stitch + grids", lambda: [group_grid(g) for g in groups])
    text = clock.time("compose text", compose_text, pages, groups, grids)
    clock.time("build_record (core)", build_record, text, grids=grids, fmt="pdf")
    return len(pages)


def bench_docx(data: bytes, clock: Clock) -> None:
    clock.time("sniff", sniff, data)
    extraction = clock.time("extract_docx", extract_docx, data, IN_PROCESS)
    clock.time("build_record (core)", build_record, extraction.text, grids=extraction.grids, fmt="docx")


def report(title: str, clock: Clock, unit: str, count: int) -> None:
    total = sum(clock.spent.values())
    print(f"\n{title}: {count / total:.1f} {unit}/s in process ({total:.2f} s for {count} {unit})")
    for stage, seconds in clock.spent.items():
        print(f"  {stage:<24} {seconds / count * 1000:8.1f} ms/{unit.rstrip('s')}  {seconds / total:6.1%}")


def worker_overhead(name: str, rounds: int) -> float:
    """Median extra seconds of the bounded worker process over in-process extraction."""
    data = (FILES / name).read_bytes()
    isolated, inline = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        extract_bytes(data)
        isolated.append(time.perf_counter() - start)
        start = time.perf_counter()
        extract_bytes(data, limits=IN_PROCESS)
        inline.append(time.perf_counter() - start)
    return statistics.median(isolated) - statistics.median(inline)


def main(rounds: int = 3) -> None:
    pdf_clock, pages = Clock(), 0
    docx_clock = Clock()
    for _ in range(rounds):
        pages += sum(bench_pdf((FILES / name).read_bytes(), pdf_clock) for name in PDFS)
        for name in DOCXS:
            bench_docx((FILES / name).read_bytes(), docx_clock)
    report(f"PDF ({', '.join(PDFS)})", pdf_clock, "pages", pages)
    report(f"DOCX ({', '.join(DOCXS)})", docx_clock, "documents", rounds * len(DOCXS))
    print(f"\nbounded worker process, extra per document: PDF {worker_overhead('szfgs2024.pdf', rounds):.2f} s, "
          f"DOCX {worker_overhead('seed000.docx', rounds):.2f} s")
    if find_soffice():
        data = (FILES / "seed000.doc").read_bytes()
        start = time.perf_counter()
        for _ in range(rounds):
            convert_to_docx(data, "doc", timeout=120)
        print(f"DOC -> DOCX with LibreOffice: {(time.perf_counter() - start) / rounds:.2f} s per document")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)

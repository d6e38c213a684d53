"""Report files (PDF, DOCX, DOC, WPS) -> the same record as an HTML page.

The format is read from the bytes (detect.sniff); extraction runs in a
bounded child process (limits.run_bounded) and yields body text plus table
grids; parsers.record.build_record turns those into the record.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..hints import NO_HINTS, Hints
from .base import DocumentError, Extraction, Grid
from .detect import sniff
from .docx import extract_docx
from .limits import DEFAULT_LIMITS, Limits, check_size, run_bounded
from .office import extract_office
from .pdf import extract_pdf

__all__ = ["DocumentError", "Extraction", "Grid", "Limits", "extract_bytes", "parse_file", "read_source", "sniff"]

DOCUMENT_FORMATS = ("pdf", "docx", "doc", "wps")


def read_source(source: str | os.PathLike | bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str | None]:
    """Path or bytes -> (bytes, file name); the size cap is checked before reading."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        check_size(len(data), limits)
        return data, None
    path = Path(source)
    try:
        check_size(path.stat().st_size, limits)
        return path.read_bytes(), path.name
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror}") from None


def extract_bytes(data: bytes, *, filename: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Extraction:
    """Bytes -> Extraction (text, grids, warnings, format), within limits."""
    fmt = sniff(data, filename=filename, limits=limits)
    return run_bounded(extract_known, (data, fmt, limits), limits)


def extract_known(data: bytes, fmt: str, limits: Limits) -> Extraction:
    """Dispatch on a sniffed format; runs inside the bounded child."""
    if fmt == "pdf":
        return extract_pdf(data, limits)
    if fmt == "docx":
        return extract_docx(data, limits)
    return extract_office(data, fmt, limits)


def parse_file(source: str | os.PathLike | bytes, *, filename: str | None = None, url: str | None = None,
               hints: Hints | None = None, limits: Limits = DEFAULT_LIMITS, **fields) -> dict:
    """A report file (path or bytes) -> its record; DocumentError for bad input
    (a scanned PDF included: without OCR it has no text to make a record of).
    ``hints`` (or its fields by name: page_url=, site=, …) as for parsers.build_record."""
    from parsers.record import build_record  # here: the core may import this package itself

    hints = (hints or NO_HINTS).with_(url=url, **fields)
    data, name = read_source(source, limits)
    extraction = extract_bytes(data, filename=filename or name, limits=limits)
    if not extraction.text.strip():
        raise DocumentError("; ".join(extraction.warnings) or f"no text in the {extraction.fmt.upper()} file")
    hints = hints.with_(fmt=extraction.fmt, sha256=hashlib.sha256(data).hexdigest(),
                        warnings=(*hints.warnings, *extraction.warnings),
                        record_id=hints.record_id or (None if hints.url else hashlib.sha1(data).hexdigest()))
    return build_record(extraction.text, grids=extraction.grids, hints=hints)

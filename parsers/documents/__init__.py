"""Report files (PDF, DOCX, DOC, WPS) -> the same record as an HTML page.

The format is read from the bytes (detect.sniff); extraction runs in a
bounded child process (limits.run_bounded) and yields body text plus table
grids; parsers.record.build_record turns those into the record.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

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
               page_url: str | None = None, site: str | None = None, fetched_at: str | None = None,
               limits: Limits = DEFAULT_LIMITS) -> dict:
    """A report file (path or bytes) -> its record; DocumentError for bad input
    (a scanned PDF included: without OCR it has no text to make a record of)."""
    from parsers.record import build_record  # here: the core may import this package itself

    data, name = read_source(source, limits)
    extraction = extract_bytes(data, filename=filename or name, limits=limits)
    if not extraction.text.strip():
        raise DocumentError("; ".join(extraction.warnings) or f"no text in the {extraction.fmt.upper()} file")
    return build_record(extraction.text, grids=extraction.grids, url=url, page_url=page_url or url,
                        fmt=extraction.fmt, site=site, sha256=hashlib.sha256(data).hexdigest(),
                        fetched_at=fetched_at, warnings=list(extraction.warnings),
                        record_id=None if url else hashlib.sha1(data).hexdigest())

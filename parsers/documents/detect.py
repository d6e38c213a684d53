"""Which format a file is, told from its bytes.

Portals mislabel attachments: a ".pdf" link may answer with an HTML error
page, a ".doc" may be RTF or DOCX, a ".wps" is usually a Word-97 file. The
extension and Content-Type are never trusted; the filename only breaks the tie
between .doc and .wps, which are the same binary family.
"""
from __future__ import annotations

import io
import re
import zipfile

from .base import DocumentError
from .limits import Limits, check_size

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<script|<title|<\?xml[^>]*>\s*<html)", re.I)
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_KINGSOFT = (b"WPS Office", b"Kingsoft", "WPS Office".encode("utf-16-le"))


_PAGE = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|table|div|p)[\s>]", re.I)
_DOCUMENT_MAGIC = (b"%PDF", b"PK\x03\x04", _OLE[:4], b"{\\rtf", b"OFD")


def kind_of(data: bytes) -> str:
    """"document" (for ``sniff`` and the extractors), "html" or "text": the first step
    for any bytes whose nature nobody vouches for (the command line's files)."""
    if data.startswith(_DOCUMENT_MAGIC) or b"\x00" in data[:1024]:
        return "document"
    return "html" if _PAGE.search(data[:4096]) else "text"


def sniff(data: bytes, *, filename: str | None = None, limits: Limits = Limits()) -> str:
    """Bytes -> "pdf" | "docx" | "doc" | "wps" | "rtf", or DocumentError naming what it is."""
    check_size(len(data), limits)
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE):
        return _ole_kind(data, filename)
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, limits)
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    text = head.lstrip(b"\xef\xbb\xbf")
    if _HTML.match(text):
        raise DocumentError("an HTML page, not a document (the server probably answered with an error or login page)")
    if text.lstrip().startswith(b"<"):
        raise DocumentError("an XML/HTML text file, not a document")
    raise DocumentError(f"unknown file format (starts with {data[:8]!r})")


def _ole_kind(data: bytes, filename: str | None) -> str:
    """Word-97 and WPS files are both OLE containers with a WordDocument
    stream; WPS Office names itself in the summary information."""
    if _WORD_STREAM not in data:
        raise DocumentError("an OLE file without a WordDocument stream (Excel or PowerPoint?), not a report")
    if any(mark in data for mark in _KINGSOFT):
        return "wps"
    if filename and filename.lower().endswith(".wps"):
        return "wps"
    return "doc"


def _zip_kind(data: bytes, limits: Limits) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise DocumentError(f"a damaged or truncated ZIP container ({exc})") from None
    names = {m.filename for m in members}
    if "word/document.xml" in names:
        check_unpacked(members, limits)
        return "docx"
    if "OFD.xml" in names:
        raise DocumentError("an OFD document: OFD is not supported yet (no text extractor)")
    raise DocumentError("a ZIP archive that is not a Word document")


def check_unpacked(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse zip bombs from the declared sizes (zipfile stops at the declared
    size when reading, so a lie only truncates the part)."""
    for member in members:
        if member.file_size > limits.max_part_bytes:
            raise DocumentError(
                f"DOCX part {member.filename} unpacks to {member.file_size >> 20} MB "
                f"(limit {limits.max_part_bytes >> 20} MB)")
    total = sum(m.file_size for m in members)
    if total > limits.max_unpacked_bytes:
        raise DocumentError(
            f"DOCX unpacks to {total >> 20} MB (limit {limits.max_unpacked_bytes >> 20} MB): a zip bomb?")

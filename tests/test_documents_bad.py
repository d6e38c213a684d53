"""Bad input: each file ends as a clear DocumentError within bounded time and
memory, and the next document is processed normally."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from parsers.documents import DocumentError, Limits, extract_bytes, parse_file, sniff
from parsers.documents import office

FILES = Path(__file__).parent / "files" / "documents"
MB = 1 << 20


def zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_with(parts: dict[str, bytes]) -> bytes:
    """seed000.docx with the given parts added or replaced."""
    with zipfile.ZipFile(FILES / "seed000.docx") as source:
        return zip_of({name: source.read(name) for name in source.namelist()} | parts)


def assert_fails(source, message: str, *, limits: Limits = Limits(), seconds: float = 30.0) -> None:
    start = time.monotonic()
    with pytest.raises(DocumentError, match=message):
        parse_file(source, limits=limits)
    assert time.monotonic() - start < seconds


def assert_next_document_works() -> None:
    assert parse_file(FILES / "hzq2024.pdf")["review_litigation"]["review"]["total"] == 2


@pytest.mark.parametrize("name,message", [
    ("empty.pdf", r"empty file \(0 bytes\)"),
    ("error-page.pdf", "an HTML page, not a document"),
    ("truncated.pdf", "truncated PDF"),
    ("encrypted.pdf", "encrypted PDF: it needs a password"),
    ("scanned.pdf", r"image-only PDF \(scanned, 图片版\).*OCR is not supported"),
])
def test_bad_files(name, message):
    assert_fails(FILES / name, message)
    assert_next_document_works()


def test_file_above_size_cap_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        out.truncate(50 * MB)
    assert_fails(big, "file is 50.0 MB, above the 40 MB limit", seconds=2)
    assert_next_document_works()


def test_zip_bomb_docx_refused_from_declared_sizes():
    bomb = docx_with({f"word/media/pad{i}.bin": bytes(3 * MB) for i in range(4)})
    assert_fails(bomb, "DOCX unpacks to 12 MB .*zip bomb",
                 limits=Limits(max_part_bytes=4 * MB, max_unpacked_bytes=8 * MB), seconds=5)
    assert_next_document_works()


def test_docx_with_huge_xml_part_refused():
    huge = docx_with({"word/document.xml": bytes(100 * MB)})
    assert_fails(huge, "DOCX part word/document.xml unpacks to 100 MB", seconds=10)
    assert_next_document_works()


def test_huge_xml_part_past_the_size_check_hits_the_memory_cap():
    """With the size checks lifted, the address-space cap of the worker still
    ends it (libxml2 reports its failed allocation as an XML syntax error)."""
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    xml = body + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 2_000_000 + b"</w:body></w:document>"
    limits = Limits(max_part_bytes=1 << 40, max_unpacked_bytes=1 << 40, memory=400 * MB, timeout=60)
    assert_fails(docx_with({"word/document.xml": xml}),
                 r"ran out of memory|killed by signal|damaged Word document \(XMLSyntaxError", limits=limits, seconds=60)
    assert_next_document_works()


def test_timeout_kills_the_worker():
    assert_fails(FILES / "szfgs2024.pdf", r"extraction timed out after 0.3 s", limits=Limits(timeout=0.3),
                 seconds=5)
    assert_next_document_works()


def test_ofd_is_named_as_unsupported():
    assert_fails(zip_of({"OFD.xml": b"<ofd:OFD/>"}), "OFD document: OFD is not supported")


def test_missing_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.raises(DocumentError, match="LibreOffice .* not installed.*libreoffice-writer-nogui"):
        extract_bytes((FILES / "seed000.doc").read_bytes(), limits=Limits(isolate=False))


@pytest.mark.parametrize("data,filename,expected", [
    (b"%PDF-1.4\n...", None, "pdf"),
    (b"\xef\xbb\xbf\r\n%PDF-1.7", None, "pdf"),
    (b"{\\rtf1\\ansi hello}", "report.doc", "rtf"),
])
def test_sniff_known_formats(data, filename, expected):
    assert sniff(data, filename=filename) == expected


def test_sniff_word_family_by_bytes_not_extension():
    doc = (FILES / "seed000.doc").read_bytes()
    assert sniff(doc, filename="report.pdf") == "doc"
    assert sniff(doc, filename="报告.WPS") == "wps"  # same Word-97 bytes: the name breaks the tie
    assert sniff((FILES / "seed000.docx").read_bytes(), filename="x.doc") == "docx"
    assert sniff((FILES / "hzq2024.pdf").read_bytes(), filename="x.docx") == "pdf"


@pytest.mark.parametrize("data,message", [
    (b"<html><body>Login</body></html>", "an HTML page"),
    (b"  <!DOCTYPE html>\n<html>", "an HTML page"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "without a WordDocument stream"),
    (zip_of({"xl/workbook.xml": b"<x/>"}), "ZIP archive that is not a Word document"),
    (b"PK\x03\x04broken", "damaged or truncated ZIP"),
    (b"\x89PNG\r\n\x1a\n....", "unknown file format"),
])
def test_sniff_refuses(data, message):
    with pytest.raises(DocumentError, match=message):
        sniff(data)


def test_a_worker_serves_documents_until_one_fails():
    """A worker is reused after a success and discarded after a failure."""
    from parsers.documents import limits
    good = (FILES / "seed000.docx").read_bytes()
    parse_file(good)
    worker = limits._POOL.idle[-1]
    parse_file(good)
    assert limits._POOL.idle[-1] is worker and worker.served >= 2
    with pytest.raises(DocumentError, match="truncated"):
        parse_file((FILES / "truncated.pdf").read_bytes())
    assert worker not in limits._POOL.idle and worker.process.poll() is not None


@pytest.mark.skipif(office.find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_a_failed_conversion_names_its_cause_not_the_java_warning():
    """soffice prints `Warning: failed to launch javaldx` on every run; the cause is elsewhere."""
    damaged = (FILES / "seed000.doc").read_bytes()[:3000]  # a Word-97 file cut short
    with pytest.raises(DocumentError) as caught:
        office.convert_to_docx(damaged, "doc", timeout=120)
    assert "could not open the file: damaged, or not a Word/WPS document" in str(caught.value)
    assert "java" not in str(caught.value)


@pytest.mark.parametrize("output, cause", [
    (b"Warning: failed to launch javaldx - java may not function correctly\n"
     b"Error: source file could not be loaded\n", "could not open the file"),
    (b"Error: source file could not be loaded\n"
     b"Warning: failed to launch javaldx - java may not function correctly\n", "could not open the file"),
    (b"Warning: failed to launch javaldx - java may not function correctly\n", "no message, exit status 81"),
    (b"convert /tmp/x/report.doc -> /tmp/x/report.docx using filter : MS Word 2007 XML\n"
     b"Error: Please reverify input parameters...\n", "Error: Please reverify input parameters..."),
])
def test_soffice_output_is_read_for_the_cause(output, cause):
    assert cause in office.failure_cause(output, 81)

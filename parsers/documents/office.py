"""DOC, WPS and RTF -> DOCX with LibreOffice, then the DOCX reader.

No Python library reads Word-97 or Kingsoft WPS tables with their merges;
LibreOffice does. It runs headless in its own session with a throw-away
profile (parallel conversions would fight over a shared one) and is killed
at the deadline together with its children.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .base import DocumentError, Extraction
from .docx import extract_docx
from .limits import Limits

INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-noto-cjk"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def extract_office(data: bytes, fmt: str, limits: Limits) -> Extraction:
    """fmt is "doc", "wps" or "rtf"; the record calls RTF files "doc" (they
    are published as .doc) and says so in a warning."""
    converted = convert_to_docx(data, fmt, timeout=limits.timeout * 0.9)
    extraction = extract_docx(converted, limits, fmt="doc" if fmt == "rtf" else fmt)
    if fmt == "rtf":
        extraction.warnings.append("the Word file is RTF; converted with LibreOffice")
    return extraction


def convert_to_docx(data: bytes, fmt: str, *, timeout: float) -> bytes:
    soffice = find_soffice()
    if soffice is None:
        raise DocumentError(f"LibreOffice (soffice) is not installed; {fmt.upper()} files need it ({INSTALL_HINT})")
    with tempfile.TemporaryDirectory(prefix="nianbao-soffice-") as tmp:
        source = Path(tmp, f"report.{fmt}")
        source.write_bytes(data)
        command = [soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", tmp, str(source)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True, env={**os.environ, "HOME": tmp})
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise DocumentError(f"LibreOffice conversion timed out after {timeout:g} s") from None
        finally:
            _kill_session(process)
        result = Path(tmp, "report.docx")
        if not result.exists():
            raise DocumentError(f"LibreOffice could not convert the {fmt.upper()} file "
                                f"({failure_cause(stdout + stderr, process.returncode)})")
        return result.read_bytes()


#: What soffice prints on every run, whatever happened (no Java here; the conversion announcement).
_NOISE = re.compile(r"javaldx|java may not function|^convert .* using filter", re.I)


def failure_cause(output: bytes, status: int | None) -> str:
    """The line of soffice's output that says why no DOCX came out, not its Java warning."""
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines()
             if line.strip() and not _NOISE.search(line)]
    if any("source file could not be loaded" in line for line in lines):
        return "it could not open the file: damaged, or not a Word/WPS document"
    errors = [line for line in lines if line.lower().startswith("error")]
    if errors or lines:
        return (errors or lines)[-1]
    return f"no output file and no message, exit status {status}"


def _kill_session(process: subprocess.Popen) -> None:
    """soffice is a launcher; soffice.bin may outlive it, so kill the session."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()

"""Decompression-bomb PDFs: one page whose content stream inflates from ~1/1000 of its size.

The class: a small hostile or broken PDF whose extraction needs memory out of proportion to its
bytes (a Flate stream of blanks, as a generator or a corrupted encoder produces). Used by the
memory-budget test and bench/memory.py.
"""
from __future__ import annotations

import zlib

MB = 1 << 20


def pdf_bomb(inflated: int) -> bytes:
    """A valid one-page PDF whose content stream inflates to `inflated` bytes."""
    chunk, packer = b" " * MB, zlib.compressobj(9)
    stream = b"".join(packer.compress(chunk) for _ in range(max(1, inflated // MB))) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + (b"xref\n0 %d\n0000000000 65535 f \n%strailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                  % (len(objects) + 1, table, len(objects) + 1, len(out)))

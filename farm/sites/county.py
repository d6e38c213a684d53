"""What the blind-built county sites share: full organ names, slugs, and report files.

Real portals name a township's organ "XX县石桥镇人民政府" (not "XX石桥镇"), and
give departments short pinyin slugs in their URLs; report files are mostly PDFs
(portals.md §4.4). The sites built on this class only lay their pages out.
"""
from __future__ import annotations

import hashlib
import html
from datetime import date

from .. import content
from ..model import DEPARTMENTS, DOCX, TOWNS, Doc, File, Site

SLUGS = dict(zip(DEPARTMENTS, ("jyj", "czj", "zrzyj", "wjw", "scjgj", "nyncj", "mzj", "jtysj", "slj", "wlj",
                               "zjj", "yjj")))
TOWN_SLUGS = dict(zip(TOWNS, ("cgz", "sqz", "hkx", "xhjd", "dlz", "bsx", "lqz", "qsx", "xhujd", "llz")))


class CountySite(Site):
    """A county portal with full organ names; `departments`/`towns` say how many at scale 1."""

    departments = 2
    towns = 2

    def make_units(self, scale: int) -> dict[str, str]:
        units = {"gov": f"{self.county}人民政府", "office": f"{self.county}人民政府办公室"}
        start = sum(map(ord, self.county))  # each county its own choice of departments and towns
        for index in range(self.departments + scale - 1):
            units[f"dept{index}"] = self.county + DEPARTMENTS[(start + index) % len(DEPARTMENTS)]
        for index in range(self.towns + scale - 1):
            town = TOWNS[(start + 3 * index) % len(TOWNS)]
            units[f"town{index}"] = self.county + town + ("办事处" if town.endswith("街道") else "人民政府")
        return units

    def make_docs(self, scale: int) -> None:
        """Each site plans its own documents in `plan_docs`."""
        self.plan_docs()

    def plan_docs(self) -> None:
        raise NotImplementedError

    def report_title(self, unit: str, year: int) -> str:
        """How this portal names `unit`'s report for `year` (each site its own variety)."""
        raise NotImplementedError

    def plan_reports(self, files: dict[tuple[str, int], tuple[str, bool]], unit_first: bool = False) -> None:
        """One report per unit and year (years outer unless `unit_first`: the order fixes ids and
        figures), titled by `report_title`; `files` maps (unit, year) to the (ext, keep_body) of
        the file a report is published as."""
        pairs = ([(u, y) for u in self.units for y in self.span] if unit_first
                 else [(u, y) for y in self.span for u in self.units])
        for unit, year in pairs:
            doc = self.report(unit, year, self.report_title(unit, year))
            if (unit, year) in files:
                ext, keep_body = files[unit, year]
                self.filed(doc, ext, keep_body=keep_body)

    # -- names ---------------------------------------------------------------------------------------
    def short(self, unit: str) -> str:
        """The organ without the county: 教育局, 石桥镇 (how titles on county portals often name it)."""
        org = self.units[unit].removeprefix(self.county)
        return org.removesuffix("人民政府").removesuffix("办事处") if unit.startswith("town") else org

    def slug(self, unit: str) -> str:
        name = self.short(unit)
        return SLUGS.get(name) or TOWN_SLUGS.get(name) or unit

    def units_of(self, prefix: str) -> list[str]:
        return [u for u in self.units if u.startswith(prefix)]

    # -- documents -----------------------------------------------------------------------------------
    def filed(self, doc: Doc, ext: str = "pdf", keep_body: bool = False) -> Doc:
        """Give a report its file: a PDF (or DOCX) of its text; the page keeps only 详见附件 unless `keep_body`."""
        name = f"{doc.title}.{ext}"
        data = content.pdf_bytes(doc.title, doc.body) if ext == "pdf" else content.docx_bytes(doc.title, doc.body)
        doc.files = [File(name, data, "application/pdf" if ext == "pdf" else DOCX)]
        doc.form = "copy" if keep_body else "file"
        if not keep_body:
            doc.body = "<p>详见附件。</p>"
        return doc

    def other(self, unit: str, title: str, year: int, published: date, body: str | None = None) -> Doc:
        """A look-alike with a title of its own (portals.md §4.5)."""
        doc = self.lookalike(unit, 0, year, title)
        doc.published = published
        if body:
            doc.body = body
        return doc

    def number(self, *parts) -> int:
        """A stable CMS number (column suffix, article id) from a name."""
        return int(hashlib.md5("/".join(map(str, parts)).encode()).hexdigest()[:8], 16)

    @staticmethod
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

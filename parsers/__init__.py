"""Shared parser: any annual-report text, page or file -> one record (shared/spec/record.md).

No Scrapy import anywhere in this package: the crawler, the command line and
the tests all call these same pure functions. Stages: template (the format as
data) -> metadata, sections -> linear / grid (shapes -> cells) -> tables ->
checks -> record; documents/ turns PDF, DOCX, DOC and WPS files into text and
grids for the same record builder.

What a caller knows about a document (its address, the page's title and date,
the seed row's organ and region …) goes in one ``Hints`` object (or as its
fields by name): ``parse_html(html, url=…, hints=Hints(published=…, org=…))``.

Names are imported on first use, so that a document worker process does not
pay for trafilatura, which only the HTML path needs.
"""
from importlib import import_module

_EXPORTS = {"build_record": ".record", "parse_text": ".record", "parse_html": ".html",
            "decode": ".html", "parse_file": ".documents", "Hints": ".hints",
            "NotAReport": ".record", "TooLarge": ".record"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(f"module 'parsers' has no attribute {name!r}")

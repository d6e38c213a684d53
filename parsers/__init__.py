"""Shared parser: any annual-report text, page or file -> one record (shared/spec/record.md).

No Scrapy import anywhere in this package: the crawler, the command line and
the tests all call these same pure functions. Stages: template (the format as
data) -> sections -> linear / grid (shapes -> cells) -> tables -> checks ->
record.
"""
from .html import decode, parse_html
from .record import build_record, parse_text

__all__ = ["build_record", "decode", "parse_html", "parse_text"]

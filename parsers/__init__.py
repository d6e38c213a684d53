"""Shared parser: any annual-report text, page or file -> one record (see shared/spec/record.md).

No Scrapy import anywhere in this package: the crawler, the command line and
the tests all call these same pure functions.
"""
from .record import build_record, parse_html, parse_text

__all__ = ["build_record", "parse_html", "parse_text"]

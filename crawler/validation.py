"""Every record is checked against the record schema (parsers/schema) before it is
written; one that breaks it goes to errors.jsonl as a `schema` failure instead, so
reports.jsonl only ever holds valid records."""
from __future__ import annotations

from parsers.schema import validate

from .items import Failure, Record


class ValidationPipeline:
    max_problems = 5  # enough to find the bug, short enough to read

    def process_item(self, item, spider=None):
        if not isinstance(item, Record):
            return item
        problems = validate(item.data)
        if not problems:
            return item
        document = item.document
        return Failure(url=document.url, page_url=document.page_url, stage="parse", kind="schema",
                       error="; ".join(problems[: self.max_problems]), site=document.site, role=document.kind)

"""Every record is checked against the record schema (parsers/schema) before it is written; one
that breaks it becomes a `schema` failure in errors.jsonl, so reports.jsonl only holds valid records.

The message names the path of each failing value (`applications/rows/granted/3: -5 is less than
the minimum of 0`): where the schema allows null or a table, jsonschema reports the whole table
as "not valid under any of the given schemas", so the deepest failures under it are reported.
"""
from __future__ import annotations

from jsonschema import Draft202012Validator

from parsers.schema import schema

from ..items import Failure, Record

MAX_PROBLEMS = 5    # enough to find the bug, short enough to read
MESSAGE_MAX = 160   # characters of one jsonschema message (values can be whole tables)


class ValidationPipeline:
    def __init__(self):
        self.validator = Draft202012Validator(schema())

    def process_item(self, item, spider=None):
        if not isinstance(item, Record):
            return item
        problems = sorted({problem for error in self.validator.iter_errors(dict(item)) for problem in leaves(error)})
        if not problems:
            return item
        source = item["source"]
        more = f" (and {len(problems) - MAX_PROBLEMS} more)" if len(problems) > MAX_PROBLEMS else ""
        return Failure(url=source["url"], page_url=source["page_url"], stage="parse", kind="schema",
                       error="; ".join(problems[:MAX_PROBLEMS]) + more, site=source["site"],
                       role=item.role, requested=(source.get("redirects") or [None])[0])


def leaves(error) -> list[str]:
    """'path: message' of the deepest failures under a jsonschema error."""
    found = []

    def walk(node):
        if node.context:
            for child in node.context:
                walk(child)
        else:
            found.append(node)

    walk(error)
    depth = max(len(node.absolute_path) for node in found)
    return [f"{'/'.join(map(str, node.absolute_path)) or '(record)'}: {short(node.message)}"
            for node in found if len(node.absolute_path) == depth]


def short(message: str) -> str:
    return message if len(message) <= MESSAGE_MAX else message[:MESSAGE_MAX] + "…"

"""The record's JSON Schema, generated from the template (parsers/template.py) and
the checks, so that row keys, columns and rule names are written once.

`python -m parsers.schema.build > parsers/schema/record.schema.json` refreshes the
shipped file; a test fails while the two differ.
"""
from __future__ import annotations

import json

from .. import template as T
from ..checks import run_checks
from ..values import MAX_AMOUNT, MAX_COUNT

# Source formats: record.md's list plus the others the crawler's sniffer names.
FORMATS = ("html", "pdf", "docx", "doc", "wps", "txt", "md", "xls", "xlsx", "et", "ofd")
NULLABLE_STRING = {"type": ["string", "null"]}
def rule_names() -> list[str]:
    """Every consistency rule, named by running the checks on a table of zeros."""
    rows = {row.key: [0] * len(T.APPLICANT_COLUMNS) for row in T.APPLICATIONS_2021}
    review = {group: dict.fromkeys(T.REVIEW_COLUMNS, 0) for group in T.REVIEW_GROUPS}
    return [check["rule"] for check in run_checks({"rows": rows}, review)]


def cell(column: str) -> dict:
    """The parser's own rule (parsers.values.settle): money in 万元 is any number from 0,
    a change (本年增/减) a whole number that may be negative, every other cell a count;
    null is 'not reported' or 'not readable'."""
    if column in T.MONEY_COLUMNS:
        return {"type": ["number", "null"], "minimum": 0, "maximum": MAX_AMOUNT}
    if column in T.SIGNED_COLUMNS:
        return {"type": ["integer", "null"], "minimum": -MAX_COUNT, "maximum": MAX_COUNT}
    return {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_COUNT}


def _object(properties: dict, required: list | None = None, extra: bool = False) -> dict:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required,
            "additionalProperties": extra}


def active_shape(template: str) -> dict:
    """Table 二: every row of the template, and the optional rows where a report has them;
    a row may add the other format's columns (a hybrid table names them, see T.Row)."""
    rows = T.active_rows(template, extra=True)
    return _object({row.key: _object({column: cell(column) for column in row.columns + row.alternative},
                                     required=list(row.columns)) for row in rows},
                   required=[row.key for row in rows if not row.optional])


def applications_shape(template: str) -> dict:
    width = len(T.APPLICANT_COLUMNS)
    rows = {row.key: {"type": "array", "minItems": width, "maxItems": width,
                      "items": cell("")} for row in T.application_rows(template)}
    return _object({"columns": {"const": list(T.APPLICANT_COLUMNS)}, "rows": _object(rows)},
                   extra=True)  # record.md: extra figures may go under additional keys


def build_schema() -> dict:
    review_group = _object({column: cell(column) for column in T.REVIEW_COLUMNS})
    properties = {
        "id": {"type": "string", "pattern": "^[0-9a-f]{40}$"},
        "title": NULLABLE_STRING,
        "org": NULLABLE_STRING,
        "year": {"type": ["integer", "null"], "minimum": 2000, "maximum": 2100},
        "published": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "template": {"enum": ["2021", "2019", "mixed", None]},
        "region": _object({"province": NULLABLE_STRING, "city": NULLABLE_STRING,
                           "county": NULLABLE_STRING,
                           "adcode": {"type": ["string", "null"], "pattern": r"^\d{6}$"}}),
        "source": _object({"url": NULLABLE_STRING, "page_url": NULLABLE_STRING,
                           "format": {"enum": list(FORMATS)}, "fetched_at": NULLABLE_STRING,
                           "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
                           "site": NULLABLE_STRING},
                          extra=True),
        "sections": _object({name: NULLABLE_STRING for name in T.SECTIONS}),
        "active_disclosure": {"anyOf": [{"type": "null"}, active_shape("2021"), active_shape("2019")]},
        "applications": {"anyOf": [{"type": "null"}, applications_shape("2021"),
                                   applications_shape("2019")]},
        "review_litigation": {"anyOf": [{"type": "null"},
                                        _object({group: review_group for group in T.REVIEW_GROUPS})]},
        "checks": {"type": "array", "items": _object({"rule": {"enum": rule_names()},
                                                      "ok": {"type": "boolean"},
                                                      "detail": NULLABLE_STRING})},
        "warnings": {"type": "array", "items": {"type": "string"}},
        "text": {"type": "string"},
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://github.com/nianbao/nianbao/record.schema.json",
            "title": "政府信息公开工作年度报告 record (shared/spec/record.md, contract v1)",
            **_object(properties, extra=True)}  # record.md: add keys freely


def render() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(render(), end="")

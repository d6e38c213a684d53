"""The current view as one SQLite file (sqlite-utils), for Datasette and for SQL:

    reports  one row per report, every column of the wide export (sources as JSON)
    cells    one row per report and table cell: report_id, name, table, row, column, label, unit, value
    organs   one row per organ_id: canonical name, kind, division, years covered
    checks   every check of every report: the template's four rules, year_chain, text_vs_table
    sources  every URL of every copy of a report (the kept one first)
    columns  the column dictionary (reports columns)

with foreign keys to reports.id and organs.organ_id, and indexes on what is filtered by.
metadata.json beside it gives Datasette the tables' and columns' descriptions.
"""
from __future__ import annotations

import json
from pathlib import Path

from .columns import CELLS, LONG, RULE_LABELS, WIDE, present, value

TABLES = {
    "reports": ("年报：每份年报一行（当前版本，每个机关每年一份）",
                "One row per report: the current version, one per organ and year; every figure of tables 二, 三, 四"),
    "cells": ("单元格：每份年报的每个表格单元格一行", "One row per report and table cell (long form)"),
    "organs": ("机关：跨年份、跨写法的同一机关", "One row per organ, stable across years and spellings"),
    "checks": ("核对结果：勾稽关系、跨年核对、正文与表格核对",
               "Every check of every report: the template's rules, year_chain, text_vs_table. Reported, never fixed"),
    "sources": ("来源：每份年报所有副本的地址", "Every URL of every copy of a report, the kept one first"),
    "columns": ("列说明：每一列的中文名称、单位和空值含义", "The column dictionary: label, unit, meaning of null"),
}


def write_sqlite(path: Path, records: list[dict]) -> dict[str, int]:
    """Write the database (replacing the file) and return the row count of each table."""
    import sqlite_utils

    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    types = {"string": str, "int64": int, "float64": float, "bool": int, "list": str}
    tables = {  # name: (columns, primary key, foreign keys, rows); every table is created, even empty
        "organs": ({"organ_id": str, "name": str, "kind": str, "adcode": str, "province": str, "city": str,
                    "county": str, "body": str, "reports": int, "first_year": int, "last_year": int},
                   "organ_id", [], _organs(records).values()),
        "reports": ({c.name: types[c.dtype] for c in WIDE}, "id", [("organ_id", "organs", "organ_id")],
                    (_report_row(record) for record in records)),
        "cells": ({"report_id": str, "name": str, "table": str, "row": str, "column": str, "label": str,
                   "unit": str, "value": float}, ("report_id", "name"), [("report_id", "reports", "id")],
                  ({"report_id": record["id"], "name": cell.name, "table": cell.table, "row": cell.row,
                    "column": cell.column, "label": cell.label, "unit": cell.unit, "value": value(record, cell)}
                   for record in records for cell in CELLS if present(record, cell))),
        "checks": ({"report_id": str, "rule": str, "ok": int, "detail": str, "by": str, "label": str},
                   None, [("report_id", "reports", "id")],
                   ({"report_id": record["id"], "rule": check.get("rule"), "ok": int(bool(check.get("ok"))),
                     "detail": check.get("detail"),
                     "by": "dataset" if check.get("rule") in ("year_chain", "text_vs_table") else "parser",
                     "label": RULE_LABELS.get(check.get("rule"), ("",))[0]}
                    for record in records for check in record.get("checks") or [])),
        "sources": ({"report_id": str, "url": str, "kept": int}, ("report_id", "url"),
                    [("report_id", "reports", "id")],
                    ({"report_id": record["id"], "url": url, "kept": int(i == 0)}
                     for record in records for i, url in enumerate(record.get("sources") or []))),
        "columns": ({"table_name": str, "name": str, "type": str, "label": str, "unit": str, "description": str,
                     "null_means": str}, ("table_name", "name"), [],
                    ({"table_name": table, "name": c.name, "type": c.dtype, "label": c.label, "unit": c.unit,
                      "description": c.description, "null_means": c.null}
                     for table, columns in (("reports", WIDE), ("cells", LONG)) for c in columns)),
    }
    for name, (columns, pk, foreign_keys, rows) in tables.items():
        db[name].create(columns, pk=pk, foreign_keys=foreign_keys)
        db[name].insert_all(rows)
    for table, columns in (("reports", ["organ_id", "year"]), ("reports", ["year"]), ("reports", ["adcode"]),
                           ("reports", ["province", "year"]), ("reports", ["level"]), ("cells", ["name"]),
                           ("checks", ["report_id"]), ("checks", ["rule", "ok"]), ("organs", ["adcode"])):
        db[table].create_index(columns, if_not_exists=True)
    db.conn.commit()
    counts = {name: db[name].count for name in TABLES}
    db.close()
    return counts


def _report_row(record: dict) -> dict:
    row = {}
    for column in WIDE:
        item = column.get(record)
        if column.dtype == "list":
            item = json.dumps(item or [], ensure_ascii=False)
        elif column.dtype == "bool" and item is not None:
            item = int(item)
        row[column.name] = item
    return row


def _organs(records: list[dict]) -> dict[str, dict]:
    organs: dict[str, dict] = {}
    for record in records:
        organ = record.get("organ") or {}
        if not organ.get("id"):
            continue
        year = record.get("year")
        region = record.get("region") or {}
        entry = organs.setdefault(organ["id"], {
            "organ_id": organ["id"], "name": organ["name"], "kind": organ["kind"], "adcode": organ["adcode"],
            **_division_names(organ["adcode"], region), "body": organ["body"], "reports": 0,
            "first_year": year, "last_year": year})
        entry["reports"] += 1
        if isinstance(year, int):
            entry["first_year"] = min(y for y in (entry["first_year"], year) if y is not None)
            entry["last_year"] = max(y for y in (entry["last_year"], year) if y is not None)
    return organs


def _division_names(adcode: str, region: dict) -> dict:
    from parsers.region import named
    names = region if region.get("adcode") == adcode else named(adcode)
    return {key: names.get(key) for key in ("province", "city", "county")}


def datasette_metadata(database: str) -> dict:
    """Titles and column descriptions (Chinese label · English description · unit · null)."""
    def describe(column) -> str:
        unit = f" · 单位 unit: {column.unit}" if column.unit else ""
        return f"{column.label} · {column.description}{unit} · null: {column.null}"
    wide = {c.name: describe(c) for c in WIDE}
    long = {c.name: describe(c) for c in LONG}
    columns = {
        "reports": wide,
        "cells": {**{k: v for k, v in long.items() if k not in ("id", "organ_id", "org", "year", "adcode")},
                  "report_id": "记录编号 · the report (reports.id)"},
        "organs": {"organ_id": wide["organ_id"], "name": wide["organ_name"], "kind": wide["level"],
                   "adcode": "行政区划代码 · the organ's division (may differ from a report's region: a city's "
                             "report on a county portal)", "body": "机构名称（去掉地名）· the name without place names",
                   "reports": "年报份数 · reports in this database", "first_year": "最早年度 · first year",
                   "last_year": "最近年度 · last year"},
        "checks": {"report_id": "记录编号 · the report (reports.id)", "rule": "规则 · rule name",
                   "ok": "是否通过 · 1 holds, 0 fails", "detail": "说明 · the numbers compared",
                   "by": "来源 · parser (template rules) or dataset (year_chain, text_vs_table)",
                   "label": "规则说明 · what the rule says"},
        "sources": {"report_id": "记录编号 · the report (reports.id)", "url": "地址 · URL of a copy",
                    "kept": "1: the copy kept (its figures are in reports)"},
    }
    return {"title": "政府信息公开工作年度报告 · Government information disclosure annual reports",
            "description": "Reports as checked data (nianbao). 单位：件 unless a column says otherwise; "
                           "行政事业性收费 in 万元. Blank cells are null, never 0.",
            "databases": {database: {"tables": {
                name: {"title": zh, "description": en, **({"columns": columns[name]} if name in columns else {}),
                       **({"label_column": "name"} if name == "organs" else {})}
                for name, (zh, en) in TABLES.items()}}}}


def write_metadata(path: Path) -> Path:
    target = path.with_name(path.stem + ".metadata.json")
    target.write_text(json.dumps(datasette_metadata(path.stem), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    return target

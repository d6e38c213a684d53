"""datapackage.json (Frictionless Data Package) beside CSV and Parquet exports: each file
a resource, each column a field with its type, unit, Chinese label and what a null means,
so that a reader (or `frictionless validate`) knows the table without this project."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .columns import Column

FIELD_TYPES = {"string": "string", "int64": "integer", "float64": "number", "bool": "boolean", "list": "string"}
PACKAGE = "datapackage.json"


def field(column: Column, fmt: str) -> dict:
    listed = column.dtype == "list"
    described = column.description + (" (space-separated in CSV)" if listed and fmt == "csv" else "")
    spec = {"name": column.name, "type": "array" if listed and fmt == "parquet" else FIELD_TYPES[column.dtype],
            "title": column.label, "description": f"{described}. Null: {column.null}."}
    if column.unit:
        spec["unit"] = column.unit
    if column.dtype == "bool" and fmt == "csv":
        spec |= {"trueValues": ["true"], "falseValues": ["false"]}
    return spec


def resource(path: Path, columns: list[Column], rows: int) -> dict:
    fmt = path.suffix.lstrip(".").lower()
    spec = {"name": re.sub(r"[^a-z0-9._-]", "-", path.name.lower()), "path": path.name, "format": fmt,
            "title": "政府信息公开工作年度报告 · " + ("宽表（每份年报一行）" if "long" not in path.stem
                                                    else "长表（每个单元格一行）"),
            "description": f"{rows} rows. One row per report (current versions, one per organ and year)"
                           if "long" not in path.stem else f"{rows} rows. One row per report and table cell",
            "schema": {"fields": [field(column, fmt) for column in columns],
                       **({"missingValues": [""]} if fmt == "csv" else {}),
                       **({"primaryKey": ["id"]} if "long" not in path.stem else {})}}
    if fmt == "csv":
        spec |= {"mediatype": "text/csv", "encoding": "utf-8", "dialect": {"header": True, "delimiter": ","}}
    return spec


def write_package(path: Path, columns: list[Column], rows: int) -> Path:
    """Add (or replace) the export's resource in the datapackage.json of its folder."""
    target = path.parent / PACKAGE
    package = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    package.setdefault("name", "nianbao-reports")
    package.setdefault("title", "政府信息公开工作年度报告数据 · China's government information disclosure annual reports")
    new = resource(path, columns, rows)
    package["resources"] = [r for r in package.get("resources", []) if r.get("path") != path.name] + [new]
    target.write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target

"""Records -> tables an analyst opens in one step: wide (one row per report, one
column per cell, see columns.py) or long (one row per report and cell), as CSV or
Parquet. A null stays a null: an empty CSV field, a Parquet null, never 0."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

from parsers.schema.build import rule_names

from .columns import CELLS, present, value
from .organ import level_of

Column = tuple[str, str, Callable[[dict], object]]  # (name, dtype, getter)


def _source(key: str) -> Callable[[dict], object]:
    return lambda record: (record.get("source") or {}).get(key)


def _region(key: str) -> Callable[[dict], object]:
    return lambda record: (record.get("region") or {}).get(key)


def _check(rule: str) -> Callable[[dict], object]:
    """True or False where the rule was evaluated, null where a cell it needs is missing."""
    return lambda record: next((c["ok"] for c in record.get("checks") or [] if c["rule"] == rule), None)


def _cell(cell) -> Callable[[dict], object]:
    def get(record: dict):
        number = value(record, cell)
        return int(number) if cell.dtype == "int64" and isinstance(number, float) and number.is_integer() \
            else number
    return get


META: list[Column] = [
    ("id", "string", lambda r: r.get("id")),
    ("org", "string", lambda r: r.get("org")),
    ("year", "int64", lambda r: r.get("year")),
    ("published", "string", lambda r: r.get("published")),
    ("title", "string", lambda r: r.get("title")),
    ("template", "string", lambda r: r.get("template")),
    ("level", "string", lambda r: level_of(r.get("org"))),
    *[(key, "string", _region(key)) for key in ("province", "city", "county", "adcode")],
    *[(key, "string", _source(key)) for key in ("format", "url", "page_url", "site", "fetched_at")],
    ("sources", "list", lambda r: r.get("sources") or [u for u in (_source("url")(r),) if u]),
    *[(f"check_{rule.replace('.', '_')}", "bool", _check(rule)) for rule in rule_names()],
    ("warnings", "int64", lambda r: len(r.get("warnings") or [])),
]

WIDE: list[Column] = META + [(cell.name, cell.dtype, _cell(cell)) for cell in CELLS]

LONG_COLUMNS: list[tuple[str, str]] = [
    ("id", "string"), ("org", "string"), ("year", "int64"), ("adcode", "string"),
    ("table", "string"), ("row", "string"), ("column", "string"), ("name", "string"),
    ("value", "float64")]


def wide(records: Iterable[dict]) -> tuple[list[tuple[str, str]], list[dict]]:
    """(columns as (name, dtype), one row per record)."""
    rows = [{name: get(record) for name, _, get in WIDE} for record in records]
    return [(name, dtype) for name, dtype, _ in WIDE], rows


def long(records: Iterable[dict]) -> tuple[list[tuple[str, str]], list[dict]]:
    """(columns, one row per cell that the record's tables have; blank cells as null values)."""
    rows = [{"id": record.get("id"), "org": record.get("org"), "year": record.get("year"),
             "adcode": _region("adcode")(record), "table": cell.table, "row": cell.row,
             "column": cell.column, "name": cell.name, "value": value(record, cell)}
            for record in records for cell in CELLS if present(record, cell)]
    return LONG_COLUMNS, rows


def write_csv(path: Path, columns: list[tuple[str, str]], rows: list[dict], bom: bool = False) -> None:
    """UTF-8 (with a BOM for Excel when asked); null -> empty field, lists space-separated."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([name for name, _ in columns])
        for row in rows:
            writer.writerow([_csv_field(row[name]) for name, _ in columns])


def _csv_field(item: object) -> object:
    if item is None:
        return ""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, list):
        return " ".join(item)
    return item


def arrow_table(columns: list[tuple[str, str]], rows: list[dict]):
    """A pyarrow Table with the declared types; each cell column carries its template label."""
    import pyarrow as pa
    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    labels = {cell.name: cell for cell in CELLS}
    fields = [pa.field(name, types[dtype], metadata=_field_metadata(labels.get(name))) for name, dtype in columns]
    return pa.Table.from_pylist(rows, schema=pa.schema(fields))


def _field_metadata(cell) -> dict | None:
    if cell is None:
        return None
    return {"table": cell.table, "row": cell.row, "column": cell.column, "label": cell.label}


def write_parquet(path: Path, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    import pyarrow.parquet as pq
    pq.write_table(arrow_table(columns, rows), path)

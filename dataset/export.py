"""Current records -> tables an analyst opens in one step: wide (one row per report, one
column per cell) or long (one row per report and cell), as CSV or Parquet. A null stays a
null: an empty CSV field, a Parquet null, never 0. The columns are dataset.columns'."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .columns import CELLS, LONG, WIDE, Column, present, value


class ExportError(Exception):
    """A value the target format cannot hold, named by record and column."""


def wide(records: Iterable[dict]) -> tuple[list[Column], list[dict]]:
    """(columns, one row per record)."""
    return WIDE, [{column.name: column.get(record) for column in WIDE} for record in records]


def long(records: Iterable[dict]) -> tuple[list[Column], list[dict]]:
    """(columns, one row per cell that the record's tables have; blank cells as null values)."""
    rows = [{"id": record.get("id"), "organ_id": (record.get("organ") or {}).get("id"), "org": record.get("org"),
             "year": record.get("year"), "adcode": (record.get("region") or {}).get("adcode"),
             "table": cell.table, "row": cell.row, "column": cell.column, "name": cell.name,
             "label": cell.label, "unit": cell.unit, "value": value(record, cell)}
            for record in records for cell in CELLS if present(record, cell)]
    return LONG, rows


# A spreadsheet runs a text cell that begins with one of these as a formula
# (=HYPERLINK(…) in a portal's title): such a cell is written with a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(path: Path, columns: list[Column], rows: list[dict], bom: bool = False) -> None:
    """UTF-8 (with a BOM for Excel when asked); null -> empty field, lists space-separated,
    text that a spreadsheet would run as a formula neutralised."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([column.name for column in columns])
        for row in rows:
            writer.writerow([_csv_field(row[column.name]) for column in columns])


def _csv_field(item: object) -> object:
    if item is None:
        return ""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, list):
        return neutralised(" ".join(item))
    if isinstance(item, str):
        return neutralised(item)
    return item


def arrow_table(columns: list[Column], rows: list[dict]):
    """A pyarrow Table with the declared types; each field carries its label, unit and meaning."""
    import pyarrow as pa
    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    fields = [pa.field(c.name, types[c.dtype], metadata={
        "label": c.label, "description": c.description, "unit": c.unit, "null": c.null,
        **({"table": c.cell.table, "row": c.cell.row, "column": c.cell.column} if c.cell else {})})
        for c in columns]
    try:
        return pa.Table.from_pylist(rows, schema=pa.schema(fields))
    except (OverflowError, pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ExportError(_misfit(columns, rows) or f"Parquet cannot hold a value: {exc}") from exc


def _misfit(columns: list[Column], rows: list[dict]) -> str | None:
    """The first value that does not fit its column's type, named."""
    for row in rows:
        for column in columns:
            item = row[column.name]
            if item is None:
                continue
            fits = {"int64": lambda v: isinstance(v, int) and not isinstance(v, bool) and -2**63 <= v < 2**63,
                    "float64": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                    "bool": lambda v: isinstance(v, bool), "string": lambda v: isinstance(v, str),
                    "list": lambda v: isinstance(v, list)}[column.dtype]
            if not fits(item):
                return (f"record {row.get('id')}: column {column.name} holds {str(item)[:40]}, "
                        f"which does not fit its type ({column.dtype})")
    return None


def write_parquet(path: Path, columns: list[Column], rows: list[dict]) -> None:
    import pyarrow.parquet as pq
    pq.write_table(arrow_table(columns, rows), path)

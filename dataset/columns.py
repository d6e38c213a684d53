"""Stable names for every table cell, derived from the template (parsers/template.py):

    art20_<row>_<column>   table 二 (第二十条), e.g. art20_licensing_decisions
    apps_<row>_<column>    table 三, e.g. apps_new_received_total
    rl_<group>_<column>    table 四 (复议/诉讼), e.g. rl_litigation_direct_upheld

Both template versions share one set of names: the 2021 cells first, then those only
the 2019 format has (art20_regulations_new_made, apps_other_total, …). A name is
never reused for another cell; `reports columns` prints the whole list.
"""
from __future__ import annotations

from dataclasses import dataclass

from parsers import template as T
from parsers.schema.build import cell as cell_schema

PREFIX = {"active_disclosure": "art20", "applications": "apps", "review_litigation": "rl"}


@dataclass(frozen=True)
class Cell:
    name: str
    table: str
    row: str
    column: str
    label: str   # the template's row label, "" where the template has none (table 四)
    dtype: str   # int64 | float64


def _cell(table: str, row: str, column: str, label: str) -> Cell:
    dtype = "float64" if "number" in cell_schema(column)["type"] else "int64"
    return Cell(f"{PREFIX[table]}_{row}_{column}", table, row, column, label, dtype)


def _all() -> tuple[Cell, ...]:
    """Every cell of both formats, once each, in template order."""
    cells = [_cell("active_disclosure", row.key, column, row.label)
             for template in ("2021", "2019") for row in T.active_rows(template) for column in row.columns]
    cells += [_cell("applications", row.key, column, row.label)
              for template in ("2021", "2019") for row in T.application_rows(template)
              for column in T.APPLICANT_COLUMNS]
    cells += [_cell("review_litigation", group, column, "")
              for group in T.REVIEW_GROUPS for column in T.REVIEW_COLUMNS]
    unique: dict[str, Cell] = {}
    for cell in cells:  # a row of both formats keeps its 2021 label
        unique.setdefault(cell.name, cell)
    return tuple(unique.values())


CELLS = _all()


def present(record: dict, cell: Cell) -> bool:
    """Whether the record's table has this cell at all (a 2019 cell is absent from a 2021 table)."""
    table = record.get(cell.table)
    if not table:
        return False
    if cell.table == "applications":
        return cell.row in table.get("rows", {})
    return cell.column in (table.get(cell.row) or {})


def value(record: dict, cell: Cell) -> int | float | None:
    """The cell's number, None where the report leaves it blank or does not have it."""
    if not present(record, cell):
        return None
    table = record[cell.table]
    if cell.table == "applications":
        return table["rows"][cell.row][T.APPLICANT_COLUMNS.index(cell.column)]
    return table[cell.row][cell.column]

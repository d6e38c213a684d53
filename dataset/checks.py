"""Checks the dataset adds to the template's four rules, reported per record and never
"fixed": the numbers stay as the report printed them.

- `year_chain`: this year's 上年结转 (carried_over, total column) equals last year's
  结转下年度继续办理 (carried_forward) of the same organ (organ_id).
- `text_vs_table`: a figure the prose states against the table cell it names, one check
  per statement: 本年共收到政府信息公开申请X件 → table 三 new_received total, and so on
  (STATEMENTS). 受理/收到 may count last year's carried-over applications too (淮安市 2024:
  "受理3119件" = 3001 new; 沭阳县 2025: "受理749件" = 713 new + 36 carried over): either
  reading agrees. A statement whose cell is blank is not evaluated. 主动公开政府信息X条
  has no table cell in either template, so it is not compared.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from parsers import template as T

TOTAL = T.APPLICANT_COLUMNS.index("total")
RULES = ("year_chain", "text_vs_table")


def _apps(row: str) -> Callable[[dict], int | None]:
    def get(record: dict):
        rows = (record.get("applications") or {}).get("rows") or {}
        return (rows.get(row) or [None] * 7)[TOTAL]
    return get


def _new_or_with_carried(record: dict) -> tuple[int | None, ...]:
    new, carried = _apps("new_received")(record), _apps("carried_over")(record)
    return (new, new + carried if new is not None and carried is not None else None)


def _active(row: str, columns: tuple[str, ...]) -> Callable[[dict], int | None]:
    def get(record: dict):
        cells = (record.get("active_disclosure") or {}).get(row) or {}
        return next((cells[c] for c in columns if c in cells), None)
    return get


def _review(*groups: str) -> Callable[[dict], int | None]:
    def get(record: dict):
        table = record.get("review_litigation") or {}
        totals = [(table.get(group) or {}).get("total") for group in groups]
        return None if None in totals else sum(totals)
    return get


_N = r"(?P<n>\d[\d,]*)"
# (cell described, what the table holds, patterns of the prose; whitespace is removed first)
STATEMENTS: list[tuple[str, Callable, tuple[str, ...]]] = [
    ("table 三 new_received total (or with carried_over)", _new_or_with_carried, (
        rf"(?:收到|受理|新收)(?:各类)?政府信息公开申请(?:共计|共|数量为|数量)?{_N}件",
        rf"(?:收到|受理)(?:依申请(?:信息)?公开(?:申请)?)(?:共计|共)?{_N}件")),
    ("table 三 carried_over total", _apps("carried_over"), (
        rf"上(?:一)?年(?:度)?结转(?:政府信息公开)?(?:申请)?(?:数量)?(?:为)?{_N}件",)),
    ("table 三 total_processed total", _apps("total_processed"), (
        rf"办结(?:政府信息公开申请)?(?:共计|共)?{_N}件",)),
    ("table 三 carried_forward total", _apps("carried_forward"), (
        rf"结转(?:至|到)?下(?:一)?年(?:度)?(?:继续办理)?(?:为)?{_N}件",
        rf"结转至\d{{4}}年(?:继续办理)?{_N}件",
        rf"{_N}件顺延(?:至|到)下(?:一)?年度")),
    ("table 二 normative_documents issued", _active("normative_documents", ("issued", "new_made")), (
        rf"(?:新)?制(?:发|定)(?:行政)?规范性文件(?:共)?{_N}件",)),
    ("table 二 regulations issued", _active("regulations", ("issued", "new_made")), (
        rf"(?:新)?制(?:发|定)(?:政府)?规章(?:共)?{_N}件",)),
    ("table 四 review total", _review("review"), (
        rf"行政复议(?:案件)?(?:共计|共)?{_N}(?:件|起)",)),
    ("table 四 litigation totals (direct + after review)", _review("litigation_direct", "litigation_after_review"), (
        rf"行政诉讼(?:案件)?(?:共计|共)?{_N}(?:件|起)",)),
]
_ZERO_RECEIVED = re.compile(r"(?:未|没有)(?:收到|受理)(?:任何)?(?:依申请公开|政府信息公开申请)")


def text_vs_table(record: dict) -> list[dict]:
    """One check per statement of the prose whose table cell is filled."""
    text = re.sub(r"\s+", "", record.get("text") or "")
    if not text:
        return []
    found = []
    for cell, table, patterns in STATEMENTS:
        stated = [(m.group(0), int(m["n"].replace(",", ""))) for p in patterns for m in re.finditer(p, text)]
        if cell.startswith("table 三 new_received"):
            stated += [(m.group(0), 0) for m in _ZERO_RECEIVED.finditer(text)]
        held = table(record)
        held = held if isinstance(held, tuple) else (held,)
        if not stated or held[0] is None:
            continue
        for words, number in dict.fromkeys(stated):
            ok = number in held
            found.append({"rule": "text_vs_table", "ok": ok,
                          "detail": f"text “{words}” {'=' if ok else '≠'} {cell} {held[0]}"
                                    + (f" (with carried_over {held[1]})" if len(held) > 1 and held[1] is not None
                                       else "")})
    return found


def year_chain(records: list[dict]) -> dict[int, dict]:
    """{index of the record: check} for each record whose organ's previous year is there too."""
    by_organ = {((r.get("organ") or {}).get("id"), r.get("year")): i for i, r in enumerate(records)
                if (r.get("organ") or {}).get("id") and isinstance(r.get("year"), int)}
    found = {}
    for (organ, year), i in by_organ.items():
        before = by_organ.get((organ, year - 1))
        if before is None:
            continue
        carried, forward = _apps("carried_over")(records[i]), _apps("carried_forward")(records[before])
        if carried is None or forward is None:
            continue
        ok = carried == forward
        found[i] = {"rule": "year_chain", "ok": ok,
                    "detail": f"上年结转 {carried} {'=' if ok else '≠'} {year - 1} 结转下年度继续办理 {forward} "
                              f"(report {records[before].get('id')})"}
    return found


def add_checks(records: list[dict]) -> list[dict]:
    """The records with the dataset's checks after the parser's in `checks`."""
    chain = year_chain(records)
    return [{**record, "checks": list(record.get("checks") or []) + ([chain[i]] if i in chain else [])
             + text_vs_table(record)} for i, record in enumerate(records)]

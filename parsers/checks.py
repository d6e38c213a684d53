"""The template's consistency rules (勾稽关系), evaluated where their cells are present.

A failing rule is reported with the numbers that break it; nothing is "fixed".
"""
from __future__ import annotations

from . import template as T


def _check(rule: str, results: list[tuple[str, bool, str]], skipped: list[str]) -> dict | None:
    """One rule's verdict over the parts (columns, rows, groups) that were complete."""
    if not results:
        return None
    bad = [f"{name}: {why}" for name, ok, why in results if not ok]
    detail = "; ".join(bad) if bad else f"{len(results)} checked"
    if skipped:
        detail += f"; skipped (blank cells): {', '.join(skipped)}"
    return {"rule": rule, "ok": not bad, "detail": detail}


def check_applications(apps: dict | None) -> list[dict]:
    if not apps:
        return []
    rows = apps["rows"]
    cols = T.APPLICANT_COLUMNS
    results = []

    balance, skipped = [], []
    for c, name in enumerate(cols):
        cells = [rows[k][c] for k in ("new_received", "carried_over", "total_processed",
                                       "carried_forward")]
        if None in cells:
            skipped.append(name)
            continue
        a, b, t, f = cells
        balance.append((name, a + b == t + f, f"{a}+{b} != {t}+{f}"))
    results.append(_check("applications.balance", balance, skipped))

    totals, skipped = [], []
    for key, vals in rows.items():
        if None in vals:
            if any(v is not None for v in vals):
                skipped.append(key)
            continue
        totals.append((key, sum(vals[:6]) == vals[6], f"{'+'.join(map(str, vals[:6]))} != {vals[6]}"))
    results.append(_check("applications.row_totals", totals, skipped))

    parts = T.RESULT_ROWS["2019" if "other" in rows else "2021"]
    res, skipped = [], []
    for c, name in enumerate(cols):
        cells = [rows[k][c] for k in parts]
        total = rows["total_processed"][c]
        if None in cells or total is None:
            skipped.append(name)
            continue
        res.append((name, sum(cells) == total, f"results sum {sum(cells)} != {total}"))
    results.append(_check("applications.results_total", res, skipped))
    return [r for r in results if r]


def check_review(review: dict | None) -> list[dict]:
    if not review:
        return []
    groups, skipped = [], []
    for g, vals in review.items():
        parts = [vals[k] for k in T.REVIEW_COLUMNS[:4]]
        if None in parts or vals["total"] is None:
            skipped.append(g)
            continue
        groups.append((g, sum(parts) == vals["total"], f"{'+'.join(map(str, parts))} != {vals['total']}"))
    result = _check("review_litigation.totals", groups, skipped)
    return [result] if result else []


def run_checks(apps: dict | None, review: dict | None) -> list[dict]:
    return check_applications(apps) + check_review(review)

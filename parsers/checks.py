"""The template's consistency rules (勾稽关系), each evaluated only when every cell it
needs is present (template.md). A failing rule is reported with the numbers that
break it; nothing is "fixed"."""
from __future__ import annotations

from . import template as T

Part = tuple[str, list, list]  # (column / row / group, left addends, right addends)


def _verdict(rule: str, parts: list[Part]) -> dict | None:
    if any(None in left or None in right for _, left, right in parts):
        return None
    bad = [f"{name}: {'+'.join(map(str, left))} != {'+'.join(map(str, right))}"
           for name, left, right in parts if sum(left) != sum(right)]
    return {"rule": rule, "ok": not bad, "detail": "; ".join(bad) or f"{len(parts)} checked"}


def check_applications(apps: dict | None) -> list[dict]:
    if not apps:
        return []
    rows = apps["rows"]
    results = T.RESULT_ROWS["2019" if "other" in rows else "2021"]
    columns = list(enumerate(T.APPLICANT_COLUMNS))

    def cells(keys, i):  # a row the table lacks counts as blank
        return [rows.get(k, [None] * 7)[i] for k in keys]

    verdicts = [
        _verdict("applications.balance",
                 [(c, cells(("new_received", "carried_over"), i),
                   cells(("total_processed", "carried_forward"), i)) for i, c in columns]),
        _verdict("applications.row_totals", [(k, v[:6], v[6:]) for k, v in rows.items()]),
        _verdict("applications.results_total",
                 [(c, cells(results, i), cells(("total_processed",), i)) for i, c in columns]),
    ]
    return [v for v in verdicts if v]


def check_review(review: dict | None) -> list[dict]:
    if not review:
        return []
    verdict = _verdict("review_litigation.totals",
                       [(g, [v[k] for k in T.REVIEW_COLUMNS[:4]], [v["total"]])
                        for g, v in review.items()])
    return [verdict] if verdict else []


def run_checks(apps: dict | None, review: dict | None) -> list[dict]:
    return check_applications(apps) + check_review(review)

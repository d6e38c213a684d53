"""What a set of records covers and how good it is: coverage by province, year and
level, template shares, null rates per cell, failure rate of each consistency rule.
Pure functions over records; the chart is drawn from the same numbers."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from parsers.schema.build import rule_names

from .columns import CELLS, present, value
from .organ import LEVELS, level_of

UNKNOWN = "(unknown)"
TABLES = ("active_disclosure", "applications", "review_litigation")


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _counts(items: Iterable) -> dict:
    """Counts by key, largest first, unknown keys last."""
    counts = Counter(UNKNOWN if item is None else item for item in items)
    return dict(sorted(counts.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], str(kv[0]))))


def coverage(records: list[dict]) -> dict:
    region = [record.get("region") or {} for record in records]
    return {"province": _counts(r.get("province") for r in region),
            "year": dict(sorted(_counts(r.get("year") for r in records).items(),
                                key=lambda kv: (kv[0] == UNKNOWN, str(kv[0])))),
            "level": _counts(level_of(r.get("org")) for r in records),
            "with_adcode": sum(bool(r.get("adcode")) for r in region)}


def templates(records: list[dict]) -> dict:
    counts = _counts(record.get("template") for record in records)
    return {key: {"count": n, "share": _share(n, len(records))} for key, n in counts.items()}


def null_rates(records: list[dict]) -> dict:
    """Per table: how often it was found at all. Per cell: the share of null values among
    the reports whose table has that cell (a 2019-only cell is not counted against a 2021 report)."""
    found = {table: sum(bool(r.get(table)) for r in records) for table in TABLES}
    cells = {}
    for cell in CELLS:
        having = [r for r in records if present(r, cell)]
        if having:
            nulls = sum(value(r, cell) is None for r in having)
            cells[cell.name] = {"reports": len(having), "null": nulls, "rate": _share(nulls, len(having))}
    meta = {key: _share(sum(r.get(key) is None for r in records), len(records))
            for key in ("org", "year", "published", "template")}
    return {"table_missing": {t: _share(len(records) - n, len(records)) for t, n in found.items()},
            "fields": meta, "cells": cells}


def check_failures(records: list[dict]) -> dict:
    """Per rule: reports where it could be evaluated, where it failed, and the failure rate."""
    out = {}
    for rule in rule_names():
        verdicts = [c["ok"] for r in records for c in r.get("checks") or [] if c["rule"] == rule]
        failed = verdicts.count(False)
        out[rule] = {"evaluated": len(verdicts), "failed": failed, "rate": _share(failed, len(verdicts))}
    return out


def summary(records: list[dict], total: int | None = None) -> dict:
    """All statistics of the (canonical) records; `total` counts the lines before merging copies."""
    return {"reports": len(records), "lines": len(records) if total is None else total,
            "coverage": coverage(records), "templates": templates(records),
            "nulls": null_rates(records), "checks": check_failures(records)}


def chart(stats: dict, path) -> None:
    """A PNG of coverage by province, year and level, template shares and rule failure rates."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    cjk = [f.name for f in font_manager.fontManager.ttflist if "CJK" in f.name or "Hei" in f.name]
    plt.rcParams["font.sans-serif"] = cjk[:1] + plt.rcParams["font.sans-serif"]
    cover = stats["coverage"]
    fig, axes = plt.subplots(2, 3, figsize=(15, 9), gridspec_kw={"width_ratios": [1.4, 1, 1]})
    province = list(cover["province"].items())[::-1]
    axes[0][0].barh([str(k) for k, _ in province], [v for _, v in province], color="#4c72b0")
    axes[0][0].set_title("Reports by province 按省份")
    axes[0][1].bar([str(k) for k in cover["year"]], list(cover["year"].values()), color="#55a868")
    axes[0][1].set_title("Reports by year 按年度")
    axes[0][2].bar([LEVELS.get(k, k) for k in cover["level"]], list(cover["level"].values()), color="#c44e52")
    axes[0][2].set_title("Reports by level 按层级")
    shares = stats["templates"]
    axes[1][0].bar([str(k) for k in shares], [v["count"] for v in shares.values()], color="#8172b2")
    axes[1][0].set_title("Template 模板")
    checks = stats["checks"]
    axes[1][1].barh(list(checks), [v["rate"] or 0 for v in checks.values()], color="#ccb974")
    axes[1][1].set_xlim(0, 1)
    axes[1][1].set_title("Failure rate per rule 勾稽关系不符率")
    missing = stats["nulls"]["table_missing"]
    axes[1][2].bar(["表二", "表三", "表四"], [missing[t] or 0 for t in TABLES], color="#64b5cd")
    axes[1][2].set_ylim(0, 1)
    axes[1][2].set_title("Table not found 未识别表格")
    fig.suptitle(f"{stats['reports']} reports 份年报 ({stats['lines']} lines)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)

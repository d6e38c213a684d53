"""What the current view covers and how good it is: coverage by province, year and level,
organs, template shares, null rates per cell, failure rate of each check. Pure functions
over records; the chart is drawn from the same numbers."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from parsers.schema.build import rule_names

from .checks import RULES as DATASET_RULES
from .columns import CELLS, present, value
from .organ import LEVELS

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
    organs = [(record.get("organ") or {}).get("id") for record in records]
    return {"province": _counts(r.get("province") for r in region),
            "year": dict(sorted(_counts(r.get("year") for r in records).items(),
                                key=lambda kv: (kv[0] == UNKNOWN, str(kv[0])))),
            "level": _counts((r.get("organ") or {}).get("kind") for r in records),
            "with_adcode": sum(bool(r.get("adcode")) for r in region),
            "organs": len({o for o in organs if o}),
            "without_organ_id": sum(o is None for o in organs)}


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
    """Per rule: evaluations, failures and the failure rate. A rule evaluated several times in
    one report (text_vs_table: one per statement) counts each time."""
    out = {}
    for rule in (*rule_names(), *DATASET_RULES):
        verdicts = [c["ok"] for r in records for c in r.get("checks") or [] if c["rule"] == rule]
        failed = verdicts.count(False)
        out[rule] = {"evaluated": len(verdicts), "failed": failed, "rate": _share(failed, len(verdicts))}
    return out


def summary(records: list[dict], total: int | None = None) -> dict:
    """All statistics of the current records; `total` counts the records read before the view."""
    return {"reports": len(records), "lines": len(records) if total is None else total,
            "coverage": coverage(records), "templates": templates(records),
            "nulls": null_rates(records), "checks": check_failures(records)}


def _cjk_font() -> list[str]:
    """Noto Sans CJK (Debian's fonts-noto-cjk, installed by the Makefile) or another CJK font.
    matplotlib's font cache may predate the font's installation: then the file is added."""
    from matplotlib import font_manager
    manager = font_manager.fontManager

    def known() -> list[str]:
        names = sorted({f.name for f in manager.ttflist})
        return [n for n in names if n.startswith("Noto Sans CJK")] + [n for n in names if "CJK" in n or "Hei" in n]

    if not known():
        paths = sorted(font_manager.findSystemFonts(), key=lambda p: ("NotoSansCJK-Regular" not in p, p))
        found = next((p for p in paths if "CJK" in p and "Bold" not in p), None)
        if found:
            manager.addfont(found)
    return known()[:1]


def chart(stats: dict, path) -> None:
    """A PNG readable at a glance: every bar labelled with its number; the template's rules and
    the dataset's checks on two axes, each scaled to its largest rate (a 0.7 % rate beside 0 %
    ones is a visible bar, labelled "0.7% (1/138)")."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = _cjk_font() + plt.rcParams["font.sans-serif"]
    plt.rcParams["axes.unicode_minus"] = False
    cover, checks = stats["coverage"], stats["checks"]
    provinces = list(cover["province"].items())[::-1]
    tall = max(11, 0.32 * len(provinces) + 2)
    fig = plt.figure(figsize=(16, tall), layout="constrained")
    grid = fig.add_gridspec(4, 2, width_ratios=[1, 1.5])
    ax_province = fig.add_subplot(grid[:, 0])
    _barh(ax_province, [str(k) for k, _ in provinces], [v for _, v in provinces], "#4c72b0",
          "Reports by province 按省份")
    ax_year = fig.add_subplot(grid[0, 1])
    years = list(cover["year"].items())
    _barh(ax_year, [str(k) for k, _ in years][::-1], [v for _, v in years][::-1], "#55a868", "Reports by year 按年度")
    ax_level = fig.add_subplot(grid[1, 1])
    levels = list(cover["level"].items()) + [(f"templates 模板 {k}", v["count"]) for k, v in stats["templates"].items()]
    _barh(ax_level, [f"{LEVELS.get(k, k)}" for k, _ in levels][::-1], [v for _, v in levels][::-1], "#c44e52",
          "Level 层级 and template 模板")
    template_rules = {rule: v for rule, v in checks.items() if rule not in DATASET_RULES}
    _rates(fig.add_subplot(grid[2, 1]), template_rules, "Template rules 勾稽关系不符率 (failed / evaluated)")
    _rates(fig.add_subplot(grid[3, 1]), {rule: checks[rule] for rule in DATASET_RULES},
           "Across years and against the text 跨年与正文核对不符率")
    fig.suptitle(f"{stats['reports']} reports 份年报 · {cover['organs']} organs 个机关 · "
                 f"{stats['lines']} records read 条记录", fontsize=14)
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _rates(ax, checks: dict, title: str) -> None:
    """Failure rates on an axis scaled to the largest of them, each bar labelled."""
    from matplotlib.ticker import PercentFormatter
    rules = list(checks.items())[::-1]
    rates = [v["rate"] or 0 for _, v in rules]
    ax.barh([rule for rule, _ in rules], rates, color="#ccb974")
    ax.set_xlim(0, max(max(rates, default=0) * 1.4, 0.01))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
    for y, (_, v) in enumerate(rules):
        text = f"{v['rate']:.1%} ({v['failed']}/{v['evaluated']})" if v["evaluated"] else "not evaluated 未核对"
        ax.annotate(text, (v["rate"] or 0, y), xytext=(4, 0), textcoords="offset points", va="center")
    ax.set_title(title)


def _barh(ax, labels: list[str], values: list[int], color: str, title: str) -> None:
    ax.barh(labels, values, color=color)
    for y, number in enumerate(values):
        ax.annotate(str(number), (number, y), xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_xlim(0, max(values, default=1) * 1.15 or 1)
    ax.set_title(title)

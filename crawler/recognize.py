"""Is this title an annual 政府信息公开 report, and for which year?

Titles are the only signal available before a page is fetched, so the rules
are phrased on titles (portals.md §4.3) and reject the documents that live in
the same columns and share most of the words (§4.5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.text import squash


# 政府信息公开工作年度报告, 信息公开年报, 年度政府信息公开工作报告, 政务公开年报 ...
_REPORT = re.compile(
    r"(信息公开|政务公开|信息公開).{0,8}?(年度报告|年度工作报告|工作报告|年报|年度報告)"
    r"|(信息公开|政务公开)年度.{0,4}报告"
    r"|公开年报"
)

# Look-alikes (portals.md §4.5), checked before the positive rule.
_LOOKALIKE = re.compile(
    "|".join((
        r"指南", r"解读", r"图解", r"问答", r"政策解读",
        r"政府工作报告", r"法治政府", r"法治建设",
        r"报表", r"绩效", r"预算", r"决算", r"统计公报",
        r"年度报告公示", r"企业年度报告", r"年报公示",
        r"关于做好", r"关于报送", r"关于印发", r"编制发布", r"的通知", r"通报",
        r"考核", r"评估", r"评议", r"检查", r"测评",
        r"要点", r"实施方案", r"工作计划", r"工作总结(?!.*年度报告)",
        r"人大代表", r"政协", r"建议办理", r"提案",
        r"制度$", r"目录$", r"社会责任",
        r"》.",  # words after a quoted title are about that document (《…年度报告》解…, cut or not)
    ))
)

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")

# The column's own name (portals.md §4.1): a label, not a document, however report-like.
_COLUMN_LABEL = re.compile(
    r"^(部门|乡镇|镇街|街道|乡镇街道|县直部门|县级部门|市直部门|区直部门|本级|县政府|市政府|区政府|各单位)?"
    r"((政府|政务)?(信息)?公开(工作)?(年度报告|年报)|年度报告|年报)(专栏|栏目|专题|汇总)?$")
# A list title cut short (portals.md §5 "anchor text truncated with …/..."): only the article knows.
_CUT = re.compile(r"(…|\.{2,}|。{2,})$")
_REPORT_HINT = re.compile(r"(19|20)\d{2}|信息|公开|年度|年报|报告")
# Inside a 年报 column, titles drop the wording: `2023年度报告`, `城关镇2023年报告` (portals.md §2.7).
_COLUMN_TITLE = re.compile(r"(19|20)\d{2}\s*年?度?.{0,16}?(报告|年报)")


def normalize_title(title: str | None) -> str:
    """A title without whitespace and without the quotes around it."""
    return squash(title).strip("《》\"'“”")


@dataclass(frozen=True)
class Verdict:
    is_report: bool
    year: int | None
    reason: str


def classify(title: str | None) -> Verdict:
    """Decide on a title alone; `reason` names the rule that decided."""
    text = normalize_title(title)
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if not text:
        return Verdict(False, None, "empty title")
    if _COLUMN_LABEL.match(text):
        return Verdict(False, None, "column label")
    bad = _LOOKALIKE.search(text)
    if bad:
        return Verdict(False, year, f"look-alike: {bad.group(0)}")
    if _REPORT.search(text):
        return Verdict(True, year, "report title")
    return Verdict(False, year, "no report wording")


def listed(title: str | None, in_column: bool = False) -> Verdict:
    """Is a listed link worth fetching as a report? Looser than `classify`: a cut title
    that may be a report, and in a 年报 column a year and 报告, are fetched and decided
    on the article (reason "cut title" / "column title")."""
    verdict = classify(title)
    if verdict.is_report or verdict.reason.startswith(("look-alike", "column label", "empty")):
        return verdict
    text = normalize_title(title)
    if _CUT.search(text) and _REPORT_HINT.search(_CUT.sub("", text)):
        return Verdict(True, verdict.year, "cut title")
    if in_column and _COLUMN_TITLE.search(text):
        return Verdict(True, verdict.year, "column title")
    return verdict


def is_column_label(title: str | None) -> bool:
    """The 年报 column's own name (no year, no organ): `政府信息公开年报`, `年度报告`."""
    return bool(_COLUMN_LABEL.match(normalize_title(title)))


def parse_years(spec: str | None) -> tuple[int, int] | None:
    """`2021-2024`, `2023` or None -> inclusive bounds."""
    if not spec:
        return None
    low, _, high = str(spec).partition("-")
    return int(low), int(high or low)


def year_wanted(year: int | None, bounds: tuple[int, int] | None) -> bool:
    """Unknown years pass: the parser may still find the year in the body."""
    return bounds is None or year is None or bounds[0] <= year <= bounds[1]

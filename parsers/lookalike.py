"""Pages that speak of annual reports but report nothing: told apart from reports by their
name and shape, and only when nothing on them reports.

The classes (each with the signs that name it):

- the national report format republished (国办公开办函〔2021〕30号 and its 2019 predecessor):
  the format's or its notice's whole name as the page's title or on a line of its own;
- rules, notices and plans about the reports (…年度报告制度(试行), …办法, 关于做好…年度报告
  编制和发布工作的通知, …工作要点): a title line that names such a document, or the
  articles of a rule (第一条 … 第二条 …) at line starts;
- notes on part of a year (2022年上半年政府信息公开数据统计, 第一季度…情况): a title line
  that names a half-year, a quarter or months, or statistics rather than a report.

A rule or a note is passed over only when no sign of a report is on the page: a table with a
figure, the report speaking of itself (本报告…, 现将…年度报告…), a full year's reporting
period (统计期限…1月1日), three of the six sections of the national format heading the
text (not listed as a rule's contents: （一）概述；). A report that cites
the rule, or mentions its first half-year, has these and stays a report.
"""
from __future__ import annotations

import re

from . import metadata as meta
from .hints import Hints
from .text import normalize, squash

# The national format or its notice, as a page's name (…关于印发《中华人民共和国政府信息公开工作
# 年度报告格式》的通知), never a name quoted inside a report's sentence.
_FORMAT_NAME = re.compile(r"(?:[^《》<>。,，;；]*关于印发)?[《<]?(?:中华人民共和国)?(?:政府信息公开工作)?年度报告格式"
                          r"(?:\(试行\))?[》>]?(?:的通知)?")

# A document about the reports, by the kind its name ends with (…制度(试行), …的通知).
_RULE_NAME = re.compile(r"(?:制度|办法|规定|细则|规则|规范|通知|通报|意见|方案|要点|安排|决定|批复)"
                        r"(?:\((?:试行|暂行|修订|草案)\))?$")
# A note on part of a year, or on statistics alone (2022年上半年…数据统计, 1-6月…).
_PART_NAME = re.compile(r"[上下]半年|半年度?|(?:第|前)?[一二三四1-4]季度|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|"
                        r"\d{1,2}月份|数据统计|统计数据|统计情况")
_ABOUT_DISCLOSURE = re.compile(r"公开|年度报告|年报")
# An article opening a line (第二条 各市人民政府…), not a table's row label (第二十条第(一)项).
_ARTICLE_LINE = re.compile(r"(?m)^[ \t#*|]*第[一二三四五六七八九十百零〇]{1,4}条[ \t]*(?![第\s(（])\S")


def not_a_report(norm: str, *, head: dict, hints: Hints, headings: dict, named: list[meta.Title],
                 has_figures: bool, speaks_as_report: bool) -> str | None:
    """Why the page, though it speaks of annual reports, is none; None when it may be one.
    ``norm``: the normalised text; ``headings``: the national sections found in it; ``named``:
    the report's names for itself (``metadata.self_named``); ``has_figures``: whether a
    statistics table holds a figure; ``speaks_as_report``: whether the text says 本报告… of itself."""
    if has_figures or speaks_as_report or any(read.year or read.org for read in named):
        return None  # whatever its name, the page reports
    blank_format = national_format(norm, head, hints)
    if blank_format:
        return (f"the national report format itself ({blank_format}), with no figures: "
                "a template, not a report")
    kind = _kind(norm, head, hints)
    if kind is None or meta.period_year(norm) or _report_headings(norm, headings) >= 3:
        return None
    return kind + ", and nothing on the page reports (no figure in a table, no 本报告, no reporting period)"


def _report_headings(norm: str, headings: dict) -> int:
    """How many of the national sections head a part of the text: not the items of a list of
    contents in a rule or notice (（一）概述；（三）主动公开政府信息情况；…)."""
    def listed(start: int) -> bool:
        line = norm[start:].lstrip().partition("\n")[0].rstrip()
        return line.endswith((";", "；")) or (line.endswith("。") and len(line) <= 40)
    return sum(not listed(start) for start, _ in headings.values())


def national_format(norm: str, head: dict, hints: Hints) -> str | None:
    """The name under which the page publishes the national report format, or None."""
    lines = [squash(line).strip("#|•·*-") for line in norm.splitlines()[:40]]
    named = _named(head, hints)
    named += lines + [a + b for a, b in zip(lines, lines[1:])]
    return next((name for name in named if len(name) <= 100 and "报告格式" in name
                 and _FORMAT_NAME.fullmatch(name)), None)


def _named(head: dict, hints: Hints) -> list[str]:
    return [normalize(squash(name)) for name in (hints.title, hints.list_title, head.get("标题")) if name]


def _kind(norm: str, head: dict, hints: Hints) -> str | None:
    """What the page's name says it is when that is a rule or a part-year note: decided by
    the first name-like line (the caller's title, the 标题 header, then the top lines) that
    names either a report or such a document, read together with the line under it when the
    name was set over two (关于政府信息公开工作年度报告 / 有关事项的通知); or the articles of a rule."""
    named = [(name, "") for name in _named(head, hints)]
    top = [line for line in map(meta.heading_line, meta.title_lines(norm, 30)) if line]
    for name, below in named + list(zip(top, top[1:] + [""])):
        name = re.sub(r"\.(?:pdf|docx?|wps|html?)$", "", name.strip("《》“”\"'"), flags=re.I)
        kind = _named_kind(name)
        if kind:
            return kind
        if meta.read_title(name):  # a report's name, unless it goes on into a notice's
            return _named_kind(name + below) if below else None
    articles = len(_ARTICLE_LINE.findall(norm[:20000]))
    if articles >= 2:
        return f"the articles of a rule ({articles} lines open with 第…条)"
    return None


def _named_kind(name: str) -> str | None:
    """The look-alike class that the document name ``name`` says, if any."""
    if len(name) < 8 or len(name) > 100 or not _ABOUT_DISCLOSURE.search(name) or meta.read_title(name):
        return None
    if _RULE_NAME.search(name):
        return f"a rule or notice about the reports ({name})"
    if _PART_NAME.search(name):
        return f"a note on part of a year or on statistics, not a year's report ({name})"
    return None

"""Random official tables, rendered into every linear shape, come back cell for cell
or as null with a warning, never as a wrong number.

The renderer writes what real extractors write: pipe rows padded to the grid
width (trafilatura, markdown), tab rows (Word text), one cell per line, an HTML
table with spans, whitespace-separated PDF text (blank cells vanish) and glued
page text (all separators vanish; see ``consistent``).
"""
import html

from hypothesis import HealthCheck, given, settings, strategies as st

from parsers import parse_html, parse_text
from parsers import template as T

SHAPES = ("pipe", "tsv", "cells", "html", "spaces", "glued")
EXACT = {"pipe", "tsv", "cells", "html"}  # shapes that show a blank cell as blank

HEAD_2021 = ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
HEAD_2019 = ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")
ITEMS = {"2021": ("本年处理决定数量",), "2019": ("上一年项目数量", "本年增/减", "处理决定数量")}
CLAUSES = ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
           "第二十条第（九）项")


def cell(v) -> str:
    return "" if v is None else str(v)


@st.composite
def report(draw):
    template = draw(st.sampled_from(["2021", "2019"]))
    blanks = draw(st.booleans())
    number = st.integers(0, 999)
    maybe = st.one_of(st.none(), number) if blanks else number
    active = {row.key: [draw(maybe) for _ in row.width * [0]] for row in T.active_rows(template)}
    apps = {}
    for row in T.application_rows(template):
        six = [draw(maybe) for _ in range(6)]
        total = sum(v or 0 for v in six) if draw(st.booleans()) or not blanks else draw(maybe)
        apps[row.key] = six + [total]
    review = []
    for _ in T.REVIEW_GROUPS:
        four = [draw(maybe) for _ in range(4)]
        review += four + [sum(v or 0 for v in four)]
    return template, active, apps, review


def table_rows(template, active, apps, review):
    """The three tables as rows of cells, in the official order and wording."""
    t2 = []
    groups = [("regulations", "normative_documents"), ("licensing",) + (("other_services",)
              if template == "2019" else ()), ("penalty", "coercion"), ("fees",)]
    if template == "2019":
        groups.append(("procurement",))
    heads = [HEAD_2021 if template == "2021" else HEAD_2019, ("信息内容", *ITEMS[template]),
             ("信息内容", *ITEMS[template]),
             ("信息内容", "本年收费金额（单位：万元）") if template == "2021"
             else ("信息内容", "上一年项目数量", "本年增/减"),
             ("信息内容", "采购项目数量", "采购总金额")]
    labels = {r.key: r.label for r in T.active_rows(template)}
    for clause, head, keys in zip(CLAUSES, heads, groups):
        t2 += [[clause], list(head)] + [[labels[k], *map(cell, active[k])] for k in keys]
    t3 = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
          ["", "自然人", "法人或其他组织", "总计"],
          ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    t3 += [[r.label, *map(cell, apps[r.key])] for r in T.application_rows(template)]
    t4 = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                                "未经复议直接起诉", "复议后起诉"],
          ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, list(map(cell, review))]
    return t2, t3, t4


def render(shape, tables) -> list[str]:
    out = []
    for rows in tables:
        width = max(len(r) for r in rows)  # each table is padded to its own grid width
        if shape == "pipe":
            lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
        elif shape == "tsv":
            lines = ["\t".join(r) for r in rows]
        elif shape == "cells":
            lines = ["\n".join("\t" + c for c in r) + "\n" for r in rows]
        elif shape == "spaces":
            lines = ["   ".join(c for c in r if c) for r in rows]
        elif shape == "glued":
            lines = ["".join(c for r in rows for c in r)]
        else:
            lines = ["<table>"] + ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r)
                                   + "</tr>" for r in rows] + ["</table>"]
        out.append("\n".join(lines))
    return out


def document(shape, template, active, apps, review) -> str:
    t2, t3, t4 = render(shape, table_rows(template, active, apps, review))
    body = [f"一、总体情况", "本机关2023年依法公开政府信息。", "二、主动公开政府信息情况", t2,
            "三、收到和处理政府信息公开申请情况", t3, "四、政府信息公开行政复议、行政诉讼情况", t4,
            "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    title = "某某县人民政府2023年政府信息公开工作年度报告"
    if shape == "html":
        paras = "".join(b if b.startswith("<table>") else f"<p>{b}</p>" for b in body)
        return (f"<html><head><meta name='ArticleTitle' content='{title}'></head><body>"
                f"<div class='TRS_Editor'>{paras}</div></body></html>")
    return "\n".join([title, *body])


def consistent(template, active, apps, review):
    """The same tables with every total equal to the sum of its parts. Glued text keeps
    no separators, so only the totals rules can split its digits: a report that breaks
    them cannot be read there, and the property is stated for reports that keep them."""
    apps = {k: v[:6] + [sum(x or 0 for x in v[:6])] for k, v in apps.items()}
    review = [x for g in range(0, 15, 5)
              for x in review[g:g + 4] + [sum(y or 0 for y in review[g:g + 4])]]
    return template, active, apps, review


def compare(shape, want, got, where, wrong):
    for i, (w, g) in enumerate(zip(want, got)):
        if g is not None and g != w:
            wrong.append(f"{where}[{i}]: {g} != {w}")
        elif shape in EXACT and g != w:
            wrong.append(f"{where}[{i}]: {g} != {w} (structured shape)")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report(), st.sampled_from(SHAPES))
def test_tables_come_back_or_null(doc, shape):
    if shape == "glued":
        doc = consistent(*doc)
    template, active, apps, review = doc
    text = document(shape, *doc)
    record = parse_html(text) if shape == "html" else parse_text(text)
    wrong: list[str] = []
    for row in T.active_rows(template):
        got = record["active_disclosure"][row.key]
        compare(shape, active[row.key], [got[c] for c in row.columns], row.key, wrong)
    for key, values in apps.items():
        compare(shape, values, record["applications"]["rows"][key], key, wrong)
    got4 = [record["review_litigation"][g][c] for g in T.REVIEW_GROUPS for c in T.REVIEW_COLUMNS]
    compare(shape, review, got4, "table 四", wrong)
    assert wrong == [], "\n".join(wrong[:12]) + "\n" + text
    has_null = any(v is None for t in ("active_disclosure",) for r in record[t].values()
                   for v in r.values())
    if has_null and not any(v is None for r in active.values() for v in r):
        assert any(w.startswith("table 二") for w in record["warnings"])
    assert record["template"] == template

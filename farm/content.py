"""Report bodies for the farm: real prose, official tables, real files.

Prose of sections 一, 五 and 六 comes from the real reports in
shared/corpus/seeds/*.txt; tables 二, 三 and 四 are rendered the way portals
paste them from Word (rowspan/colspan, 2021 template of record.md) with figures
that satisfy the 勾稽 rules, and the figures go to the manifest. Attachments are
the real PDFs of shared/corpus/peers, DOCX files written with python-docx from
the same content, and OLE-headed DOC/XLS/WPS bytes.
"""
from __future__ import annotations

import html
import io
import random
import re
from functools import lru_cache
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not SHARED.exists():  # the tree may live elsewhere; /work/shared is the canonical place
    SHARED = Path("/work/shared/corpus")

HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")

# Table 三 rows (record.md order): (key, group label or None, label)
APPLICATION_ROWS = (
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("denied_prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("denied_security_stability", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("denied_third_party", "（三）不予公开", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "（三）不予公开", "5.属于三类内部事务信息"),
    ("denied_process_info", "（三）不予公开", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "（三）不予公开", "7.属于行政执法案卷"),
    ("denied_inquiry", "（三）不予公开", "8.属于行政查询事项"),
    ("unable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("rejected_petition", "（五）不予处理", "1.信访举报投诉类申请"),
    ("rejected_duplicate", "（五）不予处理", "2.重复申请"),
    ("rejected_publication", "（五）不予处理", "3.要求提供公开出版物"),
    ("rejected_excessive", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("rejected_confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_overdue_correction", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid_fee", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "（六）其他处理", "3.其他"),
)
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


@lru_cache(maxsize=None)
def seed_prose() -> list[dict[str, list[str]]]:
    """Per real seed report: the prose paragraphs of sections 一, 五, 六."""
    result = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sections: dict[str, list[str]] = {}
        current = None
        for line in text.splitlines():
            bare = line.strip().lstrip("#").strip()
            heading = next((h for h in HEADINGS if bare.startswith(h[:2]) and h[2:6] in bare), None)
            if heading:
                current = heading
                continue
            if current and bare and not line.startswith("\t") and len(bare) > 12 and "\t" not in bare:
                sections.setdefault(current, []).append(bare)
        result.append(sections)
    return result


def figures(rng: random.Random) -> dict:
    """Table figures that satisfy the 勾稽 rules (record.md key names)."""
    def row() -> list[int]:
        values = [rng.choice((0, 0, 1, 2, 3, 5, 8, 13)) for _ in range(6)]
        return values + [sum(values)]

    new, carried = row(), [rng.choice((0, 0, 1)) for _ in range(6)]
    carried.append(sum(carried))
    outcomes = {key: [0] * 7 for key, _, _ in APPLICATION_ROWS}
    forward = [0] * 7
    for column in range(6):
        remaining = new[column] + carried[column]
        forward[column] = 1 if remaining > 3 else 0
        remaining -= forward[column]
        for key in ("granted", "partially_granted", "unable_not_held", "rejected_duplicate"):
            take = remaining if key == "rejected_duplicate" else rng.randint(0, remaining)
            outcomes[key][column] += take
            remaining -= take
    for values in outcomes.values():
        values[6] = sum(values[:6])
    forward[6] = sum(forward[:6])
    total = [sum(outcomes[key][c] for key, _, _ in APPLICATION_ROWS) for c in range(7)]
    review = [rng.randint(0, 2) for _ in range(4)]
    direct = [rng.randint(0, 1) for _ in range(4)]
    after = [0, 0, 0, 0]
    return {
        "active_disclosure": {
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"issued": rng.randint(0, 9), "repealed": rng.randint(0, 4),
                                    "in_force": rng.randint(10, 60)},
            "licensing": {"decisions": rng.randint(0, 4000)},
            "penalty": {"decisions": rng.randint(0, 300)},
            "coercion": {"decisions": rng.randint(0, 20)},
            "fees": {"amount": 0},
        },
        "applications": {"columns": list(COLUMNS), "rows": {
            "new_received": new, "carried_over": carried, **outcomes,
            "total_processed": total, "carried_forward": forward}},
        "review_litigation": {
            name: dict(zip(("upheld", "corrected", "other", "pending", "total"), values + [sum(values)]))
            for name, values in (("review", review), ("litigation_direct", direct),
                                 ("litigation_after_review", after))},
    }


def _cells(values) -> str:
    return "".join(f"<td>{value}</td>" for value in values)


def table_two(data: dict) -> str:
    ad = data["active_disclosure"]
    return (
        '<table class="MsoTableGrid" border="1" cellspacing="0">'
        '<tr><td colspan="4">第二十条第（一）项</td></tr>'
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        f"<tr><td>规章</td>{_cells(ad['regulations'].values())}</tr>"
        f"<tr><td>行政规范性文件</td>{_cells(ad['normative_documents'].values())}</tr>"
        '<tr><td colspan="4">第二十条第（五）项</td></tr>'
        '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
        f'<tr><td>行政许可</td><td colspan="3">{ad["licensing"]["decisions"]}</td></tr>'
        '<tr><td colspan="4">第二十条第（六）项</td></tr>'
        '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
        f'<tr><td>行政处罚</td><td colspan="3">{ad["penalty"]["decisions"]}</td></tr>'
        f'<tr><td>行政强制</td><td colspan="3">{ad["coercion"]["decisions"]}</td></tr>'
        '<tr><td colspan="4">第二十条第（八）项</td></tr>'
        '<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>'
        f'<tr><td>行政事业性收费</td><td colspan="3">{ad["fees"]["amount"]}</td></tr>'
        "</table>")


def table_three(data: dict) -> str:
    rows = data["applications"]["rows"]
    out = [
        '<table class="MsoTableGrid" border="1" cellspacing="0">',
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr><td>商业<br/>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
        f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{_cells(rows["new_received"])}</tr>',
        f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{_cells(rows["carried_over"])}</tr>',
    ]
    spans = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    seen_groups = set()
    for index, (key, group, label) in enumerate(APPLICATION_ROWS):
        lead = '<td rowspan="22">三、本年度办理结果</td>' if index == 0 else ""
        if group is None:
            cells = f'<td colspan="2">{label}</td>'
        elif group not in seen_groups:
            seen_groups.add(group)
            cells = f'<td rowspan="{spans[group]}">{group}</td><td>{label}</td>'
        else:
            cells = f"<td>{label}</td>"
        out.append(f"<tr>{lead}{cells}{_cells(rows[key])}</tr>")
    out.append(f'<tr><td colspan="2">（七）总计</td>{_cells(rows["total_processed"])}</tr>')
    out.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{_cells(rows["carried_forward"])}</tr>')
    out.append("</table>")
    return "".join(out)


def table_four(data: dict) -> str:
    rl = data["review_litigation"]
    heads = "".join("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
                    for _ in range(2))
    values = [v for part in ("review", "litigation_direct", "litigation_after_review") for v in rl[part].values()]
    return (
        '<table class="MsoTableGrid" border="1" cellspacing="0">'
        '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
        '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
        '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td>'
        '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
        f"<tr>{heads}</tr><tr>{_cells(values)}</tr></table>")


def paragraphs(org: str, year: int, rng: random.Random) -> dict[str, list[str]]:
    """Section prose borrowed from one real report, with its own organ swapped for ours."""
    prose = rng.choice(seed_prose())
    intro = [f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布{org}{year}年度政府信息公开"
             f"工作年度报告。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    return {"intro": intro,
            HEADINGS[0]: prose.get(HEADINGS[0], ["本年度认真贯彻落实《条例》，扎实推进政府信息公开工作。"])[:6],
            HEADINGS[4]: prose.get(HEADINGS[4], ["存在的问题是公开内容不够丰富。"])[:3],
            HEADINGS[5]: prose.get(HEADINGS[5], ["本年度未收取信息处理费。"])[:2]}


def report_body(org: str, year: int, data: dict, rng: random.Random) -> str:
    """The report as Word-pasted HTML: six headings, prose, three tables."""
    text = paragraphs(org, year, rng)
    p = lambda line: f'<p class="MsoNormal" style="text-indent:2em">{html.escape(line)}</p>'  # noqa: E731
    parts = [p(line) for line in text["intro"]]
    parts.append(f"<p><strong>{HEADINGS[0]}</strong></p>")
    parts += [p(line) for line in text[HEADINGS[0]]]
    parts += [f"<p><strong>{HEADINGS[1]}</strong></p>", table_two(data),
              f"<p><strong>{HEADINGS[2]}</strong></p>", table_three(data),
              f"<p><strong>{HEADINGS[3]}</strong></p>", table_four(data),
              f"<p><strong>{HEADINGS[4]}</strong></p>"]
    parts += [p(line) for line in text[HEADINGS[4]]]
    parts.append(f"<p><strong>{HEADINGS[5]}</strong></p>")
    parts += [p(line) for line in text[HEADINGS[5]]]
    parts.append(f'<p style="text-align:right">{html.escape(org)}</p>')
    return "\n".join(parts)


def docx_bytes(title: str, body_html: str) -> bytes:
    """The same report as a Word file: headings and prose as paragraphs, tables as grids."""
    import docx  # python-docx, a project dependency

    document = docx.Document()
    document.add_paragraph(title)
    for block in re.findall(r"<table.*?</table>|<p[^>]*>.*?</p>", body_html, re.S):
        if block.startswith("<table"):
            rows = [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
                    for row in re.findall(r"<tr>(.*?)</tr>", block)]
            width = max(len(row) for row in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for row, values in zip(table.rows, rows):
                for cell, value in zip(row.cells, values):
                    cell.text = value
        else:
            document.add_paragraph(html.unescape(re.sub(r"<[^>]+>", "", block)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def ole_bytes(text: str) -> bytes:
    """DOC/XLS/WPS look-alike: the OLE2 magic number and some text, as old Office files start."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + text.encode("utf-16-le")


# The real reports shipped as files (shared/corpus/peers): (path, organ, year, title)
REAL_PDFS = (
    ("peers/govnianbao/szfgs2024.pdf", "淮安市人民政府", 2024, "淮安市人民政府2024年政府信息公开工作年度报告"),
    ("peers/KIROGOVCOMPARE/sample_pdfs_v1/hzq2023_working.pdf", "淮安市洪泽区人民政府", 2023,
     "洪泽区人民政府2023年政府信息公开工作年度报告"),
    ("peers/KIROGOVCOMPARE/sample_pdfs_v1/hzq2024_working.pdf", "淮安市洪泽区人民政府", 2024,
     "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"),
)


def real_pdf(index: int) -> tuple[bytes, str, int, str]:
    path, org, year, title = REAL_PDFS[index % len(REAL_PDFS)]
    return (SHARED / path).read_bytes(), org, year, title


@lru_cache(maxsize=None)
def real_html_report() -> tuple[str, str]:
    """(title, body) of the real 沭阳县发展和改革局 2023 report page (reduced copy, KIROGOVCOMPARE)."""
    path = next((SHARED / "peers" / "KIROGOVCOMPARE" / "derived").glob("沭阳县*reduced.html"))
    text = path.read_text(encoding="utf-8")
    body = re.search(r'<div class="article-content".*?</ucapcontent>\s*</div>', text, re.S)
    return "沭阳县发展和改革局2023年政府信息公开年度报告", body.group(0) if body else text

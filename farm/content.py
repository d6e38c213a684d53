"""Report bodies for the farm: real prose, official tables, real files.

Prose of sections 一, 五 and 六 comes from the real reports in
farm/data/seeds/*.txt; tables 二, 三 and 四 are rendered the way portals
paste them from Word (rowspan/colspan, 2021 template of record.md) with figures
that satisfy the 勾稽 rules, and the figures go to the manifest. Attachments are
the real files of farm/data/reports (data/PROVENANCE.md says where each comes
from), DOCX files written with python-docx from the same content, and
OLE-headed DOC/XLS/WPS bytes. The farm reads no file outside farm/data.
"""
from __future__ import annotations

import html
import io
import random
import re
import zipfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

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
    for path in sorted((DATA / "seeds").glob("*.txt")):
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
    stamp = datetime(2024, 1, 1)
    document.core_properties.created = document.core_properties.modified = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every member dated 2024-01-01, so a farm of one scale is byte-identical."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(zipfile.ZipInfo(item.filename, (2024, 1, 1, 0, 0, 0)), source.read(item.filename),
                         zipfile.ZIP_DEFLATED)
    return target.getvalue()


def ole_bytes(text: str) -> bytes:
    """DOC/XLS/WPS look-alike: the OLE2 magic number and some text, as old Office files start."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + text.encode("utf-16-le")


# The reports shipped as files (farm/data/reports): (file, organ, year, title)
REAL_PDFS = (
    ("szfgs2024.pdf", "淮安市人民政府", 2024, "淮安市人民政府2024年政府信息公开工作年度报告"),
    ("hzq2023.pdf", "淮安市洪泽区人民政府", 2023, "洪泽区人民政府2023年政府信息公开工作年度报告"),
    ("hzq2024.pdf", "淮安市洪泽区人民政府", 2024, "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"),
)
#: files no other site serves: a Word 97 report (seed 000 in the official layout) and a PDF of the
#: 测试市 sample (synthetic name, real-looking figures)
OTHER_FILES = (
    ("fanshi-daying-2023.doc", "繁峙县大营镇人民政府", 2023, "繁峙县大营镇人民政府2023年度政府信息公开工作年度报告"),
    ("sample-2025.pdf", "测试市", 2025, "测试市2025年政府信息公开工作年度报告"),
)


def real_pdf(index: int) -> tuple[bytes, str, int, str]:
    name, org, year, title = REAL_PDFS[index % len(REAL_PDFS)]
    return (DATA / "reports" / name).read_bytes(), org, year, title


def other_file(index: int) -> tuple[bytes, str, int, str, str]:
    """(bytes, organ, year, title, extension) of OTHER_FILES[index]."""
    name, org, year, title = OTHER_FILES[index]
    return (DATA / "reports" / name).read_bytes(), org, year, title, name.rsplit(".", 1)[-1]


@lru_cache(maxsize=None)
def real_html_report() -> tuple[str, str]:
    """(title, body) of the real 沭阳县发展和改革局 2023 report page (reduced copy, KIROGOVCOMPARE)."""
    text = (DATA / "reports" / "shuyang-fgj-2023.reduced.html").read_text(encoding="utf-8")
    body = re.search(r'<div class="article-content".*?</ucapcontent>\s*</div>', text, re.S)
    return "沭阳县发展和改革局2023年政府信息公开年度报告", body.group(0) if body else text


def lookalike_body(title: str, org: str, year: int) -> str:
    """A body of the look-alike's own kind: what makes it look like a report, and what it really is."""
    e = html.escape
    if "解读" in title or "图解" in title:
        return (f"<p>近日，《{e(org)}{year}年政府信息公开工作年度报告》正式发布。现就报告主要内容解读如下。</p>"
                f"<p><strong>一、总体情况</strong></p><p>{year}年主动公开政府信息同比增长，依申请公开办理规范。</p>"
                "<p><strong>二、主动公开政府信息情况</strong></p><p>详见报告原文。</p>")
    if "指南" in title:
        return (f"<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制{e(org)}政府信息公开指南。</p>"
                "<p>一、主动公开</p><p>二、依申请公开</p><p>三、监督和救济</p>")
    if "通知" in title:
        return ("<p>各乡镇人民政府、县政府各部门：</p><p>现就做好政府信息公开工作年度报告编制发布工作通知如下："
                f"各单位于{year + 1}年1月31日前在本单位网站发布年度报告。</p>")
    if "法治政府" in title:
        return (f"<p>{year}年，{e(org)}深入学习贯彻习近平法治思想，法治政府建设取得新成效。</p>"
                "<p>一、主要举措和成效</p><p>二、存在的不足和原因</p><p>三、下一年度工作安排</p>")
    if "年度报表" in title:
        return ("<table border='1'><tr><td>网站名称</td><td>" + e(org) + "门户网站</td></tr>"
                "<tr><td>首页总访问量</td><td>1203345</td></tr><tr><td>信息发布总数</td><td>2318</td></tr></table>")
    return f"<p>{e(title)}。</p><p>{e(org)}{year}年相关工作情况。</p>"


def text_lines(title: str, body_html: str) -> list[str]:
    """The report as the lines a PDF printer lays out: the title, wrapped paragraphs, a table row a line."""
    def bare(fragment: str) -> str:
        return html.unescape(re.sub(r"<br\s*/?>", "", re.sub(r"<(?!br)[^>]+>", "", fragment))).strip()

    lines = [title, ""]
    for block in re.findall(r"<table.*?</table>|<p[^>]*>.*?</p>", body_html, re.S):
        if block.startswith("<table"):
            for row in re.findall(r"<tr>(.*?)</tr>", block, re.S):
                lines.append(" ".join(bare(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)))
            continue
        text = bare(block)
        lines += [text[i:i + 44] for i in range(0, len(text), 44)] or [""]
    return lines


def pdf_bytes(title: str, body_html: str) -> bytes:
    """The report as a text PDF (what a portal's 'print to PDF' gives): A4 pages of lines in the standard
    STSong-Light CJK font (not embedded, Adobe-GB1, UCS-2 codes), so text extractors read it back."""
    lines, per_page = text_lines(title, body_html), 48
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               "/DescendantFonts [4 0 R] >>",
               "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
               "<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>",
               "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
               "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
               "<< /Producer (farm) /Title <FEFF" + title.encode("utf-16-be").hex().upper() + "> >>"]
    kids = []
    for chunk in pages:
        ops = ["BT"]
        y = 800
        for line in chunk:
            size = min(10.0, 495 / max(len(line), 1))
            ops.append(f"/F1 {size:.2f} Tf 1 0 0 1 50 {y} Tm <{line.encode('utf-16-be').hex().upper()}> Tj")
            y -= 15
        ops.append("ET")
        stream = "\n".join(ops).encode("ascii")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("ascii") + stream + b"\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + (obj if isinstance(obj, bytes) else obj.encode("ascii"))
        out += b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += b"".join(f"{offset:010d} 00000 n \n".encode("ascii") for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)

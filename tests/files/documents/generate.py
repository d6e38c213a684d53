"""Rebuild the generated test documents in this folder (see PROVENANCE.md).

    .venv/bin/python tests/files/documents/generate.py

Needs LibreOffice (soffice) for the DOC and PDF copies and qpdf for the
encrypted PDFs. The outputs are committed; tests never run this.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import lxml.html
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[3] / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
PEERS = CORPUS / "peers"

Z7 = ["0"] * 7
APPLICANTS = ["自然人", ("法人或其他组织", 5), "总计"]
ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def table2_2021(values: dict[str, list[str]]) -> list[list]:
    return [[("第二十条第（一）项", 4)], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", *values["规章"]], ["行政规范性文件", *values["行政规范性文件"]],
            [("第二十条第（五）项", 4)], ["信息内容", ("本年处理决定数量", 3)], ["行政许可", (values["行政许可"][0], 3)],
            [("第二十条第（六）项", 4)], ["信息内容", ("本年处理决定数量", 3)],
            ["行政处罚", (values["行政处罚"][0], 3)], ["行政强制", (values["行政强制"][0], 3)],
            [("第二十条第（八）项", 4)], ["信息内容", ("本年收费金额（单位：万元）", 3)],
            ["行政事业性收费", (values["行政事业性收费"][0], 3)]]


def table2_2019(values: dict[str, list[str]]) -> list[list]:
    head = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    return [[("第二十条第（一）项", 4)], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", *values["规章"]], ["规范性文件", *values["规范性文件"]],
            [("第二十条第（五）项", 4)], head, ["行政许可", *values["行政许可"]],
            ["其他对外管理服务事项", *values["其他对外管理服务事项"]],
            [("第二十条第（六）项", 4)], head, ["行政处罚", *values["行政处罚"]], ["行政强制", *values["行政强制"]],
            [("第二十条第（八）项", 4)], ["信息内容", "上一年项目数量", ("本年增/减", 2)],
            ["行政事业性收费", values["行政事业性收费"][0], (values["行政事业性收费"][1], 2)]]


def table3(rows: list[list[str]], *, single_other: bool) -> list[list]:
    """Table 三 with its rowspans: 22 (or 20) result rows under one label."""
    other = ([["^", ("（六）其他处理", 2), *rows[20]]] if single_other else
             [["^", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *rows[20]],
              ["^", "^", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *rows[21]],
              ["^", "^", "3.其他", *rows[22]]])
    tail = 21 if single_other else 23
    denied = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
              "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
    unable = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
    rejected = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息"]
    out = [[("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3), ("申请人情况", 7)],
           ["^", *APPLICANTS], ["^", "^", *ORGS, "^"],
           [("一、本年新收政府信息公开申请数量", 3), *rows[0]], [("二、上年结转政府信息公开申请数量", 3), *rows[1]],
           ["三、本年度办理结果", ("（一）予以公开", 2), *rows[2]],
           ["^", ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2), *rows[3]]]
    for group, labels, start in (("（三）不予公开", denied, 4), ("（四）无法提供", unable, 12), ("（五）不予处理", rejected, 15)):
        for i, label in enumerate(labels):
            out.append(["^", group if i == 0 else "^", label, *rows[start + i]])
    return out + other + [["^", ("（七）总计", 2), *rows[tail]], [("四、结转下年度继续办理", 3), *rows[tail + 1]]]


def table4(values: list[str]) -> list[list]:
    return [[("行政复议", 5), ("行政诉讼", 10)], [*RESULTS, ("未经复议直接起诉", 5), ("复议后起诉", 5)],
            ["^"] * 5 + RESULTS * 2, values]


def rects_from_rows(rows: list[list]) -> list[tuple[str, int, int, int, int]]:
    """Token rows (text, (text, colspan), or "^" = the cell above continues)
    -> (text, row, col, rowspan, colspan)."""
    rects: list[list] = []
    owner: dict[tuple[int, int], int] = {}
    for r, row in enumerate(rows):
        c = 0
        for token in row:
            if token == "^":
                index = owner[(r - 1, c)]
                rects[index][3] += 1
                width = rects[index][4]
            else:
                text, width = token if isinstance(token, tuple) else (token, 1)
                rects.append([text, r, c, 1, width])
                index = len(rects) - 1
            for k in range(width):
                owner[(r, c + k)] = index
            c += width
    return [tuple(x) for x in rects]


def rects_from_html(table) -> list[tuple[str, int, int, int, int]]:
    taken: set[tuple[int, int]] = set()
    rects = []
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for td in tr.iter("td", "th"):
            while (r, c) in taken:
                c += 1
            rowspan, colspan = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            rects.append((td.text_content().strip(), r, c, rowspan, colspan))
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    return rects


def write_docx(blocks: list, path: Path) -> None:
    """Paragraph strings and tables (rect lists) -> a DOCX with real merges."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    style = document.styles["Normal"]
    style.font.size = Pt(10)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        nrows = max(r + rs for _, r, _, rs, _ in block)
        ncols = max(c + cs for _, _, c, _, cs in block)
        table = document.add_table(rows=nrows, cols=ncols)
        table.style = "Table Grid"
        for text, r, c, rowspan, colspan in block:
            cell = table.cell(r, c)
            if rowspan > 1 or colspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.text = text
    document.save(path)


def seed_paragraphs(name: str) -> tuple[list[str], list[str]]:
    """A seed's prose before table 二 and from section 五 on, markdown marks removed."""
    lines = [re.sub(r"^#+\s*|\[bookmark: _GoBack\]", "", x).strip()
             for x in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
    lines = [x for x in lines if x]
    head = lines[:next(i for i, x in enumerate(lines) if x.startswith("二、主动公开"))]
    tail = lines[next(i for i, x in enumerate(lines) if x.startswith("五、存在")):]
    return head, tail


def soffice(source: Path, target: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(source)],
                       check=True, capture_output=True, timeout=120)
    return outdir / f"{source.stem}.{target.split(':')[0]}"


def build_seed000() -> None:
    """Seed 000 (2021 format, every figure 0 as published)."""
    head, tail = seed_paragraphs("000_6f9c98eb08df172a.txt")
    zeros = {k: ["0"] * 3 for k in ("规章", "行政规范性文件")} | {
        k: ["0"] for k in ("行政许可", "行政处罚", "行政强制", "行政事业性收费")}
    blocks = [*head, "二、主动公开政府信息情况", rects_from_rows(table2_2021(zeros)),
              "三、收到和处理政府信息公开申请情况", rects_from_rows(table3([Z7] * 25, single_other=False)),
              "四、政府信息公开行政复议、行政诉讼情况", rects_from_rows(table4(["0"] * 15)), *tail]
    write_docx(blocks, HERE / "seed000.docx")
    shutil.copy(soffice(HERE / "seed000.docx", "doc", HERE), HERE / "seed000.wps")


def build_seed002() -> None:
    """Seed 002 (2019 format; 行政处罚 本年增/减 = 7, every other figure 0)."""
    head, tail = seed_paragraphs("002_31cc482f1e5f2a44.txt")
    values = {k: ["0"] * 3 for k in ("规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政强制")}
    values |= {"行政处罚": ["0", "7", "0"], "行政事业性收费": ["0", "0"]}
    blocks = [*head, "二、主动公开政府信息情况", rects_from_rows(table2_2019(values)),
              "三、收到和处理政府信息公开申请情况", rects_from_rows(table3([Z7] * 23, single_other=True)),
              "四、政府信息公开行政复议、行政诉讼情况", rects_from_rows(table4(["0"] * 15)), *tail]
    write_docx(blocks, HERE / "seed002.docx")


def build_sample() -> None:
    """The peer's Hangzhou-style HTML (distinct figures, merges from its
    colspans) as DOCX, then PDF with ruled and with unruled tables."""
    page = lxml.html.fromstring((PEERS / "KIROGOVCOMPARE/derived/filingHtmlImport.test.SAMPLE_HTML.html")
                                .read_text(encoding="utf-8"))
    blocks = [page.findtext(".//title")]
    for element in page.get_element_by_id("zoom").iterchildren():
        blocks.append(rects_from_html(element) if element.tag == "table" else element.text_content().strip())
    write_docx([b for b in blocks if b], HERE / "sample.docx")
    soffice(HERE / "sample.docx", "pdf", HERE)
    unruled = docx.Document(HERE / "sample.docx")
    for table in unruled.tables:
        table.style = None  # "Normal Table": no borders
    unruled.save(HERE / "sample-unruled.docx")
    soffice(HERE / "sample-unruled.docx", "pdf", HERE)
    (HERE / "sample-unruled.docx").unlink()


def build_bad() -> None:
    real = (HERE / "szfgs2024.pdf").read_bytes()
    (HERE / "empty.pdf").write_bytes(b"")
    (HERE / "truncated.pdf").write_bytes(real[: len(real) * 2 // 3])
    (HERE / "error-page.pdf").write_text(
        "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
        "<body><h1>404 Not Found</h1><p>您访问的页面不存在</p></body></html>\n", encoding="utf-8")
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(HERE / "szfgs2024.pdf"),
                    str(HERE / "encrypted.pdf")], check=True)
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--", str(HERE / "hzq2024.pdf"),
                    str(HERE / "owner-locked.pdf")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "60", "-f", "4", "-l", "5", "-png", str(HERE / "szfgs2024.pdf"),
                        f"{tmp}/scan"], check=True)
        pages = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("scan-*.png"))]
        pages[0].save(HERE / "scanned.pdf", "PDF", save_all=True, append_images=pages[1:])


if __name__ == "__main__":
    build_seed000()
    build_seed002()
    build_sample()
    build_bad()

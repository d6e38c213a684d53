"""PDF/DOCX/DOC/WPS extraction: grids and records asserted against values
read off the documents' page images (see tests/files/documents/PROVENANCE.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.documents import extract_bytes, parse_file, read_source
from parsers.documents.office import INSTALL_HINT, find_soffice

FILES = Path(__file__).parent / "files" / "documents"
PEERS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "peers"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason=f"LibreOffice not installed ({INSTALL_HINT})")

ROWS_2021 = ["new_received", "carried_over", "granted", "partially_granted", "denied_state_secret",
             "denied_prohibited_by_law", "denied_security_stability", "denied_third_party",
             "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
             "unable_not_held", "unable_needs_creation", "unable_unclear", "rejected_petition",
             "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
             "other_overdue_correction", "other_unpaid_fee", "other_other", "total_processed", "carried_forward"]
ROWS_2019 = ROWS_2021[:20] + ["other"] + ROWS_2021[23:]


def z(n=0):
    return [n, 0, 0, 0, 0, 0, n]


# Read off the page images (pages 3-5 of szfgs2024, 2-4 of the 洪泽 PDFs).
HUAIAN_2024 = {
    "org": "淮安市人民政府", "year": 2024, "template": "2021",
    "active": [("规章", ["1", "0", "11"]), ("行政规范性文件", ["8", "26", "66"]), ("行政许可", ["447228"]),
               ("行政处罚", ["3985758"]), ("行政强制", ["88283"]), ("行政事业性收费", ["96171.6"])],
    "apps": [[3001, 53, 0, 0, 61, 4, 3119], z(34), [1288, 21, 0, 0, 50, 3, 1362], [447, 7, 0, 0, 0, 0, 454],
             z(2), [30, 1, 0, 0, 0, 0, 31], z(5), z(6), [7, 1, 0, 0, 0, 0, 8], z(12), z(9), z(105),
             [746, 12, 0, 0, 10, 1, 769], z(11), z(1), [56, 6, 0, 0, 0, 0, 62], z(25), z(), z(), z(1),
             [67, 3, 0, 0, 1, 0, 71], z(6), [108, 2, 0, 0, 0, 0, 110], [2932, 53, 0, 0, 61, 4, 3050], z(103)],
    "review": [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    "checks_ok": {"applications.balance": True, "applications.row_totals": True,
                  "applications.results_total": True, "review_litigation.totals": True},
}
HONGZE_2023 = {
    "org": "洪泽区人民政府", "year": 2023, "template": "mixed",
    "active": [("规章", ["0", "0", "0"]), ("行政规范性文件", ["0", "5", "5"]), ("行政许可", ["550"]),
               ("行政处罚", ["4119"]), ("行政强制", ["195"]), ("行政事业性收费", ["7730.28"])],
    "apps": [z(21), z(), z(), z(4), z(1), z(), z(), z(), z(), z(1), z(1), z(), z(10), z(3), z(), z(1),
             z(), z(), z(), z(), z(), z(21), z()],
    "review": [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    "checks_ok": {"applications.balance": True, "applications.row_totals": True,
                  "applications.results_total": True, "review_litigation.totals": False},
}
HONGZE_2024 = {
    "org": "淮安市洪泽区人民政府", "year": 2024, "template": "mixed",
    "active": [("规章", ["0", "0", "0"]), ("行政规范性文件", ["3", "0", "8"]), ("行政许可", ["9487"]),
               ("行政处罚", ["2776"]), ("行政强制", ["84"]), ("行政事业性收费", ["7545"])],
    "apps": [z(95), z(), z(50), z(9), z(), z(), z(1), z(), z(), z(1), z(1), z(), z(31), z(1), z(), z(1),
             z(), z(), z(), z(), z(), z(95), z()],
    "review": [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
    "checks_ok": {"applications.balance": True, "applications.row_totals": True,
                  "applications.results_total": True, "review_litigation.totals": True},
}
REAL_PDFS = {"szfgs2024.pdf": HUAIAN_2024, "hzq2023.pdf": HONGZE_2023, "hzq2024.pdf": HONGZE_2024}


def extract(name: str):
    data, filename = read_source(FILES / name)
    return extract_bytes(data, filename=filename)


def grid_with(extraction, marker: str):
    found = [g for g in extraction.grids if any(marker in cell for row in g for cell in row)]
    assert len(found) == 1, f"{marker}: {len(found)} grids"
    return found[0]


def numbers_of(row: list[str], count: int) -> list[int]:
    return [int(x) for x in row[-count:]]


@pytest.fixture(scope="module")
def pdfs():
    return {name: extract(name) for name in REAL_PDFS}


@pytest.mark.parametrize("name", REAL_PDFS)
def test_pdf_grids_cell_by_cell(pdfs, name):
    """Every cell of tables 二, 三, 四 from the ruled tables, 三 stitched across the page break."""
    expected, extraction = REAL_PDFS[name], pdfs[name]
    assert extraction.fmt == "pdf" and extraction.warnings == []
    assert len(extraction.grids) == 3  # 二 and 三 stitched over page breaks into one grid each
    active = grid_with(extraction, "第二十条第（一）项")
    values = {row[0]: row[1:] for row in active if row[0] in dict(expected["active"])}
    assert values == dict(expected["active"])
    apps = grid_with(extraction, "申请人情况")
    data_rows = [numbers_of(row, 7) for row in apps if all(c.isdigit() for c in row[-7:])]
    assert data_rows == expected["apps"]
    review = grid_with(extraction, "复议后起诉")
    assert numbers_of(review[-1], 15) == expected["review"] and len(review[-1]) == 15


def test_pdf_spans_rebuilt_from_cell_boxes(pdfs):
    """Vertical labels repeat in every row they span; labels cut by the page
    break are joined ("（四）无" + "法提供"); horizontal spans appear once."""
    apps = grid_with(pdfs["szfgs2024.pdf"], "申请人情况")
    assert sum(row[0] == "三、本年度办理结果" for row in apps) == 22
    assert [row[1] for row in apps if row[0] == "三、本年度办理结果"].count("（四）无法提供") == 3
    assert apps[0] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
    review = grid_with(pdfs["szfgs2024.pdf"], "复议后起诉")
    assert review[0] == ["行政复议", "行政诉讼"]
    assert review[2][5:] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2


def test_pdf_text_reading_order(pdfs):
    """Paragraphs joined across wrapped lines and pages, page numbers gone, sections in order."""
    text = pdfs["szfgs2024.pdf"].text
    headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)
    assert "组织召开了“春节前后服务企业用工和促进返乡人员就业创业专项活动”“建设‘四最’一流营商环境" in text
    assert "\n-3-" not in text and "-5-" not in text
    assert text.startswith("淮安市人民政府\n2024年政府信息公开工作年度报告\n")


@pytest.mark.parametrize("name", REAL_PDFS)
def test_pdf_records(name):
    expected = REAL_PDFS[name]
    record = parse_file(FILES / name)
    assert (record["org"], record["year"], record["template"]) == (
        expected["org"], expected["year"], expected["template"])
    assert record["source"]["format"] == "pdf" and len(record["source"]["sha256"]) == 64
    keys = ROWS_2021 if expected["template"] == "2021" else ROWS_2019
    assert record["applications"]["rows"] == dict(zip(keys, expected["apps"]))
    groups = ["review", "litigation_direct", "litigation_after_review"]
    fields = ["upheld", "corrected", "other", "pending", "total"]
    assert record["review_litigation"] == {g: dict(zip(fields, expected["review"][5 * i:5 * i + 5]))
                                           for i, g in enumerate(groups)}
    active = dict(expected["active"])
    assert record["active_disclosure"]["normative_documents"] == dict(
        zip(["issued", "repealed", "in_force"], map(int, active["行政规范性文件"])))
    assert record["active_disclosure"]["fees"]["amount"] == float(active["行政事业性收费"][0])
    assert {c["rule"]: c["ok"] for c in record["checks"]} == expected["checks_ok"]
    assert all(record["sections"].values())


def test_owner_locked_pdf_reads_like_the_original():
    """Encrypted with an empty user password (print/copy restrictions only): readable."""
    locked, plain = parse_file(FILES / "owner-locked.pdf"), parse_file(FILES / "hzq2024.pdf")
    for key in ("org", "year", "template", "active_disclosure", "applications", "review_litigation"):
        assert locked[key] == plain[key]


def test_unruled_pdf_falls_back_and_says_so():
    record = parse_file(FILES / "sample-unruled.pdf")
    assert any("no ruling lines" in w for w in record["warnings"])
    assert record["active_disclosure"]["licensing"] == {"decisions": 11398889}
    assert record["review_litigation"]["review"] == {"upheld": 376, "corrected": 97, "other": 196,
                                                     "pending": 121, "total": 790}


def test_docx_blank_template_structure_all_null():
    extraction = extract("template2021.docx")
    assert [len(g) for g in extraction.grids] == [14, 28, 4]
    assert grid_with(extraction, "复议后起诉")[3] == [""] * 15
    record = parse_file(FILES / "template2021.docx")
    assert record["source"]["format"] == "docx" and record["template"] == "2021"
    assert list(record["applications"]["rows"]) == ROWS_2021
    assert all(v is None for row in record["applications"]["rows"].values() for v in row)
    assert all(v is None for group in record["review_litigation"].values() for v in group.values())
    assert all(v is None for row in record["active_disclosure"].values() for v in row.values())


def test_docx_merged_cells_resolved():
    """gridSpan cells once per row, vMerge cells repeated down (python-docx merges)."""
    apps = grid_with(extract("seed000.docx"), "申请人情况")
    assert apps[1] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "法人或其他组织", "总计"]
    assert apps[2][1:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert sum(row[0] == "三、本年度办理结果" for row in apps) == 22
    assert sum(row[1:2] == ["（三）不予公开"] for row in apps) == 8
    assert apps[-1] == ["四、结转下年度继续办理"] + ["0"] * 7


SEED000 = {"org": "繁峙县大营镇人民政府", "year": 2023, "template": "2021"}


@pytest.mark.parametrize("name,fmt", [
    ("seed000.docx", "docx"),
    pytest.param("seed000.doc", "doc", marks=needs_soffice),
    pytest.param("seed000.wps", "wps", marks=needs_soffice),
])
def test_word_files_from_seed000(name, fmt):
    record = parse_file(FILES / name)
    assert record["source"]["format"] == fmt
    assert {k: record[k] for k in SEED000} == SEED000
    assert record["applications"]["rows"] == {k: z() for k in ROWS_2021}
    assert record["active_disclosure"]["penalty"] == {"decisions": 0}
    assert all(c["ok"] for c in record["checks"])
    assert record["sections"]["other"].startswith("无。")


def test_docx_seed002_2019_format():
    record = parse_file(FILES / "seed002.docx")
    assert (record["org"], record["year"], record["template"]) == ("洺州镇人民政府", 2023, "2019")
    assert record["active_disclosure"]["penalty"] == {"previous": 0, "change": 7, "decisions": 0}
    assert list(record["applications"]["rows"]) == ROWS_2019


@needs_soffice
def test_doc_conversion_keeps_table_four_columns():
    """LibreOffice's Word-97 round trip must not shift or double table 四's values."""
    doc, docx_ = extract("seed000.doc"), extract("seed000.docx")
    assert grid_with(doc, "复议后起诉") == grid_with(docx_, "复议后起诉")
    assert doc.grids == docx_.grids


@pytest.mark.parametrize("name", ["sample.pdf", "sample.docx"])
def test_document_record_equals_html_record(name):
    """The same report as HTML page, PDF and DOCX gives the same record."""
    from parsers.html import parse_html

    html = (PEERS / "KIROGOVCOMPARE/derived/filingHtmlImport.test.SAMPLE_HTML.html").read_text(encoding="utf-8")
    page, document = parse_html(html), parse_file(FILES / name)
    for key in ("title", "org", "year", "template", "active_disclosure", "applications",
                "review_litigation", "checks"):
        assert document[key] == page[key], key
    assert document["applications"]["rows"]["rejected_confirmation"] == [5, 0, 0, 0, 0, 0, 5]

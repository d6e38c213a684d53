"""Stage by stage: values, glued digits, headings, metadata, checks, the command line."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from parsers.checks import run_checks
from parsers.metadata import find_title, org_of, published_of, year_of
from parsers.sections import split_sections
from parsers.text import normalize
from parsers.values import GROUP_TOTALS, ROW_TOTAL, place, read_cell

CORPUS = Path(__file__).parent / "files" / "corpus"


@pytest.mark.parametrize("raw, value", [
    ("0", 0), ("1,362", 1362), ("96171.6", 96171.6), ("-15", -15), ("", None), ("/", None),
    ("—", None), ("-", None), ("无", None), ("13575394432.52元", 13575394432.52),
    ("? 0", 0), ("7 \ufffd", 7), ("\u25a1 12", 12), ("?5", None), ("? 1 2", None), ("--12", -12),
])
def test_cells(raw, value):
    assert read_cell(raw).value == value


def test_labels_are_not_values():
    assert read_cell("规章") is None and read_cell("3.其他") is None


@pytest.mark.parametrize("tokens, n, rules, cells", [
    # real glued rows of the pingtan pages (peers/pingtan-gov-zwgk-archive)
    (["21710000218"], 7, ROW_TOTAL, [217, 1, 0, 0, 0, 0, 218]),
    (["21317000001324019"], 15, GROUP_TOTALS, [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]),
    (["230", "000023"], 7, ROW_TOTAL, [23, 0, 0, 0, 0, 0, 23]),
    (["330000033"], 7, ROW_TOTAL, [None, None, 0, 0, 0, 0, 33]),  # 33|0.. or 3|30|..
    (["0000000"], 7, ROW_TOTAL, [0] * 7),
    (["000"], 3, (), [0, 0, 0]),  # no number has a leading zero: certain
    (["35", "-15"], 2, (), [35, -15]),
])
def test_glued_digits_split_where_certain(tokens, n, rules, cells):
    assert place(tokens, n, rules)[0] == cells


@pytest.mark.parametrize("tokens, n", [(["6233440"], 3), (["100"], 3), (["2648", "-18538"], 3)])
def test_glued_digits_without_a_rule_stay_unread(tokens, n):
    """'100' could be 1|0|0 or 10|0|(blank): nothing says which."""
    assert place(tokens, n)[0] is None


HEADINGS = """标题行
一、总体情况
甲
二、主动公开政府信息情况
乙
3、 收到和处理政府信息公开申请情况
丙
（四）政府信息公开行政复议、行政诉讼情况
丁
### 五、存在的主要问题及改进情况
戊。六、其他需要报告的事项 无。"""


def test_heading_variants_and_glued_heading():
    sections = split_sections(normalize(HEADINGS), HEADINGS)
    assert sections == {"overview": "甲", "active_disclosure": "乙", "applications": "丙",
                        "review_litigation": "丁", "problems": "戊。", "other": "无。"}


def test_subitem_is_not_a_section():
    """（二）依申请公开情况 inside 总体情况 is not section 三 (seed 000)."""
    text = (CORPUS / "seeds" / "000_6f9c98eb08df172a.txt").read_text(encoding="utf-8")
    sections = split_sections(normalize(text), text)
    assert sections["overview"].count("（二）依申请公开情况") == 1
    assert sections["applications"].startswith("（本列数据的勾稽关系为")


def test_metadata_from_title_signature_and_period():
    text = normalize((CORPUS / "seeds" / "003_6c268c3b3a656887.txt").read_text(encoding="utf-8"))
    title = find_title(text)
    assert title.text == "桦树镇2023年度政府信息公开年度工作报告"
    assert org_of(title, text).value == "桦树镇"  # as the title writes it
    assert year_of(None, "本报告所列数据统计期限为2024年1月1日至2024年12月31日。").value == 2024
    assert year_of(None, "正文", published="2025-02-01")[:2] == (2024, "publication date")
    assert published_of("正文\n\n        大营镇人民政府\n       2024年1月10日  ") == "2024-01-10"


def test_checks_report_failures_and_skip_incomplete_rules():
    rows = {k: [1, 0, 0, 0, 0, 0, 1] for k in ("new_received", "carried_over", "total_processed",
                                                "carried_forward")}
    review = {g: {"upheld": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}
              for g in ("review", "litigation_direct", "litigation_after_review")}
    checks = run_checks({"rows": rows}, review)
    assert [(c["rule"], c["ok"]) for c in checks] == [
        ("applications.balance", True), ("applications.row_totals", True),
        ("review_litigation.totals", False)]  # results_total: its rows are absent
    assert "review: 10+1+0+0 != 0" in checks[-1]["detail"]


def test_command_line(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("随便写点什么", encoding="utf-8")
    html = CORPUS / "peers" / "KIROGOVCOMPARE" / "derived" / "filingHtmlImport.test.SAMPLE_HTML.html"
    seed = CORPUS / "seeds" / "001_9fd537a099a1bb2d.txt"
    out = subprocess.run([sys.executable, "-m", "parsers", str(seed), str(bad), str(html)],
                         capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert out.returncode == 1
    assert [line.get("year") for line in lines] == [2023, None, 2025]
    assert lines[1]["file"] == str(bad) and "NotAReport" in lines[1]["error"]
    assert lines[2]["source"]["format"] == "html" and lines[0]["source"]["format"] == "md"


def test_fees_in_yuan_are_converted_and_noted_cells_warned():
    from parsers import parse_text
    text = ("某县2023年政府信息公开工作年度报告\n一、总体情况\n无\n二、主动公开政府信息情况\n"
            "| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "| 规章 | 22（其中修订16件） | 0 | 3 |\n| 第二十条第（八）项 | |\n"
            "| 信息内容 | 本年收费金额 |\n| 行政事业性收费 | 5600元 |\n")
    record = parse_text(text)
    assert record["active_disclosure"]["fees"] == {"amount": 0.56}
    assert record["active_disclosure"]["regulations"] == {"issued": 22, "repealed": 0, "in_force": 3}
    assert "table 二: row fees: column amount: stated in 元 (5600), converted to 万元" in record["warnings"]
    assert any("read as 22 (note dropped)" in w for w in record["warnings"])


def test_legal_person_subtotal_column_is_dropped():
    """自然人 | 小计 | 商业企业 … 其他 | 总计: eight numbers, the subtotal found by its sum."""
    from parsers import template as T
    from parsers.linear import Values
    from parsers.tables import read_run
    row = Values(["5", "4", "1", "0", "2", "0", "1", "9"])
    columns = T.APPLICANT_COLUMNS
    assert read_run(row, columns, ROW_TOTAL)[0] == [5, 1, 0, 2, 0, 1, 9]
    after = Values(["5", "1", "0", "2", "0", "1", "4", "9"])  # the subtotal after 其他
    assert read_run(after, columns, ROW_TOTAL)[0] == [5, 1, 0, 2, 0, 1, 9]
    assert read_run(Values(["5", "3", "1", "0", "2", "0", "1", "9"]), columns, ROW_TOTAL)[0] is None
    assert read_run(Values(["0"] * 8), columns, ROW_TOTAL)[0] == [0] * 7


def test_subtotal_rows_are_kept_apart():
    """A （三）不予公开 row with its own numbers is a subtotal, not one of its sub-rows."""
    from parsers import parse_text
    from parsers import template as T
    rows = [f"| {r.label} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" for r in T.APPLICATIONS_2021]
    rows.insert(4, "| （三）不予公开 小计 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |")
    text = "某县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" \
           "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" \
           + "\n".join(rows) + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    apps = parse_text(text)["applications"]
    assert apps["subtotals"] == {"denied": [8, 0, 0, 0, 0, 0, 8]}
    assert apps["rows"]["denied_state_secret"] == [1, 0, 0, 0, 0, 0, 1]
    assert all(v == [1, 0, 0, 0, 0, 0, 1] for v in apps["rows"].values())

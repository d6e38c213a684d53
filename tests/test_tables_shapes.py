"""One class of flattened table per test: real lines quoted from the excerpts
(tests/files/excerpts/texts/NNN.txt, the number in each test) and a second example of
the same class, written here, that the excerpts do not have."""
import pytest

from parsers import parse_html, parse_text

HEAD = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本机关依法公开政府信息。\n"
APPS = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def active(table: str, after: str = "三、收到和处理政府信息公开申请情况\n" + APPS + "\n") -> dict:
    record = parse_text(HEAD + "二、主动公开政府信息情况\n" + table + "\n" + after)
    return record["active_disclosure"], record["template"], record["warnings"]


def applications(table: str) -> tuple[dict, list]:
    record = parse_text(HEAD + "三、收到和处理政府信息公开申请情况\n" + table)
    return record["applications"]["rows"], record["warnings"]


def row(table: dict, key: str) -> list:
    return list(table[key].values())


# --- separators -----------------------------------------------------------------------

def test_pipe_rows_without_a_leading_pipe():
    real = ("第二十条第(一)项 | |||\n"  # excerpt 039
            "信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n"
            "规章 | 8 | 8 | 18 |\n规范性文件 | 1 | 1 | 6 |\n")
    table, template, _ = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents"), template) == \
        ([8, 8, 18], [1, 1, 6], "2019")
    written = ("第二十条第（一）项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
               "规章 | 1 | | 3 |\n行政规范性文件 | 4 | 0 | 12 |\n")
    table, template, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents"), template) == \
        ([1, None, 3], [4, 0, 12], "2021")


def test_markdown_rows_with_leading_and_trailing_pipes():
    real = ("| 第二十条第(一)项 | |||\n"  # excerpt 021: 现行有效件数 left blank
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "| 规章 | 0 | 0 | |\n| 行政规范性文件 | 0 | 0 | |\n"
            "| 第二十条第(五)项 | |||\n| 信息内容 | 本年处理决定数量 | ||\n| 行政许可 | 1300 | ||\n")
    table, _, _ = active(real)
    assert (row(table, "regulations"), row(table, "licensing")) == ([0, 0, None], [1300])
    written = ("| 第二十条第（一）项 |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
               "| 规章 |\n| 2 | 0 | 5 |\n| 行政规范性文件 | | 1 | 7 |\n")  # values on the next row
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([2, 0, 5], [None, 1, 7])


def test_one_cell_per_line_ending_in_a_pipe():
    real = ("第二十条第(五)项 |\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n"  # excerpt 017
            "行政许可 |\n6 |\n减4 |\n2 |\n其他对外管理服务事项 |\n0 |\n0 |\n0 |\n")
    table, _, _ = active(real)
    assert (row(table, "licensing"), row(table, "other_services")) == ([6, -4, 2], [0, 0, 0])
    written = ("第二十条第（一）项 |\n|||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
               "规章 |\n|\n|\n4 |\n行政规范性文件 |\n3 |\n|\n9 |\n")  # blank cells as lone pipes
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([None, None, 4], [3, None, 9])


def test_lone_pipe_lines_between_cells():
    real = ("第二十条第(五)项\n|\n信息内容\n|\n上一年项目数量\n|\n本年增/减\n|\n处理决定数量\n|\n"
            "行政许可\n|\n75\n|\n增13\n|\n88\n|\n其他对外管理服务事项\n|\n0\n|\n|\n0\n|\n")  # excerpt 071
    table, _, _ = active(real)
    assert (row(table, "licensing"), row(table, "other_services")) == ([75, 13, 88], [0, None, 0])
    written = ("第二十条第（六）项\n|\n信息内容\n|\n上一年项目数量\n|\n本年增/减\n|\n处理决定数量\n|\n"
               "行政处罚\n|\n|\n|\n7\n|\n行政强制\n|\n12\n|\n-2\n|\n10\n|\n")
    table, _, _ = active(written)
    assert (row(table, "penalty"), row(table, "coercion")) == ([None, None, 7], [12, -2, 10])


def test_cells_apart_by_blank_lines_and_an_extra_break_for_a_blank_cell():
    real = ("第二十条第(一)项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件\n\n"  # excerpt 031
            "规章\n\n0\n\n1\n\n0\n\n行政规范性文件\n\n1\n\n0\n\n2\n\n")
    table, template, _ = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents"), template) == \
        ([0, 1, 0], [1, 0, 2], "2021")
    written = ("第二十条第（一）项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n"
               "规章\n\n\n0\n\n5\n\n行政规范性文件\n\n2\n\n\n4\n\n")
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([None, 0, 5], [2, None, 4])


def test_one_cell_per_line_with_an_empty_line_for_a_blank_cell():
    real = ("一、本年新收政府信息公开申请数量\n1\n\n\n\n\n\n1\n"  # excerpt 036 (converted characters)
            "二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n三、本年度办理结果\n(一)予以公开\n")
    rows, _ = applications(APPS + "\n申请人情况\n自然人\n" + real)
    assert rows["new_received"] == [1, None, None, None, None, None, 1]
    assert rows["carried_over"] == [0] * 7
    written = ("第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
               "规章\n3\n\n\n行政规范性文件\n\n2\n6\n")
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents")) == \
        ([3, None, None], [None, 2, 6])  # the text shows blanks where they are (before 2)


def test_a_whole_table_on_one_line():
    real = ("第二十条第(一)项 | 信息内容 | 本年新 制发数量 | 本年新 废止数量 | 现行有效数量 | "  # excerpt 047
            "规章 | 0 | 0 | 0 | 规范性文件 | 0 | 0 | 0 | 第二十条第(五)项 | 信息内容 | 本年处理决定数量 | "
            "行政许可 | 650 | 第二十条第(六)项 | 信息内容 | 本年处理决定数量 | 行政处罚 | 100 | 行政强制 | 0 | ")
    table, template, _ = active(real)
    assert template == "2021"
    assert [row(table, k) for k in ("regulations", "normative_documents", "licensing", "penalty",
                                    "coercion")] == [[0, 0, 0], [0, 0, 0], [650], [100], [0]]
    written = ("| 规章 | 1 | 2 | 3 | | 行政规范性文件 | 4 | | 6 | | 行政许可 | 7 | ")
    table, _, _ = active("第二十条第（一）项 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 " + written)
    assert [row(table, k) for k in ("regulations", "normative_documents", "licensing")] == \
        [[1, 2, 3], [4, None, 6], [7]]


def test_cells_run_together_split_only_where_certain():
    real = "第二十条第(一)项\n信息内容本年制发件数本年废止件数现行有效件数\n规章000\n行政规范性文件000\n"  # excerpt 049
    table, _, _ = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([0, 0, 0], [0, 0, 0])
    written = "第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n规章100\n行政规范性文件3012\n"
    table, _, warnings = active(written)  # 1|0|0 or 10|0|blank …: no rule tells
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([None] * 3, [None] * 3)
    assert any("glued digits '100'" in w for w in warnings)


def test_tab_rows_and_word_cells():
    real = "第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政许可\t0\t\t\n"  # seed 004
    table, _, _ = active(real)
    assert table["licensing"] == {"decisions": 0}
    written = ("\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
               "\t规章\n\t2\n\t\n\t7\n\n\t行政规范性文件\n\t1\n\t1\n\t9\n\n")  # Word cells, a blank
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([2, None, 7], [1, 1, 9])


def test_runs_of_spaces_pdf_layout():
    real = ("第二十条第（一）项\n信息内容  本年制发件数  本年废止件数  现行有效件数\n"  # hzq2024 -layout
            "规章               0          0       0\n\n行政规范性文件          3          0       8\n")
    table, _, _ = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([0, 0, 0], [3, 0, 8])
    written = "第二十条第（一）项\n信息内容  本年制发件数  本年废止件数  现行有效件数\n规章      5          9\n"
    table, _, warnings = active(written)  # a blank cell vanished: which one is not known
    assert row(table, "regulations") == [None] * 3
    assert any("2 values where 3 were expected" in w for w in warnings)


def test_traditional_characters_and_mirror_notes():
    real = ("第二十條第(一)項 | |||\n"  # excerpt 033: traditional, with pinyin after characters
            "信息內容 | 本年制發(fā)件數(shù) | 本年廢止件數(shù) | 現(xiàn)行有效件數(shù) |\n"
            "規(guī)章 | 0 | 0 | 0 |\n行政規(guī)范性文件 | 0 | 0 | 0 |\n第二十條第(五)項 | |||\n"
            "信息內容 | 本年處理決定數(shù)量 | ||\n行政許可 | 0 | ||\n")
    table, template, _ = active(real)
    assert (template, row(table, "regulations"), row(table, "licensing")) == ("2021", [0, 0, 0], [0])
    written = ("第二十條第（五）項\n信息內容\n上一年項目數量\n本年增/減\n處理決定數量\n"
               "行政許可\n12\n減3\n9\n其他對外管理服務事項\n0\n未增未減\n0\n")
    table, template, _ = active(written)
    assert (template, row(table, "licensing"), row(table, "other_services")) == \
        ("2019", [12, -3, 9], [0, 0, 0])


# --- blank cells written, padding ------------------------------------------------------

def test_blank_cells_written_as_lone_pipes_are_counted_exactly():
    real = ("自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n商业企业 |\n科研机构 |\n社会公益组织 |\n"  # excerpts2/020
            "法律服务机构 |\n其他 |\n|||||\n一、本年新收政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n0 |\n||\n"
            "二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n0 |\n||\n三、本年度办理结果 |\n")
    rows, _ = applications(APPS + " |\n申请人情况 |\n||||||||\n" + real)
    assert rows["new_received"] == rows["carried_over"] == [None] * 6 + [0]  # not under 法律服务机构
    written = ("一、本年新收政府信息公开申请数量 |\n|\n|\n2 |\n|\n|\n|\n2 |\n||\n"  # no header
               "二、上年结转政府信息公开申请数量 |\n1 |\n|\n|\n|\n|\n|\n1 |\n||\n三、本年度办理结果 |\n")
    rows, _ = applications(APPS + " |\n申请人情况 |\n||||||||\n" + written)
    assert rows["new_received"] == [None, None, 2, None, None, None, 2]
    assert rows["carried_over"] == [1, None, None, None, None, None, 1]


def test_padding_at_both_ends_of_a_row_goes_where_the_header_puts_spans():
    real = ("| | 自然人 | 法人或其他组织 | | | | | 总计 |\n"  # seed 001: spans written as blank cells
            "| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
            "| | (七) 总计 | | 0 | 0 | 0 | 0 | 0 | 0 | |\n")
    rows, _ = applications(APPS + " | 申请人情况 | | | | | | |\n" + real)
    assert rows["total_processed"] == [0] * 6 + [None]  # the blank after the label is its span
    header = "| 自然人 | 法人或其他组织 | 总计 | | | | | |\n"  # spans written as nothing: padding trails
    row = ("| 一、本年新收政府信息公开申请数量 | | 5 | 0 | 0 | 0 | 0 | 5 | |\n"
           "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    rows, _ = applications(APPS + " | 申请人情况 |\n" + header + row)
    assert rows["new_received"] == [None, 5, 0, 0, 0, 0, 5]
    rows, warnings = applications(APPS + " | 申请人情况 |\n" + row)  # no header: not known
    assert rows["new_received"] == [None] * 7
    assert any("which are padding is not known" in w for w in warnings)


def test_a_blank_last_cell_written_as_a_lone_pipe_is_a_blank_cell():
    real = ("|\n第二十条第(一)项 | |||\n|\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n"  # excerpts2/038
            "现行有效件数 (历史累计) |\n|\n规章 |\n0 |\n0 |\n|\n|\n行政规范性文件 |\n5 |\n12 |\n8 |\n|\n"
            "第二十条第(五)项 | |||\n|\n信息内容 |\n本年处理决定数量 | ||\n|\n行政许可 |\n0 | ||\n")
    table, _, _ = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents"), row(table, "licensing")) == \
        ([0, 0, None], [5, 12, 8], [0])
    written = ("|\n第二十条第（六）项 | |||\n|\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n"
               "|\n行政处罚 |\n|\n2 |\n|\n|\n行政强制 |\n1 |\n0 |\n1 |\n|\n")
    table, _, _ = active(written)
    assert (row(table, "penalty"), row(table, "coercion")) == ([None, 2, None], [1, 0, 1])


# --- labels ---------------------------------------------------------------------------

def test_rows_named_in_another_labels_explanation_are_not_rows():
    real = ("第二十条第(五)项 | |||\n|\n信息内容 |\n上一年项目数量 (指2019年事项数) |\n"  # excerpts2/011
            "本年增/减 (指2020年增加或减 少的事项 数,减用负 值表示,如 -8) |\n处理决定数量 (指2020年办 件量) |\n|\n"
            "行政许可 |\n0 |\n0 |\n0 |\n|\n"
            "其他对外管理服务事项(指行政许可以外的政务服务事项,含行政确认、行政奖励、行政裁决、行政给付、"
            "行政处罚、行政强制、行政检查、行政征收和其他类,以及公共服务事项) |\n0 |\n0 |\n0 |\n|\n"
            "第二十条第(六)项 | |||\n|\n信息内容 |\n上一年项目数量 (指2019年事项数) |\n本年增/减 |\n"
            "处理决定数量 (指2020年办 件量) |\n|\n行政处罚 |\n0 |\n0 |\n0 |\n|\n行政强\n")
    table, _, warnings = active(real, after="")
    assert (row(table, "other_services"), row(table, "penalty")) == ([0, 0, 0], [0, 0, 0])
    assert row(table, "coercion") == [None] * 3  # its label is cut off: no values
    assert any("coercion" in w and "not read" in w for w in warnings)
    written = ("第二十条第（六）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
               "行政处罚(不含行政强制措施;行政许可的撤销另计) | 4 | 0 | 12 |\n行政强制 | 1 | 0 | 3 |\n")
    table, _, _ = active(written)
    assert (row(table, "penalty"), row(table, "coercion"), row(table, "licensing")) == \
        ([4, 0, 12], [1, 0, 3], [None] * 3)


# --- blank cells dropped ----------------------------------------------------------------

def test_dropped_blank_cells_leave_the_columns_unknown():
    real = ("第二十条第(五)项 | ||||\n信息内容 | 上一年 项目数量 | 本年增/减 | 处理决定数量 | |\n"  # excerpt 077
            "行政许可 | 0 | |||\n其他对外管理服务事项 | 0 | |||\n")
    table, _, warnings = active(real)
    assert (row(table, "licensing"), row(table, "other_services")) == ([None] * 3, [None] * 3)
    assert any(w.startswith("table 二: row licensing") for w in warnings)
    written = ("第二十条第（一）项 | ||||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | |\n"
               "规章 | 2 | 5 | ||\n行政规范性文件 | 1 | 1 | 1 | |\n")
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([None] * 3, [1, 1, 1])


def test_dropped_blank_cells_placed_where_the_totals_settle_them():
    real = ("一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n"  # excerpt 054
            "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n|||||||\n三、本年度办理结果 |\n")
    rows, warnings = applications(APPS + " |\n申请人情况 |\n||||||||\n" + real)
    assert rows["new_received"] == [None] * 6 + [3]  # two parts of 3 would need a total of 6
    assert rows["carried_over"] == [None] * 7  # 0|0 and a blank total fit as well as 0 and 0
    written = ("一、本年新收政府信息公开申请数量 | 5 | 2 | 7 | ||||||\n"
               "二、上年结转政府信息公开申请数量 | 4 | 1 | 4 | ||||||\n三、本年度办理结果 |\n")
    rows, _ = applications(APPS + " |\n申请人情况 | ||||||||\n" + written)
    assert rows["new_received"] == [None] * 6 + [7]
    assert rows["carried_over"] == [None] * 7  # 4+1 != 4: no placing keeps the rule


# --- rows some reports add ---------------------------------------------------------------

def test_an_added_row_keeps_its_numbers_to_itself():
    real = ("第二十条第(一)项 | |||\n|\n信息内容 |\n本年新 制作数量 |\n本年新 公开数量 |\n对外公开总数量 |\n|\n"
            "规章(设区的市、自治州人民政府应提供相关数据) |\n|||\n|\n"  # excerpt 063: hint labels
            "规范性文件(行政机关制定发布的决定、公告、通告、意见、通知,以及标题采用“规定”“办法”“细则”"
            "“规范”“规程”“规则”等字样的公文,一般情况下属于规范性文件) |\n47 |\n0 |\n0 |\n|\n"
            "其他主动公开文件(含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件) |\n"
            "30 |\n30 |\n30 |\n|\n第二十条第(五)项 |\n")
    table, _, warnings = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([None] * 3, [47, 0, 0])
    assert table["other_active_docs"] == {"new_made": 30, "new_public": 30, "total_public": 30}
    written = ("第二十条第（一）项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n"
               "规章\n规范性文件\n其他主动公开文件\n56\n45\n120\n第二十条第（五）项\n")
    table, _, _ = active(written)  # blank rows, then the added row's numbers: not 规范性文件's
    assert row(table, "normative_documents") == [None] * 3
    assert row(table, "other_active_docs") == [56, 45, 120]


def test_an_added_row_is_in_the_record_only_where_the_report_has_it():
    from parsers.schema import validate
    table = ("第二十条第(一)项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
             "规章 | 1 | 1 | 5 |\n规范性文件 | 2 | 2 | 9 |\n")
    record = parse_text(HEAD + "二、主动公开政府信息情况\n" + table)
    assert record["template"] == "2019" and "other_active_docs" not in record["active_disclosure"]
    assert validate(record) == []
    record = parse_text(HEAD + "二、主动公开政府信息情况\n" + table + "其他主动公开文件 | 30 | 30 | 88 |\n")
    assert record["active_disclosure"]["other_active_docs"] == {"new_made": 30, "new_public": 30,
                                                               "total_public": 88}
    assert validate(record) == []


def test_a_row_shown_blank_does_not_take_the_next_rows_numbers():
    real = ("第二十条第(八)项 | ||||\n信息内容 | 上一年项目数量 | 本年增/减 | ||\n"  # excerpt 055
            "行政事业性收费 | ||||\n第二十条第(九)项 | ||||\n信息内容 | 采购项目数量 | 采购总金额 | ||\n"
            "政府集中采购 | 0 | 0 |\n")
    table, _, _ = active(real)
    assert table["fees"] == {"previous": None, "change": None}
    assert table["procurement"] == {"count": 0, "amount": 0}
    written = (APPS + " | 申请人情况 |\n一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n"
               "三、本年度办理结果 | (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
               "(二)部分公开 | | | | | | | |\n(三)不予公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
               "1.属于国家秘密 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n")
    rows, _ = applications(written)  # (三)'s own numbers are its subtotal, not (二)'s
    assert rows["partially_granted"] == [None] * 7 and rows["denied_state_secret"] == [5, 0, 0, 0, 0, 0, 5]


# --- header words ---------------------------------------------------------------------

@pytest.mark.parametrize("header, template", [
    ("信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件", "2021"),  # excerpt 008: truncated
    ("信息内容 | 本年新 | 本年新 | 对外公开总数量 | |", "2019"),  # excerpt 050: truncated
    ("信息内容 | 本年新 制发数量 | 本年新 废止数量 | 现行有效数量 |", "2021"),  # excerpt 047: reworded
    ("信息内容 | 本年新制发文件数 | 本年废止文件数 | 现行有效文件数 |", "2021"),  # written
    ("信息内容 | 本年新制作 | 本年新公开 | 对外公开总数 |", "2019"),  # written
])
def test_truncated_and_reworded_headers(header, template):
    sep = "\n\n" if "\n\n" in header else " | " if "|" in header else "\n"
    table, found, _ = active(f"第二十条第（一）项\n{header}\n" + sep.join(["规章", "1", "2", "3"]) + "\n")
    assert (found, row(table, "regulations")) == (template, [1, 2, 3])


def test_2019_table_in_a_2023_report():
    real = ("第二十条第(一)项 | ||||\n信息内容 | 本年新 | 本年新 | 对外公开总数量 | |\n"  # excerpt 055
            "规章 | 1 | 1 | 1 | |\n规范性文件 | 22 | 22 | 22 | |\n第二十条第(五)项 | ||||\n"
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |\n行政许可 | ||||\n")
    table, template, _ = active(real)
    assert template == "2019"
    assert (row(table, "normative_documents"), row(table, "licensing")) == ([22, 22, 22], [None] * 3)
    written = "第二十条第（五）项\n行政许可 3 +1 120\n其他对外管理服务事项 0 0 0\n"
    table, template, _ = active(written)
    assert (template, row(table, "licensing")) == ("2019", [3, 1, 120])


def test_a_section_that_names_fewer_columns_in_its_own_header_is_read_by_it():
    real = ("第二十條第(一)項 | ||||\n信息內容 | 本年新製作數量 | 對外公開總數量 | ||\n"  # excerpt 060
            "規範性文件 | 無 | 無 | ||\n第二十條第(五)項 | ||||\n信息內容 | 項目數量 | 處理決定數量 | ||\n"
            "行政許可 | 4 | 142 | ||\n第二十條第(六)項 | ||||\n信息內容 | 處理決定數量 | |||\n"
            "行政處罰 | 201件 | |||\n行政強製 | 6項 | |||\n")
    table, _, warnings = active(real)
    assert row(table, "licensing") == [None, None, 142]  # 項目數量 is not 上一年项目数量
    assert (row(table, "penalty"), row(table, "coercion")) == ([None, None, 201], [None, None, 6])
    assert any("项目数量 is not the format's, 4 left out" in w for w in warnings)
    written = ("第二十条第（一）项\n信息内容\n本年新制作数量\n对外公开总数量\n规章\n2\n9\n"
               "规范性文件\n5\n40\n第二十条第（五）项\n信息内容\n上一年项目数量\n处理决定数量\n"
               "行政许可\n12\n300\n")
    table, _, _ = active(written)
    assert (row(table, "regulations"), row(table, "normative_documents"), row(table, "licensing")) == \
        ([2, None, 9], [5, None, 40], [12, None, 300])
    national = ("第二十条第（五）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
                "行政许可 | 12 | 300 | |\n")  # the national header: its three columns stand
    table, _, _ = active(national)
    assert row(table, "licensing") == [12, 300, None]


# --- what a cell says -----------------------------------------------------------------

@pytest.mark.parametrize("change, value", [
    ("+2", 2),  # excerpt 039
    ("减4", -4),  # excerpt 017
    ("增13", 13),  # excerpt 071
    ("未增未减", 0),  # excerpt 068
    ("0/0", 0),  # excerpt 040: 增0/减0
    ("增加2", 2), ("减少1", -1), ("-35", -35),  # written; -35 from excerpt 038
])
def test_signed_and_worded_changes(change, value):
    table, _, _ = active(f"第二十条第（五）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
                         f"行政许可 | 9 | {change} | 12 |\n")
    assert row(table, "licensing") == [9, value, 12]


@pytest.mark.parametrize("amount, value, converted", [
    ("3235727元", 323.5727, True),  # excerpt 039
    ("205(万)", 205, False),  # excerpt 071
    ("113.96万元", 113.96, False),  # excerpt 040
    ("52.15", 52.15, False),  # excerpt 017
    ("70487 元", 7.0487, True), ("0.5(万元)", 0.5, False),  # written
])
def test_money_with_its_unit(amount, value, converted):
    table, _, warnings = active("第二十条第（九）项 |\n信息内容 | 采购项目数量 | 采购总金额 |\n"
                                f"政府集中采购 | 3 | {amount} |\n")
    assert table["procurement"] == {"count": 3, "amount": value}
    assert any("converted to 万元" in w for w in warnings) == converted


@pytest.mark.parametrize("cell, value", [
    ("6項", 6), ("201件", 201),  # excerpt 060 (行政強製 '6項', 行政處罰 '201件')
    ("90(信用中国青海西宁)", 90),  # excerpt 078, with a warning
    ("12项", 12), ("3个", 3),  # written
])
def test_counts_with_their_measure_word(cell, value):
    table, _, _ = active(f"第二十条第（五）项 |\n信息内容 | 本年处理决定数量 |\n行政许可 | {cell} |\n")
    assert table["licensing"] == {"decisions": value}


# --- cut off ----------------------------------------------------------------------------

def test_rows_before_the_cut_are_read_and_the_rest_warned_once():
    real = ("一、本年新收政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n0\n"  # excerpt 068
            "二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n0\n三、本年度办理结果 |\n"
            "(一)予以公开 |\n|\n|\n|\n|\n|\n|\n0\n(二)部分公开(区分处理的,只计这一情")
    rows, warnings = applications(APPS + " |\n申请人情况 |\n自然 人 |\n" + real)
    assert rows["new_received"] == rows["carried_over"] == rows["granted"] == [None] * 6 + [0]
    assert rows["partially_granted"] == rows["carried_forward"] == [None] * 7
    cut = [w for w in warnings if "the text ends inside the table" in w]
    assert len(cut) == 1 and "partially_granted" in cut[0]
    written = ("一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
               "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1")  # the 1 may be 1x
    rows, warnings = applications(APPS + "\n" + written)
    assert rows["new_received"] == [5, 0, 0, 0, 0, 0, 5]
    assert rows["carried_over"] == [1, 0, 0, 0, 0, 0, None]  # its whole cells only
    assert sum("the text ends inside the table" in w for w in warnings) == 1


def test_the_last_row_cut_off_keeps_the_cells_that_are_certainly_whole():
    real = "第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0\n"  # excerpt 083
    table, _, warnings = active(real, after="")
    assert row(table, "regulations") == [0, None, None]  # no count begins with 0: it is whole
    assert sum("the text ends inside the table" in w for w in warnings) == 1
    assert any("row regulations: the text ends inside the row" in w for w in warnings)
    real = ("第二十条第(一)项 | |||\n信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n"  # excerpt 081
            "规章 | 2 | 2 | 3 |\n规范性文件 | 11 | 11 | 119 |\n其他主动公开文件 | 56 | 45 \n")
    table, _, _ = active(real, after="")
    assert row(table, "other_active_docs") == [56, 45, None]  # the space after 45 ends it
    real = "第二十条第(五)项\n|\n||||\n信息内容\n|\n上一年项目数量\n|\n本年增/减\n|\n处理决定数量\n|\n|\n行政许可\n|\n0\n"
    table, _, _ = active(real, after="")  # excerpts2/029: the cell on the line after its pipe
    assert row(table, "licensing") == [0, None, None]
    written = ("第二十条第（一）项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
               "规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 2 | 1")  # 1 may be the start of 10
    table, _, _ = active(written, after="")
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([0, 0, 0], [1, 2, None])
    table, _, _ = active(written.replace("2 | 1", "2 | 0.5"), after="")  # the 0 of an amount may go on
    assert row(table, "normative_documents") == [1, 2, None]
    written = ("第二十条第（八）项 |\n信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 | 0")
    table, _, _ = active(written, after="")
    assert table["fees"] == {"amount": None}  # 0.5 万元 would begin so


def test_the_last_row_cut_off_is_not_read_where_its_cells_may_stand_anywhere():
    pdf = ("第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n"
           "行政规范性文件 3 0\n")  # free text shows no blank: the row may be torn anywhere
    table, _, _ = active(pdf, after="")
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([0, 0, 0], [None] * 3)
    dropped = (APPS + " |\n自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n"  # excerpt 054: blanks dropped
               "一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n二、上年结转政府信息公开申请数量 |\n2 |\n")
    rows, _ = applications(dropped)
    assert rows["new_received"][6] == 3 and rows["carried_over"] == [None] * 7
    spanned = (APPS + " | 申请人情况 | | | | | | |\n| 自然人 | 法人或其他组织 | | | | | 总计 |\n"
               "| 一、本年新收政府信息公开申请数量 | | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
               "| 二、上年结转政府信息公开申请数量 | | 1 | 0")  # the blank may be the label's span
    rows, _ = applications(spanned)
    assert rows["new_received"] == [4, 0, 0, 0, 0, 0, 4] and rows["carried_over"] == [None] * 7


def test_a_page_that_begins_inside_table_3_is_read_from_its_first_row():
    real = ("Page 9 - 2020年报_审计局\nP. 9\n四、结转下年度继续办理 0 0 0 0 0 0 0\n"  # excerpts2/015: a flip-book page
            "四、政府信息公开行政复议、行政诉讼情况\n2020 年,我单位对形成的政府信息实现了依法、有序公开,\n"
            "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n")
    record = parse_text(real)
    assert record["applications"]["rows"]["carried_forward"] == [0] * 7
    written = ("Page 7 - 某某镇2022年政府信息公开工作年度报告\n3.其他 0 0 0 0 0 0 0\n(七)总计 5 1 0 0 0 0 6\n"
               "四、结转下年度继续办理 1 0 0 0 0 0 1\n四、政府信息公开行政复议、行政诉讼情况\n")
    rows = parse_text(written)["applications"]["rows"]
    assert (rows["other_other"], rows["total_processed"], rows["carried_forward"]) == \
        ([0] * 7, [5, 1, 0, 0, 0, 0, 6], [1, 0, 0, 0, 0, 0, 1])
    assert rows["new_received"] == [None] * 7  # not on the page
    prose = "Page 2 - 某某镇2022年政府信息公开工作年度报告\n本年新收政府信息公开申请3件,均已按期答复。\n"
    assert parse_text(prose)["applications"] is None or \
        parse_text(prose)["applications"]["rows"]["new_received"] == [None] * 7


# --- numbers no count can be (issue 11) ------------------------------------------------

BAD_COUNTS = ["1 234", "١٢٣", "-5", "12.5", "1.234", "12345678901234567890", "3元", "减2", "100余", "约20"]


@pytest.mark.parametrize("cell", BAD_COUNTS)
def test_a_cell_no_count_can_be_is_null_with_a_warning_naming_it(cell):
    from parsers.schema import validate
    table, _, warnings = active("第二十条第（五）项 |\n信息内容 | 本年处理决定数量 |\n"
                                f"行政许可 | {cell} |\n行政处罚 | 4 |\n")
    assert table["licensing"] == {"decisions": None} and table["penalty"] == {"decisions": 4}
    assert any(w.startswith("table 二: row licensing: column decisions: ") for w in warnings), warnings
    record = parse_text(HEAD + "二、主动公开政府信息情况\n第二十条第（五）项 |\n行政许可 | " + cell + " |\n")
    assert validate(record) == []


@pytest.mark.parametrize("cell", BAD_COUNTS)
def test_the_same_rule_holds_for_html_grids(cell):
    from parsers.schema import validate
    page = ("<html><body><div class='TRS_Editor'><p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
            "<table><tr><td>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td>"
            f"<td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>{cell}</td><td>0</td>"
            "<td>2</td></tr></table></div></body></html>")
    record = parse_html(page)
    assert record["active_disclosure"]["regulations"] == {"issued": None, "repealed": 0, "in_force": 2}
    assert any(w.startswith("table 二: row regulations: column issued: ") for w in record["warnings"])
    assert validate(record) == []


def test_a_change_may_be_negative_and_money_may_have_decimals():
    table, _, warnings = active("第二十条第（八）项 |\n信息内容 | 上一年项目数量 | 本年增/减 |\n"
                                "行政事业性收费 | 12.5 | -5 |\n")
    assert table["fees"] == {"previous": None, "change": -5}
    assert any("row fees: column previous: cell '12.5'" in w for w in warnings)
    table, _, _ = active("第二十条第（八）项 |\n信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 | 12.5 |\n")
    assert table["fees"] == {"amount": 12.5}


# --- round 3: classes from the third sample (tests/files/excerpts3) ----------------------

def test_a_lost_glyph_beside_a_number_is_read_with_a_warning():
    real = ("第二十条第(一)項 | |||\n信息內容 |\n本年制發件數 |\n本年廢止件數 |\n現行有效件數 |\n"  # excerpts3/055
            "規章 |\n0 |\n? 0 |\n0 |\n行政規範性文件 |\n0 |\n? 0 |\n0 |\n")
    table, _, warnings = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([0, 0, 0], [0, 0, 0])
    assert any("row regulations: column repealed: cell '? 0': a lost glyph" in w for w in warnings)
    written = ("| 第二十条第（五）项 | | | |\n| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
               "| 行政许可 | \ufffd 12 | 3 \u25a1 | 140 |\n| 其他对外管理服务事项 | ? | 0 | 7 |\n")
    table, _, warnings = active(written)
    assert row(table, "licensing") == [12, 3, 140]
    assert row(table, "other_services") == [None, 0, 7]  # a glyph alone: the cell is unreadable
    assert any("row other_services: column previous: cell '?'" in w for w in warnings)
    touching = ("| 第二十条第（五）项 | | |\n| 信息内容 | 本年处理决定数量 | |\n"
                "| 行政许可 | ?5 | |\n| 行政处罚 | 5 ? 3 | |\n")  # ?5 may have been 15 (a lost full-width 1)
    table, _, warnings = active(touching)
    assert (table["licensing"], table["penalty"]) == ({"decisions": None}, {"decisions": None})
    assert any(w.startswith("table 二: row licensing") for w in warnings)


def test_a_first_row_whose_label_is_blank_is_read_by_its_place_only_where_that_settles_it():
    real = ("第二十条第\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n  \n\n"  # excerpts3/065
            "0\n\n0\n\n0\n\n行政规范性文件\n\n0\n\n0\n\n0\n\n第二十条第\n\n信息内容\n\n"
            "本年处理决定数量\n\n行政许可\n\n124\n")
    table, _, warnings = active(real)
    assert (row(table, "regulations"), row(table, "normative_documents")) == ([0, 0, 0], [0, 0, 0])
    assert table["licensing"] == {"decisions": 124}
    assert any("row regulations: its label is blank" in w for w in warnings)
    written = ("| 第二十条第(一)项 | | | |\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
               "|  | 1 | 1 | 6 |\n| 规范性文件 | 2 | 2 | 9 |\n")
    table, template, _ = active(written)
    assert (template, row(table, "regulations"), row(table, "normative_documents")) == \
        ("2019", [1, 1, 6], [2, 2, 9])
    headless = "| 第二十条第(一)项 | | | |\n|  | 1 | 1 | 6 |\n| 规范性文件 | 2 | 2 | 9 |\n"
    table, _, _ = active(headless)  # no header to place it under: not read
    assert row(table, "regulations") == [None] * 3 and row(table, "normative_documents") == [2, 2, 9]
    short = written.replace("|  | 1 | 1 | 6 |", "|  | 1 | 6 | |")  # two cells: which two columns?
    table, _, _ = active(short)
    assert row(table, "regulations") == [None] * 3
    torn = written.replace("|  | 1 |", "| 章 | 1 |")  # label text beside it is not a blank label
    table, _, _ = active(torn)
    assert row(table, "regulations") == [None] * 3


def test_signs_a_count_and_a_change_column_can_carry():
    real = ("信息内容 |\n本年新制作数量 |\n本年新公开数量 |\n对外公开总数量 |\n规章 |\n0 |\n0 |\n0 |\n"  # excerpts3/047
            "规范性文件 |\n0 |\n0 |\n0 |\n第二十条第(五)项 |\n|||\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n"
            "处理决定数量 |\n行政许可 |\n16 |\n+3 |\n780 |\n其他对外管理服务事项 |\n+22 |\n0 |\n889 |\n"
            "第二十条第(六)项 |\n|||\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n"
            "行政处罚 |\n253 |\n--253 |\n0 |\n行政强制 |\n0 |\n0 |\n0 |\n")
    table, _, warnings = active(real)  # the table begins without its first section line
    assert row(table, "regulations") == [0, 0, 0]
    assert (row(table, "licensing"), row(table, "other_services"), row(table, "penalty")) == \
        ([16, 3, 780], [22, 0, 889], [253, -253, 0])
    assert any("cell '+22': a plus sign" in w for w in warnings)
    assert any("cell '--253': a doubled minus" in w for w in warnings)
    written = ("第二十条第（六）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
               "行政处罚 +5 --2 30\n行政强制 --4 0 2\n")  # free text; a minus is no count
    table, _, warnings = active(written)
    assert (row(table, "penalty"), row(table, "coercion")) == ([5, -2, 30], [None, 0, 2])
    assert any(w.startswith("table 二: row coercion: column previous: cell '--4'") for w in warnings)
    table, _, _ = active("第二十条第（五）项 |\n信息内容 | 本年处理决定数量 |\n行政许可 | +5 |\n")
    assert table["licensing"] == {"decisions": None}  # no change column beside it: a sign is amiss


@pytest.mark.parametrize("table, key, docs, licensing", [
    ("第二十条第(一)项\n\n信息内容\n\n本年新\n制作数量\n\n本年新\n公开数量\n\n对外公开总数量\n\n"  # excerpts3/018
     "规章\n\n0\n\n0\n\n0\n\n规范性文件\n\n0\n\n0\n\n0\n\n第二十条第(五)项\n\n信息内容\n\n"
     "本年处理决定数量\n\n行政许可\n\n5\n\n第二十条第(八)项\n\n信息内容\n\n本年收费金额(单位:万元)\n\n"
     "行政事业性收费\n\n282.1\n", "regulations", [0, 0, 0], 5),
    ("| 第二十条第（一）项 | | | |\n| 信息内容 | 本年新制作 数量 | 本年新公开 数量 | 对外公开总数 |\n"  # written
     "| 规章 | 0 | 0 | 3 |\n| 行政规范性文件 | 6 | 6 | 31 |\n| 第二十条第（五）项 | | | |\n"
     "| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 75 | | |\n| 第二十条第（六）项 | | | |\n"
     "| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚 | 12 | | |\n", "normative_documents", [6, 6, 31], 75),
])
def test_a_hybrid_table_keeps_each_section_under_the_columns_its_header_names(table, key, docs, licensing):
    from parsers.schema import validate
    record = parse_text(HEAD + "二、主动公开政府信息情况\n" + table + "三、收到和处理政府信息公开申请情况\n")
    read = record["active_disclosure"]
    assert read[key] == {"issued": None, "repealed": None, "in_force": None,
                         **dict(zip(("new_made", "new_public", "total_public"), docs))}
    assert read["licensing"] == {"decisions": licensing}
    assert any(f"row {key}: its section's header names the other format's" in w for w in record["warnings"])
    assert validate(record) == []


def test_a_whole_last_row_is_read_when_a_fragment_of_what_followed_ends_the_text():
    real = ("第二十条第(九)项\n\n信息内容\n\n采购项目数量\n\n采购总金额\n\n政府集中采购\n\n0\n\n0\n\n20")  # excerpts3/040
    table, _, warnings = active(real, after="")
    assert table["procurement"] == {"count": 0, "amount": 0}
    assert any("the text ends in '20' after the row's cells" in w for w in warnings)
    written = ("第二十条第（八）项 |\n信息内容 |\n本年收费金额（单位：万元） |\n行政事业性收费 |\n12.5 |\n3")
    table, _, _ = active(written, after="")
    assert table["fees"] == {"amount": 12.5}
    unheaded = "第二十条第（八）项 |\n行政事业性收费 |\n12.5 |\n3"  # no header: two cells, one column
    table, _, warnings = active(unheaded, after="")
    assert table["fees"] == {"amount": None}
    assert sum("the text ends inside the table" in w for w in warnings) == 1


def test_the_header_column_total_is_not_the_total_row():
    # found by tests/test_property.py: a table 三 cut after its first row, where the header's
    # 总计 was the only other label and took the row's numbers as (七)总计
    lines = (APPS + "\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n"
             "法律服务机构\n其他\n一、本年新收政府信息公开申请数量\n\n\n\n\n\n\n4")
    rows, _ = applications(lines)
    assert rows["total_processed"] == [None] * 7
    piped = (APPS + " |\n申请人情况 |\n自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | "
             "法律服务机构 | 其他 |\n一、本年新收政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3")
    rows, _ = applications(piped)
    assert rows["total_processed"] == [None] * 7 and rows["new_received"][:6] == [2, 1, 0, 0, 0, 0]

"""Report titles (portals.md §4.3) against their look-alikes (§4.5)."""
import pytest

from crawler.recognize import classify, listed, parse_years, year_wanted


@pytest.mark.parametrize("title, year", [
    ("繁峙县大营镇人民政府2023年政府信息公开工作年度报告", 2023),
    ("龙游县横山镇2023年政府信息公开工作年度报告", 2023),
    ("2023年下各镇政府信息公开工作年度报告", 2023),
    ("2022年上海市政府信息公开工作年度报告", 2022),
    ("大川镇2023年度政府信息公开工作报告", 2023),
    ("县信访局2023年政府信息公开年度报告", 2023),
    ("XX局2023年度政府信息公开工作年度报告", 2023),
    ("宿州市人民政府2019年政府信息公开工作年度报告（图片版）", 2019),
    ("上海市黄浦区人民政府2022年政府信息公开工作年度报告（超链版）.pdf", 2022),
    ("高平市人民政府办公室\n 2023年政府信息公开工作年度报告", 2023),
    ("孟津区送庄镇人民政府 2023 年政府信息公开工作 年度报告", 2023),
    ("桦树镇2023年度政府信息公开年度工作报告", 2023),
])
def test_reports_are_recognised(title, year):
    verdict = classify(title)
    assert verdict.is_report, verdict.reason
    assert verdict.year == year


@pytest.mark.parametrize("title", [
    "XX县人民政府政府信息公开指南",
    "《莘县王庄集镇2023年政府信息公开工作年度报告》解读",
    "图解：2023年政府信息公开工作年度报告",
    "2023年政府工作报告",
    "XX县2023年法治政府建设年度报告",
    "XX县政府网站工作年度报表（2023年度）",
    "XX县2018年度整体支出 绩效评价报告",
    "关于做好2023年政府信息公开工作年度报告编制发布工作的通知",
    "XX公司2023年度报告公示",
    "XX镇人民政府2023年政务公开工作实施方案",
    "XX县人民政府2023年政务公开工作要点",
    "关于XX县2023年人大代表建议办理情况的报告",
    "XX县召开第3次常务会议",
    "",
])
def test_lookalikes_are_rejected(title):
    assert not classify(title).is_report


def test_year_filter():
    bounds = parse_years("2021-2023")
    assert bounds == (2021, 2023) and parse_years("2024") == (2024, 2024) and parse_years(None) is None
    assert year_wanted(2022, bounds) and not year_wanted(2024, bounds) and year_wanted(None, bounds)


@pytest.mark.parametrize("title", ["政府信息公开年报", "政府信息公开工作年度报告", "乡镇政府信息公开年报", "部门信息公开年报",
                                   "年度报告", "政务公开年报专栏"])
def test_column_labels_are_not_reports(title):
    assert classify(title).reason == "column label"


@pytest.mark.parametrize("title, in_column, reason", [
    ("峨川县人民政府2023年政府信息公开工…", False, "cut title"),       # portals.md §5: anchor text cut with …
    ("峨川县卫生健康委员会2022年政...", False, "cut title"),
    ("2023年度报告", True, "column title"),                          # §2.7: titles without the wording
    ("城关镇2024年报告", True, "column title"),
])
def test_listed_titles_the_article_must_decide(title, in_column, reason):
    verdict = listed(title, in_column)
    assert verdict.is_report and verdict.reason == reason


@pytest.mark.parametrize("title, in_column", [
    ("《峨川县人民政府2023年政府信息公开工作年度报告》解…", False),  # a cut look-alike shows its wording
    ("峨川县召开第三次常务会议暨全县…", False),                       # cut, nothing report-like
    ("2023年度报告", False),                                          # outside a 年报 column: not enough
    ("2023年政府工作报告", True),                                     # a look-alike even in the column
])
def test_listed_titles_not_worth_a_request(title, in_column):
    assert not listed(title, in_column).is_report

"""Title, organ and year, class by class. Each class has a real line from the hand-read
excerpts (tests/files/excerpts/texts/NNN.txt, cited by number) and a second, different
example written for this test. Expected values are what a person reads off the lines."""
import pytest

from parsers import metadata as M
from parsers import parse_text
from parsers.text import normalize

TABLE_2021 = ("二、主动公开政府信息情况\n第二十条第(一)项 | | | |\n"
              "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
              "行政规范性文件 | 1 | 0 | 3 |\n")


def title_of(text: str) -> M.Title | None:
    return M.find_title(normalize(text))


# --- the organ as the title writes it ------------------------------------------------------

@pytest.mark.parametrize("title, org, year", [
    ("钟祥镇2019年度政府信息公开工作年度报告", "钟祥镇", 2019),  # 051: not completed to 钟祥镇人民政府
    ("平阳县鳌江镇2023年政府信息公开工作年度报告", "平阳县鳌江镇", 2023),
    ("2022年度螅镇政府信息公开工作年度报告", "螅镇", 2022),  # 009: year first, 政府 belongs to 政府信息公开
    ("2021年温州市人民政府办公室政府信息公开工作年度报告", "温州市人民政府办公室", 2021),
    ("2022年湖口县卫生健康委员会信息公开年报", "湖口县卫生健康委员会", 2022),  # 019: 年报
    ("会同县林业局信息公开工作年度报告", "会同县林业局", None),  # 062: no year in the title
    ("宁海县审计局政府信息公开工作年度报告", "宁海县审计局", None),
    ("2022年高新区(新市区)政府信息公开工作年度报告", "高新区(新市区)", 2022),  # 058: a bracketed note
    ("西藏自治区审计厅2025年政务信息公开工作开展年度报告", "西藏自治区审计厅", 2025),  # 031: own wording
    ("湘西州乡村振兴局2023年度信息公开工作报告", "湘西州乡村振兴局", 2023),  # 057
    ("某某县交通运输局关于2022年度政府信息公开工作情况的报告", "某某县交通运输局", 2022),
    ("县人民政府办公室2021年政府信息公开工作年度报告", "县人民政府办公室", 2021),  # 025: no place named
    ("下湿壕镇政府2022年信息公开工作年度报告", "下湿壕镇政府", 2022),  # 076
    ("文字解读:济南市历下区大明湖街道办事处2022年政府信息公开工作年度报告",
     "济南市历下区大明湖街道办事处", 2022),  # a label before a colon is not part of the title
    ("固原市审计局2021年政府信息公开工作年度报告.pdf", "固原市审计局", 2021),  # an attachment's name
    # a flip-book page (PDF turned into HTML pages): "Page N - " and the book's name
    ("Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告", "威海市文登区信访局", 2022),  # excerpts2/014
    ("Page 12 - 某某县财政局2021年度政府信息公开工作报告", "某某县财政局", 2021),
    ("Page 9 - 2020年报_审计局", None, 2020),  # excerpts2/015: a file name; 审计局 alone names no organ
    ("某某县教育局2023年政府信息公开工作年度报告_某某县人民政府网", "某某县教育局", 2023),  # a page title's site
    ("自治区人民政府办公厅2022政府信息公开工作年度报告", "自治区人民政府办公厅", 2022),  # excerpts2/030: 年 lost
    ("某某市商务局2019政务信息公开年度报告", "某某市商务局", 2019),
    # public institutions: the organ grammar knows schools, hospitals …
    ("怀远二中2021年政府信息公开工作年度报告", "怀远二中", 2021),  # excerpts2/044
    ("临泉县实验小学2020年度政府信息公开工作年度报告", "临泉县实验小学", 2020),
    ("岳阳市第一人民医院2022年政府信息公开工作年度报告", "岳阳市第一人民医院", 2022),
    # year first, the organ glued to 政府信息公开: the 政府 is the report's word, not the organ's
    ("2022年上海市人民政府参事室政府信息公开工作年度报告", "上海市人民政府参事室", 2022),  # excerpts3/064
    ("2023年某某市人民政府研究室政府信息公开工作年度报告", "某某市人民政府研究室", 2023),
    ("2021年某某县气象台政府信息公开工作年度报告", None, 2021),  # a type the grammar does not know: null
    ("2020年某某县人民政府信息公开工作年度报告", "某某县人民政府", 2020),  # 人民政府 stays whole
    # compound bureau and committee names
    ("蜀山区教育体育局2022年政府信息公开工作年度报告", "蜀山区教育体育局", 2022),  # excerpts3/017
    ("某某县文化广电体育和旅游局2021年政府信息公开工作年度报告", "某某县文化广电体育和旅游局", 2021),
    ("2023年某某市自然资源和规划局政府信息公开工作年度报告", "某某市自然资源和规划局", 2023),
])
def test_title_names_organ_and_year(title, org, year):
    read = M.read_title(title)
    assert (read.org, read.year) == (org, year)


@pytest.mark.parametrize("text, title", [
    # 014: split after 政府, the second line alone names no organ
    ("西咸新区底张街道办事处2023年度政府\n信息公开工作年度报告\n根据《条例》……",
     "西咸新区底张街道办事处2023年度政府信息公开工作年度报告"),
    # 007: the organ on a line of its own, then the rest twice
    ("五常市民意乡\n2021年政府信息公开工作年度报告\n2021年政府信息公开工作年度报告\n依据……",
     "五常市民意乡2021年政府信息公开工作年度报告"),
    # a page that prints the bare title first, then organ / title on two lines
    ("2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况",
     "桃江县松木塘镇人民政府2022年政府信息公开工作年度报告"),
    # 057: a fragment above a title that names its own organ is not joined to it
    ("州乡村振兴局\n湘西州乡村振兴局2023年度信息公开工作报告\n一、总体情况",
     "湘西州乡村振兴局2023年度信息公开工作报告"),
    # excerpts2/030: the year ends the first line, its 年 lost
    ("香港免费图库资料大全 香港免费图库资料大全\n\n政府信息公开\n\n自治区人民政府办公厅\n\n"
     "发布时间:2023-01-30   浏览次数:   【字体:\n\n自治区人民政府办公厅2022\n\n政府信息公开工作年度报告\n\n"
     "    依据《中华人民共和国政府信息公开条例》……编制本报告。\n", "自治区人民政府办公厅2022政府信息公开工作年度报告"),
    ("黄石市人民政府办公室2023\n政府信息公开工作年度报告\n一、总体情况", "黄石市人民政府办公室2023政府信息公开工作年度报告"),
])
def test_title_over_two_lines(text, title):
    assert M.find_title(normalize(text)).text == title


@pytest.mark.parametrize("text, org", [
    # 020: the breadcrumb ends in 信息公开年度报告 but is not the title
    ("关怀版 无障碍\n您当前所在位置: 首页 > 部门公开信息 > 科教文卫体部门 > 县卫健委 > 信息公开年度报告\n"
     "信丰县卫生健康委2023年政府信息公开工作年度报告\n访问量:", "信丰县卫生健康委"),
    ("当前位置:首页/政务公开/年度报告/乡镇年报\n沙溪镇2024年政府信息公开工作年度报告\n", "沙溪镇"),
    # 070: a bullet list of the metadata box, whose first item is the column's name
    ("登录 | 注册\n  • 部门信息公开工作年度报告\n  • 索引号\n    000014348/2023-00081\n  • 发布机构\n"
     "    桥头乡\n河口县桥头乡2022年政府信息公开工作年度报告\n", "河口县桥头乡"),
    # 008: a spam line before the title
    ("明升体育\n图片\n鸭南乡2021年政府信息公开工作年度报告\n打印\n一、总体情况", "鸭南乡"),
    # 069: the title given in the metadata box; the organ is not completed with 上党区
    ("当前位置:首页>政府信息公开>部门信息公开目录>乡镇>西火镇>年度报告\n索引号:000014349/2022-05819 | |\n"
     "发文机关:西火镇人民政府 | 主题词: |\n标题:西火镇人民政府2021年政府信息公开工作年度报告 | |\n"
     "2021年,我镇认真贯彻落实……上党区……", "西火镇人民政府"),
    # 031: the metadata label spaced out and without a colon
    ("标      题 西藏自治区审计厅2025年政务信息公开工作开展年度报告\n索引号 000014349/2026-00021 文      号",
     "西藏自治区审计厅"),
    # 047: the whole page on one line
    ("保定市徐水区交通运输局 2021年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》"
     "(以下简称《条例》)规定,特向社会公布徐水区交通运输局2021年政府信息公开年度报告。", "保定市徐水区交通运输局"),
])
def test_title_found_among_page_chrome(text, org):
    assert title_of(text).org == org


@pytest.mark.parametrize("text, org", [
    # excerpts2/017: a title naming no organ, the organ on its own line, then the date
    ("政府信息公开工作年度报告\n武昌经开区管委会(滨江商务区管委会)\n2026年1月8日\n一、总体情况\n"
     "2025年,武昌经济开发区管委会(滨江商务区管委会)深入贯彻落实……", "武昌经开区管委会(滨江商务区管委会)"),
    ("2023年政府信息公开工作年度报告\n\n安化县第二中学\n\n(2024年1月20日)\n一、总体情况\n", "安化县第二中学"),
    # a line under the title that no date follows is the body, not a byline
    ("政府信息公开工作年度报告\n县人民政府办公室\n根据《条例》规定,编制本报告。\n", None),
])
def test_title_without_an_organ_takes_the_byline_above_the_date(text, org):
    assert title_of(text).org == org


# --- organs named elsewhere, and what is not an organ ---------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("螅镇", "螅镇"), ("高新区(新市区)", "高新区(新市区)"), ("县人民政府办公室", "县人民政府办公室"),
    ("阿拉善盟额济纳旗温图高勒苏木人民政府", "阿拉善盟额济纳旗温图高勒苏木人民政府"),
    (" 白银市平川区发展和改革局 |", "白银市平川区发展和改革局"),
    # the sentence fragments issue #9 names, and others of their kind
    ("请与上党区西火镇人民政府", None), ("由溪澜县桐溪乡人民政府", None), ("息统一在县政府", None),
    ("西咸新区底张街道办事处2023年度政府", None), ("本单位政府", None), ("我镇", None),
    ("澳门博彩官网_体育投注平台人民政府外事办公室", None), ("平台", None), ("全部", None), ("政府", None),
    ("原创", None), ("admin", None), ("东郭镇年政府", None),
    ("怀远二中", "怀远二中"), ("蚌埠市第二中学", "蚌埠市第二中学"), ("县妇幼保健院", "县妇幼保健院"),
    ("机关幼儿园", "机关幼儿园"), ("工作中", None), ("其中", None), ("第一中", None),
    # compound bureau and committee names (体育 among them), and the spam that takes a name's place
    ("蜀山区教育体育局", "蜀山区教育体育局"), ("某某县文化广电旅游体育局", "某某县文化广电旅游体育局"),
    ("某某市文化广电体育和旅游局", "某某市文化广电体育和旅游局"), ("某某县体育运动学校", "某某县体育运动学校"),
    ("某某市自然资源和规划局", "某某市自然资源和规划局"), ("某某县卫生健康委员会", "某某县卫生健康委员会"),
    ("某某区政务服务和大数据管理局", "某某区政务服务和大数据管理局"), ("某某县退役军人事务局", "某某县退役军人事务局"),
    ("上海市人民政府参事室", "上海市人民政府参事室"),
    ("明升体育人民政府外事办公室", None), ("开云体育官方网站人民政府", None),
    # 政府 ends a name only after a division or as 人民政府
    ("镇安县政府", "镇安县政府"), ("下湿壕镇政府", "下湿壕镇政府"), ("宁夏回族自治区人民政府", "宁夏回族自治区人民政府"),
    ("中华人民共和国政府", None), ("上海市人民政府参事室政府", None), ("某某县气象台政府", None),
])
def test_organ_grammar(name, expected):
    assert M.organ(name) == expected


@pytest.mark.parametrize("text, org", [
    # 006: no title; the report names itself in its first sentence
    ("| 索引号 | 014421391/2026-246128 | 分类 | 信息公开年报 |\n| 发布机构 | 沿江街道 | 发文日期 | 2026-01-16 |\n"
     "根据《中华人民共和国政府信息公开条例》规定,现公布泰州市高港区人民政府沿江街道办事处2025年政府信息公开"
     "工作年度报告,报告所列数据统计期限自2025年1月1日起至12月31日止。\n一、总体情况\n",
     "泰州市高港区人民政府沿江街道办事处"),
    ("根据《条例》要求,现发布《临洮县新添镇2022年政府信息公开工作年度报告》。\n一、总体情况\n", "临洮县新添镇"),
    # 039: a metadata pipe table, no title, the report calls itself 我局: the 发布机构
    ("索引号: | 113310230026833949/2020-110961 | ||\n---|---|---|---|\n发布机构: | 县民政局 | 发文日期: | 2020-01-08 |\n"
     "一、总体情况\n今年,我局严格按照……", "县民政局"),
    # a signature under the last section
    ("对照相关要求,现特向社会公布2012年度我街道信息公开工作年度报告。\n一、主动公开政府信息情况\n略。\n"
     "桦甸市人民政府新华街道办事处\n2013年3月7日\n", "桦甸市人民政府新华街道办事处"),
    # 018: "本单位" is not a name
    ("为认真做好京山市卫生健康局政府信息公开工作,……现向社会公布2022年度本单位政府信息公开工作年度报告。\n"
     "一、总体情况\n", None),
    # spam put in place of the organ's place name: null, not the spam
    ("澳门博彩官网_体育投注平台人民政府外事办公室\n2022年政府信息公开工作年度报告\n本年度报告根据……编制而成。\n"
     "一、总体情况\n", None),
])
def test_organ_without_a_title_organ(text, org):
    norm = normalize(text)
    title = title_of(text)
    found = M.org_of(title, norm, named=M.self_named(norm))
    assert found.value == org
    if org is None:
        assert "issuing organ not found" in found.warnings


def test_caller_hint_fills_in_but_never_outranks_the_title():
    text = "鸭南乡2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我乡……\n" + TABLE_2021
    assert parse_text(text, org="某某县人民政府")["org"] == "鸭南乡"
    untitled = "一、总体情况\n2021年,我乡……\n" + TABLE_2021
    record = parse_text(untitled, org="鸭南乡人民政府")
    assert record["org"] == "鸭南乡人民政府"
    assert "issuing organ from the caller's hint" in record["warnings"]


def test_traditional_mirror_gives_the_organ_in_simplified_characters():
    """036: a traditional-character mirror of 南京市投资促进局's report."""
    text = ("南京市投資促進局2021年度政府信息公開工作年度報告\n\n2021年,我局認真落實《中華人民共和國政府信息公開條例》"
            "和中央、省市關於政府信息公開工作的最新要求,紮實開展政府信息公開工作,現將有關情況報告如下。\n一、總體情況\n"
            "一是持續加大主動公開。\n")
    record = parse_text(text)
    assert (record["org"], record["year"]) == ("南京市投资促进局", 2021)
    assert record["text"] == text  # the page's own text is kept


# --- headers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key, value", [
    ("信息来源:省统计局发布时间:2022-01-21 16:49被阅览数:", "来源", "省统计局"),  # 003: glued pairs
    ("信息来源:省统计局发布时间:2022-01-21 16:49被阅览数:", "发布时间", "2022-01-21 16:49"),
    ("| 发布机构 | 沿江街道 | 发文日期 | 2026-01-16 |", "发布机构", "沿江街道"),  # 006: pipe row
    ("发表日期:2024-01-26 15:35:23 发布机构:政务服务管理局", "发布机构", "政务服务管理局"),  # 013
    ("  • 发布机构\n    桥头乡\n  • 文号", "发布机构", "桥头乡"),  # 070: value on the next line
    ("索 引 号 | za779940273-2023-000071 | 发布机构 | 镇安县政府 |", "发布机构", "镇安县政府"),  # 010
    ("时间:2026-01-26 09:42来源:海城市西四镇作者: 点击:", "来源", "海城市西四镇"),  # 049
])
def test_metadata_box(text, key, value):
    assert M.headers(text)[key] == value


# --- year -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, year, source", [
    # 062: the title has no year; the statistics period does
    ("会同县林业局信息公开工作年度报告\n一、总体情况\n本年报数据统计时限为2020年1月1日至2020年12月31日。\n",
     2020, "统计期限"),
    ("报告中所列数据统计期限为2022年1月1日到12月31日。\n一、总体情况\n", 2022, "统计期限"),
    # 054: only the overview's first sentence says it
    ("一、总体情况\n2019年我局政府信息公开工作运行良好,政府信息公开咨询、申请以及答复工作均得到了顺利开展。\n"
     "二、主动公开政府信息情况\n", 2019, "the years opening sentences of sections 一 to 四"),
    # 044 (traditional mirror): after a sub-heading ending in 。
    ("一、總體情況\n(一)主動公開情況。2022年,按照《中華人民共和國政府信息公開條例》要求,我局認真對政府信息進行收集。\n"
     "二、主動公開政府信息情況\n", 2022, "the years opening sentences of sections 一 to 四"),
    # 032: the report's own name for itself
    ("一、总体情况\n台吉镇根据《条例》规定和市文件的具体要求……现将我镇2022年政府信息公开工作报告如下:\n",
     2022, "the report's name for itself"),
    ("根据《条例》要求,现向社会公开上思县南屏瑶族乡2021年政府信息公开工作年度报告。\n", 2021,
     "the report's name for itself"),
    # the table header
    ("一、总体情况\n本年度,我局……\n二、主动公开政府信息情况\n信息内容 | 本年(2023)制发件数 | 本年(2023)废止件数 |\n",
     2023, "the table header"),
])
def test_year_from_the_text(text, year, source):
    norm = normalize(text)
    found = M.year_of(title_of(text), norm, named=M.self_named(norm))
    assert (found.value, found.source) == (year, source)


@pytest.mark.parametrize("text", [
    # 001's preamble: a law's date and a cited notice's year are not the report's year
    "根据修订后的《中华人民共和国政府信息公开条例》(国务院令第711号,2019年5月15日起施行)《福建省政府信息公开办法》"
    "《国务院办公厅关于印发2020年政务公开工作要点的通知》(国办发〔202017号)的要求,编制本报告。\n一、总体情况\n",
    # a plan for next year in section 五 is not the year reported on
    "一、总体情况\n本年度,我街道……\n五、存在的主要问题及改进情况\n2024年,我街道将进一步拓宽公开渠道。\n",
    # 086: the year was stripped from the sentence (特编制东郭镇年…)
    "根据……规定和通知要求,特编制东郭镇年政府信息公开工作年度报告并向社会公布。\n一、总体情况\n",
])
def test_no_year_from_unrelated_sentences(text):
    norm = normalize(text)
    from parsers.sections import find_headings
    later = [span[0] for name, span in find_headings(norm).items()
             if name not in ("overview", "active_disclosure")]
    found = M.year_of(title_of(text), norm, body_end=min(later, default=None), named=M.self_named(norm))
    assert found.value is None and found.warnings == ("report year not found",)


def test_year_from_dates_is_warned():
    text = "一、总体情况\n本年度,我局……\n" + TABLE_2021
    record = parse_text("发布时间:2021-01-15 10:00 信息来源:会同县林业局\n" + text)  # 062's header line
    assert record["year"] == 2020
    assert any("publication date 2021-01-15" in w for w in record["warnings"])
    record = parse_text(text, url="http://www.fjax.gov.cn/zwgk/zfxxgkzl/202101/t20210120_2500313.htm")  # 001
    assert record["year"] == 2020
    assert any("in the address" in w for w in record["warnings"])


@pytest.mark.parametrize("url, date", [
    ("http://www.fjax.gov.cn/zwgk/zfxxgkzl/xzzfxxgk/ftx/zfxxgkndbg/202101/t20210120_2500313.htm", (2021, 1)),  # 001
    ("https://www.zjtt.gov.cn/art/2020/1/8/art_1229802772_92056.html", (2020, 1)),  # 039
    ("http://www.hengdong.gov.cn/zwgk/xxgkndbg/xzxxgkndbg/20240326/i3300070.html", (2024, 3)),  # 055
    ("http://wqx.gov.cn/zfxxgk/zfxxgknb/zj/2022n/1612297635752841217.html", None),  # 012: a bare year folder
    ("http://www.example.gov.cn/2022/index.html", None),
    (None, None),
])
def test_url_date(url, date):
    assert M.url_date(url) == date


def test_year_that_contradicts_the_table_format_is_dropped():
    """074: the overview begins 2016年度 (copied from an old report) above a 2021-format table."""
    text = ("一、总体情况\n2016年度,全县公安机关在县委、县政府的正确领导下,主动通过政府网站发布信息。\n" + TABLE_2021)
    record = parse_text(text)
    assert record["template"] == "2021" and record["year"] is None
    assert any("2016" in w and "2021 national format" in w for w in record["warnings"])


def test_title_wins_over_other_evidence_with_a_warning():
    text = ("某某镇2023年政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n"
            "一、总体情况\n")
    found = M.year_of(title_of(text), normalize(text))
    assert found.value == 2023
    assert found.warnings == ("report year 2023 from the title; other evidence says 统计期限 2022",)


def test_a_stale_statistics_period_is_outvoted_by_the_reports_name_and_sentences():
    real = ("根据《中华人民共和国政府信息公开条例》和省、市有关要求,365体育直播,365体育备用网址自然资源和规划局"  # excerpts2/019
            "编制了2021年政府信息公开年度报告。报告由总体情况,主动公开政府信息情况……六个部分组成。"
            "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n一、总体情况\n"
            "2021年,365体育直播,365体育备用网址自然资源和规划局按照中央、省、市关于政务公开工作的相关要求和部署……\n"
            "(二)依法依规办理依申请公开。完善依申请办理工作机制。2021年新收政府信息公开申请数量317件。\n")
    norm = normalize(real)
    found = M.year_of(None, norm, named=M.self_named(norm))
    assert (found.value, found.source) == (2021, "the report's name for itself")
    assert "统计期限 2020" in found.warnings[0]
    written = ("本报告所列数据统计时限为2022年1月1日至2022年12月31日。\n一、总体情况\n"
               "2023年,我镇坚持以公开为常态……\n二、主动公开政府信息情况\n"
               "信息内容 | 本年(2023)制发件数 | 本年(2023)废止件数 |\n")  # the header and the sentences agree
    found = M.year_of(None, normalize(written))
    assert found.value == 2023


def test_evidence_split_evenly_gives_no_year():
    text = ("本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n"
            "2022年,我局认真贯彻落实《条例》……\n")
    found = M.year_of(None, normalize(text))
    assert found.value is None
    assert found.warnings == ("report year not settled: the evidence is split (the years opening sentences "
                              "of sections 一 to 四 2022, 统计期限 2021)",)
    assert M.year_of(title_of("某局2021年政府信息公开工作年度报告\n" + text),
                     normalize(text)).value == 2021  # a title settles it


def test_years_opening_sentences_of_the_sections_that_report_on_the_year():
    real = ("P. 9\n四、结转下年度继续办理 0 0 0 0 0 0 0\n"  # excerpts2/015 (PDF text), without its title line
            "四、政府信息公开行政复议、行政诉讼情况\n2020 年,我单位对形成的政府信息实现了依法、有序公开,\n"
            "未出现申请行政复议、提起行政诉讼的情况。\n五、存在的主要问题及改进情况\n"
            "2021 年,我局将根据我区部署的政务公开工作具体要求,进\n")
    record = parse_text(real)
    assert (record["year"], record["title"]) == (2020, None)  # 2021 年,我局将… plans the next year
    written = ("三、收到和处理政府信息公开申请情况\n2023年,本机关共收到政府信息公开申请3件,均已按期答复。\n"
               "五、存在的主要问题及改进情况\n2024年,我局将进一步加强培训。\n")
    assert M.year_of(None, normalize(written), body_end=normalize(written).index("五、")).value == 2023


def test_published_from_a_date_line_under_the_title():
    """060: the date in brackets under the title."""
    text = "衡南县应急管理局2020年政府信息公开\n年度报告\n(2021年1月22日)\n编制说明:……"
    assert M.published_of(normalize(text)) == "2021-01-22"


@pytest.mark.parametrize("text", [
    "天津市武清区人民政府\n2019年12月3日星期二\n本报告根据《条例》编制。\n",  # excerpts3/009's top lines
    "首页 | 政务公开\n今天是:2021年3月8日 星期一\n",
])
def test_a_portals_clock_is_no_publication_date(text):
    assert M.published_of(normalize(text)) is None


def test_prose_only_report_is_a_record_but_an_image_only_page_is_not():
    """086: a report written as prose under its title (no headings, no tables) is a report;
    a page that shows the report as an image has the title and the metadata box only."""
    from parsers import NotAReport
    prose = ("滕州市东郭镇2020年度政府信息公开工作年度报告\n发布时间:2024-09-21 15:19|栏目: 信息公开年报\n"
             "根据《中华人民共和国政府信息公开条例》规定,特编制东郭镇政府信息公开工作年度报告并向社会公布。"
             "东郭镇高度重视政府信息公开工作,完善信息公开组织机构建设。"
             "2020年东郭镇在滕州市政府信息公开网站公开政府信息共110条。")
    record = parse_text(prose)
    assert (record["org"], record["year"]) == ("滕州市东郭镇", 2020)
    image_page = ("首页\n政务公开\n索引号：\ngqx/2025-00105\n发布机构：\n某某县卫生健康委员会\n成文日期：\n2025-02-24\n"
                  "某某县卫生健康委员会2024年政府信息公开工作年度报告\n")
    with pytest.raises(NotAReport):
        parse_text(image_page)


@pytest.mark.parametrize("text, org", [
    # 051's opening sentence (its title is cut away here)
    ("本报告由钟祥镇人民政府根据《中华人民共和国政府信息公开条例》(以下简称《条例》)精神编制完成。\n一、总体情况\n",
     "钟祥镇人民政府"),
    ("根据《条例》要求,本年度报告由某某县信访局结合有关统计数据编制。\n一、总体情况\n", "某某县信访局"),
])
def test_organ_that_the_report_names_as_its_author(text, org):
    norm = normalize(text)
    assert M.org_of(None, norm, named=M.self_named(norm)).value == org


@pytest.mark.parametrize("title, org, year", [
    # portals.md §4.3: an edition note after the report's words is not part of its name
    ("宿州市人民政府2019年政府信息公开工作年度报告（图片版）", "宿州市人民政府", 2019),
    ("上海市黄浦区人民政府2022年政府信息公开工作年度报告（超链版）", "上海市黄浦区人民政府", 2022),
    # the organ in a bracket after the report's words, or a notice that publishes the report
    ("2023年度政府信息公开工作报告（东岭镇）", "东岭镇", 2023),
    ("2022年政府信息公开工作年度报告(城关街道办事处)", "城关街道办事处", 2022),
    ("石桥镇关于2023年度政府信息公开工作年度报告的公告", "石桥镇", 2023),
    ("平阳县司法局关于公布2021年政府信息公开工作年度报告的通知", "平阳县司法局", 2021),
])
def test_title_with_a_trailing_bracket_or_as_a_notice(title, org, year):
    read = M.read_title(title)
    assert (read.org, read.year, read.text) == (org, year, title)


# --- what is a report: decided on its content, not on a title -------------------------------

def test_prose_report_under_an_organ_heading_is_a_record():
    """excerpts3/001's shape: the page heading is the organ alone (no 年度报告 title), the body
    speaks as the report (本报告根据…编制, 本报告中所列数据统计期限…) in prose only."""
    text = ("某某县医疗保障局\n"
            "本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《国务院办公厅政府信息与政务公开办公室"
            "关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)要求,结合某某县"
            "医疗保障局2023年政府信息公开工作实际编制。本报告中所列数据统计期限为2023年1月1日至2023年12月31日。\n"
            "2023年,县医疗保障局严格落实《条例》规定,坚持以公开为常态、不公开为例外。\n"
            "(一)主动公开信息情况\n2023年,我局在县政府网站主动公开政府信息56条,公开医保政策解读4篇。\n"
            "(二)依申请公开情况\n2023年我局未收到政府信息公开申请。\n")
    record = parse_text(text)
    assert (record["org"], record["year"]) == ("某某县医疗保障局", 2023)
    assert "issuing organ from the first line" in record["warnings"]


def test_a_notice_about_reports_in_prose_is_not_a_report():
    """A municipal notice on compiling the reports (www.chnzj.gov.cn, 怀化市, 2022): prose about
    disclosure and the reports, but it never speaks as a report."""
    from parsers import NotAReport
    text = ("怀化市政务公开政务服务领导小组办公室关于认真做好2021年政府信息公开工作年度报告编制发布工作的通知\n"
            "各县市区人民政府,市直各单位:\n为贯彻落实国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国"
            "政府信息公开工作年度报告格式》的通知(国办公开办函〔2021〕30号)要求,规范做好2021年政府信息公开工作年度"
            "报告的编制和发布工作,现就有关事项通知如下:\n一、准确领会,认真部署\n政府信息公开工作年度报告(以下简称"
            "年报),是《中华人民共和国政府信息公开条例》确立的法定制度安排。各地各部门要认真组织学习国办公开办函〔2021〕"
            "30号文件。\n二、按时报送,及时公布\n1.市直单位于2022年1月26日前向市政务公开政务服务领导小组办公室提交年报,"
            "并于2022年1月28日前在市政府门户网站公布。\n")
    with pytest.raises(NotAReport):
        parse_text(text)


@pytest.mark.parametrize("text", [
    # excerpts3/044's shape: a county bureau's page republishing the notice, its name in the metadata box
    "索引号 | 11341702486344515H/202110-00013 | 组配分类 | 公开制度 |\n发布机构 | 宁国市商务局 | 发文日期 | 2021-10-08 15:47 |\n"
    "信息名称 | 国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知 | 内容概述 |\n"
    "中华人民共和国政府信息公开工作年度报告格式\n政府信息公开工作年度报告(以下简称年度报告),是《中华人民共和国"
    "政府信息公开条例》确立的法定制度安排。\n附件:\n一、总体情况\n第二十条第(一)项\n信息内容\n本年制发件数\n"
    "本年废止件数\n现行有效件数\n规章\n行政规范性文件\n第二十条第(五)项\n信息内容\n本年处理决定数量\n行政许可\n",
    # zrzy.smx.gov.cn/16903/616589856/1288675.html (三明市, 2021-11-02): the title split over a
    # space, the format's name over two lines, then the format's own sections
    "当前位置:首页 > 政府信息公开机制建设 >政府信息公开机制>文章详情\n\n国务院办公厅政府信息与政务公开办公室 "
    "关于印发《中华人民共和国政府信息公开工作 年度报告格式》的通知\n\n发布时间:2021-11-02 09:08 来源:中国政府网 作者:\n\n"
    "国办公开办函〔2021〕30号\n\n各省、自治区、直辖市人民政府办公厅,国务院各部委、各直属机构办公厅(室):\n\n"
    "根据《中华人民共和国政府信息公开条例》第五十条的规定,现将修订后的《中华人民共和国政府信息公开工作年度报告格式》"
    "印发给你们,请认真贯彻执行。\n\n国务院办公厅政府信息与政务公开办公室\n\n2021年9月26日\n\n中华人民共和国\n\n"
    "政府信息公开工作年度报告格式\n\n政府信息公开工作年度报告(以下简称年度报告),是《中华人民共和国政府信息公开条例》"
    "确立的法定制度安排。\n\n一、报告内容\n\n(一)总体情况。\n\n这一项报告本机关政府信息公开工作总体情况,对本机关"
    "贯彻落实《中华人民共和国政府信息公开条例》情况进行综述,主要包括主动公开、依申请公开、政府信息管理。\n\n"
    "(二)主动公开政府信息情况。\n\n这一项以表格形式报告。\n",
])
def test_the_national_format_republished_is_not_a_report(text):
    from parsers import NotAReport
    with pytest.raises(NotAReport, match="national report format"):
        parse_text(text)


def test_a_report_citing_the_format_notice_stays_a_report():
    """Every report cites the 条例 and most the format's notice; they name no organ."""
    text = ("2022年某某镇政府信息公开工作年度报告\n"  # excerpts3/052's preamble, set on one line
            "本报告根据《中华人民共和国政府信息公开条例》、《国务院办公厅政府信息与政务公开办公室关于印发\n"
            "<中华人民共和国政府信息公开工作年度报告格式>的通知\n》(国办公开办函〔2021〕30号)编制。\n"
            "一、总体情况\n2022年,某某镇坚持以公开为常态。\n" + TABLE_2021)
    record = parse_text(text)
    assert (record["org"], record["year"]) == ("某某镇", 2022)


# --- a portal's furniture is not the organ --------------------------------------------------

def test_site_name_on_the_first_line_is_not_the_organ_the_body_reports_for():
    """excerpts3/009's shape: the portal's name and its clock (a stale date with the weekday)
    above a report whose body reports for a 街道; the organ is null with a warning, the date
    neither the publication date nor the year."""
    text = ("某某市某某区人民政府\n2020年5月6日星期三\n"
            "本报告根据《中华人民共和国政府信息公开条例》,并结合城关街道2024年度政府信息公开工作情况编制。\n"
            "一、总体情况\n2024年,城关街道坚持以公开为常态、不公开为例外,持续深化政府信息公开。\n"
            "二、主动公开政府信息情况\n全年通过政务新媒体发布信息120条。\n")
    record = parse_text(text)
    assert (record["org"], record["year"], record["published"]) == (None, 2024, None)
    assert any("the first line names 某某市某某区人民政府, but the text reports for 城关街道" in w
               for w in record["warnings"])
    agreeing = text.replace("某某市某某区人民政府\n", "某某区城关街道办事处\n")
    assert parse_text(agreeing)["org"] == "某某区城关街道办事处"
    parent = parse_text("来源:某某市某某区人民政府 发布时间:2025-01-20\n" + text.split("\n", 2)[2])
    assert (parent["org"], parent["published"]) == (None, "2025-01-20")  # the 来源 a parent government


@pytest.mark.parametrize("text, organs", [
    ("本报告结合杨村街道2025年度政府信息公开工作情况编制。\n一、总体情况\n2025年,杨村街道坚持……", ["杨村街道"]),  # 009
    ("结合盂县行政审批服务管理局2025年政务信息公开工作实际编制。\n2025年,县行政审批服务管理局严格依据……",
     ["盂县行政审批服务管理局", "县行政审批服务管理局"]),  # 001
    ("2023年,我局认真落实《条例》。\n2023年,全县共公开信息。\n", []),  # 我局, 全县: no name
])
def test_organs_the_text_reports_for(text, organs):
    assert M.reporting_organs(normalize(text)) == organs


# --- look-alikes: rules, notices and part-year notes speak of the reports but report nothing --

def _verdict(text: str) -> str:
    from parsers import NotAReport
    try:
        parse_text(text)
    except NotAReport as exc:
        return str(exc)
    return "record"


@pytest.mark.parametrize("text, kind", [
    # excerpts4/017's class (a 制度 on a spam mirror); here 八道江区's rule (xxgk-hj.cbs.gov.cn/qzf/gkyj/
    # 201706/t20170610_86336.html, the search tool's copy, which starts at 第二条): no title, its
    # contents listed as (一)…情况; items in the national sections' words
    ("第二条 本制度由八道江区政务公开领导小组负责解释。\n"
     "第三条 各镇(街)负责编制本区域的政府信息公开年度报告;区政府各部门负责编制本部门的政府信息公开年度报告。\n"
     "第四条 各镇(街)、区政府各部门的政府信息公开年度报告主要包括以下内容:\n(一)依法主动公开政府信息的情况;\n"
     "(二)行政机关依申请公开政府信息和不予公开政府信息的情况;\n(三)政府信息公开的收费及行政审批情况;\n"
     "(四)因政府信息公开申请行政复议、提起行政诉讼的情况;\n(五)政府信息公开工作存在的主要问题及改进情况;\n"
     "(六)其他需要报告事项。\n第五条 各级行政机关应当在每年2月1日前在八道江区政府网站公布本行政机关的政府信息公开"
     "工作年度报告。\n第八条 本制度自2009年4月1日起施行。\n", "articles of a rule"),
    # www.gswuwei.gov.cn/art/2025/12/19/art_76_1558865.html (武威市, 武政办发〔2025〕54号): a notice on
    # compiling the 2025 reports, its name in full above the same name set over two lines
    ("索引号: 12620600MB0523338C/2025-04735 公开方式: 主动公开\n发布机构: 信息公开办 组配分类: 武政办发\n"
     "武威市人民政府办公室关于做好2025年政府信息公开工作年度报告编制和发布工作的通知\n发布日期: 2025-12-19 16:05\n\n"
     "武威市人民政府办公室\n\n关于做好2025年政府信息公开工作年度报告\n\n编制和发布工作的通知\n\n"
     "县、区人民政府,市政府各部门、各单位:\n\n为认真落实《中华人民共和国政府信息公开条例》,高质量做好2025年政府信息"
     "公开工作年度报告编制和发布工作,现就有关事项通知如下:\n\n一、规范年报内容。要认真撰写年度报告中的总体情况,"
     "按照主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面,梳理本县区本部门2025年度政府"
     "信息公开工作完成情况。\n\n二、确保数据准确。认真填写规章、行政规范性文件的本年制发件数、本年废止件数。\n",
     "rule or notice"),
    # 国办公开办函〔2019〕60号 on a spam mirror (hongxingpaper.com/n2588035/n2588300/c13587052/content.html),
    # traditional characters, its name over two lines whose first reads as a report's name
    ("信息公開\n\n國務院辦公廳政府信息與政務公開辦公室\n關于政府信息公開工作年度報告\n有關事項的通知\n\n"
     "文章來源:中央政府網 發布時間:2020-11-26\n\n國辦公開辦函〔2019〕60號\n\n"
     "各省、自治區、直轄市人民政府辦公廳,國務院各部委、各直屬機構辦公廳(室):\n\n修訂后的《中華人民共和國政府信息公開"
     "條例》已于2019年5月15日起施行。新條例法定主動公開內容更加優化,依申請公開程序更加完備,對政府信息公開工作年度報告"
     "也提出了新的要求。現就有關事項通知如下:\n\n一、抓緊部署\n\n政府信息公開工作年度報告涉及的行政機關量大面廣。\n",
     "rule or notice"),
    # excerpts4/018's class (上海普陀's 2022年上半年政府信息公开数据统计); here a 街道's half-year summary
    # (www.wenmi123.com/article/298145.html, a model-text site): 主动公开 figures under an overview heading
    ("街道2017年上半年政府信息公开工作总结\n2017年上半年,在xx区政府信息公开领导小组的正确领导下,我街道认真落实"
     "《中华人民共和国政府信息公开条例》,扎实推进政府信息公开工作,取得了一定成绩。现将工作总结如下:\n"
     "一、政府信息公开工作的基本情况\n2017年上半年,我街道以做好主动公开为核心,不断深化政府信息公开内容。"
     "全年共主动公开各类政府信息74件,为公众依法获取政府信息提供了保障。\n(一)突出重点,全面、及时、准确公开规范性文件\n"
     "2017年上半年,我街道主动公开政府信息78条,规范性文件3件。\n", "part of a year"),
    # a quarter's note in the template's own section words (written for this test)
    ("某某县2023年第一季度政府信息公开工作情况\n一、主动公开政府信息情况\n第一季度,全县各级行政机关主动公开政府信息"
     "1203条,其中规范性文件5件。\n二、政府信息公开申请情况\n第一季度共受理政府信息公开申请21件,均按时答复。\n"
     "三、行政复议、行政诉讼情况\n第一季度未发生因政府信息公开引起的行政复议、行政诉讼。\n", "part of a year"),
])
def test_a_rule_notice_or_part_year_note_about_the_reports_is_not_a_report(text, kind):
    assert kind in _verdict(text)


def test_an_article_of_a_rule_is_never_a_title():
    """excerpts4/017: a long article line that names the reports was cut into a title."""
    text = ("第二条 各市人民政府和省政府有关部门应当于每年的3月10日前将本级本部门的政府信息公开年度报告报省政府办公厅"
            "政府信息公开工作组,3月31日前在本级本部门门户网站上公布。\n")
    assert title_of(text) is None


@pytest.mark.parametrize("text", [
    # www.nanjing.gov.cn/zzb/zfxxgk/zfxxgknb/gqzf_72697/qhqrmzf/201503/t20150313_1053704.html (秦淮区, 2014):
    # no title in the copy, it lists its contents in the very words of excerpts4/017's rule
    "2015年3月13日\n引 言\n本年报是根据《中华人民共和国政府信息公开条例》和《南京市政府信息公开规定》要求,由秦淮区"
    "人民政府办公室综合区政府所属各行政机关的政府信息公开年度总结报告编制而成。全文包括概述、主动公开政府信息情况、"
    "依申请公开政府信息情况、咨询处理情况(公民、法人和其他组织咨询情况)、复议、诉讼和申诉的情况、政府支出和收费、"
    "其他工作情况、存在的主要问题和改进措施,并附相关的说明和指标统计表。本年报中所列数据的统计期限自2014年1月1日起至"
    "12月31日止。\n一、概 述\n2014年我区政府信息公开工作以党的十八届三中、四中全会精神为指导,坚持以公开为常态、"
    "不公开为例外的原则,政府信息公开工作稳步推进。全年区政府信息公开工作运行正常。\n",
    # a report that cites the rule and speaks of its first half-year, under a menu naming the rule (written for this test)
    "政府信息公开指南 政府信息公开制度 年度报告制度\n某某街道2023年政府信息公开工作年度报告\n"
    "根据《某某市政府信息公开工作年度报告制度(试行)》,现将我街道2023年政府信息公开工作情况报告如下。\n"
    "一、总体情况\n2023年上半年,我街道完成政务公开专区建设;下半年,主动公开政府信息128条。\n",
])
def test_a_report_citing_the_rule_or_its_half_year_stays_a_report(text):
    assert _verdict(text) == "record"


@pytest.mark.parametrize("number, folder", [("027", "excerpts4"), ("035", "excerpts2"), ("062", "excerpts")])
def test_real_reports_citing_the_rule_stay_reports(number, folder):
    """海口市人民政府研究室 2022 (《海南省政府信息公开工作年度报告制度》), 巴音乌兰苏木 2021 (two 年度报告制度),
    会同县林业局 2020 (年度报告制度是条例规定的法定事项)."""
    from tests import truth
    record, want = truth.parse_excerpt(number, truth.EXCERPTS.parent / folder)
    assert record is not None and record["year"] == want["year"]


# --- a township's report under a county office's 来源, a heading whose words the page shuffled --

def test_a_report_calling_itself_a_township_is_not_the_county_offices():
    """excerpts5/033's class: the 来源 header names the county office that put the page up,
    the body says 我镇/我乡: that office is not the organ (null with a warning); a candidate
    of the right kind is taken."""
    text = ("来源:某某县人民政府办公室 时间:2024-01-31\n一、总体情况\n2023年,我乡认真贯彻落实《条例》,"
            "不断健全完善政务信息公开工作制度。现将我乡2023年度政府信息公开工作报告如下:\n"
            "二、主动公开政府信息情况\n全年主动公开信息56条。\n")
    record = parse_text(text)
    assert (record["org"], record["year"]) == (None, 2023)
    assert any("the 来源 header names 某某县人民政府办公室, but the text calls itself 我乡" in w
               for w in record["warnings"])
    street = text.replace("我乡", "本街道").replace("来源:某某县人民政府办公室", "发布机构:某某区人民政府办公室")
    signed = parse_text(street + "\n某某区城南街道办事处\n2024年1月31日\n")
    assert signed["org"] == "某某区城南街道办事处"
    assert M.self_kind("2023年,我局认真落实。我镇……") is None  # two kinds: no decision


@pytest.mark.parametrize("line, org", [
    ("昌图县七家子镇2023年政府信息公开 工作告年度报", "昌图县七家子镇"),  # excerpts5/033
    ("某某县林业局2022年度政府信息公开 年告度报工作", "某某县林业局"),
])
def test_a_heading_with_its_report_words_shuffled_still_names_the_organ(line, org):
    text = f"{line}\n来源:某某县人民政府 时间:2024-01-31\n一、总体情况\n2022年,全面推进政务公开。\n"
    assert parse_text(text)["org"] == org


@pytest.mark.parametrize("title, org", [
    ("新港街2023年政府信息公开工作年度报告", "新港街"),  # excerpts5/002: 天津's streets without 道
    ("杭州道街2022年政府信息公开工作年度报告", "杭州道街"),
])
def test_a_street_named_without_dao(title, org):
    assert M.read_title(title).org == org


def test_a_sentence_naming_a_street_is_no_organ():
    """excerpts/064: 编制并向社会公布邓南街2021年度…报告 names the report, not an organ 并向社会公布邓南街."""
    assert M.organ("并向社会公布邓南街") is None
    text = ("结合邓南街实际,编制并向社会公布邓南街2021年度政府信息公开工作年度报告。\n一、总体情况\n"
            "2021年度我街未收到依申请公开的申请。\n")
    assert parse_text(text)["org"] in (None, "邓南街")

"""parsers.text: what every recogniser reads. Lines from the hand-read excerpts
(tests/files/excerpts/texts/NNN.txt, cited by number) plus a second example of each class."""
import pickle

import pytest

from parsers.text import iso_date, is_traditional, join_wrapped, normalize, normalized, squash, tidy_line


@pytest.mark.parametrize("raw, expected", [
    # excerpt 033: a traditional-character mirror that also prints pinyin after characters
    ("信息內容 | 本年制發(fā)件數(shù) | 本年廢止件數(shù) | 現(xiàn)行有效件數(shù) |",
     "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"),
    # excerpt 043: the same class on another site, full sentence
    ("《國務院辦公廳政府信息與政務公開辦公室關(guān)於印發(fā)<中華人民共和國政府信息公開工作年度報告格式>的通知》",
     "《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》"),
])
def test_traditional_mirror_text_becomes_simplified(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [
    "陕西省咸阳市乾县人民政府2023年政府信息公开工作年度报告",  # 乾县 is its simplified name
    "临安区於潜镇人民政府2022年政府信息公开工作年度报告",  # and 於潜镇 too
])
def test_simplified_text_is_left_alone(raw):
    assert not is_traditional(raw)
    assert normalize(raw) == raw


@pytest.mark.parametrize("raw", [
    "第二十条第(一)项 | 本年收费金额(单位:万元)",  # brackets of the template itself
    "本报告可通过柞水县人民政府门户网站(tufwp.cn)查阅",  # excerpt 033: a site address, not pinyin
    "县民政局办公室(民政科)负责",
])
def test_brackets_that_are_not_pinyin_stay(raw):
    assert normalize(raw) == raw


@pytest.mark.parametrize("raw, expected", [
    ("２０２３年（一）规章｜０｜", "2023年(一)规章|0|"),
    ("行政许可\u3000１２\xa0件", "行政许可 12 件"),
])
def test_full_width_forms_become_ascii(raw, expected):
    assert normalize(raw) == expected


def test_positions_map_back_to_the_original():
    raw = "本报告中所列數(shù)据的统计期限。二、主动公开"
    norm = normalized(raw)
    start = norm.text.index("二、")
    assert raw[norm.origin(start):] == "二、主动公开"
    assert raw[norm.origin(0):norm.origin(norm.text.index("据"))] == "本报告中所列數(shù)"


@pytest.mark.parametrize("raw, expected", [
    ("2020年08月02日", "2020-08-02"), ("发布时间:2024-1-16 10:00", "2024-01-16"),
    ("[2017-04-24]", "2017-04-24"), ("2023年2月30日", None), ("无日期", None), (None, None),
])
def test_iso_date(raw, expected):
    assert iso_date(raw) == expected


def test_squash_and_tidy():
    assert squash(" 李 喆镇\u3000人民政府\xa0\n") == "李喆镇人民政府"
    assert tidy_line(" 结 果\t维 持 ") == "结果\t维持"
    assert join_wrapped(["本年度办", "理结果", "400", "1"]) == "本年度办理结果4001"


def test_normalized_is_picklable():
    """Records are built in worker processes: what crosses to them must pickle."""
    norm = normalized("數(shù)据")
    assert pickle.loads(pickle.dumps(norm)) == norm

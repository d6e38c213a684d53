"""Organ ids on every organ named in the corpus (tests/expected/*.json `org`) and the
excerpts (tests/files/excerpts/truth/*.json `org`), worked out by hand.

How each expected id was made: <division>:<kind>:<body>.
- division: the county (or city, province) the name itself places, by the 2024 codes of
  the Ministry of Civil Affairs (e.g. 阜南县 is 阜阳市's county 341225); where the name
  names no county (肖村乡人民政府), the county of the portal that published it, read off
  the excerpt's URL (dingxing.gov.cn is 定兴县, 130626: crawler/seeds/portals.csv has the
  same host and code); where neither is known, no id (None).
- kind: 镇/乡/苏木/街道 → township; the 人民政府 of a division or a development area's
  管理委员会 → government; anything else (办公室 included) → department.
- body: the name without its place names, short forms written out (卫生健康委 →
  卫生健康委员会, 科委 → 科学技术委员会), a township's as X镇人民政府 / X街道办事处,
  traditional characters simplified.
"""
import csv
import json
from pathlib import Path

import pytest

from dataset.organ import organ_of

HERE = Path(__file__).parent
PORTALS = Path(__file__).parents[1] / "crawler" / "seeds" / "portals.csv"


def seed(county: str) -> dict:
    """The crawler's seed row for a county portal (portals.csv)."""
    with PORTALS.open(encoding="utf-8") as rows:
        row = next(r for r in csv.DictReader(rows) if r["county"] == county)
    return {key: row[key] or None for key in ("province", "city", "county", "adcode")}


# (org as printed, the seed's county or None, expected organ_id, expected display name)
CASES = [
    # --- tests/expected (corpus documents) ---
    ("繁峙县大营镇人民政府", None, "140924:township:大营镇人民政府", "繁峙县大营镇人民政府"),
    ("西交口乡人民政府", None, None, "西交口乡人民政府"),                   # 乡宁县's: the name alone does not say
    ("西交口乡人民政府", "乡宁县", "141029:township:西交口乡人民政府", "乡宁县西交口乡人民政府"),
    ("洺州镇人民政府", "威县", "130533:township:洺州镇人民政府", "威县洺州镇人民政府"),
    ("临江市桦树镇人民政府", None, "220681:township:桦树镇人民政府", "临江市桦树镇人民政府"),
    ("孟津区送庄镇人民政府", None, "410308:township:送庄镇人民政府", "孟津区送庄镇人民政府"),
    ("淮安市洪泽区人民政府", None, "320813:government:人民政府", "洪泽区人民政府"),
    ("洪泽区人民政府", None, "320813:government:人民政府", "洪泽区人民政府"),
    ("淮安市人民政府", None, "320800:government:人民政府", "淮安市人民政府"),
    ("淮安市人民政府", "洪泽区", "320800:government:人民政府", "淮安市人民政府"),  # the city's report on a county portal
    ("沭阳县发展和改革局", None, "321322:department:发展和改革局", "沭阳县发展和改革局"),
    ("沭阳县发改局", None, "321322:department:发展和改革局", "沭阳县发展和改革局"),
    ("沐阳县人民政府", None, None, "沐阳县人民政府"),  # misprint of 沭阳县: no such division, nothing guessed
    ("上海市科委", None, "310000:department:科学技术委员会", "上海市科学技术委员会"),
    ("上海市人民政府办公厅", None, "310000:department:人民政府办公厅", "上海市人民政府办公厅"),
    ("平潭综合实验区", None, "350128:government:平潭综合实验区管理委员会", "平潭综合实验区管理委员会"),
    ("平潭综合实验区管委会", None, "350128:government:平潭综合实验区管理委员会", "平潭综合实验区管理委员会"),
    ("测试市", None, None, "测试市"),  # a synthetic sample's place
    # --- excerpts (truth/NNN.json `org`), the name alone ---
    ("安溪县福田乡", None, "350524:township:福田乡人民政府", "安溪县福田乡人民政府"),  # 001, 泉州市
    ("安徽省统计局", None, "340000:department:统计局", "安徽省统计局"),  # 003
    ("阜南县人民政府办公室", None, "341225:department:人民政府办公室", "阜南县人民政府办公室"),  # 004
    ("五常市民意乡", None, "230184:township:民意乡人民政府", "五常市民意乡人民政府"),  # 007, 哈尔滨市
    ("鸭南乡", None, None, "鸭南乡人民政府"),  # 008: a mirror site, no county known
    ("螅镇", "佳县", "610828:township:螅镇人民政府", "佳县螅镇人民政府"),  # 009: sxjiaxian.gov.cn
    ("五常市背荫河镇", None, "230184:township:背荫河镇人民政府", "五常市背荫河镇人民政府"),  # 011
    ("铁边城镇", "吴起县", "610626:township:铁边城镇人民政府", "吴起县铁边城镇人民政府"),  # 012: wqx.gov.cn
    ("东街街道", None, None, "东街街道办事处"),  # 013
    ("西咸新区底张街道办事处", None, "610000:township:西咸新区底张街道办事处", "西咸新区底张街道办事处"),  # 014
    ("湖口县卫生健康委员会", None, "360429:department:卫生健康委员会", "湖口县卫生健康委员会"),  # 019, 九江市
    ("信丰县卫生健康委", None, "360722:department:卫生健康委员会", "信丰县卫生健康委员会"),  # 020, 赣州市
    ("阿巴嘎旗那仁宝拉格苏木", None, "152522:township:那仁宝拉格苏木人民政府", "阿巴嘎旗那仁宝拉格苏木人民政府"),  # 022
    ("乌海市工业和信息化局", None, "150300:department:工业和信息化局", "乌海市工业和信息化局"),  # 023
    ("阿拉善盟额济纳旗温图高勒苏木人民政府", None, "152923:township:温图高勒苏木人民政府",
     "额济纳旗温图高勒苏木人民政府"),  # 024
    ("县人民政府办公室", None, None, "人民政府办公室"),  # 025 without its site: which county is unknown
    ("县人民政府办公室", "湟源县", "630123:department:人民政府办公室", "湟源县人民政府办公室"),  # 025: huangyuan.gov.cn
    ("银川市人民政府办公室", None, "640100:department:人民政府办公室", "银川市人民政府办公室"),  # 026
    ("天津市东丽区人民政府金桥街道办事处", None, "120110:township:金桥街道办事处", "东丽区金桥街道办事处"),  # 030
    ("西藏自治区审计厅", None, "540000:department:审计厅", "西藏自治区审计厅"),  # 031
    ("肖村乡人民政府", "定兴县", "130626:township:肖村乡人民政府", "定兴县肖村乡人民政府"),  # 034: dingxing.gov.cn
    ("郾城区人民政府", None, "411103:government:人民政府", "郾城区人民政府"),  # 035, 漯河市
    ("南京市投資促進局", None, "320100:department:投资促进局", "南京市投资促进局"),  # 036, traditional characters
    ("无锡经开区行政审批局", None, "320200:department:经济技术开发区行政审批局",
     "无锡市经济技术开发区行政审批局"),  # 037: a development area has no code of its own
    ("固阳县民政局", None, "150222:department:民政局", "固阳县民政局"),  # 041, 包头市
    ("赫章县交通运输局", None, "520527:department:交通运输局", "赫章县交通运输局"),  # 046, 毕节市
    ("保定市徐水区交通运输局", None, "130609:department:交通运输局", "徐水区交通运输局"),  # 047
    ("宁陕县梅子镇人民政府", None, "610923:township:梅子镇人民政府", "宁陕县梅子镇人民政府"),  # 048, 安康市
    ("海城市西四镇", None, "210381:township:西四镇人民政府", "海城市西四镇人民政府"),  # 049, 鞍山市
    ("钟祥镇", None, None, "钟祥镇人民政府"),  # 051: 钟祥 is also 钟祥市 (湖北): not read as it
    ("河包镇", "荣昌区", "500153:township:河包镇人民政府", "荣昌区河包镇人民政府"),  # 052: rongchang.gov.cn
    ("大路镇人民政府", "琼海市", "469002:township:大路镇人民政府", "琼海市大路镇人民政府"),  # 053: qionghai
    ("衡阳市衡东县杨林镇", None, "430424:township:杨林镇人民政府", "衡东县杨林镇人民政府"),  # 055
    ("湘西州乡村振兴局", None, "433100:department:乡村振兴局", "湘西土家族苗族自治州乡村振兴局"),  # 057
    ("高新区(新市区)", None, None, "高新技术产业开发区(新市区)"),  # 058: 新市区 is also a 台湾 district
    ("高新区(新市区)", "新市区", "650104:government:高新技术产业开发区管理委员会",
     "新市区高新技术产业开发区管理委员会"),  # 058: uhdz.gov.cn is 新市区's portal
    ("桐柏县城郊乡人民政府", None, "411330:township:城郊乡人民政府", "桐柏县城郊乡人民政府"),  # 059, 南阳市
    ("衡南縣應急管理局", None, "430422:department:应急管理局", "衡南县应急管理局"),  # 060
    ("垫江县应急管理局", None, "500231:department:应急管理局", "垫江县应急管理局"),  # 061, 重庆市
    ("会同县林业局", None, "431225:department:林业局", "会同县林业局"),  # 062, 怀化市
    ("县退役军人事务局", "始兴县", "440222:department:退役军人事务局", "始兴县退役军人事务局"),  # 068: gdsx.gov.cn
    ("西火镇人民政府", "上党区", "140404:township:西火镇人民政府", "上党区西火镇人民政府"),  # 069
    ("河口县桥头乡", None, "532532:township:桥头乡人民政府", "河口瑶族自治县桥头乡人民政府"),  # 070, 红河州
    ("桐梓县夜郎镇", None, "520322:township:夜郎镇人民政府", "桐梓县夜郎镇人民政府"),  # 073, 遵义市
    ("下湿壕镇政府", "固阳县", "150222:township:下湿壕镇人民政府", "固阳县下湿壕镇人民政府"),  # 076: guyang.gov.cn
    ("驼峰路街道办事处", "榆阳区", "610802:township:驼峰路街道办事处", "榆阳区驼峰路街道办事处"),  # 079
    ("孝感市人民政府办公室", None, "420900:department:人民政府办公室", "孝感市人民政府办公室"),  # 081
    ("上海市人民政府辦公廳", None, "310000:department:人民政府办公厅", "上海市人民政府办公厅"),  # 082
    ("滕州市东郭镇", None, "370481:township:东郭镇人民政府", "滕州市东郭镇人民政府"),  # 086, 枣庄市
    # --- org_body forms of the excerpts with their portal ---
    ("武湖街", "黄陂区", "420116:township:武湖街道办事处", "黄陂区武湖街道办事处"),  # 063
]


@pytest.mark.parametrize("org,county,expected_id,expected_name", CASES,
                         ids=[f"{org}@{county or '-'}" for org, county, _, _ in CASES])
def test_organ_id(org, county, expected_id, expected_name):
    organ = organ_of(org, seed(county) if county else None)
    assert (organ.id, organ.name) == (expected_id, expected_name)


def test_every_named_organ_of_the_corpus_and_excerpts_is_a_case():
    orgs = {json.loads(path.read_text(encoding="utf-8")).get("org")
            for path in [*(HERE / "expected").glob("*.json"), *(HERE / "files" / "excerpts" / "truth").glob("*.json")]}
    orgs.discard(None)
    assert orgs - {org for org, *_ in CASES} == set()
    assert len(orgs) == 60


def test_same_organ_across_years_and_spellings():
    spellings = [("淮安市洪泽区人民政府", None), ("洪泽区人民政府", None), ("洪泽区政府", None),
                 ("淮安市洪泽区人民政府", seed("洪泽区")), ("人民政府", seed("洪泽区")), ("区人民政府", seed("洪泽区")),
                 ("江苏省淮安市洪泽区人民政府", None), ("淮安洪泽区人民政府", None)]
    assert {organ_of(org, region).id for org, region in spellings} == {"320813:government:人民政府"}
    # the farm's county site, whose county the division table does not know: its own names place it
    hubin = {"province": "测试省", "city": "测试市", "county": "湖滨县", "adcode": "990002"}
    assert {organ_of(org, hubin).id for org in ("湖滨龙泉镇", "湖滨县龙泉镇人民政府", "龙泉镇政府")} == \
        {"990002:township:龙泉镇人民政府"}


def test_different_organs_stay_apart():
    ids = [organ_of(org, region).id for org, region in [
        ("洪泽区人民政府", None), ("淮安市人民政府", seed("洪泽区")), ("洪泽区人民政府办公室", None),
        ("洪泽区发展和改革委员会", None), ("淮安市洪泽区人民政府", {"province": "测试省", "adcode": "990002",
                                                          "city": "测试市", "county": "湖滨县"})]]
    assert ids[:4] == ["320813:government:人民政府", "320800:government:人民政府",
                       "320813:department:人民政府办公室", "320813:department:发展和改革委员会"]
    assert ids[4] == ids[0]  # a real organ's report on another site is still that organ
    # two 龙泉镇 of unknown counties must not become one organ, nor a 桥西区 of two cities
    assert organ_of("龙泉镇人民政府").id is None and organ_of("桥西区人民政府").id is None

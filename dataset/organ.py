"""What kind of organ issued a report, from its name: a government (政府), one of its
departments (部门), or a township or sub-district (乡镇/街道), the three levels that
coverage is counted by."""
from __future__ import annotations

import re

LEVELS = {"government": "政府", "department": "部门", "township": "乡镇/街道"}

_TOWNSHIP = re.compile(r"(乡|镇|街道|苏木)(人民政府|政府|办事处|工作委员会)?$")
_GOVERNMENT = re.compile(r"(人民政府|政府|行政公署|管理委员会|管委会|实验区|市|县|区|旗)$")


def level_of(org: str | None) -> str | None:
    """government | department | township, None without a name."""
    if not org:
        return None
    name = re.sub(r"\s+", "", org)
    if _TOWNSHIP.search(name):
        return "township"
    return "government" if _GOVERNMENT.search(name) else "department"


def org_key(org: str | None) -> str:
    """The organ's name as compared across sources: no whitespace."""
    return re.sub(r"\s+", "", org or "")

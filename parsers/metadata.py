"""Title, organ, report year and publication date from the text and its hints.

Order of trust: what the caller knows (meta tags, crawler), then the title,
then the text's own statements (统计期限, the signature block), then weaker
hints (the overview's first words, the publication year).
"""
from __future__ import annotations

import re

from .text import DATE as _DATE, iso_date, squash

_CJK = r"\u4e00-\u9fff"
_YEAR = r"((?:19|20)\d{2})"
_REPORT = re.compile(r"(?:政府信息公开|政务公开|信息公开)[^\n]{0,20}?报告|年\s*度?\s*报\s*告")
_HEADER = re.compile(r"^\s*(标题|发布时间|发布日期|成文日期|发布机构|来源|信息来源)\s*[:：]\s*(.*?)\s*$", re.M)
_ORG_END = re.compile(rf"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|办事处|街道|局|委|办|署|院|"
                      rf"中心|镇|乡|区|县|市|所|站|队|会)$")
_PERIOD = re.compile(rf"(?:统计|数据)[^。\n]{{0,30}}?{_YEAR}\s*年\s*1\s*月\s*1\s*日"
                     rf"|{_YEAR}\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?至"
                     rf"|截[至止][^。\n]{{0,8}}?{_YEAR}\s*年\s*12\s*月\s*31\s*日")


def headers(text: str) -> dict[str, str]:
    """A crawler dump's ``键: 值`` header lines at the top (标题, 发布时间, 发布机构)."""
    head = text[:1500]
    return {k: v for k, v in _HEADER.findall(head) if v}


def find_title(text: str) -> str | None:
    """The report's title: the first line that names the report, joined with the
    organ line above it, or with the words before it when the title was set over
    two lines (…政府信息公开工作 / 年度报告)."""
    lines = [squash(ln.lstrip("#")) for ln in text.strip().splitlines()[:12]]
    lines = [ln for ln in lines if ln and not re.search(r"[。，,；]", ln)]
    for i, ln in enumerate(lines[:8]):
        if not _REPORT.search(ln) or len(ln) > 60:
            continue
        prev = lines[i - 1] if i else ""
        if prev and re.match(r"(?:工作)?年度(?:工作)?报告|报告", ln):
            return prev + ln
        if prev and len(prev) <= 30 and _ORG_END.search(prev) and re.match(_YEAR, ln):
            return prev + ln
        return ln
    return None


def year_of(title: str | None, text: str, published: str | None) -> tuple[int | None, str]:
    """The year reported on, and where it came from."""
    if title:
        m = re.search(rf"{_YEAR}\s*年", title)
        if m:
            return int(m.group(1)), "title"
    m = _PERIOD.search(text)
    if m:
        return int(next(g for g in m.groups() if g)), "统计期限"
    m = re.search(rf"(?:^|\n)\s*{_YEAR}\s*年\s*[，,度]", text)
    if m:
        return int(m.group(1)), "body"
    if published:
        return int(published[:4]) - 1, "publication date"
    return None, ""


def published_of(text: str, hint: str | None = None) -> str | None:
    """A date given by the caller or header, else the signature date at the end."""
    head = headers(text)
    for candidate in (hint, head.get("发布时间"), head.get("发布日期")):
        if candidate:
            day = iso_date(candidate)
            if day:
                return day
    tail = text.rstrip()[-200:]
    dates = list(_DATE.finditer(tail))
    if dates:
        last = dates[-1]
        line = tail[tail.rfind("\n", 0, last.start()) + 1:]
        if len(squash(line)) <= 40:  # a date line, not a sentence that mentions a date
            return iso_date(last.group(0))
    return None


def org_of(title: str | None, text: str, hint: str | None = None) -> str | None:
    """The issuing organ: the title's words before the year (or after it), else the
    caller's hint (a page's ContentSource meta), a header, the signature above the
    date, or the first line."""
    if title:
        m = re.match(rf"(.+?)(?:关于)?{_YEAR}\s*年", title)
        org = m.group(1) if m else None
        if not org:
            m = re.match(rf"{_YEAR}\s*年度?(.+?)(?:政府信息公开|政务公开|信息公开)", title)
            org = m.group(2) if m else None
        if org and len(org) >= 2:
            return _complete(org, text)
    if hint:
        return _complete(squash(hint), text)
    head = headers(text).get("发布机构")
    if head:
        return _complete(squash(head), text)
    sign = _signature(text)
    if sign:
        return sign
    first = squash(text.strip().splitlines()[0].lstrip("#")) if text.strip() else ""
    if first and len(first) <= 30 and _ORG_END.search(first):
        return first
    return None


def _signature(text: str) -> str | None:
    lines = [squash(ln) for ln in text.rstrip().splitlines()[-6:]]
    for ln in reversed(lines):
        ln = _DATE.sub("", ln)
        if 2 <= len(ln) <= 30 and _ORG_END.search(ln) and not re.search(r"[。，；]", ln):
            return ln
    return None


def _complete(org: str, text: str) -> str:
    """The fullest form of an organ's name the text gives: 桦树镇 -> 临江市桦树镇人民政府."""
    flat = squash(text)
    if not org.endswith("政府") and org + "人民政府" in flat and re.search(r"[镇乡县区市]$", org):
        org += "人民政府"
    prefixes = re.findall(rf"([{_CJK}]{{1,4}}[省市县区旗州盟])" + re.escape(org), flat)
    prefixes = [p for p in prefixes if not p.startswith(("我", "本", "全", "各"))]
    if prefixes and not re.match(rf"[{_CJK}]{{1,5}}[市县区旗]", org):
        org = max(set(prefixes), key=prefixes.count) + org
    return org

"""TRS WCM static publishing (portals.md §2.1, F1).

Lists are `index.html`, `index_1.html` … and the page count exists only in inline
JS: `createPageHTML(56, 0, "index", "html")` (pages counted from 0: page i is
`index_i`) or site-made pagers with `countPage = 56` (trs_1.html). The 集约化
platforms that took the tag over write six arguments, the container first, and
count from 1: `createPageHTML('page_div', 11, 1, 'list', 'shtml', 154)` makes
`list.shtml`, `list_2.shtml` … `list_11.shtml` (jiyuehua_pager_1.txt). Articles are `<col>/<YYYYMM>/t<YYYYMMDD>_<docid>.html`
(or .shtml); docid is global, so it identifies the article under any column.
"""
from __future__ import annotations

import re

import scrapy

from ..page import Page
from .base import Family, ListPage

_CREATE_PAGE = re.compile(r"createPageHTML\(\s*(['\"][^'\"]*['\"]\s*,\s*)?['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,"
                          r"\s*['\"](\w+)['\"]\s*,\s*['\"](\w+)['\"]")
_COUNT_VAR = re.compile(r"\b(?:countPage|pageCount|totalPage|page_count)\s*[=:]\s*['\"]?(\d+)")
_PAGE_NAME = re.compile(r"/(\w+?)(?:_\d+)?\.(s?html?)$")


class Trs(Family):
    name = "trs"
    fingerprints = (
        re.compile(r"createPageHTML\("),
        re.compile(r"class=['\"]?[^'\">]*TRS_(Editor|UEDITOR)"),
        re.compile(r"/t\d{8}_\d+\.s?html"),
    )
    article_id = re.compile(r"/t\d{8}_(\d+)\.s?html?")
    lists = (_CREATE_PAGE, _COUNT_VAR)

    def listing(self, page: Page):
        yield from super().listing(page)
        yield from self.counted_pages(page)

    def counted_pages(self, page: Page):
        """The other pages of a JS pager (the site budget bounds their number)."""
        call = _CREATE_PAGE.search(page.text)
        if call:
            count, name, ext = int(call.group(2)), call.group(4), call.group(5)
            numbers = range(2, count + 1) if call.group(1) else range(1, count)  # six arguments count from 1
        else:
            var = _COUNT_VAR.search(page.text)
            if not var:
                return
            here = _PAGE_NAME.search(page.url)
            count = int(var.group(1))
            name, ext = (here.group(1), here.group(2)) if here else ("index", "html")
            numbers = range(1, count)
        if re.search(rf"/{re.escape(name)}_\d+\.{ext}$", page.url):
            return  # a numbered page repeats the count: the first page enumerates once
        for number in numbers:
            yield ListPage(scrapy.Request(page.urljoin(f"{name}_{number}.{ext}")))

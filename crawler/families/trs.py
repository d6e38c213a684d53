"""TRS WCM static publishing (portals.md §2.1, F1).

Lists are `index.html`, `index_1.html` … and the page count exists only in inline
JS: `createPageHTML(56, 0, "index", "html")` or site-made pagers with
`countPage = 56` (trs_1.html). Articles are `<col>/<YYYYMM>/t<YYYYMMDD>_<docid>.html`
(or .shtml); docid is global, so it identifies the article under any column.
"""
from __future__ import annotations

import re

import scrapy

from ..page import Page
from .base import Family, ListPage

_CREATE_PAGE = re.compile(r"createPageHTML\(\s*(?:['\"][^'\"]*['\"]\s*,\s*)?['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"](\w+)['\"]\s*,\s*['\"](\w+)['\"]")
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
        """index_1 … index_{n-1} from the JS pager (page 0 is index.html); the site budget bounds n."""
        call = _CREATE_PAGE.search(page.text)
        if call:
            count, name, ext = int(call.group(1)), call.group(3), call.group(4)
        else:
            var = _COUNT_VAR.search(page.text)
            here = _PAGE_NAME.search(page.url)
            if not var:
                return
            count = int(var.group(1))
            name, ext = (here.group(1), here.group(2)) if here else ("index", "html")
        if _PAGE_NAME.search(page.url) and re.search(r"_\d+\.s?html?$", page.url):
            return  # a numbered page repeats the count: index.html enumerates once
        for index in range(1, count):
            yield ListPage(scrapy.Request(page.urljoin(f"{name}_{index}.{ext}")))

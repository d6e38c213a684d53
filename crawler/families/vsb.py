"""VSB 博达站群 (portals.md §2.5, F4; vsb_1.html).

A column `<col>.htm` continues in `<col>/<N>.htm` numbered backwards: page 2 is
the highest N, the last page is `1.htm`. The total sits in
`_simple_list_gotopage_fun(31, …)` or "共31页". Per-year 年报 columns are
siblings such as `zfxxgknb/a2024.htm`.
"""
from __future__ import annotations

import re

import scrapy

from ..page import Page
from .base import Family, ListPage, column_prefix

_TOTAL = re.compile(r"_simple_list_gotopage_fun\(\s*(\d+)|共\s*(\d+)\s*页")


class Vsb(Family):
    name = "vsb"
    fingerprints = (
        re.compile(r"/system/resource/js/"),
        re.compile(r"_simple_list_gotopage_fun|vsb_content|\"wbnews\""),
    )
    article_id = re.compile(r"/info/\d+/(\d+)\.htm")
    lists = (re.compile(r"_simple_list_gotopage_fun"),)

    def listing(self, page: Page):
        yield from super().listing(page)
        total = _TOTAL.search(page.text)
        if total and not re.search(r"/\d+\.htm$", page.url):
            pages = int(total.group(1) or total.group(2))
            prefix = column_prefix(page.url)
            for number in range(pages - 1, 0, -1):
                yield ListPage(scrapy.Request(page.urljoin(f"{prefix}/{number}.htm")))

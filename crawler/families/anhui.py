"""Anhui-style 政府信息公开平台 `/public/` (portals.md §2.6, F6).

Columns are `/public/column/<siteId>?type=4&catId=<cat>&action=list&pageIndex=N`
(each unit has its own siteId), articles `/public/<siteId>/<infoId>.html`; a
dedicated annual-report module serves `/XxgkAnnualReport/show/<id>.html`.
Paging is the `pageIndex` query parameter with no total, hence probes.
"""
from __future__ import annotations

import re
from ..page import Page
from .base import Family, next_by_query


class Anhui(Family):
    name = "anhui"
    fingerprints = (
        re.compile(r"/public/column/\d+"),
        re.compile(r"/XxgkAnnualReport/"),
    )
    article_id = re.compile(r"/((?:public/\d+|XxgkAnnualReport/show)/\d+)\.html")

    def listing(self, page: Page):
        yield from super().listing(page)
        if re.search(r"/public/column/|/XxgkAnnualReport/index", page.url):
            yield next_by_query(page.url, "pageIndex")

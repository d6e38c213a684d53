"""truecms JSONP lists (Jiangsu 南通/如皋; portals.md §2.8, F8).

The column page configures a jpage-like pager: `proxyUrl:'…/messageController/
getMessage.do'`, `perPage`, `groupSize`, `ajaxParam:{columnId:'…'}`. The list is
`GET <proxy>?startrecord&endrecord&perpage&columnId&callback=cb`, answered as
`cb({"result": "<datastore>…<record><![CDATA[<li>…]]></record>…"})`. The server
wants a Referer (404 without one) and answers a window above its cap (50 at
南通) with nothing, so windows are at most 50 and a first empty window is asked
again smaller.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

import scrapy

from ..meta import API_STATE
from ..page import Page
from .base import Family, ListPage, state

_PROXY = re.compile(r"""["']([^"'\s]*messageController/getMessage\.do)(?:\?[^"'\s]*)?["']""")
_COLUMN = re.compile(r"""columnId["']?\s*[:=]\s*["']?([\w-]+)""")
_NUMBER = r"""\b{}\s*[:=]\s*["']?(\d+)"""
MAX_WINDOW = 50
MIN_WINDOW = 10


class Truecms(Family):
    name = "truecms"
    fingerprints = (re.compile(r"messageController/getMessage\.do"),)
    lists = fingerprints

    def listing(self, page: Page):
        yield from super().listing(page)
        proxy, column = _PROXY.search(page.text), _COLUMN.search(page.text)
        if proxy and column:
            per, group = (re.search(_NUMBER.format(name), page.text, re.I) for name in ("perPage", "groupSize"))
            size = int(per.group(1)) * (int(group.group(1)) if group else 1) if per else MAX_WINDOW
            yield self.window_request(page.urljoin(proxy.group(1)), column.group(1), 1,
                                      max(MIN_WINDOW, min(size, MAX_WINDOW)), page.url)

    @staticmethod
    def window_request(proxy: str, column: str, start: int, size: int, referer: str) -> ListPage:
        query = {"startrecord": start, "endrecord": start + size - 1, "perpage": size,
                 "columnId": column, "callback": "cb"}
        request = scrapy.Request(f"{proxy}?{urlencode(query)}", headers={"Referer": referer},
                                 meta={API_STATE: {"proxy": proxy, "column": column, "start": start,
                                                   "size": size, "referer": referer}})
        return ListPage(request, probe=start > 1, handler="window")

    def window(self, page: Page):
        """One window of records; the next while windows bring entries (a smaller first one if empty)."""
        yield from page.entries
        known = state(page)
        if not known:
            return
        start, size = known["start"], known["size"]
        if page.entries:
            yield self.window_request(known["proxy"], known["column"], start + size, size, known["referer"])
        elif start == 1 and size > MIN_WINDOW:
            yield self.window_request(known["proxy"], known["column"], 1, max(MIN_WINDOW, size // 2),
                                      known["referer"])

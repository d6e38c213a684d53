"""Guangdong 集约化 sites and their gkmlpt 政府信息公开目录 (portals.md §2.3–2.4, F3/F3b).

Static columns page as `index.html`, `index_2.html` … (page k is `index_k`, unlike
TRS) with no count anywhere, so the next page is a probe and a 404 ends it.
Articles are `content/post_<id>.html` with a mobile twin `mpost_<id>`; the gkmlpt
platform serves the same ids at `gkmlpt/content/<a>/<b>/post_<id>.html`.
gkmlpt itself is a JS app: `_CONFIG = {SID: …}` and `var TREE = [...]` on the page,
lists from `gkmlpt/api/all/<classify>?page=N&sid=<sid>` (JSON, 100 per page,
`type: "url"` rows point off-site).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone, timedelta

import scrapy

from ..discovery import is_report_column
from ..meta import API_STATE
from ..page import Entry, Page
from .base import Family, ListPage, state

_INDEX = re.compile(r"/index(?:_(\d+))?\.html$")
_SID = re.compile(r"SID\s*:\s*['\"]([^'\"]+)['\"]")
_TREE = re.compile(r"var\s+TREE\s*=\s*(\[.*?\])\s*;", re.S)
_CHINA = timezone(timedelta(hours=8))


class Guangdong(Family):
    name = "guangdong"
    fingerprints = (
        re.compile(r"/content/m?post_\d+\.html"),
        re.compile(r"/gkmlpt/"),
    )
    article_id = re.compile(r"/m?post_(\d+)\.html")
    lists = (re.compile(r"SID\s*:[\s\S]*var\s+TREE\s*="),)
    api_page_size = 100

    def listing(self, page: Page):
        yield from super().listing(page)
        gkmlpt = self.gkmlpt_columns(page)
        if gkmlpt is not None:
            yield from gkmlpt
            return
        index = _INDEX.search(page.url)
        if index or page.url.endswith("/"):
            number = int(index.group(1) or 1) if index else 1
            yield ListPage(scrapy.Request(page.urljoin(f"index_{number + 1}.html")), probe=True)

    def gkmlpt_columns(self, page: Page):
        """API requests for the TREE nodes that are 年报 columns; None if not a gkmlpt page."""
        sid, tree = _SID.search(page.text), _TREE.search(page.text)
        if not (sid and tree):
            return None
        try:
            nodes = list(walk(json.loads(tree.group(1))))
        except ValueError:
            return None
        base = page.url.split("/gkmlpt/")[0] + "/gkmlpt/api/all/"
        return [self.api_page(base, node["id"], sid.group(1), 1)
                for node in nodes if isinstance(node, dict) and is_report_column(node.get("name"), "")]

    @staticmethod
    def api_page(base: str, classify: int, sid: str, number: int) -> ListPage:
        request = scrapy.Request(f"{base}{classify}?page={number}&sid={sid}",
                                 meta={API_STATE: {"base": base, "classify": classify, "sid": sid, "page": number}})
        return ListPage(request, probe=number > 1, handler="gkmlpt_api")

    def gkmlpt_api(self, page: Page):
        data = page.json if page.kind == "json" else {}
        articles = data.get("articles") or [] if isinstance(data, dict) else []
        for row in articles:
            if row.get("type") == "url" or not row.get("url"):  # a jump entry to another site
                continue
            stamp = row.get("create_time") or row.get("first_publish_time")
            date = (datetime.fromtimestamp(int(stamp), _CHINA).date().isoformat()
                    if str(stamp or "").isdigit() else None)
            yield Entry(page.urljoin(row["url"]), row.get("title") or "", date)
        known = state(page)
        number = known.get("page", 1)
        if known and articles and (number - 1) * self.api_page_size + len(articles) < int(data.get("total") or 0):
            yield self.api_page(known["base"], known["classify"], known["sid"], number + 1)


def walk(nodes):
    """Depth-first over the gkmlpt TREE (`children` lists)."""
    for node in nodes:
        yield node
        yield from walk(node.get("children") or [])

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
from .base import Entry, Family, ListPage

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
    api_page_size = 100

    def listing(self, response):
        yield from super().listing(response)
        gkmlpt = self.gkmlpt_columns(response)
        if gkmlpt is not None:
            yield from gkmlpt
            return
        index = _INDEX.search(response.url)
        if index or response.url.endswith("/"):
            page = int(index.group(1) or 1) if index else 1
            yield ListPage(scrapy.Request(response.urljoin(f"index_{page + 1}.html")), probe=True)

    def is_column(self, response) -> bool:
        """A gkmlpt entry page is a catalogue to list (its 年报 classify lives in TREE)."""
        return bool(_SID.search(response.text) and _TREE.search(response.text)) or super().is_column(response)

    def gkmlpt_columns(self, response):
        """API requests for the TREE nodes that are 年报 columns; None if not a gkmlpt page."""
        sid, tree = _SID.search(response.text), _TREE.search(response.text)
        if not (sid and tree):
            return None
        base = response.url.split("/gkmlpt/")[0] + "/gkmlpt/api/all/"
        return [self.api_page(base, node["id"], sid.group(1), 1)
                for node in walk(json.loads(tree.group(1)))
                if is_report_column(node.get("name"), "")]

    @staticmethod
    def api_page(base: str, classify: int, sid: str, page: int) -> ListPage:
        request = scrapy.Request(f"{base}{classify}?page={page}&sid={sid}",
                                 meta={"gkmlpt": (base, classify, sid, page)})
        return ListPage(request, probe=page > 1, handler="gkmlpt_api")

    def gkmlpt_api(self, response):
        data = json.loads(response.text)
        articles = data.get("articles") or []
        for row in articles:
            if row.get("type") == "url":  # jump entry to another site: nothing to fetch here
                continue
            stamp = row.get("create_time") or row.get("first_publish_time")
            date = (datetime.fromtimestamp(int(stamp), _CHINA).date().isoformat()
                    if str(stamp or "").isdigit() else None)
            yield Entry(response.urljoin(row["url"]), row.get("title") or "", date)
        base, classify, sid, page = response.meta["gkmlpt"]
        if articles and (page - 1) * self.api_page_size + len(articles) < int(data.get("total") or 0):
            yield self.api_page(base, classify, sid, page + 1)


def walk(nodes):
    """Depth-first over the gkmlpt TREE (`children` lists)."""
    for node in nodes:
        yield node
        yield from walk(node.get("children") or [])

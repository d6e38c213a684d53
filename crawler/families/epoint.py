"""Epoint 新点 WebBuilder (portals.md §2.6, F5).

Static lists are `iList.jsp?…&cur_page=N` (probes). Newer column pages are shells:
the list comes from `POST <projectName>/rest/lightfrontaction/getgovinfolist`
(JSON, pageIndex/pageSize), and projectName/siteGuid live in
`/js/webBuilderCommon.js` as `var siteInfo = {...}`; the column's categorynum
is on the page.
"""
from __future__ import annotations

import json
import re
import scrapy

from ..meta import API_STATE
from ..page import Entry, Page, iso_date
from .base import Family, ListPage, next_by_query, state

_COMMON_JS = re.compile(r"src=['\"]([^'\"]*webBuilderCommon\.js)['\"]")
_CATEGORY = re.compile(r"categorynum['\"]?\s*[:=]\s*['\"](\w+)['\"]", re.I)
_SITE_FIELD = r"\b{}\s*:\s*['\"]([^'\"]*)['\"]"
API = "/rest/lightfrontaction/getgovinfolist"


class Epoint(Family):
    name = "epoint"
    fingerprints = (
        re.compile(r"\bewb-[\w-]+"),
        re.compile(r"EWB-FRONT|webBuilderCommon\.js|/iList\.jsp"),
    )
    lists = (re.compile(r"categorynum", re.I), re.compile(r"/iList\.jsp"))
    page_size = 20

    def listing(self, page: Page):
        yield from super().listing(page)
        if "cur_page=" in page.url:
            yield next_by_query(page.url, "cur_page")
        common, category = _COMMON_JS.search(page.text), _CATEGORY.search(page.text)
        if common and category:
            request = scrapy.Request(page.urljoin(common.group(1)), meta={API_STATE: {"category": category.group(1)}})
            yield ListPage(request, handler="site_info")

    def site_info(self, page: Page):
        """Read siteInfo from webBuilderCommon.js and ask the JSON list API for page 0."""
        fields = {name: re.search(_SITE_FIELD.format(name), page.text) for name in ("projectName", "siteGuid")}
        category = state(page).get("category")
        if all(fields.values()) and category:
            yield self.api_page(page, fields["projectName"].group(1).rstrip("/"), fields["siteGuid"].group(1),
                                category, 0)

    def api_page(self, page: Page, project: str, site: str, category: str, index: int) -> ListPage:
        body = {"siteGuid": site, "categorynum": category, "pageIndex": index, "pageSize": self.page_size}
        request = scrapy.Request(page.urljoin(project + API), method="POST", body=json.dumps(body),
                                 headers={"Content-Type": "application/json"},
                                 meta={API_STATE: {"project": project, "site": site, "category": category,
                                                   "index": index}})
        return ListPage(request, probe=index > 0, handler="govinfolist")

    def govinfolist(self, page: Page):
        data = page.json if page.kind == "json" else {}
        rows = ((data.get("custom") or {}).get("data") or []) if isinstance(data, dict) else []
        for row in rows:
            if row.get("infourl"):
                yield Entry(page.urljoin(row["infourl"]), row.get("realtitle") or row.get("title") or "",
                            iso_date(row.get("infodate")))
        known = state(page)
        if known and len(rows) == self.page_size:
            yield self.api_page(page, known["project"], known["site"], known["category"], known["index"] + 1)

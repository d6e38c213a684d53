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

from .base import Entry, Family, ListPage, iso_date, next_by_query

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
    page_size = 20

    def listing(self, response):
        yield from super().listing(response)
        if "cur_page=" in response.url:
            yield next_by_query(response.url, "cur_page")
        common, category = _COMMON_JS.search(response.text), _CATEGORY.search(response.text)
        if common and category:
            request = scrapy.Request(response.urljoin(common.group(1)),
                                     meta={"epoint_category": category.group(1)})
            yield ListPage(request, handler="site_info")

    def site_info(self, response):
        """Read siteInfo from webBuilderCommon.js and ask the JSON list API for page 0."""
        fields = {name: re.search(_SITE_FIELD.format(name), response.text)
                  for name in ("projectName", "siteGuid")}
        if all(fields.values()):
            yield self.api_page(response, fields["projectName"].group(1).rstrip("/"),
                                fields["siteGuid"].group(1), response.meta["epoint_category"], 0)

    def api_page(self, response, project: str, site: str, category: str, index: int) -> ListPage:
        body = {"siteGuid": site, "categorynum": category, "pageIndex": index, "pageSize": self.page_size}
        request = scrapy.Request(response.urljoin(project + API), method="POST", body=json.dumps(body),
                                 headers={"Content-Type": "application/json"},
                                 meta={"epoint_api": (project, site, category, index)}, dont_filter=False)
        return ListPage(request, probe=index > 0, handler="govinfolist")

    def govinfolist(self, response):
        rows = (json.loads(response.text).get("custom") or {}).get("data") or []
        for row in rows:
            yield Entry(response.urljoin(row["infourl"]), row.get("realtitle") or row.get("title") or "",
                        iso_date(row.get("infodate")))
        project, site, category, index = response.meta["epoint_api"]
        if len(rows) == self.page_size:
            yield self.api_page(response, project, site, category, index + 1)

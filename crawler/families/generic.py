"""Fallback for CMSes without a module, and what any column page may still offer.

Covers the many small 集约化 systems with opaque ids (portals.md §2.7) whose
lists are plain server-rendered pages: anchors, a 下一页 link, path-fenced
sub-columns. When a column page's anchors give nothing, the page's own scripts
and forms are asked (`learned`): the JSON, JSONP, XML or HTML they answer is
read for entries, and the next page is guessed from the usual paging
parameters (page, pageNo, currpage, startrecord/endrecord, `paramJson`).
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy

from ..page import Endpoint, Page
from .base import Family, ListPage, next_page

#: endpoints tried per page: a few, the most list-like first
MAX_ENDPOINTS = 3


class Generic(Family):
    name = "generic"

    def learned(self, page: Page) -> list[ListPage]:
        """Requests for the list endpoints the page's scripts and forms name."""
        return [ListPage(endpoint_request(endpoint, page.url), handler="endpoint")
                for endpoint in page.endpoints[:MAX_ENDPOINTS]]

    def endpoint(self, page: Page):
        """Entries of an endpoint's answer; the next page while answers bring entries."""
        yield from page.entries
        request = getattr(page.response, "request", None)
        following = next_page(request) if request is not None and page.entries else None
        if following is not None:
            yield ListPage(following, probe=True, handler="endpoint")


def endpoint_request(endpoint: Endpoint, referer: str) -> scrapy.Request:
    """GET with the script's data object in the query (and a JSONP callback), or a form POST."""
    fields = {name: str(value) for name, value in endpoint.fields.items()}
    headers = {"Referer": referer, "X-Requested-With": "XMLHttpRequest"}
    if endpoint.method == "POST":
        return scrapy.FormRequest(endpoint.url, formdata=fields, headers=headers)
    parts = urlsplit(endpoint.url)
    query = {**dict(parse_qsl(parts.query, keep_blank_values=True)), **fields}
    if endpoint.jsonp and not any(key.lower() in ("callback", "jsoncallback") for key in query):
        query["callback"] = "cb"
    return scrapy.Request(urlunsplit(parts._replace(query=urlencode(query))), headers=headers)

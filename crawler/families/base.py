"""What every CMS family shares: the values a family yields and the generic list reading.

A family is a small stateless object. Its `listing(page)` turns a column page
(a `crawler.page.Page`) into `Entry` (a document to fetch) and `ListPage` (a
sub-column, a further page or an API call); its API handlers (`dataproxy(page)`
…) read the answers. Reading the page is `Page`'s job and the bookkeeping the
spider's, so a family only knows its list mechanism and URL grammar.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy

from ..discovery import avoided
from ..meta import API_STATE
from ..page import PAGER, Entry, Page, is_document_link


@dataclass(frozen=True)
class ListPage:
    """Another list page or API answer to read with `handler` (a family method name).

    `probe=True` marks open-ended pagination (next page, next window): the spider
    follows it only while the current page brought entries it had not seen, which
    stops looping and bleeding pagination (portals.md T42, T46). Pages counted from
    a total (TRS, VSB) are not probes.
    """
    request: scrapy.Request
    probe: bool = False
    handler: str = "listing"


class Family:
    """The generic behaviour; CMS families override the parts that differ."""

    name = "generic"
    #: regexes on the page source or URL that identify the family
    fingerprints: tuple[re.Pattern, ...] = ()
    #: regexes on the page source that show the family's list machinery (the page is a list)
    lists: tuple[re.Pattern, ...] = ()
    #: the CMS's own article id in a URL (same under every column, post_/mpost_ ...)
    article_id: re.Pattern | None = None

    def detect(self, page: Page) -> bool:
        return any(p.search(page.url) or p.search(page.text) for p in self.fingerprints)

    def has_list(self, page: Page) -> bool:
        """Does the page carry this family's list machinery (a datastore, a JS pager, an API config)?"""
        return any(p.search(page.text) for p in self.lists)

    # -- listing -------------------------------------------------------------------
    def listing(self, page: Page) -> Iterable[object]:
        """Anchors as entries, path-fenced sub-columns, `<a>` pagers."""
        yield from page.entries
        yield from self.subcolumns(page)
        yield from self.pager(page)

    def subcolumns(self, page: Page) -> Iterator[ListPage]:
        """Per-year and per-unit sub-columns: short labels under this column's path (not the site root)."""
        prefix = column_prefix(page.url)
        if prefix == "/":
            return
        for url, text in page.links:
            path = urlsplit(url).path
            if (url != page.url and path.startswith(prefix) and path != prefix
                    and 0 < len(text) <= 16 and not PAGER.match(text) and not avoided(text, url)
                    and not is_document_link(url, text) and not ARTICLE_FILE.search(path)):
                yield ListPage(scrapy.Request(url))

    def pager(self, page: Page) -> Iterator[ListPage]:
        """`<a>` pagers (下一页, page numbers) within this column's path, as probes."""
        prefix = column_prefix(page.url)
        for url in page.pagers:
            if urlsplit(url).path.startswith(prefix):
                yield ListPage(scrapy.Request(url), probe=True)


# A file name with a long number or a hex id is an article, not a sub-column (19-digit snowflake, 32-hex UUID).
ARTICLE_FILE = re.compile(r"/[^/]*(\d{5,}|[0-9a-f]{16,})[^/]*\.\w+$", re.I)
#: paging parameters generic endpoints use, most specific first
PAGE_PARAMS = ("currpage", "curpage", "cur_page", "currentpage", "pageno", "pagenum", "pageindex", "page", "p")


def column_prefix(url: str) -> str:
    """`/a/b/index.html` -> `/a/b/`; `/a/b.htm` -> `/a/b` (VSB keeps pages in `/a/b/N.htm`)."""
    path = urlsplit(url).path or "/"
    head, _, name = path.rpartition("/")
    if not name or name.startswith(("index", "list", "default")):
        return head + "/"
    return path.rsplit(".", 1)[0] if "." in name else path + "/"


def next_by_query(url: str, param: str) -> ListPage:
    """The same list with `param` (cur_page, pageIndex …) one higher: a probe."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query[param] = str(int(query.get(param) or 1) + 1)
    return ListPage(scrapy.Request(urlunsplit(parts._replace(query=urlencode(query)))), probe=True)


def bump(fields: dict) -> dict | None:
    """The next page of a list's parameters: a page number, a record window, or a page
    number inside a nested or JSON-string parameter (JPaaS `paramJson`); None when none is there."""
    lower = {key.lower(): key for key in fields if isinstance(key, str)}
    if "startrecord" in lower and "endrecord" in lower:
        start, end = int(fields[lower["startrecord"]] or 1), int(fields[lower["endrecord"]] or 0)
        if end >= start:
            return {**fields, lower["startrecord"]: str(end + 1), lower["endrecord"]: str(2 * end - start + 1)}
    for name in PAGE_PARAMS:
        key = lower.get(name)
        value = fields.get(key) if key else None
        if isinstance(value, int) and not isinstance(value, bool):
            return {**fields, key: value + 1}
        if isinstance(value, str) and value.isdigit():
            return {**fields, key: str(int(value) + 1)}
    for key, value in fields.items():
        if isinstance(value, dict):
            moved = bump(value)
            if moved:
                return {**fields, key: moved}
        elif isinstance(value, str) and value.startswith("{"):
            try:
                inner = json.loads(value)
            except ValueError:
                continue
            moved = bump(inner) if isinstance(inner, dict) else None
            if moved:
                return {**fields, key: json.dumps(moved, ensure_ascii=False)}
    return None


def next_page(request: scrapy.Request) -> scrapy.Request | None:
    """The request for the next page of a list endpoint (query, form or JSON body), or None."""
    parts = urlsplit(request.url)
    moved = bump(dict(parse_qsl(parts.query, keep_blank_values=True)))
    if moved:
        return request.replace(url=urlunsplit(parts._replace(query=urlencode(moved))))
    body = request.body.decode("utf-8", "replace").strip()
    if body.startswith("{"):
        try:
            data = json.loads(body)
        except ValueError:
            return None
        moved = bump(data) if isinstance(data, dict) else None
        return request.replace(body=json.dumps(moved, ensure_ascii=False)) if moved else None
    moved = bump(dict(parse_qsl(body, keep_blank_values=True))) if body else None
    return request.replace(body=urlencode(moved)) if moved else None


def state(page: Page) -> dict:
    """The family's paging state carried by an API request (empty under `scrapy parse`)."""
    return page.meta.get(API_STATE) or {}


__all__ = ["Entry", "Family", "ListPage", "Page", "column_prefix", "next_by_query", "next_page", "state"]

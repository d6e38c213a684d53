"""Hanweb 大汉 JCMS, its 信息公开 module and JPaaS (portals.md §2.2, §2.9, F2).

Three list mechanisms share the family:
- jpage: a column page `/col/col<id>/index.html` embeds its first page as XML
  inside `<script type="text/xml"><datastore>`; records are HTML in CDATA, so an
  HTML parser never sees their links (hanweb_4.html). Later pages come from
  `dataproxy.jsp` as record windows (startrecord/endrecord); some builds give
  no totals, so windows are probes that stop when they bring nothing new (hanweb_2.html).
- the 信息公开 module: the column page names `/module/xxgk/tree.jsp?area=…`;
  rows come from `POST /module/xxgk/search.jsp` (form fields, `currpage`, "共N页";
  GET answers 405). It is area-wide, not column-filtered: the titles decide. Rows
  may be the report file itself (`downfile.jsp…pdf`) or a page known only by its
  query string (`xxgkAnnualReport.jsp?area=…&fbtime=…`).
- JPaaS: `/api-gateway/jpaas-publish-server/front/page/build/unit` answers JSON
  `{"data": {"html": …}}`; its ids (webId, pageId, tplSetId, tagId) sit in the
  column page (`queryData`), and the page number only counts inside `paramJson`.
The same article appears under several columns (`art_<col>_<id>`): the article id alone identifies it.
"""
from __future__ import annotations

import html
import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import scrapy

from ..meta import API_STATE
from ..page import Page
from .base import Family, ListPage, state

_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=['\"]([^'\"]+)['\"]", re.S)
_JPAGE = re.compile(r"\.jpage\(\s*\{(.*?)\}\s*\)", re.S)
_CONFIG_VALUE = r"\b{}\s*:\s*['\"]?([^,'\"}}]+)"
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
PROXY = "/module/web/jpage/dataproxy.jsp"
_AJAX_FIELDS = ("col", "appid", "webid", "path", "columnid", "unitid", "webname", "permissiontype")

XXGK_SEARCH = "/module/xxgk/search.jsp"
_XXGK = re.compile(r"/module/xxgk/(?:tree|search)\.jsp")
_XXGK_QUERY = re.compile(r"/module/xxgk/(?:search|tree)\.jsp\?([^\"'\s<>]+)")
_XXGK_FIELDS = ("infotypeId", "jdid", "area", "divid", "sortfield", "standardXxgk", "isAllList", "texttype",
                "fbtime", "vc_all", "vc_filenumber", "vc_title", "vc_number")
_PAGES = re.compile(r"共\s*(\d+)\s*页")
_COLUMN_ID = re.compile(r"/col/col(\d+)/")

JPAAS_UNIT = "/api-gateway/jpaas-publish-server/front/page/build/unit"
_JPAAS_KEYS = ("webId", "pageId", "tplSetId", "tagId")
_JPAAS_QUERY = re.compile(r"jpaas-publish-server/front/page/build/unit\?([^\"'\s<>]+)")
_KEY_VALUE = r"""["']?\b{}\b["']?\s*[:=]\s*["'](?!\+)([^"']+)["']"""  # not a `'+var+'` concatenation
JPAAS_PAGE_SIZE = 15


class Hanweb(Family):
    name = "hanweb"
    fingerprints = (
        re.compile(r"/module/(web/jpage|jslib|xxgk)/"),
        re.compile(r"<datastore>"),
        re.compile(r"ZJEG_RSS|name=['\"]?Maketime"),
        re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html"),
        re.compile(r"jpaas-publish-server|\bqueryData\s*="),
    )
    lists = (re.compile(r"<datastore>|\.jpage\("), _XXGK, re.compile(r"jpaas-publish-server|\bqueryData\s*="))
    article_id = re.compile(r"/art_\d+_(\d+)\.html")
    window = 45  # perpage 15 × groupSize 3, what jpage itself asks for

    def listing(self, page: Page):
        yield from super().listing(page)  # the embedded first page is among the page's entries
        form = self.proxy_form(page)
        if form:
            yield self.window_request(page, form, start=1)
        xxgk = self.xxgk_form(page)
        if xxgk is not None:
            yield self.xxgk_request(page.urljoin(XXGK_SEARCH), xxgk, 1, referer=page.url)
        jpaas = self.jpaas_query(page)
        if jpaas is not None:
            yield self.jpaas_request(*jpaas, 1, referer=page.url)

    # -- jpage / dataproxy.jsp -------------------------------------------------------
    def dataproxy(self, page: Page):
        """One window of records; ask for the next while windows bring news."""
        yield from page.entries
        form = state(page).get("form")
        end = state(page).get("end", self.window)
        total = _TOTAL.search(page.text)
        if form and page.entries and (not total or end < int(total.group(1))):
            yield self.window_request(page, form, start=end + 1)

    def proxy_form(self, page: Page) -> dict | None:
        """Form fields for dataproxy.jsp from `<nextgroup>` or an old `jpage({... ajaxParam})`."""
        nextgroup = _NEXTGROUP.search(page.text)
        if nextgroup:
            query = urlsplit(nextgroup.group(1).replace("&amp;", "&")).query
            fields = dict(parse_qsl(query))
            fields.pop("page", None)
            return {"proxy": PROXY, **fields}
        config = _JPAGE.search(page.text)
        if config and "messageController" not in config.group(1):
            body = config.group(1)
            fields = {}
            for name in ("proxyUrl",) + _AJAX_FIELDS:
                value = re.search(_CONFIG_VALUE.format(name), body)
                if value:
                    fields[name] = value.group(1).strip()
            return {"proxy": fields.pop("proxyUrl", PROXY), **fields}
        return None

    def window_request(self, page: Page, form: dict, start: int) -> ListPage:
        end = start + self.window - 1
        fields = {k: v for k, v in form.items() if k != "proxy"}
        fields.setdefault("col", "1")
        fields.setdefault("appid", "1")
        url = page.urljoin(form["proxy"]) + "?" + urlencode({"startrecord": start, "endrecord": end, "perpage": 15})
        request = scrapy.FormRequest(url, formdata=fields, meta={API_STATE: {"form": form, "end": end}})
        return ListPage(request, probe=True, handler="dataproxy")

    # -- 信息公开 module: POST search.jsp ------------------------------------------------
    def xxgk_form(self, page: Page) -> dict | None:
        """The search.jsp form of a 信息公开 module page, from the URLs, script values and
        inputs it carries (tree.jsp?area=…, infotypeId, jdid, divid …); None elsewhere."""
        if page.kind != "html" or not _XXGK.search(page.text):
            return None
        text = html.unescape(page.text)
        fields: dict[str, str] = {}
        for query in _XXGK_QUERY.findall(text):
            for name, value in parse_qsl(query, keep_blank_values=True):
                if value or name not in fields:
                    fields[name] = value
        for name in _XXGK_FIELDS:
            if fields.get(name):
                continue
            value = (page.selector.xpath(f"//input[@name='{name}']/@value").get()
                     or _search(_KEY_VALUE.format(name), text))
            if value is not None:
                fields[name] = value
        if not fields.get("area"):  # the search.jsp URL is built by concatenation: `…'+'&area=<code>'`
            fields["area"] = _search(r"[?&]area=([0-9A-Za-z-]+)", text) or ""
        if not fields.get("divid"):  # loadDynamic(url, 'div<n>', …) names the div the rows fill
            fields["divid"] = _search(r"""loadDynamic\([^;]*?,\s*["'](div\w*)["']""", text) or ""
        column = _COLUMN_ID.search(page.url)
        if column and not fields["divid"]:
            fields["divid"] = f"div{column.group(1)}"
        for name in ("infotypeId", "jdid", "area", "vc_title", "vc_number", "vc_filenumber", "vc_all",
                     "texttype", "fbtime"):
            fields.setdefault(name, "")
        fields.pop("currpage", None)
        return fields

    def xxgk_request(self, url: str, form: dict, number: int, referer: str) -> ListPage:
        request = scrapy.FormRequest(url, formdata={**form, "currpage": str(number)},
                                     headers={"Referer": referer, "X-Requested-With": "XMLHttpRequest"},
                                     meta={API_STATE: {"form": form, "page": number, "referer": referer}})
        return ListPage(request, probe=number > 1, handler="xxgk_search")

    def xxgk_search(self, page: Page):
        """Rows of one search.jsp page; the next page up to "共N页" (or while pages bring news)."""
        yield from page.entries
        known = state(page)
        if not known.get("form"):
            return
        number = known["page"]
        total = _PAGES.search(page.text)
        if (int(total.group(1)) > number) if total else bool(page.entries):
            yield self.xxgk_request(page.url.split("?")[0], known["form"], number + 1, known["referer"])

    # -- JPaaS unit API -------------------------------------------------------------------
    def jpaas_query(self, page: Page) -> tuple[str, dict] | None:
        """(endpoint, query) of a JPaaS column page: the `unitbuild.js` tag's `url` and `queryData`
        (jpaas_1.html), or build/unit URLs and webId/pageId/tplSetId values in its scripts; None elsewhere."""
        if page.kind != "html" or not re.search(r"jpaas|querydata|tplSetId", page.text, re.I):
            return None
        for tag in page.selector.xpath("//script[contains(@src, 'unitbuild')][@querydata]"):
            fields = _loose_object(tag.attrib["querydata"])
            if fields:
                return page.urljoin(tag.attrib.get("url") or JPAAS_UNIT), _jpaas_defaults(fields)
        text = html.unescape(page.text)
        fields: dict[str, str] = {}
        for query in _JPAAS_QUERY.findall(text):
            fields.update((k, v) for k, v in parse_qsl(query) if k != "paramJson")
        for name in _JPAAS_KEYS:
            if name not in fields:
                value = _search(_KEY_VALUE.format(name), text)
                if value:
                    fields[name] = value
        if not {"webId", "pageId", "tplSetId"} <= fields.keys():
            return None
        return page.urljoin(JPAAS_UNIT), _jpaas_defaults(fields)

    def jpaas_request(self, url: str, query: dict, number: int, referer: str) -> ListPage:
        param = json.dumps({"pageNo": number, "pageSize": str(JPAAS_PAGE_SIZE)}, separators=(",", ":"))
        request = scrapy.Request(url.split("?")[0] + "?" + urlencode({**query, "paramJson": param}),
                                 headers={"Referer": referer},
                                 meta={API_STATE: {"query": query, "page": number, "referer": referer}})
        return ListPage(request, probe=number > 1, handler="jpaas_unit")

    def jpaas_unit(self, page: Page):
        """One page of a JPaaS unit (`data.html`); the next while pages bring news."""
        yield from page.entries
        known = state(page)
        if known.get("query") and page.entries:
            yield self.jpaas_request(page.url, known["query"], known["page"] + 1, known["referer"])


def _jpaas_defaults(fields: dict) -> dict:
    return {"parseType": "bulidstatic", "pageType": "column", **fields}


def _loose_object(text: str) -> dict:
    """`{'webId':'3517','pageId':'1229400002'}` (single-quoted JSON, as live pages write queryData)."""
    return {key: value for key, value in re.findall(r"""["']([\w$]+)["']\s*:\s*["']([^"']*)["']""", text)}


def _search(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text)
    return match.group(1) if match else None

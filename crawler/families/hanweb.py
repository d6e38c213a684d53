"""Hanweb 大汉 JCMS / jpage (portals.md §2.2, F2).

A column page `/col/col<id>/index.html` embeds its first page as XML inside
`<script type="text/xml"><datastore>`; records are HTML fragments in CDATA, so an
HTML parser never sees their links (hanweb_4.html). Later pages come from
`/module/web/jpage/dataproxy.jsp` as record windows (startrecord/endrecord);
some builds give no totals, so windows are probes that stop on an empty or
repeated recordset (hanweb_2.html). The same article appears under several
columns (`art_<col>_<id>`): the article id alone identifies it.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import scrapy
from parsel import Selector

from .base import Family, ListPage, cdata_fragments

_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=['\"]([^'\"]+)['\"]", re.S)
_JPAGE = re.compile(r"\.jpage\(\s*\{(.*?)\}\s*\)", re.S)
_CONFIG_VALUE = r"\b{}\s*:\s*['\"]?([^,'\"}}]+)"
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
_DATASTORE = re.compile(r"<datastore>.*?</datastore>", re.S)
PROXY = "/module/web/jpage/dataproxy.jsp"
_AJAX_FIELDS = ("col", "appid", "webid", "path", "columnid", "unitid", "webname", "permissiontype")


class Hanweb(Family):
    name = "hanweb"
    fingerprints = (
        re.compile(r"/module/(web/jpage|jslib)/"),
        re.compile(r"<datastore>"),
        re.compile(r"ZJEG_RSS|name=['\"]?Maketime"),
        re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html"),
    )
    article_id = re.compile(r"/art_\d+_(\d+)\.html")
    window = 45  # perpage 15 × groupSize 3, what jpage itself asks for

    def listing(self, response):
        yield from super().listing(response)
        store = _DATASTORE.search(response.text)
        if store:
            yield from self.records(store.group(0), response)
        form = self.proxy_form(response)
        if form:
            yield self.window_request(response, form, start=1)

    def dataproxy(self, response):
        """One window of records; ask for the next while windows bring news."""
        yield from self.records(response.text, response)
        form = dict(response.meta["hanweb_form"])
        end = response.meta["hanweb_end"]
        total = _TOTAL.search(response.text)
        if cdata_fragments(response.text) and (not total or end < int(total.group(1))):
            yield self.window_request(response, form, start=end + 1)

    def records(self, xml: str, response):
        for fragment in cdata_fragments(xml):
            yield from self.entries_from(Selector(text=fragment), response)

    def proxy_form(self, response) -> dict | None:
        """Form fields for dataproxy.jsp from `<nextgroup>` or an old `jpage({... ajaxParam})`."""
        nextgroup = _NEXTGROUP.search(response.text)
        if nextgroup:
            query = urlsplit(nextgroup.group(1).replace("&amp;", "&")).query
            fields = dict(parse_qsl(query))
            fields.pop("page", None)
            return {"proxy": PROXY, **fields}
        config = _JPAGE.search(response.text)
        if config:
            body = config.group(1)
            fields = {}
            for name in ("proxyUrl",) + _AJAX_FIELDS:
                value = re.search(_CONFIG_VALUE.format(name), body)
                if value:
                    fields[name] = value.group(1).strip()
            return {"proxy": fields.pop("proxyUrl", PROXY), **fields}
        return None

    def window_request(self, response, form: dict, start: int) -> ListPage:
        end = start + self.window - 1
        fields = {k: v for k, v in form.items() if k != "proxy"}
        fields.setdefault("col", "1")
        fields.setdefault("appid", "1")
        url = response.urljoin(form["proxy"]) + "?" + urlencode(
            {"startrecord": start, "endrecord": end, "perpage": 15})
        request = scrapy.FormRequest(url, formdata=fields,
                                     meta={"hanweb_form": form, "hanweb_end": end})
        return ListPage(request, probe=True, handler="dataproxy")

"""Give every text response the charset its bytes are really in (libraries.md, portals.md §5).

Scrapy believes a `charset=utf-8` header over the page; a GBK body then turns
into U+FFFD before any middleware or callback reads it. The decision which
charset a body is in has one home, parsers.html.decode_as; this middleware only
applies it, so Scrapy's own readers (meta refresh, soft-404 checks) see the same
text as the page reader.
"""
from __future__ import annotations

from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse

from parsers.html import charset_name, decode_as


class CharsetMiddleware:
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("CHARSET_FIX_ENABLED"):
            raise NotConfigured
        return cls()

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse) or response.body.isascii():
            return response
        _, charset = decode_as(response.body, response.encoding)
        if charset == charset_name(response.encoding):
            return response
        return response.replace(encoding=charset)

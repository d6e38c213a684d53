"""Re-decode GBK bodies mislabelled UTF-8 (or unlabelled) as GB18030 (libraries.md).

Scrapy believes a `charset=utf-8` header over the page; a GBK body then turns
into U+FFFD. A body that is not valid UTF-8 but is valid GB18030 is GB18030.
"""
from __future__ import annotations

from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse

_GB = ("gb18030", "gbk", "gb2312", "cp936")


class CharsetMiddleware:
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("CHARSET_FIX_ENABLED"):
            raise NotConfigured
        return cls()

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse) or response.encoding.lower() in _GB:
            return response
        try:
            response.body.decode("utf-8")
            return response
        except UnicodeDecodeError:
            pass
        try:
            response.body.decode("gb18030")
        except UnicodeDecodeError:
            return response
        return response.replace(encoding="gb18030")

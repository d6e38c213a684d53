"""A 200 page that says 页面不存在 is a 404 (flagged `soft-404` for the error report)."""
from __future__ import annotations

import re

from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse

_SOFT_404 = re.compile(r"页面不存在|页面未找到|找不到(该|您要访问的)?页面|页面已删除|信息不存在|404\s*(Not Found|错误)|您访问的页面")


class Soft404Middleware:
    def __init__(self, max_size: int):
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("SOFT_404_ENABLED"):
            raise NotConfigured
        return cls(crawler.settings.getint("SOFT_404_MAX_SIZE"))

    def process_response(self, request, response, spider=None):
        if response.status != 200 or not isinstance(response, HtmlResponse) or len(response.body) > self.max_size:
            return response
        head = " ".join(response.xpath("//title//text() | //h1//text() | //body//text()[not(ancestor::script)]")
                        .getall()[:40])
        if _SOFT_404.search(head):
            return response.replace(status=404, flags=response.flags + ["soft-404"])
        return response

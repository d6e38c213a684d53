"""Follow tiny JS shells (`location.replace('…')`), common as 街镇 column entries."""
from __future__ import annotations

import re

from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse

_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*['"]([^'"]+)['"]""")


class JsRedirectMiddleware:
    def __init__(self, max_size: int, max_times: int):
        self.max_size, self.max_times = max_size, max_times

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("JS_REDIRECT_ENABLED"):
            raise NotConfigured
        return cls(crawler.settings.getint("JS_REDIRECT_MAX_SIZE"), crawler.settings.getint("REDIRECT_MAX_TIMES"))

    def process_response(self, request, response, spider=None):
        if response.status != 200 or not isinstance(response, TextResponse) or len(response.body) > self.max_size:
            return response
        match = _JS_REDIRECT.search(response.text)
        times = request.meta.get("redirect_times", 0) + 1
        if not match or "location.pathname" in match.group(0) or times > self.max_times:
            return response
        target = response.urljoin(match.group(1))
        if target == response.url:
            return response
        meta = {**request.meta, "redirect_times": times,
                "redirect_urls": request.meta.get("redirect_urls", []) + [request.url]}
        return request.replace(url=target, meta=meta)

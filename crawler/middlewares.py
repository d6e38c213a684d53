"""Small downloader middlewares, one fault of real portals each (portals.md §5).

Each is switched on in settings.DOWNLOADER_MIDDLEWARES and can be disabled there
or with its own setting.
"""
from __future__ import annotations

import asyncio
import re
from collections import Counter
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, TextResponse

from .discovery import Fence

_GB = ("gb18030", "gbk", "gb2312", "cp936")
_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*['"]([^'"]+)['"]""")
_SOFT_404 = re.compile(r"页面不存在|页面未找到|找不到(该|您要访问的)?页面|页面已删除|信息不存在|404\s*(Not Found|错误)|您访问的页面")


class FenceMiddleware:
    """Drop requests (redirect targets included) outside the seed's domain fence."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_request(self, request, spider=None):
        root = request.meta.get("fence")
        if root and not Fence(root).admits(request.url):
            self.stats.inc_value("fence/dropped")
            raise IgnoreRequest(f"outside the fence of {root}")


class CharsetMiddleware:
    """Re-decode GBK bodies mislabelled UTF-8 (or unlabelled) as GB18030 (libraries.md).

    Scrapy believes a `charset=utf-8` header over the page; a GBK body then turns
    into U+FFFD. A body that is not valid UTF-8 but is valid GB18030 is GB18030.
    """

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("CHARSET_FIX_ENABLED", True):
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


class JsRedirectMiddleware:
    """Follow tiny JS shells (`location.replace('…')`), common as 街镇 column entries."""

    def __init__(self, max_size, max_times):
        self.max_size, self.max_times = max_size, max_times

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("JS_REDIRECT_ENABLED", True):
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


class RedirectLoopMiddleware:
    """A redirect back to a URL of its own chain is a loop: fail it visibly.

    Without this the scheduler's duplicate filter drops the looping request
    silently and the document vanishes from both output files.
    """

    def process_response(self, request, response, spider=None):
        location = response.headers.get("Location")
        if 300 <= response.status < 400 and location:
            target = response.urljoin(location.decode("latin-1"))
            if target == request.url or target in request.meta.get("redirect_urls", []):
                raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        return response


class Soft404Middleware:
    """A 200 page that says 页面不存在 is a 404 (flagged `soft-404` for the error report)."""

    def __init__(self, max_size):
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getint("SOFT_404_MAX_SIZE"))

    def process_response(self, request, response, spider=None):
        if response.status != 200 or not isinstance(response, HtmlResponse) or len(response.body) > self.max_size:
            return response
        head = " ".join(response.xpath("//title//text() | //h1//text() | //body//text()[not(ancestor::script)]")
                        .getall()[:40])
        if _SOFT_404.search(head):
            return response.replace(status=404, flags=response.flags + ["soft-404"])
        return response


class RetryAfterMiddleware:
    """Wait what a 429/503 Retry-After asks (capped) before RetryMiddleware retries."""

    def __init__(self, cap):
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getfloat("RETRY_AFTER_MAX"))

    async def process_response(self, request, response, spider=None):
        value = response.headers.get("Retry-After", b"").decode("latin-1").strip()
        if response.status in (429, 503) and value.isdigit():
            await asyncio.sleep(min(float(value), self.cap))
        return response


class BlockedHostMiddleware:
    """After a few anti-bot answers (521 加速乐, 412 瑞数, 403) stop asking that host."""

    blocked_statuses = (403, 412, 521)

    def __init__(self, stats, limit):
        self.stats, self.limit = stats, limit
        self.counts: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getint("BLOCKED_HOST_LIMIT"))

    def process_request(self, request, spider=None):
        host = urlsplit(request.url).hostname
        if self.counts[host] >= self.limit:
            self.stats.inc_value("blocked/skipped")
            raise IgnoreRequest(f"host {host} blocked the crawler {self.counts[host]} times")

    def process_response(self, request, response, spider=None):
        if response.status in self.blocked_statuses:
            self.counts[urlsplit(request.url).hostname] += 1
            self.stats.inc_value(f"blocked/http_{response.status}")
        return response

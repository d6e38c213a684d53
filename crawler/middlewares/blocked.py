"""After a few anti-bot answers (521 加速乐, 412 瑞数, 403) stop asking that host."""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

from ..failures import ANTI_BOT_STATUSES, HostBlocked


class BlockedHostMiddleware:
    def __init__(self, stats, limit: int):
        self.stats, self.limit = stats, limit
        self.counts: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("BLOCKED_HOST_ENABLED"):
            raise NotConfigured
        return cls(crawler.stats, crawler.settings.getint("BLOCKED_HOST_LIMIT"))

    def process_request(self, request, spider=None):
        host = urlsplit(request.url).hostname
        if self.counts[host] >= self.limit:
            self.stats.inc_value("blocked/skipped")
            raise HostBlocked(f"host {host} blocked the crawler {self.counts[host]} times")

    def process_response(self, request, response, spider=None):
        if response.status in ANTI_BOT_STATUSES:
            self.counts[urlsplit(request.url).hostname] += 1
            self.stats.inc_value(f"blocked/http_{response.status}")
        return response

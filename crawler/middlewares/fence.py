"""Drop requests (redirect targets included) outside the seed's domain fence.

A request without a fence in its meta (`scrapy parse URL`, `scrapy fetch`) is the
user's own and passes; an empty fence (a seed without a host) admits nothing."""
from __future__ import annotations

from scrapy.exceptions import NotConfigured

from ..discovery import Fence
from ..failures import OutsideFence
from ..meta import FENCE


class FenceMiddleware:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("FENCE_ENABLED"):
            raise NotConfigured
        return cls(crawler.stats)

    def process_request(self, request, spider=None):
        root = request.meta.get(FENCE)
        if root is not None and not Fence(root).admits(request.url):
            self.stats.inc_value("fence/dropped")
            raise OutsideFence(f"outside the fence of {root}")

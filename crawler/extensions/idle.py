"""IdleWorkers: a distributed worker whose queue ran dry waits REDIS_IDLE_CLOSE seconds before closing,
because another worker may still be adding requests to the shared queue."""
from __future__ import annotations

import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured


class IdleWorkers:
    def __init__(self, wait: float):
        self.wait = wait
        self.active = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        extension = cls(crawler.settings.getfloat("REDIS_IDLE_CLOSE"))
        crawler.signals.connect(extension.busy, signal=signals.response_received)
        crawler.signals.connect(extension.idle, signal=signals.spider_idle)
        return extension

    def busy(self, response=None, request=None, spider=None):
        self.active = time.monotonic()

    def idle(self, spider=None):
        if time.monotonic() - self.active < self.wait:
            raise DontCloseSpider

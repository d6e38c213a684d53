"""Wait what a 429/503 Retry-After asks (capped) before RetryMiddleware retries."""
from __future__ import annotations

import asyncio

from scrapy.exceptions import NotConfigured


class RetryAfterMiddleware:
    def __init__(self, cap: float):
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("RETRY_AFTER_ENABLED"):
            raise NotConfigured
        return cls(crawler.settings.getfloat("RETRY_AFTER_MAX"))

    async def process_response(self, request, response, spider=None):
        value = response.headers.get("Retry-After", b"").decode("latin-1").strip()
        if response.status in (429, 503) and value.isdigit():
            await asyncio.sleep(min(float(value), self.cap))
        return response

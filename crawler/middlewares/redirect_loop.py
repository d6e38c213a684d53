"""A redirect back to a URL of its own chain is a loop: fail it visibly.

Without this the scheduler's duplicate filter drops the looping request
silently and the document vanishes from both output files.
"""
from __future__ import annotations

from scrapy.exceptions import NotConfigured

from ..failures import RedirectLoop


class RedirectLoopMiddleware:
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("REDIRECT_LOOP_ENABLED"):
            raise NotConfigured
        return cls()

    def process_response(self, request, response, spider=None):
        location = response.headers.get("Location")
        if 300 <= response.status < 400 and location:
            target = response.urljoin(location.decode("latin-1"))
            if target == request.url or target in request.meta.get("redirect_urls", []):
                raise RedirectLoop(f"redirect loop: {request.url} -> {target}")
        return response

"""Replay saved pages (real samples, farm pages) into the page reader and family modules, without a network."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from scrapy.http import Headers, Request
from scrapy.responsetypes import responsetypes

from crawler.families import Entry, ListPage
from crawler.page import Page

from farm.model import Farm

SAMPLES = Path(__file__).resolve().parent / "files" / "portal_html"


@lru_cache(maxsize=1)
def farm() -> Farm:
    """The scale-1 farm, built once per test process."""
    from farm import build
    return build(1)


def sample(name: str, url: str, meta: dict | None = None, headers: dict | None = None) -> Page:
    """A saved page from tests/files/portal_html as if served from `url`."""
    return Page(response(url, (SAMPLES / name).read_bytes(), headers or {"Content-Type": "text/html; charset=utf-8"},
                         meta=meta))


def response(url: str, body: bytes, headers: dict, method: str = "GET", request_body: bytes = b"",
             meta: dict | None = None, status: int = 200):
    """A Scrapy response of the class Scrapy would pick for these headers, with its request."""
    request = Request(url, method=method, body=request_body, meta=meta or {})
    kind = responsetypes.from_args(headers=Headers(headers), url=url, body=body)
    return kind(url, status=status, body=body, headers=headers, request=request)


def farm_page(url: str, method: str = "GET", body: bytes = b"", meta: dict | None = None,
              headers: dict | None = None) -> Page:
    """What the farm answers for `url` (static page or API handler), as a read page."""
    route = farm().resolve(method, url, body, {k.lower(): v for k, v in (headers or {}).items()})
    return Page(response(url, route.body, dict(route.headers), method, body, meta, route.status))


def farm_answer(request: Request) -> Page:
    """What the farm answers to a request a family built (its method, body, headers and meta)."""
    headers = {name.decode(): values[0].decode() for name, values in request.headers.items()}
    return farm_page(request.url, request.method, request.body, request.meta, headers)


def split(outputs) -> tuple[list[Entry], list[ListPage]]:
    outputs = list(outputs)
    return ([o for o in outputs if isinstance(o, Entry)], [o for o in outputs if isinstance(o, ListPage)])


SPIDER_LIMITS = ("SITE_MAX_PAGES", "PAGE_MAX_LINKS", "NAV_MAX_HOPS", "COLUMN_MAX_DEPTH")


def spider(settings: dict | None = None, **arguments):
    """A `reports` spider with a crawler (stats, settings, fingerprints), for calling callbacks directly."""
    from scrapy.utils.test import get_crawler

    from crawler import settings as project
    from crawler.spiders.reports import ReportsSpider

    limits = {name: getattr(project, name) for name in SPIDER_LIMITS}
    crawler = get_crawler(ReportsSpider, {**limits, **(settings or {})})
    crawler.spider = ReportsSpider.from_crawler(crawler, **arguments)
    return crawler.spider

"""Replay saved pages (real samples, farm pages) into family modules, without a network."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.families import Entry, ListPage

from farm.model import Farm

SAMPLES = Path(__file__).resolve().parent / "files" / "portal_html"


@lru_cache(maxsize=1)
def farm() -> Farm:
    """The scale-1 farm, built once per test process."""
    from farm import build
    return build(1)


def sample(name: str, url: str) -> HtmlResponse:
    """A real page from tests/files/portal_html as if served from `url`."""
    return HtmlResponse(url, body=(SAMPLES / name).read_bytes(), encoding="utf-8")


def farm_response(url: str, method: str = "GET", body: bytes = b"", meta: dict | None = None):
    """What the farm answers for `url` (static page or API handler), as a Scrapy response."""
    route = farm().resolve(method, url, body)
    headers = dict(route.headers)
    request = Request(url, method=method, body=body, meta=meta or {})
    kind = HtmlResponse if "html" in headers.get("Content-Type", "text/html") else TextResponse
    return kind(url, status=route.status, body=route.body, headers=headers, request=request)


def split(outputs) -> tuple[list[Entry], list[ListPage]]:
    outputs = list(outputs)
    return ([o for o in outputs if isinstance(o, Entry)], [o for o in outputs if isinstance(o, ListPage)])

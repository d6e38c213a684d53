"""Spider contracts that need no network: `scrapy check reports` replays saved pages.

`@replay <path under tests/files> <url>` serves the saved file (as a `file://`
request, so nothing leaves the machine) and hands the callback a response that
says it came from `<url>`, the address the page was captured at. Together with
Scrapy's own `@meta` and `@returns`, each callback is checked on real markup.
Enable with SPIDER_CONTRACTS = {"crawler.contracts.ReplayContract": 10}.
"""
from __future__ import annotations

from functools import wraps
from pathlib import Path

from scrapy.contracts import Contract

SAVED = Path(__file__).resolve().parents[1] / "tests" / "files"


class ReplayContract(Contract):
    """@replay portal_html/hanweb_4.html http://kjt.shandong.gov.cn/col/col103585/index.html"""

    name = "replay"

    def adjust_request_args(self, args: dict) -> dict:
        path, _ = self.args
        args["url"] = (SAVED / path).as_uri()
        return args

    def add_pre_hook(self, request, results):
        callback, url = request.callback, self.args[1]

        @wraps(callback)
        def replayed(response, **kwargs):
            return callback(response.replace(url=url), **kwargs)

        request.callback = replayed
        return request

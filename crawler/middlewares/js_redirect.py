"""Follow tiny JS shells (`location.replace('…')`), common as 街镇 column entries.

Only a statement the page runs as it loads counts: one in a `<script>`, outside any
function body (a small page's `function openClass(n){ location.href='list.asp?c='+n }`
runs on a click), with a whole literal target (not the head of a `'…' + n` concatenation).
"""
from __future__ import annotations

import re

from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse

_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*['"]([^'"]+)['"]"""
    r"""(?!\s*\+)""")
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_FUNCTION = re.compile(r"\bfunction\b[^{]*\{")


def loaded_code(text: str) -> str:
    """The page's inline scripts without their function bodies: what runs as the page loads."""
    code = []
    for script in _SCRIPT.findall(text):
        kept, position = "", 0
        for match in _FUNCTION.finditer(script):
            if match.start() < position:
                continue
            kept += script[position:match.start()]
            depth, position = 1, match.end()
            while position < len(script) and depth:
                depth += {"{": 1, "}": -1}.get(script[position], 0)
                position += 1
        code.append(kept + script[position:])
    return "\n".join(code)


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
        match = _JS_REDIRECT.search(loaded_code(response.text))
        times = request.meta.get("redirect_times", 0) + 1
        if not match or "location.pathname" in match.group(0) or times > self.max_times:
            return response
        target = response.urljoin(match.group(1))
        if target == response.url:
            return response
        meta = {**request.meta, "redirect_times": times,
                "redirect_urls": request.meta.get("redirect_urls", []) + [request.url]}
        return request.replace(url=target, meta=meta)

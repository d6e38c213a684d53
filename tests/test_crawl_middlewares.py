"""The fault middlewares and the spider's document helpers, on hand-made responses."""
import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response

from crawler.middlewares import (CharsetMiddleware, FenceMiddleware, JsRedirectMiddleware, RedirectLoopMiddleware,
                                 Soft404Middleware)
from crawler.spiders.reports import sniff_format

GBK_PAGE = "<html><head><title>政府信息公开年报</title></head><body>喆 — 體</body></html>".encode("gb18030")


def test_wrong_utf8_header_on_a_gbk_body_is_redecoded():
    response = HtmlResponse("http://x.gov.cn/", body=GBK_PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    assert "\ufffd" in response.text
    fixed = CharsetMiddleware().process_response(Request(response.url), response)
    assert fixed.xpath("//title/text()").get() == "政府信息公开年报" and "喆 — 體" in fixed.text


def test_utf8_pages_are_left_alone():
    response = HtmlResponse("http://x.gov.cn/", body="<p>年报</p>".encode(), headers={"Content-Type": "text/html"})
    assert CharsetMiddleware().process_response(Request(response.url), response) is response


def test_js_shell_is_followed_but_not_the_jiasule_reload():
    middleware = JsRedirectMiddleware(4096, 5)
    shell = HtmlResponse("http://xxgk.x.gov.cn/", body=b'<script>window.location.replace("/index.html");</script>')
    follow = middleware.process_response(Request(shell.url), shell)
    assert follow.url == "http://xxgk.x.gov.cn/index.html" and follow.meta["redirect_urls"] == [shell.url]
    reload = HtmlResponse("http://x.gov.cn/", body=b"<script>location.href=location.pathname+location.search</script>")
    assert middleware.process_response(Request(reload.url), reload) is reload


def test_soft_404_becomes_a_flagged_404():
    page = HtmlResponse("http://x.gov.cn/a.htm", body="<title>页面不存在</title><h1>对不起</h1>".encode())
    result = Soft404Middleware(8192).process_response(Request(page.url), page)
    assert result.status == 404 and "soft-404" in result.flags


def test_redirect_back_into_the_chain_is_a_loop():
    request = Request("http://x.gov.cn/b.html", meta={"redirect_urls": ["http://x.gov.cn/a.html"]})
    answer = Response(request.url, status=302, headers={"Location": "/a.html"})
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        RedirectLoopMiddleware().process_response(request, answer)


def test_fence_drops_requests_of_other_domains():
    class Stats:
        def inc_value(self, key):
            self.key = key
    stats = Stats()
    middleware = FenceMiddleware(stats)
    assert middleware.process_request(Request("http://xxgk.x.gov.cn/", meta={"fence": "x.gov.cn"})) is None
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request("http://www.gov-mirror-0.com/", meta={"fence": "x.gov.cn"}))
    assert stats.key == "fence/dropped"


@pytest.mark.parametrize("body, name, fmt", [
    (b"%PDF-1.7 ...", "a.pdf", "pdf"),
    (b"PK\x03\x04...", "报告.docx", "docx"),
    (b"PK\x03\x04...", "download.jsp", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "报告.wps", "wps"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None, "doc"),
    ("<html><body>文件不存在</body></html>".encode(), "a.pdf", None),  # an HTML error page for a file (T24)
])
def test_document_format_from_magic_bytes(body, name, fmt):
    assert sniff_format(body, name) == fmt

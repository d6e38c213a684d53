"""The fault middlewares and the spider's document helpers, on hand-made responses."""
from pathlib import Path

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response

from crawler.middlewares.charset import CharsetMiddleware
from crawler.middlewares.fence import FenceMiddleware
from crawler.middlewares.js_redirect import JsRedirectMiddleware
from crawler.middlewares.redirect_loop import RedirectLoopMiddleware
from crawler.middlewares.soft404 import Soft404Middleware
from crawler.spiders.reports import sniff_format

DOCUMENTS = Path(__file__).parent / "files" / "documents"

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
    with pytest.raises(IgnoreRequest):  # a seed without a host admits nothing
        middleware.process_request(Request("http://www.x.gov.cn/", meta={"fence": ""}))
    assert middleware.process_request(Request("http://www.x.gov.cn/")) is None  # the user's own (scrapy parse)


@pytest.mark.parametrize("file, name, fmt", [
    ("hzq2024.pdf", "a.pdf", "pdf"),
    ("seed000.docx", "报告.docx", "docx"),
    ("seed000.docx", "download.jsp", "docx"),
    ("seed000.doc", "报告.wps", "wps"),   # Word-97 bytes: the name breaks the doc/wps tie
    ("seed000.doc", None, "doc"),
])
def test_document_format_from_the_bytes(file, name, fmt):
    assert sniff_format((DOCUMENTS / file).read_bytes(), name) == fmt


@pytest.mark.parametrize("body", [
    "<html><body>文件不存在</body></html>".encode(),  # an HTML error page for a file (T24)
    b"PK\x03\x04 truncated",                           # a cut download
    b"",
])
def test_what_is_not_a_report_file_has_no_format(body):
    assert sniff_format(body, "a.pdf") is None


@pytest.mark.parametrize("path, setting", [
    ("crawler.middlewares.fence.FenceMiddleware", "FENCE_ENABLED"),
    ("crawler.middlewares.blocked.BlockedHostMiddleware", "BLOCKED_HOST_ENABLED"),
    ("crawler.middlewares.redirect_loop.RedirectLoopMiddleware", "REDIRECT_LOOP_ENABLED"),
    ("crawler.middlewares.charset.CharsetMiddleware", "CHARSET_FIX_ENABLED"),
    ("crawler.middlewares.js_redirect.JsRedirectMiddleware", "JS_REDIRECT_ENABLED"),
    ("crawler.middlewares.soft404.Soft404Middleware", "SOFT_404_ENABLED"),
    ("crawler.middlewares.retry_after.RetryAfterMiddleware", "RETRY_AFTER_ENABLED"),
    ("crawler.middlewares.parse.ParseMiddleware", "PARSE_ENABLED"),
    ("crawler.middlewares.accounting.AccountingMiddleware", "ACCOUNTING_ENABLED"),
    ("crawler.middlewares.conditional.ConditionalRequestMiddleware", "INCREMENTAL_ENABLED"),
])
def test_every_middleware_has_a_switch(path, setting, tmp_path):
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.exceptions import NotConfigured
    from scrapy.settings import Settings
    from scrapy.utils.misc import load_object

    from crawler import settings as project

    values = {name: getattr(project, name) for name in dir(project) if name.isupper()}
    assert values[setting] is True and path in {**project.DOWNLOADER_MIDDLEWARES, **project.SPIDER_MIDDLEWARES}
    crawler = Crawler(Spider, Settings({**values, setting: False, "OUTPUT_DIR": str(tmp_path)}))
    with pytest.raises(NotConfigured):
        load_object(path).from_crawler(crawler)


def test_a_script_that_opens_addresses_on_click_is_no_shell():
    """A small page whose functions set location.href on a click (an old ASP 信息公开 home), or whose
    button does, stays itself; a load-time redirect after such a function is still followed."""
    middleware = JsRedirectMiddleware(4096, 5)
    page = HtmlResponse("http://xxgk.x.gov.cn/index.asp", body=(
        "<script>function openClass(n){ window.location.href = 'list.asp?classid=' + n; }</script>"
        "<a href=\"javascript:void(0)\" onclick=\"openClass(12)\">政府信息公开年报</a>"
        "<input type=button onclick=\"location.href='/more.asp'\" value=\"更多\">").encode())
    assert middleware.process_response(Request(page.url), page) is page
    computed = HtmlResponse("http://x.gov.cn/", body=b"<script>location.href='/col/' + col + '/index.html';</script>")
    assert middleware.process_response(Request(computed.url), computed) is computed
    shell = HtmlResponse("http://x.gov.cn/", body=b"<script>function f(){ return 1; }\nlocation.replace('/new/');</script>")
    assert middleware.process_response(Request(shell.url), shell).url == "http://x.gov.cn/new/"

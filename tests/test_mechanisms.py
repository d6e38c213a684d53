"""The list mechanisms of issue #10, replayed on real markup (tests/files/portal_html, see PROVENANCE.md)
and on the farm's spec-derived answers where no real answer is public."""
import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from scrapy.http import Request
from twisted.internet.error import ConnectionRefusedError, DNSLookupError
from twisted.python.failure import Failure

from crawler.families import detect
from crawler.families.guangdong import Guangdong
from crawler.families.hanweb import Hanweb
from crawler.families.trs import Trs
from crawler.families.truecms import Truecms
from crawler.meta import API_STATE, FENCE, REDIRECT_URLS, ROLE, SITE
from crawler.page import filename_of
from tests.replay import SAMPLES, farm_answer, farm_page, response, sample, spider, split
from crawler.page import Page

JILIN = "http://jilin.chinatax.gov.cn/col/col13008/index.html?vc_xxgkarea=11220100MB1507524C&number="


# -- Hanweb 信息公开 module: POST search.jsp --------------------------------------------------------
def test_xxgk_shell_posts_search_jsp_with_its_area_and_div():
    page = sample("hanweb_xxgk_1.html", JILIN)
    assert detect(page).name == "hanweb" and Hanweb().has_list(page)
    (search,) = [p for p in split(Hanweb().listing(page))[1] if p.handler == "xxgk_search"]
    request = search.request
    assert request.method == "POST" and request.url == "http://jilin.chinatax.gov.cn/module/xxgk/search.jsp"
    form = dict(parse_qsl(request.body.decode(), keep_blank_values=True))
    assert form["area"] == "11220100MB1507524C" and form["divid"] == "div4" and form["currpage"] == "1"
    # the fields live crawlers send (hanweb_xxgk_requests.txt), none carrying a JS expression
    assert {"infotypeId", "jdid", "vc_title", "vc_number", "vc_filenumber", "vc_all", "texttype", "fbtime"} <= set(form)
    assert not any("encodeURI" in value or "+" in value for value in form.values())


def test_xxgk_search_pages_until_its_page_count_and_keeps_file_rows():
    shell = farm_page("http://www.xiaxi.gov.cn/col/col1229300001/index.html")
    (search,) = [p for p in split(Hanweb().listing(shell))[1] if p.handler == "xxgk_search"]
    answer = farm_answer(search.request)
    entries, (following,) = split(Hanweb().xxgk_search(answer))
    pages = int(answer.selector.css(".tb_title td::text").re_first(r"共(\d+)页"))
    assert len(entries) == 10 and pages > 1 and following.probe
    assert dict(parse_qsl(following.request.body.decode()))["currpage"] == "2"
    last = farm_page(search.request.url, "POST", following.request.body.replace(b"currpage=2", f"currpage={pages}".encode()),
                     meta={API_STATE: {**search.request.meta[API_STATE], "page": pages}})
    _, beyond = split(Hanweb().xxgk_search(last))
    assert beyond == []  # 共N页 says it ends here
    files = [e for p in range(1, pages + 1) for e in farm_xxgk_rows(search, p) if "downfile.jsp" in e.url]
    assert files and all(filename_of(e.url, e.title).endswith((".doc", ".pdf")) for e in files)


def farm_xxgk_rows(search, number):
    body = search.request.body.replace(b"currpage=1", f"currpage={number}".encode())
    return split(Hanweb().xxgk_search(farm_page(search.request.url, "POST", body)))[0]


def test_annual_report_module_pages_are_known_only_by_their_query():
    spider_ = spider()
    a = Request("http://www.xiaxi.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=A&fbtime=2023")
    b = Request("http://www.xiaxi.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=A&fbtime=2024")
    fingerprint = spider_.crawler.request_fingerprinter.fingerprint
    assert fingerprint(a) != fingerprint(b)


# -- Hanweb JPaaS ------------------------------------------------------------------------------------
def test_jpaas_tag_names_the_endpoint_and_its_query():
    page = sample("jpaas_1.html", "https://fzggw.zj.gov.cn/col/col1229123456/index.html")
    (unit,) = [p for p in split(Hanweb().listing(page))[1] if p.handler == "jpaas_unit"]
    url = urlsplit(unit.request.url)
    query = dict(parse_qsl(url.query))
    assert url.path == "/api-gateway/build"  # the tag's own `url` attribute
    assert query["tagId"] == "information" and json.loads(query["paramJson"]) == {"pageNo": 1, "pageSize": "15"}
    assert unit.request.headers["Referer"] == b"https://fzggw.zj.gov.cn/col/col1229123456/index.html"


def test_jpaas_ids_from_a_live_build_unit_url():
    """A column page whose script carries a real build/unit URL (jpaas_requests.txt, yantai)."""
    live = next(line.split()[0] for line in (SAMPLES / "jpaas_requests.txt").read_text(encoding="utf-8").splitlines()
                if line.startswith("https://hyj.yantai.gov.cn/"))
    body = f"<html><body><script>var api = '{live}';</script></body></html>".encode()
    page = Page(response("https://hyj.yantai.gov.cn/col/col1638/index.html", body, {"Content-Type": "text/html"}))
    endpoint, query = Hanweb().jpaas_query(page)
    assert endpoint == "https://hyj.yantai.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit"
    assert (query["webId"], query["pageId"], query["tplSetId"], query["tagId"]) == (
        "52", "1638", "MsPkwMwlYqOxItyOUpt7Y", "列表新闻")


def test_jpaas_pages_only_through_param_json():
    column = farm_page("http://www.sihe.gov.cn/col/col1229400002/index.html")
    (unit,) = [p for p in split(Hanweb().listing(column))[1] if p.handler == "jpaas_unit"]
    answer = farm_answer(unit.request)
    entries, (following,) = split(Hanweb().jpaas_unit(answer))
    assert len(entries) == 15 and all("/art/" in e.url for e in entries)
    assert json.loads(dict(parse_qsl(urlsplit(following.request.url).query))["paramJson"])["pageNo"] == 2


# -- truecms JSONP -----------------------------------------------------------------------------------
# The jpage configuration of a truecms column page, as a public template writes it (facts of portals.md §2.8):
TRUECMS_PAGE = """<html><body><div id="content"></div><script>
$('#content').jpage({dataStore:'', proxyUrl:'/TrueCMS/messageController/getMessage.do', perPage:10, groupSize:3,
barPosition:'bottom', ajaxParam:{columnId:'593f0397-04d7-44c3-8339-240a77a793ce'}});</script></body></html>"""


def test_truecms_window_with_referer_callback_and_cap():
    page = Page(response("https://www.shrd.gov.cn/shrd/fggb/fggb.html", TRUECMS_PAGE.encode(),
                         {"Content-Type": "text/html; charset=utf-8"}))
    assert detect(page).name == "truecms"
    (window,) = split(Truecms().listing(page))[1]
    query = dict(parse_qsl(urlsplit(window.request.url).query))
    assert urlsplit(window.request.url).path == "/TrueCMS/messageController/getMessage.do"
    assert query == {"startrecord": "1", "endrecord": "30", "perpage": "30", "callback": "cb",
                     "columnId": "593f0397-04d7-44c3-8339-240a77a793ce"}
    assert window.request.headers["Referer"] == b"https://www.shrd.gov.cn/shrd/fggb/fggb.html"


def test_truecms_jsonp_records_and_the_next_window():
    column = farm_page("https://www.ruchuan.gov.cn/zfxxgk/zfxxgknb/xzfnb/index.html")
    (window,) = split(Truecms().listing(column))[1]
    assert int(dict(parse_qsl(urlsplit(window.request.url).query))["perpage"]) <= 50
    answer = farm_answer(window.request)
    assert answer.kind == "jsonp"
    entries, (following,) = split(Truecms().window(answer))
    assert entries and all(e.url.startswith("https://www.ruchuan.gov.cn/") for e in entries)
    asked = dict(parse_qsl(urlsplit(window.request.url).query))
    assert dict(parse_qsl(urlsplit(following.request.url).query))["startrecord"] == str(1 + int(asked["perpage"]))


def test_truecms_empty_first_window_is_asked_again_smaller():
    state = {"proxy": "https://x.gov.cn/getMessage.do", "column": "c", "start": 1, "size": 50, "referer": "https://x.gov.cn/"}
    empty = Page(response("https://x.gov.cn/getMessage.do?startrecord=1", b'cb({"result":""})',
                          {"Content-Type": "application/javascript"}, meta={API_STATE: state}))
    (smaller,) = split(Truecms().window(empty))[1]
    assert dict(parse_qsl(urlsplit(smaller.request.url).query))["perpage"] == "25"


# -- gkmlpt, 集约化 pagers, downfile rows -----------------------------------------------------------------
def test_gkmlpt_live_answer_gives_its_article_and_no_page_beyond():
    body = (SAMPLES / "gkmlpt_api_1.json").read_bytes()
    url = "https://www.zhaoqing.gov.cn/zqhjj/gkmlpt/api/all/21023?page=1&sid=758019"
    page = Page(response(url, body, {"Content-Type": "application/json"}, meta={API_STATE: {
        "base": "https://www.zhaoqing.gov.cn/zqhjj/gkmlpt/api/all/", "classify": 21023, "sid": "758019", "page": 1}}))
    entries, pages = split(Guangdong().gkmlpt_api(page))
    assert [e.url for e in entries] == ["https://www.zhaoqing.gov.cn/zqhjj/gkmlpt/content/3/3255/post_3255421.html"]
    assert pages == []  # no total: page 2 would be a 404


@pytest.mark.parametrize("line", [line for line in (SAMPLES / "jiyuehua_pager_1.txt").read_text(encoding="utf-8")
                                  .splitlines() if line.startswith("createPageHTML('page_div',") and "<N>" not in line
                                  and "total" not in line])
def test_six_argument_pagers_count_from_one(line):
    call = line.split(")")[0] + ")"
    numbers = [part.strip(" '") for part in call[len("createPageHTML("):-1].split(",")]
    count, name, ext = int(numbers[1]), numbers[3], numbers[4]
    body = f"<html><body><ul></ul><script>{call};</script></body></html>".encode()
    page = Page(response(f"http://www.example.gov.cn/col/{name}.{ext}", body, {"Content-Type": "text/html"}))
    pages = [p.request.url.rsplit("/", 1)[1] for p in split(Trs().listing(page))[1] if not p.probe]
    assert pages == [f"{name}_{k}.{ext}" for k in range(2, count + 1)]


def test_downfile_rows_are_files_named_by_showname():
    lines = [line.split()[0] for line in (SAMPLES / "hanweb_downfile_urls.txt").read_text(encoding="utf-8").splitlines()
             if "downfile.jsp" in line and not line.startswith("#")]
    assert len(lines) >= 6
    assert filename_of(lines[0]).startswith("应当以XML格式上传提交的专利电子文件清单")
    assert all(filename_of(url) for url in lines)


# -- iframe shells, subdomains, https → http ------------------------------------------------------------
def test_iframe_shell_is_followed_with_the_shell_kept_as_a_source():
    shell = farm_page("http://www.echuan.gov.cn/ecx/c100050/zfxxgknb.shtml",
                      meta={SITE: "峨川县人民政府", FENCE: "echuan.gov.cn", ROLE: "listing"})
    requests = [o for o in spider().on_listing(shell.response) if isinstance(o, Request)]
    (frame,) = [r for r in requests if r.meta.get(REDIRECT_URLS)]
    assert frame.url == "http://www.echuan.gov.cn/ecx/c100050/list.shtml" and frame.callback.__name__ == "on_listing"
    assert frame.meta[REDIRECT_URLS] == ["http://www.echuan.gov.cn/ecx/c100050/zfxxgknb.shtml"]


@pytest.mark.parametrize("error, scheme, falls_back", [
    (ConnectionRefusedError(), "https", True),
    (DNSLookupError(), "https", True),       # a name that does not resolve over the https proxy either way
    (ConnectionRefusedError(), "http", True),
    (DNSLookupError(), "http", False),       # http failing that way is not a scheme problem
])
def test_a_scheme_that_fails_without_an_answer_is_swapped_once_per_host(error, scheme, falls_back):
    crawler_spider = spider()
    url = f"{scheme}://wjw.echuan.gov.cn/wjw/xxgk.shtml"
    request = Request(url, meta={SITE: "峨川县人民政府", FENCE: "echuan.gov.cn", ROLE: "nav"})
    failure = Failure(error)
    failure.request = request
    outputs = list(crawler_spider.on_error(failure))
    other = "http" if scheme == "https" else "https"
    if not falls_back:
        assert [type(o).__name__ for o in outputs] == ["Failure"]
        return
    (retry,) = outputs
    assert retry.url == f"{other}://wjw.echuan.gov.cn/wjw/xxgk.shtml" and retry.meta[REDIRECT_URLS] == [url]
    later = crawler_spider.request(f"{scheme}://wjw.echuan.gov.cn/wjw/c2/index.shtml", crawler_spider.on_nav,
                                   dict(request.meta))
    assert later.url.startswith(f"{other}://")  # the host's other links go straight to the working scheme
    again = Failure(error)
    again.request = retry
    assert [type(o).__name__ for o in crawler_spider.on_error(again)] == ["Failure"]  # both failed: an error line


def test_unit_subdomains_are_inside_the_portals_fence():
    from crawler.discovery import Fence
    fence = Fence.for_url("http://www.echuan.gov.cn/")
    assert fence.admits("https://wjw.echuan.gov.cn/") and fence.admits("http://scjgj.echuan.gov.cn/x.shtml")
    assert not fence.admits("http://echuan.gov.cn.example.com/")


# -- the generic fallback learns from the page's scripts ------------------------------------------------
def test_a_column_page_without_anchors_asks_what_its_script_fetches():
    column = ('<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><div id="list"></div>'
              "<script>$.ajax({url: '/api/column/list.do', dataType: 'jsonp', data: {columnId: 'nb2023', pageNo: 1},"
              " success: render});</script></body></html>")
    crawl = spider()
    answer = response("http://www.x.gov.cn/zfxxgk/nb/index.html", column.encode(), {"Content-Type": "text/html"},
                      meta={SITE: "x", FENCE: "x.gov.cn", ROLE: "listing"})
    (endpoint,) = [o for o in crawl.on_listing(answer) if isinstance(o, Request) and "/api/" in o.url]
    query = dict(parse_qsl(urlsplit(endpoint.url).query))
    assert query == {"columnId": "nb2023", "pageNo": "1", "callback": "cb"} and endpoint.callback.__name__ == "on_api"
    rows = [{"title": f"X县{unit}2023年政府信息公开工作年度报告", "link": f"/zfxxgk/nb/{n}.html"}
            for n, unit in enumerate(("教育局", "民政局"))]
    jsonp = response(endpoint.url, f"cb({json.dumps({'rows': rows}, ensure_ascii=False)});".encode(),
                     {"Content-Type": "application/javascript"}, meta=endpoint.meta)
    outputs = [o for o in crawl.on_api(jsonp) if isinstance(o, Request)]
    reports = [o for o in outputs if o.callback.__name__ == "on_report"]
    assert [r.url for r in reports] == ["http://www.x.gov.cn/zfxxgk/nb/0.html", "http://www.x.gov.cn/zfxxgk/nb/1.html"]
    assert {r.meta["page_url"] for r in reports} == {"http://www.x.gov.cn/zfxxgk/nb/index.html"}
    (following,) = [o for o in outputs if o.callback.__name__ == "on_api"]
    assert dict(parse_qsl(urlsplit(following.url).query))["pageNo"] == "2"

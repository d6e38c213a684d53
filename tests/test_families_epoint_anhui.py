"""Epoint (shell → webBuilderCommon.js → JSON POST) and the Anhui `/public/` platform (pageIndex)."""
import json

from crawler.families import detect
from crawler.families.anhui import Anhui
from crawler.families.epoint import Epoint
from tests.replay import farm_page, split


def test_epoint_shell_to_json_list():
    shell = farm_page("http://www.mianshan.gov.cn/xxgk/zfxxgknb/index.html")
    assert detect(shell).name == "epoint"
    _, (script,) = split(Epoint().listing(shell))
    assert script.handler == "site_info" and script.request.url.endswith("/js/webBuilderCommon.js")
    js = farm_page(script.request.url, meta=script.request.meta)
    (api,) = Epoint().site_info(js)
    assert api.request.url == "http://www.mianshan.gov.cn/EpointWebBuilder/rest/lightfrontaction/getgovinfolist"
    assert json.loads(api.request.body)["categorynum"] == "005001"
    answer = farm_page(api.request.url, "POST", api.request.body, meta=api.request.meta)
    entries, more = split(Epoint().govinfolist(answer))
    assert len(entries) == len(json.loads(answer.text)["custom"]["data"]) > 0 and not more
    assert all(e.url.startswith("http://www.mianshan.gov.cn/xxgk/zfxxgknb/") for e in entries)


def test_epoint_static_list_pages_by_cur_page():
    page = farm_page("http://www.mianshan.gov.cn/xxgk/iList.jsp?node_id=GKxzjd&cat_id=nb&cur_page=1")
    _, pages = split(Epoint().listing(page))
    assert {p.request.url for p in pages if p.probe} >= {
        "http://www.mianshan.gov.cn/xxgk/iList.jsp?node_id=GKxzjd&cat_id=nb&cur_page=2"}


def test_anhui_column_pages_by_page_index():
    url = "http://www.lihe.gov.cn/public/column/6781961?type=4&catId=7001&action=list"
    page = farm_page(url)
    assert detect(page).name == "anhui"
    entries, pages = split(Anhui().listing(page))
    assert [p.request.url for p in pages if "pageIndex" in p.request.url] == [url + "&pageIndex=2"]
    assert sum("/public/6781961/" in e.url for e in entries) == 4

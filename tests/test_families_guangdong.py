"""Guangdong: `index_k` probes, post_/mpost_ ids, gkmlpt TREE → JSON API (spec-derived farm pages)."""
import json

from crawler.families import article_id, detect
from crawler.families.guangdong import Guangdong
from crawler.meta import API_STATE
from tests.replay import farm_page, split


def test_static_column_probes_index_k_plus_one():
    page = farm_page("http://www.nanling.gov.cn/zwgk/zfxxgknb/index.html")
    assert detect(page).name == "guangdong"
    _, pages = split(Guangdong().listing(page))
    assert [(p.request.url, p.probe) for p in pages if "index_" in p.request.url] == [
        ("http://www.nanling.gov.cn/zwgk/zfxxgknb/index_2.html", True)]


def test_gkmlpt_page_asks_the_api_for_the_report_classify():
    page = farm_page("http://www.nanling.gov.cn/dept0/gkmlpt/index")
    assert Guangdong().has_list(page)
    _, pages = split(Guangdong().listing(page))
    assert [p.request.url for p in pages if p.handler == "gkmlpt_api"] == [
        "http://www.nanling.gov.cn/dept0/gkmlpt/api/all/2?page=1&sid=nl_dept0"]


def test_gkmlpt_api_rows_skip_external_jumps():
    url = "http://www.nanling.gov.cn/dept0/gkmlpt/api/all/2?page=1&sid=nl_dept0"
    page = farm_page(url, meta={API_STATE: {"base": "http://www.nanling.gov.cn/dept0/gkmlpt/api/all/", "classify": 2,
                                            "sid": "nl_dept0", "page": 1}})
    entries, pages = split(Guangdong().gkmlpt_api(page))
    rows = json.loads(page.text)["articles"]
    assert len(entries) == len(rows) - 1 and not pages
    assert all(e.url.startswith("http://www.nanling.gov.cn/dept0/gkmlpt/content/") for e in entries)
    assert all(e.date and e.date[:2] == "20" for e in entries)


def test_post_and_mpost_are_one_article():
    assert article_id("http://www.gz.gov.cn/zwgk/content/post_9469010.html") == article_id(
        "http://www.gz.gov.cn/zwgk/content/mpost_9469010.html") == article_id(
        "http://ghzyj.gz.gov.cn/x/gkmlpt/content/9/9469/post_9469010.html") == "guangdong:gz.gov.cn:9469010"
    assert article_id("http://www.sz.gov.cn/zwgk/content/post_9469010.html") != article_id(
        "http://www.gz.gov.cn/zwgk/content/post_9469010.html")  # two portals' numbers never meet

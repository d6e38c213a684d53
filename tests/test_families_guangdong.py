"""Guangdong: `index_k` probes, post_/mpost_ ids, gkmlpt TREE → JSON API (spec-derived farm pages)."""
import json

from crawler.families import article_id, detect
from crawler.families.guangdong import Guangdong
from tests.replay import farm_response, split


def test_static_column_probes_index_k_plus_one():
    response = farm_response("http://www.nanling.gov.cn/zwgk/zfxxgknb/index.html")
    assert detect(response).name == "guangdong"
    _, pages = split(Guangdong().listing(response))
    assert [(p.request.url, p.probe) for p in pages if "index_" in p.request.url] == [
        ("http://www.nanling.gov.cn/zwgk/zfxxgknb/index_2.html", True)]


def test_gkmlpt_page_asks_the_api_for_the_report_classify():
    response = farm_response("http://www.nanling.gov.cn/dept0/gkmlpt/index")
    assert Guangdong().is_column(response)
    _, pages = split(Guangdong().listing(response))
    assert [p.request.url for p in pages if p.handler == "gkmlpt_api"] == [
        "http://www.nanling.gov.cn/dept0/gkmlpt/api/all/2?page=1&sid=nl_dept0"]


def test_gkmlpt_api_rows_skip_external_jumps():
    url = "http://www.nanling.gov.cn/dept0/gkmlpt/api/all/2?page=1&sid=nl_dept0"
    response = farm_response(url, meta={"gkmlpt": ("http://www.nanling.gov.cn/dept0/gkmlpt/api/all/", 2, "nl_dept0", 1)})
    entries, pages = split(Guangdong().gkmlpt_api(response))
    rows = json.loads(response.text)["articles"]
    assert len(entries) == len(rows) - 1 and not pages
    assert all(e.url.startswith("http://www.nanling.gov.cn/dept0/gkmlpt/content/") for e in entries)
    assert all(e.date and e.date[:2] == "20" for e in entries)


def test_post_and_mpost_are_one_article():
    assert article_id("http://a/zwgk/content/post_9469010.html") == article_id(
        "http://a/zwgk/content/mpost_9469010.html") == article_id("http://a/x/gkmlpt/content/9/9469/post_9469010.html")

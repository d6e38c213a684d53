"""Hanweb: datastore CDATA first page (hanweb_4), dataproxy windows (hanweb_2), old jpage (hanweb_3)."""
from urllib.parse import parse_qs, urlsplit

from crawler.families.hanweb import Hanweb
from tests.replay import farm_page, sample, split


def test_first_page_records_inside_script_xml():
    page = sample("hanweb_4.html", "http://kjt.shandong.gov.cn/col/col103585/index.html")
    entries, pages = split(Hanweb().listing(page))
    assert [e.url for e in entries] == ["http://kjt.shandong.gov.cn/art/2026/9/4/art_103585_10328790.html",
                                        "http://kjt.shandong.gov.cn/art/2026/8/21/art_103585_10327410.html"]
    assert entries[0].date == "2026-09-04"
    (window,) = pages
    assert window.probe and window.handler == "dataproxy"
    assert urlsplit(window.request.url).path == "/module/web/jpage/dataproxy.jsp"
    form = parse_qs(window.request.body.decode())
    assert form["columnid"] == ["103585"] and form["unitid"] == ["764752"] and form["webid"] == ["73"]
    assert "nextgroup" not in " ".join(e.url for e in entries)  # the endpoint is not a document (T12)


def test_old_jpage_config_gives_the_legacy_proxy():
    page = sample("hanweb_3.html", "http://zfcg.nantong.gov.cn/col/col30067/index.html")
    form = Hanweb().proxy_form(page)
    assert form["proxy"] == "/module/jslib/jquery/jpage/dataproxy.jsp"
    assert form["columnid"] == "30067" and form["unitid"] == "49468"
    (attachment,) = page.attachments
    assert attachment.name == "便秘临床路径（2017县医院适用版）.docx"


def test_anchor_text_ignores_comments_and_truncation():
    page = sample("hanweb_1.html", "http://www.zj.gov.cn/")
    entries, _ = split(Hanweb().listing(page))
    titles = {e.url: e.title for e in entries}
    assert titles["http://www.zj.gov.cn/art/2018/3/17/art_41146_2271623.html"] == "浙江代表委员支招全科医生队伍建设"


def test_farm_dataproxy_windows_until_the_total():
    column = farm_page("http://www.hubin.gov.cn/col/col1229100002/index.html")
    entries, (window,) = split(Hanweb().listing(column))
    assert len([e for e in entries if "/art/" in e.url]) == 15
    request = window.request
    answer = farm_page(request.url, "POST", request.body, meta=request.meta)
    more, following = split(Hanweb().dataproxy(answer))
    assert len(more) > 15
    total = len(answer.text.split("<record>")) - 1
    assert bool(following) == (total == 45)


def test_same_article_under_two_columns_has_one_id():
    from crawler.families import article_id
    assert article_id("http://www.x.gov.cn/art/2024/1/5/art_1229100002_3900053.html") == article_id(
        "http://jyj.x.gov.cn/art/2024/1/5/art_1229100301_3900053.html") == "hanweb:x.gov.cn:3900053"

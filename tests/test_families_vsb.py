"""VSB: reverse-numbered pages from `_simple_list_gotopage_fun` (vsb_1) and per-year columns."""
from crawler.families import detect
from crawler.families.vsb import Vsb
from tests.replay import farm_page, sample, split


def test_reverse_pages_from_the_total():
    page = sample("vsb_1.html", "https://www.whit.edu.cn/zcyzc.htm")
    assert detect(page).name == "vsb"
    entries, pages = split(Vsb().listing(page))
    numbered = [p.request.url for p in pages if not p.probe]
    assert numbered[0] == "https://www.whit.edu.cn/zcyzc/30.htm" and numbered[-1] == "https://www.whit.edu.cn/zcyzc/1.htm"
    assert len(set(numbered)) == 30
    assert "https://www.whit.edu.cn/info/1026/25525.htm" in {e.url for e in entries}


def test_numbered_page_does_not_enumerate_again():
    page = farm_page("http://www.ganquan.gov.cn/zfxxgk/zfxxgknb/2.htm")
    _, pages = split(Vsb().listing(page))
    assert [p for p in pages if not p.probe and p.request.url.endswith(".htm") and "/zfxxgknb/" in p.request.url
            and p.request.url.rsplit("/", 1)[-1][0].isdigit()] == []


def test_farm_column_lists_year_subcolumns():
    page = farm_page("http://www.ganquan.gov.cn/zfxxgk/zfxxgknb.htm")
    _, pages = split(Vsb().listing(page))
    years = {p.request.url for p in pages if "/a20" in p.request.url}
    assert years == {f"http://www.ganquan.gov.cn/zfxxgk/zfxxgknb/a{y}.htm" for y in (2022, 2023, 2024)}

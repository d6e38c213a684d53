"""The HTML path: tables from the page's own grid, text from trafilatura, metadata from
the government meta tags; the text path must read the same page's text the same."""
from pathlib import Path

import pytest
import trafilatura

from parsers import decode, parse_html, parse_text
from parsers.grid import grids_from_html

DERIVED = Path(__file__).parent / "files" / "corpus" / "peers" / "KIROGOVCOMPARE" / "derived"
PAGES = sorted(DERIVED.glob("*.html"))
SAME = ("year", "template", "active_disclosure", "applications", "review_litigation", "checks")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem[:12] for p in PAGES])
def test_html_and_text_paths_agree(page):
    html = page.read_text(encoding="utf-8")
    text = trafilatura.extract(html, include_tables=True, favor_recall=True)
    from_html, from_text = parse_html(html), parse_text(text)
    assert {k: from_html[k] for k in SAME} == {k: from_text[k] for k in SAME}


@pytest.mark.parametrize("page", PAGES, ids=[p.stem[:12] for p in PAGES])
def test_text_path_reads_the_stored_trafilatura_output(page):
    """The peers' own trafilatura 2.3.1 output of the page reads as the page does."""
    stored = page.with_name(page.stem + ".trafilatura-2.3.1.txt").read_text(encoding="utf-8")
    from_html, from_text = parse_html(page.read_text(encoding="utf-8")), parse_text(stored)
    assert {k: from_html[k] for k in SAME} == {k: from_text[k] for k in SAME}


def test_spans_expanded_once_per_row():
    """rowspan labels repeat down; a colspan cell appears once in its row."""
    html = ("<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>"
            "<td>5</td></tr><tr><td>（二）部分公开</td><td></td><td>7</td></tr></table>")
    assert grids_from_html(html) == [[["三、本年度办理结果", "（一）予以公开", "5"],
                                      ["三、本年度办理结果", "（二）部分公开", "", "7"]]]


GBK_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="ArticleTitle" content="李喆镇人民政府2023年政府信息公开工作年度报告">
<meta name="PubDate" content="2024-01-19 09:30">
<meta name="ContentSource" content="李喆镇人民政府">
<meta name="SiteName" content="某某县人民政府"></head>
<body><div class="nav">首页 — 政务公开</div><div class="TRS_Editor">
<p>一、总体情况</p><p>2023年，我镇依法公开政府信息——详见下表。</p>
<p>二、主动公开政府信息情况</p>
<table><tr><td>第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>2</td><td></td><td>9</td></tr></table>
<p>六、其他需要报告的事项</p><p>无。</p></div></body></html>"""


def test_gbk_page_with_characters_outside_gb2312():
    """Portals declare gb2312 and use GBK characters (喆, —): decoded as GB18030."""
    record = parse_html(decode(GBK_PAGE.encode("gbk")), url="http://www.example.gov.cn/a.html")
    assert record["title"] == "李喆镇人民政府2023年政府信息公开工作年度报告"
    assert record["org"] == "李喆镇人民政府"
    assert (record["year"], record["published"]) == (2023, "2024-01-19")
    assert record["source"]["site"] == "某某县人民政府"
    assert record["source"]["format"] == "html"
    assert record["active_disclosure"]["normative_documents"] == {
        "issued": 2, "repealed": None, "in_force": 9}
    assert "——详见下表" in record["sections"]["overview"]


def _report_page(body: str) -> str:
    return GBK_PAGE.replace('<div class="TRS_Editor">', '<div class="TRS_Editor">' + body)


def test_report_behind_deep_nesting_is_read():
    """254 nested <div>s (past lxml's default depth limit) before the report (issue #11)."""
    page = GBK_PAGE.replace("<body>", "<body>" + "<div>" * 254 + "<p>导航</p>" + "</div>" * 254)
    record = parse_html(page)
    assert (record["org"], record["year"]) == ("李喆镇人民政府", 2023)
    assert record["active_disclosure"]["normative_documents"]["in_force"] == 9


@pytest.mark.parametrize("page", ["", "   \n\t ", "<html></html>", "<html><body>  </body></html>"])
def test_empty_page_is_a_plain_picklable_error(page):
    """The crawler parses in worker processes: the error must cross back (issue #11)."""
    import pickle

    from parsers import NotAReport
    with pytest.raises(NotAReport, match="empty") as caught:
        parse_html(page)
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is NotAReport and str(again) == str(caught.value)


def test_caller_hints_and_page_metas():
    """url/page_url/region from the caller; the page's own meta tags win for title and organ."""
    from parsers import Hints
    hints = Hints(page_url="http://www.example.gov.cn/list.html", org="某某县人民政府",
                  region={"province": "浙江省", "city": None, "county": None, "adcode": "330000"},
                  fetched_at="2024-02-01T00:00:00Z")
    record = parse_html(GBK_PAGE, url="http://www.example.gov.cn/a.html", hints=hints)
    assert record["org"] == "李喆镇人民政府"
    assert record["source"]["page_url"] == "http://www.example.gov.cn/list.html"
    assert record["source"]["fetched_at"] == "2024-02-01T00:00:00Z"
    assert record["region"]["province"] == "浙江省"
    with pytest.raises(TypeError, match="unknown hint"):
        parse_html(GBK_PAGE, colour="red")

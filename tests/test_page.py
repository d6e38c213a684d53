"""The page reader: one decoding, one title, one set of metas, entries of every answer kind."""
import pytest

from crawler.page import Page
from parsers.html import decode_as
from tests.replay import response, sample

GBK_REPORT = ("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
              "<title>云溪县人民政府2023年政府信息公开工作年度报告_云溪县人民政府</title></head><body>"
              "<h1>云溪县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
              "</body></html>")


@pytest.mark.parametrize("header", ["text/html; charset=utf-8", "text/html; charset=iso-8859-1", "text/html"])
def test_gbk_bytes_are_read_whatever_the_header_says(header):
    page = Page(response("http://www.yunxi.gov.cn/a.html", GBK_REPORT.encode("gbk"), {"Content-Type": header}))
    assert page.title == "云溪县人民政府2023年政府信息公开工作年度报告"
    assert page.sections == 2


def test_utf8_bytes_under_a_gbk_header_are_utf8():
    body = GBK_REPORT.replace("gb2312", "utf-8").encode("utf-8")
    page = Page(response("http://www.yunxi.gov.cn/a.html", body, {"Content-Type": "text/html; charset=gbk"}))
    assert page.title == "云溪县人民政府2023年政府信息公开工作年度报告" and page.redecoded


def test_utf8_bytes_under_a_latin1_header_are_utf8():
    """Error pages and old servers say iso-8859-1 (portals.md §5, Pinggu); the bytes are UTF-8."""
    body = GBK_REPORT.replace("gb2312", "utf-8").encode("utf-8")
    page = Page(response("http://www.yunxi.gov.cn/a.html", body, {"Content-Type": "text/html; charset=iso-8859-1"}))
    assert page.title == "云溪县人民政府2023年政府信息公开工作年度报告" and page.redecoded


def test_a_gbk_body_cut_mid_character_is_still_gbk():
    body = GBK_REPORT.encode("gbk")
    cut = body[: body.index("二、".encode("gbk")) + 1]  # half of a two-byte character at the end
    text, encoding = decode_as(cut, "utf-8")
    assert encoding == "gb18030" and "一、总体情况" in text


def test_title_metas_and_breadcrumb_are_read_once_from_the_page():
    page = sample("trs_2.html", "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200805_1353179.html")
    assert page.meta_value("columnname") == page.meta_value("ColumnName") == "部门信息公开"
    assert page.published == "2020-08-02"  # PubDate 2020年08月02日
    assert page.title and page.title == page.meta_value("ArticleTitle")
    assert page.org == "邯郸市教育局"


def test_breadcrumb_segments():
    body = ('<html><body><div class="crumb">当前位置: 首页 &gt; 政务公开 &gt; 乡镇街道 &gt; 下各镇 &gt; 政府信息公开年报</div>'
            "</body></html>").encode()
    page = Page(response("http://www.zjxj.gov.cn/col/col1/index.html", body, {"Content-Type": "text/html"}))
    assert page.breadcrumb == ["首页", "政务公开", "乡镇街道", "下各镇", "政府信息公开年报"]
    assert page.claims_column


def test_entries_of_json_jsonp_and_xml_answers():
    json_page = Page(response("http://x.gov.cn/api/list", '{"data": [{"title": "A镇2023年政府信息公开工作年度报告", '
                              '"url": "/a/1.html", "pubDate": "2024-01-10"}]}'.encode(), {"Content-Type": "application/json"}))
    assert [(e.url, e.date) for e in json_page.entries] == [("http://x.gov.cn/a/1.html", "2024-01-10")]
    jsonp = Page(response("http://x.gov.cn/getMessage.do", 'cb({"result":"<datastore><recordset><record><![CDATA[<li>'
                          '<a href=\\"/b/2.html\\">B局2023年政府信息公开工作年度报告</a><span>2024-01-12</span></li>]]>'
                          '</record></recordset></datastore>"})'.encode(), {"Content-Type": "text/html"}))
    assert jsonp.kind == "jsonp" and [(e.url, e.date) for e in jsonp.entries] == [("http://x.gov.cn/b/2.html", "2024-01-12")]
    xml = sample("hanweb_2.html", "http://www.yuhang.gov.cn/module/web/jpage/dataproxy.jsp")
    assert "http://www.yuhang.gov.cn/art/2020/8/14/art_1229179150_1872814.html" in {e.url for e in xml.entries}


def test_frames_and_script_endpoints():
    body = ('<html><body><iframe src="/ecx/c1/list.shtml"></iframe><iframe src="/count/visit.jsp"></iframe>'
            "<script>$.ajax({url: '/api/nb/list.do', type: 'post', data: {columnId: 'nb', pageNo: 1}});</script>"
            '<form method="post" action="/module/xxgk/search.jsp"><input type="hidden" name="area" value="33"></form>'
            "</body></html>").encode()
    page = Page(response("http://www.x.gov.cn/ecx/c1/index.shtml", body, {"Content-Type": "text/html"}))
    assert page.frames == ["http://www.x.gov.cn/ecx/c1/list.shtml"]
    script, form = page.endpoints
    assert (script.url, script.method, script.fields) == ("http://www.x.gov.cn/api/nb/list.do", "POST",
                                                          {"columnId": "nb", "pageNo": "1"})
    assert (form.url, form.method, form.fields) == ("http://www.x.gov.cn/module/xxgk/search.jsp", "POST", {"area": "33"})


def test_documents_are_binary_whatever_the_content_type():
    page = Page(response("http://x.gov.cn/f.docx", b"PK\x03\x04rest-of-a-zip", {"Content-Type": "text/html"}))
    assert page.kind == "binary" and page.entries == [] and page.title is None


def test_hints_for_the_parser():
    page = sample("trs_2.html", "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200805_1353179.html")
    hints = page.hints()
    assert hints["org"] == "邯郸市教育局" and hints["published"] == "2020-08-02" and hints["column"] == "部门信息公开"

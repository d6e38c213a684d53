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


# -- the page's title (parsers.html.page_title, read once on the page's tree) ---------------------------

def title_of(head: str, body: str = "") -> str | None:
    return Page(response("http://www.x.gov.cn/art/2024/1/5/art_1_2.html",
                         f"<html><head>{head}</head><body>{body}</body></html>".encode(),
                         {"Content-Type": "text/html; charset=utf-8"})).title


def test_hanweb_three_part_title_gives_its_last_part():
    """Hanweb: "站名 栏目 标题" (portals.md §2.2), the title also in div.title, no ArticleTitle, no <h1>."""
    head = "<title>鹤鸣县人民政府 政府信息公开年报 城关镇2023年政府信息公开工作年度报告</title>"
    assert title_of(head) == "城关镇2023年政府信息公开工作年度报告"
    assert title_of(head, "<div class='title'>城关镇2023年政府信息公开工作年度报告</div>") == \
        "城关镇2023年政府信息公开工作年度报告"
    assert title_of("<meta name='SiteName' content='鹤鸣县人民政府'>"  # the site's name alone before it
                    "<title>鹤鸣县人民政府 城关镇2023年政府信息公开工作年度报告</title>") == \
        "城关镇2023年政府信息公开工作年度报告"


def test_title_parts_on_separators_pick_the_report_title():
    assert title_of("<title>2024年度政府信息公开工作报告（东岭镇） - 芦塘县人民政府网</title>",
                    "<h1>芦塘县人民政府网</h1>") == "2024年度政府信息公开工作报告（东岭镇）"  # <h1> is the logo
    assert title_of("<title>政府信息公开_青峪县人民政府|石桥镇2022年度政府信息公开工作报告</title>") == \
        "石桥镇2022年度政府信息公开工作报告"


def test_a_titles_own_spaces_stay():
    assert title_of("<title>城关镇 2023年政府信息公开工作年度报告</title>") == "城关镇2023年政府信息公开工作年度报告"


def test_a_column_heading_is_no_title():
    """A per-year column's <h2> reads like a report title; <title> does not repeat it, so it is not the page's."""
    assert title_of("<title>2023年_青峪县人民政府</title>",
                    "<div class='lm-title'><h2>2023年政府信息公开年报</h2></div>") == "2023年"
    assert title_of("<title>政务公开_鹤鸣县人民政府</title>", "<div class='title'>要闻动态</div>") == "政务公开"


def test_article_title_meta_and_h1_come_first():
    assert title_of("<meta name='ArticleTitle' content='A镇2023年政府信息公开工作年度报告'>"
                    "<title>鹤鸣县人民政府 政府信息公开年报 B镇2023年政府信息公开工作年度报告</title>") == \
        "A镇2023年政府信息公开工作年度报告"
    assert title_of("<title>x</title>", "<h1>C镇2023年政府信息公开工作年度报告</h1>"
                    "<div class='title'>D镇2023年政府信息公开工作年度报告</div>") == "C镇2023年政府信息公开工作年度报告"


# -- jump menus: <select> options as links ---------------------------------------------------------------

def links_of(body: str, url: str = "http://www.heming.gov.cn/col/col1229510010/index.html") -> list[tuple[str, str]]:
    return Page(response(url, f"<html><body>{body}</body></html>".encode(), {"Content-Type": "text/html"})).links


def test_department_drop_down_options_are_links_with_their_labels():
    """A county's 部门年报 drop-down (the columns only in <option value>, onchange opens them)."""
    body = ("部门年报：<select name='bmnb' onchange=\"if(this.value!=''){window.open(this.value,'_blank');}\">"
            "<option value=''>==请选择部门==</option><option value='/col/col1229510023/index.html'>自然资源局</option>"
            "<option value='/col/col1229510024/index.html'>卫生健康委员会</option></select>")
    assert links_of(body) == [("http://www.heming.gov.cn/col/col1229510023/index.html", "自然资源局"),
                              ("http://www.heming.gov.cn/col/col1229510024/index.html", "卫生健康委员会")]


def test_link_drop_downs_of_other_forms():
    # the 友情链接 drop-down of a government site template: location.href=this.value, absolute values
    # (shape of zyzxxx/dswork DsEp/web/html/site/templates/include/index_links.jsp)
    friends = ('<select onchange="location.href=this.value;"><option value="">中央政府和国家部委网站</option>'
               '<option value="http://www.mwr.gov.cn/">水利部</option></select>')
    assert links_of(friends) == [("http://www.mwr.gov.cn/", "水利部")]
    # Dreamweaver's jump menu with relative page values; the options' own text is the label
    jump = ('<select name="menu1" onChange="MM_jumpMenu(\'parent\',this,0)"><option value="#">选择</option>'
            '<option value="list.jsp?channelId=bm_jyj_nb">教育局</option></select>')
    assert links_of(jump, "http://www.x.gov.cn/zwgk/xxgkml/index.jsp") == [
        ("http://www.x.gov.cn/zwgk/xxgkml/list.jsp?channelId=bm_jyj_nb", "教育局")]
    # the value is a column id inside the address the onchange builds
    template = ("<select onchange=\"window.location.href='/col/col'+this.options[this.selectedIndex].value"
                "+'/index.html'\"><option value=''>请选择</option><option value='1229510025'>市场监督管理局</option>"
                "</select>")
    assert links_of(template) == [("http://www.heming.gov.cn/col/col1229510025/index.html", "市场监督管理局")]


def test_form_selects_are_not_links():
    """Ids and labels as values, no opening onchange: a search form's field."""
    body = ("<form><select name='dept' onchange='showKpi(this.value)'><option value=''>请选择部门</option>"
            "<option value='12'>教育局</option><option value='zh'>综合</option></select>"
            "<select name='year'><option>2023</option><option>2022</option></select></form>")
    assert links_of(body) == []


# -- links that only a script opens; lists a script keeps as data ----------------------------------------

def page_of(body: str, url: str = "http://www.x.gov.cn/xxgk/list.asp", head: str = "") -> Page:
    return Page(response(url, f"<html><head>{head}</head><body>{body}</body></html>".encode(),
                         {"Content-Type": "text/html; charset=utf-8"}))


def test_script_links_open_what_their_function_builds():
    """portals.md §5: `javascript:void(0)` with `onclick="…('id')"`; the function that builds the address
    is on the page. Rows, a pager and a file, each only through script."""
    head = ("<script>function openDoc(id){ window.open('/xxgk/show.asp?id=' + id + '&classid=12'); }\n"
            "var goPage = function(n){ location.href = 'list.asp?classid=12&page=' + n; };</script>")
    body = ("<ul><li><a href=\"javascript:void(0)\" onclick=\"openDoc('1021')\">县教育局2023年政府信息公开工作年度报告</a>"
            "<span>2024-01-12</span></li><li><a href='javascript:openDoc(1022)'>县财政局2023年政府信息公开工作年度报告</a></li>"
            "<li><a href=\"javascript:window.open('/uploadfiles/2024/nb.pdf')\">城关镇2023年年报.pdf</a></li></ul>"
            "<a href=\"javascript:goPage(2)\">下一页</a> <a href=\"javascript:void(0)\" onclick=\"toggleNode(this)\">部门</a>")
    page = page_of(body, head=head)
    assert [(e.url, e.title, e.date) for e in page.entries[:2]] == [
        ("http://www.x.gov.cn/xxgk/show.asp?id=1021&classid=12", "县教育局2023年政府信息公开工作年度报告", "2024-01-12"),
        ("http://www.x.gov.cn/xxgk/show.asp?id=1022&classid=12", "县财政局2023年政府信息公开工作年度报告", None)]
    assert page.pagers == ["http://www.x.gov.cn/xxgk/list.asp?classid=12&page=2"]
    assert [a.url for a in page.attachments] == ["http://www.x.gov.cn/uploadfiles/2024/nb.pdf"]
    assert "部门" not in [text for _, text in page.links]  # a tree toggle opens nothing


def test_a_function_that_sets_its_address_first():
    """A government template's "more" link: `function queryLaw(){ var url = "…"; window.location.href= url; }`
    on an <a> and a <div> (shape of zwye1986/wm_doctor_res pdsci2/…/inx/wxwsj/index_law.jsp)."""
    head = ('<script>function queryLaw(){\n var url = "/inx/wxwsj/queryByColumnId?columnId=LM04&id=zcfg";\n'
            " window.location.href= url;\n}</script>")
    body = '<div class="dow_01" onclick="queryLaw()" style="cursor: pointer;">政策法规</div>'
    assert page_of(body, "http://www.x.gov.cn/inx/index.jsp", head).links == [
        ("http://www.x.gov.cn/inx/wxwsj/queryByColumnId?columnId=LM04&id=zcfg", "政策法规")]


def test_a_list_kept_as_script_data_is_read():
    """A column whose rows the browser renders from an inline array (keys unquoted, single quotes,
    protocol-relative and relative addresses), and old Hanweb jpage's array of row markup (hanweb_3)."""
    head = ("<script>var pageData = {total: 2, list: [{title: '城关镇2023年政府信息公开工作年度报告', url: './202401/t1.html',"
            " pubDate: '2024-01-12'}, {title: \"县教育局2023年政府信息公开工作年度报告\", url: '//www.x.gov.cn/files/nb.pdf'}]};"
            "\nrender('#list', pageData.list);</script>"
            "<script>var InitData49468=['<tr><td><a href=\"/art/2024/1/5/art_1_9.html\">A乡2023年政府信息公开工作年度报告</a>"
            "</td></tr>'];</script>")
    page = page_of('<div id="list"></div>', "http://www.x.gov.cn/zfxxgk/nb/index.html", head)
    assert [(e.url, e.date) for e in page.entries] == [
        ("http://www.x.gov.cn/zfxxgk/nb/202401/t1.html", "2024-01-12"), ("http://www.x.gov.cn/files/nb.pdf", None),
        ("http://www.x.gov.cn/art/2024/1/5/art_1_9.html", None)]

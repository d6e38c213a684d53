"""Every guess about a page can be revised by what the page says (issue #10 §1, #11 accounting).

Pages are small imitations of the shapes in portals.md (§3 ColumnName, §4.3 titles, §5 cut
anchors and charsets); each test feeds one to the spider's callback the way Scrapy would.
"""
from scrapy import Request

from crawler.discovery import Fence
from crawler.items import Document, Failure
from crawler.meta import FENCE, LIST_TITLE, READ_AS, ROLE, SITE
from tests.replay import response, spider

REPORT_BODY = ("<div class='article'><h1>{title}</h1><div class='zw'><p>一、总体情况</p><p>本年度……</p>"
               "<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
               "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p></div></div>")


def html(title: str, body: str, metas: dict | None = None, charset: str = "utf-8") -> str:
    tags = "".join(f'<meta name="{k}" content="{v}">' for k, v in (metas or {}).items())
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}">{tags}<title>{title}_云岭县人民政府</title></head>'
            f"<body>{body}</body></html>")


def call(callback_name: str, url: str, text: str, meta: dict | None = None, headers: dict | None = None,
         encoding: str = "utf-8", settings: dict | None = None):
    crawl = spider(settings)
    answer = response(url, text.encode(encoding), headers or {"Content-Type": "text/html; charset=utf-8"},
                      meta={SITE: "测试县人民政府", FENCE: Fence.for_url(url).root, **(meta or {})})
    outputs = list(getattr(crawl, callback_name)(answer))
    return crawl, answer, outputs


def requests_of(outputs) -> dict[str, str]:
    return {o.url: o.callback.__name__ for o in outputs if isinstance(o, Request)}


def test_column_name_on_every_page_is_not_enough():
    """A 政务公开 page that says ColumnName=政府信息公开年报 is navigated; the real column link is a list, not a report."""
    page = html("政务公开", '<div class="crumb">首页 &gt; 政务公开</div><ul>'
                '<li><a href="/zwgk/zfxxgk/index.html">政府信息公开</a></li>'
                '<li><a href="/zwgk/zfxxgk/zfxxgknb/index.html">政府信息公开年报</a></li>'
                '<li><a href="/zwgk/zcjd/index.html">政策解读</a></li></ul>', {"ColumnName": "政府信息公开年报"})
    crawl, answer, outputs = call("on_listing", "http://www.yunling.gov.cn/zwgk/index.html", page,
                                  {ROLE: "listing"})
    followed = requests_of(outputs)
    assert followed["http://www.yunling.gov.cn/zwgk/zfxxgk/zfxxgknb/index.html"] == "on_listing"  # a column
    assert "http://www.yunling.gov.cn/zwgk/zfxxgk/index.html" in followed  # the road on, as a sub-column or a nav link
    assert "http://www.yunling.gov.cn/zwgk/zcjd/index.html" not in followed  # 政策解读 leads nowhere
    assert not [o for o in outputs if isinstance(o, (Document, Failure))]


def test_a_list_fetched_as_a_report_candidate_is_read_as_a_list():
    rows = "".join(f'<li><a href="/zfxxgknb/2023n/content/post_{n}.html">云岭县{unit}2023年政府信息公开工作年度报告</a>'
                   f"<span>2024-01-1{n}</span></li>" for n, unit in enumerate(("教育局", "财政局", "城关镇")))
    page = html("2023年政府信息公开工作年度报告", f'<ul class="list">{rows}</ul><a href="index_2.html">下一页</a>')
    crawl, answer, outputs = call("on_report", "http://www.yunling.gov.cn/zfxxgknb/2023n/index.html", page,
                                  {ROLE: "page", LIST_TITLE: "2023年政府信息公开工作年度报告"})
    assert answer.meta[READ_AS] == "listing"
    assert sorted(url for url, callback in requests_of(outputs).items() if callback == "on_report") == [
        f"http://www.yunling.gov.cn/zfxxgknb/2023n/content/post_{n}.html" for n in range(3)]
    assert not [o for o in outputs if isinstance(o, (Document, Failure))]
    assert crawl.crawler.stats.get_value("revised/page_as_listing") == 1


def test_a_cut_title_is_fetched_and_the_article_decides():
    rows = ('<li><a href="/ecx/c1/2024/1/16/0bb84ec956f3edbd5672ef13b824c8e1.shtml">峨川县人民政府2023年政府信息公开工…</a></li>'
            '<li><a href="/ecx/c1/2024/2/1/1cc84ec956f3edbd5672ef13b824c8e1.shtml">《峨川县人民政府2023年政府信息…</a></li>'
            '<li><a href="/ecx/c1/2024/3/1/2dd84ec956f3edbd5672ef13b824c8e1.shtml">峨川县召开第三次常务会议暨全县…</a></li>')
    _, _, outputs = call("on_listing", "http://www.echuan.gov.cn/ecx/c1/list.shtml", html("列表", f"<ul>{rows}</ul>"),
                         {ROLE: "listing"})
    fetched = requests_of(outputs)
    assert sorted(fetched) == ["http://www.echuan.gov.cn/ecx/c1/2024/1/16/0bb84ec956f3edbd5672ef13b824c8e1.shtml",
                               "http://www.echuan.gov.cn/ecx/c1/2024/2/1/1cc84ec956f3edbd5672ef13b824c8e1.shtml"]
    report = "峨川县人民政府2023年政府信息公开工作年度报告"
    _, _, (document,) = call("on_report", sorted(fetched)[0], html(report, REPORT_BODY.format(title=report)),
                             {ROLE: "page", LIST_TITLE: "峨川县人民政府2023年政府信息公开工…"})
    assert isinstance(document, Document) and document.title == report
    lookalike = "《峨川县人民政府2023年政府信息公开工作年度报告》解读"
    _, _, (failure,) = call("on_report", sorted(fetched)[1], html(lookalike, f"<h1>{lookalike}</h1><p>解读如下。</p>"),
                            {ROLE: "page", LIST_TITLE: "《峨川县人民政府2023年政府信息…"})
    assert isinstance(failure, Failure) and failure.kind == "not_report" and "look-alike" in failure.error


def test_a_lying_charset_header_is_read_from_the_bytes():
    title = "云岭县人民政府2023年政府信息公开工作年度报告"
    page = html(title, REPORT_BODY.format(title=title), charset="gb2312")
    crawl, _, (document,) = call("on_report", "http://www.yunling.gov.cn/nb/content/post_1.html", page,
                                 {ROLE: "page"}, {"Content-Type": "text/html; charset=utf-8"}, encoding="gbk")
    assert document.title == title and "一、总体情况" in document.body
    assert crawl.crawler.stats.get_value("charset/redecoded") == 1


def test_a_home_page_link_with_a_short_report_title_ends_as_a_document():
    """#11: `<a href=/art/r.html>2023年政府信息公开工作年度报告</a>` on a home page."""
    home = html("云岭县人民政府", '<a href="/art/r.html">2023年政府信息公开工作年度报告</a><a href="/zwgk/index.html">政务公开</a>')
    _, _, outputs = call("on_nav", "http://www.yunling.gov.cn/", home, {ROLE: "nav"})
    assert requests_of(outputs)["http://www.yunling.gov.cn/art/r.html"] == "on_report"
    title = "云岭县人民政府2023年政府信息公开工作年度报告"
    # had it been taken for a column, the column callback still records it
    _, answer, outputs = call("on_listing", "http://www.yunling.gov.cn/art/r.html", html(title, REPORT_BODY.format(title=title)),
                              {ROLE: "listing"})
    assert [type(o).__name__ for o in outputs] == ["Document"] and answer.meta[READ_AS] == "report"


def test_a_report_url_answering_json_ends_as_an_error_line():
    """#11: a report link whose server answers `Content-Type: application/json`."""
    _, _, outputs = call("on_report", "http://www.yunling.gov.cn/art/j.html", '{"code": 0, "msg": "ok"}',
                         {ROLE: "page"}, {"Content-Type": "application/json"})
    (failure,) = outputs
    assert isinstance(failure, Failure) and failure.kind == "not_report" and "json" in failure.error


def test_a_nav_page_that_lists_reports_is_listed():
    rows = "".join(f'<li><a href="/zfxxgk/nb/{n}.html">云岭县{unit}2024年政府信息公开工作年度报告</a></li>'
                   for n, unit in enumerate(("水利局", "民政局")))
    _, answer, outputs = call("on_nav", "http://www.yunling.gov.cn/zfxxgk/index.html", html("政府信息公开", f"<ul>{rows}</ul>"),
                              {ROLE: "nav"})
    assert answer.meta[READ_AS] == "listing"
    assert sorted(requests_of(outputs)) == ["http://www.yunling.gov.cn/zfxxgk/nb/0.html",
                                            "http://www.yunling.gov.cn/zfxxgk/nb/1.html"]


def test_a_report_candidate_that_is_a_frame_shell_is_followed_into_its_frame():
    shell = html("云岭县人民政府2023年政府信息公开工作年度报告", '<iframe src="/nb/detail_1.html"></iframe>')
    _, answer, outputs = call("on_report", "http://www.yunling.gov.cn/nb/1.html", shell, {ROLE: "page"})
    (frame,) = outputs
    assert frame.url == "http://www.yunling.gov.cn/nb/detail_1.html" and frame.callback.__name__ == "on_report"
    assert frame.meta["redirect_urls"] == ["http://www.yunling.gov.cn/nb/1.html"] and answer.meta[READ_AS] == "shell"


def test_a_columns_unit_drop_down_leads_to_each_units_column():
    """A 年报 column that lists the county's reports and names its departments' 年报 columns only in a
    drop-down: each option is asked as a column (a list), with its label as the list title."""
    rows = "".join(f'<li><a href="/art/2024/1/{n}/art_10_{n}.html">{org}2023年政府信息公开工作年度报告</a></li>'
                   for n, org in enumerate(("鹤鸣县人民政府", "城关镇"), start=1))
    drop_down = ("部门年报：<select onchange=\"if(this.value!=''){window.open(this.value,'_blank');}\">"
                 "<option value=''>==请选择部门==</option><option value='/col/col23/index.html'>自然资源局</option>"
                 "<option value='/col/col24/index.html'>卫生健康委员会</option>"
                 "<option value='/col/col8/index.html'>政务服务</option></select>")
    menu = "<div class='nav'><a href='/col/col1/index.html'>政务公开</a><a href='/col/col9/index.html'>互动交流</a></div>"
    page = html("政府信息公开年报", f"{menu}<ul class='list'>{rows}</ul>{drop_down}")
    crawl, answer, outputs = call("on_listing", "http://www.heming.gov.cn/col/col10/index.html", page,
                                  {ROLE: "listing"})
    followed = requests_of(outputs)
    assert followed["http://www.heming.gov.cn/col/col23/index.html"] == "on_listing"
    assert followed["http://www.heming.gov.cn/col/col24/index.html"] == "on_listing"
    assert "http://www.heming.gov.cn/col/col8/index.html" not in followed  # 政务服务 names no unit
    assert "http://www.heming.gov.cn/col/col1/index.html" not in followed  # a list page does not roam its menus
    titles = {o.url: o.meta[LIST_TITLE] for o in outputs if isinstance(o, Request)}
    assert titles["http://www.heming.gov.cn/col/col23/index.html"] == "自然资源局"

"""Link scoring toward the 年报 column and the per-seed domain fence."""
import pytest

from crawler.discovery import COLUMN_THRESHOLD, NAV_THRESHOLD, UNIT_THRESHOLD, Fence, is_report_column, score_link


@pytest.mark.parametrize("text, url", [
    ("政府信息公开年报", "http://x.gov.cn/col/col123/index.html"),
    ("年度报告", "http://x.gov.cn/a/b/"),
    ("信息公开年报", "http://x.gov.cn/zwgk/xxgknb/"),
    ("政务公开年报", "http://x.gov.cn/p/"),
    ("年报", "http://www.tianshui.gov.cn/czj/zfxxgk/zfxxgknb.htm"),
])
def test_report_columns(text, url):
    assert is_report_column(text, url)


@pytest.mark.parametrize("text, url, threshold", [
    ("政务公开", "http://x.gov.cn/zwgk/index.html", NAV_THRESHOLD),
    ("政府信息公开", "http://x.gov.cn/xxgk/", NAV_THRESHOLD),
    ("信息公开目录", "http://x.gov.cn/a.html", NAV_THRESHOLD),
    ("部门信息公开", "http://x.gov.cn/bm/", NAV_THRESHOLD),
    ("县卫生健康委员会", "http://x.gov.cn/col/col9/index.html", UNIT_THRESHOLD),
    ("城关镇", "http://x.gov.cn/public/column/678?type=4", UNIT_THRESHOLD),
])
def test_roads_toward_the_column(text, url, threshold):
    score = score_link(text, url)
    assert threshold <= score < COLUMN_THRESHOLD


@pytest.mark.parametrize("text, url", [
    ("政府信息公开指南", "http://x.gov.cn/zn/"),
    ("政策解读", "http://x.gov.cn/zcjd/"),
    ("2023年政府工作报告", "http://x.gov.cn/zfgzbg/"),
    ("新闻中心", "http://x.gov.cn/news/"),
    ("政府信息公开年报", "javascript:void(0)"),
    ("XX县人民政府2023年政府信息公开工作年度报告全文", "http://x.gov.cn/a.html"),
])
def test_links_not_worth_a_request(text, url):
    assert score_link(text, url) < UNIT_THRESHOLD


def test_fence_admits_subdomains_but_not_the_city_or_mirrors():
    fence = Fence.for_url("https://www.qinan.gov.cn/")
    assert fence.admits("http://xxgk.qinan.gov.cn/zfxxgknb/") and fence.admits("https://qinan.gov.cn/a")
    assert not fence.admits("http://www.tianshui.gov.cn/") and not fence.admits("http://www.qinan.gov.cn.mirror.com/")
    county = Fence.for_url("http://maojian.shiyan.gov.cn/")
    assert county.admits("http://maojian.shiyan.gov.cn/x") and not county.admits("http://www.shiyan.gov.cn/")
    assert Fence.for_url("http://61.150.65.235/zfxxgk/").admits("http://61.150.65.235/a")


def test_an_address_alone_is_a_road_only_when_it_names_the_column():
    assert score_link("更多>>", "http://x.gov.cn/zwgk/zfxxgknb/index.html") >= NAV_THRESHOLD
    assert score_link("机构职能", "http://x.gov.cn/zwgk/jgzn/index.html") == 0
    assert score_link("云岭县政府信息公开制度", "http://x.gov.cn/zwgk/zfxxgk/zfxxgkzd/content/post_1.html") == 0


def test_registered_domain_bounds_the_fence():
    assert Fence.for_url("http://xxgk.qinan.gov.cn/").root == "qinan.gov.cn"
    assert Fence.for_url("http://www.xxgk.maojian.shiyan.gov.cn/").root == "maojian.shiyan.gov.cn"
    assert Fence.for_url("http://www.gov.cn/").root == "www.gov.cn"  # never the public suffix itself

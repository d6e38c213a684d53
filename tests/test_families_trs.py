"""TRS: JS-only pagination (trs_1: countPage; farm: createPageHTML) and attachment variants (trs_4)."""
from crawler.families import detect
from crawler.families.trs import Trs
from tests.replay import farm, farm_page, sample, split

LIST = "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index.html"


def test_count_page_variables_enumerate_all_pages():
    page = sample("trs_1.html", LIST)
    entries, pages = split(Trs().listing(page))
    urls = {listed.request.url for listed in pages if not listed.probe}
    assert {f"http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index_{i}.html" for i in range(1, 56)} <= urls
    assert "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200805_1353179.html" in {e.url for e in entries}


def test_attachment_links_in_attributes_and_scripts():
    page = sample("trs_4.html", "http://www.example.gov.cn/col/202609/t20260924_1.html")
    names = {a.url.rsplit("/", 1)[-1]: a.name for a in page.attachments}
    assert names["P020260903657491913704.pdf"].startswith("附件1-南京市城市更新条例")  # document.write only
    assert names["P020260612553273540285.pdf"] == "《城市综合管廊工程技术标准》.pdf"          # appendix attrs
    assert names["P020260612342787864103.pdf"] == "《安康建设工程造价信息》2026年第5期.pdf"  # OLDSRC variant
    assert "P020260911578215495483.pdf" in names                                       # article_attachment


def test_farm_column_pages_from_create_page_html():
    page = farm_page("http://xxgk.pingan.gov.cn/zfxxgknb/2023n_111823/")
    assert detect(page).name == "trs"
    entries, pages = split(detect(page).listing(page))
    assert [p.request.url for p in pages if p.request.url.endswith("index_1.html")] == [
        "http://xxgk.pingan.gov.cn/zfxxgknb/2023n_111823/index_1.html"]
    assert sum("/t2024" in e.url for e in entries) == 5


def test_subdomain_column_and_js_only_pdf_link():
    page = farm_page("http://www.pingan.gov.cn/zwgk/index.html")  # 政务公开 links the xxgk sub-domain
    assert any("xxgk.pingan.gov.cn" in url for url, _ in page.links)
    (url,) = [d.url for site in farm().sites for d in site.docs if d.title.startswith("淮安市人民政府")]
    article = farm_page(url)
    assert [a.name for a in article.attachments] == ["淮安市人民政府2024年政府信息公开工作年度报告.pdf"]

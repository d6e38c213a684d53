"""One record per report: a page and its file under one article id are one report even when one
source writes the organ shorter; a summary page's files of several units stay several records."""
from __future__ import annotations

import pytest

from crawler.items import Alias, Record
from crawler.pipelines.dedupe import DedupePipeline, same_organ

ARTICLE = "hanweb:heming.gov.cn:3913126"


def record(url: str, org: str | None, year: int | None, role: str = "page", article: str = ARTICLE,
           text: str = "") -> Record:
    return Record({"id": url, "org": org, "year": year, "text": text,
                   "source": {"url": url, "page_url": "http://www.heming.gov.cn/art/2025/2/9/art_1_3913126.html",
                              "site": "鹤鸣县人民政府"},
                   "crawl": {"role": role, "article_id": article}})


@pytest.mark.parametrize("full, short", [
    ("鹤鸣县城关镇人民政府", "城关镇"),          # place prefix and 人民政府 dropped (the page's 发布机构, the file's title)
    ("青峪县教育局", "县教育局"),              # the county's name dropped, 县 kept
    ("青峪县教育局", "教育局"),
    ("鹤鸣县新华街道办事处", "新华街道"),        # 办事处 dropped
    ("石岗县柳林镇人民政府", "柳林镇人民政府"),
    ("芦塘县卫生健康委员会", "卫健委"),          # a short form (dataset.organ.SHORT_FORMS) written out
    ("城关镇政府", "城关镇人民政府"),
])
def test_the_same_organ_written_shorter(full, short):
    assert same_organ(full, short) and same_organ(short, full)


@pytest.mark.parametrize("one, other", [
    ("鹤鸣县人民政府", "鹤鸣县人民政府办公室"),   # the government and its office are two organs
    ("城关镇", "河口乡"),
    ("桐溪县教育局", "桐溪县财政局"),
    ("龙泉镇人民政府", "龙泉镇卫生院"),
    ("县人民政府", "石岗县人民政府"),             # one character left: too little to tell
])
def test_different_organs(one, other):
    assert not same_organ(one, other)


def test_a_page_and_its_file_with_a_shorter_organ_are_one_report():
    pipeline = DedupePipeline()
    page = record("http://www.heming.gov.cn/art/2025/2/9/art_1_3913126.html", "鹤鸣县城关镇人民政府", 2024)
    file = record("http://www.heming.gov.cn/module/download/downfile.jsp?filename=a.pdf", "城关镇", 2024,
                  role="attachment")
    assert pipeline.process_item(page) is page
    second = pipeline.process_item(file)
    assert isinstance(second, Alias) and second.record_id == page["id"]


def test_another_year_under_the_same_article_is_another_report():
    pipeline = DedupePipeline()
    pipeline.process_item(record("http://a/1.html", "鹤鸣县城关镇人民政府", 2024))
    other = record("http://a/2.pdf", "城关镇", 2023, role="attachment")
    assert pipeline.process_item(other) is other


def test_a_summary_page_keeps_one_record_per_units_file():
    """桐溪县's 汇总 article: one page, ten units' PDFs; the township files drop the county's name."""
    pipeline = DedupePipeline()
    summary = "id:tongxi.gov.cn:2024huizong"
    orgs = ["桐溪县人民政府办公室", "桐溪县教育局", "桐溪县财政局", "龙泉镇", "柳林镇", "河口乡", "新华街道"]
    files = [record(f"http://xxgk.tongxi.gov.cn/cms/files/{n}.pdf", org, 2023, "attachment", summary)
             for n, org in enumerate(orgs)]
    assert [pipeline.process_item(f) for f in files] == files

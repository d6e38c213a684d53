"""F4 VSB 博达 portal: `zfxxgknb.htm` + reverse-numbered `zfxxgknb/<N>.htm`, per-year `a<YYYY>.htm`.

Articles are `/info/<col>/<id>.htm`, linked relatively (`../info/…`); the total
page count is only in `_simple_list_gotopage_fun(N, …)` and 共N页 (vsb_1.html).
"""
from __future__ import annotations

import html

from ..faults import FOUND, Fault, error
from ..model import SOFT_404_PAGE, Site

PAGE_SIZE = 5
COLUMN = 2381


class VsbSite(Site):
    family = "vsb"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "甘泉县", "www.ganquan.gov.cn", scale, farm.rng)

    def build(self):
        self.home(f"{self.www}/zfxxgk.htm")
        years = sorted({d.year for d in self.reports()}, reverse=True)
        self.add_page(f"{self.www}/zfxxgk.htm", self.html("政府信息公开", (
            '<div class="posi"><a href="index.htm">首页</a> &gt; <a href="zfxxgk.htm">政府信息公开</a></div>'
            '<ul><li><a href="zfxxgk/zfxxgkzn.htm">政府信息公开指南</a></li>'
            '<li><a href="zfxxgk/zfxxgknb.htm">政府信息公开年报</a></li></ul>'), head=self.head()))
        docs = self.sorted_docs(self.reports())
        self.faults(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)]
        total = len(pages)
        year_links = "".join(f'<a href="zfxxgknb/a{y}.htm">{y}年</a> ' for y in years)
        for number, chunk in enumerate(pages, start=1):
            # page 1 is zfxxgknb.htm, page k>1 is zfxxgknb/<total-k+1>.htm
            url = f"{self.www}/zfxxgk/zfxxgknb.htm" if number == 1 else f"{self.www}/zfxxgk/zfxxgknb/{total - number + 1}.htm"
            prefix = "../info" if number == 1 else "../../info"
            self.add_page(url, self.list_page(chunk, prefix, year_links if number == 1 else "", total))
        for year in years:
            chunk = [d for d in docs if d.year == year]
            self.add_page(f"{self.www}/zfxxgk/zfxxgknb/a{year}.htm", self.list_page(chunk, "../../info", "", 1))
        for doc in docs:
            if doc.fault != Fault.SOFT_404:
                self.add_page(doc.url, self.article_page(doc), fault=doc.fault)
            else:
                self.add_page(doc.url, SOFT_404_PAGE)

    def head(self):
        return '<script language="javascript" src="/system/resource/js/ajax.js"></script>'

    def faults(self, docs):
        for doc in docs:
            doc.url = f"{self.www}/info/{COLUMN}/{640000 + doc.id}.htm"
        plain = [d for d in docs if d.kind == "report" and d.form == "html"]
        plain[0].fault, plain[0].expect = Fault.HTTP_500, error("http_500")
        plain[1].fault, plain[1].expect = Fault.SOFT_404, error("soft_404")
        plain[2].form, plain[2].expect = "image", FOUND
        plain[2].body = f'<p><img src="/__local/{plain[2].id}.jpg" alt="{html.escape(plain[2].title)}"/></p>'

    def list_page(self, chunk, prefix, year_links, total):
        items = "".join(f'<li class="txt-elise"><a href="{prefix}/{COLUMN}/{640000 + d.id}.htm" target="_blank">'
                        f'{html.escape(d.title)}</a><span>{d.published}</span></li>' for d in chunk)
        pager = (f'<span class="p_t">共{total}页</span><a href="javascript:;" '
                 f'onclick="_simple_list_gotopage_fun({total},&quot;u13_goto&quot;,2)">跳转</a>')
        return self.html("政府信息公开年报", f'<div class="years">{year_links}</div><ul class="list-ul">{items}</ul>'
                                         f'<div class="pb_sys_common">{pager}</div>', {"ColumnName": "政府信息公开年报"},
                         head=self.head())

    def article_page(self, doc):
        links = ""
        for n, file in enumerate(doc.files):
            url = f"{self.www}/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid={90000 + doc.id * 10 + n}"
            self.add_file(url, file, disposition=True)
            links += f'<li>附件【<a href="{url.replace(self.www, "")}">{html.escape(file.name)}</a>】</li>'
        box = (f'<div class="dtl-list"><ul><li><em>索引号：</em>gqx/{doc.published.year}-{doc.id:05d}</li>'
               f'<li><em>发布机构：</em>{html.escape(doc.org)}</li><li><em>成文日期：</em>{doc.published}</li></ul></div>')
        body = (f'{box}<h1 class="dtl-title">{html.escape(doc.page_title or doc.title)}</h1>'
                f'<form name="_newscontent_fromname"><div id="vsb_content"><div class="v_news_content">{doc.body}'
                f'</div></div><ul class="attach">{links}</ul></form>')
        return self.html(doc.page_title or doc.title, body, self.article_metas(doc, "政府信息公开年报"),
                         head=self.head())

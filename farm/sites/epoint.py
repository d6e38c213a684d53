"""F5 Epoint 新点 portal: a JSON-fed 年报 column and a static `iList.jsp` township list.

The column page is a shell with `categorynum`; `/js/webBuilderCommon.js` holds
`var siteInfo = {projectName, siteGuid}`; the list is POSTed JSON
(`getgovinfolist`, pageIndex/pageSize). The static list answers any `cur_page`
beyond the last with the last page again (looping pagination, T46).
"""
from __future__ import annotations

import html
import json
import uuid

from ..faults import NOT_RECORD, Fault, error
from ..model import Route, Site

PAGE_SIZE = 20  # the crawler's page size must match what the API returns per page
STATIC_SIZE = 4
PROJECT = "/EpointWebBuilder"
GUID = "7eb5f7f1-9041-43ad-8e13-8fcb82ea831a"


class EpointSite(Site):
    family = "epoint"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "绵山县", "www.mianshan.gov.cn", scale, farm.rng)

    def build(self):
        self.home(f"{self.www}/xxgk/index.html")
        towns = [d for d in self.reports() if d.unit.startswith("town")]
        county = [d for d in self.reports() if not d.unit.startswith("town")]
        for doc in self.reports():
            doc.url = (f"{self.www}/xxgk/zfxxgknb/{doc.published:%Y%m%d}/"
                       f"{uuid.UUID(int=doc.id * 7919 + 12345, version=4)}.html")
        plain = [d for d in county if d.kind == "report" and d.form == "html"]
        plain[0].fault, plain[0].expect = Fault.TIMEOUT, error("timeout")
        static = f"{self.www}/xxgk/iList.jsp?node_id=GKxzjd&cat_id=nb&cur_page=1"
        self.add_page(f"{self.www}/xxgk/index.html", self.html("政府信息公开", (
            f'<ul class="ewb-nav"><li><a href="{self.www}/xxgk/zfxxgknb/index.html">政府信息公开年报</a></li>'
            f'<li><a href="{static}">乡镇政府信息公开年报</a></li></ul>')))
        self.add_page(f"{self.www}/xxgk/zfxxgknb/index.html", self.html("政府信息公开年报", (
            '<div class="ewb-list" id="infolist" data-categorynum="005001"></div>'
            "<script>var categorynum = '005001';</script>"), {"ColumnName": "政府信息公开年报"},
            head='<script src="/js/webBuilderCommon.js"></script>'))
        self.farm.add(f"{self.www}/js/webBuilderCommon.js", Route(200, (
            f"var siteInfo = {{projectName: '{PROJECT}', siteGuid: '{GUID}', siteName: '{self.county}人民政府'}};"
            ).encode(), (("Content-Type", "application/javascript"),)))
        self.api_rows = [{"infourl": d.url.replace(self.www, ""), "realtitle": d.title, "title": d.title[:20],
                          "infodate": str(d.published)} for d in self.sorted_docs(county)]
        self.farm.handle(f"{self.www}{PROJECT}/rest/lightfrontaction/getgovinfolist", self.api)
        docs = self.sorted_docs(towns)
        pages = [docs[i:i + STATIC_SIZE] for i in range(0, len(docs), STATIC_SIZE)]
        for number in range(1, len(pages) + 3):  # pages past the end repeat the last one
            chunk = pages[min(number, len(pages)) - 1]
            items = "".join(f'<li><a href="{d.url}" title="{html.escape(d.title)}">{html.escape(d.title)}</a>'
                            f'<span>{d.published}</span></li>' for d in chunk)
            url = f"{self.www}/xxgk/iList.jsp?node_id=GKxzjd&cat_id=nb&cur_page={number}"
            self.add_page(url, self.html("乡镇政府信息公开年报", f'<div class="ewb-job"><ul>{items}</ul></div>'
                                         f'<a href="iList.jsp?node_id=GKxzjd&cat_id=nb&cur_page={number + 1}">下一页</a>'))
            if number > len(pages):
                self.farm.note(url, Fault.PAGER_REPEATS, NOT_RECORD, "list")
        for doc in self.reports():
            self.add_page(doc.url, self.article_page(doc), fault=doc.fault)

    def api(self, method, query, body, headers):
        request = json.loads(body or b"{}")
        index, size = int(request.get("pageIndex", 0)), int(request.get("pageSize", PAGE_SIZE))
        rows = self.api_rows[index * size:(index + 1) * size] if request.get("categorynum") == "005001" else []
        payload = {"custom": {"data": rows, "total": len(self.api_rows)}, "status": {"code": 1}}
        return Route(200, json.dumps(payload, ensure_ascii=False).encode(), (("Content-Type", "application/json"),))

    def article_page(self, doc):
        links = ""
        for n, file in enumerate(doc.files):
            url = doc.url.rsplit("/", 1)[0] + f"/{doc.id}_{n}.{file.name.rsplit('.', 1)[-1]}"
            self.add_file(url, file)
            links += f'<span><a href="{url}">{html.escape(file.name)}</a></span>'
        symbol = (f'<table id="symbol"><tr><td>索引号：</td><td>mzs-{doc.published.year}-{doc.id:05d}</td>'
                  f'<td>发布机构：</td><td>{html.escape(doc.org)}</td></tr><tr><td>发布日期：</td><td>{doc.published}</td>'
                  f"<td>附件：</td><td>{links}</td></tr></table>")
        body = (f'<div class="ewb-article">{symbol}<h2 class="ewb-article-tt">{html.escape(doc.page_title or doc.title)}'
                f'</h2><div class="ewb-article-detail">{doc.body}</div></div>')
        return self.html(doc.page_title or doc.title, body, head='<script src="/js/webBuilderCommon.js"></script>')

"""F6 Anhui-style 政府信息公开平台: `/public/column/<siteId>?…&pageIndex=N` per unit,
articles `/public/<siteId>/<infoId>.html`, and the `/XxgkAnnualReport/` module for townships.

robots.txt disallows one unit's article directory: those reports must never be fetched (T38).
"""
from __future__ import annotations

import html

from ..faults import ROBOTS, Fault
from ..model import Site

PAGE_SIZE = 4
SITE_ID = 6781961


class AnhuiSite(Site):
    family = "anhui"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "利河县", "www.lihe.gov.cn", scale, farm.rng)

    def site_id(self, unit: str) -> int:
        return SITE_ID if unit in ("gov", "office") else 6782000 + list(self.units).index(unit)

    def column(self, unit, page=1):
        return (f"{self.www}/public/column/{self.site_id(unit)}?type=4&catId=7001&action=list"
                + (f"&pageIndex={page}" if page > 1 else ""))

    def build(self):
        portal = f"{self.www}/public/column/{SITE_ID}?type=4&action=xxgkindex"
        self.home(portal)
        depts = [k for k in self.units if k.startswith("dept")]
        self.robots = f"User-agent: *\nDisallow: /public/{self.site_id(depts[0])}/\n"
        module = f"{self.www}/XxgkAnnualReport/index?siteId={SITE_ID}"
        self.add_page(portal, self.html("政府信息公开", (
            f'<ul><li><a href="{self.www}/public/column/{SITE_ID}?type=4&action=guide">政府信息公开指南</a></li>'
            f'<li><a href="{self.column("gov")}">政府信息公开年报</a></li>'
            f'<li><a href="{module}">乡镇政府信息公开年报</a></li>'
            f'<li><a href="{self.www}/public/column/{SITE_ID}?type=4&action=units">部门信息公开</a></li></ul>')))
        self.add_page(f"{self.www}/public/column/{SITE_ID}?type=4&action=units", self.html("部门信息公开", "<ul>" + "".join(
            f'<li><a href="{self.www}/public/column/{self.site_id(k)}?type=4&action=xxgkindex">'
            f'{html.escape(self.units[k])}</a></li>' for k in depts) + "</ul>"))
        for key in depts:
            self.add_page(f"{self.www}/public/column/{self.site_id(key)}?type=4&action=xxgkindex", self.html(
                self.units[key], f'<ul><li><a href="{self.column(key)}">政府信息公开年报</a></li></ul>'))
        for doc in self.reports():
            if doc.unit.startswith("town"):
                doc.url = f"{self.www}/XxgkAnnualReport/show/{5800 + doc.id}.html"
            else:
                doc.url = f"{self.www}/public/{self.site_id(doc.unit)}/{9100000 + doc.id}.html"
            if doc.unit == depts[0]:
                doc.expect = ROBOTS
        plain = [d for d in self.reports() if d.kind == "report" and d.form == "html" and d.expect == "record"]
        plain[0].fault = Fault.TRUNCATE_ONCE
        groups = {"gov": [d for d in self.reports() if d.unit in ("gov", "office")]}
        groups.update({k: self.reports(k) for k in depts})
        for key, docs in groups.items():
            self.paged(lambda page, key=key: self.column(key, page), docs)
        towns = [d for d in self.reports() if d.unit.startswith("town")]
        self.paged(lambda page: module + (f"&pageIndex={page}" if page > 1 else ""), towns)
        for doc in self.reports():
            self.add_page(doc.url, self.article_page(doc), fault=doc.fault)

    def paged(self, url_of, docs):
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for number, chunk in enumerate(pages, start=1):
            items = "".join(f'<li><a href="{d.url.replace(self.www, "")}" target="_blank" title="{html.escape(d.title)}">'
                            f'{html.escape(d.title)}</a><span class="date">{d.published}</span></li>' for d in chunk)
            pager = f'<div class="pagination" data-total="{len(pages)}">第{number}页</div>'
            self.add_page(url_of(number), self.html("政府信息公开年报", f'<ul class="clearfix xxgk_nav_list">{items}</ul>{pager}',
                                                    {"ColumnName": "政府信息公开年报"}))
        # pageIndex past the end: an empty list, as the platform answers

    def article_page(self, doc):
        links = ""
        for n, file in enumerate(doc.files):
            url = f"{self.www}/group1/M00/{doc.id:02X}/{n:02X}/rBA{doc.id}{n}.{file.name.rsplit('.', 1)[-1]}"
            self.add_file(url, file)
            links += f'<li><a href="{url}" target="_blank">{html.escape(file.name)}</a></li>'
        box = (f'<table class="table_suoyin"><tr><th>索引号：</th><td>11341600/{doc.published.year}-{doc.id:05d}</td>'
               f'<th>发布机构：</th><td>{html.escape(doc.org)}</td></tr>'
               f'<tr><th>发布日期：</th><td>{doc.published}</td><th>组配分类：</th><td>政府信息公开年报</td></tr></table>')
        body = (f'<div class="crumb">网站首页 &gt; 政府信息公开 &gt; {html.escape(doc.org)} &gt; 政府信息公开年报</div>'
                f'{box}<h1 class="newstitle">{html.escape(doc.page_title or doc.title)}</h1>'
                f'<div class="wzcon j-fontContent">{doc.body}</div><ul class="fjlist">{links}</ul>')
        return self.html(doc.page_title or doc.title, body, self.article_metas(doc, "政府信息公开年报"))

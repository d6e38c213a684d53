"""F1 TRS WCM portals: an xxgk sub-domain with per-year columns, and an old GBK site.

Pagination exists only as `createPageHTML(n, i, "index", "html")` (or the
`countPage` variables of trs_1.html); articles are `<col>/<YYYYMM>/t<YYYYMMDD>_<id>.html`,
attachments `./P0<date><digits>.<ext>`, some only inside a JS string (trs_4.html).
"""
from __future__ import annotations

import html

from ..faults import LISTED, Fault
from ..model import Site

PAGE_SIZE = 5


def trs_name(doc, ext="html"):
    day = doc.published
    return f"{day:%Y%m}/t{day:%Y%m%d}_{1900000 + doc.id}.{ext}"


class TrsSite(Site):
    family = "trs"
    ext = "html"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "平安县", "www.pingan.gov.cn", scale, farm.rng)

    def build(self):
        self.xxgk = f"http://xxgk.{self.host.removeprefix('www.')}"
        self.add_real_pdf(0)
        self.home(f"{self.xxgk}/")
        # the sub-domain's root is a tiny JS shell (T35)
        self.add_page(f"{self.xxgk}/", '<html><head><script>window.location.replace("/index.html");</script>'
                                        "</head><body></body></html>")
        self.add_page(f"{self.xxgk}/index.html", self.html("政府信息公开", (
            '<div class="crumb">首页 &gt; 政府信息公开</div><ul class="xxgk-nav">'
            f'<li><a href="{self.xxgk}/zfxxgkzn/index.html">政府信息公开指南</a></li>'
            f'<li><a href="{self.xxgk}/fdzdgknr/index.html">法定主动公开内容</a></li>'
            f'<li><a href="{self.xxgk}/zfxxgknb/index.html">政府信息公开年报</a></li></ul>')))
        self.faults()
        years = sorted({d.year for d in self.reports() if d.year}, reverse=True)
        links = "".join(f'<li><a href="./{y}n_{109800 + y}/">{y}年</a></li>' for y in years)
        self.add_page(f"{self.xxgk}/zfxxgknb/index.html", self.html(
            "政府信息公开年报", f'<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div><ul>{links}</ul>',
            {"ColumnName": "政府信息公开年报"}))
        for year in years:
            docs = [d for d in self.reports() if (d.year or years[0]) == year]
            self.column(f"{self.xxgk}/zfxxgknb/{year}n_{109800 + year}/", f"{year}年", docs)

    def faults(self):
        reports = [d for d in self.reports() if d.kind == "report" and d.form == "html"]
        reports[1].fault = Fault.RETRY_AFTER_ONCE

    def column(self, base, name, docs):
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for index, chunk in enumerate(pages):
            items = "".join(
                f'<li><a href="./{trs_name(d, self.ext)}" title="{html.escape(d.title)}">{html.escape(d.title)}</a>'
                f'<span class="pubTime">{d.published}</span></li>' for d in chunk)
            pager = f'<script>createPageHTML({len(pages)}, {index}, "index", "html");</script>'
            url = base + ("index.html" if index == 0 else f"index_{index}.html")
            self.add_page(url, self.html(name, f'<ul class="newsList">{items}</ul><div class="page">{pager}</div>',
                                         {"ColumnName": name}))
        if len(pages) > 1:
            self.farm.set_fault(base + "index_1.html", Fault.RETRY_AFTER_ONCE)
            self.farm.note(base + "index_1.html", Fault.RETRY_AFTER_ONCE, LISTED, "list")
        for doc in docs:
            self.article(base, doc)

    def article(self, base, doc):
        doc.url = base + trs_name(doc, self.ext)
        folder = doc.url.rsplit("/", 1)[0] + "/"
        links, script = [], ""
        for n, file in enumerate(doc.files):
            ext = file.name.rsplit(".", 1)[-1]
            name = f"P0{doc.published:%Y%m%d}{doc.id:06d}{n:09d}.{ext}"
            self.add_file(folder + name, file)
            if ext == "pdf":  # Jilin style: the link exists only in a JS string (T23)
                script = f"<script>var file_appendix='<a href=\"./{name}\">{html.escape(file.name)}</a>';</script>"
            else:
                links.append(f'<p class="insertfileTag"><a appendix="true" href="./{name}" '
                             f'title="{html.escape(file.name)}">{html.escape(file.name)}</a></p>')
        body = (f'<div class="biaoti_title"><h1>{html.escape(doc.page_title or doc.title)}</h1></div>'
                f'<div class="time4"><span class="ly">发布日期：</span>{doc.published} 10:00:00</div>'
                '<style>.TRS_Editor P{margin-top:0;}</style>'
                f'<div class=TRS_Editor><div class=Custom_UnionStyle>{doc.body}</div></div>'
                f'<div class="article_attachment">{"".join(links)}</div>{script}')
        self.add_page(doc.url, self.html(doc.page_title or doc.title, body, self.article_metas(doc, "政府信息公开年报")),
                      fault=doc.fault)


class GbkTrsSite(TrsSite):
    """An old GBK template (trs_3.html): gb2312 meta after a large script, no charset header,
    one flat column with a `countPage` pager (trs_1.html), .shtml articles, 索引号 rows."""

    charset = "gbk"
    header_charset = False
    ext = "shtml"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "京西区", "www.bjjx.gov.cn", scale, farm.rng)

    def html(self, title, body, metas=None, head=""):
        padding = "<script>/* 云适配 */var allmobilize='" + "x" * 1500 + "';</script>"
        return super().html(title, body, metas, padding + head)

    def build(self):
        self.home(f"{self.www}/zwgk/xxgk/index.html")
        self.add_page(f"{self.www}/zwgk/xxgk/index.html", self.html("政府信息公开", (
            f'<ul><li><a href="{self.www}/zwgk/xxgk/zn/index.html">政府信息公开指南</a></li>'
            f'<li><a href="{self.www}/zwgk/xxgk/nb/index.html">政府信息公开年报</a></li></ul>')))
        base = f"{self.www}/zwgk/xxgk/nb/"
        docs = self.sorted_docs(self.reports())
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)]
        for index, chunk in enumerate(pages):
            rows = "".join(
                f'<tr><td><a href="{base}{trs_name(d, self.ext)}" title="{html.escape(d.title)}">\n'
                f'    {html.escape(d.title)}\n</a></td><td>000014348/{d.published.year}-{d.id:05d}</td>'
                f"<td>{html.escape(d.org)}</td><td>{d.published}</td></tr>" for d in chunk)
            pager = (f"<script>var countnum={len(docs)};var currentPage={index};var countPage={len(pages)};"
                     'document.write("<a href=\\"index.html\\">首页</a>");</script>')
            url = base + ("index.html" if index == 0 else f"index_{index}.html")
            self.add_page(url, self.html("政府信息公开年报", f"<table><tr><th>名称</th><th>索引号</th><th>发布机构</th>"
                                                      f"<th>发布日期</th></tr>{rows}</table>{pager}",
                                         {"ColumnName": "政府信息公开年报"}))
        for doc in docs:
            self.article(base, doc)

    def faults(self):
        pass

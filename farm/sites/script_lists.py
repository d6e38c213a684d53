"""F7 集约化 county portal (Hunan style, `/c<col>/<YYYYMMDD>/i<id>.html`) whose columns are drawn by script.

Every column page is a shell: its rows live in an inline array that the browser renders
and pages itself (`var listData = [{title:'…', url:'…', pubDate:'…'}, …]`: keys unquoted,
single quotes, some addresses protocol-relative), so no row is an `<a>` in the HTML
(portals.md §2.2 "near-empty shells whose list is drawn by JS", §2.7 Hunan grammar, §5 links).
The 年报 column holds the county government, its office and the townships, each town's
report once as an article and, for one of them, as a PDF row of its own; each department's
年报 column is linked from the 部门信息公开 page. Articles carry no 指引 metas: the title is
in `<title>标题 - 站名</title>` and `div.article-title`; attachment-only reports link a PDF.
Faults: a row whose article is gone (404), an article that answers 500 once.
"""
from __future__ import annotations

import json
from datetime import date

from ..faults import Fault, error
from ..model import Doc
from .county import CountySite

NB, XXGK, ZWGK, BM, ZN = 26829, 26800, 26700, 26900, 26810


class ScriptListSite(CountySite):
    family = "generic"
    departments = 3
    towns = 3
    mechanisms = ("column rows only in an inline JS array (unquoted keys, single quotes)",
                  "protocol-relative row addresses", "a file row in the array", "no 指引 metas: <title> 标题 - 站名",
                  "T32 a row whose article is gone", "T32 500 once", "T21 attachment-only reports")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "湘源县", "www.xiangyuan.gov.cn", scale, farm.rng)

    def report_title(self, unit, year):
        c = self.county
        if unit == "gov":
            return f"{c}人民政府{year}年政府信息公开工作年度报告"
        if unit == "office":
            return f"{c}人民政府办公室{year}年政府信息公开工作年度报告"
        if unit.startswith("dept"):
            return f"{self.units[unit]}{year}年度政府信息公开工作年度报告"
        return f"{self.short(unit)}人民政府{year}年政府信息公开工作年度报告"

    def plan_docs(self):
        c, last = self.county, self.span[-1]
        # town1's last report is listed as its PDF only: a file row of the array
        self.plan_reports({("dept1", last): ("pdf", False), ("office", self.span[0]): ("pdf", False),
                           ("town1", last): ("pdf", False)})
        self.other("gov", f"《{c}人民政府2023年政府信息公开工作年度报告》解读", 2023, date(2024, 2, 2))
        self.other("office", f"{c}政府网站工作年度报表（2023年度）", 2023, date(2024, 1, 25))
        self.other("dept0", f"{self.units['dept0']}2023年法治政府建设年度报告", 2023, date(2024, 3, 1))
        self.other("gov", f"{c}政府信息公开指南", 2023, date(2023, 6, 1))

    # -- layout ------------------------------------------------------------------------------------------
    def page(self, title: str, main: str, head: str = "") -> str:
        c = self.county
        return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
                f'<title>{self.esc(title)} - {c}人民政府</title>{head}</head><body>'
                f'<div class="top"><a href="/">{c}人民政府</a><ul class="nav"><li><a href="/">首页</a></li>'
                f'<li><a href="/c{ZWGK}/index.html">政务公开</a></li><li><a href="/c26600/index.html">政务服务</a></li></ul></div>'
                f'<div class="main">{main}</div>'
                f'<div class="foot">{c}人民政府办公室主办 网站标识码：{self.farm.site_code(self)}</div></body></html>')

    def shell(self, column: int, name: str, docs: list[Doc]) -> None:
        """A column page whose rows are an inline array, rendered and paged in the browser."""
        rows = []
        for n, doc in enumerate(self.sorted_docs(docs)):
            url = doc.url if doc.form != "file" or doc.unit != "town1" else doc.files[0].url
            path = url.removeprefix(self.www)
            rows.append({"title": doc.title, "url": f"//{self.host}{path}" if n % 3 == 2 else path,
                         "pubDate": doc.published.isoformat(), "source": doc.org})
        data = ",\n".join("{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False).replace(chr(34), chr(39))}"
                                          for k, v in row.items()) + "}" for row in rows)
        script = (f"<script type=\"text/javascript\">\nvar listData = [\n{data}\n];\nvar pageSize = 15;\n"
                  "$(function(){ renderList('#list', listData, pageSize); });\n</script>")
        main = (f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/c{XXGK}/index.html">政府信息公开</a>'
                f' &gt; <span>{name}</span></div><div class="lm-name">{name}</div><ul id="list" class="list"></ul>'
                '<div id="pager" class="pager"></div>')
        self.add_page(f"{self.www}/c{column}/index.html", self.page(name, main, script))

    def article_url(self, doc: Doc, column: int) -> str:
        return f"{self.www}/c{column}/{doc.published:%Y%m%d}/i{2310000 + 37 * doc.id}.html"

    def article(self, doc: Doc) -> str:
        files = "".join(f'<p class="fj">附件：<a href="{f.url.removeprefix(self.www)}">{self.esc(f.name)}</a></p>'
                        for f in doc.files)
        main = (f'<div class="article-title">{self.esc(doc.title)}</div>'
                f'<div class="article-info">发布时间：{doc.published.isoformat()} 10:15　信息来源：{self.esc(doc.org)}</div>'
                f'<div id="zoom" class="TRS_Editor">{doc.body}</div>{files}')
        return self.page(doc.title, main)

    # -- pages ---------------------------------------------------------------------------------------------
    def build(self):
        c, www = self.county, self.www
        self.add_page(www + "/", self.page(f"{c}人民政府", (
            f'<div class="news"><h3>湘源要闻</h3><ul><li><a href="/c26500/20240511/i2300001.html">{c}召开春耕生产调度会'
            f'</a></li></ul></div><div class="entry"><a href="/c{ZWGK}/index.html">政务公开</a></div>')))
        self.add_page(www + "/c26500/20240511/i2300001.html", self.page(f"{c}召开春耕生产调度会",
                                                                       f"<div class='article-title'>{c}召开春耕生产调度会</div>"))
        self.add_page(f"{www}/c{ZWGK}/index.html", self.page("政务公开", (
            f'<ul class="zwgk"><li><a href="/c{XXGK}/index.html">政府信息公开</a></li>'
            '<li><a href="/c26710/index.html">政策解读</a></li></ul>')))
        self.add_page(f"{www}/c{XXGK}/index.html", self.page("政府信息公开", (
            f'<ul class="xxgk"><li><a href="/c{ZN}/index.html">政府信息公开指南</a></li>'
            f'<li><a href="/c{NB}/index.html">政府信息公开年报</a></li>'
            f'<li><a href="/c{BM}/index.html">部门信息公开</a></li></ul>')))
        depts = self.units_of("dept")
        self.add_page(f"{www}/c{BM}/index.html", self.page("部门信息公开", "<ul class='bm'>" + "".join(
            f'<li><a href="/c{NB + 1 + n}/index.html">{self.short(u)}政府信息公开年报</a></li>'
            for n, u in enumerate(depts)) + "</ul>"))
        columns = {NB: [u for u in self.units if not u.startswith("dept")]}
        columns.update({NB + 1 + n: [u] for n, u in enumerate(depts)})
        looks = [d for d in self.docs if d.kind == "lookalike"]
        for column, units in columns.items():
            docs = [d for d in self.docs if d.kind == "report" and d.unit in units]
            for doc in docs:
                doc.url = self.article_url(doc, column)
                for n, file in enumerate(doc.files):
                    self.add_file(f"{www}/uploadfiles/{doc.published:%Y%m}/{2310000 + 37 * doc.id}_{n}.pdf", file)
            if column == NB:
                docs += [d for d in looks if "指南" not in d.title]
            shown = docs
            for doc in docs:
                if doc.kind == "lookalike":
                    doc.url = self.article_url(doc, column)
            self.shell(column, "政府信息公开年报" if column == NB else f"{self.short(units[0])}政府信息公开年报", shown)
        guide = next(d for d in looks if "指南" in d.title)
        guide.url = self.article_url(guide, ZN)
        self.shell(ZN, "政府信息公开指南", [guide])
        for column, name in ((26710, "政策解读"), (26600, "政务服务")):
            self.shell(column, name, [])
        gone = next(d for d in self.docs if (d.unit, d.year) == ("dept2", self.span[0]))
        gone.fault, gone.expect = Fault.HTTP_404, error("http_404")
        once = next(d for d in self.docs if (d.unit, d.year) == ("town0", self.span[1]))
        once.fault = Fault.HTTP_500_ONCE
        for doc in self.docs:
            if doc.kind == "news" or doc is gone or (doc.unit == "town1" and doc.form == "file"):
                continue
            self.add_page(doc.url, self.article(doc), fault=doc.fault)
        town_file = next(d for d in self.docs if d.unit == "town1" and d.form == "file")
        town_file.url = town_file.files[0].url  # no article: the row is the file (its page is the column)
        assert all(d.url for d in self.docs), "a document with no page"

"""F2 Hanweb 信息公开目录 module (portals.md §2.2, §2.9): lists that only a POST gives.

The 信息公开 column page is a shell: the unit tree in an iframe (`tree.jsp?area=…`),
a `searchform` of hidden fields (infotypeId, jdid, area, divid, currpage …) and
`loadDynamic('/module/xxgk/search.jsp?…')`. Each unit is the same column page with
its own `vc_xxgkarea` query. `search.jsp` answers GET with 405; a POST answers HTML
rows (`tr_main_value_odd/even`) of everything the `area` published, whatever the
infotypeId (年报, 指南, notices alike, T13), 10 rows per `currpage`, "共N页", a pager of
`funGoPage('/module/xxgk/search.jsp',N)`; a currpage past the end repeats the last.

Rows point to articles `/art/Y/M/D/art_<col>_<id>.html` (索引号 table), to the 年报
module `xxgkAnnualReport.jsp?area=…&fbtime=…` (one path for every township and year:
only the query tells them apart), or straight to the report file
(`downfile.jsp?classid=0&filename=<32 hex>.doc|pdf`, the real name only in the row).
One article has no year in its title (T27), one no organ (T28); one is GBK bytes
under a `charset=utf-8` header (T04); one is cut short on its first fetch with no
Content-Length to tell (T33).
"""
from __future__ import annotations

import html
from datetime import date
from urllib.parse import parse_qsl

from .. import content
from ..faults import LISTED, Fault
from ..model import Doc, File, Route, Site
from .hanweb import downfile, hanweb_article

ROWS = 10
ROOT_COLUMN = 1229300001
JDID = 3236
INFOTYPES = (("A01", "政府信息公开指南"), ("A02", "政府信息公开制度"), ("A03", "法定主动公开内容"),
             ("A0401", "政府信息公开年报"))
SEARCH = "/module/xxgk/search.jsp"
MODULE = "/module/xxgk/xxgkAnnualReport.jsp"


def area_code(index: int) -> str:
    """An 18-character 统一社会信用代码-shaped area id, as Hanweb uses for each unit."""
    return f"1133{2400 + index:04d}{2605419 + index * 131:08d}XW"


def art_url(www: str, doc: Doc, column: int) -> str:
    day = doc.published
    return f"{www}/art/{day.year}/{day.month}/{day.day}/art_{column}_{3910000 + doc.id}.html"


class HanwebXxgkSite(Site):
    family = "hanweb_xxgk"
    mechanisms = ("search.jsp POST only (GET 405), currpage paging, whole-area rows",
                  "query-string identity (xxgkAnnualReport.jsp?area&fbtime)", "rows that are the report file",
                  "iframe unit tree", "T27 no year in title", "T28 no organ in title", "T04 GBK under utf-8",
                  "T33 unframed truncation")

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "下溪县", "www.xiaxi.gov.cn", scale, farm.rng)

    # -- data: per unit, a report a year and one look-alike; the county area also lists two files --------
    def make_docs(self, scale):
        titles = {(unit, year): f"{org}{year}年政府信息公开工作年度报告"  # what the 年报 module prints
                  for unit, org in self.units.items() if unit.startswith("town") for year in self.span}
        titles[("office", 2023)] = f"{self.units['office']}政府信息公开工作年度报告"  # T27: the year only in the body
        titles[("dept1", 2024)] = "2024年度政府信息公开工作年度报告"                # T28: the organ only in 发布机构
        self.plan(titles=titles, forms={("gov", self.span[0]): "copy"})
        for unit, org in self.units.items():
            self.news(unit, f"{org}关于调整领导班子成员工作分工的通知", date(2024, 3, 5))
            self.news(unit, f"{org}2024年重点工作任务分解", date(2024, 2, 20))
        for number in range(len(content.OTHER_FILES)):
            data, org, year, title, ext = content.other_file(number)
            doc = Doc(self.farm.next_id(), "report", title, org, "gov", year, date(year + 1, 1, 18 + number),
                      "<p>详见附件。</p>", form="file")
            doc.files.append(File(f"{title}.{ext}", data, "application/msword" if ext == "doc" else "application/pdf"))
            self.docs.append(doc)

    def area_of(self, unit: str) -> str:
        """Units of the county government share its area; each department and township has its own."""
        keys = [k for k in self.units if k != "office"]
        return area_code(keys.index("gov" if unit == "office" else unit))

    def column_of(self, unit: str) -> int:
        return ROOT_COLUMN + 100 + list(self.units).index(unit)

    # -- pages -----------------------------------------------------------------------------------
    def build(self):
        root = f"{self.www}/col/col{ROOT_COLUMN}/index.html"
        self.home(root)
        areas = {self.area_of(u): u for u in self.units if u != "office"}
        directory = "".join(f'<li><a href="/col/col{ROOT_COLUMN}/index.html?vc_xxgkarea={area}">'
                            f"{html.escape(self.units[unit])}</a></li>" for area, unit in areas.items() if unit != "gov")
        self.add_page(root, self.shell("政府信息公开", self.area_of("gov"),
                                       f'<div class="units"><h3>部门及乡镇信息公开</h3><ul>{directory}</ul></div>'))
        for area, unit in areas.items():
            if unit != "gov":
                self.add_page(f"{root}?vc_xxgkarea={area}", self.shell(f"{self.units[unit]}信息公开", area, ""))
            tree = "".join(f"<li><a href=\"javascript:funclick('{code}','')\">{name}</a></li>" for code, name in INFOTYPES)
            self.add_page(f"{self.www}/module/xxgk/tree.jsp?area={area}&divid=div{ROOT_COLUMN}&standardXxgk=1",
                          f'<html><head><meta charset="utf-8"></head><body><ul class="dtree">{tree}</ul>'
                          f'<input type="hidden" id="strSearchUrl" value="{SEARCH}"></body></html>')
        self.farm.handle(self.www + SEARCH, self.search)
        self.farm.note(self.www + SEARCH, Fault.POST_ONLY, LISTED, "endpoint")
        self.place_faults()
        self.rows: dict[str, list[Doc]] = {}   # area → the documents search.jsp lists for it
        for doc in self.docs:
            self.publish(doc)

    def shell(self, name: str, area: str, extra: str) -> str:
        """The column page: tree iframe, search form of hidden fields, the div search.jsp fills."""
        fields = {"infotypeId": "A0401", "jdid": JDID, "area": area, "divid": f"div{ROOT_COLUMN}", "vc_title": "",
                  "vc_number": "", "vc_filenumber": "", "vc_all": "", "texttype": "", "fbtime": "",
                  "sortfield": ",createdatetime:0,orderid:0", "currpage": "1"}
        hidden = "".join(f'<input type="hidden" id="{k}" name="{k}" value="{v}">' for k, v in fields.items())
        body = (f'<div class="crumb">当前位置: 首页 &gt; 政务公开 &gt; {html.escape(name)}</div>'
                f'<iframe name="treeFrame" src="/module/xxgk/tree.jsp?area={area}&amp;divid=div{ROOT_COLUMN}'
                f'&amp;standardXxgk=1" width="220" height="600" frameborder="0"></iframe>{extra}'
                f'<form name="searchform" method="post" action="{SEARCH}">{hidden}'
                f'<input type="hidden" id="strSearchUrl" value="{SEARCH}"></form>'
                f'<div id="div{ROOT_COLUMN}">正在加载内容，请稍候...</div>'
                f"<script>loadDynamic('{SEARCH}?infotypeId=A0401&vc_title='+encodeURI('')+'&vc_number='+encodeURI('')"
                f"+'&area={area}', 'div{ROOT_COLUMN}', '0','0','{JDID}','{JDID}','','{area}');</script>")
        return self.html(name, body, {"ColumnName": "信息公开目录"},
                         '<script src="/module/xxgk/js/xxgk.js"></script>')

    def place_faults(self):
        plain = [d for d in self.reports() if d.kind == "report" and d.form == "html" and not d.unit.startswith("town")]
        by = {(d.unit, d.year): d for d in plain}
        by[("dept0", 2023)].fault = Fault.GBK_AS_UTF8
        by[("gov", 2024)].fault = Fault.TRUNCATE_UNFRAMED_ONCE

    def publish(self, doc: Doc):
        """Give the document its URL and page; remember its search row."""
        area = self.area_of(doc.unit)
        if doc.form == "file":
            doc.url = self.www + downfile(doc.id, doc.title, doc.files[0].name.rsplit(".", 1)[-1])
            self.add_file(doc.url, doc.files[0])
        elif doc.unit.startswith("town") and doc.kind == "report":
            doc.url = f"{self.www}{MODULE}?area={area}&fbtime={doc.year}"
            self.add_page(doc.url, self.module_page(doc), fault=doc.fault)
        else:
            doc.url = art_url(self.www, doc, self.column_of(doc.unit))
            charset = "gbk" if doc.fault == Fault.GBK_AS_UTF8 else None
            crumb = (f'首页 &gt; 政务公开 &gt; {"乡镇街道" if doc.unit.startswith("town") else "部门"} &gt; '
                     f"{html.escape(doc.org)} &gt; 政府信息公开年报")
            self.add_page(doc.url, hanweb_article(self, doc, crumb, self.index_box(doc, area), charset),
                          fault=doc.fault)
        self.rows.setdefault(area, []).append(doc)

    def index_box(self, doc: Doc, area: str) -> str:
        """The 索引号 table of xxgk articles (zjxj): 统一社会信用代码/年-序号, 发布机构, 组配分类."""
        kind = "政府信息公开年报" if doc.kind == "report" else "其他"
        return (f'<table class="xxgk_table"><tr><td>索引号</td><td>{area[:18]}/{doc.published.year}-{doc.id:06d}</td>'
                f"<td>公开方式</td><td>主动公开</td></tr><tr><td>成文日期</td><td>{doc.published}</td>"
                f"<td>发布机构</td><td>{html.escape(doc.org)}</td></tr><tr><td>组配分类</td><td>{kind}</td></tr></table>"
                f'<script>var vc_xxgkarea="{area}";</script>')

    def module_page(self, doc: Doc) -> str:
        """The 年报 module's own page: no article id, no column, just the unit's area and the year."""
        body = (f'<div class="nb_head"><h2>{html.escape(doc.org)}{doc.year}年政府信息公开工作年度报告</h2>'
                f'<p>发布机构：{html.escape(doc.org)}　发布日期：{doc.published}</p></div>'
                f'<div class="nb_content">{doc.body}</div>')
        return self.html(f"{doc.org}{doc.year}年政府信息公开工作年度报告", body)

    # -- the endpoint ----------------------------------------------------------------------------
    def search(self, method, query, body, headers):
        if method != "POST":
            return Route(405, b"<html><body><h1>HTTP Status 405 - Method Not Allowed</h1></body></html>",
                         (("Content-Type", "text/html;charset=utf-8"), ("Allow", "POST")))
        fields = dict(query)
        fields.update(dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)))
        area = fields.get("area", "")
        docs = ([d for a in self.rows for d in self.rows[a]] if not area else self.rows.get(area, []))
        docs = self.sorted_docs(docs)
        pages = max(1, -(-len(docs) // ROWS))
        try:
            page = min(max(int(fields.get("currpage") or 1), 1), pages)
        except ValueError:
            page = 1
        rows = []
        for number, doc in enumerate(docs[(page - 1) * ROWS: page * ROWS], start=(page - 1) * ROWS + 1):
            href = doc.url.replace(self.www, "") if doc.form == "file" else doc.url
            text = doc.title if len(doc.title) <= 26 else doc.title[:26] + "..."
            rows.append(f"<tr class='{'tr_main_value_odd' if number % 2 else 'tr_main_value_even'}'><td>{number}</td>"
                        f"<td><a href='{href}' target='_blank' title='{html.escape(doc.title)}'>{html.escape(text)}</a>"
                        f"</td><td>{doc.published}</td></tr>")
        pager = "".join(f"<a href=\"javascript:funGoPage('{SEARCH}',{n})\">{label}</a>"
                        for n, label in ((1, "首页"), (max(page - 1, 1), "上一页"), (min(page + 1, pages), "下一页"),
                                         (pages, "尾页")))
        answer = ('<table width="100%" border="0" cellspacing="0" cellpadding="0" class="tb_list">'
                  '<tr class="tr_main_title"><td>序号</td><td>名称</td><td>发布日期</td></tr>' + "".join(rows) + "</table>"
                  f'<table class="tb_title"><tr><td>第{page}页&nbsp;&nbsp;共{pages}页&nbsp;&nbsp;共{len(docs)}条</td>'
                  f'<td>{pager}<input type="text" id="currpage" value="{page}" size="2"></td></tr></table>')
        return Route(200, answer.encode("utf-8"), (("Content-Type", "text/html;charset=utf-8"),))


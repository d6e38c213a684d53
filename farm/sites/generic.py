"""F7 snowflake-id 集约化 portal (Shaanxi style) and a 加速乐-blocked county.

Reports are `/zfxxgk/zfxxgknb/<sub>/<19-digit>.html` under sub-columns for the
county government, departments and towns; lists page with a 下一页 link whose
last target repeats the last page. The whole site is GBK while its header says
UTF-8 (T04). One report redirects in a loop (T34).
"""
from __future__ import annotations

import html

from .. import content
from ..faults import NOT_RECORD, Fault, error
from ..model import Doc, Route, Site

PAGE_SIZE = 4
SUBS = (("szfnb", "县政府年报", ("gov", "office")), ("bmxxgknb", "部门年报", "dept"), ("xzjd", "乡镇年报", "town"))


class SnowflakeSite(Site):
    family = "generic"
    charset = "gbk"
    wrong_header = True

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "云溪县", "www.yunxi.gov.cn", scale, farm.rng)

    def build(self):
        title, body = content.real_html_report()
        real = Doc(self.farm.next_id(), "report", title, "沭阳县发展和改革局", "dept0", 2023,
                   self.docs[0].published, body)
        self.docs.append(real)
        self.home(f"{self.www}/zfxxgk/index.html")
        base = f"{self.www}/zfxxgk/zfxxgknb/"
        subs = "".join(f'<li><a href="{base}{code}/">{name}</a></li>' for code, name, _ in SUBS)
        self.add_page(f"{self.www}/zfxxgk/index.html", self.html("政府信息公开", (
            f'<ul><li><a href="{self.www}/zfxxgk/fdzdgknr/">法定主动公开内容</a></li>'
            f'<li><a href="{base}">政府信息公开年报</a></li></ul>')))
        self.add_page(base, self.html("政府信息公开年报", f"<ul>{subs}</ul>", {"ColumnName": "政府信息公开年报"}))
        for code, name, units in SUBS:
            docs = [d for d in self.reports() if d.unit.startswith(units)]
            for doc in docs:
                doc.url = f"{base}{code}/{1740000000000000000 + doc.id * 7919}.html"
            self.paged(f"{base}{code}/", name, docs)
        loop = [d for d in self.reports() if d.kind == "report" and d.form == "html"][1]
        loop.fault, loop.expect = Fault.REDIRECT_LOOP, error("redirect_loop")
        for doc in self.reports():
            if doc is loop:
                other = doc.url.replace(".html", "_1.html")
                self.farm.add(doc.url, Route(302, b"", (("Location", other),)))
                self.farm.add(other, Route(302, b"", (("Location", doc.url),)))
            else:
                self.add_page(doc.url, self.article_page(doc))

    def paged(self, base, name, docs):
        docs = self.sorted_docs(docs)
        pages = [docs[i:i + PAGE_SIZE] for i in range(0, len(docs), PAGE_SIZE)] or [[]]
        for number in range(len(pages) + 1):  # index_<last+1> repeats the last page (T46)
            chunk = pages[min(number, len(pages) - 1)]
            items = "".join(f'<li><a href="{d.url}">{html.escape(d.title)}</a><span>{d.published}</span></li>'
                            for d in chunk)
            url = base + ("index.html" if number == 0 else f"index_{number}.html")
            self.add_page(url, self.html(name, f'<ul class="list">{items}</ul><div class="page">'
                                         f'<a href="index_{number + 1}.html">下一页</a></div>', {"ColumnName": name}))
            if number == len(pages):
                self.farm.note(url, Fault.PAGER_REPEATS, NOT_RECORD, "list")
        self.add_page(base, self.farm.routes[self.host][base.replace(self.www, "") + "index.html"].body.decode("gb18030"))

    def article_page(self, doc):
        links = ""
        for n, file in enumerate(doc.files):
            url = doc.url.replace(".html", f"_{n}.{file.name.rsplit('.', 1)[-1]}")
            self.add_file(url, file)
            links += f'<p><a href="{url}">{html.escape(file.name)}</a></p>'
        body = (f'<div class="detail"><h1>{html.escape(doc.page_title or doc.title)}</h1>'
                f'<div class="info">发布时间：{doc.published} 来源：{html.escape(doc.org)}</div>'
                f'<div class="article-content">{doc.body}</div>{links}</div>')
        return self.html(doc.page_title or doc.title, body, self.article_metas(doc, "政府信息公开年报"))


class BlockedSite(Site):
    """Every answer is 加速乐's 521 cookie challenge (T37): the crawler records it and stops."""

    family = "blocked"

    @classmethod
    def create(cls, farm, scale):
        return cls(farm, "黑石县", "www.heishi.gov.cn", 0, farm.rng)

    def make_docs(self, scale):
        self.docs = []

    def build(self):
        challenge = ("<html><script>document.cookie=('__jsl_clearance_s=1700000000.1|0|abc');"
                     "location.href=location.pathname+location.search</script></html>")
        self.farm.note(f"{self.www}/", Fault.BLOCKED_521, error("blocked"), "home")
        self.farm.add(f"{self.www}/", Route(521, challenge.encode(), (("Content-Type", "text/html"),
                                                                      ("Set-Cookie", "__jsluid_h=abc; path=/"))))

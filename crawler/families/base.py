"""What every CMS family shares: the values a family yields, link and article reading.

A family is a small stateless object. Its `listing()` turns a column page (or
an API answer) into `Entry` (a document to fetch) and `ListPage` (a sub-column,
a further page or an API call); `article()` reads a report page. The spider
does all bookkeeping, so a family only knows markup and URL grammar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import scrapy
from parsel import Selector

from ..recognize import normalize_title, squash

DOC_EXTENSIONS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "ofd", "et", "txt")
_EXT = "|".join(DOC_EXTENSIONS)
_DOC_PATH = re.compile(rf"\.({_EXT})$", re.I)
_DOC_NAME = re.compile(rf"[^/\\<>]*\.({_EXT})\b", re.I)
# Attachment links that exist only inside JS strings (trs_4: file_appendix, document.write).
_SCRIPT_LINK = re.compile(rf"""<a\s[^>]*?href=\\?["']([^"'\\]+)\\?["'][^>]*>(.*?)</a>""", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_DATE = re.compile(r"((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})")
_DATE_LABEL = re.compile(r"(?:发布日期|发布时间|公开日期|时间)\s*[:：]\s*((?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2})")
_SKIP_HREF = re.compile(r"^\s*(javascript:|mailto:|tel:|#)", re.I)


@dataclass(frozen=True)
class Entry:
    """A listed document (report candidate)."""
    url: str
    title: str
    date: str | None = None


@dataclass(frozen=True)
class ListPage:
    """Another list page or API answer to read with `handler` (a family method name).

    `probe=True` marks open-ended pagination (next page, next window): the spider
    follows it only while the current page brought entries it had not seen, which
    stops looping and bleeding pagination (portals.md T42, T46). Pages counted from
    a total (TRS, VSB) are not probes.
    """
    request: scrapy.Request
    probe: bool = False
    handler: str = "listing"

@dataclass
class Attachment:
    url: str
    name: str


@dataclass
class Article:
    title: str | None
    published: str | None
    org: str | None
    attachments: list[Attachment] = field(default_factory=list)


def iso_date(text: str | None) -> str | None:
    """`2020年08月02日`, `2024-1-16 10:00`, `[2017-04-24]` -> `YYYY-MM-DD`."""
    match = _DATE.search(text or "")
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def anchor_text(anchor: Selector) -> str:
    """Visible text, or the title attribute when the text is cut short with … / ...."""
    text = normalize_title(" ".join(anchor.xpath(".//text()").getall()))
    full = normalize_title(anchor.attrib.get("title"))
    if full and (not text or text.endswith(("…", "...")) or len(full) > len(text)):
        return full
    return text


def anchors(sel: Selector, base: scrapy.http.TextResponse, scope: str = "//a[@href]") -> Iterator[tuple[str, str]]:
    """(absolute url, text) for each usable anchor; `base` supplies urljoin (and <base href>)."""
    for anchor in sel.xpath(scope):
        href = anchor.attrib.get("href", "")
        href = re.sub(r"\s+", "", href)
        if not href or _SKIP_HREF.match(href):
            continue
        yield base.urljoin(href), anchor_text(anchor)


def meta(response: scrapy.http.TextResponse, *names: str) -> str | None:
    """First non-empty <meta name=…> among `names`, matched case-insensitively."""
    for name in names:
        value = response.xpath(
            "//meta[translate(@name,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')=$n]/@content",
            n=name.lower(),
        ).get()
        if value and value.strip():
            return value.strip()
    return None


def filename_of(url: str, text: str | None = None) -> str | None:
    """A document's name: from the link text, a `filename=` parameter or the path."""
    match = _DOC_NAME.search(squash(text))
    if match:
        return match.group(0)
    parts = urlsplit(url)
    for values in parse_qs(parts.query).values():
        for value in values:
            if _DOC_PATH.search(value):
                return value.rsplit("/", 1)[-1]
    name = unquote(parts.path.rsplit("/", 1)[-1])
    return name if _DOC_PATH.search(name) else None


def is_document_link(url: str, text: str | None = None) -> bool:
    return filename_of(url, text) is not None


class Family:
    """The generic behaviour; CMS families override the parts that differ."""

    name = "generic"
    #: regexes on the page source that identify the family
    fingerprints: tuple[re.Pattern, ...] = ()
    #: the CMS's own article id in a URL (same under every column, post_/mpost_ ...)
    article_id: re.Pattern | None = None

    def detect(self, response: scrapy.http.TextResponse) -> bool:
        return any(p.search(response.url) or p.search(response.text) for p in self.fingerprints)

    # -- listing -------------------------------------------------------------------
    def listing(self, response: scrapy.http.TextResponse) -> Iterable[object]:
        """Anchors as entries, path-fenced sub-columns, `<a>` pagers."""
        yield from self.entries_from(response, response)
        yield from self.subcolumns(response)
        yield from self.pager(response)

    def entries_from(self, sel: Selector, response: scrapy.http.TextResponse,
                     scope: str = "//a[@href]") -> Iterator[Entry]:
        """Anchors (pager links aside) become entries, with the date of their row if any."""
        for anchor in sel.xpath(scope):
            href = re.sub(r"\s+", "", anchor.attrib.get("href", ""))
            text = anchor_text(anchor)
            if not href or _SKIP_HREF.match(href) or _PAGER.match(text):
                continue
            row = anchor.xpath("ancestor::*[self::li or self::tr][1]")
            date = iso_date(" ".join((row or anchor).xpath(".//text()").getall()))
            yield Entry(response.urljoin(href), text, date)

    def subcolumns(self, response: scrapy.http.TextResponse) -> Iterator[ListPage]:
        """Per-year and per-unit sub-columns: short labels under this column's path."""
        prefix = column_prefix(response.url)
        for url, text in anchors(response, response):
            path = urlsplit(url).path
            if (url != response.url and path.startswith(prefix) and path != prefix
                    and 0 < len(text) <= 16 and not _PAGER.match(text)
                    and not is_document_link(url, text) and not _ARTICLE_FILE.search(path)):
                yield ListPage(scrapy.Request(url))

    def pager(self, response: scrapy.http.TextResponse) -> Iterator[ListPage]:
        """`<a>` pagers (下一页, page numbers) within this column's path, as probes."""
        prefix = column_prefix(response.url)
        for url, text in anchors(response, response):
            if _PAGER.match(text) and urlsplit(url).path.startswith(prefix) and url != response.url:
                yield ListPage(scrapy.Request(url), probe=True)

    def is_column(self, response: scrapy.http.TextResponse) -> bool:
        """Does this page present itself as a 年报 column (title, ColumnName, breadcrumb)?"""
        names = [meta(response, "ColumnName") or "", response.xpath("//title/text()").get() or ""]
        names += response.css(".breadcrumb ::text, .position ::text, .posi ::text, .crumb ::text").getall()[-2:]
        names = [normalize_title(name) for name in names]
        return any(_COLUMN_NAME.search(name) and not _YEAR.search(name) for name in names)

    # -- article -------------------------------------------------------------------
    def article(self, response: scrapy.http.TextResponse) -> Article:
        title = (meta(response, "ArticleTitle")
                 or normalize_title(" ".join(response.css("h1 ::text, .biaoti_title ::text, .article-title ::text").getall()))
                 or self.title_from_head(response))
        published = iso_date(meta(response, "PubDate", "Maketime", "publishdate", "firstpublishedtime"))
        if not published:
            label = _DATE_LABEL.search(_TAGS.sub(" ", response.text))
            published = iso_date(label.group(1)) if label else None
        org = meta(response, "ContentSource") or self.box_value(response, "发布机构")
        return Article(title or None, published, org, self.attachments(response))

    @staticmethod
    def title_from_head(response: scrapy.http.TextResponse) -> str:
        """`标题_栏目_站名` / `站名 栏目 标题` -> the longest part is the title."""
        head = response.xpath("//title/text()").get() or ""
        return max(re.split(r"[_|]| - |\s{1,}", head.strip()), key=len, default="")

    @staticmethod
    def box_value(response: scrapy.http.TextResponse, label: str) -> str | None:
        """Value next to a label in the 索引号 box (`<p><strong>发布机构</strong>：X</p>` or a table)."""
        text = normalize_title(" ".join(response.xpath("//body//text()[not(ancestor::script)]").getall()))
        match = re.search(label + r"[:：]?(.{2,30}?)(?:索引号|主题分类|分类|发布日期|成文日期|文号|公开日期|名称|$)", text)
        if not match:
            return None
        return match.group(1).strip("：: ") or None

    def attachments(self, response: scrapy.http.TextResponse) -> list[Attachment]:
        found: dict[str, Attachment] = {}
        for anchor in response.xpath("//a[@href]"):
            url = response.urljoin(re.sub(r"\s+", "", anchor.attrib["href"]))
            text = squash(" ".join(anchor.xpath(".//text()").getall())) or anchor.attrib.get("title")
            name = filename_of(url, text)
            if name and not _SKIP_HREF.match(anchor.attrib["href"]):
                found.setdefault(url, Attachment(url, name))
        for script in response.xpath("//script/text()").getall():
            for href, text in _SCRIPT_LINK.findall(script):
                url = response.urljoin(href)
                name = filename_of(url, _TAGS.sub("", text))
                if name:
                    found.setdefault(url, Attachment(url, name))
        return list(found.values())


_PAGER = re.compile(r"^(下一?页|下页|上一?页|上页|首页|尾页|末页|\d{1,4}|>|>>|»|next)$", re.I)
_ARTICLE_FILE = re.compile(r"/[^/]*\d{5,}[^/]*\.\w+$")
_COLUMN_NAME = re.compile(r"(信息公开|政务公开)(工作)?(年度报告|年报)|^年度报告$|^年报$")
_YEAR = re.compile(r"(19|20)\d{2}")


def column_prefix(url: str) -> str:
    """`/a/b/index.html` -> `/a/b/`; `/a/b.htm` -> `/a/b` (VSB keeps pages in `/a/b/N.htm`)."""
    path = urlsplit(url).path
    head, _, name = path.rpartition("/")
    if not name or name.startswith(("index", "list", "default")):
        return head + "/"
    return path.rsplit(".", 1)[0] if "." in name else path + "/"


def next_by_query(url: str, param: str) -> ListPage:
    """The same list with `param` (cur_page, pageIndex …) one higher: a probe."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query[param] = str(int(query.get(param) or 1) + 1)
    return ListPage(scrapy.Request(urlunsplit(parts._replace(query=urlencode(query)))), probe=True)


def cdata_fragments(text: str, tag: str = "record") -> list[str]:
    """HTML fragments stored as `<tag><![CDATA[…]]></tag>` (Hanweb datastore XML)."""
    return re.findall(rf"<{tag}>\s*<!\[CDATA\[(.*?)\]\]>\s*</{tag}>", text, re.S)

"""A report page: body text via trafilatura (on the article container when one
is found), table cells from the HTML itself, title / date / organ from the
government meta tags (《政府网站发展指引》: ArticleTitle, PubDate, ContentSource, SiteName)."""
from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from .grid import html_grids
from .text import squash
from .record import build_record

# Article body containers of the common portal CMSes, most specific first.
CONTAINERS = ("#zoom", ".TRS_Editor", ".TRS_UEDITOR", "#UCAP-CONTENT", "#ivs_content",
              "#webeditorview", ".Custom_UnionStyle", ".article-content", ".xxgk_content",
              "#vsb_content", ".v_news_content", ".wp_articlecontent", ".zw", "#zw",
              ".article", "article", "#content", ".content")
_SELECTORS = [CSSSelector(c) for c in CONTAINERS]  # compiled once: compiling costs more than matching
_REPORT_WORDS = re.compile(r"总体情况|主动公开|政府信息公开")
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-—]+\s*[^_|｜\-—]*$")


def decode(data: bytes) -> str:
    """Bytes of a page as text: declared charset if it decodes cleanly, else UTF-8,
    else GB18030 (a superset of the gb2312/GBK that portals declare)."""
    head = data[:2048].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    declared = m.group(1).lower() if m else None
    if declared in ("gb2312", "gbk"):
        declared = "gb18030"
    for enc in filter(None, (declared, "utf-8", "gb18030")):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def meta(root, name: str) -> str | None:
    for el in root.iter("meta"):
        if (el.get("name") or "").lower() == name.lower() and (el.get("content") or "").strip():
            return el.get("content").strip()
    return None


def container(root):
    """The article container: a known CMS body element that holds the report."""
    for selector in _SELECTORS:
        for el in selector(root):
            if _REPORT_WORDS.search(el.text_content() or ""):
                return el
    return None


def page_title(root) -> str | None:
    title = meta(root, "ArticleTitle")
    if not title:
        h1 = root.find(".//h1")
        title = h1.text_content() if h1 is not None and h1.text_content().strip() else None
    if not title:
        t = root.find(".//title")
        title = _TITLE_SUFFIX.sub("", t.text_content()) if t is not None and t.text_content() else None
    return squash(title) if title else None


def body_text(html: str, root, box) -> str:
    """trafilatura's text of the container ``box`` (or, if None, the page), tables as
    ``| a | b |`` rows."""
    source = lxml_html.tostring(box, encoding="unicode") if box is not None else html
    text = trafilatura.extract(source, include_tables=True, favor_recall=True, fast=True,
                               include_comments=False)
    if not text:
        text = (box if box is not None else root).text_content()
    return text


def parse_html(html: str, *, url: str | None = None) -> dict:
    """A report page (as str: decode bytes first, see ``decode``) -> record."""
    root = lxml_html.fromstring(html)
    box = container(root)
    return build_record(body_text(html, root, box),
                        grids=html_grids(box if box is not None else root), url=url,
                        title=page_title(root), published=meta(root, "PubDate"),
                        org=meta(root, "ContentSource"), fmt="html", site=meta(root, "SiteName"))

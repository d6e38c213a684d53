"""A report page: body text via trafilatura (on the article container when one
is found), table cells from the HTML itself, title / date / organ from the
government meta tags (《政府网站发展指引》: ArticleTitle, PubDate, ContentSource, SiteName).

The page is parsed once, with lxml's limits on depth and size lifted (a report
behind 254 nested ``<div>``s is still a report) and comments dropped, and that
tree is what trafilatura reads too.
"""
from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from .grid import html_grids
from .hints import NO_HINTS, Hints
from .record import MAX_TEXT_CHARS, NotAReport, TooLarge, build_record
from .text import squash

# Article body containers of the common portal CMSes, most specific first.
CONTAINERS = ("#zoom", ".TRS_Editor", ".TRS_UEDITOR", "#UCAP-CONTENT", "#ivs_content",
              "#webeditorview", ".Custom_UnionStyle", ".article-content", ".xxgk_content",
              "#vsb_content", ".v_news_content", ".wp_articlecontent", ".zw", "#zw",
              ".article", "article", "#content", ".content")
_SELECTORS = [CSSSelector(c) for c in CONTAINERS]  # compiled once: compiling costs more than matching
_REPORT_WORDS = re.compile(r"总体情况|主动公开|政府信息公开")
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-—]+\s*[^_|｜\-—]*$")
_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False)
# A page's markup runs to a few times its text; beyond this it is not one report page.
MAX_HTML_CHARS = 8 * MAX_TEXT_CHARS


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_SINGLE_BYTE = ("latin-1", "latin1", "iso-8859-1", "iso8859-1", "cp1252", "windows-1252", "ascii", "us-ascii")
_GB = ("gb2312", "gbk", "gb18030", "cp936", "x-gbk")


def charset_name(name: str | None) -> str:
    """A charset label as compared: GBK and its relatives are read as their superset GB18030."""
    name = (name or "").lower().replace("_", "-")
    return "gb18030" if name in _GB else "utf-8" if name in ("utf8", "utf-8") else name


def decode_as(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, charset) of a page whose declared charset may lie (portals.md §5, T01-T04).

    Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the header says (GBK text is
    almost never valid UTF-8). Otherwise the declared charset if the bytes decode
    cleanly in it (a single-byte charset decodes anything, so it only counts when
    nothing else does), then the page's own `<meta charset>`, then GB18030. A body
    clean in none (a cut multi-byte tail) gets the candidate with the fewest
    undecodable bytes.
    """
    try:
        text = data.decode("utf-8")
        if not text.isascii():
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    meta_charset = _META_CHARSET.search(data[:8192])
    candidates = []
    for name in (declared, meta_charset.group(1).decode("ascii") if meta_charset else None, "gb18030", "utf-8"):
        name = charset_name(name)
        if name and name not in candidates and not (name in _SINGLE_BYTE and not data.isascii()):
            candidates.append(name)
    for name in candidates:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    scored = []
    for name in candidates:
        try:
            scored.append((data.decode(name, "replace").count("\ufffd"), name))
        except LookupError:
            continue
    name = min(scored)[1]
    return data.decode(name, "replace"), name


def decode(data: bytes) -> str:
    """Bytes of a page as text (see ``decode_as``)."""
    return decode_as(data)[0]


def page_tree(html: str):
    """The page as an lxml tree; NotAReport (a plain, picklable error) for an empty page
    or one lxml cannot read, TooLarge beyond MAX_HTML_CHARS."""
    if not html or not html.strip():
        raise NotAReport("empty page: nothing to read")
    if len(html) > MAX_HTML_CHARS:
        raise TooLarge(f"page of {len(html):,} characters: longer than any report page "
                       f"(the limit is {MAX_HTML_CHARS:,})")
    try:
        root = lxml_html.fromstring(html, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        # lxml's own errors carry its error log, which cannot be pickled to another process
        raise NotAReport(f"the page cannot be read as HTML: {exc}") from None
    if root is None:
        raise NotAReport("the page has no HTML elements")
    return root


def meta(root, name: str) -> str | None:
    """The content of ``<meta name=…>`` (any case), None when absent or blank."""
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
    """ArticleTitle meta; else the first of ``<h1>``, a title container (``div.title``,
    ``.article-title``, ``#title``, ``h2`` …) that ``<title>`` repeats, and the parts of
    ``<title>`` that reads as a report's title (a year and 报告/年报 wording); else ``<h1>``,
    else ``<title>`` without its ``_栏目_站点`` tail. ``<title>`` is "标题_栏目_站名", "标题 - 站名"
    or Hanweb's "站名 栏目 标题"; a container it does not repeat may be a column's heading."""
    title = meta(root, "ArticleTitle")
    if title:
        return squash(title)
    h1 = next((squash(el.text_content()) for el in root.iter("h1") if squash(el.text_content())), None)
    t = root.find(".//title")
    head = t.text_content() if t is not None and t.text_content() else ""
    boxes = [squash(el.text_content()) for selector in _TITLE_BOXES for el in selector(root)
             if not el.xpath(".//a | ancestor::a") and 0 < len(squash(el.text_content())) <= 120]
    parts = [_title_part(part, meta(root, "SiteName")) for part in _TITLE_SEPARATORS.split(head)]
    for candidate in [h1, *(box for box in boxes if box in squash(head)), *parts]:
        if candidate and _REPORT_TITLE.search(candidate):
            return candidate
    title = h1 or (_TITLE_SUFFIX.sub("", head) if head else None)
    return squash(title) if title else None


_TITLE_SEPARATORS = re.compile(r"[_|｜\-—–]+")
# Where a page's title sits when no meta names it (portals.md §2.1-2.5: TRS, Hanweb, GD, VSB, Epoint).
_TITLE_BOXES = [CSSSelector(c) for c in (
    ".title", ".article-title", ".articleTitle", ".art-title", ".art_title", ".news-title", ".news_title",
    ".detail-title", ".detail_title", ".content-title", ".biaoti", ".biaoti_title", ".ewb-article-tt",
    ".dtl-title", ".newstitle", "#title", "#articleTitle", "h2")]
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}.{0,40}?(?:报告|年报)|(?:报告|年报).{0,12}?(?:19|20)\d{2}")
# A part of a whitespace-separated ``<title>`` that names a column, not a document.
_COLUMN_PART = re.compile(r"(?:公开|年报|报告|专栏|栏目|目录|专题)$")


def _title_part(part: str, site: str | None) -> str:
    """One part of ``<title>`` (squashed); Hanweb's "站名 栏目 标题" keeps only the 标题 when the
    words before it are the site's name or a column's (a title's own spaces stay joined)."""
    words = part.split()
    for k in range(1, len(words)):
        before = words[k - 1]
        if _REPORT_TITLE.search(words[k]) and (_COLUMN_PART.search(before) and not re.search(r"\d", before)
                                               or squash(" ".join(words[:k])) == squash(site)):
            return squash(" ".join(words[k:]))
    return squash(part)


def body_text(root, box) -> str:
    """trafilatura's text of the container ``box`` (or, if None, the page ``root``), tables
    as ``| a | b |`` rows. trafilatura reads (a copy of) the tree already parsed."""
    tree = box if box is not None else root
    text = trafilatura.extract(tree, include_tables=True, favor_recall=True, fast=True,
                               include_comments=False)
    return text or tree.text_content()


def parse_html(html: str, *, url: str | None = None, hints: Hints | None = None, **fields) -> dict:
    """A report page (as str: decode bytes first, see ``decode``) -> record. The page's
    own meta tags (title, date, organ, site) win over the caller's hints of the same name."""
    root = page_tree(html)
    box = container(root)
    hints = (hints or NO_HINTS).with_(url=url, **fields).with_(
        title=page_title(root), published=meta(root, "PubDate"), org=meta(root, "ContentSource"),
        site=meta(root, "SiteName"), fmt="html")
    grids = html_grids(box if box is not None else root)  # before trafilatura, which may prune the tree
    return build_record(body_text(root, box), grids=grids, hints=hints)

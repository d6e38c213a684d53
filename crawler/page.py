"""ONE reader per fetched page (scrapy-poet's page-object idea, as a plain class).

A `Page` decodes a response once (re-decoding when the declared charset lies)
and reads, on demand and once each: title, metas, breadcrumb, the report
sections of the official template, entries (links with titles and dates, in
HTML, in CDATA records or in JSON/JSONP answers), pagers, frames, list
endpoints named by the page's scripts and forms, and attachments. The spider
decides a page's role from these; the families read their list mechanisms from
them; `hints()` is what the parser is told. Title and metas are read by
`parsers.html` (their one home), on the same tree.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urljoin, urlsplit

import chompjs
from parsel import Selector
from scrapy.http import TextResponse

from parsers.documents.detect import kind_of
from parsers.html import charset_name, decode_as
from parsers.html import meta as html_meta
from parsers.html import page_title
from parsers.template import SECTION_WORDS
from parsers.text import iso_date, squash

from .recognize import classify, listed, normalize_title

DOC_EXTENSIONS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "ofd", "et", "txt")
_EXT = "|".join(DOC_EXTENSIONS)
_DOC_PATH = re.compile(rf"\.({_EXT})$", re.I)
_DOC_NAME = re.compile(rf"[^/\\<>]*\.({_EXT})\b", re.I)
# Attachment links that exist only inside JS strings (trs_4: file_appendix, document.write).
_SCRIPT_LINK = re.compile(r"""<a\s[^>]*?href=\\?["']([^"'\\]+)\\?["'][^>]*>(.*?)</a>""", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_DATE_LABEL = re.compile(r"(?:发布日期|发布时间|公开日期|时间)\s*[:：]\s*((?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2})")
_SKIP_HREF = re.compile(r"^\s*(javascript:|mailto:|tel:|#|data:)", re.I)
PAGER = re.compile(r"^(下一?页|下页|上一?页|上页|首页|尾页|末页|\d{1,4}|>|>>|»|next)$", re.I)
_CRUMB = (".crumb, .breadcrumb, .position, .posi, .location, .dqwz, .current, .curr, .nav-path, "
          "[class*=crumb], [class*=position], [class*=location]")
_CRUMB_LABEL = re.compile(r"(?:当前位置|您的位置|你的位置|所在位置)[:：]?(.{0,120})")
_CRUMB_SPLIT = re.compile(r"\s*(?:>|＞|»|›|/|→|&gt;)\s*")
_COLUMN_NAME = re.compile(r"(信息公开|政务公开)(工作)?(年度报告|年报)|^年度报告$|^年报$")
_YEAR = re.compile(r"(19|20)\d{2}")
_CDATA = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_JSONP = re.compile(r"^\s*(?:/\*\*/)?\s*([\w$.]+)\s*\((.*)\)\s*;?\s*$", re.S)
# Script endpoints: string literals naming a server program or an API path (portals.md §2.2, §2.8).
_SCRIPT_URL = re.compile(
    r"""["']((?:https?:)?[\w./~:-]*?(?:\.(?:jsp|do|action|ashx|aspx|php|json)|/api(?:-gateway)?/[\w./-]+)"""
    r"""(?:\?[^"'\s<>]*)?)["']""")
_NOT_A_LIST = re.compile(r"visit|count|click|hits|login|logout|share|captcha|verify|stat|log\.|tree\.jsp|"
                         r"webBuilderCommon|favicon|\.js$|\.css$", re.I)
_OBJECT = re.compile(r"(?:data|ajaxParam|params|param)\s*[:=]\s*\{([^{}]*)\}", re.S)
_FIELD = re.compile(r"""["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(?:["']([^"']*)["']|(-?\d+(?:\.\d+)?))""")
_POST = re.compile(r"""(?:type|method)\s*:\s*["']post["']|\$\.post\s*\(""", re.I)
# A <select> used as a jump menu: its onchange opens the chosen option (window.open(this.value),
# location.href=this.options[this.selectedIndex].value, Dreamweaver's MM_jumpMenu …), possibly
# through a string concatenation ('/col/col'+this.value+'/index.html').
_JUMP = re.compile(r"window\.open|location(?:\.href)?\s*=|location\.(?:assign|replace)|MM_jumpMenu", re.I)
_JUMP_TEMPLATE = re.compile(r"""(?:["']([^"'+]*)["']\s*\+\s*)?(?:this|\w+)\.(?:value|options\[[^\]]*\]\.value)"""
                            r"""(?:\s*\+\s*["']([^"'+]*)["'])?""")
# An option value that is an address by itself: a scheme, a path, a page name.
_URL_VALUE = re.compile(r"^(?:https?://|//|/|\./|\.\./)|^[\w./-]+\.(?:s?html?|jsp|aspx?|php|do)(?:[?#].*)?$|^[\w./-]+/$",
                        re.I)
_ID_VALUE = re.compile(r"^[\w.-]+$")  # what a template may wrap: an id, a column number
# Clickables whose target is script (portals.md §5 Links: `javascript:void(0)` with `onclick="…('id')"`):
# the address is a literal inside the call, or what an inline function builds from its arguments.
_CLICKABLE = ("//a[@href or @onclick] | //*[self::li or self::td or self::tr or self::div or self::span or "
              "self::button or self::input][@onclick][not(.//a)]")
_JS_STRING = re.compile(r"""(["'])((?:\\.|(?!\1).)*?)\1""")
_JS_CALL = re.compile(r"([A-Za-z_$][\w$.]*)\s*\(([^()]*)\)")
_JS_FUNCTION = re.compile(r"function\s+([A-Za-z_$][\w$]*)\s*\(([^()]*)\)\s*\{|"
                          r"(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*function\s*\(([^()]*)\)\s*\{")
_JS_NAVIGATION = re.compile(r"(?:window\.open|location\.(?:assign|replace)|\bopen)\s*\(\s*([^,;)]+)|"
                            r"location(?:\.href)?\s*=\s*([^;}\n]+)")
_JS_TERM = re.compile(r"""\s*(?:(["'])((?:\\.|(?!\1).)*?)\1|(?:encodeURI(?:Component)?|escape)\s*\(\s*([A-Za-z_$][\w$]*)\s*\)|"""
                      r"""([A-Za-z_$][\w$]*))\s*(\+|$)""")
_JS_LOCAL = re.compile(r"(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)")
MAX_SCRIPT_CHARS = 200_000  # an inline script longer than this is a library, not a page's data
_FRAME_SKIP = re.compile(r"visit|count|login|share|footer|header|tree\.jsp|map|video|weather|about:blank", re.I)
# JSON keys that carry a listed document (gkmlpt, Epoint, truecms, JPaaS and friends).
_URL_KEYS = ("url", "link", "href", "infourl", "post_url", "htmlpath", "docurl", "arturl", "fileurl",
             "linkurl", "path", "detailurl", "contenturl")
_TITLE_KEYS = ("title", "realtitle", "vc_title", "msgtitle", "doctitle", "showtitle", "name", "filename",
               "articletitle", "infotitle")
_DATE_KEYS = ("date", "pubdate", "publishdate", "publish_time", "create_time", "releasetime", "fbsj", "time",
              "infodate", "createdate", "first_publish_time", "display_publish_time")
_OFFICIAL = [words[0] for words in SECTION_WORDS.values()]
# A script that may hold listed documents as data: an object key naming an address.
_DATA_KEY = re.compile(r"""["']?\b(?:url|href|link|infourl|linkurl|docurl|arturl|fileurl|path)\b["']?\s*:""", re.I)


@dataclass(frozen=True)
class Entry:
    """A listed document (report candidate)."""
    url: str
    title: str
    date: str | None = None


@dataclass(frozen=True)
class Attachment:
    url: str
    name: str


@dataclass(frozen=True)
class Endpoint:
    """A list the page's own scripts or forms fetch: the generic fallback asks it when anchors give nothing."""
    url: str
    method: str = "GET"
    fields: dict = field(default_factory=dict, hash=False, compare=False)
    jsonp: bool = False


def anchor_text(anchor: Selector) -> str:
    """Visible text, or the title attribute when the text is cut short with … / ...."""
    text = normalize_title(" ".join(anchor.xpath(".//text()").getall()))
    full = normalize_title(anchor.attrib.get("title"))
    if full and (not text or text.endswith(("…", "...")) or len(full) > len(text)):
        return full
    return text


def filename_of(url: str, text: str | None = None) -> str | None:
    """A document's name: from the link text, a `filename=` parameter or the path."""
    match = _DOC_NAME.search(squash(text))
    if match:
        return match.group(0)
    parts = urlsplit(url)
    pairs = sorted((pair.partition("=") for pair in parts.query.split("&")), key=lambda p: p[0] != "showname")
    for _, _, value in pairs:  # a human `showname=` before a hashed `filename=` (hanweb_downfile_urls.txt)
        value = unquote(value)
        if _DOC_PATH.search(value):
            return value.rsplit("/", 1)[-1]
    name = unquote(parts.path.rsplit("/", 1)[-1])
    return name if _DOC_PATH.search(name) else None


def is_document_link(url: str, text: str | None = None) -> bool:
    return filename_of(url, text) is not None


def js_functions(scripts) -> dict:
    """Inline functions that open an address built from their parameters
    (`function openDoc(id){window.open('/xxgk/show.asp?id='+id)}`): name -> (parameters, expression)."""
    found = {}
    for script in scripts:
        if len(script) > MAX_SCRIPT_CHARS:
            continue
        for match in _JS_FUNCTION.finditer(script):
            name, params = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            body, depth = script[match.end():], 1
            for end, char in enumerate(body):
                depth += {"{": 1, "}": -1}.get(char, 0)
                if depth == 0:
                    body = body[:end]
                    break
            navigation = _JS_NAVIGATION.search(body)
            if navigation:
                local = dict(_JS_LOCAL.findall(body[:navigation.start()]))
                found.setdefault(name, ([p.strip() for p in params.split(",") if p.strip()],
                                        (navigation.group(1) or navigation.group(2)).strip(), local))
    return found


def _js_value(expression: str, values: dict, local: dict | None = None, depth: int = 0) -> str | None:
    """A concatenation of string literals and known variables (`'/a?id='+id+'&t=1'`), or None;
    a variable the function set before (`var url = '/a?id=' + id;`) is read from `local`."""
    text, position = "", 0
    while position < len(expression):
        term = _JS_TERM.match(expression, position)
        if not term or term.end() == position:
            return None
        if term.group(1):
            text += term.group(2)
        else:
            name = term.group(3) or term.group(4)
            value = values.get(name)
            if value is None and name in (local or {}) and depth < 3:
                value = _js_value(local[name].strip(), values, local, depth + 1)
            if value is None:
                return None
            text += value
        position = term.end()
    return text


def script_target(code: str, functions: dict) -> str | None:
    """The address a `javascript:` href or an onclick opens: a URL literal in it, or the
    address an inline function (`js_functions`) builds from the call's arguments."""
    for _, literal in _JS_STRING.findall(code):
        if _URL_VALUE.match(literal.strip()):
            return literal.strip()
    for name, arguments in _JS_CALL.findall(code):
        function = functions.get(name.rsplit(".", 1)[-1])
        if not function:
            continue
        params, expression, local = function
        args = [a.strip() for a in arguments.split(",")] if arguments.strip() else []
        values = {}
        for param, arg in zip(params, args):
            literal = _JS_STRING.fullmatch(arg)
            values[param] = literal.group(2) if literal else arg if re.fullmatch(r"-?\d+", arg) else None
        target = _js_value(expression, values, local)
        if target and (_URL_VALUE.match(target) or "?" in target):
            return target
    return None


def target_of(element, functions: dict) -> str | None:
    """Where a clickable leads: its href, or the address its script opens; None for neither."""
    href = (element.attrib.get("href") or "").strip()
    if href and not _SKIP_HREF.match(href):
        return re.sub(r"\s+", "", href)
    code = " ".join(filter(None, (href[len("javascript:"):] if href.lower().startswith("javascript:") else "",
                                  element.attrib.get("onclick"))))
    target = script_target(code, functions) if code else None
    return re.sub(r"\s+", "", target) if target else None


def clickable_text(element) -> str:
    """An anchor's text (anchor_text); a button's value or a row's text for other clickables."""
    text = anchor_text(element)
    return text or normalize_title(element.attrib.get("value"))


def fragment_entries(markup: str, base: str) -> list[Entry]:
    """Entries in an HTML fragment (a list row, a CDATA record, a JSON string)."""
    return list(anchor_entries(Selector(text=markup), lambda href: urljoin(base, href)))


def anchor_entries(sel: Selector, join, functions: dict | None = None):
    """Anchors and other clickables (pager links aside) as entries, with the date of their row if any."""
    for anchor in sel.xpath(_CLICKABLE):
        href = target_of(anchor, functions or {})
        text = clickable_text(anchor)
        if not href or PAGER.match(text):
            continue
        row = anchor.xpath("ancestor::*[self::li or self::tr or self::dd or self::dl][1]")
        date = iso_date(" ".join((row or anchor).xpath(".//text()").getall()))
        yield Entry(join(href), text, date)


def json_entries(data, base: str, depth: int = 0) -> list[Entry]:
    """Listed documents anywhere in a JSON answer: objects with a URL and a title, HTML strings."""
    if depth > 12:
        return []
    found: list[Entry] = []
    if isinstance(data, dict):
        keys = {key.lower(): value for key, value in data.items() if isinstance(key, str)}
        url = next((keys[k] for k in _URL_KEYS if isinstance(keys.get(k), str) and keys[k].strip()), None)
        title = next((keys[k] for k in _TITLE_KEYS if isinstance(keys.get(k), str) and keys[k].strip()), None)
        if url and title and not _SKIP_HREF.match(url) and keys.get("type") != "url":
            date = next((keys[k] for k in _DATE_KEYS if keys.get(k) not in (None, "")), None)
            found.append(Entry(urljoin(base, url.strip()), normalize_title(_TAGS.sub("", title)),
                               iso_date(str(date)) if date is not None else None))
        values = data.values()
    elif isinstance(data, list):
        values = data
    else:
        values = ()
    for value in values:
        if isinstance(value, (dict, list)):
            found += json_entries(value, base, depth + 1)
        elif isinstance(value, str) and "<a " in value:
            found += markup_entries(value, base)
    return found


def markup_entries(text: str, base: str) -> list[Entry]:
    """Entries of an XML/HTML answer: CDATA records (Hanweb datastore, truecms) or plain anchors."""
    records = _CDATA.findall(text)
    if records:
        return [entry for record in records for entry in fragment_entries(record, base)]
    return fragment_entries(text, base)


def option_links(sel: Selector):
    """(href, label) of jump-menu options: `<select>`s whose onchange opens the chosen value
    (department and 友情链接 drop-downs), or whose option values are addresses by themselves.
    A template around the value in the onchange (`'/col/col'+this.value+'/index.html'`) is applied."""
    for select in sel.xpath("//select[option or optgroup]"):
        onchange = select.attrib.get("onchange") or ""
        template = _JUMP_TEMPLATE.search(onchange) if _JUMP.search(onchange) else None
        prefix, suffix = (template.group(1) or "", template.group(2) or "") if template else ("", "")
        for option in select.xpath("./option | ./optgroup/option"):
            value = re.sub(r"\s+", "", option.attrib.get("data-url") or option.attrib.get("data-href")
                           or option.attrib.get("value") or "")
            if not value or _SKIP_HREF.match(value):
                continue
            if (prefix or suffix) and _ID_VALUE.match(value) and not re.match(r"^(?:https?:)?//", value):
                href = prefix + value + suffix
            elif _URL_VALUE.match(value):
                href = value
            else:
                continue  # an id or a label: a form field, not a link
            yield href, normalize_title(" ".join(option.xpath(".//text()").getall()))


class Page:
    """A fetched response, read once. Every attribute is computed on first use."""

    def __init__(self, response):
        self.response = response
        self.url = response.url
        request = getattr(response, "request", None)
        self.meta = request.meta if request is not None else {}

    # -- bytes → text ---------------------------------------------------------------------
    @cached_property
    def decoded(self) -> tuple[str, str] | None:
        """(text, encoding), or None for a binary body (a PDF, a DOC …)."""
        body = self.response.body
        if kind_of(body) == "document":
            return None  # whatever the Content-Type says (a .docx served as text/html, T24)
        return decode_as(body, self.response.encoding if isinstance(self.response, TextResponse) else None)

    @property
    def text(self) -> str:
        return self.decoded[0] if self.decoded else ""

    @cached_property
    def redecoded(self) -> bool:
        """Did the page need another charset than the one Scrapy used?"""
        return bool(self.decoded) and isinstance(self.response, TextResponse) and \
            self.decoded[1] != charset_name(self.response.encoding)

    @cached_property
    def kind(self) -> str:
        """html | json | jsonp | xml | text | binary, from the body first (APIs lie in Content-Type)."""
        if self.decoded is None:
            return "binary"
        head = self.text[:512].lstrip("\ufeff \t\r\n")
        if head[:1] in "{[":
            try:
                self.json
                return "json"
            except ValueError:
                pass
        if head[:1] not in "<{[" and self.jsonp_data is not None:
            return "jsonp"
        if head.startswith("<?xml") or head.lower().startswith("<datastore"):
            return "xml"
        if "<" in head or self.response.headers.get(b"Content-Type", b"").startswith(b"text/html"):
            return "html"
        return "text"

    @cached_property
    def cut_short(self) -> bool:
        """An HTML document that never reaches `</html>`: a body cut without a length to tell (T33)."""
        if self.kind != "html":
            return False
        text = self.text
        return bool(re.match(r"\s*(<!doctype|<html)", text[:200], re.I)) and not re.search(r"</html\s*>", text[-2048:], re.I)

    @cached_property
    def json(self):
        return json.loads(self.text)

    @cached_property
    def jsonp_data(self):
        match = _JSONP.match(self.text)
        if not match:
            return None
        try:
            return json.loads(match.group(2))
        except ValueError:
            return None

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=self.text or "<html></html>", type="html")

    @property
    def root(self):
        return self.selector.root

    @cached_property
    def base_url(self) -> str:
        """The URL relative links resolve against: `<base href>` counts (portals.md T19)."""
        base = self.selector.xpath("//base/@href").get() if self.kind == "html" else None
        return urljoin(self.url, base.strip()) if base and base.strip() else self.url

    def urljoin(self, href: str) -> str:
        return urljoin(self.base_url, href.strip())

    # -- what the page says it is -----------------------------------------------------------
    def meta_value(self, *names: str) -> str | None:
        """First non-empty `<meta name=…>` among `names` (case-insensitive; parsers.html.meta)."""
        if self.kind != "html":
            return None
        for name in names:
            value = html_meta(self.root, name)
            if value:
                return value
        return None

    @cached_property
    def title(self) -> str | None:
        """ArticleTitle, else `<h1>`, else `<title>` without its site suffix (parsers.html.page_title)."""
        return page_title(self.root) if self.kind == "html" else None

    @cached_property
    def published(self) -> str | None:
        published = iso_date(self.meta_value("PubDate", "Maketime", "publishdate", "firstpublishedtime"))
        if not published and self.kind == "html":
            label = _DATE_LABEL.search(self.body_text)
            published = iso_date(label.group(1)) if label else None
        return published

    @cached_property
    def org(self) -> str | None:
        return self.meta_value("ContentSource") or self.box_value("发布机构")

    @cached_property
    def breadcrumb(self) -> list[str]:
        """The 当前位置 trail, as its segments."""
        if self.kind != "html":
            return []
        for element in self.selector.css(_CRUMB):
            text = squash(" ".join(element.xpath(".//text()").getall()))
            if 0 < len(text) <= 160 and re.search(r">|＞|»|›|→|当前位置|首页", text):
                text = _CRUMB_LABEL.sub(r"\1", text)
                return [part for part in _CRUMB_SPLIT.split(text) if part]
        match = _CRUMB_LABEL.search(self.body_text[:3000])
        return [part for part in _CRUMB_SPLIT.split(match.group(1)) if part][:8] if match else []

    @cached_property
    def claims_column(self) -> bool:
        """Does the page call itself a 年报 column (ColumnName/ColumnType, title, breadcrumb)?

        A weak hint only (portals.md §3: many platforms put one ColumnName on every page)."""
        names = [self.meta_value("ColumnName"), self.meta_value("ColumnType"),
                 (self.selector.xpath("//title/text()").get() or "") if self.kind == "html" else ""]
        names += self.breadcrumb[-1:]
        return any(_COLUMN_NAME.search(normalize_title(name)) and not _YEAR.search(normalize_title(name))
                   for name in names if name)

    @cached_property
    def body_text(self) -> str:
        """The page's own words: body text outside scripts, styles and links."""
        if self.kind != "html":
            return ""
        return squash(" ".join(self.selector.xpath(
            "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::a)]").getall()))

    @cached_property
    def sections(self) -> int:
        """How many of the six template sections (parsers.template.SECTION_WORDS) the text names."""
        return sum(any(word in self.body_text for word in words) for words in SECTION_WORDS.values())

    @cached_property
    def official_sections(self) -> int:
        """How many sections carry their official heading: evidence that holds without a title."""
        return sum(word in self.body_text for word in _OFFICIAL)

    def box_value(self, label: str) -> str | None:
        """Value next to a label in the 索引号 box (`<p><strong>发布机构</strong>：X</p>` or a table)."""
        match = re.search(label + r"[:：]?(.{2,30}?)(?:索引号|主题分类|分类|发布日期|成文日期|文号|公开日期|名称|$)",
                          self.body_text)
        return (match.group(1).strip("：: ") or None) if match else None

    def hints(self) -> dict:
        """What this page says about itself, for the parser (title, date, organ, site, column)."""
        return {"title": self.title, "published": self.published, "org": self.org,
                "site": self.meta_value("SiteName"), "column": self.meta_value("ColumnName"),
                "breadcrumb": self.breadcrumb}

    # -- what the page links -----------------------------------------------------------------
    @cached_property
    def entries(self) -> list[Entry]:
        """Listed documents: anchors of an HTML page, records or objects of an API answer."""
        if self.kind == "html":  # anchors, CDATA records in scripts (Hanweb datastore, hanweb_4), script data
            anchors = list(anchor_entries(self.selector, self.urljoin, self.functions))
            return anchors + [entry for record in _CDATA.findall(self.text)
                              for entry in fragment_entries(record, self.base_url)] + self.script_entries
        if self.kind in ("json", "jsonp"):
            return json_entries(self.json if self.kind == "json" else self.jsonp_data, self.url)
        if self.kind == "xml":
            return markup_entries(self.text, self.url)
        return []

    def report_entries(self, in_column: bool = False) -> list[Entry]:
        """Entries worth fetching as reports (recognize.listed), other than this page."""
        own = self.url.split("#")[0]
        return [e for e in self.entries if e.url.split("#")[0] != own and listed(e.title, in_column).is_report]

    @cached_property
    def scripts(self) -> list[str]:
        """The page's inline JavaScript (no `src`; no `text/xml` datastore), each at most MAX_SCRIPT_CHARS long."""
        if self.kind != "html":
            return []
        return [s for s in self.selector.xpath(
            "//script[not(@src)][not(@type) or contains(translate(@type, 'JAVASCRIPT', 'javascript'), 'javascript')]"
            "/text()").getall() if len(s) <= MAX_SCRIPT_CHARS]

    @cached_property
    def functions(self) -> dict:
        """Inline functions that open an address built from their arguments (js_functions)."""
        return js_functions(self.scripts)

    @cached_property
    def script_entries(self) -> list[Entry]:
        """Lists a page's scripts carry as data and render in the browser: JS arrays and objects
        (`var list = [{title:'…', url:'…', date:'…'}]`, old Hanweb `InitData=['<tr>…</tr>']`), read by chompjs."""
        found: list[Entry] = []
        for script in self.scripts:
            if not _DATA_KEY.search(script) and "<a " not in script:
                continue
            try:
                for data in chompjs.parse_js_objects(script):
                    found += json_entries(data, self.base_url)
            except (ValueError, TypeError):  # not data after all
                continue
        return found

    @cached_property
    def links(self) -> list[tuple[str, str]]:
        """(absolute url, text) of every usable clickable and jump-menu option, pagers included (for navigation)."""
        if self.kind != "html":
            return []
        found = []
        for anchor in self.selector.xpath(_CLICKABLE):
            href = target_of(anchor, self.functions)
            if href:
                found.append((self.urljoin(href), clickable_text(anchor)))
        return found + [(self.urljoin(href), text) for href, text in option_links(self.selector)]

    @cached_property
    def pagers(self) -> list[str]:
        """`<a>` pager targets (下一页, page numbers) on this host, the site's root (a 首页 link) aside."""
        host = urlsplit(self.url).hostname
        return [url for url, text in self.links if PAGER.match(text) and url != self.url
                and urlsplit(url).hostname == host and urlsplit(url).path not in ("", "/")]

    @cached_property
    def frames(self) -> list[str]:
        """`<iframe>` / `<frame>` sources that may hold a list (iframe shells, portals.md T41)."""
        if self.kind != "html":
            return []
        sources = self.selector.xpath("//iframe/@src | //frame/@src").getall()
        return list(dict.fromkeys(self.urljoin(src) for src in sources
                                  if src.strip() and not _SKIP_HREF.match(src) and not _FRAME_SKIP.search(src)))

    @cached_property
    def endpoints(self) -> list[Endpoint]:
        """List endpoints named by the page: URLs in inline scripts (with their data object,
        method and JSONP callback) and POST forms."""
        if self.kind != "html":
            return []
        found: dict[str, Endpoint] = {}
        for script in self.selector.xpath("//script[not(@src)]/text()").getall():
            for match in _SCRIPT_URL.finditer(script):
                raw = match.group(1)
                if _NOT_A_LIST.search(raw.split("?")[0]):
                    continue
                window = script[max(0, match.start() - 300): match.end() + 600]
                fields = {}
                for block in _OBJECT.findall(window):
                    for name, text, number in _FIELD.findall(block):
                        fields.setdefault(name, text if text or not number else number)
                jsonp = "jsonp" in window.lower() or "callback=" in raw
                method = "POST" if _POST.search(window) else "GET"
                url = self.urljoin(raw)
                found.setdefault(url, Endpoint(url, method, fields, jsonp))
        for form in self.selector.xpath("//form[translate(@method,'POST','post')='post'][@action]"):
            if form.xpath(".//input[@type='password']"):
                continue
            fields = {name: form.xpath(f".//input[@name='{name}']/@value").get() or ""
                      for name in form.xpath(".//input/@name").getall() if re.match(r"^[\w.-]+$", name)}
            url = self.urljoin(form.attrib["action"])
            if url != self.url and not _NOT_A_LIST.search(url.split("?")[0]):
                found.setdefault(url, Endpoint(url, "POST", fields))
        return list(found.values())

    @cached_property
    def attachments(self) -> list[Attachment]:
        """Document links of the page: anchors, and `<a>` written by scripts (trs_4, T23)."""
        if self.kind != "html":
            return []
        found: dict[str, Attachment] = {}
        for anchor in self.selector.xpath(_CLICKABLE):
            href = target_of(anchor, self.functions)
            if not href:
                continue
            url = self.urljoin(href)
            text = squash(" ".join(anchor.xpath(".//text()").getall())) or anchor.attrib.get("title")
            name = filename_of(url, text)
            if name:
                found.setdefault(url, Attachment(url, name))
        for script in self.selector.xpath("//script/text()").getall():
            for href, text in _SCRIPT_LINK.findall(script):
                url = self.urljoin(href)
                name = filename_of(url, _TAGS.sub("", text))
                if name:
                    found.setdefault(url, Attachment(url, name))
        return list(found.values())

    # -- what the page is --------------------------------------------------------------------
    def is_report(self, list_title: str | None = None, in_column: bool = False) -> bool:
        """Is this page a report? Its own title decides unless it is missing, a column
        label or without the wording; then the template's section headings do. A report
        title with no report text or file of its own, over a list of reports (a per-year
        column) or a frame (a shell), is not the report."""
        if self.kind != "html":
            return False
        verdict = classify(self.title or list_title)
        if verdict.reason.startswith("look-alike"):
            return False
        if verdict.is_report:
            if self.sections >= 2 or any(classify(a.name).is_report for a in self.attachments):
                return True
            # a report title over a list of reports (a per-year column) or over a frame (a shell) is not the report
            return len(self.report_entries(in_column)) < 2 and not self.frames
        return self.official_sections >= 3

    def lists_reports(self, in_column: bool = False) -> bool:
        """Does the content list reports? Two report links, or one with a pager or a column claim."""
        count = len(self.report_entries(in_column or self.claims_column))
        return count >= 2 or (count == 1 and (bool(self.pagers) or self.claims_column))

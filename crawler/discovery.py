"""From a home page to the 年报 column: link scoring and the per-seed domain fence.

Portals put the reports two to four clicks deep (首页 → 政务公开 → 政府信息公开 →
年报, plus per-unit and per-year sub-columns, portals.md §4). Links are scored
by their text and by the URL segments CMSes use for those columns; the crawler
follows the best-scoring ones and never leaves the seed's domain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from ipaddress import ip_address
from urllib.parse import urlsplit

from .recognize import normalize_title

# A reporting unit's name: 县教育局, 城关镇, 新华街道办事处, 县政府办公室 (portals.md §0, §4.2).
_UNIT_NAME = re.compile(r"(人民政府|办公室|委员会|[局委办]|[镇乡]|街道(办事处)?)$")
# (pattern, score) on the anchor text. The 年报 column wins, the 信息公开 tree is
# the road to it, unit directories lead to per-unit 年报 columns.
_TEXT_RULES = (
    (re.compile(r"(政府)?信息公开(工作)?(年度报告|年报)|政务公开年报|公开年报|^年度报告$|^年报$"), 100),
    (re.compile(r"^(19|20)\d{2}年?度?$|^(19|20)\d{2}年?(年报|报告)$"), 60),
    (re.compile(r"政府信息公开$|信息公开目录|信息公开平台|政府信息公开专栏|^信息公开$"), 50),
    (re.compile(r"政务公开|法定主动公开|主动公开"), 40),
    (re.compile(r"部门信息公开|乡镇信息公开|街道信息公开|镇街信息公开|部门|乡镇|街道|镇街"), 25),
    (_UNIT_NAME, 15),
)
_URL_RULES = (
    (re.compile(r"/(zfxxgknb|xxgknb|gknb|ndbg|gkndbg|xxgknbgs|nb)(/|_|\.|$)|XxgkAnnualReport", re.I), 90),
    (re.compile(r"/(\d{4}n(_\d+|\d+)?|a\d{4}|gknb\d{4}|nb_\d{4}n)(/|\.htm)", re.I), 40),
    (re.compile(r"/(zfxxgk|xxgk|gkml|gkmlpt|zwgk|public/column)(/|\?|$)", re.I), 30),
    (re.compile(r"/(bm|bmxxgk|bmxxgknb|xzjd|xzxxgk|szfnb)(/|$)", re.I), 15),
)
# Never worth a request while looking for columns.
_AVOID_TEXT = re.compile(
    r"指南|解读|图解|政府工作报告|新闻|要闻|动态|招标|采购|互动|留言|信箱|办事|服务|english|无障碍|"
    r"登录|注册|邮箱|关怀|长者|繁体|繁體|适老|视频|图片|专题|地图|搜索|首页"
    , re.I)
_AVOID_URL = re.compile(r"^(javascript|mailto|tel):|\.(jpg|png|gif|css|js|zip|rar|mp4)$|/module/", re.I)

NAV_THRESHOLD = 25
UNIT_THRESHOLD = 15  # inside the 信息公开 tree, unit names (县教育局, XX镇) lead to unit columns
COLUMN_THRESHOLD = 90


def score_link(text: str | None, url: str) -> int:
    """Higher = closer to a 年报 column. Zero or less = do not follow."""
    label = normalize_title(text)
    if avoided(label, url):
        return 0
    if len(label) > 20:  # long labels are article titles, not menu items
        return 0
    text = max((s for pattern, s in _TEXT_RULES if pattern.search(label)), default=0)
    path = urlsplit(url)._replace(scheme="", netloc="").geturl()
    address = max((s for pattern, s in _URL_RULES if pattern.search(path)), default=0) // 2
    # an address alone is a road only when it names a 年报 column (`更多>>` to /zfxxgknb/)
    return text + address if text or address >= NAV_THRESHOLD else 0


def names_unit(text: str | None, url: str) -> bool:
    """A link named after a reporting unit (县教育局, 城关镇): on a 年报 column, that unit's own 年报 column."""
    label = normalize_title(text)
    return 0 < len(label) <= 20 and bool(_UNIT_NAME.search(label)) and not avoided(label, url)


def avoided(text: str | None, url: str) -> bool:
    """Links never worth a request on the way to reports (指南, 解读, 新闻, 办事 …)."""
    label = normalize_title(text)
    return bool(_AVOID_URL.search(url) or (label and _AVOID_TEXT.search(label)))


def is_report_column(text: str | None, url: str) -> bool:
    """A link that names the 年报 column itself, so its target is a listing."""
    return score_link(text, url) >= COLUMN_THRESHOLD


#: host labels in front of the portal's own domain that name a service, not another unit
_SERVICE_LABELS = frozenset(("www", "xxgk", "zwgk", "zfxxgk", "gk", "xxgkml", "m", "wap"))
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=1)
def _public_suffixes():
    """tldextract on its bundled suffix list: no download, no cache files (offline crawls)."""
    import tldextract
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(host: str) -> str:
    """`maojian.shiyan.gov.cn` -> `shiyan.gov.cn`; an IP or a bare name is itself."""
    parts = _public_suffixes()(host)
    return f"{parts.domain}.{parts.suffix}" if parts.suffix and parts.domain else host


@dataclass(frozen=True)
class Fence:
    """The seed's domain and every subdomain of it, over http(s), on the seed's port.

    `root` is `domain` or `domain:port` (a string, so it travels in request meta).
    `www.x.gov.cn` and `xxgk.x.gov.cn` give `x.gov.cn`, which admits the per-unit
    hosts `jyj.x.gov.cn` (portals.md §2.7); `maojian.shiyan.gov.cn` does not admit
    the whole city; an IP admits only itself. Other ports than the seed's (or the
    scheme's default), other schemes (`file:`, `ftp:`) and mirrors stay out; a seed
    without a host admits nothing.
    """
    root: str

    @classmethod
    def for_url(cls, url: str) -> "Fence":
        parts = urlsplit(url)
        try:
            host, port = (parts.hostname or "").lower(), parts.port
        except ValueError:
            return cls("")
        if parts.scheme not in _DEFAULT_PORTS or not host:
            return cls("")
        try:
            ip_address(host)
        except ValueError:
            floor = registered_domain(host)
            while host != floor and host.split(".", 1)[0] in _SERVICE_LABELS:
                host = host.split(".", 1)[1]
        return cls(host if port in (None, _DEFAULT_PORTS[parts.scheme]) else f"{host}:{port}")

    def admits(self, url: str) -> bool:
        domain, _, port = self.root.partition(":")
        parts = urlsplit(url)
        try:
            host, their_port = (parts.hostname or "").lower(), parts.port
        except ValueError:  # a port that is not a number
            return False
        if not domain or parts.scheme not in _DEFAULT_PORTS:
            return False
        if their_port not in (None, _DEFAULT_PORTS[parts.scheme]) and str(their_port) != port:
            return False
        return host == domain or host.endswith("." + domain)

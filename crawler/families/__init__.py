"""One module per CMS family (alltheplaces' store-finder pattern); `generic` catches the rest."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..discovery import registered_domain
from ..page import Attachment, Entry, Page
from .anhui import Anhui
from .base import ARTICLE_FILE, Family, ListPage
from .epoint import Epoint
from .generic import Generic
from .guangdong import Guangdong
from .hanweb import Hanweb
from .trs import Trs
from .truecms import Truecms
from .vsb import Vsb

#: detection order: the most specific fingerprints first
FAMILIES: tuple[Family, ...] = (Hanweb(), Truecms(), Guangdong(), Vsb(), Epoint(), Anhui(), Trs(), Generic())
BY_NAME = {family.name: family for family in FAMILIES}
GENERIC = BY_NAME["generic"]
# Opaque ids of the 集约化 CMSes (portals.md §2.7): 19-digit snowflakes, 24/32-hex UUIDs, `i<id>`, `Content-<id>`.
_OPAQUE_ID = re.compile(r"/(?:Content-|i)?(\d{7,19}|[0-9a-f]{24}|[0-9a-f]{32}|doc_[0-9a-f]{24})\.s?html?$", re.I)


def detect(page: Page) -> Family:
    """The first family whose fingerprint is on the page (or in its URL)."""
    return next((family for family in FAMILIES if family.detect(page)), GENERIC)


def article_id(url: str) -> str | None:
    """`<family>:<portal domain>:<id>` for URL grammars with a CMS article id (post_/mpost_,
    art_<col>_<id>, snowflakes …): the same article under two columns or hosts of one
    portal, never two portals' articles that happen to share a number."""
    domain = registered_domain((urlsplit(url).hostname or "").lower())
    for family in FAMILIES:
        match = family.article_id.search(url) if family.article_id else None
        if match:
            return f"{family.name}:{domain}:{match.group(1)}"
    match = _OPAQUE_ID.search(url.split("?")[0])
    return f"id:{domain}:{match.group(1)}" if match else None


def is_article(url: str) -> bool:
    """Does the URL name an article (a CMS article id, a numbered or hex file) rather than a column?"""
    return article_id(url) is not None or bool(ARTICLE_FILE.search(urlsplit(url).path))


__all__ = ["Attachment", "Entry", "Family", "FAMILIES", "ListPage", "Page", "article_id", "detect", "is_article"]

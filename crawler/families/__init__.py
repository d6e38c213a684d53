"""One module per CMS family (alltheplaces' store-finder pattern); `generic` catches the rest."""
from __future__ import annotations

from .anhui import Anhui
from .base import Article, Attachment, Entry, Family, ListPage
from .epoint import Epoint
from .generic import Generic
from .guangdong import Guangdong
from .hanweb import Hanweb
from .trs import Trs
from .vsb import Vsb

#: detection order: the most specific fingerprints first
FAMILIES: tuple[Family, ...] = (Hanweb(), Guangdong(), Vsb(), Epoint(), Anhui(), Trs(), Generic())
BY_NAME = {family.name: family for family in FAMILIES}
GENERIC = BY_NAME["generic"]


def detect(response) -> Family:
    """The first family whose fingerprint is on the page (or in its URL)."""
    return next((family for family in FAMILIES if family.detect(response)), GENERIC)


def article_id(url: str) -> str | None:
    """`<family>:<id>` for URL grammars with a CMS article id (post_/mpost_, art_<col>_<id> …)."""
    for family in FAMILIES:
        match = family.article_id.search(url) if family.article_id else None
        if match:
            return f"{family.name}:{match.group(1)}"
    return None


__all__ = ["Article", "Attachment", "Entry", "Family", "FAMILIES", "ListPage", "article_id", "detect"]

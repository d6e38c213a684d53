"""What a caller knows about a document besides its text, handed to the parser in one
object (in the manner of trafilatura's ``Extractor`` settings).

The crawler fills it from the page and the seed row, the command line from its
flags; every field is optional. ``title`` and ``published`` are read as the
document's own when they are well formed; ``org`` and ``region`` are hints that
the text's own statements outrank; the ``source`` fields go into the record as given.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Mapping


@dataclass(frozen=True)
class Hints:
    url: str | None = None  # the document parsed (page or attachment); sets the record id
    page_url: str | None = None  # the page that linked it (defaults to url)
    title: str | None = None  # the page's title (ArticleTitle meta, <h1>, the crawler's article title)
    list_title: str | None = None  # the link text on the listing that led to it
    published: str | None = None  # publication date as the caller read it (any common form)
    org: str | None = None  # ContentSource meta, the seed row's organ
    region: Mapping[str, str | None] | None = None  # the seed row's {province, city, county, adcode}
    site: str | None = None  # the portal's name (SiteName meta, seed row)
    fmt: str | None = None  # html|pdf|docx|doc|wps|txt|md; None: told from the text
    fetched_at: str | None = None
    sha256: str | None = None  # of the bytes fetched; default: of the text
    record_id: str | None = None  # default: sha1 of url, else of the text
    warnings: tuple[str, ...] = ()  # what an earlier stage (a document extractor) was unsure of

    def with_(self, **changes) -> "Hints":
        """A copy with the non-None ``changes`` applied (unknown names are an error)."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown hint(s): {', '.join(sorted(unknown))}")
        changes = {k: (tuple(v) if k == "warnings" else v) for k, v in changes.items() if v is not None}
        return replace(self, **changes) if changes else self


NO_HINTS = Hints()

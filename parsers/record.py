"""Assemble one record from text (and optional table grids). SKELETON: being written."""
from __future__ import annotations

Grid = list[list[str]]


def build_record(text: str, *, grids: list[Grid] | None = None, url: str | None = None,
                 page_url: str | None = None, title: str | None = None,
                 published: str | None = None, org: str | None = None,
                 fmt: str = "txt", site: str | None = None, sha256: str | None = None,
                 fetched_at: str | None = None, warnings: list[str] | None = None) -> dict:
    """Text plus optional grids (rows of cell strings; a horizontally merged cell
    appears once per row, a vertically merged one is repeated in every row it spans)
    -> record dict per record.md."""
    raise NotImplementedError


def parse_text(text, *, url=None, title=None, published=None) -> dict:
    raise NotImplementedError


def parse_html(html: str, *, url=None) -> dict:
    raise NotImplementedError

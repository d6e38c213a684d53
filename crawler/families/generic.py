"""Fallback for CMSes without a module (the base behaviour, under its own name).

Covers the many small 集约化 systems with opaque ids (portals.md §2.7) whose lists
are plain server-rendered pages: anchors, a 下一页 link, path-fenced sub-columns.
"""
from __future__ import annotations

from .base import Family


class Generic(Family):
    name = "generic"

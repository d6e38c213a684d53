"""The portal farm: deterministic imitations of county portals of seven CMS families.

`build(scale)` makes the data and routes; `FarmServer` serves them on 127.0.0.1;
`python -m farm` runs it from the command line and writes the seeds and
the manifest (every true report and every look-alike, with the expected outcome).
"""
from __future__ import annotations

from .model import Farm
from .sites.anhui import AnhuiSite
from .sites.epoint import EpointSite
from .sites.generic import BlockedSite, SnowflakeSite
from .sites.guangdong import GuangdongSite
from .sites.hanweb import HanwebSite
from .sites.trs import GbkTrsSite, TrsSite
from .sites.vsb import VsbSite

SITES = (TrsSite, GbkTrsSite, HanwebSite, GuangdongSite, VsbSite, EpointSite, AnhuiSite, SnowflakeSite, BlockedSite)


def build(scale: int = 1) -> Farm:
    return Farm(SITES, scale=scale)

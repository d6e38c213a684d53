"""The portal farm: deterministic imitations of county portals (portals.md §6).

Nine classic sites of seven CMS families, then one site per list mechanism that
real portals use and the classic ones lack (Hanweb 信息公开 module, Hanweb JPaaS,
truecms JSONP, a UUID 集约化 portal with iframe shells and department sub-domains,
a Guangdong portal whose every page claims the 年报 ColumnName), then five
sites built blind from portals.md by someone who had not read the crawler
(`BLIND_SITES`: a TRS tree four columns deep, Hanweb with a department
selector, a 集约化 portal with PDF rows on one 汇总 article per year, a GBK
portal whose 年报 hang only in the 目录 tree, VSB per-year columns), then two
sites of portals.md variants none of the others has, built to measure how far
the crawler generalises (`VARIANT_SITES`: columns drawn from inline script
data; an old GBK frameset portal whose rows, pager and unit lists only scripts
open, behind a `<base href>` on another host). Faults are the
`faults.Fault` enum. `build(scale)` makes the data and routes; `FarmServer`
serves them on 127.0.0.1 as an HTTP(S) proxy; `python -m farm` runs it from the
command line and writes the seeds and the manifest (every true report and
look-alike with what must become of it, and every fault on other URLs).
"""
from __future__ import annotations

from .model import Farm
from .sites.anhui import AnhuiSite
from .sites.epoint import EpointSite
from .sites.gbk_tree import GbkTreeSite
from .sites.generic import BlockedSite, SnowflakeSite
from .sites.guangdong import GuangdongSite
from .sites.guangdong_meta import GuangdongMetaSite
from .sites.hanweb import HanwebSite
from .sites.hanweb_dept import HanwebDeptSite
from .sites.hanweb_xxgk import HanwebXxgkSite
from .sites.jiyue_summary import JiyueSummarySite
from .sites.jpaas import JpaasSite
from .sites.script_links import ScriptLinkSite
from .sites.script_lists import ScriptListSite
from .sites.trs import GbkTrsSite, TrsSite
from .sites.trs_deep import TrsDeepSite
from .sites.truecms import TruecmsSite
from .sites.uuid_cms import UuidCmsSite
from .sites.vsb import VsbSite
from .sites.vsb_years import VsbYearsSite

#: the first nine sites, built first so that their data stays what it was before the farm grew
CLASSIC_SITES = (TrsSite, GbkTrsSite, HanwebSite, GuangdongSite, VsbSite, EpointSite, AnhuiSite, SnowflakeSite,
                 BlockedSite)
#: one site per list mechanism of portals.md the classic sites lack (issue #10)
MECHANISM_SITES = (HanwebXxgkSite, JpaasSite, TruecmsSite, UuidCmsSite, GuangdongMetaSite)
#: built blind from portals.md alone, by someone who had not read the crawler
BLIND_SITES = (TrsDeepSite, HanwebDeptSite, JiyueSummarySite, GbkTreeSite, VsbYearsSite)
#: portals.md variants none of the sites above has (script data lists; script-opened links, frameset, <base href>)
VARIANT_SITES = (ScriptListSite, ScriptLinkSite)
#: the whole farm, in the order that keeps each earlier group's data what it was
SITES = CLASSIC_SITES + MECHANISM_SITES + BLIND_SITES + VARIANT_SITES


def build(scale: int = 1, sites=SITES) -> Farm:
    return Farm(sites, scale=scale)

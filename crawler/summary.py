"""Run summary: per site and in total, so a site that silently broke shows as zero.

Printed at the end of `scrapy crawl reports` and written to OUTPUT_DIR/summary.json.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from scrapy import signals

from .items import Alias, Failure, Record


class RunSummary:
    def __init__(self, crawler):
        self.crawler = crawler
        self.sites: dict[str, Counter] = defaultdict(Counter)
        self.errors: Counter = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def response_received(self, response, request, spider=None):
        site = request.meta.get("site")
        if site:
            self.sites[site]["pages"] += 1
            self.sites[site][request.meta.get("role", "other")] += 1

    def item_scraped(self, item, response=None, spider=None):
        if isinstance(item, Record):
            self.sites[item.document.site]["records"] += 1
        elif isinstance(item, Alias):
            self.sites[item.site]["alternates"] += 1
        elif isinstance(item, Failure):
            self.sites[item.site]["errors"] += 1
            self.errors[(item.stage, item.kind)] += 1

    def spider_closed(self, spider, reason):
        for seed in getattr(spider, "seeds", []):
            self.sites[seed["name"]]  # a seed that produced nothing still gets a row
        stats = self.crawler.stats
        summary = {
            "reason": reason,
            "sites": len(self.sites),
            "pages": sum(site["pages"] for site in self.sites.values()),
            "reports_found": stats.get_value("entries/reports", 0),
            "records": sum(site["records"] for site in self.sites.values()),
            "alternates": sum(site["alternates"] for site in self.sites.values()),
            "errors": {f"{stage}/{kind}": count for (stage, kind), count in sorted(self.errors.items())},
            "per_site": {name: dict(counts) for name, counts in sorted(self.sites.items())},
        }
        directory = Path(self.crawler.settings.get("OUTPUT_DIR"))
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        print(render(summary, self.crawler.settings.getint("SUMMARY_MAX_SITES")), flush=True)


def render(summary: dict, max_sites: int) -> str:
    lines = [
        "== run summary ==",
        f"sites {summary['sites']}  pages {summary['pages']}  reports found {summary['reports_found']}  "
        f"records {summary['records']}  other sources {summary['alternates']}  "
        f"errors {sum(summary['errors'].values())}  ({summary['reason']})",
        "errors by stage/kind: " + (", ".join(f"{k} {v}" for k, v in summary["errors"].items()) or "none"),
        f"{'site':<28} {'pages':>6} {'lists':>6} {'docs':>6} {'records':>8} {'errors':>7}",
    ]
    rows = sorted(summary["per_site"].items(), key=lambda item: (item[1].get("records", 0), item[0]))
    for name, counts in rows[:max_sites]:
        documents = counts.get("page", 0) + counts.get("attachment", 0)
        flag = "  <- nothing recorded" if not counts.get("records") else ""
        lines.append(f"{name[:28]:<28} {counts.get('pages', 0):>6} {counts.get('listing', 0):>6} {documents:>6} "
                     f"{counts.get('records', 0):>8} {counts.get('errors', 0):>7}{flag}")
    if len(rows) > max_sites:
        silent = sum(1 for _, counts in rows if not counts.get("records"))
        lines.append(f"… {len(rows) - max_sites} more sites in summary.json ({silent} sites with no record)")
    return "\n".join(lines)

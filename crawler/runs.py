"""Runs: which run a crawl belongs to, and what each run found per site.

`RunAddon` settles RUN_ID before the crawl starts (resume the unfinished run,
else a new one; `-s RUN_ID=…` to name it, e.g. one id for all workers of a
distributed crawl) and discards a JOBDIR left behind by a killed process.
`RunReport` writes `OUTPUT_DIR/runs/<run-id>.json` at the end: per site, pages
fetched, documents new / changed / unchanged, errors by stage, and a flag for
every site whose report count fell to zero since the previous run.
"""
from __future__ import annotations

import json
import logging
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from .incremental import document_status
from .items import Failure
from .state import State, state_for

logger = logging.getLogger(__name__)
STATUSES = ("new", "changed", "unchanged")


class RunAddon:
    """Resolve RUN_ID (and RUN_RESUMED) into the settings; make a crashed JOBDIR harmless."""

    def update_settings(self, settings):
        if not settings.getbool("INCREMENTAL_ENABLED"):
            return
        if settings.get("JOBDIR"):
            discard_crashed_jobdir(Path(settings.get("JOBDIR")))
        state = State.from_settings(settings)
        try:
            run, resumed = state.open_run(settings.get("RUN_ID"))
        finally:
            state.close()
        settings.set("RUN_ID", run, priority="cmdline")
        settings.set("RUN_RESUMED", resumed, priority="cmdline")


def discard_crashed_jobdir(jobdir: Path) -> None:
    """A JOBDIR whose queue was never closed (SIGKILL, power loss) has stale queue files.

    Scrapy writes `requests.queue/active.json` only when the spider closes, and
    its `requests.seen` would then filter the seeds of the restarted crawl away.
    Starting the job afresh is safe: listings are fetched again and the state
    skips every document already done.
    """
    if (jobdir / "requests.seen").exists() and not (jobdir / "requests.queue" / "active.json").exists():
        logger.warning("JOBDIR %s was not closed cleanly; starting the job afresh (the state keeps the work)", jobdir)
        shutil.rmtree(jobdir)


class RunReport:
    """Per-site figures of the run, added up in the state (so workers of one run share them)."""

    def __init__(self, crawler, state):
        self.crawler, self.state = crawler, state
        self.run = crawler.settings.get("RUN_ID")
        self.sites: dict[str, Counter] = defaultdict(Counter)

    @classmethod
    def from_crawler(cls, crawler):
        state = state_for(crawler)
        if state is None:
            raise NotConfigured
        report = cls(crawler, state)
        crawler.signals.connect(report.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(report.response_received, signal=signals.response_received)
        crawler.signals.connect(report.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(report.document_status, signal=document_status)
        crawler.signals.connect(report.spider_closed, signal=signals.spider_closed)
        return report

    def spider_opened(self, spider):
        if spider.settings.get("JOBDIR"):  # closed cleanly again only when Scrapy rewrites it
            (Path(spider.settings.get("JOBDIR")) / "requests.queue" / "active.json").unlink(missing_ok=True)
        logger.info("run %s (%s)", self.run, "resumed" if spider.settings.getbool("RUN_RESUMED") else "new")

    def response_received(self, response, request, spider=None):
        if request.meta.get("site"):
            self.sites[request.meta["site"]]["pages"] += 1

    def document_status(self, site, status):
        if site:
            self.sites[site][status] += 1

    def item_scraped(self, item, response=None, spider=None):
        if isinstance(item, Failure):
            self.sites[item.site][f"errors_{item.stage}"] += 1

    def spider_closed(self, spider, reason):
        settings = self.crawler.settings
        if reason == "finished" or settings.get("JOBDIR"):  # nothing still queued is lost
            self.state.settle_all(self.run)
        for site, counts in self.sites.items():
            self.state.add_figures(self.run, site, dict(counts))
        if reason == "finished":
            self.state.finish_run(self.run, "finished")
        run = self.state.run(self.run) or {}
        names = [seed["name"] for seed in getattr(spider, "seeds", [])]
        report = build_report(self.run, run, {name: self.state.figures(self.run, name) for name in names},
                              {name: self.state.figures(run["previous"], name) for name in names}
                              if run.get("previous") else {})
        directory = Path(settings.get("OUTPUT_DIR")) / "runs"
        directory.mkdir(parents=True, exist_ok=True)
        (directory / f"{self.run}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                                    encoding="utf-8")
        for name in report["fell_to_zero"]:
            logger.warning("site %s: no report found this run, %d in the previous run", name,
                           report["sites"][name]["previous_reports"])
        self.state.close()


def build_report(run_id: str, run: dict, sites: dict[str, dict], previous: dict[str, dict]) -> dict:
    """The runs/<id>.json document; `reports` = documents judged new, changed or unchanged."""
    rows = {}
    for name, figures in sites.items():
        row = {"pages": figures.get("pages", 0), **{status: figures.get(status, 0) for status in STATUSES},
               "errors": {key.removeprefix("errors_"): n for key, n in sorted(figures.items())
                          if key.startswith("errors_")}}
        row["reports"] = sum(row[status] for status in STATUSES)
        if name in previous:
            row["previous_reports"] = sum(previous[name].get(status, 0) for status in STATUSES)
        rows[name] = row
    return {"run": run_id, "status": run.get("status"), "started": run.get("started"),
            "finished": run.get("finished"), "previous": run.get("previous"),
            "totals": {key: sum(row[key] for row in rows.values()) for key in ("pages", "reports", *STATUSES)},
            "fell_to_zero": sorted(name for name, row in rows.items()
                                   if row["reports"] == 0 and row.get("previous_reports", 0) > 0),
            "sites": rows}

"""RunReport: what one run did, per site, and what the output files now hold. Printed last.

Per site: pages fetched by role and the last page reached; report pages and
files asked for, and how each ended: records (new or changed, and through
which mechanism, family.handler), copies (other sources of a recorded
report), unchanged, lists (candidates whose content was a list), errors by
stage/kind, and those not finished because the crawl stopped first (asked
for, no outcome). Budgets hit (stats `budget/…`; a key ending in
`/<site name>` is that site's). Sites with no report are
listed with the last page reached there, so a user sees where a site broke.

Written at close: OUTPUT_DIR/runs/<run>.json for this run (added up over all
processes of the run in the incremental state: a resumed or distributed run
is one run), OUTPUT_DIR/summary.json for what reports.jsonl, errors.jsonl and
alternates.jsonl hold over all runs. A finished crawl in which every site
failed sets the stat EVERY_SITE_FAILED (`scrapy crawl` then exits 1); not in a distributed
run, where one worker may end before the others have written what they found.
"""
from __future__ import annotations

import json
import logging
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from scrapy import signals

from ..outputs import describe
from ..runs import mark_jobdir_open
from ..signals import DOCUMENT_ROLES, document_done
from .state import CrawlState

logger = logging.getLogger(__name__)

EVERY_SITE_FAILED = "sites/every_site_failed"
FOUND = ("new", "changed", "unchanged")  # outcomes that mean the report was there
TOTALS = ("asked", "records", "new", "changed", "unchanged", "copies", "files_only", "lists", "failed",
          "not_finished", "reports")


class RunReport:
    def __init__(self, crawler):
        self.crawler = crawler
        self.state = None  # the incremental State, found once every extension exists
        self.run = crawler.settings.get("RUN_ID")
        self.directory = Path(crawler.settings.get("OUTPUT_DIR"))
        self.max_sites = crawler.settings.getint("SUMMARY_MAX_SITES")
        self.resumed = crawler.settings.getbool("RUN_RESUMED")
        self.jobdir = crawler.settings.get("JOBDIR")
        self.distributed = bool(crawler.settings.get("REDIS_URL"))
        self.sites: dict[str, Counter] = defaultdict(Counter)
        self.asked: dict[str, set[str]] = defaultdict(set)  # per site: URLs of documents asked for
        self.ended: dict[str, set[str]] = defaultdict(set)  # per site: URLs (as asked) that had an outcome
        self.last: dict[str, dict] = {}
        self.text = ""

    @classmethod
    def from_crawler(cls, crawler):
        report = cls(crawler)
        for handler, signal in ((report.spider_opened, signals.spider_opened),
                                (report.response_received, signals.response_received),
                                (report.request_scheduled, signals.request_scheduled),
                                (report.request_dropped, signals.request_dropped),
                                (report.document_done, document_done),
                                (report.spider_closed, signals.spider_closed),
                                (report.engine_stopped, signals.engine_stopped)):
            crawler.signals.connect(handler, signal=signal)
        return report

    # -- counting --------------------------------------------------------------------
    def spider_opened(self, spider):
        owner = self.crawler.get_extension(CrawlState)
        self.state = owner.state if owner else None
        if self.jobdir:
            mark_jobdir_open(Path(self.jobdir))
        logger.info("run %s (%s)", self.run, "resumed" if self.resumed else "new")

    def response_received(self, response, request, spider=None):
        site, role = request.meta.get("site"), request.meta.get("role", "other")
        if site:
            self.sites[site][f"pages/{role}"] += 1
            self.last[site] = {"url": response.url, "role": role, "status": response.status}

    def request_scheduled(self, request, spider=None):
        if first_ask(request):
            self.asked[request.meta["site"]].add(request.url)

    def request_dropped(self, request, spider=None):
        if first_ask(request):
            self.asked[request.meta["site"]].discard(request.url)

    def document_done(self, outcome, site, role, url=None, requested=None, kind=None, stage=None, repeated=False,
                      mechanism=None, **_):
        counts = self.sites[site or "?"]
        if role in DOCUMENT_ROLES:
            counts[f"outcome/{outcome}"] += 1
            self.ended[site or "?"].add(requested or url)
        if outcome == "error":
            counts[f"errors/{stage}/{kind}"] += 1
            counts["errors_repeated"] += bool(repeated)
        if outcome in ("new", "changed"):
            counts[f"by/{mechanism or '?'}"] += 1

    # -- at the end ------------------------------------------------------------------
    def spider_closed(self, spider, reason):
        names = [seed["name"] for seed in getattr(spider, "seeds", [])]
        names += sorted(set(self.sites) - set(names))
        figures, last, previous, run = self.collect(names, reason)
        stats = self.crawler.stats
        budgets = {key: value for key, value in stats.get_stats().items() if key.startswith("budget/")}
        report = build_report(self.run, run, figures, last, previous, budgets)
        report["reason"] = reason
        self.directory.joinpath("runs").mkdir(parents=True, exist_ok=True)
        (self.directory / "runs" / f"{self.run}.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        held = describe(self.directory)
        held["per_site"] = {name: held["per_site"].get(name, {}) for name in names} | held["per_site"]
        held["latest_run"] = self.run
        (self.directory / "summary.json").write_text(json.dumps(held, ensure_ascii=False, indent=1),
                                                     encoding="utf-8")
        for name in report["fell_to_zero"]:
            logger.warning("site %s: no report found this run, %d in the previous run", name,
                           report["sites"][name]["previous_reports"])
        if reason == "finished" and names and len(report["without_reports"]) == len(names) \
                and not self.distributed:  # a worker's share says nothing of the other workers'
            stats.set_value(EVERY_SITE_FAILED, True)
            logger.error("no report found on any of the %d sites: see %s", len(names),
                         self.directory / "runs" / f"{self.run}.json")
        self.text = render(report, held, self.max_sites)

    def collect(self, names: list[str], reason: str):
        """This process's figures, added to the run's in the state when there is one."""
        for site in set(self.asked) | set(self.ended):  # every outcome was asked for, once per request
            self.sites[site]["not_finished"] += len(self.asked[site] - self.ended[site])
        if self.state is None:
            return ({name: dict(self.sites[name]) for name in names}, self.last, {},
                    {"status": reason, "resumed": False})
        for site, counts in self.sites.items():
            self.state.add_figures(self.run, site, dict(counts))
        for site, page in self.last.items():
            self.state.set_last_page(self.run, site, page)
        if reason == "finished":
            self.state.finish_run(self.run, "finished")
        run = self.state.run(self.run) or {}
        previous = run.get("previous")
        return ({name: self.state.figures(self.run, name) for name in names},
                {name: self.state.last_page(self.run, name) for name in names},
                {name: self.state.figures(previous, name) for name in names} if previous else {},
                {**run, "resumed": self.resumed})

    def engine_stopped(self):
        if self.text:
            print(self.text, flush=True)


def first_ask(request) -> bool:
    """A report page or file asked for by the spider (not a retry or a redirect of one)."""
    meta = request.meta
    return (meta.get("role") in DOCUMENT_ROLES and bool(meta.get("site")) and not meta.get("retry_times")
            and not meta.get("redirect_urls"))


def build_report(run_id: str, run: dict, sites: dict[str, dict], last: dict[str, dict | None],
                 previous: dict[str, dict], budgets: dict) -> dict:
    """The runs/<id>.json document from per-site figures (flat counters, see RunReport)."""
    rows = {name: site_row(figures, previous.get(name) if previous else None) for name, figures in sites.items()}
    for name, row in rows.items():
        if not row["reports"] and not row["copies"]:
            row["last_page"] = last.get(name)
        row["budgets"] = {key.removesuffix(f"/{name}"): n for key, n in budgets.items() if key.endswith(f"/{name}")}
    totals = Counter()
    for row in rows.values():
        totals.update({key: row[key] for key in TOTALS})
        totals.update({f"pages/{role}": n for role, n in row["pages"].items()})
        totals.update({f"errors/{kind}": n for kind, n in row["errors"].items()})
    return {"run": run_id, "status": run.get("status"), "resumed": run.get("resumed", False),
            "started": run.get("started"), "finished": run.get("finished"), "previous": run.get("previous"),
            "totals": {"sites": len(rows), "pages": sum(row["pages_total"] for row in rows.values()),
                       **{key: totals[key] for key in TOTALS}},
            "pages": {key.removeprefix("pages/"): n for key, n in sorted(totals.items()) if key.startswith("pages/")},
            "errors": {key.removeprefix("errors/"): n for key, n in sorted(totals.items())
                       if key.startswith("errors/")},
            "budgets": budgets,
            "without_reports": {name: row.get("last_page") for name, row in rows.items()
                                if not row["reports"] and not row["copies"]},
            "fell_to_zero": sorted(name for name, row in rows.items()
                                   if row["reports"] == 0 and row.get("previous_reports", 0) > 0),
            "sites": rows}


def site_row(figures: dict, previous: dict | None) -> dict:
    def group(prefix: str) -> dict:
        return {key.removeprefix(prefix): n for key, n in sorted(figures.items()) if key.startswith(prefix) and n}

    outcomes = group("outcome/")
    row = {"pages": group("pages/"),
           **{status: outcomes.get(status, 0) for status in FOUND}, "copies": outcomes.get("copy", 0),
           "files_only": outcomes.get("files", 0), "lists": outcomes.get("list", 0),
           "failed": outcomes.get("error", 0), "not_finished": figures.get("not_finished", 0),
           "asked": sum(outcomes.values()) + figures.get("not_finished", 0),
           "errors": group("errors/"), "errors_as_before": figures.get("errors_repeated", 0),
           "records_by": group("by/")}
    row["pages_total"] = sum(row["pages"].values())
    row["records"] = row["new"] + row["changed"]
    row["reports"] = row["new"] + row["changed"] + row["unchanged"]
    if previous is not None:
        row["previous_reports"] = sum(previous.get(f"outcome/{status}", 0) for status in FOUND)
    return row


def fit(text: str, width: int) -> str:
    """Cut and pad to a terminal width (a Chinese character takes two columns)."""
    out, used = "", 0
    for char in text:
        size = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + size > width:
            break
        out, used = out + char, used + size
    return out + " " * (width - used)


def render(report: dict, held: dict, max_sites: int) -> str:
    totals = report["totals"]
    errors = sum(report["errors"].values())
    lines = [
        f"== run {report['run']}: {report['status']}{' (resumed)' if report['resumed'] else ''} ==",
        f"sites {totals['sites']} ({len(report['without_reports'])} without a report)  pages {totals['pages']}"
        + (" (" + ", ".join(f"{role} {n}" for role, n in report["pages"].items()) + ")" if report["pages"] else ""),
        f"report pages and files asked for {totals['asked']}: records {totals['records']} (new {totals['new']}, "
        f"changed {totals['changed']}), other sources {totals['copies']}, unchanged {totals['unchanged']}, "
        f"pages holding only files {totals['files_only']}, lists {totals['lists']}, errors {totals['failed']}, "
        f"not finished {totals['not_finished']}",
        "errors by stage/kind: " + (", ".join(f"{k} {v}" for k, v in report["errors"].items()) or "none")
        + (f"  ({errors} in all)" if errors else ""),
    ]
    if report["budgets"]:
        lines.append("budgets hit: " + ", ".join(f"{k} {v}" for k, v in sorted(report["budgets"].items())))
    lines.append(f"{'site':<24} {'pages':>6} {'lists':>6} {'asked':>6} {'records':>8} {'copies':>7} "
                 f"{'unch.':>6} {'errors':>7}  records by")
    rows = sorted(report["sites"].items(), key=lambda item: (item[1]["reports"] + item[1]["copies"] > 0, item[0]))
    for name, row in rows[:max_sites]:
        line = (f"{fit(name, 24)} {row['pages_total']:>6} {row['pages'].get('listing', 0):>6} {row['asked']:>6} "
                f"{row['records']:>8} {row['copies']:>7} {row['unchanged']:>6} {sum(row['errors'].values()):>7}  ")
        if row["reports"] or row["copies"]:
            line += ", ".join(f"{mechanism} {n}" for mechanism, n in row["records_by"].items())
        else:
            page = row.get("last_page") or {}
            line += (f"<- nothing recorded; last page {page.get('url', '(none)')} ({page.get('role', '?')})"
                     + ("; " + ", ".join(f"{k} {v}" for k, v in row["errors"].items()) if row["errors"] else ""))
        if row["budgets"]:
            line += "; budget hit: " + ", ".join(f"{k} {v}" for k, v in row["budgets"].items())
        lines.append(line)
    if len(rows) > max_sites:
        lines.append(f"… {len(rows) - max_sites} more sites in runs/{report['run']}.json")
    files = held["files"]
    lines.append("files now hold: " + "; ".join(
        f"{name} {info['lines']} lines" + (f" ({info['records']} records)" if "records" in info else "")
        + f" from {len(info['runs'])} run(s)" for name, info in files.items()))
    return "\n".join(lines)

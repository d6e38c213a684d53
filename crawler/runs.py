"""Runs: which run a crawl belongs to, and whether its JOBDIR was left by a crashed process.

`RunAddon` settles RUN_ID before the crawl starts: with the incremental state,
the unfinished run is resumed (a restart after a stop of any kind) or a new
one is opened (`-s RUN_ID=…` names it, e.g. one id for all workers of a
distributed crawl); without it, every crawl is a new run. Every line of the
output files carries its run id.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from .state import State, utcnow

logger = logging.getLogger(__name__)


class RunAddon:
    """Resolve RUN_ID (and RUN_RESUMED) into the settings; make a crashed JOBDIR harmless."""

    def update_settings(self, settings):
        if not settings.getbool("INCREMENTAL_ENABLED"):
            settings.set("RUN_ID", settings.get("RUN_ID") or utcnow().strftime("%Y%m%dT%H%M%SZ"), priority="cmdline")
            settings.set("RUN_RESUMED", False, priority="cmdline")
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

    Scrapy writes `requests.queue/active.json` only when the spider closes (and
    `mark_jobdir_open` removes it when a crawl starts), and its `requests.seen`
    would then filter the seeds of the restarted crawl away. Starting the job
    afresh is safe: listings are fetched again and the state skips every
    document already done.
    """
    if (jobdir / "requests.seen").exists() and not (jobdir / "requests.queue" / "active.json").exists():
        logger.warning("JOBDIR %s was not closed cleanly; starting the job afresh (the state keeps the work)", jobdir)
        shutil.rmtree(jobdir)


def mark_jobdir_open(jobdir: Path) -> None:
    """Until Scrapy closes the queue again, this JOBDIR counts as crashed."""
    (jobdir / "requests.queue" / "active.json").unlink(missing_ok=True)

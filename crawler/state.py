"""What a crawl remembers between runs: documents seen, their validators and hashes, record versions, runs.

One small store interface, two backends, so the rules live once (in `State`):

- `SqliteStore` (default): `OUTPUT_DIR/state/state.sqlite3`, one process on one
  machine. SQLite is embedded, crash-safe (WAL) and needs no service.
- `RedisStore` (when REDIS_URL is set): the same tables as Redis hashes, shared
  by every worker of a distributed crawl. Workers on several machines cannot
  share an SQLite file safely (network file systems break its locking), and
  Redis is already the service they share for the scheduler queue.

Each table row is a JSON object under (table, key). Tables: `document` (URL →
etag, last_modified, sha256, fetched_at, run), `version` (record id → version,
sha256, run), `error` (URL → stage, kind, run of its last errors.jsonl line),
`text` / `group` (the dedupe maps of DedupePipeline), `run` (run id → started,
status), `site` / `last` (per run and site: figures, last page reached) and
`meta` (the current run). The crawl's one State is owned by the CrawlState
extension (crawler/extensions/state.py).
"""
from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import MutableMapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

KEY_PREFIX = "nianbao:state"


class SqliteStore:
    """Rows as JSON in one SQLite table; writes are serialised by a lock (parse threads may call in)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS rows (tbl TEXT, key TEXT, value TEXT NOT NULL, "
                        "PRIMARY KEY (tbl, key))")
        self.guard = threading.RLock()

    def get(self, table: str, key: str) -> dict | None:
        with self.guard:
            row = self.db.execute("SELECT value FROM rows WHERE tbl=? AND key=?", (table, key)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, table: str, key: str, value: dict) -> None:
        with self.guard:
            self.db.execute("INSERT OR REPLACE INTO rows VALUES (?, ?, ?)",
                            (table, key, json.dumps(value, ensure_ascii=False)))

    def delete(self, table: str, key: str) -> None:
        with self.guard:
            self.db.execute("DELETE FROM rows WHERE tbl=? AND key=?", (table, key))

    def incr(self, table: str, key: str, counts: dict[str, int]) -> None:
        with self.guard, self.transaction():
            row = self.get(table, key) or {}
            self.put(table, key, {**row, **{name: row.get(name, 0) + n for name, n in counts.items()}})

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def lock(self, name: str):
        return self.guard

    def close(self) -> None:
        self.db.close()


class RedisStore:
    """Rows as Redis hashes (`nianbao:state:<table>:<key>`, JSON values); locks are Redis locks."""

    def __init__(self, url: str):
        import redis

        self.redis = redis.Redis.from_url(url, decode_responses=True)
        self.redis.ping()

    def name(self, table: str, key: str) -> str:
        return f"{KEY_PREFIX}:{table}:{key}"

    def get(self, table: str, key: str) -> dict | None:
        row = self.redis.hgetall(self.name(table, key))
        return {field: json.loads(value) for field, value in row.items()} or None

    def put(self, table: str, key: str, value: dict) -> None:
        name = self.name(table, key)
        with self.redis.pipeline() as pipe:  # MULTI/EXEC: readers never see half a row
            pipe.delete(name)
            pipe.hset(name, mapping={field: json.dumps(item, ensure_ascii=False) for field, item in value.items()})
            pipe.execute()

    def delete(self, table: str, key: str) -> None:
        self.redis.delete(self.name(table, key))

    def incr(self, table: str, key: str, counts: dict[str, int]) -> None:
        name = self.name(table, key)
        with self.redis.pipeline() as pipe:
            for field, n in counts.items():
                pipe.hincrby(name, field, n)
            pipe.execute()

    def lock(self, name: str):
        return self.redis.lock(f"{KEY_PREFIX}:lock:{name}", timeout=60, blocking_timeout=60)

    def close(self) -> None:
        self.redis.close()


class Rows(MutableMapping):
    """One table as a mapping of key → `field` of the row (how DedupePipeline keeps its maps)."""

    def __init__(self, store, table: str, field: str):
        self.store, self.table, self.field = store, table, field

    def __getitem__(self, key):
        row = self.store.get(self.table, key) if key else None
        if row is None:
            raise KeyError(key)
        return row[self.field]

    def __setitem__(self, key, value):
        self.store.put(self.table, key, {self.field: value})

    def __delitem__(self, key):
        self.store.delete(self.table, key)

    def __iter__(self):
        raise NotImplementedError("state tables are not listed")

    def __len__(self):
        raise NotImplementedError("state tables are not counted")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class State:
    """The crawl's memory: which documents changed, which record version is current, which run is on."""

    def __init__(self, store):
        self.store = store
        self.fetched: dict[str, dict] = {}  # this process: URL -> validators of a body not yet committed
        self.texts = Rows(store, "text", "record")
        self.groups = Rows(store, "group", "members")

    @classmethod
    def from_settings(cls, settings) -> "State":
        if settings.get("REDIS_URL"):
            return cls(RedisStore(settings.get("REDIS_URL")))
        return cls(SqliteStore(Path(settings.get("OUTPUT_DIR")) / "state" / "state.sqlite3"))

    def lock(self):
        """The section in which DedupePipeline reads and extends its maps (one worker at a time)."""
        return self.store.lock("dedupe")

    # -- documents -----------------------------------------------------------------
    def document(self, url: str, page_url: str | None = None) -> dict | None:
        """What is known of a document; of a file, only when it was seen from this page (a file
        newly linked from another page is fetched again, so that the page becomes its source)."""
        row = self.store.get("document", url)
        if row and page_url and row.get("pages") and page_url not in row["pages"]:
            return None
        return row

    def settle(self, url: str, run: str, page_url: str | None = None) -> None:
        """Commit a fetched body's validators: from now on the document counts as seen (from page_url)."""
        validators = self.fetched.pop(url, None)
        row = self.store.get("document", url) if page_url else None
        pages = sorted({*((row or {}).get("pages") or ()), page_url} - {None})
        if validators:
            row = {**(row or {}), **validators, "fetched_at": utcnow().isoformat(timespec="seconds"), "run": run}
        elif not row or page_url in row.get("pages", ()):
            return  # nothing fetched, no new page: as it was
        self.store.put("document", url, {**row, **({"pages": pages} if pages else {})})

    def forget(self, url: str) -> None:
        self.fetched.pop(url, None)
        self.store.delete("document", url)

    # -- errors ------------------------------------------------------------------
    def error(self, url: str) -> dict | None:
        """The failure last written to errors.jsonl for this URL (any run), if it still stands."""
        return self.store.get("error", url)

    def set_error(self, url: str, stage: str, kind: str, run: str) -> None:
        self.store.put("error", url, {"stage": stage, "kind": kind, "run": run})

    def clear_error(self, url: str) -> None:
        self.store.delete("error", url)

    # -- record versions -----------------------------------------------------------
    def version(self, record_id: str) -> dict | None:
        return self.store.get("version", record_id)

    def set_version(self, record_id: str, version: int, sha256: str, run: str) -> None:
        self.store.put("version", record_id, {"version": version, "sha256": sha256, "run": run})

    # -- runs ----------------------------------------------------------------------
    def open_run(self, requested: str | None) -> tuple[str, bool]:
        """The run id: the one asked for, else the unfinished current run (resume), else a new one.

        Workers of one distributed crawl started together join the same run; a run
        killed before it finished is taken up again by the next start. The flag
        says whether the run already existed (a resume or a second worker).
        """
        with self.store.lock("run"):
            current = (self.store.get("meta", "current") or {}).get("run")
            if requested:
                run = requested
            elif current and (self.store.get("run", current) or {}).get("status") != "finished":
                run = current
            else:
                run = utcnow().strftime("%Y%m%dT%H%M%SZ")
            resumed = self.store.get("run", run) is not None
            if not resumed:
                self.store.put("run", run, {"started": utcnow().isoformat(timespec="seconds"), "status": "running",
                                            "previous": current})
                self.store.put("meta", "current", {"run": run})
        return run, resumed

    def run(self, run: str) -> dict | None:
        return self.store.get("run", run)

    def finish_run(self, run: str, status: str) -> None:
        with self.store.lock("run"):
            row = self.store.get("run", run) or {}
            self.store.put("run", run, {**row, "status": status,
                                        "finished": utcnow().isoformat(timespec="seconds")})

    def add_figures(self, run: str, site: str, counts: dict[str, int]) -> None:
        self.store.incr("site", f"{run}|{site}", counts)

    def figures(self, run: str, site: str) -> dict[str, int]:
        return self.store.get("site", f"{run}|{site}") or {}

    def set_last_page(self, run: str, site: str, page: dict) -> None:
        self.store.put("last", f"{run}|{site}", page)

    def last_page(self, run: str, site: str) -> dict | None:
        return self.store.get("last", f"{run}|{site}")

    def close(self) -> None:
        self.store.close()

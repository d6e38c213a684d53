"""Distributed crawls: with `-s REDIS_URL=redis://host:6379/0`, workers share one scrapy-redis queue.

`RedisAddon` switches the scheduler and duplicate filter to scrapy-redis, with
keys per run (`nianbao:<run-id>:…`), so every worker of a run pulls from one
queue, each URL is requested once over all of them, and next week's run starts
from a clean filter. The queue persists when a worker stops: one worker
finishing, or being killed, does not take the others' work away. The
incremental state lives in the same Redis (crawler.state.RedisStore), and
crawler.extensions.idle keeps a worker whose queue ran dry waiting for the others.
"""
from __future__ import annotations


class RedisAddon:
    def update_settings(self, settings):
        if not settings.get("REDIS_URL"):
            return
        prefix = f"nianbao:{settings.get('RUN_ID') or 'run'}:%(spider)s"
        for name, value in (("SCHEDULER", "scrapy_redis.scheduler.Scheduler"),
                            ("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter"),
                            ("SCHEDULER_PERSIST", True),
                            ("SCHEDULER_QUEUE_KEY", f"{prefix}:requests"),
                            ("SCHEDULER_DUPEFILTER_KEY", f"{prefix}:dupefilter")):
            settings.set(name, value, priority="addon")

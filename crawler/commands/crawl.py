"""`scrapy crawl`, with two changes a scheduler can rely on.

The spider's -a arguments and seed list are checked before anything starts:
a bad one stops with a one-line message and exit status 2 (Scrapy's usage
error) instead of a traceback or a crawl that fetches nothing. A crawl in
which every site failed (no report found anywhere, see RunReport) exits 1.
"""
from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError
from scrapy.utils.misc import load_object

from crawler.extensions.report import EVERY_SITE_FAILED


class Command(ScrapyCrawl):
    def process_options(self, args, opts):
        super().process_options(args, opts)
        if len(args) == 1:
            loader = load_object(self.settings["SPIDER_LOADER_CLASS"]).from_settings(self.settings.frozencopy())
            try:
                spidercls = loader.load(args[0])
            except KeyError:
                raise UsageError(f"no spider named {args[0]!r} (spiders: {', '.join(loader.list())})",
                                 print_help=False) from None
            if hasattr(spidercls, "read_arguments"):
                spidercls.read_arguments(opts.spargs)  # UsageError: a clear message, exit 2

    def run(self, args, opts):
        if len(args) != 1:
            return super().run(args, opts)
        crawler = self.crawler_process.create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed or getattr(self.crawler_process, "has_exception", False):
            self.exitcode = 1
        elif crawler.stats.get_value(EVERY_SITE_FAILED):
            self.exitcode = 1

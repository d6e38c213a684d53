"""Polite defaults for crawling government portals; everything can be changed with -s."""
import os

BOT_NAME = "nianbao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"  # `scrapy crawl` with checked arguments and an honest exit status

# Scrapy's cookie middleware asks tldextract for public suffixes; tldextract would download the list
# (a traceback per attempt when offline): use the snapshot it ships with.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

# An honest crawler: says who it is, reads robots.txt, and goes slowly per host.
USER_AGENT = "nianbao-crawler/0.1 (+https://github.com/nianbao/nianbao; collects 政府信息公开工作年度报告)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Bounded retries; anti-bot answers (crawler.failures.ANTI_BOT_STATUSES) are never retried.
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_AFTER_MAX = 30.0
BLOCKED_HOST_LIMIT = 3
REDIRECT_MAX_TIMES = 5
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# Discovery limits (links from the home page toward the 年报 column; sub-column nesting).
NAV_MAX_HOPS = 4
COLUMN_MAX_DEPTH = 4
SITE_MAX_PAGES = 3000   # requests per site (an endless pager stops here; counted as budget/site_max_pages)
PAGE_MAX_LINKS = 1000   # requests taken from one page (counted as budget/page_max_links)
JS_REDIRECT_MAX_SIZE = 4096
SOFT_404_MAX_SIZE = 8192

# Every middleware has a switch (NotConfigured when off).
FENCE_ENABLED = True
BLOCKED_HOST_ENABLED = True
REDIRECT_LOOP_ENABLED = True
CHARSET_FIX_ENABLED = True
JS_REDIRECT_ENABLED = True
SOFT_404_ENABLED = True
RETRY_AFTER_ENABLED = True
PARSE_ENABLED = True       # off: documents are not parsed, each leaves a `not_parsed` line in errors.jsonl
ACCOUNTING_ENABLED = True

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.fence.FenceMiddleware": 60,
    "crawler.middlewares.blocked.BlockedHostMiddleware": 120,
    "crawler.middlewares.conditional.ConditionalRequestMiddleware": 540,
    "crawler.middlewares.retry_after.RetryAfterMiddleware": 560,
    "crawler.middlewares.soft404.Soft404Middleware": 570,
    "crawler.middlewares.js_redirect.JsRedirectMiddleware": 575,
    "crawler.middlewares.charset.CharsetMiddleware": 585,
    "crawler.middlewares.redirect_loop.RedirectLoopMiddleware": 610,
}
SPIDER_MIDDLEWARES = {  # output passes from the highest number to the lowest: parsed first, then accounted
    "crawler.middlewares.parse.ParseMiddleware": 950,
    "crawler.middlewares.accounting.AccountingMiddleware": 940,
}
SPIDER_CONTRACTS = {"crawler.contracts.ReplayContract": 10}  # `scrapy check`: saved pages, no network
ITEM_PIPELINES = {
    "crawler.pipelines.dedupe.DedupePipeline": 200,
    "crawler.pipelines.validate.ValidationPipeline": 300,
    "crawler.pipelines.version.VersionPipeline": 850,
    "crawler.pipelines.write.WritePipeline": 900,
}
EXTENSIONS = {"crawler.extensions.state.CrawlState": 100, "crawler.extensions.report.RunReport": 500,
              "crawler.extensions.idle.IdleWorkers": 520}
ADDONS = {"crawler.runs.RunAddon": 100, "crawler.distributed.RedisAddon": 200}

# Scheduled crawls (README "Weekly crawls"): state in OUTPUT_DIR/state/, or in Redis with REDIS_URL.
INCREMENTAL_ENABLED = True
INCREMENTAL_REVISIT_DAYS = 30  # a report page or file without ETag/Last-Modified is asked for again after this
RUN_ID = None                  # None: resume the unfinished run, else start a new one
REDIS_URL = None               # e.g. redis://127.0.0.1:6379/0: shared queue, duplicate filter and state
REDIS_IDLE_CLOSE = 10          # seconds a worker with an empty queue waits for the others

OUTPUT_DIR = "output"      # reports.jsonl, errors.jsonl, alternates.jsonl, summary.json, runs/, state/
PARSE_WORKERS = 1          # processes parsing pages beside the crawler (0: a thread of the crawler)
DOCUMENT_MEMORY_LIMIT = 2048  # MB of address space for one document's extraction process
DOCUMENT_MEMORY_TOTAL = 4096  # MB for all of them together; files beyond it wait their turn
DOCUMENT_TIMEOUT = 120        # seconds per document, conversion included
SUMMARY_MAX_SITES = 60
FEED_EXPORT_ENCODING = "utf-8"  # `-o out.jsonl` / FEEDS: readable Chinese, like reports.jsonl
LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

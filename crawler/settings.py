"""Polite defaults for crawling government portals; everything can be changed with -s."""

BOT_NAME = "nianbao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

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

# Bounded retries; 403/412/521 are anti-bot answers and are never retried.
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
JS_REDIRECT_MAX_SIZE = 4096
SOFT_404_MAX_SIZE = 8192
CHARSET_FIX_ENABLED = True
JS_REDIRECT_ENABLED = True

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.FenceMiddleware": 60,
    "crawler.middlewares.BlockedHostMiddleware": 120,
    "crawler.middlewares.RedirectLoopMiddleware": 610,
    "crawler.middlewares.CharsetMiddleware": 585,
    "crawler.middlewares.JsRedirectMiddleware": 575,
    "crawler.middlewares.Soft404Middleware": 570,
    "crawler.middlewares.RetryAfterMiddleware": 560,
    "crawler.incremental.ConditionalRequestMiddleware": 540,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ParsePipeline": 100,
    "crawler.pipelines.DedupePipeline": 200,
    "crawler.validation.ValidationPipeline": 300,
    "crawler.incremental.RecordVersionPipeline": 850,
    "crawler.pipelines.JsonlWriterPipeline": 900,
    "crawler.incremental.RecordStatePipeline": 950,
}
EXTENSIONS = {"crawler.summary.RunSummary": 500, "crawler.runs.RunReport": 510,
              "crawler.distributed.IdleWorkers": 520}
ADDONS = {"crawler.runs.RunAddon": 100, "crawler.distributed.RedisAddon": 200}

# Scheduled crawls (README "Weekly crawls"): state in OUTPUT_DIR/state/, or in Redis with REDIS_URL.
INCREMENTAL_ENABLED = True
INCREMENTAL_REVISIT_DAYS = 30  # a report page or file without ETag/Last-Modified is asked for again after this
RUN_ID = None                  # None: resume the unfinished run, else start a new one
REDIS_URL = None               # e.g. redis://127.0.0.1:6379/0: shared queue, duplicate filter and state
REDIS_IDLE_CLOSE = 10          # seconds a worker with an empty queue waits for the others

OUTPUT_DIR = "output"
PARSE_WORKERS = 1  # processes parsing pages beside the crawler (0: a thread of the crawler)
SUMMARY_MAX_SITES = 60
LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

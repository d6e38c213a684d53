"""The names the crawler's parts agree on: request meta keys, page roles, stats keys.

Spider, families, middlewares and the run report read and write these keys;
declaring them here keeps one spelling. Scrapy's own keys (`redirect_urls`,
`redirect_times`, `download_slot` …) are Scrapy's and are not repeated here,
except `REDIRECT_URLS`, which the spider extends with shells and scheme fallbacks.
"""
from __future__ import annotations

# -- request meta: where a request belongs -------------------------------------------
SEED = "seed"                  # index of the seed row (None under `scrapy parse`)
SITE = "site"                  # the seed's name: every count and error line is per site
FENCE = "fence"                # discovery.Fence root ("domain" or "domain:port"); FenceMiddleware reads it

# -- request meta: what the request is expected to be (the page's content may revise it) --
ROLE = "role"                  # NAV | LISTING | PAGE | ATTACHMENT, the expectation when requested
READ_AS = "read_as"            # set on the response: the role the page's content decided (see ROLES)
HOPS = "hops"                  # navigation clicks from the seed (or from a unit's own host)
IN_XXGK = "in_xxgk"            # inside the 信息公开 tree: unit names (县教育局, XX镇) are roads too
COLUMN_DEPTH = "column_depth"  # sub-column nesting below the first 年报 column
IN_COLUMN = "in_column"        # reached from a 年报 column: list titles such as `2023年度报告` are candidates
FAMILY = "family"              # CMS family whose handler reads the answer (families.BY_NAME)
HANDLER = "handler"            # that family's method name ("listing", "dataproxy", …)
PROBE = "probe"                # open-ended pagination: a 404 ends it quietly
FALLBACK = "scheme_fallback"   # the request is the other scheme of a URL whose scheme failed
REFETCHED = "refetched"        # asked again because the first answer was cut short
REDIRECT_URLS = "redirect_urls"  # Scrapy's key; the spider adds iframe shells and failed schemes to it

# -- request meta: a report candidate ----------------------------------------------------
PAGE_URL = "page_url"          # the page that linked a document (the report page for its files)
SHOWN_ON = "shown_on"          # the HTML page whose list an API request fills: the page_url of what it lists
LIST_TITLE = "list_title"      # the title the link carried
FILENAME = "filename"          # an attachment's display name
ARTICLE_ID = "article_id"      # CMS article id shared by a page and its files
PUBLISHED = "published"
ORG = "org"
MECHANISM = "mechanism"        # "<family>.<handler>" (or "nav", "frame") that found the document

# -- family state carried by API requests -------------------------------------------------
API_STATE = "api_state"        # a family's own paging state (dict), opaque to the spider

# -- roles -----------------------------------------------------------------------------------
NAV, LISTING, PAGE, ATTACHMENT = "nav", "listing", "page", "attachment"
REPORT = "report"              # READ_AS value: the page is a report
SHELL = "shell"                # READ_AS value: the page only frames another one
NOT_REPORT = "not_report"      # READ_AS value: a candidate that is neither report nor list
ROLES = (NAV, LISTING, PAGE, ATTACHMENT, REPORT, SHELL, NOT_REPORT)
#: how far a role is on the way from the seed to a report (for "where did this site stop")
STAGE = {NAV: 0, SHELL: 0, LISTING: 1, NOT_REPORT: 2, PAGE: 2, REPORT: 3, ATTACHMENT: 3}


# -- stats (crawler.stats) -----------------------------------------------------------------
def site_stat(site: str, name: str) -> str:
    """`site/<name>/<stat>`: per-site values for the run report."""
    return f"site/{site}/{name}"


LAST_PAGE = "last_page"        # site_stat: URL of the furthest page reached (deepest STAGE, latest)
LAST_ROLE = "last_role"        # site_stat: READ_AS of that page, with its family ("listing hanweb")
REPORTS_FROM = "reports_from/{}"  # site_stat + global: documents emitted per MECHANISM
BUDGET_SITE = "budget/site_max_pages"   # requests refused because the site used SITE_MAX_PAGES
BUDGET_LINKS = "budget/page_max_links"  # pages whose links were cut at PAGE_MAX_LINKS
BUDGET_HIT = "budget_hit"      # site_stat: the budget that stopped this site ("site_max_pages")
FENCE_REFUSED = "fence/refused"         # links left out: another domain, port or scheme
REVISED = "revised/{}_as_{}"   # a guess revised by content: expected role → role read
SCHEME_FALLBACKS = "scheme/fallback"     # requests retried with the other scheme
REDECODED = "charset/redecoded"          # bodies re-decoded because the declared charset lied
CUT_SHORT = "pages/cut_short_refetched"  # HTML answers without their end, asked once more

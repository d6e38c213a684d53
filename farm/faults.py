"""Every fault the farm plays, and what the crawler must make of each document.

One enum for all of them: the site modules put them on pages, the server plays
the ones that change from one request to the next, the manifest names them.
Values are the strings the manifest has always used, so old readers still match.
"""
from __future__ import annotations

from enum import StrEnum


class Fault(StrEnum):
    # -- played by the server, request by request (FarmServer.answer_for) -------------------------
    RETRY_AFTER_ONCE = "retry_after_once"              # first hit 503 + Retry-After: 1, then the page (T32, T39)
    RATE_LIMIT_ONCE = "rate_limit_429_once"            # first hit 429 + Retry-After: 1, then the page (T39)
    BAD_GATEWAY_ONCE = "http_502_once"                 # first hit 502, then the page (T32)
    RESET_ONCE = "reset_once"                          # first hit: connection closed before any answer (T33)
    TRUNCATE_ONCE = "truncate_once"                    # first hit: half the body, Content-Length says all (T33)
    TRUNCATE_UNFRAMED_ONCE = "truncate_unframed_once"  # first hit: half the body, no length, connection closed
    TIMEOUT = "timeout"                                # every hit sleeps past the crawler's timeout (T33)
    HUGE = "huge"                                      # the page padded past 8 MB (T40)
    HTTP_500 = "http_500"                              # every hit 500 (T32)
    BLOCKED_412 = "blocked_412"                        # 瑞数-style 412 (T37)
    BOT_UA_403 = "bot_ua_403"                          # 403 unless the User-Agent looks like a browser (T37)
    HTTP_500_ONCE = "http_500_once"                    # first hit 500, then the page (T32)
    SLOW = "slow"                                      # every hit waits a quarter of the timeout sleep, then answers
    # -- built into the pages by the site modules ----------------------------------------------
    SOFT_404 = "soft_404"                              # 200 + 页面不存在 (T36)
    HTTP_404 = "http_404"                              # a listed link that is gone (T32)
    REDIRECT_LOOP = "redirect_loop"                    # a listed link that redirects forever (T34)
    MOVED_301 = "moved_301"                            # a listed link that 301s to the page's new home
    HOME_301 = "home_301"                              # a missing column that 301s to the home page (T36)
    GBK_AS_UTF8 = "gbk_as_utf8"                        # GBK bytes, header says charset=utf-8 (T04)
    WRONG_CONTENT_TYPE = "wrong_content_type"          # a report file served as text/html (T24)
    ERROR_PAGE_200 = "error_page_200"                  # a linked file that is an HTML error page, 200 (T24)
    COMMENTED_OUT = "commented_out"                    # a list row inside <!-- --> (T47)
    PAGER_REPEATS = "pager_repeats"                    # the page after the last repeats the last (T46)
    PAGER_BLEEDS = "pager_bleeds"                      # the page after the last is another column's (T42)
    BLOCKED_521 = "blocked_521"                        # 加速乐 cookie challenge on every page (T37)
    ROBOTS_DISALLOWED = "robots_disallowed"            # a linked path robots.txt forbids (T38)
    # -- protocol, per host (Farm.tls) ------------------------------------------------------------
    HTTPS_BROKEN = "https_broken"                      # CONNECT accepted, TLS handshake dropped; http works
    HTTP_TO_HTTPS = "http_to_https"                    # http 301s to https, which works (T34)
    # -- list endpoints that answer like faults when asked the wrong way -------------------------
    POST_ONLY = "post_only"                            # GET answers 405 (Hanweb search.jsp)
    REFERER_REQUIRED = "referer_required"              # 404 without a Referer (truecms getMessage.do)
    WINDOW_CAP = "window_cap"                          # a window above 50 answers empty (truecms)
    PARAMS_IN_JSON = "params_in_json"                  # bare pageNo ignored, paging only in paramJson (JPaaS)


#: faults the server plays per request; the others are in the pages themselves
SERVED = frozenset({Fault.RETRY_AFTER_ONCE, Fault.RATE_LIMIT_ONCE, Fault.BAD_GATEWAY_ONCE, Fault.RESET_ONCE,
                    Fault.TRUNCATE_ONCE, Fault.TRUNCATE_UNFRAMED_ONCE, Fault.TIMEOUT, Fault.HUGE,
                    Fault.HTTP_500, Fault.BLOCKED_412, Fault.BOT_UA_403, Fault.HTTP_500_ONCE, Fault.SLOW})

# What a document must become (the manifest's `expect`): a record, an errors.jsonl line of a kind,
# never fetched, or fetched and not a record.
RECORD = "record"
FOUND = "found"            # an image-only report: a record flagged as having no text (T25)
LOOKALIKE = "lookalike"    # fetched or not, never a record
ROBOTS = "robots"          # robots.txt forbids it: never fetched
NOT_FETCHED = "not_fetched"
LISTED = "listed"          # a list page or endpoint: every entry behind it must still be reached
NOT_RECORD = "not_record"  # a page that may be fetched and must never become a record


def error(kind: str) -> str:
    """`expect` for a document that must end as an errors.jsonl line of this kind."""
    return f"error:{kind}"


def outcome(expect: str) -> dict:
    """The expectation spelled out: result record | error | not_fetched | not_record, and the error kind."""
    if expect in (RECORD, FOUND):
        return {"result": "record", "error": None}
    if expect.startswith("error:"):
        return {"result": "error", "error": expect.split(":", 1)[1]}
    if expect in (ROBOTS, NOT_FETCHED):
        return {"result": "not_fetched", "error": None}
    if expect == LISTED:
        return {"result": "listed", "error": None}
    return {"result": "not_record", "error": None}

"""Why a request failed, as the `kind` of its errors.jsonl line.

Failures are told apart by exception class (`failure.check`), never by class
names as strings. Scrapy ≥ 2.14 raises its own download exceptions where 2.13
raised Twisted's, so each kind lists both; names that do not exist in the
installed versions are skipped.
"""
from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.misc import load_object

#: Statuses that WAFs answer crawlers with (portals.md: 403/412 from 瑞数 and others, 521 from 加速乐).
#: Never retried; BlockedHostMiddleware stops asking a host after a few of them.
ANTI_BOT_STATUSES = (403, 412, 521)


class Unchanged(IgnoreRequest):
    """Not fetched or not passed on: the portal (304), the clock (not due) or the hash says the
    document is as last seen. Not a failure: the spider's errback records nothing for it."""


class RedirectLoop(IgnoreRequest):
    """A redirect back into its own chain."""


class OutsideFence(IgnoreRequest):
    """A request (or redirect target) outside the seed's domain."""


class HostBlocked(IgnoreRequest):
    """A host that answered with anti-bot statuses too often is not asked again."""


_DOWNLOAD_KINDS = (
    ("timeout", ("scrapy.exceptions.DownloadTimeoutError", "twisted.internet.error.TimeoutError",
                 "twisted.internet.defer.TimeoutError", "twisted.internet.error.TCPTimedOutError")),
    ("too_large", ("scrapy.exceptions.DownloadCancelledError", "twisted.internet.defer.CancelledError")),
    ("truncated", ("scrapy.exceptions.ResponseDataLossError", "twisted.web._newclient.ResponseFailed")),
    ("dns", ("scrapy.exceptions.CannotResolveHostError", "twisted.internet.error.DNSLookupError")),
    ("connection", ("scrapy.exceptions.DownloadConnectionRefusedError", "scrapy.exceptions.DownloadFailedError",
                    "twisted.internet.error.ConnectionRefusedError", "twisted.internet.error.ConnectError",
                    "twisted.internet.error.ConnectionLost", "twisted.internet.error.ConnectionDone",
                    "twisted.web._newclient.ResponseNeverReceived")),
)
_IGNORED_KINDS = ((RedirectLoop, "redirect_loop"), (OutsideFence, "outside_fence"), (HostBlocked, "blocked"))


def _classes(names: tuple[str, ...]) -> tuple[type, ...]:
    found = []
    for name in names:
        try:
            found.append(load_object(name))
        except (ImportError, NameError, AttributeError):
            continue
    return tuple(found)


DOWNLOAD_KINDS = tuple((kind, _classes(names)) for kind, names in _DOWNLOAD_KINDS)


def failure_kind(failure) -> tuple[str, str]:
    """(kind, message) of a Twisted Failure from a request's errback."""
    error = failure.value
    message = str(error) or type(error).__name__
    if failure.check(HttpError):
        response = error.response
        if "soft-404" in response.flags:
            return "soft_404", "page says it does not exist (HTTP 200)"
        if response.status in ANTI_BOT_STATUSES:
            return "blocked", f"HTTP {response.status}: anti-bot or WAF answer"
        return f"http_{response.status}", f"HTTP {response.status}"
    for cls, kind in _IGNORED_KINDS:
        if failure.check(cls):
            return kind, message
    if failure.check(IgnoreRequest):
        # Scrapy's RobotsTxtMiddleware raises a plain IgnoreRequest; its message is all that tells it apart
        return ("robots" if "robots.txt" in message else "ignored"), message
    for kind, classes in DOWNLOAD_KINDS:
        if classes and failure.check(*classes):
            return kind, message
    return type(error).__name__, message

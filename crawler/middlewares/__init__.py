"""Downloader and spider middlewares, one per module; each has an *_ENABLED setting (NotConfigured when off).

Downloader (portals.md §5 faults): fence, blocked, conditional, retry_after,
soft404, js_redirect, charset, redirect_loop. Spider: parse (documents →
records before they leave the spider), accounting (every document ends once).
"""

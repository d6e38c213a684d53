"""The farm's HTTP server: one loopback port, many virtual gov.cn hosts, switchable faults.

It answers absolute-URI proxy requests (`GET http://www.x.gov.cn/path HTTP/1.1`),
so a crawler with `http_proxy=http://127.0.0.1:<port>` reaches every farm host
with real-looking names and no special code (libraries.md); plain requests
are routed by their Host header. Every request is logged for the tests.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from urllib.parse import urlsplit
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .model import Farm, Route

SOFT_404 = "<html><head><title>页面不存在</title></head><body><h1>对不起，您访问的页面不存在！</h1></body></html>"
HUGE_PADDING = b"<!--" + b"x" * (9 * 1024 * 1024) + b"-->"


class QuietServer(ThreadingHTTPServer):
    """Clients that hang up (timeouts, size caps) are part of the game, not server errors."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


class FarmServer:
    """Serve a `Farm` in a background thread (start/stop), logging (method, url, status)."""

    def __init__(self, farm: Farm, host: str = "127.0.0.1", port: int = 0, timeout_sleep: float = 6.0,
                 validating_hosts: frozenset[str] = frozenset()):
        self.farm, self.timeout_sleep = farm, timeout_sleep
        self.validating_hosts = validating_hosts  # these answer with an ETag and honour If-None-Match
        self.log: list[tuple[str, str, int]] = []
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.httpd = QuietServer((host, port), self.handler_class())
        self.thread: threading.Thread | None = None

    @property
    def proxy(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FarmServer":
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def apply_fault(self, route: Route, hits: int) -> tuple[Route, str | None]:
        """The answer a fault gives on this hit; the second value is an action for the handler."""
        fault = route.fault
        if fault == "retry_after_once" and hits == 1:
            return Route(503, b"busy", (("Content-Type", "text/plain"), ("Retry-After", "1"))), None
        if fault == "truncate_once" and hits == 1:
            return route, "truncate"
        if fault == "timeout":
            return route, "sleep"
        if fault == "huge":
            return Route(200, route.body + HUGE_PADDING, route.headers), None
        if fault == "http_500":
            return Route(500, b"<html><body>500 Internal Server Error</body></html>", (("Content-Type", "text/html"),)), None
        if fault == "blocked_412":
            return Route(412, b"<html><script>var _$ts='obfuscated';</script></html>", (("Content-Type", "text/html"),)), None
        return route, None

    def validate(self, route: Route, if_none_match: str | None) -> Route:
        """An ETag from the body; 304 when the client already has that body."""
        etag = '"%s"' % hashlib.sha1(route.body).hexdigest()[:16]
        if if_none_match == etag:
            return Route(304, b"", (("ETag", etag),))
        return Route(route.status, route.body, route.headers + (("ETag", etag),), route.fault)

    def handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def target(self) -> str:
                if self.path.startswith(("http://", "https://")):
                    return self.path
                return f"http://{(self.headers.get('Host') or 'localhost').split(':')[0]}{self.path}"

            def answer(self, method: str):
                url = self.target()
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with server.lock:
                    server.hits[url] += 1
                    hits = server.hits[url]
                route, action = server.apply_fault(server.farm.resolve(method, url, body), hits)
                if route.status == 200 and urlsplit(url).hostname in server.validating_hosts:
                    route = server.validate(route, self.headers.get("If-None-Match"))
                with server.lock:
                    server.log.append((method, url, route.status))
                if action == "sleep":
                    time.sleep(server.timeout_sleep)
                self.send_response(route.status)
                for name, value in route.headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if method == "HEAD":
                    return
                if action == "truncate":
                    self.wfile.write(route.body[: len(route.body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self.wfile.write(route.body)

            def do_GET(self):
                self.answer("GET")

            def do_POST(self):
                self.answer("POST")

            def do_HEAD(self):
                self.answer("HEAD")

        return Handler

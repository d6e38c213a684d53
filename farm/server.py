"""The farm's HTTP server: one loopback port, many virtual gov.cn hosts, switchable faults.

It answers absolute-URI proxy requests (`GET http://www.x.gov.cn/path HTTP/1.1`),
so a crawler with `http_proxy=http://127.0.0.1:<port>` reaches every farm host
with real-looking names and no special code (libraries.md); plain requests
are routed by their Host header. https goes through the same port as CONNECT
tunnels (`https_proxy`): TLS with a throwaway self-signed certificate, or, for
a host with Fault.HTTPS_BROKEN, a handshake dropped after the ClientHello.
Every request is logged for the tests.
"""
from __future__ import annotations

import hashlib
import re
import socket
import ssl
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .faults import Fault
from .model import Farm, Route

HUGE_PADDING = b"<!--" + b"x" * (9 * 1024 * 1024) + b"-->"
BROWSER = re.compile(r"Mozilla/5\.0 \((?:Windows|Macintosh|X11|Linux|iPhone)")  # what a WAF lets through


def self_signed_context() -> ssl.SSLContext:
    """TLS for every farm host: one self-signed certificate, made fresh for each server."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "farm.gov.cn")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30)).sign(key, hashes.SHA256()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as directory:  # load_cert_chain reads files only
        pem = Path(directory) / "farm.pem"
        pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption())
                        + cert.public_bytes(serialization.Encoding.PEM))
        context.load_cert_chain(pem)
    return context


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
        self._tls: ssl.SSLContext | None = None
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

    def answer_for(self, route: Route, hits: int, user_agent: str = "") -> tuple[Route, str | None]:
        """The answer a served fault gives on this hit; the second value is an action for the handler."""
        fault, first = route.fault, hits == 1
        if fault == Fault.RETRY_AFTER_ONCE and first:
            return Route(503, b"busy", (("Content-Type", "text/plain"), ("Retry-After", "1"))), None
        if fault == Fault.RATE_LIMIT_ONCE and first:
            return Route(429, b"<html><body>429 Too Many Requests</body></html>",
                         (("Content-Type", "text/html"), ("Retry-After", "1"))), None
        if fault == Fault.BAD_GATEWAY_ONCE and first:
            return Route(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", (("Content-Type", "text/html"),)), None
        if fault == Fault.RESET_ONCE and first:
            return route, "reset"
        if fault == Fault.TRUNCATE_ONCE and first:
            return route, "truncate"
        if fault == Fault.TRUNCATE_UNFRAMED_ONCE and first:
            return route, "truncate_unframed"
        if fault == Fault.HTTP_500_ONCE and first:
            return Route(500, b"<html><body>500 Internal Server Error</body></html>", (("Content-Type", "text/html"),)), None
        if fault == Fault.TIMEOUT:
            return route, "sleep"
        if fault == Fault.SLOW:
            return route, "nap"
        if fault == Fault.HUGE:
            return Route(200, route.body + HUGE_PADDING, route.headers), None
        if fault == Fault.HTTP_500:
            return Route(500, b"<html><body>500 Internal Server Error</body></html>", (("Content-Type", "text/html"),)), None
        if fault == Fault.BLOCKED_412:
            return Route(412, b"<html><script>var _$ts='obfuscated';</script></html>", (("Content-Type", "text/html"),)), None
        if fault == Fault.BOT_UA_403 and not BROWSER.search(user_agent):
            return Route(403, b"<html><body><h1>403 Forbidden</h1></body></html>", (("Content-Type", "text/html"),)), None
        return route, None

    def tls_context(self) -> ssl.SSLContext:
        """A server context with a throwaway self-signed certificate (crawlers do not verify farm hosts)."""
        with self.lock:
            if self._tls is None:
                self._tls = self_signed_context()
            return self._tls

    def validate(self, route: Route, if_none_match: str | None) -> Route:
        """An ETag from the body; 304 when the client already has that body."""
        etag = '"%s"' % hashlib.sha1(route.body).hexdigest()[:16]
        if if_none_match == etag:
            return Route(304, b"", (("ETag", etag),))
        return Route(route.status, route.body, route.headers + (("ETag", etag),), route.fault)

    def handler_class(self, scheme: str = "http", tunnel_host: str = ""):
        """Request handler: proxy-style absolute URIs, Host-routed plain requests, CONNECT tunnels.

        Inside a tunnel (`scheme` https) requests are origin-form and belong to `tunnel_host`.
        """
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def target(self) -> str:
                if self.path.startswith(("http://", "https://")):
                    return self.path
                host = (self.headers.get("Host") or tunnel_host or "localhost").split(":")[0]
                return f"{scheme}://{host}{self.path}"

            def answer(self, method: str):
                url = self.target()
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with server.lock:
                    server.hits[url] += 1
                    hits = server.hits[url]
                headers = {name.lower(): value for name, value in self.headers.items()}
                route, action = server.answer_for(server.farm.resolve(method, url, body, headers), hits,
                                                  headers.get("user-agent", ""))
                if route.status == 200 and urlsplit(url).hostname in server.validating_hosts:
                    route = server.validate(route, self.headers.get("If-None-Match"))
                with server.lock:
                    server.log.append((method, url, 0 if action == "reset" else route.status))
                if action == "reset":  # hang up before answering
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if action == "sleep":
                    time.sleep(server.timeout_sleep)
                elif action == "nap":  # slow, yet inside the crawler's timeout
                    time.sleep(server.timeout_sleep / 4)
                self.send_response(route.status)
                for name, value in route.headers:
                    self.send_header(name, value)
                if action == "truncate_unframed":  # no length: the body ends where the connection does
                    self.send_header("Connection", "close")
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if method == "HEAD":
                    return
                if action in ("truncate", "truncate_unframed"):
                    self.wfile.write(route.body[: len(route.body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(route.body)

            def do_GET(self):
                self.answer("GET")

            def do_POST(self):
                self.answer("POST")

            def do_HEAD(self):
                self.answer("HEAD")

            def do_CONNECT(self):
                """https through the proxy: a TLS tunnel, or a handshake that fails (Fault.HTTPS_BROKEN)."""
                host = self.path.rsplit(":", 1)[0]
                known = server.farm.serves(host)
                with server.lock:
                    server.log.append(("CONNECT", f"https://{host}/", 200 if known else 502))
                if not known:
                    self.send_error(502, "Bad Gateway")
                    return
                self.send_response(200, "Connection established")
                self.end_headers()
                self.close_connection = True
                if server.farm.tls.get(host) == Fault.HTTPS_BROKEN:
                    try:  # read the ClientHello, then hang up: the client sees the handshake fail
                        self.connection.recv(4096)
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                try:
                    tunnel = server.tls_context().wrap_socket(self.connection, server_side=True)
                except (ssl.SSLError, OSError):
                    return
                server.handler_class("https", host)(tunnel, self.client_address, self.server)

        return Handler

"""The doors of a local server, as one ASGI middleware in front of everything else.

- Host: only the addresses being served (DNS rebinding: a page on attacker.example that re-points its name at
  127.0.0.1 still sends `Host: attacker.example`). Parsed here, not with TrustedHostMiddleware, so `[::1]:PORT`
  is compared whole.
- Cross-origin writes: a POST/PUT/PATCH/DELETE whose `Origin` (or, when a browser sent no Origin, `Referer`) is
  not one of the served origins, or whose `Sec-Fetch-Site` says cross-site, is refused. A request with neither
  header is not from a browser page (curl, an office's OA system) and is let through: no page can send it.
- Paths: `..`/`.` segments, backslashes, NUL and encoded slashes (`%2f`, `%5c`) are refused before routing.
- Body size: `Content-Length` over the limit gets 413 before a byte is read; a body without one (chunked) is
  counted while it streams and the reader raises BodyTooLarge at the limit (endpoints turn it into 413).
- Every response carries the security headers below.
"""
from __future__ import annotations

import json
from typing import Iterable
from urllib.parse import unquote, urlsplit

from .messages import lang_of_scope, message

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class BodyTooLarge(Exception):
    """The request body passed the upload limit while it was streaming in."""


def host_forms(names: Iterable[str], port: int) -> set[str]:
    """The Host header values that name this server: `name:port` (and bare `name` on port 80)."""
    out = set()
    for n in names:
        n = n.lower().strip("[]")
        h = f"[{n}]" if ":" in n else n
        out.add(f"{h}:{port}")
        if port == 80:
            out.add(h)
    return out


async def send_json(send, status: int, body: dict, extra: list | None = None) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(data)).encode()),
               (b"cache-control", b"no-store"), *SECURITY_HEADERS, *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def _bad_path(scope) -> bool:
    raw = (scope.get("raw_path") or scope.get("path", "").encode("utf-8")).lower()
    if b"%2f" in raw or b"%5c" in raw or b"%00" in raw:
        return True
    path = scope.get("path", "")
    # uvicorn has decoded %2e already; decode once more so %252e%252e is judged too
    for p in (path, unquote(path)):
        if "\\" in p or "\x00" in p:
            return True
        if any(seg in (".", "..") for seg in p.split("/")):
            return True
    return False


class Doors:
    """ASGI middleware: refuse what must not come in; add the security headers to what goes out."""

    def __init__(self, app, hosts: set[str], max_body: int):
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.origins = {f"http://{h}" for h in self.hosts}
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang = lang_of_scope(scope)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").strip().lower()
        if host not in self.hosts:
            await send_json(send, 403, {"error": message("bad_host", lang, host=host or "（无）")})
            return
        if _bad_path(scope):
            await send_json(send, 404, {"error": message("bad_path", lang)})
            return
        if scope.get("method", "GET").upper() in UNSAFE_METHODS and not self._same_origin(headers):
            await send_json(send, 403, {"error": message("cross_origin", lang)})
            return
        length = headers.get("content-length")
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                n = -1
            if n < 0:
                await send_json(send, 400, {"error": message("bad_length", lang)})
                return
            if n > self.max_body:
                await send_json(send, 413, {"error": message("too_large", lang, mb=self.max_body / 2**20)},
                                [(b"connection", b"close")])
                return

        seen = 0
        limit = self.max_body

        async def counted_receive():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return msg

        async def secured_send(msg):
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg = dict(msg)
                msg["headers"] = [*msg.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in have)]
            await send(msg)

        await self.app(scope, counted_receive, secured_send)

    def _same_origin(self, headers: dict) -> bool:
        if headers.get("sec-fetch-site", "") == "cross-site":
            return False
        origin = headers.get("origin")
        if origin is not None:
            return origin.strip().lower() in self.origins
        referer = headers.get("referer")
        if referer is not None:
            try:
                u = urlsplit(referer.strip())
            except ValueError:
                return False
            return f"{u.scheme}://{u.netloc}".lower() in self.origins
        return True

"""What keeps the dashboard safe to leave open while its user browses the web.

One plain-ASGI layer (:class:`Guard`) in front of the app:

- **Host.** The ``Host`` header must name the address the server was started for
  (127.0.0.1, localhost, ::1, or what ``--host`` names), else 400: a DNS-rebinding page
  cannot read or write through the user's browser.
- **Cross-site writes.** A request that is not GET, HEAD or OPTIONS is refused (403) when
  the browser says it comes from another site (``Sec-Fetch-Site`` other than
  ``same-origin``/``none``, or an ``Origin`` whose host is not the request's). The JSON API
  takes only ``application/json`` bodies, which no cross-site form can send without a CORS
  preflight that the server never grants. HTML forms also carry a CSRF token
  (:func:`csrf_ok`).
- **Token.** With ``token`` set (``--token`` / ``EVLENS_TOKEN``), every request must show it:
  ``Authorization: Bearer …``, the cookie set after one visit to ``/?token=…``, or that query.
- **Body.** A body is read only up to ``limit`` bytes, chunked or not (413 beyond), and each
  piece must arrive within ``body_timeout`` seconds (408).
- **Headers.** Every response carries a Content-Security-Policy (scripts and everything
  else only from the server itself; no inline script), ``X-Frame-Options: DENY``,
  ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: same-origin`` (under
  ``no-referrer`` a browser sends ``Origin: null`` even with the dashboard's own forms).
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
from collections.abc import Iterable
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..values import to_json

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
TOKEN_COOKIE = "evlens_token"
CLOSE = [(b"connection", b"close")]  # the server reads no more of a refused body


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str | None = None) -> frozenset[str]:
    """Host names the server answers to: loopback's, and the address it was bound to."""
    names = set(LOOPBACK_NAMES)
    if bind and bind not in ("0.0.0.0", "::"):
        names.add(bind.strip("[]").lower())
    return frozenset(names)


def host_name(value: str) -> str:
    """The host part of a ``Host`` header or an origin's netloc: no port, no brackets, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


def _headers(scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", ())}


async def _plain(send, status: int, message: str, extra: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = to_json({"error": message}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The security layer described in this module's docstring, as ASGI middleware."""

    def __init__(
        self, app, *, hosts: frozenset[str], limit: int, token: str | None = None, body_timeout: float = 30.0
    ) -> None:
        self.app, self.hosts, self.limit, self.token, self.body_timeout = (
            app,
            hosts,
            limit,
            token,
            body_timeout,
        )

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        h = _headers(scope)
        host = h.get(b"host", b"").decode("latin-1")
        if host_name(host) not in self.hosts:
            return await _plain(
                send, 400, "bad Host header: this server answers only to " + ", ".join(sorted(self.hosts))
            )
        if self.token is not None:
            verdict = self._token(scope, h, self.token)
            if verdict is not True:
                return await verdict(send)
        method = scope["method"]
        if method not in SAFE_METHODS:
            why = self._cross_site(h, host)
            if why:
                return await _plain(send, 403, f"cross-site request refused: {why}")
            if scope["path"].startswith("/api/"):
                ctype = h.get(b"content-type", b"").split(b";")[0].strip().lower()
                if ctype != b"application/json":
                    return await _plain(
                        send, 415, "the API takes JSON bodies (Content-Type: application/json)"
                    )
            receive = await self._read_body(scope, h, receive, send)
            if receive is None:
                return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=[*message.get("headers", ()), *SECURITY_HEADERS])
            await send(message)

        await self.app(scope, receive, send_with_headers)

    # ---------------------------------------------------------------- checks
    @staticmethod
    def _cross_site(h: dict[bytes, bytes], host: str) -> str | None:
        site = h.get(b"sec-fetch-site")
        if site is not None and site.lower() not in (b"same-origin", b"none"):
            return f"Sec-Fetch-Site is {site.decode('latin-1')!r}"
        origin = h.get(b"origin")
        if origin is not None:
            text = origin.decode("latin-1").strip()
            if text == "null":
                return "Origin is 'null'"
            netloc = urlsplit(text).netloc.lower()
            if netloc != host.strip().lower():
                return f"Origin {text!r} is not this server"
        return None

    def _token(self, scope, h, token: str):
        given = None
        auth = h.get(b"authorization", b"").decode("latin-1")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if given is None and b"cookie" in h:
            morsel = SimpleCookie(h[b"cookie"].decode("latin-1")).get(TOKEN_COOKIE)
            given = morsel.value if morsel else None
        if given is not None and csrf_ok(token, given):
            return True
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        from_query = [v for k, v in query if k == "token"]
        if from_query and csrf_ok(token, from_query[-1]) and scope["method"] == "GET":
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = scope["path"] + (f"?{rest}" if rest else "")
            cookie = f"{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"

            async def redirect(send):
                await _plain(
                    send,
                    303,
                    "signed in",
                    [(b"location", location.encode()), (b"set-cookie", cookie.encode())],
                )

            return redirect

        async def refuse(send):
            await _plain(
                send,
                401,
                "this server needs its token: open it once with ?token=… or send 'Authorization: Bearer …'",
            )

        return refuse

    async def _read_body(self, scope, h, receive, send):
        """Read the whole body, at most ``limit`` bytes, and hand back a ``receive`` that
        replays it; None when a response (413/408/400) was already sent."""
        declared = h.get(b"content-length")
        if declared is not None:
            try:
                n = int(declared)
            except ValueError:
                await _plain(send, 400, "bad Content-Length header")
                return None
            if n > self.limit:
                await _plain(send, 413, f"request body over {self.limit // 1024} KB", CLOSE)
                return None
        chunks, size, more = [], 0, True
        while more:
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout)
            except TimeoutError:
                await _plain(
                    send, 408, f"the request body did not arrive within {self.body_timeout:g} s", CLOSE
                )
                return None
            if message["type"] != "http.request":  # the client went away
                return None
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:  # stop reading: the connection closes after this answer
                await _plain(send, 413, f"request body over {self.limit // 1024} KB", CLOSE)
                return None
            chunks.append(body)
            more = message.get("more_body", False)
        whole = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        return replay

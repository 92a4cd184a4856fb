"""The HTTP layer the live providers share: one response type, a rate limit, retries.

A provider asks a :class:`Transport` for a URL. The live transports wrap the session of
the library the extra installs (yfinance's, for Yahoo); a test hands over a transport
that replays recorded responses. Either way the provider sees the same
:class:`Response`, so the code that reads a response is the same live and in replay.

Retry rule
----------
A request is tried at most ``1 + retries`` times. It is tried again after an answer of
429 (too many requests) or 5xx, or after a failed connection; the ``k``-th retry waits
``backoff × 2**(k-1)`` seconds (1, 2, 4 s by default). Any other status is final. When
every try failed to connect, the host is taken as unreachable: :class:`OfflineError`.

Rate limit
----------
:class:`RateLimiter` keeps at least ``min_interval`` seconds between the starts of two
requests to the same host (1 s by default: Yahoo answers bursts with 429).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlencode, urlsplit

from ...errors import EvlensError
from . import OfflineError

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def now_utc() -> datetime:
    """The time of a retrieval: UTC, without tzinfo (as the store keeps timestamps)."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Response:
    """One HTTP answer: the URL asked (with its query), the status, the body as text and
    when it was received."""

    url: str
    status: int
    text: str
    retrieved_at: datetime


class TransportError(Exception):
    """A request that got no answer at all (DNS failure, refused or dropped connection).
    ``unresolved``: the host name could not be resolved, so trying again is pointless."""

    def __init__(self, message: str, *, unresolved: bool | None = None) -> None:
        super().__init__(message)
        self.unresolved = _UNRESOLVED.search(message) is not None if unresolved is None else unresolved


_UNRESOLVED = re.compile(
    r"resolve host|NameResolution|getaddrinfo|Name or service not known|"
    r"name resolution|nodename nor servname|DNSError",
    re.I,
)


class Transport(Protocol):
    def get(self, url: str, params: Mapping[str, object] | None = None) -> Response: ...


def full_url(url: str, params: Mapping[str, object] | None) -> str:
    """``url`` with ``params`` as its query string, in the order given."""
    if not params:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode([(k, str(v)) for k, v in params.items()])}"


def host_of(url: str) -> str:
    return urlsplit(url).hostname or url


@dataclass
class RateLimiter:
    """At least ``min_interval`` seconds between the starts of two requests to one host."""

    min_interval: float = 1.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            gap = self.min_interval - (self.clock() - last)
            if gap > 0:
                self.sleep(gap)
        self._last[host] = self.clock()


def fetch(
    transport: Transport,
    url: str,
    params: Mapping[str, object] | None = None,
    *,
    limiter: RateLimiter | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """One GET through ``transport`` with the module's rate limit and retry rule."""
    host = host_of(url)
    last_error: str | None = None
    answered = False
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        if limiter is not None:
            limiter.wait(host)
        try:
            resp = transport.get(url, params)
        except TransportError as exc:
            last_error = _reason(str(exc)) or type(exc).__name__
            if exc.unresolved:
                raise OfflineError(host, "its name does not resolve") from None
            continue
        answered = True
        if resp.status in RETRY_STATUS:
            last_error = f"HTTP {resp.status}"
            continue
        if resp.status >= 400:
            raise EvlensError(f"{full_url(url, params)}: HTTP {resp.status}: {_one_line(resp.text)[:160]}")
        return resp
    if not answered:
        raise OfflineError(host, last_error or "no answer")
    raise EvlensError(f"{host} answered {last_error} {retries + 1} times; try again later")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _reason(text: str) -> str:
    """The first sentence of an error message, at most 100 characters."""
    line = _one_line(text).split(". ")[0]
    return line if len(line) <= 100 else line[:97] + "..."


def unresolved(text: str) -> bool:
    """Whether an error message says a host name could not be resolved."""
    return _UNRESOLVED.search(text) is not None

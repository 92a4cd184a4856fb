"""Replay of recorded responses, with the network blocked.

``no_network`` (used by every test here) makes any real connection fail loudly, so a
test that would reach out to Yahoo or the CPCA fails instead of passing on live data.
:class:`ReplayTransport` answers the providers' requests from the recorded responses in
``cassettes/`` (see its README for where each body comes from)."""

from __future__ import annotations

import json
import socket
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from evlens.sources.live.http import Response, TransportError, full_url

CASSETTES = Path(__file__).parent / "cassettes"
RETRIEVED = datetime(2026, 8, 8, 1, 2, 3)  # the replay's retrieval time, stamped on every response


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every socket connection and name lookup fails within the test."""
    def refuse(*args, **kwargs):
        raise NetworkBlocked(f"a test tried to use the network: {args[:2]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


class ReplayTransport:
    """Answers GET requests from a cassette, matched by host and path; keeps the requests."""

    def __init__(self, name: str = "yahoo_chart.json") -> None:
        data = json.loads((CASSETTES / name).read_text(encoding="utf-8"))
        self.interactions = {(i["request"]["host"], i["request"]["path"]): i["response"] for i in data["interactions"]}
        self.requests: list[tuple[str, dict]] = []

    def get(self, url, params=None):
        parts = urlsplit(url)
        self.requests.append((url, dict(params or {})))
        answer = self.interactions.get((parts.hostname, parts.path))
        if answer is None:
            raise AssertionError(f"no recorded response for {url}")
        return Response(url=full_url(url, params), status=answer["status"], text=answer["body"],
                        retrieved_at=RETRIEVED)


class DeadTransport:
    """A machine without network: the host name does not resolve."""

    def __init__(self, *args, **kwargs) -> None:
        self.requests = 0

    def get(self, url, params=None):
        self.requests += 1
        raise TransportError(f"curl: (6) Could not resolve host: {urlsplit(url).hostname}")


@pytest.fixture()
def replay() -> ReplayTransport:
    return ReplayTransport()


@pytest.fixture()
def cassette_body():
    def body(path: str) -> str:
        data = json.loads((CASSETTES / "yahoo_chart.json").read_text(encoding="utf-8"))
        return next(i["response"]["body"] for i in data["interactions"] if i["request"]["path"] == path)

    return body


@pytest.fixture(scope="session")
def _empty_db(tmp_path_factory) -> Path:
    """An empty database (schema and gazetteer written), made once for the session."""
    import evlens

    path = tmp_path_factory.mktemp("live") / "empty.duckdb"
    with evlens.open(path) as s:
        s.checkpoint()
    return path


@pytest.fixture()
def store(_empty_db, tmp_path):
    """An empty database of the test's own, copied from the session's empty one."""
    import shutil

    import evlens

    path = tmp_path / "test.duckdb"
    shutil.copy(_empty_db, path)
    s = evlens.open(path)
    yield s
    s.close()

"""Fixtures of the live-provider tests: the network blocked, recorded responses, a store.

``no_network`` (used by every test here) makes any real connection fail loudly, so a
test that would reach out to Yahoo or the CPCA fails instead of passing on live data."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from live_replay import CASSETTES, ReplayTransport


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

"""Replay of recorded responses for the tests of the live providers.

:class:`ReplayTransport` answers the providers' requests from the recorded responses in
``cassettes/`` (see its README for where each body comes from); :class:`DeadTransport`
stands for a machine without network."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from evlens.facts import Document
from evlens.sources.live import cpca
from evlens.sources.live.http import Response, TransportError, full_url

CASSETTES = Path(__file__).parent / "cassettes"
RETRIEVED = datetime(2026, 8, 8, 1, 2, 3)  # the replay's retrieval time, stamped on every response
CPCA_TABLE = (CASSETTES / "cpca_man_rank_2024-02.csv").read_text(encoding="utf-8")


class ReplayTransport:
    """Answers GET requests from a cassette, matched by host and path; keeps the requests."""

    def __init__(self, name: str = "yahoo_chart.json") -> None:
        data = json.loads((CASSETTES / name).read_text(encoding="utf-8"))
        self.interactions = {
            (i["request"]["host"], i["request"]["path"]): i["response"] for i in data["interactions"]
        }
        self.requests: list[tuple[str, dict]] = []

    def get(self, url, params=None):
        parts = urlsplit(url)
        self.requests.append((url, dict(params or {})))
        answer = self.interactions.get((parts.hostname, parts.path))
        if answer is None:
            raise AssertionError(f"no recorded response for {url}")
        return Response(
            url=full_url(url, params), status=answer["status"], text=answer["body"], retrieved_at=RETRIEVED
        )


class DeadTransport:
    """A machine without network: the host name does not resolve."""

    def __init__(self, *args, **kwargs) -> None:
        self.requests = 0

    def get(self, url, params=None):
        self.requests += 1
        raise TransportError(f"curl: (6) Could not resolve host: {urlsplit(url).hostname}")


def recorded_ranking(indicator="批发", after=None, find_entity=None):
    """The recorded CPCA table read as the provider reads AKShare's answer."""
    doc = Document.from_text(
        CPCA_TABLE,
        kind="response",
        url=cpca.API_URL[indicator],
        publisher=cpca.PUBLISHER,
        retrieved_at=RETRIEVED,
    )
    return cpca.parse_ranking_table(
        cpca.read_table_text(CPCA_TABLE),
        indicator=indicator,
        document=doc,
        find_entity=find_entity,
        after=after,
    )


def ranking_fetcher(calls):
    """A ranking fetcher for ``update`` that replays the recorded table and notes each call."""

    def fetcher(indicator, find_entity, after):
        calls.append((indicator, after))
        return recorded_ranking(indicator, after, find_entity)

    return fetcher

"""China's monthly passenger-car maker ranking of the CPCA (乘联会), through AKShare.

Source
------
AKShare's ``car_market_man_rank_cpca(symbol="狭义乘用车-单月", indicator=...)`` reads
``http://data.cpcadata.com/api/chartlist?charttype=2`` (wholesale, 批发) or
``.../api/chartlist_2?charttype=2`` (retail, 零售), the data behind the ranking page
http://data.cpcadata.com/ManRank, and returns one row per maker: ``厂商`` and one column per
month shown, named ``{year}年{month}月`` (the same month of the year before, then the
latest), in units of 10,000 vehicles (万辆) with four decimals, i.e. exact to the vehicle.

Conventions
-----------
* ``value = round(万辆 × 10,000)`` vehicles; metric ``wholesale`` for 批发, ``retail_sales``
  for 零售; period ``YYYY-MM``; scope ``CPCA narrow passenger cars`` (狭义乘用车: cars,
  SUVs and MPVs, no minibuses); Tesla China's figure is Tesla's China wholesale, shown as
  wholesale, never as deliveries.
* A maker is matched to an evlens entity by its name or alias, then by the name without
  a trailing 汽车/中国/集团, then by :data:`MAKER_ALIASES`; makers that match nothing are
  listed in :attr:`RankingFetch.unmatched` and stored nowhere.
* The document is the HTTP response AKShare received (its URL, retrieval time and body),
  kept as it came; each fact points at it.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from ...errors import EvlensError, InputError
from ...facts import Document, Fact
from . import OfflineError
from .http import RateLimiter, Response, host_of, now_utc, unresolved

PAGE_URL = "http://data.cpcadata.com/ManRank"
API_URL = {
    "批发": "http://data.cpcadata.com/api/chartlist",
    "零售": "http://data.cpcadata.com/api/chartlist_2",
}
METRIC = {"批发": "wholesale", "零售": "retail_sales"}
SCOPE = "CPCA narrow passenger cars"
METHOD = "cpca-ranking"
PUBLISHER = "CPCA (乘联会)"
SYMBOL = "狭义乘用车-单月"

#: CPCA maker names that are no alias of the entity they stand for.
MAKER_ALIASES = {
    "特斯拉中国": "tesla",
    "比亚迪汽车": "byd",
    "吉利汽车": "geely",
    "理想汽车": "li-auto",
    "蔚来汽车": "nio",
    "小鹏汽车": "xpeng",
    "零跑汽车": "leapmotor",
    "小米汽车": "xiaomi",
    "赛力斯汽车": "seres",
}

_MONTH = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*$")
_SUFFIX = re.compile(r"(汽车|中国|集团)+$")


@dataclass(frozen=True)
class RankingFetch:
    """The facts read from one ranking, the response they come from, and the makers left out."""

    indicator: str
    metric: str
    periods: tuple[str, ...]
    facts: tuple[Fact, ...]
    document: Document
    unmatched: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "source": "cpca",
            "indicator": self.indicator,
            "metric": self.metric,
            "periods": list(self.periods),
            "facts": len(self.facts),
            "url": self.document.url,
            "retrieved_at": self.document.retrieved_at,
            "document": self.document.id,
            "unmatched": list(self.unmatched),
        }


def parse_ranking_table(
    table: pd.DataFrame,
    *,
    indicator: str,
    document: Document,
    find_entity: Callable[[str], str | None],
    after: str | None = None,
) -> RankingFetch:
    """Facts from AKShare's ranking table; with ``after`` (``YYYY-MM``), only months after it.
    Errors name the document's URL, the table row (1-based, header excluded) and the column."""
    where = document.url or PAGE_URL
    if indicator not in METRIC:
        raise EvlensError(f"unknown CPCA indicator {indicator!r}; use 批发 or 零售")
    cols = [str(c).strip() for c in table.columns]
    months = _ranking_months(cols, where)
    wanted = {c: p for c, p in months.items() if after is None or p > after}
    facts: list[Fact] = []
    unmatched: list[str] = []
    for i, row in enumerate(table.itertuples(index=False), start=1):
        values = dict(zip(cols, row))
        name = str(values["厂商"]).strip()
        slug = _match(name, find_entity)
        if slug is None:
            unmatched.append(name)
            continue
        for col, period in wanted.items():
            fact = _ranking_fact(values[col], col, period, slug, name, indicator, document, where, i)
            if fact is not None:
                facts.append(fact)
    return RankingFetch(
        indicator,
        METRIC[indicator],
        tuple(sorted(set(wanted.values()))),
        tuple(facts),
        document,
        tuple(unmatched),
    )


def _ranking_months(cols: list[str], where: str) -> dict[str, str]:
    """The month (``YYYY-MM``) of each column of a ranking table after the first, 厂商;
    an error for another first column or a column that is no month."""
    if not cols or cols[0] != "厂商":
        raise InputError(
            f"expected the first column 厂商, found {cols[:1]}", path=where, line=1, field="厂商"
        )
    months = {}
    for c in cols[1:]:
        m = _MONTH.match(c)
        if not m:
            raise InputError(f"column {c!r} is no month written YYYY年M月", path=where, line=1, field=c)
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            raise InputError(f"column {c!r} names month {mo}", path=where, line=1, field=c)
        months[c] = f"{y:04d}-{mo:02d}"
    return months


def _ranking_fact(
    raw: object,
    col: str,
    period: str,
    slug: str,
    name: str,
    indicator: str,
    document: Document,
    where: str,
    line: int,
) -> Fact | None:
    """The fact of one cell of a ranking table (10,000 vehicles), None for an empty cell;
    an error for a cell that is no count."""
    if raw is None or (isinstance(raw, float) and pd.isna(raw)) or str(raw).strip() in ("", "-"):
        return None
    try:
        wan = float(str(raw).replace(",", ""))
    except ValueError:
        raise InputError(f"cannot read {raw!r} as a number", path=where, line=line, field=col) from None
    if not wan >= 0 or wan > 1e4:
        raise InputError(f"{raw!r} is no count of 10,000 vehicles", path=where, line=line, field=col)
    return Fact(
        entity=slug,
        metric=METRIC[indicator],
        period=period,
        value=float(round(wan * 10_000)),
        unit="vehicle",
        scope=SCOPE,
        document_id=document.id,
        surface=f"{name} {col} {raw}",
        method=METHOD,
        confidence=1.0,
        source_url=PAGE_URL,
        publisher=PUBLISHER,
        note=f"CPCA {SYMBOL} {indicator} ranking via AKShare car_market_man_rank_cpca; "
        f"{raw} 万辆 = {round(wan * 10_000):,} vehicles; CPCA maker name {name}",
    )


def _match(name: str, find_entity: Callable[[str], str | None]) -> str | None:
    for candidate in (name, _SUFFIX.sub("", name)):
        if candidate and (slug := find_entity(candidate)):
            return slug
    alias = MAKER_ALIASES.get(name)
    return find_entity(alias) if alias else None


def read_table_text(text: str) -> pd.DataFrame:
    """A ranking table kept as CSV text (every cell as text)."""
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


# ------------------------------------------------------------------ fetching
@contextlib.contextmanager
def captured_responses() -> Iterator[list[Response]]:
    """Every response ``requests`` receives within the block, as :class:`Response` (AKShare
    reads CPCA with ``requests``; the body it parsed is what the store keeps)."""
    import requests

    seen: list[Response] = []
    original = requests.Session.send

    def send(self, request, **kw):
        resp = original(self, request, **kw)
        seen.append(
            Response(url=str(resp.url), status=int(resp.status_code), text=resp.text, retrieved_at=now_utc())
        )
        return resp

    # the class's method itself is replaced for the duration: AKShare makes its own sessions
    requests.Session.send = send  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        requests.Session.send = original  # type: ignore[method-assign]


def fetch_maker_ranking(
    indicator: str,
    find_entity: Callable[[str], str | None],
    *,
    after: str | None = None,
    limiter: RateLimiter | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    sleep=None,
) -> RankingFetch:
    """The latest monthly maker ranking (narrow passenger cars) for 批发 or 零售, fetched
    live through AKShare, with the rate limit and retry rule of :mod:`.http`."""
    import time

    import akshare as ak
    import requests

    sleep = sleep or time.sleep
    url = API_URL[indicator]
    last = "no answer"
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        if limiter is not None:
            limiter.wait(host_of(url))
        with captured_responses() as seen:
            try:
                table = ak.car_market_man_rank_cpca(symbol=SYMBOL, indicator=indicator)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if unresolved(str(exc)):
                    raise OfflineError(host_of(url), "its name does not resolve") from None
                last = f"{type(exc).__name__}"
                continue
            except Exception as exc:  # AKShare's own parsing failed: the answer changed shape
                status = seen[-1].status if seen else None
                if status in (429, 500, 502, 503, 504):
                    last = f"HTTP {status}"
                    continue
                raise EvlensError(
                    f"{url}: AKShare could not read the CPCA answer ({type(exc).__name__}: {exc})"
                ) from None
        doc = _ranking_document(table, seen, url, indicator)
        return parse_ranking_table(
            table, indicator=indicator, document=doc, find_entity=find_entity, after=after
        )
    if last.startswith("HTTP"):
        raise EvlensError(f"{host_of(url)} answered {last} {retries + 1} times; try again later")
    raise OfflineError(host_of(url), last)


def _ranking_document(table: pd.DataFrame, seen: list[Response], url: str, indicator: str) -> Document:
    """The document of a fetched ranking: the CPCA answer AKShare read, else (none
    captured) the table it made, as CSV."""
    body = next((r for r in reversed(seen) if "cpcadata" in r.url), None)
    if body is None:
        return Document.from_text(
            table.to_csv(index=False),
            kind="response",
            url=url,
            title=f"CPCA maker ranking {SYMBOL} {indicator}",
            publisher=PUBLISHER,
            retrieved_at=now_utc(),
        )
    return Document.from_text(
        body.text,
        kind="response",
        url=body.url,
        title=f"CPCA maker ranking {SYMBOL} {indicator}",
        publisher=PUBLISHER,
        retrieved_at=body.retrieved_at,
    )

"""The gazetteer bundled with evlens: known entities and their listed securities, and the
universe of makers evlens reports on.

Read from ``data/entities.toml``; the store copies the entities into its ``entities`` and
``securities`` tables, and the extractor matches article text against their names. The
``[[maker]]`` tables of the same file are the universe: each maker's group, brands, listed
lines with their currency and benchmarks, the metric it reports with its harmonisation
rule, and its peers (:func:`load_universe`, :func:`maker`, :func:`reported_metric`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .errors import InputError, NotFoundError
from .results import Result


@dataclass(frozen=True)
class Security:
    ticker: str
    entity: str
    exchange: str
    currency: str
    calendar: str
    pays_dividends: bool
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name_en: str | None = None
    name_zh: str | None = None
    parent: str | None = None
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    first_delivery: str | None = None
    variant_of: str | None = None  # a trim of another model, counted with it
    listings: tuple[str, ...] = ()  # other listed lines as EXCHANGE:CODE (``SZSE:002594``)
    securities: tuple[Security, ...] = field(default=())
    # a brand that publishes results of its own, though not listed under its name (Zeekr's
    # through Zeekr Group, Avatr's in its prospectus): its revenue and profit are its own
    reports_results: bool = False


def gazetteer_text() -> str:
    return resources.files("evlens.data").joinpath("entities.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[Entity, ...]:
    data = tomllib.loads(gazetteer_text())
    out = []
    for raw in data["entity"]:
        secs = tuple(
            Security(
                ticker=s["ticker"],
                entity=raw["id"],
                exchange=s["exchange"],
                currency=s["currency"],
                calendar=s.get("calendar", s["exchange"]),
                pays_dividends=bool(s.get("pays_dividends", False)),
                name=raw.get("name_en", raw["id"]),
                aliases=tuple(s.get("aliases", ())),
            )
            for s in raw.get("securities", ())
        )
        out.append(
            Entity(
                id=raw["id"],
                kind=raw["kind"],
                name_en=raw.get("name_en"),
                name_zh=raw.get("name_zh"),
                parent=raw.get("parent"),
                members=tuple(raw.get("members", ())),
                aliases=tuple(raw.get("aliases", ())),
                first_delivery=raw.get("first_delivery"),
                variant_of=raw.get("variant_of"),
                listings=tuple(raw.get("listings", ())),
                securities=secs,
                reports_results=bool(raw.get("reports_results", False)),
            )
        )
    return tuple(out)


# ------------------------------------------------------------------------- the universe
@dataclass(frozen=True)
class Listing:
    """One listed line of a maker: a traded ticker (``1211.HK``) or a mainland line kept
    as data (``SZSE:002594``), with its currency and benchmark indexes (entity slugs; the
    first for the period return and the peer table, the last for the price chart and the
    event study)."""

    line: str
    exchange: str
    currency: str
    benchmarks: tuple[str, ...]

    @property
    def return_benchmark(self) -> str:
        return self.benchmarks[0]

    @property
    def market_benchmark(self) -> str:
        return self.benchmarks[-1]


@dataclass(frozen=True)
class ReportedMetric(Result):
    """What a maker publishes each month and how evlens shows it.

    ``metric`` is the fact metric of the maker's own release (``deliveries``, ``sales``,
    ``wholesale``, ``retail_sales``); ``shown_as`` the metric it stands for once
    harmonised (BYD's NEV ``sales`` are shown as ``deliveries``; Tesla China's CPCA
    ``wholesale`` stays ``wholesale``); ``label_en``/``label_zh`` name it wherever it is
    shown; ``rule`` states the harmonisation in words."""

    maker: str
    metric: str
    shown_as: str
    label_en: str
    label_zh: str
    rule: str

    @property
    def harmonised(self) -> bool:
        """Whether the figure is shown as another metric than the one published."""
        return self.metric != self.shown_as

    def label(self, lang: str = "en") -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def to_dict(self) -> dict:
        return {**self.__dict__, "harmonised": self.harmonised}

    def summary(self) -> str:
        return f"{self.maker}: publishes {self.metric}, shown as {self.label_en} ({self.rule})"


@dataclass(frozen=True)
class Proxy(Result):
    """Another published measure that bounds a maker's deliveries month by month.

    Each ``metric`` figure ``v`` of a month bounds that month's deliveries to
    ``[v * (1 - tolerance), v * (1 + tolerance)]`` (a figure on part of the maker, such as
    one model, gives the lower end only). ``rule`` states why the measure may stand in
    for deliveries, with the check that supports the tolerance."""

    maker: str
    metric: str
    tolerance: float
    rule: str

    def summary(self) -> str:
        return f"{self.maker}: {self.metric} bounds deliveries within ±{self.tolerance:.0%} ({self.rule})"


@dataclass(frozen=True)
class Maker:
    id: str
    group: str
    brands: tuple[str, ...]
    peers: tuple[str, ...]
    listings: tuple[Listing, ...]
    reports: ReportedMetric
    listed_through: str | None = None
    proxy: Proxy | None = None

    @property
    def traded_lines(self) -> tuple[Listing, ...]:
        """The listings the market importers trade (a gazetteer security each)."""
        return tuple(x for x in self.listings if ":" not in x.line)


def _universe_error(i: int, field: str, why: str) -> InputError:
    return InputError(f"entities.toml, maker {i + 1}, field {field!r}: {why}", field=field)


@lru_cache(maxsize=1)
def entities_by_id() -> dict[str, Entity]:
    """The gazetteer's entities by slug (built once; callers must not change it)."""
    return {e.id: e for e in load_gazetteer()}


@lru_cache(maxsize=1)
def load_universe() -> tuple[Maker, ...]:
    """The ``[[maker]]`` tables of ``entities.toml``, checked against the entities."""
    data = tomllib.loads(gazetteer_text())
    known = entities_by_id()
    out = []
    for i, raw in enumerate(data.get("maker", ())):
        mid = raw.get("id")
        if mid not in known:
            raise _universe_error(i, "id", f"{mid!r} is no entity of the gazetteer")
        rep = raw.get("reports") or {}
        missing = [k for k in ("metric", "shown_as", "label_en", "label_zh", "rule") if not rep.get(k)]
        if missing:
            raise _universe_error(i, "reports", f"{mid}: missing {', '.join(missing)}")
        listings = []
        for x in raw.get("listing", ()):
            for k in ("line", "exchange", "currency", "benchmarks"):
                if not x.get(k):
                    raise _universe_error(i, f"listing.{k}", f"{mid}: a listing has no {k}")
            listings.append(Listing(x["line"], x["exchange"], x["currency"], tuple(x["benchmarks"])))
        proxy = None
        if "proxy" in raw:
            px = raw["proxy"]
            tol = px.get("tolerance")
            if not px.get("metric") or not px.get("rule"):
                raise _universe_error(i, "proxy", f"{mid}: a proxy needs a metric and a rule")
            if not isinstance(tol, float) or not 0 < tol < 0.5:
                raise _universe_error(i, "proxy.tolerance", f"{mid}: {tol!r} is not a fraction in (0, 0.5)")
            proxy = Proxy(mid, px["metric"], tol, px["rule"])
        out.append(
            Maker(
                id=mid,
                group=raw.get("group", mid),
                brands=tuple(raw.get("brands", ())),
                peers=tuple(raw.get("peers", ())),
                listings=tuple(listings),
                listed_through=raw.get("listed_through"),
                reports=ReportedMetric(
                    mid, rep["metric"], rep["shown_as"], rep["label_en"], rep["label_zh"], rep["rule"]
                ),
                proxy=proxy,
            )
        )
    return tuple(out)


def maker(entity: str) -> Maker | None:
    """The universe entry of ``entity`` (a slug), or None when it is not a maker."""
    return next((m for m in load_universe() if m.id == entity), None)


def maker_of(entity: str) -> Maker | None:
    """The maker ``entity`` belongs to: itself, or the nearest maker among its parents
    (a brand or a model rolls up into its maker)."""
    by_id = entities_by_id()
    seen: set[str] = set()
    slug: str | None = entity
    while slug and slug not in seen:
        seen.add(slug)
        m = maker(slug)
        if m is not None:
            return m
        slug = by_id[slug].parent if slug in by_id else None
    return None


def reported_metric(entity: str) -> ReportedMetric:
    """The metric ``entity`` (a maker, or a brand or model of one) reports, with its
    harmonisation: e.g. ``reported_metric("byd")`` is NEV ``sales`` shown as
    ``deliveries``, labelled "NEV sales, shown as deliveries"; ``reported_metric("tesla")``
    is CPCA ``wholesale`` shown as ``wholesale``. Raises NotFoundError for an entity
    outside the universe."""
    m = maker_of(entity)
    if m is None:
        raise NotFoundError(f"{entity!r} is not a maker of the universe (entities.toml, [[maker]])")
    return m.reports


def models_of(maker_id: str) -> tuple[str, ...]:
    """The gazetteer's models (and model groups) of a maker: those whose parent is the
    maker or one of its brands."""
    m = maker(maker_id)
    owners = {maker_id, *(m.brands if m else ())}
    return tuple(e.id for e in load_gazetteer() if e.kind in ("model", "model_group") and e.parent in owners)


def index_ticker(slug: str) -> str:
    """The ticker of an index entity (``hstech`` is ``HSTECH``, ``sp500`` is ``GSPC``)."""
    e = next((x for x in load_gazetteer() if x.id == slug), None)
    if e is None or e.kind != "index" or not e.securities:
        raise NotFoundError(f"{slug!r} is no index of the gazetteer")
    return e.securities[0].ticker

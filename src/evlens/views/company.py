"""Gather a company's report from the library: market, events, operations, forecast and
the facts behind every figure. No figure is computed here; each comes from
:mod:`evlens.market`, :mod:`evlens.events` or :mod:`evlens.ops`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from .. import market, ops
from ..defaults import DEFAULT_MILESTONE, DEFAULT_PATHS, DEFAULT_SEED
from ..errors import EvlensError, InputError, NotFoundError
from ..events import study
from ..gazetteer import Listing, index_ticker, load_gazetteer, load_universe, maker, maker_of, reported_metric
from ..market.metrics import rebased
from ..periods import DAYS_PER_MONTH
from ..values import jsonable
from . import format as fmt
from .context import add_event_context
from .names import display_name
from .sources import fact_sources

EVENT_METRICS = ("deliveries", "delivery_target")
#: The event study's window in sessions around day 0.
EVENT_WINDOW = (-1, 1)


@dataclass(frozen=True)
class ReportOptions:
    """What the report covers; every field has a default that suits the demo database."""

    year: int | None = None  # return year (default: the year before the forecast year)
    forecast_year: int | None = None  # default: the latest year with delivery facts
    benchmark: str | None = None  # index for the period return and peer table (default: the listing's first)
    event_benchmark: str | None = (
        None  # index for the price chart and the event study (default: the listing's last)
    )
    peers: tuple[str, ...] | None = None  # default: the maker's peers in the universe
    milestone: float = DEFAULT_MILESTONE
    scenario: str | None = None  # default: <entity>-<forecast year>
    paths: int = DEFAULT_PATHS
    seed: int = DEFAULT_SEED
    as_of: date | None = None  # the calibrated forecast uses what was public then (default: today)
    calibration: bool = True  # show the back-test's calibration (runs it once per set of facts)
    second_phase_start: date | None = None
    ramp_months: float | None = None
    demand_growth: float | None = None


@dataclass(frozen=True)
class ReportData:
    entity: str
    name_en: str
    name_zh: str
    ticker: str | None  # None for a maker with no listed security
    currency: str
    options: dict
    headline: dict
    peers: dict | None
    prices: dict | None
    events: dict | None
    deliveries: dict | None
    backlog: dict | None
    forecast: dict | None
    figure_facts: dict
    sources: list
    notes: list = field(default_factory=list)
    notes_zh: list = field(default_factory=list)  # the same notes in Chinese (text, and the English detail)
    listing: dict | None = None  # the listed line shown, with its currency and benchmarks
    reported_metric: dict | None = None  # what the maker publishes and how it is shown
    reasons: dict = field(default_factory=dict)  # part -> {"en": ..., "zh": ...}: why it is not shown
    outlook: dict | None = None  # the calibrated forecast of the year and the forecasts made during it
    calibration: dict | None = None  # the back-test's stated against observed coverage
    head_to_head: dict | None = None  # the maker's best-selling model against its rival, month by month
    market_value: dict | None = None  # the daily market value series with its share-count changes

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _stored_range(store, ticker: str) -> tuple[date, date] | None:
    """First and last stored close of ``ticker``, or None when none is stored."""
    try:
        p = store.prices(ticker)
    except EvlensError:
        return None
    if p is None or len(p) == 0:
        return None
    return p.index.min().date(), p.index.max().date()


def exchange_benchmarks(exchange: str) -> tuple[str, ...]:
    """The benchmarks the universe gives listings on ``exchange`` (index slugs), for a
    company outside the universe; empty when no maker lists there."""
    for m in load_universe():
        for x in m.listings:
            if x.exchange == exchange:
                return x.benchmarks
    return ()


def subject_listing(store, entity: str) -> Listing | None:
    """The listed line a report shows for ``entity``: the maker's listings in the
    universe's order of preference, the first whose closes are stored (else the first
    traded one); for a company outside the universe, its stored securities. None when
    the entity trades nowhere (a private company)."""
    m = maker(entity)
    if m is not None:
        lines = list(m.traded_lines)
        if not lines and m.listed_through:
            lines = [
                Listing(
                    t,
                    store.security(t)["exchange"],
                    store.security(t)["currency"],
                    exchange_benchmarks(store.security(t)["exchange"]),
                )
                for t in store.tickers_of(m.listed_through)
            ]
    else:
        lines = []
        for t in store.tickers_of(entity):
            sec = store.security(t)
            lines.append(
                Listing(t, sec["exchange"], sec.get("currency") or "", exchange_benchmarks(sec["exchange"]))
            )
    if not lines:
        owner = maker_of(entity)  # a brand or model trades through its maker
        return subject_listing(store, owner.id) if owner is not None and owner.id != entity else None
    return next((x for x in lines if _stored_range(store, x.line) is not None), lines[0])


def subject_ticker(store, entity: str) -> str:
    """The ticker of the line a report shows for ``entity`` (see :func:`subject_listing`)."""
    x = subject_listing(store, store.resolve_entity(entity))
    if x is None:
        raise NotFoundError(f"no security trades {entity!r}: the report needs a listed company")
    return x.line


def universe_peers(store, entity: str, listing: Listing | None) -> tuple[list[str], list[str]]:
    """The peers' tickers for the peer table, and a note for each peer left out.

    Each peer of the maker (``peers`` in the universe) is shown by one line: the one on
    the subject's exchange when its closes are stored, else any of its lines with stored
    closes, else its first traded line (the table then says it has no closes)."""
    m = maker_of(entity)
    names = tuple(p for p in m.peers if p != entity) if m is not None else ()
    tickers: list[str] = []
    left_out: list[str] = []
    for p in names:
        pm = maker(p)
        lines = [x.line for x in pm.traded_lines] if pm is not None else []
        lines += [t for t in store.tickers_of(p) if t not in lines]
        if not lines and pm is not None and pm.listed_through:
            lines = store.tickers_of(pm.listed_through)
        if not lines:
            left_out.append(f"{p} is not listed")
            continue
        stored = [t for t in lines if _stored_range(store, t) is not None]
        same = [
            t for t in stored if listing is not None and store.security(t)["exchange"] == listing.exchange
        ]
        pick = (same or stored or lines)[0]
        if listing is None or pick != listing.line:
            tickers.append(pick)
    return tickers, left_out


def default_peers(store, ticker: str) -> tuple[str, ...]:
    """The peers of the company ``ticker`` belongs to, from the universe."""
    sec = store.security(ticker)
    ent = sec.get("entity")
    listing = Listing(sec["ticker"], sec["exchange"], sec.get("currency") or "", ())
    return tuple(universe_peers(store, ent, listing)[0]) if ent else ()


def peer_coverage_notes(store, tickers, window_start: date, window_end: date) -> dict[str, dict[str, str]]:
    """For each ticker whose stored closes do not reach over the window, one line in each
    language (``{"en": ..., "zh": ...}``) that says how far they go."""
    ws = {lang: fmt.day(window_start.isoformat(), lang) for lang in ("en", "zh")}
    we = {lang: fmt.day(window_end.isoformat(), lang) for lang in ("en", "zh")}
    out = {}
    for t in tickers:
        rng = _stored_range(store, t)
        if rng is None:
            out[t] = {"en": f"no closes of {t} are stored", "zh": f"数据库中没有 {t} 的收盘价"}
            continue
        first = {lang: fmt.day(rng[0].isoformat(), lang) for lang in ("en", "zh")}
        last = {lang: fmt.day(rng[1].isoformat(), lang) for lang in ("en", "zh")}
        if rng[1] < window_end:
            out[t] = {
                "en": f"closes of {t} stop on {last['en']}, before the window ends on {we['en']}",
                "zh": f"{t} 的收盘价止于 {last['zh']}，早于区间结束日 {we['zh']}",
            }
        elif rng[0] >= window_start:
            out[t] = {
                "en": f"closes of {t} start on {first['en']}, after the window opens on {ws['en']}",
                "zh": f"{t} 的收盘价始于 {first['zh']}，晚于区间开始日 {ws['zh']}",
            }
    return out


def _latest_delivery_year(facts: pd.DataFrame) -> int:
    d = facts[facts.metric == "deliveries"]
    if d.empty:
        raise NotFoundError("no deliveries facts in the database")
    return int(pd.to_datetime(d.period_end).max().year)


def rebased_closes(store, ticker: str, start: date | None = None, end: date | None = None) -> dict:
    """The chart series of :func:`evlens.market.metrics.rebased` over the stored closes
    (adjusted where given; suspect rows left out)."""
    p = store.prices(ticker, start=start, end=end)
    p = p[~p["suspect"].astype(bool)]
    close = p["adj_close"].fillna(p["close"]) if "adj_close" in p else p["close"]
    level = rebased(close)
    return {
        "dates": [d.strftime("%Y-%m-%d") for d in level.index],
        "values": [round(float(v), 3) for v in level],
    }


def run_forecast(store, entity: str, year: int, opts: ReportOptions, facts=None, ents=None) -> dict:
    """The capacity scenario's forecast of the year, as ``evlens forecast --scenario`` makes
    it with the same options: what was public on ``opts.as_of``, the target chosen as of
    then (:func:`evlens.ops.forecast.forecast_deliveries`), the shared paths and seed."""
    facts = store.facts() if facts is None else facts
    ents = store.entities() if ents is None else ents
    scen = ops.scenario.with_assumptions(
        ops.load_scenario(opts.scenario or f"{entity}-{year}"),
        second_phase_start=opts.second_phase_start,
        ramp_months=opts.ramp_months,
        demand_growth=opts.demand_growth,
    )
    f = ops.forecast_deliveries(
        scen,
        year,
        facts=facts,
        entity=entity,
        entities=ents,
        paths=opts.paths,
        seed=opts.seed,
        as_of=opts.as_of,
        on_conflict="prefer-official",
    )
    d = f.to_dict()
    if str(d.get("target_source") or "").startswith("fact "):
        d["target_fact"] = d["target_source"].removeprefix("fact ")
    phase2 = [ph for p in scen.plants for ph in p.phases[1:2]]
    d["assumptions"] = {
        "second_phase_start": phase2[0].start.isoformat() if phase2 else None,
        "ramp_months": round(phase2[0].ramp_days / DAYS_PER_MONTH, 2) if phase2 else None,
        "demand_growth": scen.demand.growth_per_year.to_dict(),
    }
    return jsonable(d)


def run_outlook(store, entity: str, year: int, opts: ReportOptions, facts, ents) -> tuple[dict, dict | None]:
    """The calibrated forecast of ``entity``'s ``year`` from what was public on ``opts.as_of``
    (no scenario needed), the forecasts made at each month end of the year as the back-test
    scored them, and the back-test's calibration (kept beside the database, see
    :func:`evlens.ops.backtest.backtest_cached`)."""
    from ..ops.backtest import backtest_cached
    from ..ops.baseline import forecast_year
    from ..store.cache import cache_beside

    as_of = opts.as_of or date.today()
    cache = cache_beside(getattr(store, "path", None)) if store is not None else None
    f = forecast_year(facts, entity, year, as_of, entities=ents, cache=cache).to_dict()
    q = f["quantiles"]
    out = {
        "year": year,
        "as_of": f["as_of"],
        "p5": q["0.05"],
        "p50": f["p50"],
        "p95": q["0.95"],
        "p_hit": f["p_hit"],
        "target": f["target"],
        "target_source": f["target_source"],
        "target_fact": f["target_fact"],
        "known_total": f["known_total"],
        "months_left": len(f["forecast_months"]),
        "calibration_basis": f["calibration"],
        "history": [],
    }
    cal = None
    if opts.calibration:
        bt = backtest_cached(facts, entities=ents, years=(year - 1, year), cache=cache)
        out["history"] = [
            {k: r[k] for k in ("as_of", "p50", "band90", "outcome", "outcome_bounded")}
            for r in bt["points_detail"]
            if r["entity"] == entity and r["year"] == year
        ]
        cal = {
            "years": bt["years"],
            "points": bt["points"],
            "curve": bt["calibration"],
            "curve_autoets": bt["calibration_autoets"],
            "scores": {k: bt[k] for k in ("coverage_50", "coverage_80", "coverage_90", "crps", "mape_p50")},
            "baselines": [{k: b[k] for k in ("name", "crps", "coverage_90")} for b in bt["baselines"]],
        }
    if cache is not None:
        cache.save()
    return jsonable(out), jsonable(cal) if cal is not None else None


def run_head_to_head(store, entity: str) -> dict | None:
    """The maker's best-selling model (most retail sales over the monthly lists) against
    its rival (:func:`evlens.ops.rankings.rival_of`): each month's value and rank with its
    source, and the months one passed the other. None when no model of the maker is listed."""
    from ..ops import rankings as rk
    from ..store import rankings as store_rankings

    rows = store_rankings.model_figures(store, "retail_sales")
    figs = [rk.Figure(**r) for r in rows]
    known = {e.id for e in load_gazetteer()}
    makers: dict[str, str | None] = {}  # each listed model's maker: the gazetteer's, else its row's brand
    for r in rows:
        e = r["entity"]
        if e not in makers:
            m = maker_of(e) if e in known else None
            makers[e] = m.id if m is not None else None
        if makers[e] is None and r.get("brand"):
            makers[e] = r["brand"]

    totals: dict[str, float] = {}
    for f in figs:
        if makers[f.entity] == entity:
            totals[f.entity] = totals.get(f.entity, 0.0) + f.value
    if not totals:
        return None
    mine = max(sorted(totals), key=lambda e: totals[e])
    seg = rk.load_segments()
    slug_of = store_rankings.resolve_names(store, [m.key for m in seg.models])
    rival = rk.rival_of(figs, mine, makers, seg, slug_of)
    if rival is None:
        return None
    names = {r["entity"]: r["name"] or r["entity"] for r in rows if r["entity"] in (mine, rival)}
    months = sorted({f.month for f in figs if f.entity == mine})
    c = rk.compare_models(
        figs,
        [mine, rival],
        start=months[0],
        end=months[-1],
        names=names,
        launched=store_rankings.first_deliveries(store, [mine, rival]),
    )
    d = jsonable(c.to_dict())
    d["rule"] = (
        "the maker's model with the most retail sales in the monthly lists, against the model of another "
        "maker that sold most over the same months in the narrowest segment holding it"
    )
    return d


def run_market_value(store, ticker: str, start: date) -> dict:
    """The daily market value from ``start`` (close × shares in force, with the filing
    behind each change of the count): :func:`evlens.market.marketcap.marketcap_series`."""
    from ..market.marketcap import marketcap_series

    s = marketcap_series(store, ticker, start=start)
    return jsonable(
        {
            "ticker": ticker,
            "currency": s.currency,
            "formula": s.formula,
            "dates": [d.date.isoformat() for d in s.days],
            "values": [d.market_cap for d in s.days],
            "share_changes": [d.to_dict() for d in s.share_changes],
            "milestones": [m.to_dict() for m in s.milestones],
        }
    )


def _staleness(ticker: str | None, subj_range, dl, today: date | None = None) -> list[tuple[str, str]]:
    """A note (English, Chinese) for each of the subject's series that is stale on ``today``
    (the thresholds of ``evlens summary``: closes more than 7 days old, a monthly figure
    more than 45 days past its month's end)."""
    from ..store.core import STALE_MONTHLY_DAYS, STALE_PRICE_DAYS

    today = today or date.today()
    out = []
    if subj_range is not None and (today - subj_range[1]).days > STALE_PRICE_DAYS:
        end, days = subj_range[1].isoformat(), (today - subj_range[1]).days
        out.append(
            (
                f"stale: the closes of {ticker} end on {end}, {days} days ago; "
                f"`evlens update {ticker}` fetches newer ones",
                f"数据过时：{ticker} 的收盘价止于 {fmt.day(end, 'zh')}（{days} 天前）；"
                f"`evlens update {ticker}` 可获取更新的数据",
            )
        )
    if dl is not None and dl.months:
        month = dl.months[-1].month
        days = (today - pd.Period(month, freq="M").end_time.date()).days
        if days > STALE_MONTHLY_DAYS:
            out.append(
                (
                    f"stale: the latest monthly figure is for {month}, {days} days past its month's end",
                    f"数据过时：最新的月度数据为 {fmt.day(month, 'zh')}，已过月末 {days} 天",
                )
            )
    return out


#: The parts of the page whose figures link to the facts behind them.
FIGURE_PARTS = (
    "market_value",
    "period_return",
    "peers",
    "prices",
    "events",
    "deliveries",
    "backlog",
    "forecast",
    "head_to_head",
)


@dataclass
class _Page:
    """What the parts of one company page share while it is built: the subject, the years,
    the stored facts, and what the parts add (notes, reasons a part is not shown, the facts
    behind each figure)."""

    store: Any
    opts: ReportOptions
    slug: str
    name_en: str
    name_zh: str
    listing: Listing | None
    ticker: str | None
    bench: str | None
    event_bench: str | None
    subj_range: tuple[date, date] | None
    facts: pd.DataFrame
    ents: pd.DataFrame
    fyear: int
    ryear: int
    notes: list[str] = field(default_factory=list)
    notes_zh: list[dict[str, str | None]] = field(default_factory=list)
    reasons: dict[str, dict[str, str]] = field(default_factory=dict)
    figs: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in FIGURE_PARTS})

    def attempt(self, what: str, fn):
        """``fn()``, or ``None`` with a note when it raises an evlens error."""
        try:
            return fn()
        except EvlensError as exc:
            self.note(f"{what}: {exc}", f"{PART_ZH.get(what, what)}：无法计算", detail=str(exc))
            return None

    def note(self, en: str, zh: str, detail: str | None = None) -> None:
        """A note in both languages; ``detail`` is the library's own English message, which
        the Chinese page shows beside its note, marked as such."""
        self.notes.append(en)
        self.notes_zh.append({"text": zh, "detail": detail})

    def not_shown(self, part: str, why: dict[str, str]) -> None:
        """A part left out, with its reason in both languages."""
        self.note(f"{part}: {why['en']}", f"{PART_ZH.get(part, part)}：{why['zh']}")
        self.reasons[part] = why


def _page(store, entity: str, opts: ReportOptions) -> tuple[_Page, str | None]:
    """The page's subject (its listed line, benchmarks, stored range, years) and the
    listing's currency."""
    slug = store.resolve_entity(entity)
    ent = store.entity(slug)
    listing = subject_listing(store, slug)
    ticker = listing.line if listing is not None else None
    sec = store.security(ticker) if ticker is not None else {}
    currency = (listing.currency if listing is not None else None) or sec.get("currency") or None
    bench, event_bench = _benchmarks(store, listing, opts)
    facts = store.facts()
    fyear = opts.forecast_year or _latest_delivery_year(facts)
    name_en = ent.get("name_en") or slug
    page = _Page(
        store=store,
        opts=opts,
        slug=slug,
        name_en=name_en,
        name_zh=ent.get("name_zh") or name_en,
        listing=listing,
        ticker=ticker,
        bench=bench,
        event_bench=event_bench,
        subj_range=_stored_range(store, ticker) if ticker is not None else None,
        facts=facts,
        ents=store.entities(),
        fyear=fyear,
        ryear=opts.year or fyear - 1,
    )
    return page, currency


def build_report(store, entity: str, options: ReportOptions | None = None) -> ReportData:
    """Everything the report shows, for ``entity`` (slug, alias, name or ticker): the market
    part, the operations part, the headline drawn from both, the chart series, the notes
    and the sources of every figure."""
    opts = options or ReportOptions()
    page, currency = _page(store, entity, opts)
    slug, ticker, facts = page.slug, page.ticker, page.facts
    try:
        metric = reported_metric(slug).to_dict()
    except NotFoundError:
        metric = None
    now, mile, ret, peer, ev, mv = _market_part(page)
    dl, dl_prev, bl, fc, outlook, calibration = _operations_part(page, metric)
    headline = _headline(page, currency, now, mile, ret, dl, outlook, fc)
    deliveries, backlog, events = _series(page, dl, dl_prev, bl, ev)
    prices = _prices(page)
    peer_d = _peer_table(page, peer)
    for en, zh in _staleness(ticker, page.subj_range, dl):
        page.note(en, zh)
    h2h = page.attempt("head-to-head", lambda: run_head_to_head(store, slug))
    if h2h is not None:
        page.figs["head_to_head"] = {
            st["fact_id"] for m in h2h["months"] for st in m["models"].values() if st.get("fact_id")
        }
    sources = fact_sources(store, facts, set().union(*page.figs.values()))
    for sk in getattr(store, "skipped_facts", ()):
        page.note(
            f"stored fact {sk['id']} ({sk['entity']} {sk['metric']} {sk['period']}) skipped: "
            f"{sk['reason']}; remove it with `evlens forget {sk['id']}`",
            f"已存事实 {sk['id']}（{sk['entity']} {sk['metric']} {sk['period']}）未采用；"
            f"可用 `evlens forget {sk['id']}` 删除",
            detail=sk["reason"],
        )
    used_opts = {**opts.__dict__, "benchmark": page.bench, "event_benchmark": page.event_bench}
    return ReportData(
        entity=slug,
        name_en=page.name_en,
        name_zh=page.name_zh,
        ticker=ticker,
        currency=headline["currency"],
        options=jsonable(used_opts),
        headline=headline,
        peers=peer_d,
        prices=prices,
        events=events,
        deliveries=deliveries,
        backlog=backlog,
        forecast=fc,
        figure_facts={k: sorted(v) for k, v in page.figs.items()},
        sources=sources,
        notes=page.notes,
        notes_zh=page.notes_zh,
        listing=jsonable(dict(page.listing.__dict__)) if page.listing is not None else None,
        reported_metric=metric,
        reasons=page.reasons,
        outlook=outlook,
        calibration=calibration,
        head_to_head=h2h,
        market_value=mv,
    )


def _market_part(page: _Page) -> tuple[Any, Any, Any, Any, Any, Any]:
    """Market value (now and as a series), the milestone, the period return, the peer table
    and the event study; all ``None`` with a reason when the subject has no stored closes."""
    ticker = page.ticker
    if ticker is None:
        page.not_shown(
            "market",
            {
                "en": f"{page.name_en} is not listed: it has no market value, share price, return or peer table",
                "zh": f"{page.name_zh}未上市：没有市值、股价、涨幅或同业对比",
            },
        )
        return None, None, None, None, None, None
    if page.subj_range is None:
        page.not_shown(
            "market",
            {
                "en": f"no closes of {ticker} are stored: no market value, return, peer table or price chart "
                f"(load them with `evlens load prices FILE`)",
                "zh": f"数据库中没有 {ticker} 的收盘价：无法计算市值、涨幅、同业对比和股价图",
            },
        )
        return None, None, None, None, None, None
    store, opts, ryear, bench = page.store, page.opts, page.ryear, page.bench
    mv = None
    now = page.attempt("market value", lambda: market.marketcap(store, ticker))
    if now is not None:
        mv = page.attempt("market value series", lambda: run_market_value(store, ticker, date(ryear, 1, 1)))
    mile = page.attempt("milestone", lambda: market.first_crossing(store, ticker, opts.milestone))
    ret = None
    if bench is None:
        page.note(
            f"period return: no benchmark is given for the listing {ticker}",
            f"区间涨幅：{ticker} 没有指定基准指数",
        )
    else:
        ret = page.attempt(
            "period return", lambda: market.returns(store, [ticker], year=ryear, benchmark=bench)
        )
    return now, mile, ret, _peers(page, ticker), _event_study(page, ticker), mv


def _peers(page: _Page, ticker: str) -> Any:
    """The peer table of the listed subject against its benchmark (the universe's peers by
    default)."""
    if page.opts.peers is not None:
        peers_list, left_out = list(page.opts.peers), list[str]()
    else:
        peers_list, left_out = universe_peers(page.store, page.slug, page.listing)
    for x in left_out:
        page.note(f"peers: {x}", "同业表：有同业未列入", detail=x)
    if peers_list and page.bench is not None:
        bench = page.bench
        return page.attempt(
            "peers",
            lambda: market.peers(
                page.store, ticker, benchmark=bench, peers=",".join(peers_list), year=page.ryear
            ),
        )
    if not peers_list:
        page.note(f"peers: no peers of {page.slug} are listed", f"同业表：{page.name_zh}没有已上市的同业")
    return None


def _event_study(page: _Page, ticker: str) -> Any:
    """The stock's reaction to each stored release of the maker or its models."""
    slug = page.slug
    family = {slug} | (
        {e.id for e in load_gazetteer() if (maker_of(e.id) or e).id == slug}
        if maker(slug) is not None
        else set()
    )
    facts = page.facts
    if not bool((facts["entity"].isin(family) & facts["metric"].isin(EVENT_METRICS)).any()):
        page.note(
            f"event study: no {' or '.join(EVENT_METRICS)} facts of {slug} are stored, so no release "
            f"dates to study",
            f"事件研究：数据库中没有{page.name_zh}的交付量或交付目标，因此没有可研究的发布日",
        )
        return None
    if page.event_bench is None:
        return None
    bench = page.event_bench
    return page.attempt(
        "event study",
        lambda: study.events(
            page.store, [ticker], benchmark=bench, window=EVENT_WINDOW, from_facts=list(EVENT_METRICS)
        ),
    )


def _shows_deliveries(page: _Page, metric: dict | None) -> bool:
    """Whether the maker's measure stands as its deliveries (noting the rule when it is
    harmonised, e.g. BYD's NEV sales); when not, the part is noted as not shown."""
    if metric is not None and metric["shown_as"] != "deliveries":
        page.not_shown(
            "deliveries",
            {
                "en": f"{page.name_en} publishes {metric['label_en']}, not deliveries: no delivery series, "
                f"backlog or forecast ({metric['rule']})",
                "zh": f"{page.name_zh}公布的是{metric['label_zh']}，而非交付量：没有交付序列、订单积压或预测",
            },
        )
        return False
    if metric is not None and metric["harmonised"]:  # ops applies the rule (gazetteer.reported_metric)
        page.note(
            f"deliveries: {metric['label_en']} ({metric['rule']})",
            f"月度交付：{metric['label_zh']}",
            detail=metric["rule"],
        )
    return True


def _operations_part(page: _Page, metric: dict | None) -> tuple[Any, Any, Any, Any, Any, Any]:
    """This year's and last year's deliveries, the order backlog, the capacity scenario's
    forecast and the calibrated outlook with its calibration; none for a maker that
    publishes another measure than deliveries."""
    if not _shows_deliveries(page, metric):
        return None, None, None, None, None, None
    store, opts, slug, fyear, facts, ents = (
        page.store,
        page.opts,
        page.slug,
        page.fyear,
        page.facts,
        page.ents,
    )
    dl = page.attempt(
        "deliveries",
        lambda: ops.monthly_deliveries(facts, slug, fyear, entities=ents, on_conflict="prefer-official"),
    )
    dl_prev = None
    if dl is not None:
        dl_prev = page.attempt(
            "deliveries",
            lambda: ops.monthly_deliveries(
                facts, slug, fyear - 1, entities=ents, on_conflict="prefer-official"
            ),
        )
    bl = page.attempt(
        "backlog", lambda: ops.order_backlog(facts, slug, entities=ents, on_conflict="prefer-official")
    )
    fc = None
    scenario = opts.scenario or f"{slug}-{fyear}"
    if opts.scenario is None and scenario not in ops.scenario.shipped_scenarios():
        page.note(
            f"capacity scenario: none is shipped as {scenario} (the analyst's what-if; the calibrated "
            f"forecast needs none)",
            f"产能情景：没有名为 `{scenario}` 的情景（这是分析师的假设；校准预测不需要情景）",
        )
    else:
        fc = page.attempt("forecast", lambda: run_forecast(store, slug, fyear, opts, facts, ents))
    outlook = calibration = None
    if dl is not None:
        got = page.attempt("forecast", lambda: run_outlook(store, slug, fyear, opts, facts, ents))
        if got is not None:
            outlook, calibration = got
    if outlook is None and dl is not None:
        page.reasons["forecast"] = {
            "en": f"no forecast: fewer than 6 monthly figures of {slug} are known, or none for {fyear}",
            "zh": f"无预测：{page.name_zh}已知的月度数据不足 6 个月，或没有 {fyear} 年的数据",
        }
    return dl, dl_prev, bl, fc, outlook, calibration


#: The Chinese names of the page's parts, for its notes.
PART_ZH = {
    "market": "市场",
    "deliveries": "月度交付",
    "head-to-head": "车型对比",
    "period return": "区间涨幅",
    "peers": "同业表",
    "event study": "事件研究",
    "forecast": "预测",
    "backlog": "订单积压",
    "market value": "市值",
    "market value series": "市值走势",
    "milestone": "里程碑",
}

#: What the headline shows of the calibrated outlook.
HEADLINE_FORECAST = (
    "p_hit",
    "target",
    "target_source",
    "p5",
    "p50",
    "p95",
    "as_of",
    "months_left",
    "known_total",
    "calibration_basis",
)


def _headline(page: _Page, currency, now, mile, ret, dl, outlook, fc) -> dict[str, Any]:
    """The headline's figures, each part's facts noted for its sources."""
    figs = page.figs
    headline: dict[str, Any] = {
        "ticker": page.ticker,
        "currency": currency,
        "return_year": page.ryear,
        "forecast_year": page.fyear,
        "today": (page.opts.as_of or date.today()).isoformat(),
        # a finished year shows its outcome and a back-test; the current one its pace and forecast
        "finished": page.fyear < (page.opts.as_of or date.today()).year,
    }
    if now is not None:
        headline["market_value"] = jsonable(now.to_dict())
    if mile is not None:
        m = jsonable(mile.to_dict())
        headline["milestone"] = m
        if m.get("reported"):
            figs["market_value"].add(m["reported"]["fact_id"])
    if ret is not None:
        r = jsonable(ret.to_dict())
        headline["return"] = {"subject": r["rows"][0] if r["rows"] else None, "benchmark": r["benchmark"]}
        if r["benchmark"] and r["benchmark"].get("fact_id"):
            figs["period_return"].add(r["benchmark"]["fact_id"])
    if dl is not None:
        d = jsonable(dl.to_dict())
        headline["deliveries"] = {
            "year": page.fyear,
            "pace": d.get("pace"),
            "to_date": (d.get("pace") or {}).get("to_date"),
            "through": d["months"][-1]["month"] if d["months"] else None,
            # the bounds of the total where a month rests on a bound ("more than 50,000")
            "low": d["months"][-1]["cumulative_low"] if d["months"] else None,
            "high": d["months"][-1]["cumulative_high"] if d["months"] else None,
        }
        if d.get("pace") and d["pace"].get("target_fact"):
            figs["deliveries"].add(d["pace"]["target_fact"])
    if outlook is not None:
        headline["forecast"] = {k: outlook[k] for k in HEADLINE_FORECAST}
        if outlook.get("target_fact"):
            figs["forecast"].add(outlook["target_fact"])
    if fc is not None and fc.get("target_fact"):
        figs["forecast"].add(fc["target_fact"])
    return headline


def _series(page: _Page, dl, dl_prev, bl, ev) -> tuple[dict | None, dict | None, dict | None]:
    """The chart series of deliveries (last year and this), the backlog and the events,
    each figure's facts noted for its sources."""
    figs = page.figs
    deliveries = None
    if dl is not None:
        months = []
        for series in (dl_prev, dl):
            if series is not None:
                months += jsonable(series.to_dict())["months"]
        deliveries = {"months": months, "pace": jsonable(dl.to_dict()).get("pace"), "year": page.fyear}
        for m in months:
            figs["deliveries"].update(m.get("facts") or [])
    backlog = None
    if bl is not None:
        backlog = jsonable(bl.to_dict())
        for p in backlog["points"]:
            if p.get("orders_fact"):
                figs["backlog"].add(p["orders_fact"])
    events = None
    if ev is not None:
        e = jsonable(ev.to_dict())
        events = {
            "events": e["events"],
            "tests": e.get("tests"),
            "spec": e["spec"],
            "benchmark": e["benchmark"],
        }
        for x in e["events"]:
            figs["events"].update(x.get("facts") or ())
        cal = (page.store.security(page.ticker) or {}).get("calendar") if page.ticker else None
        if cal:
            figs["events"].update(
                add_event_context(page.store, events["events"], page.slug, cal, EVENT_WINDOW)
            )
    return deliveries, backlog, events


def _prices(page: _Page) -> dict | None:
    """The subject's closes and its index's, rebased to 100 from the return year's start."""
    ticker, ryear, event_bench = page.ticker, page.ryear, page.event_bench
    start = date(ryear, 1, 1) - pd.Timedelta(days=1)
    subj = (
        rebased_closes(page.store, ticker, start=start)
        if ticker is not None and page.subj_range is not None
        else {"dates": []}
    )
    if subj["dates"]:
        index = (
            rebased_closes(page.store, event_bench, start=start)
            if event_bench
            else {"dates": [], "values": []}
        )
        if event_bench and not index["dates"]:
            page.note(
                f"price chart: no closes of {event_bench} are stored from {start.isoformat()}",
                f"股价图：数据库中没有 {display_name(event_bench, 'zh')} 自 {fmt.day(start.isoformat(), 'zh')} 起的收盘价",
            )
        return {"subject": subj, "index": index, "index_ticker": event_bench}
    if page.subj_range is not None:
        last = page.subj_range[1]
        page.note(
            f"price chart: closes of {ticker} stop on {last.isoformat()}, before {ryear}",
            f"股价图：{ticker} 的收盘价止于 {fmt.day(last.isoformat(), 'zh')}，早于 {ryear} 年",
        )
    return None


def _peer_table(page: _Page, peer) -> dict | None:
    """The peer table as shown, with a note on each peer that has no return in the year."""
    if peer is None:
        return None
    peer_d = jsonable(peer.to_dict())
    _note_peer_rows(page.store, peer_d, page.ryear)
    missing = [r["ticker"] for r in peer_d["rows"] if r["return_pct"] is None]
    if missing:
        page.note(
            f"peers: no return in {page.ryear} for {', '.join(missing)} (see the table's notes)",
            f"同业表：{'、'.join(missing)} 在 {page.ryear} 年没有涨幅数据（见表内说明）",
        )
    return peer_d


def _benchmarks(store, listing: Listing | None, opts: ReportOptions) -> tuple[str | None, str | None]:
    """The benchmark of the period return and peer table, and the index of the price
    chart and event study: the options' when given, else the listing's own (the first
    and the last of its benchmarks in the universe)."""
    own = [index_ticker(b) for b in listing.benchmarks] if listing is not None and listing.benchmarks else []
    bench = opts.benchmark or (own[0] if own else None)
    event = opts.event_benchmark or (own[-1] if own else None)
    for t in (bench, event):
        if t is not None:
            try:
                store.resolve_ticker(t)
            except NotFoundError:
                raise InputError(
                    f"unknown benchmark {t!r}: no index of that name is known", field="benchmark"
                ) from None
    return (store.resolve_ticker(bench) if bench else None), (store.resolve_ticker(event) if event else None)


def _note_peer_rows(store, peer_d: dict, year: int) -> None:
    """Give each peer row without a return one line saying why (its closes stop before
    the window, or none are stored), unless it already has one."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    why = peer_coverage_notes(
        store, [r["ticker"] for r in peer_d["rows"] if r["return_pct"] is None], start, end
    )
    for r in peer_d["rows"]:
        if r["return_pct"] is None and r["ticker"] in why:
            r["note_zh"] = why[r["ticker"]]["zh"]
            r["note"] = why[r["ticker"]]["en"] + (f"; {r['note']}" if r.get("note") else "")

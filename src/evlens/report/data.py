"""Gather a company's report from the library: market, events, operations, forecast and
the facts behind every figure. No figure is computed here; each comes from
:mod:`evlens.market`, :mod:`evlens.events` or :mod:`evlens.ops`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from .. import market, ops
from ..errors import EvlensError, NotFoundError
from ..events import study
from ..market.metrics import simple_returns
from ..values import jsonable

DEFAULT_MILESTONE = 1e12
EVENT_METRICS = ("deliveries", "delivery_target")


@dataclass(frozen=True)
class ReportOptions:
    """What the report covers; every field has a default that suits the demo database."""

    year: int | None = None            # return year (default: the year before the forecast year)
    forecast_year: int | None = None   # default: the latest year with delivery facts
    benchmark: str = "HSTECH"          # index for the period return and peer table
    event_benchmark: str = "HSI"       # index for the price chart and the event study
    peers: tuple[str, ...] | None = None
    milestone: float = DEFAULT_MILESTONE
    scenario: str | None = None        # default: <entity>-<forecast year>
    paths: int = 4000
    seed: int = 1
    second_phase_start: date | None = None
    ramp_months: float | None = None
    demand_growth: float | None = None


@dataclass(frozen=True)
class ReportData:
    entity: str
    name_en: str
    name_zh: str
    ticker: str
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

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def subject_ticker(store, entity: str) -> str:
    """The security that trades ``entity`` (parameterised query; the slug is resolved first)."""
    rows = store.con.execute("SELECT ticker FROM securities WHERE entity = ? ORDER BY ticker", [entity]).fetchall()
    if not rows:
        raise NotFoundError(f"no security trades {entity!r}: the report needs a listed company")
    return rows[0][0]


def default_peers(store, ticker: str) -> tuple[str, ...]:
    """Every other stored stock on the subject's exchange (indexes left out)."""
    exch = store.security(ticker)["exchange"]
    rows = store.con.execute(
        "SELECT s.ticker FROM securities s JOIN entities e ON e.id = s.entity "
        "WHERE s.exchange = ? AND s.ticker <> ? AND e.kind <> 'index' ORDER BY s.ticker", [exch, ticker]).fetchall()
    return tuple(r[0] for r in rows)


def _latest_delivery_year(facts: pd.DataFrame) -> int:
    d = facts[facts.metric == "deliveries"]
    if d.empty:
        raise NotFoundError("no deliveries facts in the database")
    return int(pd.to_datetime(d.period_end).max().year)


def rebased(store, ticker: str, start: date | None = None, end: date | None = None) -> dict:
    """Closes as an index starting at 100 (compounded simple returns; suspect rows left out)."""
    p = store.prices(ticker, start=start, end=end)
    p = p[~p["suspect"].astype(bool)]
    close = p["adj_close"].fillna(p["close"]) if "adj_close" in p else p["close"]
    if len(close) < 2:
        return {"dates": [], "values": []}
    r = simple_returns(close)
    level = 100 * (1 + r).cumprod()
    level = pd.concat([pd.Series([100.0], index=close.index[:1]), level])
    return {"dates": [d.strftime("%Y-%m-%d") for d in level.index], "values": [round(float(v), 3) for v in level]}


def modified_scenario(scen: ops.Scenario, opts: ReportOptions) -> ops.Scenario:
    """The scenario with the user's assumptions swapped in (second phase start, its ramp,
    demand growth); the rest of the file unchanged."""
    from dataclasses import replace

    from ..ops.scenario import Param

    if opts.demand_growth is not None:
        scen = replace(scen, demand=replace(scen.demand, growth_per_year=Param.fixed(opts.demand_growth)))
    if opts.second_phase_start is not None or opts.ramp_months is not None:
        plants = list(scen.plants)
        for i, plant in enumerate(plants):
            if len(plant.phases) >= 2:
                ph = plant.phases[1]
                if opts.second_phase_start is not None:
                    ph = replace(ph, start=opts.second_phase_start)
                if opts.ramp_months is not None:
                    ph = replace(ph, ramp_days=float(opts.ramp_months) * ops.scenario.DAYS_PER_MONTH)
                plants[i] = replace(plant, phases=(plant.phases[0], ph, *plant.phases[2:]))
                break
        scen = replace(scen, plants=tuple(plants))
    return scen


def run_forecast(store, entity: str, year: int, opts: ReportOptions, facts=None, ents=None) -> dict:
    facts = store.facts() if facts is None else facts
    ents = store.entities() if ents is None else ents
    scen = modified_scenario(ops.load_scenario(opts.scenario or f"{entity}-{year}"), opts)
    target = ops.delivery_target(facts, entity, year, entities=ents)  # the same choice as `evlens facts`
    f = ops.forecast_deliveries(scen, year, facts=facts, entity=entity, entities=ents, paths=opts.paths,
                                seed=opts.seed, on_conflict="prefer-official", target=target.value if target else None)
    d = f.to_dict()
    if target is not None:
        d["target_source"] = f"fact {target.chosen}"
    phase2 = [ph for p in scen.plants for ph in p.phases[1:2]]
    d["assumptions"] = {
        "second_phase_start": phase2[0].start.isoformat() if phase2 else None,
        "ramp_months": round(phase2[0].ramp_days / ops.scenario.DAYS_PER_MONTH, 2) if phase2 else None,
        "demand_growth": scen.demand.growth_per_year.to_dict(),
    }
    return jsonable(d)


def _fact_ids_in(text: str | None) -> list[str]:
    import re

    return re.findall(r"\b[0-9a-f]{32}\b", text or "")


def build_report(store, entity: str, options: ReportOptions | None = None) -> ReportData:
    """Everything the report shows, for ``entity`` (slug, alias, name or ticker)."""
    opts = options or ReportOptions()
    slug = store.resolve_entity(entity)
    ent = store.entity(slug)
    ticker = subject_ticker(store, slug)
    sec = store.security(ticker)
    facts, ents = store.facts(), store.entities()
    fyear = opts.forecast_year or _latest_delivery_year(facts)
    ryear = opts.year or fyear - 1
    notes: list[str] = []
    figs: dict[str, set[str]] = {k: set() for k in (
        "market_value", "period_return", "peers", "prices", "events", "deliveries", "backlog", "forecast")}

    def attempt(what: str, fn):
        try:
            return fn()
        except EvlensError as exc:
            notes.append(f"{what}: {exc}")
            return None

    now = attempt("market value", lambda: market.marketcap(store, ticker))
    mile = attempt("milestone", lambda: market.first_crossing(store, ticker, opts.milestone))
    ret = attempt("period return", lambda: market.returns(store, [ticker], year=ryear, benchmark=opts.benchmark))
    peers_list = opts.peers if opts.peers is not None else default_peers(store, ticker)
    peer = attempt("peers", lambda: market.peers(store, ticker, benchmark=opts.benchmark,
                                                 peers=",".join(peers_list), year=ryear))
    ev = attempt("event study", lambda: study.events(store, [ticker], benchmark=opts.event_benchmark, window=(-1, 1),
                                                      from_facts=list(EVENT_METRICS)))
    dl = attempt("deliveries", lambda: ops.monthly_deliveries(facts, slug, fyear, entities=ents,
                                                              on_conflict="prefer-official"))
    dl_prev = attempt("deliveries", lambda: ops.monthly_deliveries(facts, slug, fyear - 1, entities=ents,
                                                                   on_conflict="prefer-official"))
    bl = attempt("backlog", lambda: ops.order_backlog(facts, slug, entities=ents, on_conflict="prefer-official"))
    fc = attempt("forecast", lambda: run_forecast(store, slug, fyear, opts, facts, ents))

    headline: dict[str, Any] = {"ticker": ticker, "currency": sec.get("currency") or "HKD",
                                "return_year": ryear, "forecast_year": fyear}
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
        headline["deliveries"] = {"year": fyear, "pace": d.get("pace"),
                                  "to_date": (d.get("pace") or {}).get("to_date"),
                                  "through": d["months"][-1]["month"] if d["months"] else None}
        if d.get("pace") and d["pace"].get("target_source"):
            figs["deliveries"].update(_fact_ids_in(d["pace"]["target_source"]))
    if fc is not None:
        headline["forecast"] = {k: fc[k] for k in ("p_hit", "target", "target_source", "p5", "p50", "p95", "mean",
                                                   "as_of", "paths", "seed", "scenario")}
        figs["forecast"].update(_fact_ids_in(fc.get("target_source")))

    deliveries = None
    if dl is not None:
        months = []
        for series in (dl_prev, dl):
            if series is not None:
                months += jsonable(series.to_dict())["months"]
        deliveries = {"months": months, "pace": jsonable(dl.to_dict()).get("pace"), "year": fyear}
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
        events = {"events": e["events"], "tests": e.get("tests"), "spec": e["spec"], "benchmark": e["benchmark"]}
        for x in e["events"]:
            figs["events"].update(_fact_ids_in(x.get("source")))
    prices = None
    start = date(ryear, 1, 1) - pd.Timedelta(days=1)
    subj = rebased(store, ticker, start=start)
    if subj["dates"]:
        prices = {"subject": subj, "index": rebased(store, opts.event_benchmark, start=start),
                  "index_ticker": opts.event_benchmark}
    peer_d = jsonable(peer.to_dict()) if peer is not None else None

    used = set().union(*figs.values())
    sources = _sources(store, facts, used)
    for sk in getattr(store, "skipped_facts", ()):
        notes.append(f"stored fact {sk['id']} ({sk['entity']} {sk['metric']} {sk['period']}) skipped: "
                     f"{sk['reason']}; remove it with `evlens forget {sk['id']}`")
    return ReportData(
        entity=slug, name_en=ent.get("name_en") or slug, name_zh=ent.get("name_zh") or ent.get("name_en") or slug,
        ticker=ticker, currency=headline["currency"], options=jsonable(dict(opts.__dict__)), headline=headline,
        peers=peer_d, prices=prices, events=events, deliveries=deliveries, backlog=backlog, forecast=fc,
        figure_facts={k: sorted(v) for k, v in figs.items()}, sources=sources, notes=notes)


def _sources(store, facts: pd.DataFrame, ids: set[str]) -> list[dict]:
    """The facts behind the figures, each with its document and exact quoted text."""
    if not ids:
        return []
    rows = facts[facts["id"].isin(sorted(ids))]
    docs: dict[str, dict] = {}
    out = []
    for rec in rows.to_dict("records"):
        did = rec.get("document_id")
        if did and did not in docs:
            try:
                doc = store.document(did)
            except NotFoundError:
                doc = {}
            docs[did] = {k: doc.get(k) for k in ("id", "kind", "url", "title", "publisher", "published", "path")}
            text = doc.get("text") or ""
            docs[did]["_text"] = text
        doc = docs.get(did, {})
        quote = None
        s, e = rec.get("span_start"), rec.get("span_end")
        text = doc.get("_text") or ""
        if s is not None and e is not None and not pd.isna(s) and not pd.isna(e) and text:
            quote = text[int(s):int(e)]
        out.append(jsonable({
            "id": rec["id"], "entity": rec["entity"], "metric": rec["metric"], "period": rec["period"],
            "value": rec["value"], "unit": rec["unit"], "bound": rec["bound"], "published": rec.get("published"),
            "source_url": rec.get("source_url") or doc.get("url"), "publisher": rec.get("publisher") or doc.get("publisher"),
            "surface": rec.get("surface"), "sentence": rec.get("sentence"), "quote": quote or rec.get("surface"),
            "method": rec.get("method"), "note": rec.get("note"),
            "document": {k: v for k, v in doc.items() if not k.startswith("_")} if doc else None,
        }))
    out.sort(key=lambda x: (x["metric"], x["period"] or "", x["id"]))
    return out

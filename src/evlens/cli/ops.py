"""Operations commands: deliveries, backlog, forecast, scenario. Each parses, calls
:mod:`evlens.ops` with the store's facts and prints; the figures come from the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ..defaults import DEFAULT_PATHS, DEFAULT_SEED
from ..periods import DAYS_PER_MONTH, parse_day
from .common import JSON_OPTION, Table, console, emit, lazy, state

if TYPE_CHECKING:  # the types only; the package itself loads on first use
    from ..ops import BacklogReport, DeliverySeries, ForecastResult

ops = lazy("evlens.ops")

AS_OF = typer.Option(None, "--as-of", help="Use only facts published by this date (YYYY-MM-DD).")
APPROX = typer.Option(0.02, "--approx-tol", help="Relative tolerance of 'about N' facts (0.02 = ±2 %).")
EXCLUDE = typer.Option(None, "--exclude", help="Leave out a fact by id (repeatable), e.g. after a conflict.")
ON_CONFLICT = typer.Option(
    "prefer-official",
    "--on-conflict",
    help="When facts contradict each other: 'prefer-official' leaves out press figures that contradict "
    "company or official ones (listed in the output); 'raise' stops with an error naming them. "
    "Contradictions among official figures are always an error.",
)


def _n(x: float | None) -> str:
    return "open" if x is None else f"{x:,.0f}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:+.1%}"


def _range_pct(x: float | None, lo: float | None, hi: float | None) -> str:
    """An exact growth rate, or its range when a month rests on an estimate."""
    if x is not None:
        return _pct(x)
    if lo is None and hi is None:
        return ""
    return f"[{'open' if lo is None else f'{lo:+.0%}'}, {'open' if hi is None else f'{hi:+.0%}'}]"


def _render_deliveries(s: DeliverySeries) -> None:
    table = Table(
        "month",
        "value",
        "low",
        "high",
        "basis",
        "cumulative",
        "MoM",
        "YoY",
        title=f"Deliveries of {s.entity}"
        + (f", {s.year}" if s.year else "")
        + (f" ({s.measure.label_en})" if s.measure else ""),
    )
    for m in s.months:
        shown = _n(m.value) if m.exact else f"~{_n(m.value)}"
        table.add_row(
            m.month,
            shown,
            _n(m.low),
            _n(m.high),
            m.basis,
            _n(m.cumulative),
            _range_pct(m.mom, m.mom_low, m.mom_high),
            _range_pct(m.yoy, m.yoy_low, m.yoy_high),
        )
    console.print(table)
    if s.run_rate:
        rr = s.run_rate
        val = f"{_n(rr.value)} a month " if rr.value is not None else "a range (rests on estimated months) "
        console.print(
            f"run-rate ({', '.join(rr.months)}): {val}[{_n(rr.low)}, {_n(rr.high)}]", highlight=False
        )
    if s.pace:
        p = s.pace
        req = "" if p.required_per_month is None else f"; {p.required_per_month:,.0f} a month still required"
        if p.basis == "range":
            hi = "open" if p.ratio_high is None else f"{p.ratio_high:.0%}"
            console.print(
                f"target {p.target:,.0f}: at least {p.to_date:,.0f} through {p.through} "
                f"({p.ratio_low:.0%} to {hi} of straight-line pace), {p.status}{req}",
                highlight=False,
            )
        else:
            console.print(
                f"target {p.target:,.0f}: {p.to_date:,.0f} through {p.through} "
                f"({p.ratio:.0%} of straight-line pace), {p.status}{req}",
                highlight=False,
            )
    console.print(
        "values marked ~ are estimates inside their interval (basis bounded or open); "
        "growth on them is shown as a range",
        highlight=False,
    )
    console.print(f"point estimate: {s.rules['point_estimate']}", highlight=False)


def _render_backlog(r: BacklogReport) -> None:
    table = Table(
        "date",
        "orders",
        "delivered",
        "cancelled",
        "backlog",
        "wait (run-rate, mo)",
        "wait (FIFO, mo)",
        title=f"Order backlog of {r.entity}",
    )
    for p in r.points:
        fifo = (
            ""
            if p.fifo_wait_days is None
            else f"{p.fifo_wait_days / DAYS_PER_MONTH:.1f}"
            + (" (extrapolated)" if p.fifo_extrapolated else "")
        )
        rr = "" if p.wait_run_rate_months is None else f"{p.wait_run_rate_months:.1f}"
        table.add_row(
            p.date.isoformat(), _n(p.orders), _n(p.deliveries), _n(p.cancellations), _n(p.backlog), rr, fifo
        )
    console.print(table)
    for k, v in r.assumptions.items():
        console.print(f"{k}: {v}", highlight=False)
    for s in r.skipped:
        console.print(f"skipped {s['id']} ({s['period']}): {s['reason']}", highlight=False)


def _render_forecast(r: ForecastResult) -> None:
    console.print(r.summary(), highlight=False)
    table = Table(
        "month", "known", "deliveries p5", "p50", "p95", "backlog p50", "wait p50 (mo)", "capacity binds"
    )
    for m in r.months:
        share = "" if m.capacity_bound_share is None else f"{m.capacity_bound_share:.0%} of paths"
        wait = "" if m.wait_months["p50"] is None else f"{m.wait_months['p50']:.1f}"
        table.add_row(
            m.month,
            "yes" if m.known else "",
            _n(m.deliveries["p5"]),
            _n(m.deliveries["p50"]),
            _n(m.deliveries["p95"]),
            _n(m.backlog_end["p50"]),
            wait,
            share,
        )
    console.print(table)


def _facts_of(ctx: typer.Context, entity: str):
    """The entity's slug, and every stored fact and entity (the operations solve them together)."""
    with state(ctx).open(read_only=True) as store:
        return store.resolve_entity(entity), store.facts(), store.entities()


def _db_path(ctx: typer.Context):
    from ..store import default_db_path

    return state(ctx).db_path or default_db_path()


def register(app: typer.Typer) -> None:
    @app.command("deliveries")
    def deliveries_cmd(
        ctx: typer.Context,
        entity: str = typer.Argument(..., help="Company, model or model group (slug, name or ticker)."),
        year: int | None = typer.Option(None, "--year", help="Show this calendar year's months."),
        target: float | None = typer.Option(
            None, "--target", help="The year's delivery target (default: the latest target fact)."
        ),
        as_of: str | None = AS_OF,
        approx_tol: float = APPROX,
        exclude: list[str] | None = EXCLUDE,
        on_conflict: str = ON_CONFLICT,
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Monthly deliveries consistent with every fact, with intervals, growth, run-rate and pace."""
        slug, facts, ents = _facts_of(ctx, entity)
        s = ops.monthly_deliveries(
            facts,
            slug,
            year,
            entities=ents,
            target=target,
            as_of=parse_day(as_of, "--as-of"),
            approx_tol=approx_tol,
            exclude=exclude or (),
            on_conflict=on_conflict,
        )
        emit(s.to_dict() if as_json else s, as_json, _render_deliveries)

    @app.command("backlog")
    def backlog_cmd(
        ctx: typer.Context,
        entity: str = typer.Argument(..., help="Company, model or model group."),
        cancel_share: float = typer.Option(
            0.0,
            "--cancel-share",
            help="Share of cumulative orders assumed cancelled where no fact says (0.1 = 10 %).",
        ),
        as_of: str | None = AS_OF,
        approx_tol: float = APPROX,
        exclude: list[str] | None = EXCLUDE,
        on_conflict: str = ON_CONFLICT,
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Order backlog and waiting time (run-rate and first-in-first-out) at each order fact."""
        slug, facts, ents = _facts_of(ctx, entity)
        r = ops.order_backlog(
            facts,
            slug,
            entities=ents,
            cancel_share=cancel_share,
            as_of=parse_day(as_of, "--as-of"),
            approx_tol=approx_tol,
            exclude=exclude or (),
            on_conflict=on_conflict,
        )
        emit(r.to_dict() if as_json else r, as_json, _render_backlog)

    @app.command("forecast")
    def forecast_cmd(
        ctx: typer.Context,
        entity: str = typer.Argument(..., help="Company, model or model group."),
        year: int = typer.Option(..., "--year", help="The year whose deliveries to forecast."),
        target: float | None = typer.Option(
            None, "--target", help="Delivery target (default: the scenario's, else the latest target fact)."
        ),
        scenario: str | None = typer.Option(
            None,
            "--scenario",
            help="Scenario TOML file, or the name of a shipped one (xiaomi-2025): the analyst's override. "
            "Without it, the statistical forecast calibrated on back-tests (no file needed).",
        ),
        paths: int = typer.Option(
            DEFAULT_PATHS, "--paths", help="Number of simulated paths (the report's and dashboard's too)."
        ),
        seed: int = typer.Option(
            DEFAULT_SEED, "--seed", help="Random seed; the same seed gives the same result."
        ),
        as_of: str | None = AS_OF,
        exclude: list[str] | None = EXCLUDE,
        on_conflict: str = ON_CONFLICT,
        as_json: bool = JSON_OPTION,
    ) -> None:
        """The year's deliveries from what was public on --as-of: median, calibrated bands and P(target).
        With --scenario, the Monte Carlo capacity-and-demand model of that scenario instead."""
        slug, facts, ents = _facts_of(ctx, entity)
        if scenario is None:
            from datetime import date as _d

            from ..ops.baseline import forecast_year
            from ..store.cache import cache_beside

            day = parse_day(as_of, "--as-of") or _d.today()
            cache = cache_beside(_db_path(ctx))
            fy = forecast_year(facts, slug, year, day, entities=ents, target=target, cache=cache)
            if cache is not None:
                cache.save()
            emit(
                fy.to_dict() if as_json else fy,
                as_json,
                lambda r: console.print(r.summary(), highlight=False),
            )
            return
        scen = ops.load_scenario(scenario)
        r = ops.forecast_deliveries(
            scen,
            year,
            facts=facts,
            entity=slug,
            entities=ents,
            target=target,
            paths=paths,
            seed=seed,
            as_of=parse_day(as_of, "--as-of"),
            exclude=exclude or (),
            on_conflict=on_conflict,
        )
        emit(r.to_dict() if as_json else r, as_json, _render_forecast)

    @app.command("scenario")
    def scenario_cmd(
        path: str = typer.Argument(..., help="Scenario TOML file, or the name of a shipped one."),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Check a scenario file and show what it describes."""
        s = ops.load_scenario(path)
        emit(s.to_dict(), as_json, lambda d: console.print_json(data=d))

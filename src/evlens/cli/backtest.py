"""``evlens backtest``: forecast every year total from what was public at each month end and
score it against what happened; the figures come from :mod:`evlens.ops.backtest`."""

from __future__ import annotations

import typer

from ..errors import InputError
from .common import JSON_OPTION, console, emit, state


def register(app: typer.Typer) -> None:
    @app.command("backtest")
    def backtest_cmd(
        ctx: typer.Context,
        entity: list[str] | None = typer.Argument(
            None, help="Makers or models to score (default: all with data)."
        ),
        years: str = typer.Option(
            "2024,2025", "--years", help="Years whose totals to forecast, comma-separated."
        ),
        scenario: str | None = typer.Option(
            None,
            "--scenario",
            help="Back-test this scenario (file or shipped name, e.g. xiaomi-2025) instead, "
            "against the calibrated model on the same points.",
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Coverage of the 50/80/90 % bands, CRPS and median error of the forecast and of the baselines."""
        from ..ops.backtest import backtest

        if scenario is not None:
            from ..ops import load_scenario
            from ..ops.backtest import backtest_scenario

            scen = load_scenario(scenario)
            with state(ctx).open(read_only=True) as store:
                facts, ents = store.facts(), store.entities()
            res = backtest_scenario(scen, facts, entities=ents)
            emit(res, as_json, _render_scenario)
            return

        try:
            ys = tuple(int(y) for y in years.split(",") if y.strip())
        except ValueError:
            raise InputError(
                f"--years must list years like 2024,2025, not {years!r}", field="--years"
            ) from None
        with state(ctx).open(read_only=True) as store:
            only = [store.resolve_entity(e) for e in entity] if entity else None
            facts, ents = store.facts(), store.entities()
        r = backtest(facts, entities=ents, years=ys, only=only)
        emit(r.to_dict() if as_json else r, as_json, lambda x: console.print(x.summary(), highlight=False))


def _render_scenario(r: dict) -> None:
    def line(name: str, s: dict) -> str:
        def f(x):
            return "  -  " if x is None else f"{x:.2f}"

        return (
            f"{name:<18}{s['points']:>7}{f(s['coverage_50']):>8}{f(s['coverage_80']):>8}{f(s['coverage_90']):>8}"
            f"{(s['crps'] or 0):>11,.0f}{(s['mape_p50'] or 0):>9.1%}"
        )

    console.print(
        f"Back-test of scenario {r['scenario']} ({r['entity']} {r['year']}, outcome {r['outcome']:,.0f}"
        + (", the midpoint of its bounds" if r["outcome_bounded"] else "")
        + ")",
        highlight=False,
    )
    console.print(
        f"{'':<18}{'points':>7}{'cov50':>8}{'cov80':>8}{'cov90':>8}{'CRPS':>11}{'MdAPE':>9}", highlight=False
    )
    console.print(line("scenario", r["scenario_scores"]), highlight=False)
    console.print(line("calibrated model", r["model_scores"]), highlight=False)

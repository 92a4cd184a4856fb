"""``evlens backtest``: forecast every year total from what was public at each month end and
score it against what happened; the figures come from :mod:`evlens.ops.backtest`."""

from __future__ import annotations

from typing import List, Optional

import typer

from ..errors import InputError
from .common import JSON_OPTION, console, emit, state


def register(app: typer.Typer) -> None:
    @app.command("backtest")
    def backtest_cmd(
        ctx: typer.Context,
        entity: Optional[List[str]] = typer.Argument(None, help="Makers or models to score (default: all with data)."),
        years: str = typer.Option("2024,2025", "--years", help="Years whose totals to forecast, comma-separated."),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Coverage of the 50/80/90 % bands, CRPS and median error of the forecast and of the baselines."""
        from ..ops.backtest import backtest

        try:
            ys = tuple(int(y) for y in years.split(",") if y.strip())
        except ValueError:
            raise InputError(f"--years must list years like 2024,2025, not {years!r}", field="--years") from None
        with state(ctx).open(read_only=True) as store:
            only = [store.resolve_entity(e) for e in entity] if entity else None
            facts, ents = store.facts(), store.entities()
        r = backtest(facts, entities=ents, years=ys, only=only)
        emit(r.to_dict() if as_json else r, as_json, lambda x: console.print(x.summary(), highlight=False))

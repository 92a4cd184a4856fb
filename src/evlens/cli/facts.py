"""``evlens facts``: the stored facts behind each (entity, metric, period) and the value chosen."""

from __future__ import annotations

import typer

from ..errors import NotFoundError
from .common import JSON_OPTION, Table, console, emit, state


def _render(rec) -> None:
    table = Table("entity", "metric", "period", "value", "unit", "bound", "facts", "conflicts", "why")
    for c in rec.choices:
        rate = f"/{c.rate}" if c.rate else ""
        table.add_row(
            c.entity,
            c.metric + (" (cumulative)" if c.cumulative else ""),
            c.period,
            f"{c.value:,.10g}",
            c.unit + rate,
            c.bound,
            str(len(c.facts)),
            "; ".join(f"{x['value']:,.10g} {x['bound']}" for x in c.conflicts if not x.get("revised")),
            c.reason
            + "".join(f"; revises {x['value']:,.10g} (known {x['known_from']})" for x in c.revisions),
        )
    console.print(table)
    console.print(rec.summary(), highlight=False)


def register(app: typer.Typer) -> None:
    @app.command("facts")
    def facts_cmd(
        ctx: typer.Context,
        entity: str = typer.Argument(..., help="Entity slug, name, alias or ticker (xiaomi, 小米, 1810.HK)."),
        metric: str | None = typer.Argument(None, help="Metric (deliveries, orders, market_cap, ...)."),
        period: str | None = typer.Option(
            None, "--period", help="Only this period (2024, 2024-Q4, 2024-12)."
        ),
        as_of: str | None = typer.Option(
            None,
            "--as-of",
            help="Choose from the facts known by this date (YYYY-MM-DD); undated facts count "
            "from the release calendar's date.",
        ),
        own: bool = typer.Option(
            False, "--own", help="Only facts stored on the entity itself, not on its brands and models."
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Show the stored facts behind each value and the value chosen as of a date, with any
        conflicts and the earlier figures it revises.

        A maker's facts include those stored on its brands and models (a maker's deliveries
        are often published per model); --own shows the maker's alone."""
        from ..reconcile import entity_infos, reconcile, with_descendants

        with state(ctx).open(read_only=True) as store:
            slug = store.resolve_entity(entity)
            ents = entity_infos(store.entities())
            df = store.facts([slug] if own else with_descendants(slug, ents), metric, period)
        if df.empty:
            what = f"{slug}" + (f" {metric}" if metric else "") + (f" {period}" if period else "")
            raise NotFoundError(f"no stored facts for {what}")
        from ..periods import parse_day

        day = parse_day(as_of, "--as-of")
        rec = reconcile(df, as_of=day)
        if not rec.choices:
            raise NotFoundError(
                f"no facts for {slug}" + (f" {metric}" if metric else "") + f" were known on {day}"
            )
        emit(rec.to_dict() if as_json else rec, as_json, _render)

"""``evlens compare`` and ``evlens rankings``: models against each other, month by month."""

from __future__ import annotations

import typer

from ..errors import InputError, NotFoundError
from .common import JSON_OPTION, Table, console, emit, lazy, state

rankings = lazy("evlens.ops.rankings")
store_rankings = lazy("evlens.store.rankings")

METRIC_HELP = "retail_sales (China retail by model, CPCA) or deliveries (as the makers report them)."


def _metric(text: str) -> str:
    m = text.strip().lower()
    if m not in rankings.METRICS:
        raise InputError(
            f"--metric must be one of {', '.join(rankings.METRICS)}, not {text!r}", field="--metric"
        )
    return m


def _render_compare(c) -> None:
    names = [c.names.get(m, m) for m in c.models]
    table = Table(
        "month", *names, *(f"lead {c.names.get(p.a, p.a)} / {c.names.get(p.b, p.b)}" for p in c.pairs)
    )
    for i, month in enumerate(c.months):
        cells = [c.standings[m][i].describe() for m in c.models]
        leads = []
        for p in c.pairs:
            ld = p.leads[i]
            if ld.leader is None:
                leads.append(ld.basis if ld.basis != "neither listed" else "")
            else:
                margin = f" +{ld.margin:,.0f}" if ld.margin is not None else " (other unlisted)"
                leads.append(c.names.get(ld.leader, ld.leader) + margin)
        table.add_row(month, *cells, *leads)
    console.print(table)
    for p in c.pairs:
        console.print(p.summary(c.names), highlight=False)


def _render_rankings(r) -> None:
    cols = ["rank", "model", "brand", "value"] + (["in selection"] if r.selection else []) + ["source"]
    table = Table(*cols)
    for row in r.rows:
        f = row.figure
        cells = [
            f"{row.rank} of {row.list_size}",
            f.name or f.entity,
            f.brand_name or f.brand or "",
            f"{f.value:,.0f}",
        ]
        if r.selection:
            cells.append(str(row.rank_in_selection))
        table.add_row(*cells, f.source_url or "")
    console.print(table)
    console.print(r.summary(), highlight=False)


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare_cmd(
        ctx: typer.Context,
        models: list[str] = typer.Argument(
            ..., help="Two or more models: slug, name or alias (xiaomi-su7 tesla-model-3)."
        ),
        metric: str = typer.Option("retail_sales", "--metric", help=METRIC_HELP),
        start: str | None = typer.Option(None, "--from", help="First month, YYYY-MM."),
        end: str | None = typer.Option(None, "--to", help="Last month, YYYY-MM."),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Models side by side per month: value, rank of the month's list, who leads and by how
        much, the months one first passed another and the longest run in front, with sources."""
        m = _metric(metric)
        first = rankings.check_month(start, "--from") if start else None
        last = rankings.check_month(end, "--to") if end else None
        if first and last and first > last:
            raise InputError(f"--from {first} is after --to {last}", field="--from")
        if len(models) < 2:
            raise InputError("compare needs at least two models", field="models")
        with state(ctx).open(read_only=True) as store:
            slugs = [store.resolve_entity(x) for x in models]
            rows = store_rankings.model_figures(store, m)
            launched = store_rankings.first_deliveries(store, slugs)
        have = {r["entity"] for r in rows}
        for text, slug in zip(models, slugs):
            if slug not in have:
                raise NotFoundError(
                    f"{text!r} ({slug}) is in no monthly {m} list; compare ranks models that "
                    "appear in the monthly tables by model"
                )
        names = {r["entity"]: r["name"] or r["entity"] for r in rows if r["entity"] in slugs}
        figures = [rankings.Figure(**r) for r in rows]
        result = rankings.compare_models(
            figures, slugs, metric=m, start=first, end=last, names=names, launched=launched
        )
        if not result.months:
            raise NotFoundError(
                f"no monthly {m} lists between {first or 'the start'} and {last or 'the end'}"
            )
        emit(result.to_dict() if as_json else result, as_json, _render_compare)

    @app.command("rankings")
    def rankings_cmd(
        ctx: typer.Context,
        month: str = typer.Option(..., "--month", help="The month, YYYY-MM."),
        brand: str | None = typer.Option(
            None, "--brand", help="Only this maker's models (byd, Tesla, 小米)."
        ),
        segment: str | None = typer.Option(
            None,
            "--segment",
            help="Only a segment of data/segments.toml, by id or name (bev-sedans-above-200k).",
        ),
        metric: str = typer.Option("retail_sales", "--metric", help=METRIC_HELP),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """A month's table: every model of the month's list with its rank among all of them and
        the list's size; --brand and --segment show a part, ranks still among the whole list."""
        m = _metric(metric)
        mon = rankings.check_month(month, "--month")
        seg_data = rankings.load_segments() if segment else None
        seg = seg_data.segment(segment) if seg_data and segment else None
        with state(ctx).open(read_only=True) as store:
            brand_slug = store.resolve_entity(brand) if brand else None
            rows = store_rankings.model_figures(store, m, mon, mon)
            if not rows:
                months = store_rankings.months_with_lists(store, m)
                span = f"{months[0]}..{months[-1]}" if months else "none stored"
                raise NotFoundError(f"no {m} list for {mon} (months with a list: {span})")
            slug_of = (
                store_rankings.resolve_names(store, [x.key for x in seg_data.models]) if seg_data else {}
            )
        table = rankings.rank_month([rankings.Figure(**r) for r in rows], m)
        if brand_slug:
            keep = {r.figure.entity for r in table.rows if brand_slug in (r.figure.brand, r.figure.entity)}
            table = rankings.select(table, keep, f"brand {brand_slug}")
        if seg is not None:
            inside, known = rankings.segment_members(seg, seg_data, slug_of)
            listed = {r.figure.entity for r in table.rows}
            label = seg.name if not brand_slug else f"{table.selection}, {seg.name}"
            table = rankings.select(table, inside & listed, label, listed - known)
        emit(table.to_dict() if as_json else table, as_json, _render_rankings)

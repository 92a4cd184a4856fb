"""``evlens events``: abnormal returns around dated news, with the tests across events.
Parses and prints only; the study is :func:`evlens.events.study.events`."""

from __future__ import annotations

import typer

from .common import JSON_OPTION, console, emit, lazy, state

study = lazy("evlens.events.study")


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def register(app: typer.Typer) -> None:
    @app.command("events")
    def events_cmd(
        ctx: typer.Context,
        tickers: list[str] | None = typer.Argument(
            None, help="Tickers to study (any accepted spelling). Optional when the CSV names them."
        ),
        benchmark: str | None = typer.Option(
            None, "--benchmark", help="Index or ticker for the market and market-adjusted models, e.g. HSI."
        ),
        model: str = typer.Option("market", "--model", help="market | market-adjusted | constant-mean."),
        window: str = typer.Option("-1,1", "--window", help="Event window a,b in trading days around day 0."),
        estimation: int = typer.Option(250, "--estimation", help="Estimation window length in trading days."),
        gap: int = typer.Option(
            10, "--gap", help="Trading days between the estimation window and the event window."
        ),
        log_returns: bool = typer.Option(
            False, "--log-returns", help="Use log returns instead of simple returns."
        ),
        event: list[str] | None = typer.Option(
            None, "--event", help="DATE[THH:MM][=LABEL], local exchange time; repeatable."
        ),
        events_csv: str | None = typer.Option(
            None, "--events-csv", help="CSV with columns date[, time], label[, ticker]."
        ),
        from_facts: str | None = typer.Option(
            None,
            "--from-facts",
            help="Metrics whose stored facts' publication dates are events, e.g. deliveries,delivery_target.",
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Event study: AR, CAR, BHAR per event and the tests across events (t, Brown-Warner,
        Patell, BMP, Kolari-Pynnönen, rank, sign)."""
        with state(ctx).open(read_only=True) as store:
            result = study.events(
                store,
                _split(tickers),
                benchmark=benchmark,
                model=model,
                window=window,
                estimation=estimation,
                gap=gap,
                log_returns=log_returns,
                event=list(event or []),
                events_csv=events_csv,
                from_facts=from_facts,
            )
        emit(result, as_json, lambda r: console.print(r.summary(), highlight=False, markup=False))

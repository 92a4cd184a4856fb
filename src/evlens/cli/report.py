"""Report and dashboard commands: ``evlens report`` writes the HTML report, ``evlens serve``
starts the web dashboard. Both only parse and call :mod:`evlens.report` / :mod:`evlens.web`.
``serve`` prints no result, so it takes no ``--json``: it runs until stopped."""

from __future__ import annotations

from pathlib import Path

import typer

from ..defaults import DEFAULT_PATHS, DEFAULT_SEED
from ..errors import InputError
from .common import JSON_OPTION, Table, console, emit, err_console, state


def _print_written(data: dict, lang: str, out: Path, png: Path | None, pngs: list[str]) -> None:
    print_headline(data, lang, out)
    if pngs:
        console.print(f"Charts written to [bold]{png}[/]: {len(pngs)} PNG files", highlight=False)


def print_headline(data: dict, lang: str, out: Path | None = None) -> None:
    from ..views import headline_items

    name = data["name_zh"] if lang == "zh" else data["name_en"]
    table = Table(
        "",
        "",
        "",
        title=f"{name} ({data['ticker'] or ('未上市' if lang == 'zh' else 'not listed')})",
        show_header=False,
    )
    for item in headline_items(data, lang):
        table.add_row(item["label"], f"[bold]{item['value']}[/]", item["detail"])
    console.print(table)
    for note in data.get("notes") or []:
        console.print(f"note: {note}", highlight=False, markup=False)
    if out is not None:
        console.print(f"Report written to [bold]{out}[/]", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        ctx: typer.Context,
        entity: str = typer.Argument(..., help="Company (slug, name or ticker), e.g. xiaomi."),
        out: Path = typer.Option(Path("evlens-report.html"), "--out", help="HTML file to write."),
        lang: str = typer.Option("en", "--lang", help="Language of labels and numbers: en or zh."),
        year: int | None = typer.Option(None, "--year", help="Year of the period return and peer table."),
        forecast_year: int | None = typer.Option(
            None, "--forecast-year", help="Year of the deliveries and forecast."
        ),
        benchmark: str | None = typer.Option(
            None,
            "--benchmark",
            help="Index for the period return and peers (default: the listing's own, from the universe data).",
        ),
        as_of: str | None = typer.Option(
            None, "--as-of", help="Forecast from what was public on this day, YYYY-MM-DD (default: today)."
        ),
        paths: int = typer.Option(DEFAULT_PATHS, "--paths", help="Forecast paths."),
        seed: int = typer.Option(DEFAULT_SEED, "--seed", help="Forecast seed."),
        png: Path | None = typer.Option(
            None, "--png", help="Also write each chart as a PNG into this folder."
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Write one self-contained HTML report (opens offline) and print its headline numbers."""
        from ..report import write_report
        from ..views import ReportOptions
        from ..views.format import check_lang

        check_lang(lang)
        if paths < 1:
            raise InputError("--paths must be at least 1", field="--paths")
        from ..periods import parse_day

        opts = ReportOptions(
            year=year,
            forecast_year=forecast_year,
            benchmark=benchmark,
            paths=paths,
            seed=seed,
            as_of=parse_day(as_of, "--as-of"),
        )
        with state(ctx).open(read_only=True) as store:
            data = write_report(store, entity, out, lang=lang, options=opts)
        d = data.to_dict()
        pngs = []
        if png is not None:
            from ..report.png import write_pngs

            pngs = [str(p) for p in write_pngs(d, lang, png)]
        emit(
            {"out": str(out), "lang": lang, "headline": d["headline"], "notes": d["notes"], "png": pngs},
            as_json,
            lambda _: _print_written(d, lang, out, png, pngs),
        )

    @app.command("serve")
    def serve_cmd(
        ctx: typer.Context,
        host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        read_only: bool = typer.Option(
            False, "--read-only", help="Serve the database read-only (no storing)."
        ),
        token: str | None = typer.Option(
            None,
            "--token",
            envvar="EVLENS_TOKEN",
            help="Require this token on every request (for a non-loopback address).",
        ),
    ) -> None:
        """Start the web dashboard over the database."""
        from ..web import create_app, is_loopback
        from ..web.server import run

        if token is not None and len(token) < 16:
            raise InputError("the token must have at least 16 characters", field="--token")
        app_ = create_app(state(ctx).db_path, read_only=read_only, host=host, token=token)
        console.print(f"Serving evlens on [bold]http://{host}:{port}/[/] (Ctrl+C to stop)", highlight=False)
        if not is_loopback(host):
            err_console.print(
                f"[bold yellow]warning:[/] {host} is reachable from other machines and the dashboard "
                "has no accounts"
                + (
                    "; every request must carry the token"
                    if token
                    else ": anyone who can reach it can read and change the database; "
                    "set --token or EVLENS_TOKEN"
                ),
                highlight=False,
                soft_wrap=True,
            )
        run(app_, host, port)

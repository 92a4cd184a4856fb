"""The ``evlens`` command line: a thin shell that parses, calls the library and prints.

Each command group lives in its own module in this package and exposes
``register(app: typer.Typer) -> None``. :data:`COMMANDS` names each command, the module
that registers it and the line ``evlens --help`` shows for it; a module is imported only
when one of its commands runs, so that ``evlens --help`` and a light command start
quickly (:mod:`._shell`). A test checks the table against what the modules register.
Every command that prints a result takes ``--json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import EvlensError
from . import common
from ._shell import LazyGroup

#: Every command: its module in this package and the line ``evlens --help`` shows for it
#: (the first paragraph of its help).
COMMANDS: dict[str, tuple[str, str]] = {
    "backtest": (
        "backtest",
        "Coverage of the 50/80/90 % bands, CRPS and median error of the forecast and of the baselines.",
    ),
    "compare": (
        "compare",
        "Models side by side per month: value, rank of the month's list, who leads and by how much, "
        "the months one first passed another and the longest run in front, with sources.",
    ),
    "rankings": (
        "compare",
        "A month's table: every model of the month's list with its rank among all of them and the "
        "list's size; --brand and --segment show a part, ranks still among the whole list.",
    ),
    "events": (
        "events",
        "Event study: AR, CAR, BHAR per event and the tests across events (t, Brown-Warner, Patell, "
        "BMP, Kolari-Pynnönen, rank, sign).",
    ),
    "extract": (
        "extract",
        "Read facts out of articles: each with its entity, metric, period, value, bound and exact span.",
    ),
    "facts": (
        "facts",
        "Show the stored facts behind each value and the value chosen as of a date, with any "
        "conflicts and the earlier figures it revises.",
    ),
    "returns": (
        "market",
        "Return of each ticker over a window, its excess over a benchmark and its rank.",
    ),
    "marketcap": (
        "market",
        "Market value: unadjusted close × shares outstanding as of that day; one day, the first day "
        "above a threshold, or a daily series with its share-count ledger.",
    ),
    "risk": (
        "market",
        "Volatility, Sharpe ratio, maximum drawdown, CAGR, and beta/correlation against an index.",
    ),
    "peers": (
        "market",
        "The subject against its index and peers, sorted, with the peer average (subject excluded).",
    ),
    "deliveries": (
        "ops",
        "Monthly deliveries consistent with every fact, with intervals, growth, run-rate and pace.",
    ),
    "backlog": (
        "ops",
        "Order backlog and waiting time (run-rate and first-in-first-out) at each order fact.",
    ),
    "forecast": (
        "ops",
        "The year's deliveries from what was public on --as-of: median, calibrated bands and "
        "P(target). With --scenario, the Monte Carlo capacity-and-demand model of that scenario instead.",
    ),
    "scenario": ("ops", "Check a scenario file and show what it describes."),
    "report": (
        "report",
        "Write one self-contained HTML report (opens offline) and print its headline numbers.",
    ),
    "serve": ("report", "Start the web dashboard over the database."),
    "demo": ("store", "Load the bundled demo dataset into the database and summarise it."),
    "summary": (
        "store",
        "What the database holds: tickers with date ranges, facts per maker, share counts, and how "
        "fresh each series is.",
    ),
    "prices": (
        "store",
        "Daily bars of one security, with the adjusted and suspect flags. With no range, the last 20 "
        "bars and how many are stored (``--all`` for every one).",
    ),
    "shares": ("store", "Shares outstanding of one security, with each count's basis and source."),
    "entities": (
        "store",
        "Companies, models, model groups and indexes the database knows, with their aliases.",
    ),
    "documents": (
        "store",
        "Stored documents (articles, and the tables KPI imports keep), with their ids.",
    ),
    "imports": ("store", "Imported files, with their ids (give one to ``evlens forget``)."),
    "forget": (
        "store",
        "Remove one import with its rows, one document with its facts, or one fact (one transaction).",
    ),
    "update": (
        "update",
        "Fetch what is after the last stored date (yfinance, AKShare) and store it with its source, "
        "in one transaction.",
    ),
    "load": ("store", "Import price files, KPI tables or share counts (one transaction per call)."),
}


class _Commands(LazyGroup):
    table = COMMANDS
    package = __name__


app = typer.Typer(
    name="evlens",
    cls=_Commands,
    help="What EV makers report, what the press writes and what the market prints, with sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global(
    ctx: typer.Context,
    db: Path | None = typer.Option(
        None, "--db", envvar="EVLENS_DB", help="Database file (default: the user data directory)."
    ),
) -> None:
    ctx.obj = common.State(db_path=db)


def build_app() -> typer.Typer:
    """The ``evlens`` app (for ``typer.testing.CliRunner``); its commands load on first use."""
    return app


def main(argv: list[str] | None = None) -> None:
    """Console entry point: user errors print one clear line and exit with status 2."""
    try:
        app(args=argv, prog_name="evlens", standalone_mode=False)
    except EvlensError as exc:
        common.print_error(str(exc))
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        common.print_error("aborted")
        sys.exit(1)
    except Exception as exc:
        if _is_usage_error(exc):
            message = _one_line(exc.format_message())  # type: ignore[attr-defined]
            if message:  # empty when the error was to show the help (no arguments), now printed
                common.print_error(message)
            sys.exit(2)
        raise


def _is_usage_error(exc: BaseException) -> bool:
    """A usage error of click, whichever copy raised it: Typer now ships its own click, so
    ``except click.ClickException`` alone misses its errors."""
    return any(cls.__name__ == "ClickException" for cls in type(exc).__mro__) and hasattr(
        exc, "format_message"
    )


def _one_line(text: str) -> str:
    return " ".join(str(text).split())

"""The ``evlens`` command line: a thin shell that parses, calls the library and prints.

Each command group lives in its own module in this package and exposes
``register(app: typer.Typer) -> None``; :func:`build_app` finds them all, so adding a
command never means editing this file. Every command takes ``--json``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import typer

from ..errors import EvlensError
from . import common

app = typer.Typer(
    name="evlens",
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
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
    return app


def main(argv: list[str] | None = None) -> None:
    """Console entry point: user errors print one clear line and exit with status 2."""
    build_app()
    try:
        app(args=argv, standalone_mode=False)
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
            common.print_error(_one_line(exc.format_message()))  # type: ignore[attr-defined]
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

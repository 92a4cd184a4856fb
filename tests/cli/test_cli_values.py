"""Plain option values (str, int, float, bool, Path and lists of them) are read by the
shell's own converter, not Typer's pydantic validators: the command receives the same
values, and a bad one is a usage error naming the option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from evlens.cli._shell import use_own_classes


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def show(
        name: str,
        files: list[Path] = typer.Argument(None),
        year: int | None = typer.Option(None, "--year"),
        paths: int = typer.Option(4000, "--paths"),
        target: float | None = typer.Option(None, "--target"),
        out: Path = typer.Option(Path("out.html"), "--out"),
        tag: list[str] | None = typer.Option(None, "--tag"),
        replace: bool = typer.Option(False, help="A flag with --no-replace."),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        print(
            json.dumps(
                {
                    "name": name,
                    "files": None if files is None else [f"{type(f).__name__}:{f}" for f in files],
                    "year": year,
                    "paths": paths,
                    "target": target,
                    "out": f"{type(out).__name__}:{out}",
                    "tag": tag,
                    "replace": replace,
                    "json": as_json,
                }
            )
        )

    @app.command()
    def other() -> None:
        pass

    use_own_classes(app)
    return app


def _run(*args: str):
    return CliRunner().invoke(_app(), ["show", *args])


def test_values_arrive_as_their_types():
    r = _run("xiaomi", "a.csv", "b.csv", "--year", "2025", "--target", "1e6", "--tag", "x", "--tag", "y")
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    assert got == {
        "name": "xiaomi",
        "files": ["PosixPath:a.csv", "PosixPath:b.csv"],
        "year": 2025,
        "paths": 4000,
        "target": 1e6,
        "out": "PosixPath:out.html",
        "tag": ["x", "y"],
        "replace": False,
        "json": False,
    }


def test_defaults_and_flags():
    r = _run("byd", "--replace", "--json", "--out", "r.html", "--paths", " 12 ")
    got = json.loads(r.output)
    assert got["files"] is None and got["tag"] is None and got["year"] is None and got["target"] is None
    assert got["replace"] is True and got["json"] is True and got["paths"] == 12
    assert got["out"] == "PosixPath:r.html"
    assert json.loads(_run("byd", "--no-replace").output)["replace"] is False


@pytest.mark.parametrize(
    "args,words",
    [
        (["--year", "abc"], "'--year': 'abc' is not a valid integer"),
        (["--year", "2025.5"], "'--year': '2025.5' is not a valid integer"),
        (["--target", "lots"], "'--target': 'lots' is not a valid number"),
    ],
)
def test_a_bad_value_is_a_usage_error_naming_the_option(args, words):
    r = _run("xiaomi", *args)
    assert r.exit_code == 2
    assert words in " ".join(r.output.replace("│", " ").split())


def test_the_commands_do_not_keep_typers_validators():
    """Each plain parameter carries the shell's converter (on a Typer that builds validators)."""
    from evlens.cli._shell import _PlainValue

    group = typer.main.get_group(_app())
    ctx = group.make_context("t", ["show", "--help"], resilient_parsing=True)
    params = group.commands["show"].get_params(ctx)
    runtimes = [getattr(p, "_runtime_param", None) for p in params]
    if all(r is None for r in runtimes) and not hasattr(params[0], "type_descriptor"):
        pytest.skip("this Typer builds no validators")
    assert all(isinstance(r, _PlainValue) for r in runtimes), runtimes

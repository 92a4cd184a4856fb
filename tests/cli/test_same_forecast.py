"""The command line, the report and the dashboard give the same forecast for the same
question: one default for paths and seed (evlens.defaults), the same function behind."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from evlens.cli import build_app
from evlens.defaults import DEFAULT_PATHS, DEFAULT_SEED


def test_cli_and_report_forecast_agree_with_their_defaults(demo_db_path, demo_store):
    from evlens.views.company import ReportOptions, run_forecast

    res = CliRunner().invoke(
        build_app(),
        [
            "--db",
            str(demo_db_path),
            "forecast",
            "xiaomi",
            "--year",
            "2025",
            "--scenario",
            "xiaomi-2025",
            "--as-of",
            "2025-06-30",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    cli = json.loads(res.stdout)
    assert (cli["paths"], cli["seed"]) == (DEFAULT_PATHS, DEFAULT_SEED)
    rep = run_forecast(demo_store, "xiaomi", 2025, ReportOptions(as_of=date(2025, 6, 30), calibration=False))
    assert (rep["paths"], rep["seed"]) == (DEFAULT_PATHS, DEFAULT_SEED)
    assert rep["p_hit"] == cli["p_hit"] and rep["p50"] == cli["p50"]


def test_facts_of_a_maker_include_those_stored_on_its_models(demo_db_path):
    # The demo stores most of Xiaomi's monthly deliveries on its models (xiaomi-su7,
    # xiaomi-su7-yu7); `facts xiaomi deliveries` shows them, `--own` only the maker's own.
    run = CliRunner().invoke
    both = json.loads(
        run(build_app(), ["--db", str(demo_db_path), "facts", "xiaomi", "deliveries", "--json"]).stdout
    )
    own = json.loads(
        run(
            build_app(), ["--db", str(demo_db_path), "facts", "xiaomi", "deliveries", "--own", "--json"]
        ).stdout
    )
    entities = {c["entity"] for c in both["series"]}
    assert {"xiaomi", "xiaomi-su7", "xiaomi-su7-yu7"} <= entities
    assert {c["entity"] for c in own["series"]} == {"xiaomi"}
    assert len(both["series"]) > 10 * len(own["series"]) > 0

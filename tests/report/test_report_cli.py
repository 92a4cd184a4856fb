"""`evlens report` and `evlens demo` through the command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from evlens.cli import build_app, main


@pytest.fixture(scope="module")
def run(demo_db_path):
    runner, app = CliRunner(), build_app()

    def invoke(*args):
        res = runner.invoke(app, ["--db", str(demo_db_path), *args])
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            raise res.exception
        assert res.exit_code == 0, res.output
        return res.stdout

    return invoke


def test_report_writes_file_and_prints_headline(run, tmp_path):
    out = tmp_path / "report.html"
    data = json.loads(run("report", "xiaomi", "--out", str(out), "--paths", "500", "--json"))
    assert data["out"] == str(out) and out.stat().st_size > 1_000_000  # the chart library is inside
    assert data["headline"]["milestone"]["first_date"] == "2025-02-06"
    text = run("report", "1810.HK", "--out", str(tmp_path / "zh.html"), "--lang", "zh", "--paths", "500")
    assert "首次突破 1.00 万亿港元" in text and "zh.html" in text


def test_report_bad_language_exits_2(demo_db_path, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(
            ["--db", str(demo_db_path), "report", "xiaomi", "--lang", "fr", "--out", str(tmp_path / "x.html")]
        )
    assert exc.value.code == 2
    assert "language" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_demo_ends_with_the_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(build_app(), ["--db", str(tmp_path / "d.duckdb"), "demo"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "evlens-report.html").is_file()
    assert "evlens-report.html" in res.stdout and "evlens serve" in res.stdout

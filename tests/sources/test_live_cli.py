"""``evlens update`` as a user meets it: without the extra, without the network, and --help."""

from __future__ import annotations

import shutil

import pytest
from live_replay import DeadTransport

import evlens
from evlens.cli import main
from evlens.sources import live


def _run(capsys, *args):
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out = capsys.readouterr()
    return e.value.code, out.out, out.err


def _error_lines(err):
    return [x for x in err.splitlines() if x.strip()]


def test_without_the_live_extra_one_line_names_the_install_command(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(live, "missing_packages", lambda: ["akshare"])
    code, _out, err = _run(capsys, "--db", str(tmp_path / "x.duckdb"), "update", "1810.HK")
    lines = _error_lines(err)
    assert code == 2 and len(lines) == 1
    assert "pip install 'evlens[live]'" in lines[0] and "akshare" in lines[0]


def test_without_network_one_line_and_the_store_is_unchanged(_empty_db, tmp_path, capsys, monkeypatch):
    import evlens.sources.live.yahoo as yahoo

    path = tmp_path / "x.duckdb"
    shutil.copy(_empty_db, path)
    with evlens.open(path) as s:
        before = s.counts()
    monkeypatch.setattr(live, "missing_packages", lambda: [])
    monkeypatch.setattr(yahoo, "YFinanceTransport", DeadTransport)  # a machine whose DNS answers nothing
    code, out, err = _run(capsys, "--db", str(path), "update", "01810", "HSTECH")
    lines = _error_lines(err)
    assert code != 0 and len(lines) == 1, err
    assert "no network" in lines[0] and "query2.finance.yahoo.com" in lines[0]
    assert out == ""
    with evlens.open(path, read_only=True) as s:
        assert s.counts() == before


def test_update_help_lists_the_arguments(capsys):
    try:
        main(["update", "--help"])
    except SystemExit as e:
        assert e.code in (0, None)
    out = capsys.readouterr().out
    assert "ENTITY|TICKER" in out and "--json" in out

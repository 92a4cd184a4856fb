"""The event study on the bundled demo database (the issue's done-when checks)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from evlens.cli import main
from evlens.errors import InputError
from evlens.events import study


def _cli_json(capsys, db, *args) -> dict:
    main(["--db", str(db), "events", *args, "--json"])
    return json.loads(capsys.readouterr().out)


def test_su7_launch_after_the_close(capsys, demo_db_path):
    out = _cli_json(
        capsys,
        demo_db_path,
        "1810.HK",
        "--event",
        "2024-03-28T19:00=SU7-launch",
        "--benchmark",
        "HSI",
        "--model",
        "market",
        "--window",
        "0,1",
    )
    (ev,) = out["events"]
    # the launch was at 19:00 HKT, after the 16:00 close; 03-29 and 04-01 were holidays
    assert ev["day0"] == "2024-04-02"
    assert ev["label"] == "SU7-launch"
    assert ev["ar"]["0"] > 0
    assert set(ev) >= {"event_date", "day0", "ar", "car", "car_t", "bhar"}
    assert [r["day"] for r in out["tests"]["daily"]] == [0, 1]
    assert out["tests"]["window"]["day"] is None


def test_same_event_without_a_time(capsys, demo_db_path):
    out = _cli_json(
        capsys,
        demo_db_path,
        "1810.HK",
        "--event",
        "2024-03-28=SU7-launch",
        "--benchmark",
        "HSI",
        "--window",
        "0,1",
    )
    assert out["events"][0]["day0"] == "2024-03-28"


def test_market_adjusted_ar_from_the_closes(demo_store):
    """Hand check: day-0 AR = stock return minus index return, both from 03-28 to 04-02
    (no session in between on XHKG)."""
    r = study.events(
        demo_store,
        ["1810.HK"],
        benchmark="HSI",
        model="market-adjusted",
        window=(0, 0),
        event=["2024-03-28T19:00"],
    )
    px = demo_store.prices("1810.HK")["close"]
    ix = demo_store.prices("HSI")["close"]
    expected = (px["2024-04-02"] / px["2024-03-28"] - 1) - (ix["2024-04-02"] / ix["2024-03-28"] - 1)
    assert r.events[0].ar[0] == pytest.approx(expected, rel=1e-12)


def test_suspect_close_is_treated_as_missing(demo_store):
    # 2024-01-15 is a zero-volume flat row for 1810.HK: its return and the next one are missing
    px = demo_store.prices("1810.HK")
    assert bool(px.loc["2024-01-15", "suspect"])
    r = study.events(demo_store, ["1810.HK"], benchmark="HSI", window=(0, 1), event=["2024-01-15"])
    e = r.events[0]
    assert e.ar[0] is not None and pd.isna(e.ar[0]) and pd.isna(e.ar[1])
    assert e.car is None or pd.isna(e.car)
    assert any("suspect" in n for n in r.notes)


def test_from_facts_has_every_monthly_xiaomi_delivery_release(demo_store):
    r = study.events(demo_store, ["1810.HK"], benchmark="HSI", from_facts="deliveries")
    facts = demo_store.facts(entity=["xiaomi", "xiaomi-su7", "xiaomi-su7-yu7"], metric="deliveries")
    monthly = facts[facts["period"].str.fullmatch(r"\d{4}-\d{2}") & facts["published"].notna()]
    assert len(monthly) >= 15
    released = {pd.Timestamp(d).date().isoformat() for d in monthly["published"]}
    event_dates = [e.event_date for e in r.events]
    for d in released:
        assert event_dates.count(d) == 1, d  # one event per publication date
    assert all(e.ticker == "1810.HK" for e in r.events)
    # labelled with the figure, e.g. "xiaomi-su7 deliveries 2024-04 7,058"
    april = next(e for e in r.events if e.event_date == "2024-05-01")
    assert "2024-04" in april.label and "7,058" in april.label
    # 2024-05-01 is Labour Day in Hong Kong: day 0 is the next session
    assert april.day0.isoformat() == "2024-05-02"


def test_events_for_two_tickers_are_separate(demo_store):
    r = study.events(
        demo_store,
        ["1810.HK", "TSLA"],
        benchmark="HSI",
        model="constant-mean",
        event=["2024-03-28T19:00=launch"],
    )
    assert sorted(e.key for e in r.events) == ["1810.HK@2024-03-28T19:00", "TSLA@2024-03-28T19:00"]
    tsla = next(e for e in r.events if e.ticker == "TSLA")
    assert tsla.day0.isoformat() == "2024-04-01"  # 19:00 New York time is after the NYSE close


def test_missing_benchmark_is_a_clear_error(demo_store):
    with pytest.raises(InputError, match="--benchmark"):
        study.events(demo_store, ["1810.HK"], event=["2024-03-28"])


def test_cli_error_exit_status(capsys, demo_db_path):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(demo_db_path), "events", "1810.HK", "--event", "2024-03-28", "--window", "1"])
    assert exc.value.code == 2
    assert "--window" in capsys.readouterr().err


def test_cli_text_output(capsys, demo_db_path):
    main(
        [
            "--db",
            str(demo_db_path),
            "events",
            "1810.HK",
            "--event",
            "2024-03-28T19:00=SU7-launch",
            "--benchmark",
            "HSI",
            "--window",
            "-1,1",
        ]
    )
    out = capsys.readouterr().out
    assert "2024-04-02" in out and "window" in out

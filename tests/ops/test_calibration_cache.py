"""Back-test forecasts kept between runs: the same scores as computing them afresh, and a
new fact invalidates exactly the forecasts made on or after the day it became known."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from evlens.ops.backtest import calibration_scores
from evlens.reconcile import entity_infos
from evlens.store.cache import FileCache, cache_beside

DAY = date(2024, 6, 30)  # calibrated on the 2023 back-test points: few, so the test is quick


@pytest.fixture(scope="module")
def data(demo_store):
    return demo_store.facts(), entity_infos(demo_store.entities())


@pytest.fixture(scope="module")
def base(data):
    facts, ents = data
    cache: dict = {}
    return cache, calibration_scores(facts, ents, DAY, cache=cache)


def _poison(cache: dict) -> dict:
    """Every kept forecast with its median of the months left doubled (outcomes kept)."""
    return {
        k: (v if v is None or k.startswith("outcome|") else [v[0], v[1] * 2.0, v[2]])
        for k, v in cache.items()
    }


def _forecasts(cache: dict) -> set[str]:
    return {k for k in cache if not k.startswith("outcome|")}


def test_cached_scores_equal_fresh_ones_and_the_cache_is_really_read(data, base):
    facts, ents = data
    cache, fresh = base
    assert len(fresh) >= 10 and len(cache) >= len(fresh)
    assert calibration_scores(facts, ents, DAY, cache=dict(cache)) == fresh
    # poison every entry: the scores now follow the cache, so that is what they were read from
    assert calibration_scores(facts, ents, DAY, cache=_poison(cache)) != fresh


def test_a_new_fact_invalidates_the_points_made_once_it_was_known(data, base):
    facts, ents = data
    cache, _ = base
    # a figure known from 2023-06-20 (about the market aggregate, which is no back-test
    # series of its own): every point from that day on is recomputed, none before it
    extra = pd.DataFrame(
        [
            {
                "id": "late-figure",
                "entity": "china-bev-other",
                "metric": "retail_sales",
                "period": "2023-05",
                "value": 123456,
                "unit": "vehicle",
                "bound": "eq",
                "cumulative": False,
                "published": date(2023, 6, 20),
                "published_basis": "stated",
                "method": "import:kpis",
                "confidence": 1.0,
            }
        ]
    )
    probe = dict(cache)
    calibration_scores(pd.concat([facts, extra], ignore_index=True), ents, DAY, cache=probe)
    before = _forecasts(cache)
    new = _forecasts(probe) - before
    reused = {k for k in before if k.split("|")[3] < "2023-06-20"}
    assert new and all(k.split("|")[3] >= "2023-06-20" for k in new)
    assert reused and {k.rsplit("|", 1)[0] for k in new}.isdisjoint({k.rsplit("|", 1)[0] for k in reused})
    assert len(new) == len(before) - len(reused)
    # the outcomes as known on the as-of date are kept under that day's digest: all new
    assert {k for k in probe if k.startswith("outcome|")} - {k for k in cache if k.startswith("outcome|")}


def test_the_file_cache_survives_a_restart_and_ignores_a_broken_file(tmp_path):
    db = tmp_path / "ev.duckdb"
    c = cache_beside(db)
    assert c is not None and len(c) == 0
    c["a|b"] = [1.0, 2.0, 3]
    c.save()
    assert dict(cache_beside(db)) == {"a|b": [1.0, 2.0, 3]}
    c.path.write_text("{not json", encoding="utf-8")
    assert len(cache_beside(db)) == 0
    assert cache_beside(":memory:") is None
    assert len(FileCache(tmp_path / "missing.json")) == 0


def test_the_calibration_curve_by_hand():
    import numpy as np

    from evlens.ops.backtest import _row, calibration_curve

    # draws 1..100 (numpy quantiles interpolate: the central 50 % band is [25.75, 75.25],
    # the 90 % band [5.95, 95.05]); outcomes 50 (inside both), 80 (inside 90 % only) and
    # 99 (inside neither)
    class P:  # the few fields _row reads
        entity, metric, year, as_of = "x", "deliveries", 2025, __import__("datetime").date(2025, 6, 30)

        def __init__(self, y):
            self.outcome = type("O", (), {"value": y, "bounded": False})()
            self.forecasts = {"model": type("F", (), {"h": 6, "p50": 50.0})()}

    draws = np.arange(1.0, 101.0)
    rows = [_row(P(y), "model", draws) for y in (50.0, 80.0, 99.0)] + [{"inside_levels": None}]
    got = {c["stated"]: c["observed"] for c in calibration_curve(rows, (0.5, 0.9))}
    assert got == {0.5: round(1 / 3, 4), 0.9: round(2 / 3, 4)}
    assert calibration_curve([{"inside_levels": None}]) == []

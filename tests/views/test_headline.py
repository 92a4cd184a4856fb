"""The headline tells one story per year: a finished year shows its outcome and the
back-test made at mid-year, labelled so; the current year its deliveries to date and the
live forecast with its as-of day. The inputs are written by hand, so each expected line
is computed here from them."""

from __future__ import annotations

from evlens.views.headline import headline_items


def _data(*, finished: bool, through: str, low: float, high: float | None, forecast: dict) -> dict:
    return {
        "currency": "HKD",
        "headline": {
            "currency": "HKD",
            "forecast_year": 2025,
            "return_year": 2024,
            "today": "2026-12-02" if finished else "2025-08-15",
            "finished": finished,
            "deliveries": {
                "year": 2025,
                "through": through,
                "to_date": low,
                "low": low,
                "high": high,
                "pace": {"target": 350_000, "ratio": low / 350_000},
            },
            "forecast": forecast,
        },
        "outlook": {
            "history": [
                {"as_of": "2025-05-31", "p50": 380_000, "band90": [300_000, 450_000]},
                {"as_of": "2025-06-30", "p50": 400_000, "band90": [390_000, 415_000]},
                {"as_of": "2025-07-31", "p50": 420_000, "band90": [405_000, 440_000]},
            ]
        },
    }


def _items(data: dict, lang: str = "en") -> dict[str, dict]:
    return {i["figure"]: i for i in headline_items(data, lang)}


def test_a_finished_year_shows_its_outcome_and_the_mid_year_back_test():
    f = {"months_left": 0, "p5": 411_625, "p50": 411_625, "p95": 411_625, "as_of": "2026-12-02"}
    it = _items(_data(finished=True, through="2025-12", low=411_625, high=418_200, forecast=f))
    d, fc = it["deliveries"], it["forecast"]
    assert d["label"] == "Deliveries 2025"  # not "to date": the year is over
    assert d["value"] == "411.6k–418.2k"  # a December "over 50,000" leaves a range
    # 411,625 / 350,000 = 117.6 %; 418,200 / 350,000 = 119.5 %
    assert d["detail"] == "full year · target 350.0k · 117.6%–119.5%"
    # the forecast made at the end of June (not the latest one, not the finished year's own)
    assert fc["label"] == "Back-test: forecast of 2025 made on 2025-06-30 (p50)"
    assert fc["value"] == "400.0k"
    # its band 390,000-415,000 holds 411,625 but not 418,200: partly inside
    assert fc["detail"] == "p5–p95: 390.0k – 415.0k · outcome 411.6k–418.2k: partly inside the 90% band"


def test_an_exact_outcome_is_one_figure_and_inside_or_outside():
    f = {"months_left": 0, "p5": 0, "p50": 0, "p95": 0, "as_of": "2026-12-02"}
    inside = _items(_data(finished=True, through="2025-12", low=400_000, high=400_000, forecast=f))
    assert inside["deliveries"]["value"] == "400.0k"
    assert inside["forecast"]["detail"].endswith("outcome 400.0k: inside the 90% band")
    outside = _items(_data(finished=True, through="2025-12", low=420_000, high=420_000, forecast=f))
    assert outside["forecast"]["detail"].endswith("outcome 420.0k: outside the 90% band")
    zh = _items(_data(finished=True, through="2025-12", low=400_000, high=400_000, forecast=f), "zh")
    assert zh["deliveries"]["label"] == "2025 年交付" and zh["forecast"]["label"].startswith("回测：")


def test_the_current_year_shows_pace_to_date_and_the_live_forecast_with_its_day():
    f = {
        "months_left": 5,
        "p5": 300_000,
        "p50": 340_000,
        "p95": 380_000,
        "p_hit": 0.42,
        "target": 350_000,
        "as_of": "2025-08-15",
    }
    it = _items(_data(finished=False, through="2025-07", low=200_000, high=200_000, forecast=f))
    d, fc = it["deliveries"], it["forecast"]
    assert d["label"] == "Deliveries 2025 to date"
    assert d["value"] == "200.0k" and d["detail"] == "through 2025-07 · target 350.0k · 57.1%"
    # the chance of the same target the deliveries line names, and the day it was made
    assert fc["label"] == "P(target 350.0k), forecast as of 2025-08-15"
    assert fc["value"] == "42.0%" and fc["detail"] == "p5–p95: 300.0k – 380.0k"


def test_a_finished_year_without_a_back_test_shows_no_forecast():
    f = {"months_left": 0, "p5": 0, "p50": 0, "p95": 0, "as_of": "2026-12-02"}
    data = _data(finished=True, through="2025-12", low=400_000, high=400_000, forecast=f)
    data["outlook"]["history"] = []
    assert set(_items(data)) == {"deliveries"}

"""The charts' grammar of certainty, on hand-built inputs: each kind of monthly value has a
trace of its own, an estimate carries its interval, and a missing value is a gap."""

from __future__ import annotations

from evlens.views.figures import deliveries_figure, events_figure, localised, zh_number


def _month(month, value, basis, low=None, high=None):
    return {
        "month": month,
        "value": value,
        "basis": basis,
        "low": low if low is not None else value,
        "high": high if high is not None else value,
    }


def test_reported_derived_and_estimated_months_are_drawn_apart():
    data = {
        "deliveries": {
            "year": 2025,
            "months": [
                _month("2025-01", 100, "reported"),
                _month("2025-02", 120, "derived"),
                _month("2025-03", 150, "bounded", low=140, high=190),
            ],
        }
    }
    f = deliveries_figure(data, "en")
    by_name = {t.name: t for t in f.data}
    assert list(by_name["reported"].x) == ["2025-01"]
    assert list(by_name["derived"].x) == ["2025-02"]
    est = by_name["estimate (within bounds)"]
    assert list(est.x) == ["2025-03"] and est.marker.pattern.shape == "/"
    # the interval 140-190 around 150: +40 above, -10 below
    assert list(est.error_y.array) == [40] and list(est.error_y.arrayminus) == [10]
    assert by_name["reported"].error_y.array is None  # a reported month has no interval


def test_a_missing_abnormal_return_is_a_gap_not_zero():
    data = {
        "events": {
            "events": [
                {
                    "day0": "2025-04-01",
                    "included": True,
                    "ar": {"0": -0.05, "1": None},
                    "car": None,
                    "label": "a",
                },
                {
                    "day0": "2025-05-02",
                    "included": True,
                    "ar": {"0": 0.01, "1": 0.02},
                    "car": 0.03,
                    "label": "b",
                },
            ]
        }
    }
    f = events_figure(data, "en")
    day1 = next(t for t in f.data if t.name == "AR day +1 (%)")
    assert list(day1.y) == [None, 2.0]
    car = next(t for t in f.data if t.name == "CAR (%)")
    assert list(car.y) == [None, 3.0]


def test_chinese_axes_count_in_wan_and_yi():
    assert [zh_number(v) for v in (0, 25_000, 150_000, 8.48e11, 1.5e12)] == [
        "0",
        "2.5万",
        "15万",
        "8,480亿",
        "1.5万亿",
    ]
    data = {"deliveries": {"year": 2025, "months": [_month("2025-01", 48_000, "reported")]}}
    f = localised(deliveries_figure(data, "zh"), "zh")
    assert f.layout.xaxis.tickformat == "%Y年%-m月"
    assert all(not t.endswith(("k", "M")) for t in f.layout.yaxis.ticktext)
    assert "5万" in f.layout.yaxis.ticktext

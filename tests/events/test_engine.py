"""The engine against hand computations and independent numerical references."""

from __future__ import annotations

import math

import numpy as np
import pytest

from evlens.errors import InputError
from evlens.events import StudySpec, event_study, event_study_panel, gather
from evlens.events.engine import compute


def _tiny():
    """Two events, constant-mean model, 4 estimation days, window (0, 1)."""
    est = np.array([[0.01, -0.01, 0.02, 0.00], [0.00, 0.02, 0.02, 0.00]])
    evt = np.array([[0.03, -0.005], [0.00, 0.04]])
    spec = StudySpec(model="constant-mean", window=(0, 1), estimation=4, gap=0, min_estimation=3)
    return spec, est, evt


def test_tiny_panel_by_hand():
    spec, est, evt = _tiny()
    r = event_study(spec, est, None, evt, None, kolari_pynnonen=False)
    # means 0.005 and 0.01; sample variances (n - 1 = 3):
    s1 = (0.005**2 + 0.015**2 + 0.015**2 + 0.005**2) / 3  # 1.6667e-4
    s2 = (4 * 0.01**2) / 3  # 1.3333e-4
    e1, e2 = r.events
    assert e1.sigma == pytest.approx(math.sqrt(s1), rel=1e-12)
    assert e2.sigma == pytest.approx(math.sqrt(s2), rel=1e-12)
    assert e1.ar == pytest.approx({0: 0.025, 1: -0.01}, rel=1e-12)
    assert e2.ar == pytest.approx({0: -0.01, 1: 0.03}, rel=1e-12)
    # CAR and its t with Var(CAR) = s^2 (k + k^2 / n), k = 2 days, n = 4
    assert e1.car == pytest.approx(0.015, rel=1e-12)
    assert e1.car_t == pytest.approx(0.015 / math.sqrt(s1 * (2 + 4 / 4)), rel=1e-12)
    # BHAR = (1.03)(0.995) - 1.005^2
    assert e1.bhar == pytest.approx(1.03 * 0.995 - 1.005**2, rel=1e-12)
    day0 = r.daily[0]
    assert day0.mean == pytest.approx(0.0075, rel=1e-12)
    # Brown-Warner 1980: AAR / (sqrt(s1 + s2) / N)
    assert day0.stats["brown_warner_1980"] == pytest.approx(0.0075 / (math.sqrt(s1 + s2) / 2), rel=1e-12)
    # cross-sectional t: sd of (0.025, -0.01) is 0.035 / sqrt(2)
    assert day0.stats["t_test"] == pytest.approx(0.0075 / ((0.035 / math.sqrt(2)) / math.sqrt(2)), rel=1e-12)
    # Patell: SAR = AR / sqrt(s^2 (1 + 1/n)); df = n - 1 = 3, so each SAR has variance 3
    sar1 = 0.025 / math.sqrt(s1 * 1.25)
    sar2 = -0.01 / math.sqrt(s2 * 1.25)
    assert day0.stats["patell"] == pytest.approx((sar1 + sar2) / math.sqrt(3 + 3), rel=1e-12)
    # one positive of two: sign statistic 0
    assert day0.stats["sign"] == pytest.approx(0.0, abs=1e-15)
    # window: CAAR over the two events, CARs 0.015 and 0.02
    assert r.window.mean == pytest.approx(0.0175, rel=1e-12)
    assert r.window.n == 2


def test_variance_comes_from_the_estimation_window_only():
    rng = np.random.default_rng(7)
    n, L, W = 30, 120, 5
    x = rng.normal(0, 0.01, (n, L + W))
    y = 0.0002 + 1.3 * x + rng.normal(0, 0.015, (n, L + W))
    spec = StudySpec(model="market", window=(0, W - 1), estimation=L, gap=0)
    base = compute(spec, y[:, :L], x[:, :L], y[:, L:], x[:, L:])
    shocked_evt = y[:, L:] * 25.0 + 0.3  # wild event-window returns
    shocked = compute(spec, y[:, :L], x[:, :L], shocked_evt, x[:, L:])
    np.testing.assert_array_equal(base.fit.sigma2, shocked.fit.sigma2)
    np.testing.assert_array_equal(base.fit.alpha, shocked.fit.alpha)
    np.testing.assert_array_equal(base.fit.beta, shocked.fit.beta)
    # the standardisation keeps its denominators: SAR ratio = AR ratio day by day
    ratio_ar = shocked.ar / base.ar
    ratio_sar = shocked.sar / base.sar
    np.testing.assert_allclose(ratio_sar, ratio_ar, rtol=1e-12)
    # and changing the estimation window does change the variance
    moved = compute(spec, y[:, :L] * 2.0, x[:, :L], y[:, L:], x[:, L:])
    assert not np.allclose(moved.fit.sigma2, base.fit.sigma2)


def test_market_model_against_polyfit_and_mackinlay_car_variance():
    rng = np.random.default_rng(3)
    L, W = 60, 3
    x = rng.normal(0, 0.01, (1, L + W))
    y = 0.001 + 0.8 * x + rng.normal(0, 0.02, (1, L + W))
    y[0, 5] = np.nan  # a missing day drops out of the fit
    spec = StudySpec(model="market", window=(-1, 1), estimation=L, gap=0, ddof=2)
    arr = compute(spec, y[:, :L], x[:, :L], y[:, L:], x[:, L:])
    ok = np.isfinite(y[0, :L])
    beta, alpha = np.polyfit(x[0, :L][ok], y[0, :L][ok], 1)
    assert arr.fit.beta[0] == pytest.approx(beta, rel=1e-10)
    assert arr.fit.alpha[0] == pytest.approx(alpha, rel=1e-9)
    resid = y[0, :L][ok] - alpha - beta * x[0, :L][ok]
    s2 = resid @ resid / (ok.sum() - 2)
    assert arr.fit.sigma2[0] == pytest.approx(s2, rel=1e-10)
    # MacKinlay (1997) eq. 10: V = s^2 (I + X* (X'X)^-1 X*'), Var(CAR) = 1' V 1
    X = np.column_stack([np.ones(ok.sum()), x[0, :L][ok]])
    Xs = np.column_stack([np.ones(W), x[0, L:]])
    V = s2 * (np.eye(W) + Xs @ np.linalg.inv(X.T @ X) @ Xs.T)
    car = (y[0, L:] - alpha - beta * x[0, L:]).sum()
    assert arr.car[0] == pytest.approx(car, rel=1e-9)
    assert arr.car_t[0] == pytest.approx(car / math.sqrt(V.sum()), rel=1e-9)


def test_market_adjusted_and_log_bhar():
    est_y = np.array([[0.01, 0.02, -0.01, 0.0, 0.01]])
    est_x = np.array([[0.0, 0.01, -0.02, 0.01, 0.0]])
    evt_y = np.array([[0.05, -0.02]])
    evt_x = np.array([[0.01, 0.01]])
    spec = StudySpec(
        model="market-adjusted", window=(0, 1), estimation=5, gap=0, min_estimation=3, log_returns=True
    )
    arr = compute(spec, est_y, est_x, evt_y, evt_x)
    np.testing.assert_allclose(arr.ar[0], [0.04, -0.03], rtol=1e-12)
    # log returns: BHAR = exp(sum r) - exp(sum m)
    assert arr.bhar[0] == pytest.approx(math.exp(0.03) - math.exp(0.02), rel=1e-12)
    e = est_y[0] - est_x[0]
    assert arr.fit.sigma2[0] == pytest.approx(np.var(e, ddof=1), rel=1e-12)


def test_events_of_one_firm_are_keyed_not_pooled():
    # one firm, two events 30 sessions apart on a common panel: two rows, N = 2
    rng = np.random.default_rng(11)
    T = 400
    m = rng.normal(0, 0.01, (T, 1))
    f = 1.1 * m + rng.normal(0, 0.01, (T, 1))
    spec = StudySpec(window=(-1, 1), estimation=200, gap=5)
    r = event_study_panel(spec, f, m, rows=np.array([300, 330]), cols=np.array([0, 0]))
    assert len(r.events) == 2
    assert r.daily[0].n == 2 and r.window.n == 2
    assert r.events[0].ar != r.events[1].ar
    # event windows 30 days apart share no day: no correlation counted between them
    assert r.cross_correlation == 0.0 and r.cross_correlation_window == 0.0
    # the same event entered twice is perfectly correlated with itself
    twice = event_study_panel(spec, f, m, rows=np.array([300, 300]), cols=np.array([0, 0]))
    assert twice.cross_correlation == pytest.approx(1.0)


def test_short_estimation_window_excludes_the_event():
    rng = np.random.default_rng(5)
    f = rng.normal(0, 0.01, (100, 1))
    m = rng.normal(0, 0.01, (100, 1))
    spec = StudySpec(window=(0, 0), estimation=50, gap=0)
    r = event_study_panel(spec, f, m, rows=np.array([20, 80]), cols=np.array([0, 0]))
    early, late = r.events
    assert not early.included and "20 valid estimation days" in early.note
    assert late.included
    assert r.daily[0].n == 1


def test_gather_marks_outside_rows_missing():
    v = np.arange(10.0).reshape(5, 2)
    out = gather(v, np.array([0, 4]), np.array([1, 0]), np.array([-1, 0, 1]))
    np.testing.assert_array_equal(np.isnan(out), [[True, False, False], [False, False, True]])
    assert out[0, 1] == 1.0 and out[1, 0] == 6.0


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"model": "fama-french"}, "model"),
        ({"window": (2, 1)}, "window"),
        ({"estimation": 2}, "estimation"),
        ({"gap": -1}, "gap"),
        ({"estimation": 10, "min_estimation": 11}, "min_estimation"),
    ],
)
def test_bad_spec_names_the_field(kw, field):
    with pytest.raises(InputError) as exc:
        StudySpec(**kw)
    assert exc.value.field == field


def test_estimation_window_position():
    spec = StudySpec(window=(-1, 1), estimation=250, gap=10)
    assert spec.estimation_days == (-261, -12)
    assert spec.event_days == (-1, 0, 1)


def test_result_is_json_ready_and_summarises():
    import json

    spec, est, evt = _tiny()
    r = event_study(spec, est, None, evt, None)
    d = r.to_dict()
    json.dumps(d, allow_nan=False)
    assert d["events"][0]["ar"] == {"0": pytest.approx(0.025), "1": pytest.approx(-0.01)}
    assert [row["day"] for row in d["tests"]["daily"]] == [0, 1]
    assert "window" in r.summary()


def test_cross_sectional_t_and_bmp_against_scipy():
    from scipy import stats

    from evlens.events import statistics as st

    rng = np.random.default_rng(21)
    a = rng.normal(0.002, 0.02, (40, 3))
    a[[3, 17], 1] = np.nan
    stat, p = st.t_test(a)
    ref = stats.ttest_1samp(a, 0.0, axis=0, nan_policy="omit")
    np.testing.assert_allclose(stat, ref.statistic, rtol=1e-12)
    np.testing.assert_allclose(p, ref.pvalue, rtol=1e-9)
    sar = a / rng.uniform(0.01, 0.03, (40, 1))
    np.testing.assert_allclose(
        st.bmp(sar)[0], stats.ttest_1samp(sar, 0.0, axis=0, nan_policy="omit").statistic, rtol=1e-12
    )


def test_sign_test_matches_the_binomial_normal_approximation():
    from scipy import stats

    from evlens.events import statistics as st

    a = np.array([[0.01], [0.02], [-0.01], [0.03], [0.005], [-0.02], [0.01]])  # 5 of 7 positive
    z, p = st.sign_test(a)
    assert z[0] == pytest.approx((5 - 3.5) / math.sqrt(7 * 0.25), rel=1e-12)
    assert p[0] == pytest.approx(2 * stats.norm.sf(abs(z[0])), rel=1e-12)
    zg, _ = st.generalized_sign(a, 0.4)
    assert zg[0] == pytest.approx((5 - 7 * 0.4) / math.sqrt(7 * 0.4 * 0.6), rel=1e-12)


def test_rank_quirk_only_matters_with_missing_returns():
    from evlens.events import statistics as st

    rng = np.random.default_rng(8)
    est, evt = rng.normal(size=(6, 50)), rng.normal(size=(6, 3))
    for test in (st.corrado_rank, st.modified_rank):
        (d1, _), (_w1, _) = test(est, evt, compat=False)
        (d2, _), (_w2, _) = test(est, evt, compat=True)
        np.testing.assert_allclose(d1, d2, rtol=1e-12)
        est_m = est.copy()
        est_m[0, :20] = np.nan
        (d3, _), _ = test(est_m, evt, compat=False)
        (d4, _), _ = test(est_m, evt, compat=True)
        assert not np.allclose(d3, d4)

"""Each metric against a hand computation written out here, and against empyrical where
its definition is the same. Where the two conventions differ (CAGR), the test says which
one evlens uses and why."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from evlens.errors import InputError
from evlens.market import metrics as m

empyrical = pytest.importorskip("empyrical")


def series(values, start="2024-01-01", freq="B"):
    return pd.Series(values, index=pd.date_range(start, periods=len(values), freq=freq), dtype="float64")


@pytest.fixture(scope="module")
def random_paths():
    rng = np.random.default_rng(20240206)
    r = rng.normal(0.0008, 0.02, 500)
    b = 0.6 * r + rng.normal(0.0002, 0.012, 500)
    idx = pd.bdate_range("2022-01-03", periods=501)
    closes = pd.Series(100 * np.cumprod(np.r_[1.0, 1 + r]), index=idx)
    bench = pd.Series(5000 * np.cumprod(np.r_[1.0, 1 + b]), index=idx)
    return closes, bench


# ----------------------------------------------------------------------- returns


def test_simple_and_log_returns_by_hand():
    closes = series([100.0, 110.0, 99.0, 108.9])
    r = m.simple_returns(closes)
    assert list(r.round(12)) == [0.10, -0.10, 0.10]
    assert r.index[0] == closes.index[1]  # labelled by the later date of each pair
    lr = m.log_returns(closes)
    assert lr.iloc[0] == pytest.approx(math.log(1.1))
    assert lr.iloc[1] == pytest.approx(math.log(0.9))
    # log returns add up to the log of the whole move: ln(108.9 / 100)
    assert lr.sum() == pytest.approx(math.log(1.089))


def test_simple_returns_match_empyrical(random_paths):
    closes, _ = random_paths
    ours = m.simple_returns(closes)
    theirs = empyrical.simple_returns(closes)
    np.testing.assert_allclose(ours.to_numpy(), theirs.to_numpy(), rtol=1e-12)
    assert m.cumulative_return(ours) == pytest.approx(empyrical.cum_returns_final(theirs), rel=1e-10)
    # compounding the returns gives back the move between the closes
    assert m.cumulative_return(ours) == pytest.approx(closes.iloc[-1] / closes.iloc[0] - 1, rel=1e-10)


def test_rebased_index_matches_empyrical_cum_returns(random_paths):
    closes, _ = random_paths
    ours = m.rebased(closes)
    # empyrical compounds the same returns from a starting value of 100
    theirs = empyrical.cum_returns(empyrical.simple_returns(closes), starting_value=100)
    assert ours.iloc[0] == 100.0 and ours.index[0] == closes.index[0]
    np.testing.assert_allclose(ours.iloc[1:].to_numpy(), theirs.to_numpy(), rtol=1e-10)
    # by hand: the index is the close over the first close, times 100
    np.testing.assert_allclose(ours.to_numpy(), 100 * closes.to_numpy() / closes.iloc[0], rtol=1e-10)
    assert m.rebased(closes.iloc[:1]).empty


def test_period_return_uses_last_close_before_and_last_close_in_window():
    closes = pd.Series(
        [10.0, 11.0, 12.0, 20.0, 22.0, 30.0],
        index=pd.to_datetime(
            ["2023-12-28", "2023-12-29", "2024-01-02", "2024-12-30", "2024-12-31", "2025-01-02"]
        ),
    )
    pr = m.period_return(closes, date(2024, 1, 1), date(2024, 12, 31))
    # base 11.0 (2023-12-29), end 22.0 (2024-12-31): 22 / 11 - 1 = 100 %
    assert (pr.start, pr.end, pr.start_close, pr.end_close) == (
        date(2023, 12, 29),
        date(2024, 12, 31),
        11.0,
        22.0,
    )
    assert pr.pct == pytest.approx(100.0)
    # a window ending on a holiday takes the last close before it: 2024-12-30 -> 20 / 11 - 1
    pr2 = m.period_return(closes, date(2024, 1, 1), date(2024, 12, 30))
    assert pr2.value == pytest.approx(20 / 11 - 1)
    with pytest.raises(InputError, match="no close before"):
        m.period_return(closes, date(2023, 1, 1), date(2023, 12, 31))


def test_total_and_excess_return_by_hand():
    assert m.total_return(16.36, 34.65) == pytest.approx(34.65 / 16.36 - 1)
    # +122.1 % against +17.7 % is 104.4 percentage points, not (2.221 / 1.177 - 1)
    assert m.excess_return(1.221, 0.177) == pytest.approx(1.044)
    with pytest.raises(InputError):
        m.total_return(0.0, 1.0)


def test_rank_competition_style():
    ranks = m.rank({"a": 5.0, "b": 7.0, "c": 5.0, "d": None, "e": 1.0})
    assert ranks == {"b": 1, "a": 2, "c": 2, "e": 4, "d": None}
    assert m.rank({"a": 5.0, "b": 7.0}, descending=False) == {"a": 1, "b": 2}


# ----------------------------------------------------------------------- risk


def test_annual_volatility_by_hand():
    r = series([0.01, -0.02, 0.03])
    mean = (0.01 - 0.02 + 0.03) / 3
    sample_var = ((0.01 - mean) ** 2 + (-0.02 - mean) ** 2 + (0.03 - mean) ** 2) / (3 - 1)  # ddof = 1
    assert m.annual_volatility(r) == pytest.approx(math.sqrt(sample_var) * math.sqrt(252))
    assert m.annual_volatility(r) == pytest.approx(0.39950, abs=5e-5)


def test_annual_volatility_matches_empyrical(random_paths):
    r = m.simple_returns(random_paths[0])
    assert m.annual_volatility(r) == pytest.approx(empyrical.annual_volatility(r), rel=1e-10)


def test_sharpe_by_hand_with_per_period_risk_free():
    r = series([0.01, -0.02, 0.03])
    sd = math.sqrt(((0.01 - 0.02 / 3) ** 2 + (-0.02 - 0.02 / 3) ** 2 + (0.03 - 0.02 / 3) ** 2) / 2)
    assert m.sharpe_ratio(r) == pytest.approx((0.02 / 3) / sd * math.sqrt(252))
    # a constant per-period rf shifts the mean only
    assert m.sharpe_ratio(r, risk_free=0.001) == pytest.approx((0.02 / 3 - 0.001) / sd * math.sqrt(252))
    assert math.isnan(m.sharpe_ratio(series([0.01, 0.01, 0.01])))


def test_sharpe_matches_empyrical(random_paths):
    r = m.simple_returns(random_paths[0])
    rf = m.per_period_rate(0.04)
    assert m.sharpe_ratio(r) == pytest.approx(empyrical.sharpe_ratio(r), rel=1e-10)
    assert m.sharpe_ratio(r, risk_free=rf) == pytest.approx(
        empyrical.sharpe_ratio(r, risk_free=rf), rel=1e-10
    )


def test_per_period_rate_compounds_back_to_the_annual_rate():
    rf = m.per_period_rate(0.04)
    assert (1 + rf) ** 252 == pytest.approx(1.04)


def test_beta_and_correlation_by_hand():
    b = series([0.01, -0.01, 0.01, -0.01])
    r = series([0.02, 0.00, 0.01, -0.01])
    # mean(b) = 0, mean(r) = 0.005; cov = (0.01*0.015 + 0.01*0.005 + 0.01*0.005 + 0.01*0.015) / 3
    cov = (0.01 * 0.015 + 0.01 * 0.005 + 0.01 * 0.005 + 0.01 * 0.015) / 3
    var_b = 4 * 0.01**2 / 3
    var_r = (0.015**2 + 0.005**2 + 0.005**2 + 0.015**2) / 3
    assert m.beta(r, b) == pytest.approx(cov / var_b) == pytest.approx(1.0)
    assert m.correlation(r, b) == pytest.approx(cov / math.sqrt(var_b * var_r))
    assert m.correlation(r, b) == pytest.approx(4 / math.sqrt(20))
    # an exact linear relation: beta 2, correlation 1
    assert m.beta(2 * b + 0.001, b) == pytest.approx(2.0)
    assert m.correlation(2 * b + 0.001, b) == pytest.approx(1.0)


def test_beta_aligns_on_common_dates():
    b = series([0.01, -0.01, 0.01, -0.01, 0.05])
    r = series([0.02, 0.00, 0.01, -0.01])  # one date fewer
    r_extra = pd.concat([series([0.5], start="2023-12-01"), r])  # and one the benchmark lacks
    assert m.beta(r_extra, b) == pytest.approx(1.0)
    with pytest.raises(InputError, match="common"):
        m.beta(series([0.01], start="2020-01-01"), b)


def test_beta_and_correlation_match_empyrical_and_numpy(random_paths):
    closes, bench = random_paths
    r, b = m.simple_returns(closes), m.simple_returns(bench)
    assert m.beta(r, b) == pytest.approx(empyrical.beta(r, b), rel=1e-9)
    assert m.correlation(r, b) == pytest.approx(np.corrcoef(r.to_numpy(), b.to_numpy())[0, 1], rel=1e-12)


def test_cagr_counts_calendar_days():
    # 2020-01-01 .. 2024-01-01 is 1461 days = 4 × 365.25, so 100 -> 146.41 is exactly 10 % a year
    assert m.cagr(100.0, 146.41, date(2020, 1, 1), date(2024, 1, 1)) == pytest.approx(0.10)
    # half a year of calendar time: (1.1)^(365.25/182) - 1
    assert m.cagr(100, 110, date(2024, 1, 1), date(2024, 7, 1)) == pytest.approx(1.1 ** (365.25 / 182) - 1)


def test_cagr_convention_differs_from_session_count_libraries():
    """evlens: years = calendar days / 365.25. empyrical's annual_return (and QuantStats'
    cagr in its current releases) use years = number of returns / 252; older QuantStats
    releases used calendar days / 365. We count calendar days because a return "per year"
    should not depend on how many holidays an exchange had, and because series from two
    calendars (Hong Kong and New York) then annualise over the same span. The two agree
    only when a year has exactly 252 sessions."""
    idx = pd.bdate_range("2024-01-01", "2024-12-31")  # 262 weekdays, 365 days apart end to end
    closes = pd.Series(np.linspace(100, 200, len(idx)), index=idx)
    ours = m.cagr_from_closes(closes)
    days = (idx[-1] - idx[0]).days
    assert ours == pytest.approx(2.0 ** (365.25 / days) - 1)
    theirs = empyrical.annual_return(m.simple_returns(closes))
    assert theirs == pytest.approx(2.0 ** (252 / (len(idx) - 1)) - 1)
    assert abs(ours - theirs) > 0.03  # the difference is material, hence the stated choice
    # with exactly 252 returns spanning exactly 365.25 days the two conventions meet
    assert pytest.approx(2.0 ** (252 / 252) - 1) == 2.0 ** (365.25 / 365.25) - 1


def test_max_drawdown_with_dates_by_hand():
    closes = series([100.0, 120.0, 90.0, 95.0, 130.0, 125.0], freq="D")
    d = closes.index
    dd = m.max_drawdown(closes)
    # running high 120 on day 1, low 90 on day 2: 90 / 120 - 1 = -25 %; back above 120 on day 4
    assert dd.value == pytest.approx(-0.25)
    assert (dd.peak, dd.trough, dd.recovery) == (d[1].date(), d[2].date(), d[4].date())
    assert (dd.peak_close, dd.trough_close) == (120.0, 90.0)


def test_max_drawdown_unrecovered_and_flat():
    closes = series([100.0, 80.0, 90.0], freq="D")
    dd = m.max_drawdown(closes)
    assert dd.value == pytest.approx(-0.2) and dd.recovery is None and not dd.recovered
    flat = m.max_drawdown(series([1.0, 2.0, 3.0]))
    assert flat.value == 0.0 and flat.peak is None


def test_max_drawdown_peak_is_last_date_at_the_high():
    closes = series([100.0, 120.0, 120.0, 60.0, 120.0], freq="D")
    dd = m.max_drawdown(closes)
    assert dd.peak == closes.index[2].date() and dd.recovery == closes.index[4].date()
    assert dd.value == pytest.approx(-0.5)


def test_max_drawdown_matches_empyrical(random_paths):
    closes, _ = random_paths
    assert m.max_drawdown(closes).value == pytest.approx(
        empyrical.max_drawdown(m.simple_returns(closes)), rel=1e-10
    )


def test_too_short_series_raise_input_error():
    with pytest.raises(InputError, match="returns"):
        m.annual_volatility(series([0.01]))
    with pytest.raises(InputError):
        m.simple_returns(series([1.0, -1.0]))

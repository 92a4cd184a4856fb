"""Backlog and waits, checked against hand computations."""

from __future__ import annotations

import pytest

from evlens.errors import InputError
from evlens.facts import Fact
from evlens.ops import order_backlog

ENTS = [
    {"id": "acme", "kind": "company"},
    {"id": "acme-a", "kind": "model", "parent": "acme", "first_delivery": "2024-01"},
    {"id": "acme-b", "kind": "model", "parent": "acme", "first_delivery": "2024-06"},
]


def F(entity, period, value, bound="eq", metric="deliveries", cumulative=False):
    return Fact(
        entity=entity,
        metric=metric,
        period=period,
        value=value,
        unit="vehicles",
        bound=bound,
        cumulative=cumulative,
    )


# 3,000 a month in January..April 2024 (April has 30 days)
BASE = [F("acme-a", f"2024-{m:02d}", 3000) for m in range(1, 5)]


def test_backlog_and_both_waits_by_hand():
    facts = BASE + [F("acme-a", "2024-03-31", 20000, metric="orders", cumulative=True)]
    r = order_backlog(facts, "acme", entities=ENTS)
    (p,) = r.points
    # delivered by 31 March: 9,000; backlog 20,000 - 9,000 = 11,000
    assert p.deliveries == pytest.approx(9000) and p.backlog == pytest.approx(11000)
    # run-rate: mean of Jan..Mar = 3,000 a month -> 11,000 / 3,000 = 3.667 months
    assert p.run_rate == pytest.approx(3000) and p.wait_run_rate_months == pytest.approx(11000 / 3000)
    # FIFO: deliveries reach 12,000 at the end of April (30 days later); 20,000 lies
    # 8,000 beyond, extrapolated at 3,000 a month = 8,000 / (3,000 / 30.4375) days
    assert p.fifo_extrapolated
    assert p.fifo_wait_days == pytest.approx(30 + 8000 / (3000 / (365.25 / 12)))


def test_fifo_wait_within_the_known_months():
    facts = BASE + [F("acme-a", "2024-02-15", 7500, metric="locked_orders", cumulative=True)]
    (p,) = order_backlog(facts, "acme", entities=ENTS).points
    # delivered by 15 Feb: 3,000 + 3,000 x 15/29 = 4,551.7 (2024 is a leap year)
    assert p.deliveries == pytest.approx(3000 + 3000 * 15 / 29)
    # 7,500 is reached in March: 6,000 + 3,000 x k/31 = 7,500 -> k = 15.5 days into March;
    # from the end of 15 Feb that is 14 days of February + 15.5 = 29.5 days
    assert p.fifo_wait_days == pytest.approx(29.5)
    assert not p.fifo_extrapolated
    # run-rate from the one complete month before the date (January)
    assert p.run_rate_months == ("2024-01",)


def test_cancellation_assumption_is_applied_and_stated():
    facts = BASE + [F("acme-a", "2024-03-31", 20000, metric="orders", cumulative=True)]
    r = order_backlog(facts, "acme", entities=ENTS, cancel_share=0.1)
    (p,) = r.points
    # 10 % of 20,000 assumed cancelled: backlog 20,000 - 9,000 - 2,000 = 9,000
    assert p.cancellations == pytest.approx(2000) and p.backlog == pytest.approx(9000)
    assert "10.0%" in r.assumptions["cancellations"]
    with pytest.raises(InputError):
        order_backlog(facts, "acme", entities=ENTS, cancel_share=1.2)


def test_a_cancellation_fact_replaces_the_assumption():
    facts = BASE + [
        F("acme-a", "2024-03-31", 20000, metric="orders", cumulative=True),
        F("acme-a", "2024-03-31", 1500, metric="cancellations", cumulative=True),
    ]
    (p,) = order_backlog(facts, "acme", entities=ENTS, cancel_share=0.1).points
    assert p.cancellations == 1500 and p.backlog == pytest.approx(20000 - 9000 - 1500)
    assert p.cancellations_basis.startswith("fact")


def test_lower_bound_orders_give_a_lower_bound_backlog_and_part_orders_are_skipped():
    b_orders = F("acme-b", "2024-04-30", 5000, metric="orders", cumulative=True)
    facts = BASE + [F("acme-a", "2024-04-30", 30000, "gt", metric="orders", cumulative=True), b_orders]
    r = order_backlog(facts, "acme", entities=ENTS)
    (p,) = r.points
    # > 30,000 orders, 12,000 delivered: backlog at least 18,000, no upper end
    assert p.backlog == pytest.approx(18000) and p.backlog_low == pytest.approx(18000)
    assert p.backlog_high is None
    assert [s["id"] for s in r.skipped] == [b_orders.id]


def test_one_order_figure_per_day():
    # an exact official figure and a press lower bound for the same day: the exact one counts
    exact = F("acme-a", "2024-03-31", 20000, metric="orders", cumulative=True)
    press = Fact(
        entity="acme-a",
        metric="orders",
        period="2024-03-31",
        value=19000,
        unit="orders",
        bound="gt",
        cumulative=True,
        method="extract:clause",
    )
    r = order_backlog(BASE + [press, exact], "acme", entities=ENTS)
    assert [p.orders_fact for p in r.points] == [exact.id]
    assert [s["id"] for s in r.skipped] == [press.id]

"""The vectorised engine: hand-computed deterministic paths, conservation, reproducibility,
and a spread that comes from per-path draws (never a reshuffled fixed sample)."""

from __future__ import annotations

import numpy as np
import pytest

from evlens.errors import InputError
from evlens.ops import loads_scenario, simulate

BASE = """
[scenario]
start = 2025-01-01
end = 2025-06-30
resolution = "monthly"

[initial]
backlog = {backlog}

[demand]
intake_per_month = {intake}

[cancellations]
base_per_month = {cancel}

[[plant]]
[[plant.phase]]
rated_per_month = {rated}
start = {start}
ramp_months = {ramp}
"""


def scen(backlog=50, intake=150, cancel=0.0, rated=100, start="2024-01-01", ramp=0, extra=""):
    return loads_scenario(
        BASE.format(backlog=backlog, intake=intake, cancel=cancel, rated=rated, start=start, ramp=ramp)
        + extra
    )


def test_capacity_bound_queue_by_hand():
    # 100 made and delivered a month, 150 ordered: the backlog grows by 50 a month from 50
    sim = simulate(scen(), 2, deterministic=True)
    assert sim.deliveries[:, 0].tolist() == [100] * 6
    assert sim.backlog_end[:, 0].tolist() == [100, 150, 200, 250, 300, 350]
    assert (sim.capacity_bound_share[:, 0] == 1).all()
    # expected wait at the end of January: 100 waiting / 100 a month = 1 month
    assert sim.wait_end_months[0, 0] == pytest.approx(1.0)


def test_demand_bound_queue_by_hand():
    # capacity 200, orders 150, backlog 50: January delivers 200, then 150 a month
    sim = simulate(scen(rated=200), 1, deterministic=True)
    assert sim.deliveries[:, 0].tolist() == [200, 150, 150, 150, 150, 150]
    assert sim.backlog_end[:, 0].tolist() == [0] * 6
    assert sim.capacity_bound_share[0, 0] == 1 and (sim.capacity_bound_share[1:, 0] == 0).all()


def test_cancellations_by_hand():
    # 10 % of waiting orders cancel at each month start (floor in the deterministic case):
    # Jan: 50 -> cancel 5 -> 45 + 150 - 100 = 95;  Feb: cancel 9 -> 86 + 50 = 136;
    # Mar: cancel 13 -> 123 + 50 = 173
    sim = simulate(scen(cancel=0.1), 1, deterministic=True)
    assert sim.cancellations[:3, 0].tolist() == [5, 9, 13]
    assert sim.backlog_end[:3, 0].tolist() == [95, 136, 173]


def test_linear_ramp_by_hand():
    # a phase starting 2025-01-01 ramping linearly over 2 months (60.875 days), capacity read
    # at each month's midpoint: Jan 15.5 days -> 25.46; Feb day 45 -> 73.92; Mar on, 100.
    # Whole vehicles from the running total: 25, 99 - 25 = 74, 199 - 99 = 100
    sim = simulate(scen(start="2025-01-01", ramp=2, backlog=1000), 1, deterministic=True)
    assert sim.production[:3, 0].tolist() == [25, 74, 100]


def test_observed_months_replace_capacity():
    sim = simulate(scen(), 1, deterministic=True, observed={"2025-02": 130})
    assert sim.deliveries[:3, 0].tolist() == [100, 130, 100]
    assert sim.observed == (False, True, False, False, False, False)


UNCERTAIN = """
[scenario]
start = 2025-01-01
end = 2025-12-31
resolution = "daily"

[initial]
backlog = { dist = "uniform", low = 500, high = 1500 }

[demand]
intake_per_month = { dist = "lognormal", median = 1000, sigma = 0.25 }
growth_per_year = { dist = "normal", mean = 0.1, sd = 0.1 }
noise_sigma = 0.1

[cancellations]
base_per_month = 0.01
per_month_of_wait = { dist = "uniform", low = 0.0, high = 0.04 }
grace_months = 1
max_per_month = 0.2

[[plant]]
[[plant.phase]]
rated_per_month = 1000
start = 2024-01-01
utilisation = { dist = "triangular", low = 0.7, mode = 0.9, high = 1.0 }
"""


def test_conservation_on_every_path_and_month():
    sim = simulate(loads_scenario(UNCERTAIN), 500, seed=3)
    prev = np.vstack([sim.initial_backlog[None, :], sim.backlog_end[:-1]])
    np.testing.assert_array_equal(sim.backlog_end, prev - sim.cancellations + sim.orders - sim.deliveries)
    assert (sim.deliveries <= sim.production).all()
    assert (sim.backlog_end >= 0).all()


def test_same_seed_same_result_and_other_seeds_differ():
    s = loads_scenario(UNCERTAIN)
    a, b, c = simulate(s, 300, seed=11), simulate(s, 300, seed=11), simulate(s, 300, seed=12)
    np.testing.assert_array_equal(a.deliveries, b.deliveries)
    assert not np.array_equal(a.deliveries, c.deliveries)


def test_parameters_are_drawn_per_path_not_reshuffled():
    s = loads_scenario(UNCERTAIN)
    a, c = simulate(s, 2000, seed=1), simulate(s, 2000, seed=2)
    ua, uc = np.sort(a.params.utilisation[0]), np.sort(c.params.utilisation[0])
    assert len(np.unique(ua)) == 2000
    assert not np.allclose(ua, uc)  # a fixed sample, permuted, would sort to the same values
    # the spread of the annual total does not shrink with more paths
    small = simulate(s, 1000, seed=5).deliveries.sum(axis=0).std()
    large = simulate(s, 20000, seed=6).deliveries.sum(axis=0).std()
    assert small > 0 and 0.8 < small / large < 1.25
    # and it reflects the utilisation draws: annual production tracks utilisation
    prod = a.production.sum(axis=0)
    assert np.corrcoef(prod, a.params.utilisation[0])[0, 1] > 0.99


def test_paths_must_be_positive():
    with pytest.raises(InputError):
        simulate(loads_scenario(UNCERTAIN), 0, seed=1)

"""Scenario files: validation errors name the key and the file; the shipped example
carries the article's figures."""

from __future__ import annotations

from datetime import date

import pytest

from evlens.errors import InputError
from evlens.ops import load_scenario, loads_scenario, shipped_scenarios

GOOD = """
[scenario]
start = 2025-01-01
end = 2025-12-31

[demand]
intake_per_month = 100

[[plant]]
[[plant.phase]]
rated_per_month = 120
start = 2024-06-01
"""


def write(tmp_path, text):
    p = tmp_path / "s.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_minimal_scenario_loads_with_defaults(tmp_path):
    s = load_scenario(write(tmp_path, GOOD))
    assert s.resolution == "daily" and s.phases[0].rated_per_month == 120
    assert s.demand.seasonality == (1.0,) * 12
    assert s.initial_backlog.mean == 0


@pytest.mark.parametrize(
    "old,new,key",
    [
        ("rated_per_month = 120", "rated_per_month = -5", "plant[0].phase[0].rated_per_month"),
        ("start = 2024-06-01", "start = 2024-06-01\nfull_rate = 2024-05-01", "plant[0].phase[0].full_rate"),
        ("start = 2024-06-01", "start = 2024-06-01\nramp_months = -2", "plant[0].phase[0].ramp_months"),
        ("intake_per_month = 100", "intake_per_month = 100\nintake_per_mnth = 3", "demand.intake_per_mnth"),
        ("[scenario]", "[scenario]\ncolour = 'red'", "scenario.colour"),
        (
            "rated_per_month = 120",
            "rated_per_month = 120\nshifts = [{ from = 2025-01-01, cnt = 2 }]",
            "plant[0].phase[0].shifts[0].cnt",
        ),
        (
            "intake_per_month = 100",
            "intake_per_month = { dist = 'lognormal', median = 100, sd = 1 }",
            "demand.intake_per_month.sd",
        ),
        ("end = 2025-12-31", "end = 2024-12-31", "scenario.end"),
        ("intake_per_month = 100", "intake_per_month = 100\nseasonality = [1, 2]", "demand.seasonality"),
        (
            "rated_per_month = 120",
            "rated_per_month = 120\nutilisation = { dist = 'uniform', low = -0.2, high = 1 }",
            "plant[0].phase[0].utilisation",
        ),
    ],
)
def test_invalid_scenarios_name_the_key_and_file(tmp_path, old, new, key):
    assert old in GOOD
    p = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(InputError) as exc:
        load_scenario(p)
    assert exc.value.field == key
    assert key in str(exc.value) and str(p) in str(exc.value)


def test_unknown_top_level_table_and_bad_toml(tmp_path):
    with pytest.raises(InputError, match="'plants'"):
        loads_scenario(GOOD + "\n[plants]\nx = 1\n", path="x.toml")
    with pytest.raises(InputError, match="not valid TOML"):
        loads_scenario("[scenario\n", path="x.toml")
    with pytest.raises(InputError, match="cannot read"):
        load_scenario(tmp_path / "missing.toml")


def test_shipped_xiaomi_scenario_carries_the_article_figures():
    assert "xiaomi-2025" in shipped_scenarios()
    s = load_scenario("xiaomi-2025")
    p1, p2 = s.phases
    # article: phase 1 rated 150,000 a year = 12,500 a month, pushed to 24,000 with double shifts
    assert p1.rated_per_month == pytest.approx(12500)
    assert p1.rated_per_month * p1.shift_multiplier(date(2025, 1, 1)) == pytest.approx(24000)
    assert p1.rated_per_month * p1.shift_multiplier(date(2024, 5, 1)) == pytest.approx(12500)
    # article: phase 2 due in June 2025
    assert p2.start.year == 2025 and p2.start.month == 6
    # article: >260,000 orders, ~135,000 delivered, >100,000 waiting
    assert s.initial_backlog.args[0] >= 100000 and s.initial_backlog.args[-1] <= 260000 - 135000
    # article: 2025 target 300,000
    assert (s.target_year, s.target) == (2025, 300000)
    assert s.as_of == date(2025, 2, 8)
    assert sum(s.demand.seasonality) == pytest.approx(12)


def test_with_assumptions_changes_only_what_is_given():
    from datetime import timedelta

    from evlens.ops.scenario import Param, load_scenario, with_assumptions

    base = load_scenario("xiaomi-2025")
    assert base.plants and len(base.plants[0].phases) >= 2, "the shipped scenario has a second phase"
    assert with_assumptions(base) == base
    later = base.plants[0].phases[1].start + timedelta(days=31)
    changed = with_assumptions(base, second_phase_start=later, ramp_months=4, demand_growth=0.1)
    ph = changed.plants[0].phases[1]
    assert ph.start == later
    assert ph.ramp_days == 4 * 365.25 / 12  # four twelfths of a Julian year, by hand
    assert changed.demand.growth_per_year == Param.fixed(0.1)
    # the first phase, the other plants and the loaded scenario itself are untouched
    assert changed.plants[0].phases[0] == base.plants[0].phases[0]
    assert changed.plants[1:] == base.plants[1:]
    assert base.plants[0].phases[1].start == later - timedelta(days=31)

from datetime import date

from evlens.facts import Fact
from evlens.reconcile import reconcile, satisfies


def F(value, bound="eq", method="extract:clause", published=date(2025, 2, 8), period="2024-05", **kw):
    return Fact("xiaomi-su7", "deliveries", period, value, "vehicle", bound, method=method, published=published,
                span_start=value % 97, **kw)


def test_exact_company_figure_beats_a_bound_and_the_press():
    r = reconcile([F(8000, "gt"), F(8600), F(8646, method="import:kpis", published=date(2024, 6, 2))])
    (c,) = r.choices
    assert (c.value, c.bound) == (8646, "eq")
    # the press's rounded 8,600 differs from 8,646 by 0.53 % > 0.1 %: listed as a conflict
    assert [x["value"] for x in c.conflicts] == [8600]
    assert len(c.facts) == 3 and sum(f["chosen"] for f in c.facts) == 1


def test_later_revision_beats_earlier():
    r = reconcile([F(8630, method="import:kpis", published=date(2024, 6, 1)),
                   F(8646, method="import:kpis", published=date(2024, 6, 2))])
    assert r.choices[0].value == 8646
    assert "latest revision" in r.choices[0].reason


def test_bounds_only_take_the_tightest_and_flag_contradictions():
    r = reconcile([F(13000, "gt"), F(20000, "gt", published=date(2025, 1, 1)), F(15000, "lt")])
    (c,) = r.choices
    assert (c.value, c.bound) == (20000, "gt")
    # "less than 15,000" cannot hold together with "more than 20,000"
    assert [x["value"] for x in c.conflicts] == [15000]


def test_a_bound_the_exact_value_breaks_is_a_conflict():
    r = reconcile([F(7000), F(13000, "ge")])
    assert r.choices[0].value == 7000 and [x["value"] for x in r.choices[0].conflicts] == [13000]


def test_groups_are_kept_apart_by_period_and_rate():
    r = reconcile([F(7000, period="2024-04"), F(8600, period="2024-05"),
                   Fact("xiaomi", "capacity", "2025-02-08", 24000, "vehicle", rate="month"),
                   Fact("xiaomi", "capacity", "2025-02-08", 150000, "vehicle", rate="year")])
    assert len(r.choices) == 4 and not any(c.conflicts for c in r.choices)
    assert r.to_dict()["conflicts"] == 0


def test_satisfies():
    assert satisfies(20001, {"value": 20000, "bound": "gt"})
    assert not satisfies(20000, {"value": 20000, "bound": "gt"})
    assert satisfies(20000, {"value": 20000, "bound": "ge"})
    assert satisfies(104, {"value": 100, "bound": "approx"}) and not satisfies(106, {"value": 100, "bound": "approx"})

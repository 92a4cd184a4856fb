"""Deliveries from mixed facts: intervals, conflicts, coverage, growth, run-rate and pace.

Expected values are worked out by hand in the comments, or by brute-force enumeration of
every integer series (an independent check of the linear programs)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evlens.errors import ConflictError, InputError, NotFoundError
from evlens.facts import Fact
from evlens.ops import monthly_deliveries, target_pace
from evlens.reconcile import intervals as iv

# A tiny gazetteer: a maker with one model from 2024-04, a second from 2025-06, a variant
# of the first from 2025-03, and a group of the two models.
ENTS = [
    {"id": "acme", "kind": "company"},
    {"id": "acme-a", "kind": "model", "parent": "acme", "first_delivery": "2024-04"},
    {
        "id": "acme-a-sport",
        "kind": "model",
        "parent": "acme",
        "first_delivery": "2025-03",
        "variant_of": "acme-a",
    },
    {"id": "acme-b", "kind": "model", "parent": "acme", "first_delivery": "2025-06"},
    {"id": "acme-ab", "kind": "model_group", "parent": "acme", "members": ["acme-a", "acme-b"]},
]


def F(entity, period, value, bound="eq", metric="deliveries", **kw):
    return Fact(entity=entity, metric=metric, period=period, value=value, unit="vehicles", bound=bound, **kw)


def month(series, m):
    return next(x for x in series.months if x.month == m)


def test_exact_months_and_quarter_pin_the_third_month():
    # Q2 = 27,307 with April 7,058 and May 8,646 exact: June = 27,307 - 7,058 - 8,646 = 11,603
    facts = [
        F("acme-a", "2024-04", 7058),
        F("acme-a", "2024-05", 8646),
        F("acme-a", "2024-06", 10000, "gt"),
        F("acme-a", "2024-Q2", 27307),
    ]
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS)
    assert [m.month for m in s.months] == ["2024-04", "2024-05", "2024-06"]
    assert month(s, "2024-04").basis == "reported" and month(s, "2024-04").value == 7058
    june = month(s, "2024-06")
    assert june.exact and june.basis == "derived"
    assert (june.low, june.high) == (11603, 11603)
    assert june.value == pytest.approx(11603)


def test_lower_bounds_inside_an_exact_quarter():
    # Q3 = 39,790, each month > 10,000: a month is at least 10,000 and at most
    # 39,790 - 2 x 10,000 = 19,790; the quarter's running total is exact.
    facts = [F("acme-a", "2024-04", 7058), F("acme-a", "2024-Q2", 27307), F("acme-a", "2024-Q3", 39790)] + [
        F("acme-a", f"2024-{m:02d}", 10000, "gt") for m in (7, 8, 9)
    ]
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS)
    for m in ("2024-07", "2024-08", "2024-09"):
        e = month(s, m)
        assert (e.low, e.high) == (10000, 19790)
        assert e.basis == "bounded" and not e.exact
    q3 = sum(month(s, m).value for m in ("2024-07", "2024-08", "2024-09"))
    assert q3 == pytest.approx(39790, abs=1e-3)
    assert month(s, "2024-09").cumulative_low == month(s, "2024-09").cumulative_high == 27307 + 39790
    # May and June: Q2 minus April = 20,249 to share, nothing else known
    assert (month(s, "2024-05").low, month(s, "2024-05").high) == (0, 20249)


def test_year_lower_bound_and_approx_with_stated_tolerance():
    # months 04..11 known to total 111,008; year > 135,000 and ~136,000 (±2 % = 133,280..138,720)
    # so December lies in [135,000 - 111,008, 138,720 - 111,008] = [23,992, 27,712].
    facts = [
        F("acme-a", "2024-04..2024-11", 111008),
        F("acme-a", "2024", 135000, "gt"),
        F("acme-a", "2024", 136000, "approx"),
    ]
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS)
    dec = month(s, "2024-12")
    assert (dec.low, dec.high) == (23992, pytest.approx(27712))
    # with a 1 % tolerance the upper end is 137,360 - 111,008 = 26,352
    s1 = monthly_deliveries(facts, "acme", 2024, entities=ENTS, approx_tol=0.01)
    assert month(s1, "2024-12").high == pytest.approx(26352)


def test_open_month_has_no_upper_bound():
    s = monthly_deliveries(
        [F("acme-a", "2024-04", 7058), F("acme-a", "2024-05", 20000, "gt")], "acme", 2024, entities=ENTS
    )
    may = month(s, "2024-05")
    assert may.high is None and may.low == 20000 and may.basis == "open"
    assert may.value >= 20000


def test_intervals_match_brute_force_enumeration():
    # Three months, integers 0..12: total of months 1-2 in [5, 9], month 2 >= 3,
    # month 3 <= 4, all three = 12 (exact). Enumerate every integer series.
    cons = [
        iv.Constraint(0, 1, 5, 9, "a", "a"),
        iv.Constraint(1, 1, 3, None, "b", "b"),
        iv.Constraint(2, 2, 0, 4, "c", "c"),
        iv.Constraint(0, 2, 12, 12, "d", "d"),
    ]
    ok = [
        x
        for x in itertools.product(range(13), repeat=3)
        if 5 <= x[0] + x[1] <= 9 and x[1] >= 3 and x[2] <= 4 and sum(x) == 12
    ]
    assert ok
    sol = iv.solve(3, cons)
    for i in range(3):
        assert sol.low[i] == min(x[i] for x in ok)
        assert sol.high[i] == max(x[i] for x in ok)
        assert sol.cum_low[i] == min(sum(x[: i + 1]) for x in ok)
        assert sol.cum_high[i] == max(sum(x[: i + 1]) for x in ok)
    assert sum(sol.point) == pytest.approx(12, abs=1e-6)
    # and with a total of 14 (more than 9 + 4) the same facts conflict, naming a, c and d
    with pytest.raises(ConflictError) as exc:
        iv.solve(3, cons[:3] + [iv.Constraint(0, 2, 14, 14, "d", "d")])
    assert str(exc.value).endswith("a; c; d")


def test_contradictory_facts_name_the_culprits():
    # Q3 = 39,790 but July = 15,000 and August and September > 13,000 each: at least
    # 41,000. The April fact has nothing to do with it and must not be named.
    july = F("acme-a", "2024-07", 15000)
    aug = F("acme-a", "2024-08", 13000, "gt")
    sep = F("acme-a", "2024-09", 13000, "gt")
    q3 = F("acme-a", "2024-Q3", 39790)
    april = F("acme-a", "2024-04", 7058)
    with pytest.raises(ConflictError) as exc:
        monthly_deliveries([april, july, aug, sep, q3], "acme", 2024, entities=ENTS)
    msg = str(exc.value)
    for f in (july, aug, sep, q3):
        assert f.id in msg
    assert april.id not in msg
    assert "2024-Q3" in msg and "39,790" in msg
    # dropping one of them resolves it
    s = monthly_deliveries([april, july, aug, sep, q3], "acme", 2024, entities=ENTS, exclude=[july.id])
    assert month(s, "2024-07").high == 39790 - 26000


def test_two_exact_figures_for_one_month_conflict():
    a, b = (
        F("acme-a", "2024-05", 8630, source_url="https://a"),
        F("acme-a", "2024-05", 8646, source_url="https://b"),
    )
    with pytest.raises(ConflictError) as exc:
        monthly_deliveries([a, b], "acme", entities=ENTS)
    assert a.id in str(exc.value) and b.id in str(exc.value)


def test_fact_before_first_delivery_is_a_conflict():
    with pytest.raises(ConflictError, match="first delivery"):
        monthly_deliveries([F("acme-a", "2024-02", 500)], "acme", entities=ENTS)


def test_coverage_models_groups_variants_and_other_measures():
    facts = [
        F("acme-a", "2025-01", 100),  # model A alone delivers in January: it is the company
        F("acme-ab", "2025-03", 300),  # group (A with its variant): all of the company in March
        F("acme-ab", "2025-06", 600),  # group covers A, variant and B: still all of it
        F("acme-a", "2025-07", 400),  # only part of the company in July: a lower bound
        F("acme", "2025-07", 700, "lt"),
        F("acme-b", "2025-06", 50, metric="retail_sales"),  # another measure: left out
    ]
    s = monthly_deliveries(facts, "acme", 2025, entities=ENTS)
    assert month(s, "2025-01").value == 100 and month(s, "2025-03").value == 300
    assert month(s, "2025-06").value == 600
    jul = month(s, "2025-07")
    assert (jul.low, jul.high) == (400, 700)
    assert any(x["metric"] == "retail_sales" for x in s.facts_skipped)
    roles = {x["period"]: x["role"] for x in s.facts_used}
    assert roles["2025-07"] in ("part", "same")
    # for model A alone, the June group figure (A + B) is only an upper bound
    sa = monthly_deliveries(facts, "acme-a", 2025, entities=ENTS)
    assert month(sa, "2025-06").high == 600 and month(sa, "2025-06").low == 0


def test_growth_run_rate_and_pace_by_hand():
    vals = {"2024-04": 100, "2024-05": 200, "2024-06": 300, "2025-04": 150, "2025-05": 300, "2025-06": 600}
    facts = (
        [F("acme-a", m, v) for m, v in vals.items()]
        + [F("acme-a", f"2024-{m:02d}", 0) for m in range(7, 13)]
        + [F("acme-a", "2025-Q1", 450), F("acme-ab", "2025", 2400, metric="delivery_target")]
    )
    s = monthly_deliveries(facts, "acme", 2025, entities=ENTS)
    may = month(s, "2025-05")
    assert may.mom == pytest.approx(300 / 150 - 1)
    assert may.yoy == pytest.approx(300 / 200 - 1)
    # model B delivers from June 2025: the 600 on model A is only a lower bound on the company's
    # June, so its YoY is a range, [600 / 300 - 1, open), not the smoothed estimate's figure
    june = month(s, "2025-06")
    assert june.basis == "open" and june.yoy is None and june.mom is None
    assert june.yoy_low == pytest.approx(1.0) and june.yoy_high is None
    assert june.mom_low == pytest.approx(600 / 300 - 1) and june.mom_high is None
    # run-rate: at least (150 + 300 + 600) / 3 = 350, no upper bound, no single value
    assert s.run_rate.value is None and s.run_rate.low == pytest.approx(350) and s.run_rate.high is None
    assert s.run_rate.months == ("2025-04", "2025-05", "2025-06")
    # cumulative from January 2025: Q1 450, then 150, 300: 900 by May (not counting 2024)
    assert month(s, "2025-05").cumulative == pytest.approx(900)
    assert month(s, "2025-05").cumulative_low == pytest.approx(900) == month(s, "2025-05").cumulative_high
    # pace: 450 + 1,050 = 1,500 through June against 2,400: straight line 1,200; ratio 1.25 -> ahead;
    # still required (2,400 - 1,500) / 6 = 150 a month
    p = s.pace
    assert p.to_date == pytest.approx(1500) and p.straight_line == 1200 and p.basis == "range"
    assert p.status == "ahead" and p.required_per_month == pytest.approx(150)
    assert p.ratio_low == pytest.approx(1.25) and p.ratio_high is None
    assert p.target == 2400 and p.target_source != "given"


def test_the_company_target_beats_a_later_article_recalling_an_earlier_one():
    # the company's final target (official, 2024-11-18) against an article of 2025-02-08
    # that recalls the target raised to 120,000 earlier that year
    facts = [
        F("acme-a", "2024-04", 100),
        F("acme-a", "2024", 130000, metric="delivery_target", published=date(2024, 11, 18)),
        F(
            "acme-a",
            "2024",
            120000,
            metric="delivery_target",
            published=date(2025, 2, 8),
            method="extract:clause+plan",
            confidence=0.9,
        ),
    ]
    s = monthly_deliveries(facts, "acme-a", 2024, entities=ENTS)
    assert s.pace.target == 130000
    # with no official target the press figure serves; among official ones the later wins
    assert monthly_deliveries([facts[0], facts[2]], "acme-a", 2024, entities=ENTS).pace.target == 120000
    revised = facts + [F("acme-a", "2024", 135000, metric="delivery_target", published=date(2024, 12, 1))]
    assert monthly_deliveries(revised, "acme-a", 2024, entities=ENTS).pace.target == 135000


def test_pace_on_an_estimate_is_a_range():
    # 2,400 a year, through March: straight line 600; supported 480 (80 %), up to 620 (103 %)
    p = target_pace(2025, 2400, 480, "2025-03", low=480, high=620)
    assert p.basis == "range" and p.status == "behind to on pace"
    assert p.ratio_low == pytest.approx(0.8) and p.ratio_high == pytest.approx(620 / 600)


@pytest.mark.parametrize(
    "to_date,status", [(600, "on pace"), (569, "behind"), (630, "ahead"), (571, "on pace")]
)
def test_pace_status_band(to_date, status):
    # target 2,400 through March: straight line 2,400 x 3 / 12 = 600; band ±5 %: 570 .. 630
    assert target_pace(2025, 2400, to_date, "2025-03").status == status


def test_as_of_keeps_only_published_facts():
    facts = [
        F("acme-a", "2024-04", 7058, published=date(2024, 5, 1)),
        F("acme-a", "2024-05", 8646),
        F("acme-a", "2024-06", 11603, published=date(2024, 9, 1)),
    ]
    # May has no date: known from 2024-06-01; June published 2024-09-01
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS, as_of=date(2024, 7, 1))
    assert [m.month for m in s.months] == ["2024-04", "2024-05"]


def test_dataframe_input_and_errors():
    facts = [F("acme-a", "2024-04", 7058), F("acme-a", "2024-05", 8646)]
    df = pd.DataFrame([{**dataclasses.asdict(f), "id": f.id} for f in facts])
    s = monthly_deliveries(df, "acme", 2024, entities=ENTS)
    assert month(s, "2024-05").value == 8646
    with pytest.raises(NotFoundError):
        monthly_deliveries(df, "nobody", entities=ENTS)
    with pytest.raises(NotFoundError):
        monthly_deliveries(df, "acme", 2023, entities=ENTS)
    with pytest.raises(InputError):
        monthly_deliveries(df, "acme", entities=ENTS, approx_tol=1.5)
    d = s.to_dict()
    assert d["total"] == pytest.approx(15704)


@st.composite
def facts_from_a_true_series(draw):
    """A true monthly series for 2024-04..2024-12 and facts that are all true of it:
    exact months, lower bounds, exact quarters, a year lower bound and an approx total."""
    months = [f"2024-{m:02d}" for m in range(4, 13)]
    truth = dict(zip(months, draw(st.lists(st.integers(0, 30000), min_size=9, max_size=9))))
    facts = []
    for m in months:
        kind = draw(st.sampled_from(["none", "eq", "gt", "lt"]))
        if kind == "eq":
            facts.append(F("acme-a", m, truth[m]))
        elif kind == "gt":
            facts.append(F("acme-a", m, draw(st.integers(0, truth[m])), "gt"))
        elif kind == "lt":
            facts.append(F("acme-a", m, truth[m] + draw(st.integers(0, 5000)), "lt"))
    for q, ms in (("2024-Q2", months[:3]), ("2024-Q3", months[3:6]), ("2024-Q4", months[6:])):
        if draw(st.booleans()):
            facts.append(F("acme-a", q, sum(truth[m] for m in ms)))
    total = sum(truth.values())
    if draw(st.booleans()):
        facts.append(F("acme-a", "2024", draw(st.integers(0, total)), "gt"))
    if draw(st.booleans()) and total > 0:
        off = draw(st.integers(-(total * 4 // 100), total * 4 // 100))  # within 4 %, inside the 5 % tolerance
        facts.append(F("acme-a", "2024", total + off, "approx"))
    if not facts:
        facts.append(F("acme-a", "2024-04", truth["2024-04"]))
    return truth, facts


@settings(max_examples=25, deadline=None)
@given(facts_from_a_true_series())
def test_true_series_lies_in_every_interval(case):
    truth, facts = case
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS, approx_tol=0.05)
    got = {m.month: m for m in s.months}
    for m, v in truth.items():
        if m not in got:
            continue
        e = got[m]
        assert e.low - 1e-6 <= v and (e.high is None or v <= e.high + 1e-6)
        assert e.low - 1e-3 <= e.value and (e.high is None or e.value <= e.high + 1e-3)
        if e.exact:
            assert e.value == pytest.approx(v, abs=1e-3)


def test_prefer_official_leaves_out_contradicting_press_figures():
    # the press rounds April to 7,000 and says June was over 13,000; the company's exact
    # Q2 (27,307 with April 7,058 and May 8,646) puts June at 11,603
    official = [F("acme-a", "2024-04", 7058), F("acme-a", "2024-05", 8646), F("acme-a", "2024-Q2", 27307)]
    press_apr = F("acme-a", "2024-04", 7000, method="extract:clause", confidence=0.9)
    press_jun = F("acme-a", "2024-06", 13000, "ge", method="extract:clause", confidence=0.9)
    press_ok = F("acme-a", "2024-06", 11000, "gt", method="extract:clause", confidence=0.9)
    facts = official + [press_apr, press_jun, press_ok]
    with pytest.raises(ConflictError, match="prefer-official"):
        monthly_deliveries(facts, "acme", 2024, entities=ENTS, on_conflict="raise")
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS)  # prefer-official is the default
    left_out = {x["id"] for x in s.facts_skipped if "prefer-official" in x["reason"]}
    assert left_out == {press_apr.id, press_jun.id}  # the press figure that agrees stays
    assert press_ok.id in {u["id"] for u in s.facts_used}
    assert month(s, "2024-06").value == pytest.approx(11603)
    # official figures that contradict each other are still an error
    with pytest.raises(ConflictError, match="all official"):
        monthly_deliveries(
            official + [F("acme-a", "2024-06", 12000)], "acme", entities=ENTS, on_conflict="prefer-official"
        )
    with pytest.raises(InputError):
        monthly_deliveries(official, "acme", entities=ENTS, on_conflict="guess")


def test_a_single_day_figure_is_a_running_total():
    # "about 135,000 delivered by 31 December" with April..November known (111,008):
    # December = 135,000 x (1 ± 2 %) - 111,008 = [21,292, 26,692]
    facts = [F("acme-a", "2024-04..2024-11", 111008), F("acme-a", "2024-12-31", 135000, "approx")]
    s = monthly_deliveries(facts, "acme", 2024, entities=ENTS)
    dec = month(s, "2024-12")
    assert dec.low == pytest.approx(135000 * 0.98 - 111008) and dec.high == pytest.approx(
        135000 * 1.02 - 111008
    )


def test_a_maker_that_publishes_nev_sales_gets_them_as_its_deliveries_labelled():
    # BYD publishes monthly NEV sales (universe data, entities.toml): they make its series,
    # labelled; a press "deliveries" figure about BYD is not its measure and is left out
    jan = F("byd", "2025-01", 300538, metric="sales")
    feb = F("byd", "2025-02", 322846, metric="sales")
    q1 = F("byd", "2025-Q1", 1000804, metric="sales")
    press = F("byd", "2025-02", 44579, source_url="https://press.example/byd")
    s = monthly_deliveries([jan, feb, q1, press], "byd", 2025)
    assert [m.value for m in s.months] == [300538, 322846, 1000804 - 300538 - 322846]
    assert month(s, "2025-03").basis == "derived"
    assert s.measure is not None and s.measure.metric == "sales" and "NEV sales" in s.measure.label_en
    assert s.to_dict()["measure"]["label"] == s.measure.label_en
    assert any(k["id"] == press.id and "not its own measure" in k["reason"] for k in s.facts_skipped)
    # a maker that publishes deliveries is unchanged: sales facts about it are not deliveries
    with pytest.raises(NotFoundError):
        monthly_deliveries([F("xpeng", "2025-01", 30350, metric="sales")], "xpeng", 2025)


def test_a_proxy_measure_bounds_months_within_its_tolerance():
    # The universe names CPCA retail as Xiaomi's proxy (entities.toml, [maker.proxy]).
    # By hand, with t its tolerance: SU7 retail 1,000 in January 2025, when the SU7 is all
    # of Xiaomi, bounds the month to [1,000 (1 - t), 1,000 (1 + t)]; YU7 retail 500 in July,
    # a part of Xiaomi then, gives only the lower end 500 (1 - t), above "more than 400".
    from evlens.gazetteer import maker

    t = maker("xiaomi").proxy.tolerance
    facts = [
        F("xiaomi-su7", "2025-01", 1000, metric="retail_sales"),
        F("xiaomi-yu7", "2025-07", 500, metric="retail_sales"),
        F("xiaomi", "2025-07", 400, "gt"),
    ]
    s = monthly_deliveries(facts, "xiaomi", 2025)
    jan, jul = month(s, "2025-01"), month(s, "2025-07")
    assert (jan.low, jan.high) == (pytest.approx(1000 * (1 - t)), pytest.approx(1000 * (1 + t)))
    assert jan.basis == "bounded"
    assert jul.low == pytest.approx(500 * (1 - t)) and jul.high is None
    assert s.rules["proxy"] == {"metric": "retail_sales", "tolerance": t, "rule": maker("xiaomi").proxy.rule}
    assert not any(x["metric"] == "retail_sales" for x in s.facts_skipped)
    # the same retail figures say nothing about a maker without a proxy
    assert maker("nio").proxy is None


@pytest.mark.parametrize(
    ("proxy", "field"),
    [
        ('metric = "retail_sales"\ntolerance = 0.6\nrule = "r"', "proxy.tolerance"),
        ("tolerance = 0.03", "proxy"),
    ],
)
def test_a_bad_proxy_in_the_universe_names_maker_and_field(monkeypatch, proxy, field):
    from evlens import gazetteer

    text = gazetteer.gazetteer_text()
    good = re.findall(r"\[maker\.proxy\]\n(?:\w+ = .*\n)+", text)
    assert len(good) == 1  # Xiaomi's, the first maker's
    bad = text.replace(good[0], "[maker.proxy]\n" + proxy + "\n")
    monkeypatch.setattr(gazetteer, "gazetteer_text", lambda: bad)
    gazetteer.load_universe.cache_clear()
    try:
        with pytest.raises(InputError) as err:
            gazetteer.load_universe()
    finally:
        gazetteer.load_universe.cache_clear()
    assert "entities.toml, maker 1" in str(err.value) and repr(field) in str(err.value)

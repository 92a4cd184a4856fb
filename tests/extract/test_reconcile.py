from datetime import date

from evlens.facts import Fact
from evlens.periods import parse_period
from evlens.reconcile import calendar_from_toml, fact_records, reconcile, release_calendar, satisfies


def F(value, bound="eq", method="extract:clause", published=date(2025, 2, 8), period="2024-05", **kw):
    return Fact(
        "xiaomi-su7",
        "deliveries",
        period,
        value,
        "vehicle",
        bound,
        method=method,
        published=published,
        span_start=value % 97,
        **kw,
    )


def test_exact_company_figure_beats_a_bound_and_the_press():
    r = reconcile([F(8000, "gt"), F(8600), F(8646, method="import:kpis", published=date(2024, 6, 2))])
    (c,) = r.choices
    assert (c.value, c.bound) == (8646, "eq")
    # the press's rounded 8,600 differs from 8,646 by 0.53 % > 0.1 %: listed as a conflict
    assert [x["value"] for x in c.conflicts] == [8600]
    assert len(c.facts) == 3 and sum(f["chosen"] for f in c.facts) == 1


def test_later_revision_beats_earlier():
    r = reconcile(
        [
            F(8630, method="import:kpis", published=date(2024, 6, 1)),
            F(8646, method="import:kpis", published=date(2024, 6, 2)),
        ]
    )
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
    r = reconcile(
        [
            F(7000, period="2024-04"),
            F(8600, period="2024-05"),
            Fact("xiaomi", "capacity", "2025-02-08", 24000, "vehicle", rate="month"),
            Fact("xiaomi", "capacity", "2025-02-08", 150000, "vehicle", rate="year"),
        ]
    )
    assert len(r.choices) == 4 and not any(c.conflicts for c in r.choices)
    assert r.to_dict()["conflicts"] == 0


def test_satisfies():
    assert satisfies(20001, {"value": 20000, "bound": "gt"})
    assert not satisfies(20000, {"value": 20000, "bound": "gt"})
    assert satisfies(20000, {"value": 20000, "bound": "ge"})
    assert satisfies(104, {"value": 100, "bound": "approx"}) and not satisfies(
        106, {"value": 100, "bound": "approx"}
    )


# ---------------------------------------------------------------- as of a date, calendar, revisions


def T(value, published=None, basis=None, metric="delivery_target"):
    return Fact(
        "acme",
        metric,
        "2025",
        value,
        "vehicle",
        "eq",
        method="import:kpis",
        published=published,
        published_basis=basis,
        document_id=str(value),
    )


def test_calendar_dates_undated_figures_never_the_day_after_the_period():
    cal = release_calendar()
    # monthly deliveries: the 3rd of the next month; December's in January of the next year
    assert cal.estimate("deliveries", parse_period("2025-04"))[0] == date(2025, 5, 3)
    assert cal.estimate("deliveries", parse_period("2024-12"))[0] == date(2025, 1, 3)
    # a quarter: 60 days after its end (30 Sep + 60 = 29 Nov); Q4 and the year: 31 March next year
    assert cal.estimate("deliveries", parse_period("2024-Q3"))[0] == date(2024, 11, 29)
    assert cal.estimate("deliveries", parse_period("2024-Q4"))[0] == date(2025, 3, 31)
    assert cal.estimate("deliveries", parse_period("2024"))[0] == date(2025, 3, 31)
    # a year's target: by the annual results in March of that year
    assert cal.estimate("delivery_target", parse_period("2025"))[0] == date(2025, 3, 31)
    # an "assumed" publication date earlier than the calendar's is moved to the calendar's
    (r,) = fact_records(
        [
            Fact(
                "acme",
                "deliveries",
                "2025-04",
                1,
                "vehicle",
                published=date(2025, 5, 1),
                published_basis="assumed",
            )
        ]
    )
    assert r.known_from == date(2025, 5, 3)
    # a stated date stands, even an early one
    (r,) = fact_records(
        [
            Fact(
                "acme",
                "deliveries",
                "2025-04",
                1,
                "vehicle",
                published=date(2025, 5, 1),
                published_basis="stated",
            )
        ]
    )
    assert r.known_from == date(2025, 5, 1)


def test_a_calendar_is_data():
    cal = calendar_from_toml('[default]\nmonth = { after = "end", days = 10 }\n')
    assert cal.estimate("deliveries", parse_period("2025-02"))[0] == date(2025, 3, 10)


def test_as_of_keeps_only_what_was_known_and_the_raise_wins_once_known():
    facts = [T(300000, published=date(2024, 12, 31), basis="stated"), T(350000, published=date(2025, 3, 18))]
    assert reconcile(facts, as_of=date(2025, 2, 8)).choices[0].value == 300000
    before = reconcile(facts, as_of=date(2024, 12, 30))
    assert before.choices == () and before.not_yet_known == 2
    c = reconcile(facts, as_of=date(2025, 3, 18)).choices[0]
    assert c.value == 350000 and [x["value"] for x in c.revisions] == [300000]
    assert [(x["value"], x["revised"]) for x in c.conflicts] == [(300000, True)]


def test_undated_targets_known_the_same_day_take_the_larger_but_exact_deliveries_conflict():
    c = reconcile([T(350000), T(300000)], as_of=date(2025, 3, 31)).choices[0]
    assert c.value == 350000 and "larger" in c.reason
    assert reconcile([T(350000), T(300000)], as_of=date(2025, 3, 30)).choices == ()
    # two exact monthly deliveries known the same day: neither revises the other
    d = [T(8630, metric="deliveries"), T(8646, metric="deliveries")]
    c = reconcile(d).choices[0]
    assert c.revisions == () and len(c.conflicts) == 1 and "revised" not in c.conflicts[0]

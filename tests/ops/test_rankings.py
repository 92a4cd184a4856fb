"""Model rankings and head-to-head comparisons: hand-computed cases, the published December
2024 figures read straight from the source table, the command line's JSON and its errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from evlens.errors import InputError
from evlens.ops.rankings import (
    Figure,
    compare_models,
    parse_segments,
    rank_month,
    segment_members,
    select,
)

CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]


def F(entity: str, month: str, value: float) -> Figure:
    return Figure(entity=entity, month=month, value=value, source_url=f"https://example.org/{month}")


# A small hand-made set of lists. 2024-03 has no list at all; d is missing from 2024-02,
# b from 2024-05; b and c tie in 2024-01, a and b in 2024-04.
HAND = [
    F("a", "2024-01", 100),
    F("b", "2024-01", 90),
    F("c", "2024-01", 90),
    F("d", "2024-01", 50),
    F("a", "2024-02", 80),
    F("b", "2024-02", 120),
    F("c", "2024-02", 60),
    F("a", "2024-04", 70),
    F("b", "2024-04", 70),
    F("d", "2024-04", 10),
    F("a", "2024-05", 50),
    F("c", "2024-05", 40),
    F("a", "2024-06", 60),
    F("b", "2024-06", 30),
]


def test_ties_share_the_better_rank_and_skip_the_next():
    r = rank_month([f for f in HAND if f.month == "2024-01"])
    assert r.list_size == 4
    assert {x.figure.entity: x.rank for x in r.rows} == {"a": 1, "b": 2, "c": 2, "d": 4}
    r = rank_month([f for f in HAND if f.month == "2024-04"])
    assert {x.figure.entity: x.rank for x in r.rows} == {"a": 1, "b": 1, "d": 3}


def test_a_list_holds_one_month_and_each_model_once():
    with pytest.raises(InputError):
        rank_month([F("a", "2024-01", 1), F("b", "2024-02", 2)])
    with pytest.raises(InputError):
        rank_month([F("a", "2024-01", 1), F("a", "2024-01", 2)])


def test_selection_keeps_the_rank_among_the_whole_list():
    r = rank_month([f for f in HAND if f.month == "2024-01"])
    s = select(r, {"c", "d"}, "c and d")
    assert [(x.figure.entity, x.rank, x.rank_in_selection, x.list_size) for x in s.rows] == [
        ("c", 2, 1, 4),
        ("d", 4, 2, 4),
    ]


def test_absent_model_is_unlisted_below_the_list_never_zero():
    c = compare_models(HAND, ["a", "d"])
    feb = c.standings["d"][1]
    assert (feb.month, feb.status, feb.value, feb.rank, feb.list_size) == (
        "2024-02",
        "unlisted",
        None,
        None,
        3,
    )
    mar = c.standings["a"][2]
    assert (mar.month, mar.status, mar.list_size) == ("2024-03", "no list", 0)


def test_head_to_head_by_hand():
    c = compare_models(HAND, ["a", "b"])
    assert c.months == ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06")
    h = c.pairs[0]
    got = [(x.month, x.leader, x.margin, x.basis) for x in h.leads]
    assert got == [
        ("2024-01", "a", 10, "both listed"),
        ("2024-02", "b", 40, "both listed"),
        ("2024-03", None, None, "no list"),
        ("2024-04", None, 0, "level"),
        ("2024-05", "a", None, "other unlisted"),
        ("2024-06", "a", 30, "both listed"),
    ]
    # b passes a in February; a passes back in May (March and April have no leader)
    assert [(p.month, p.passer) for p in h.passes] == [("2024-02", "b"), ("2024-05", "a")]
    assert h.first_lead == {"a": "2024-01", "b": "2024-02"}
    assert h.first_pass == {"a": "2024-05", "b": "2024-02"}
    assert h.first_pass_both_listed == {"a": None, "b": "2024-02"}
    assert h.months_led == {"a": ("2024-01", "2024-05", "2024-06"), "b": ("2024-02",)}
    run = h.longest_run["a"]
    assert (run.first, run.last, run.months) == ("2024-05", "2024-06", 2)
    assert h.longest_run["b"].months == 1


def test_months_before_launch_count_for_nobody():
    c = compare_models(HAND, ["a", "d"], launched={"d": "2024-04"})
    feb = c.pairs[0].leads[1]
    assert (feb.month, feb.leader, feb.basis) == ("2024-02", None, "not launched")
    assert c.standings["d"][1].status == "not launched"
    # listed in January although the launch month says April: the figure wins
    assert c.standings["d"][0].status == "listed"


def test_compare_refuses_one_model_or_a_repeated_one():
    with pytest.raises(InputError):
        compare_models(HAND, ["a"])
    with pytest.raises(InputError):
        compare_models(HAND, ["a", "a"])


SEGMENTS = """
[segment.big-sedans]
name = "Sedans above 200,000 yuan"
body = "sedan"
price_above_yuan = 200000

[[model]]
model = "x"
body = "sedan"
price_from_yuan = 200000

[[model]]
model = "y"
body = "Sedan"
price_from_yuan = 200001

[[model]]
model = "z"
body = "SUV"
price_from_yuan = 300000

[[model]]
model = "w"
body = "sedan"
"""


def test_segment_band_is_strictly_above_and_missing_data_is_unclassified():
    data = parse_segments(SEGMENTS)
    seg = data.segment("Sedans above 200,000 yuan")
    inside, known = segment_members(seg, data, {k: k for k in "xyzw"})
    assert inside == {"y"}  # x is at 200,000, not above; z is an SUV
    assert known == {"x", "y", "z"}  # w has no price: unclassified, not outside


def test_bad_segment_data_names_the_field():
    with pytest.raises(InputError) as e:
        parse_segments('[[model]]\nmodel = "x"\nbody = "spaceship"\n', "s.toml")
    assert e.value.field == "body" and e.value.path == "s.toml"
    with pytest.raises(InputError) as e:
        parse_segments('[[model]]\nmodel = "x"\nprice_from_yuan = "cheap"\n', "s.toml")
    assert e.value.field == "price_from_yuan"
    with pytest.raises(InputError):
        parse_segments("", "s.toml").segment("nope")


def test_bundled_segments_put_the_su7_and_model_3_among_sedans_above_200k():
    from evlens.ops.rankings import load_segments

    data = load_segments()
    seg = data.segment("bev-sedans-above-200k")
    inside, _ = segment_members(seg, data, {m.key: m.key for m in data.models})
    assert {"xiaomi-su7", "tesla-model-3"} <= inside and "tesla-model-y" not in inside
    assert all(m.price_source and m.body_source for m in data.models)


# --------------------------------------------------------------- the published figures
@pytest.fixture(scope="module")
def csv_2024_12(shared_data):
    """December 2024 of the source table, read with pandas alone (not through evlens)."""
    import pandas as pd

    df = pd.read_csv(shared_data / "china_bev_sales_by_model_monthly.csv")
    df = df[(df.month == "2024-12") & (df.dataset == "ElectricCarsByModel") & (df.brand != "other")].copy()
    df["rank"] = df.units.rank(method="min", ascending=False).astype(int)
    return df


def _row(df, brand, model):
    r = df[(df.brand == brand) & (df.model == model)]
    assert len(r) == 1
    return r.iloc[0]


def test_december_2024_matches_the_source_rows(demo_store, csv_2024_12):
    from evlens.store.rankings import model_figures

    figures = [Figure(**r) for r in model_figures(demo_store, "retail_sales", "2024-12", "2024-12")]
    table = rank_month(figures)
    assert table.list_size == len(csv_2024_12) == 13
    su7, m3 = _row(csv_2024_12, "Xiaomi", "SU7"), _row(csv_2024_12, "Tesla", "Model 3")
    assert (su7.units, m3.units) == (25815, 21046)  # the article rounds them to 25,800 and 21,000
    by = {r.figure.entity: r for r in table.rows}
    assert by["xiaomi-su7"].figure.value == su7.units and by["xiaomi-su7"].rank == su7["rank"] == 5
    assert by["tesla-model-3"].figure.value == m3.units and by["tesla-model-3"].rank == m3["rank"]
    assert by["xiaomi-su7"].figure.source_url == su7.source_url
    assert sorted(r.figure.value for r in table.rows) == sorted(csv_2024_12.units.astype(float))


def test_july_2024_su7_is_unlisted_as_in_the_source(demo_store, shared_data):
    """The article says the SU7 first passed the Model 3 in July 2024 (CPCA); the bundled
    table has no SU7 row that month, so the comparison must say unlisted, not 0."""
    import pandas as pd

    from evlens.store.rankings import model_figures

    df = pd.read_csv(shared_data / "china_bev_sales_by_model_monthly.csv")
    july = df[(df.month == "2024-07") & (df.dataset == "ElectricCarsByModel") & (df.brand != "other")]
    assert not ((july.brand == "Xiaomi") & (july.model == "SU7")).any()
    figures = [Figure(**r) for r in model_figures(demo_store, "retail_sales")]
    c = compare_models(figures, ["xiaomi-su7", "tesla-model-3"], start="2024-07", end="2024-07")
    su7 = c.standings["xiaomi-su7"][0]
    assert (su7.status, su7.value, su7.list_size) == ("unlisted", None, len(july))


# --------------------------------------------------------------- the command line
def _run(db, *args):
    return subprocess.run([*CLI, "--db", str(db), *args], capture_output=True, text=True, timeout=120)


def test_cli_compare_json(demo_db_path, csv_2024_12):
    r = _run(demo_db_path, "compare", "xiaomi-su7", "tesla-model-3", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert {"metric", "models", "names", "months", "head_to_head", "first_month", "last_month"} <= set(d)
    assert d["models"] == ["xiaomi-su7", "tesla-model-3"]
    dec = next(m for m in d["months"] if m["month"] == "2024-12")
    assert set(dec) == {"month", "list_size", "models", "leads"}
    su7, m3 = dec["models"]["xiaomi-su7"], dec["models"]["tesla-model-3"]
    assert set(su7) == {"status", "value", "rank", "list_size", "source_url", "fact_id"}
    assert (su7["value"], su7["rank"], su7["list_size"]) == (25815, 5, 13)
    assert (m3["value"], m3["rank"]) == (21046, _row(csv_2024_12, "Tesla", "Model 3")["rank"])
    assert su7["source_url"] == _row(csv_2024_12, "Xiaomi", "SU7").source_url
    assert dec["leads"][0] == {
        "a": "xiaomi-su7",
        "b": "tesla-model-3",
        "month": "2024-12",
        "leader": "xiaomi-su7",
        "margin": 25815 - 21046,
        "basis": "both listed",
    }
    h = d["head_to_head"][0]
    assert "2024-12" in h["months_led"]["xiaomi-su7"]
    assert {
        "months_led",
        "first_lead",
        "first_pass",
        "first_pass_both_listed",
        "longest_run",
        "passes",
    } <= set(h)


def test_cli_rankings_segment_json(demo_db_path):
    r = _run(demo_db_path, "rankings", "--month", "2024-12", "--segment", "bev-sedans-above-200k", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["list_size"] == 13 and d["selection"] == "BEV sedans above 200,000 yuan"
    assert [(x["entity"], x["rank"], x["rank_in_selection"]) for x in d["rows"]] == [
        ("xiaomi-su7", 5, 1),
        ("tesla-model-3", 7, 2),
    ]


@pytest.mark.parametrize(
    "args,words",
    [
        (["compare", "xiaomi-su7", "no-such-car"], "unknown entity"),
        (["compare", "xiaomi-su7", "tesla-model-3", "--from", "2024-13"], "--from"),
        (["compare", "xiaomi-su7", "tesla-model-3", "--to", "December"], "--to"),
        (["compare", "xiaomi-su7", "tesla-model-3", "--metric", "profit"], "--metric"),
        (["compare", "xiaomi-su7"], "two models"),
        (["rankings", "--month", "2024/12"], "--month"),
        (["rankings", "--month", "1999-01"], "no retail_sales list"),
        (["rankings", "--month", "2024-12", "--segment", "boats"], "unknown segment"),
    ],
)
def test_cli_bad_input_is_one_line_and_status_2(demo_db_path, args, words):
    r = _run(demo_db_path, *args)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and words in lines[0], r.stderr


def test_a_model_the_gazetteer_lacks_is_ranked_and_other_is_not(store, tmp_path):
    """Importing a by-model table creates unknown models as entities of their maker
    (brand-model); they rank like any other, while the 'other' row stays an aggregate."""
    from evlens.store.rankings import model_figures

    url = "https://example.org/2019/02/15/january-report"
    path = tmp_path / "by_model.csv"
    path.write_text(
        "month,dataset,brand,model,units,source_url\n"
        f"2019-01,ElectricCarsByModel,Tesla,Model 3,500,{url}\n"
        f"2019-01,ElectricCarsByModel,Acme,Roadrunner EV,700,{url}\n"
        f"2019-01,ElectricCarsByModel,Xiaomi,SU7,500,{url}\n"
        f"2019-01,ElectricCarsByModel,other,,90000,{url}\n",
        encoding="utf-8",
    )
    store.load([path], "kpis")
    rows = model_figures(store, "retail_sales")
    table = rank_month([Figure(**r) for r in rows])
    assert table.list_size == 3
    assert [(r.figure.entity, r.rank) for r in table.rows] == [
        ("acme-roadrunner-ev", 1),
        ("tesla-model-3", 2),
        ("xiaomi-su7", 2),
    ]
    assert table.rows[0].figure.brand == "acme" and table.rows[0].figure.source_url == url


def test_the_rival_is_the_other_makers_best_seller_in_the_narrowest_segment():
    from evlens.ops.rankings import Figure, ModelSegment, Segment, SegmentData, rival_of

    figs = [
        Figure("a1", "2024-01", 100),
        Figure("a2", "2024-01", 500),
        Figure("b1", "2024-01", 90),
        Figure("c1", "2024-01", 400),
        Figure("b1", "2024-02", 95),
        Figure("c1", "2024-02", 10),
        Figure("a1", "2024-02", 120),
        Figure("d1", "2024-03", 9999),
    ]
    makers = {"a1": "a", "a2": "a", "b1": "b", "c1": "c", "d1": "d"}
    # over a1's months (Jan, Feb): c1 sold 410, b1 185; a2 is a1's own maker's; d1 sold only in March
    assert rival_of(figs, "a1", makers) == "c1"
    seg = SegmentData(
        {
            "a-sedans": Segment("a-sedans", "sedans", body="sedan"),
            "dear-sedans": Segment("dear-sedans", "dear sedans", body="sedan", price_above_yuan=200000),
        },
        (
            ModelSegment("a1", "sedan", 250000),
            ModelSegment("b1", "sedan", 300000),
            ModelSegment("c1", "sedan", 100000),
        ),
    )
    # a1 is in both segments; the narrowest one holding it (dear sedans) leaves c1 out
    assert rival_of(figs, "a1", makers, seg, {"a1": "a1", "b1": "b1", "c1": "c1"}) == "b1"
    assert rival_of([Figure("a1", "2024-01", 1)], "a1", makers) is None

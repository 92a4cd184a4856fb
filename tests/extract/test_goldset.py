"""Quality on the hand-checked gold set (goldset/): the targets of issue 6."""

import importlib.util
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2] / "goldset"


def _module():
    spec = importlib.util.spec_from_file_location("goldset_score", GOLD / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _score(split: str = "") -> dict:
    return _module().score(GOLD, split=split)


def test_error_classes_count_each_wrong_fact_once():
    # by hand: in a1 the 480186 pair differs in its period, the 19 pair in entity and
    # metric; 36275 is read but not labelled; in a2 one labelled value is not read
    per_article = [
        {
            "doc": "a1",
            "facts": {
                "missed": [
                    ["byd", "sales", "480186", "vehicle", "eq", "2025-11"],
                    ["nio", "deliveries_yoy", "19", "percent", "eq", "2025-11"],
                ],
                "false": [
                    ["byd", "sales", "480186", "vehicle", "eq", "2024-11"],
                    ["xpeng", "sales_yoy", "19", "percent", "eq", "2025-11"],
                    ["nio", "deliveries", "36275", "vehicle", "eq", "2025-11"],
                ],
            },
        },
        {
            "doc": "a2",
            "facts": {"missed": [["li-auto", "revenue", "2.74e+10", "CNY", "eq", "2025-Q3"]], "false": []},
        },
    ]
    got = _module().error_classes(per_article)
    assert got == {
        "period wrong": 1,
        "entity and metric wrong": 1,
        "predicted value the labels do not hold": 1,
        "labelled value not read": 1,
    }


def _meets_targets(res: dict) -> None:
    assert res["values"]["precision"] >= 0.97 and res["values"]["recall"] >= 0.95
    assert res["facts"]["f1"] >= 0.85


@pytest.fixture(scope="module")
def result():
    return _score()


def test_at_least_thirty_written_articles(result):
    assert result["articles"] - (0 if "real000" in result["skipped"] else 1) >= 30


def test_values_precision_and_recall(result):
    assert result["values"]["precision"] >= 0.97
    assert result["values"]["recall"] >= 0.95


def test_full_fact_f1(result):
    assert result["facts"]["f1"] >= 0.85


@pytest.mark.parametrize(
    "split", ["holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7"]
)
def test_the_studied_held_out_sets_meet_the_same_targets(split):
    # sets written apart from the code, studied once scored and their misses fixed: a guard
    # that later changes keep what they taught
    res = _score(split)
    assert res["articles"] >= 8 and not res["skipped"]
    _meets_targets(res)


def test_the_newest_held_out_set_meets_the_targets():
    # holdout8: labelled apart from the code and never studied, the honest measure
    # (docs/extract.md)
    res = _score("holdout8")
    assert res["articles"] == 10 and not res["skipped"]
    _meets_targets(res)


def test_agreement_of_two_labellings_counts_shared_facts_per_article(tmp_path):
    spec = importlib.util.spec_from_file_location("goldset_agreement", GOLD / "agreement.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    first = (GOLD / "gold_holdout.csv").read_text(encoding="utf-8").splitlines()
    same = tmp_path / "same.csv"
    same.write_text("\n".join(first) + "\n", encoding="utf-8")
    res = mod.agreement("holdout", same, GOLD, with_extractor=False)
    assert res["facts"]["f1"] == 1.0 and res["facts"]["tp"] == len(first) - 1
    # by hand: drop one row and move another to a different period -> 2 of n facts differ
    # on the second side, so tp = n - 2, second = n - 1, first = n
    rows = first[1:]
    doc, entity, metric, _period, *rest = rows[0].split(",")
    moved = ",".join([doc, entity, metric, "1999", *rest])
    other = tmp_path / "other.csv"
    other.write_text("\n".join([first[0], moved, *rows[2:]]) + "\n", encoding="utf-8")
    res = mod.agreement("holdout", other, GOLD, with_extractor=False)
    n = len(rows)
    assert (res["facts"]["tp"], res["facts"]["predicted"], res["facts"]["gold"]) == (n - 2, n - 1, n)
    assert res["values"]["tp"] == n - 1

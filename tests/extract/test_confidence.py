"""The confidence model: how each reading is scored, set aside, and where the model comes
from (``goldset/train_confidence.py``)."""

import csv
import math
import sys
from datetime import date
from pathlib import Path

import pytest

from evlens.extract import extract_text
from evlens.extract.confidence import Model, fact_features, script_of, shipped_model
from evlens.extract.core import Skipped, read_facts

GOLDSET = Path(__file__).resolve().parents[2] / "goldset"
TEXT = "蔚来11月交付36,275辆。蔚来股价涨5%。"


def test_the_probability_is_the_logistic_of_the_weighted_features_and_low_ones_are_set_aside():
    model = Model(weights={"metric=share_return": -50.0, "unit=vehicle": 1.0}, intercept=2.0, threshold=0.5)
    skipped: list[Skipped] = []
    got = read_facts(TEXT, date(2025, 12, 2), skipped=skipped, model=model)
    # by hand: deliveries carry unit=vehicle, so z = 2 + 1; the share move z = 2 - 50
    assert [(f.metric, f.value, f.confidence) for f in got] == [
        ("deliveries", 36275.0, round(1 / (1 + math.exp(-3.0)), 4))
    ]
    assert [(s.metric, s.surface) for s in skipped] == [("share_return", "5%")]
    assert "confidence 0.0 below the threshold" in skipped[0].reason


def test_unjudged_reading_keeps_every_reading_of_the_rules():
    model = Model(weights={}, intercept=-10.0, threshold=0.5)  # every reading below
    assert read_facts(TEXT, date(2025, 12, 2), model=model) == []
    assert {f.metric for f in extract_text(TEXT, date(2025, 12, 2), judged=False)} == {
        "deliveries",
        "share_return",
    }


def test_features_read_the_window_as_simplified_and_note_repeats():
    hant_text = "理想汽車2月交付26,421輛，營收為315.62億元。"
    hant = extract_text(hant_text, date(2024, 3, 2), judged=False)
    hans = extract_text("理想汽车2月交付26,421辆。", date(2024, 3, 2), judged=False)
    fh, fs = list(fact_features(hant, hant_text)), list(fact_features(hans, "理想汽车2月交付26,421辆。"))
    assert "Lb:交付" in fh[0] and "Lb:交付" in fs[0] and "Lc:车" in fh[0]
    assert fh[0]["script=zh-Hant"] == 1.0 and fs[0]["script=zh-Hans"] == 1.0
    text = "蔚来11月交付36,275辆。蔚来11月交付超3.6万辆，蔚来10月交付36,275辆。"
    got = extract_text(text, date(2025, 12, 2), judged=False)
    assert [(f.period, f.value) for f in got] == [("2025-11", 36275), ("2025-11", 36000), ("2025-10", 36275)]
    x = list(fact_features(got, text))
    assert [(v["same_key_before"], v["same_value_before"]) for v in x] == [(0, 0), (1, 0), (0, 1)]
    assert [v["facts_in_sentence"] for v in x] == [0.1, 0.2, 0.2]


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("理想汽車公布，2月交付26,421輛，營收為315.62億元。", "zh-Hant"),
        ("理想汽车公布，2月交付26,421辆，营收为315.62亿元。", "zh-Hans"),
        ("Li Auto delivered 26,421 vehicles in February (理想汽车).", "en"),
    ],
)
def test_the_script_of_a_text(text, script):
    assert script_of(text) == script


def _sets_with_labels() -> set[str]:
    return {p.stem.removeprefix("gold_") for p in GOLDSET.glob("gold_real-test*.csv")} | {"real-tune"}


def test_the_shipped_model_never_read_a_set_kept_for_scoring():
    about = shipped_model().about
    trained, unseen = set(about["trained_on"]), set(about["never_read"])
    assert not trained & unseen
    # every labelled real-article set is either learned from or kept unseen, on purpose
    assert _sets_with_labels() <= trained | unseen
    assert 0 < shipped_model().threshold <= about["threshold_at_most"]


def _trainer():
    pytest.importorskip("sklearn", reason="scikit-learn (the train extra) fits the model")
    sys.path.insert(0, str(GOLDSET))
    import train_confidence

    return train_confidence


def test_training_refuses_the_unseen_sets():
    trainer = _trainer()
    with pytest.raises(SystemExit, match="unseen"):
        trainer.collect(["real-test63"])


def test_the_shipped_model_is_the_one_its_training_sets_give_today():
    """Fails when the rules change and the model is not fitted again: its features are
    readings of the rules."""
    trainer = _trainer()
    X, y, groups, _ = trainer.collect(trainer.REAL + trainer.WRITTEN)
    assert sorted(set(groups)) == sorted(shipped_model().about["trained_on"])
    assert len(y) == shipped_model().about["facts"] and sum(y) == shipped_model().about["right"]
    vec, clf = trainer._fit(X, y)
    got = clf.predict_proba(vec.transform(X))[:, 1]
    shipped = [shipped_model().probability(x) for x in X]
    assert max(abs(a - b) for a, b in zip(got, shipped)) < 1e-3


def test_the_manifest_of_every_trained_set_exists():
    for name in shipped_model().about["trained_on"]:
        path = GOLDSET / ("manifest.csv" if name == "main" else f"manifest_{name}.csv")
        with open(path, encoding="utf-8") as fh:
            assert list(csv.DictReader(fh)), name


def test_the_threshold_curve_is_smoothed_with_its_neighbours():
    trainer = _trainer()
    got = trainer._smoothed({0.0: 0.70, 0.05: 0.76, 0.10: 0.73, 0.15: 0.74})
    # by hand: ends average two points, inner points three
    assert got == pytest.approx({0.0: 0.73, 0.05: 0.73, 0.10: 2.23 / 3, 0.15: 0.735})

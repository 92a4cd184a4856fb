"""Fit the extractor's confidence model (src/evlens/extract/confidence.json).

    python goldset/train_confidence.py            # cross-validate, fit, write the model
    python goldset/train_confidence.py --dry-run  # cross-validate and fit; write nothing

Each fact the rules read from an article of the training sets (without the model) is a
case: right (entity, metric, value, unit, bound and period as a reader labelled it) or
not, matched as multisets within the article as ``score.py`` does. A logistic regression
(scikit-learn, L2, C = 1) learns the odds of "right" from the features of
:func:`evlens.extract.confidence.fact_features` that at least two facts have (C and that
floor were compared by the cross-validation below; others did no better).

The threshold is chosen by leave-one-set-out cross-validation: each set's facts are
scored by a model fitted on the other sets, and the threshold kept is the one giving the
best pooled facts F1 over the real-article sets (missed facts count in the recall), the F1
at each threshold averaged with its neighbours' (the curve is flat near its top, and
single steps of a few ten-thousandths would move the threshold from one fit to the next), among
the thresholds at or below every right reading of the written sets, by the model fitted
on every training set (so that their facts F1 cannot fall; a reading whose value their
labels hold but not as that fact may be set aside, which lowers no facts F1). That model is
the one written.

The real-article sets listed in ``UNSEEN`` are never read here: they are the sets scored
once, untuned, to give the honest figure. Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score import fact_key, load_gold  # noqa: E402

REAL = ["real-tune", "real-test"] + [f"real-test{i}" for i in range(2, 63)]
WRITTEN = ["", "holdout"] + [f"holdout{i}" for i in range(2, 9)] + ["releases"]
UNSEEN = ["real-test63", "real-test64"]
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 13)]
C = 1.0  # the inverse strength of the L2 penalty
MIN_FACTS = 2  # a feature is learned only when at least this many facts have it


def collect(splits: list[str], root: Path = HERE) -> tuple[list[dict], list[bool], list[str], Counter]:
    """Features, right or not, and set of every fact the rules read from the articles of
    ``splits``; and the labelled facts no reading matched, counted by set."""
    from evlens.extract import fact_to_dict, read_document
    from evlens.extract.confidence import fact_features
    from evlens.extract.core import read_facts

    if set(splits) & set(UNSEEN):
        raise SystemExit(f"refusing to read the unseen sets {sorted(set(splits) & set(UNSEEN))}")
    X: list[dict] = []
    y: list[bool] = []
    groups: list[str] = []
    missed: Counter = Counter()
    for split in splits:
        manifest, gold = load_gold(root, split)
        for row in manifest:
            path = (root / row["path"]).resolve()
            if not path.exists():
                continue
            doc = read_document(path, date.fromisoformat(row["date"]) if row.get("date") else None)
            facts = read_facts(doc.text, doc.published, judged=False)
            left = Counter(map(fact_key, gold.get(row["doc"], [])))
            for f, x in zip(facts, fact_features(facts, doc.text)):
                d = fact_to_dict(f)
                k = fact_key(d)
                X.append(x)
                y.append(left[k] > 0)
                groups.append(split or "main")
                left[k] -= left[k] > 0
            missed[split or "main"] += sum(left.values())
    return X, y, groups, missed


def _fit(X: list[dict], y: list[bool]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(k for x in X for k in x)
    vec = DictVectorizer().fit([{k: 1 for k in seen if seen[k] >= MIN_FACTS}])
    clf = LogisticRegression(C=C, max_iter=5000).fit(vec.transform(X), y)
    return vec, clf


def _f1(kept, right, n_gold: int) -> float:
    tp = (kept & right).sum()
    p, r = tp / max(1, kept.sum()), tp / max(1, n_gold)
    return round(float(2 * p * r / (p + r)), 4) if p + r else 0.0


def cross_validate(X, y, groups, missed) -> tuple[dict[float, float], dict[str, dict[float, float]]]:
    """Facts F1 at each threshold of ``THRESHOLDS``, each set scored by a model fitted on
    the others: pooled over the real-article sets, and for each of them."""
    import numpy as np

    prob = np.zeros(len(y))
    g = np.array(groups)
    for name in sorted(set(groups)):
        out = g == name
        vec, clf = _fit([x for x, o in zip(X, out) if not o], [v for v, o in zip(y, out) if not o])
        prob[out] = clf.predict_proba(vec.transform([x for x, o in zip(X, out) if o]))[:, 1]
    right = np.array(y)
    real = np.isin(g, REAL)
    pooled = {
        t: _f1(real & (prob >= t), right, right[real].sum() + sum(missed[s] for s in REAL))
        for t in THRESHOLDS
    }
    per_set = {
        s: {t: _f1((g == s) & (prob >= t), right, right[g == s].sum() + missed[s]) for t in THRESHOLDS}
        for s in REAL
    }
    return pooled, per_set


def _smoothed(table: dict[float, float]) -> dict[float, float]:
    """Each threshold's F1 averaged with those of its neighbours in ``table`` (sorted by
    threshold; one neighbour at either end)."""
    ts = sorted(table)
    return {
        t: sum(table[u] for u in ts[max(0, i - 1) : i + 2]) / len(ts[max(0, i - 1) : i + 2])
        for i, t in enumerate(ts)
    }


def train(dry_run: bool = False) -> dict:
    import sklearn

    from evlens.extract.confidence import MODEL_PATH, Model

    X, y, groups, missed = collect(REAL + WRITTEN)
    table, per_set = cross_validate(X, y, groups, missed)
    vec, clf = _fit(X, y)
    # the written sets' facts F1 may not fall: no threshold above a right reading of theirs
    written = [x for x, ok, g in zip(X, y, groups) if ok and g not in REAL]
    floor = float(clf.predict_proba(vec.transform(written))[:, 1].min())
    allowed = {t: f for t, f in table.items() if t <= floor}
    smooth = _smoothed(allowed)
    threshold = min(t for t, f in smooth.items() if f == max(smooth.values()))
    weights = {
        name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if round(w, 6)
    }
    model = Model(
        weights=weights,
        intercept=round(float(clf.intercept_[0]), 6),
        threshold=threshold,
        about={
            "trained_on": [s or "main" for s in REAL + WRITTEN],
            "never_read": UNSEEN,
            "facts": len(y),
            "right": int(sum(y)),
            "C": C,
            "scikit_learn": sklearn.__version__,
            "threshold_at_most": round(floor, 4),
            "cv_pooled_f1_by_threshold": {str(t): f for t, f in table.items()},
            "cv_f1_by_set_unjudged_and_judged": {s: [f[0.0], f[threshold]] for s, f in per_set.items()},
        },
    )
    if not dry_run:
        MODEL_PATH.write_text(
            json.dumps(model.to_dict(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
    return model.to_dict()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="cross-validate and fit; write nothing")
    args = ap.parse_args(argv)
    got = train(args.dry_run)
    about = got["about"]
    print(f"facts {about['facts']} (right {about['right']}), features {len(got['weights'])}")
    print("leave-one-set-out pooled facts F1 of the real-article sets, by threshold:")
    for t, f in about["cv_pooled_f1_by_threshold"].items():
        print(f"  {float(t):.2f}  {f:.4f}" + ("  <- kept" if float(t) == got["threshold"] else ""))
    print("each real-article set, leave-one-set-out facts F1 without the model -> with it:")
    for s, (a, b) in about["cv_f1_by_set_unjudged_and_judged"].items():
        print(f"  {s:12} {a:.3f} -> {b:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

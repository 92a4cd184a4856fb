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
best pooled facts F1 over the real-article sets (missed facts count in the recall), among
the thresholds at or below every right reading of the written sets by the model fitted on
every training set (so that they do not fall). That model is the one written.

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

REAL = ["real-tune", "real-test"] + [f"real-test{i}" for i in range(2, 21)]
WRITTEN = ["", "holdout"] + [f"holdout{i}" for i in range(2, 9)] + ["releases"]
UNSEEN = ["real-test21", "real-test22"]
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
                k = fact_key(fact_to_dict(f))
                X.append(x)
                y.append(left[k] > 0)
                groups.append(split or "main")
                if left[k] > 0:
                    left[k] -= 1
            missed[split or "main"] += sum(left.values())
    return X, y, groups, missed


def _fit(X: list[dict], y: list[bool]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(k for x in X for k in x)
    vec = DictVectorizer().fit([{k: 1 for k in seen if seen[k] >= MIN_FACTS}])
    clf = LogisticRegression(C=C, max_iter=5000).fit(vec.transform(X), y)
    return vec, clf


def cross_validate(X, y, groups, missed) -> dict[float, float]:
    """Pooled facts F1 over the real-article sets at each threshold of ``THRESHOLDS``, each
    set scored by a model fitted on the others."""
    import numpy as np

    prob = np.zeros(len(y))
    g = np.array(groups)
    for name in sorted(set(groups)):
        out = g == name
        vec, clf = _fit([x for x, o in zip(X, out) if not o], [v for v, o in zip(y, out) if not o])
        prob[out] = clf.predict_proba(vec.transform([x for x, o in zip(X, out) if o]))[:, 1]
    real = np.isin(g, REAL)
    right = np.array(y)
    n_gold = right[real].sum() + sum(missed[s] for s in REAL)
    table = {}
    for t in THRESHOLDS:
        kept = real & (prob >= t)
        tp = (kept & right).sum()
        p, r = tp / kept.sum(), tp / n_gold
        table[t] = round(float(2 * p * r / (p + r)), 4)
    return table


def train(dry_run: bool = False) -> dict:
    import sklearn

    from evlens.extract.confidence import MODEL_PATH, Model

    X, y, groups, missed = collect(REAL + WRITTEN)
    table = cross_validate(X, y, groups, missed)
    vec, clf = _fit(X, y)
    # the written sets may not fall: no threshold above a right reading of theirs
    written = [x for x, ok, g in zip(X, y, groups) if ok and g not in REAL]
    floor = float(clf.predict_proba(vec.transform(written))[:, 1].min())
    allowed = {t: f for t, f in table.items() if t <= floor}
    threshold = min(t for t, f in allowed.items() if f == max(allowed.values()))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How far two readers who labelled the same articles apart agree, scored as the
extractor is scored: one labelling taken as gold, the other as predicted.

    python goldset/agreement.py real-test14 goldset/agree14/gold.csv

Prints precision, recall and F1 of the second labelling against the first (the split's
``gold_<split>.csv``) for whole facts (entity, metric, value, unit, bound, period) and for
values only (value, unit, bound), pooled and per script; then the extractor's facts F1
against each labelling. F1 is symmetric, so which labelling is gold changes precision and
recall, not F1. The facts F1 between two careful readers is the ceiling an extractor can
be expected to reach against either one.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score import _add, _prf, article_lang, fact_key, load_gold, value_key  # noqa: E402


def _read(path: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["doc"], []).append(row)
    return out


def _extracted(root: Path, row: dict) -> list[dict]:
    from evlens.extract import extract_file, fact_to_dict

    published = date.fromisoformat(row["date"]) if row.get("date") else None
    _, facts = extract_file(root / row["path"], published)
    return [fact_to_dict(f) for f in facts]


def agreement(split: str, second: Path, root: Path = HERE, with_extractor: bool = True) -> dict:
    """Facts and values P/R/F1 of ``second`` against the split's gold, pooled and per
    script; with ``with_extractor``, the extractor's facts F1 against each labelling."""
    manifest, first = load_gold(root, split)
    other = _read(second)
    counts: dict = {}
    for row in manifest:
        a, b = first.get(row["doc"], []), other.get(row["doc"], [])
        lang = article_lang(root / row["path"])
        for key in ("facts", f"facts {lang}"):
            _add(counts, key, b, a, fact_key)
        _add(counts, "values", b, a, value_key)
        if with_extractor:
            got = _extracted(root, row)
            _add(counts, "extractor vs first", got, a, fact_key)
            _add(counts, "extractor vs second", got, b, fact_key)
    return {k: _prf(*v) for k, v in sorted(counts.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", help="the split whose gold is the first labelling (e.g. real-test14)")
    ap.add_argument("second", type=Path, help="the second labelling, a csv in the gold format")
    ap.add_argument("--no-extractor", action="store_true", help="leave out the extractor's scores")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = agreement(args.split, args.second, with_extractor=not args.no_extractor)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    for key, r in res.items():
        print(
            f"{key:22s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
            f"  (tp={r['tp']} second={r['predicted']} first={r['gold']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

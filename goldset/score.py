"""Score the extractor against the hand-checked gold set.

    python goldset/score.py            # summary
    python goldset/score.py -v         # and every miss and false hit, per article
    python goldset/score.py --json
    python goldset/score.py --split holdout8  # a held-out set (holdout, holdout2 … holdout8):
                                              # written apart from the code; see docs/extract.md
    python goldset/score.py --split real-test7 --slices  # real published articles, never tuned on,
                                              # with facts F1 per language and per maker
    python goldset/score.py --split real-test7 --classes  # and the wrong facts by class
    python goldset/score.py --split real-test7 --stand-in  # how near the date read from the
                                              # text of each dated article comes to its date
    python goldset/score.py --split releases  # eight of the makers' release articles bundled in
                                              # src/evlens/data/releases/articles (tuning material)

Two levels, each as precision, recall and F1 over all articles (facts matched as
multisets within each article):

* values: (value, unit, bound) -- is each number read with its unit and bound?
* facts:  (entity, metric, value, unit, bound, period) -- is the whole fact right?

``manifest.csv`` lists the articles (``date`` gives the publication date of plain-text
ones); ``gold.csv`` the facts a reader finds in them, written by hand from the text.
Articles whose file is missing (the real article lives in ``../shared``) are skipped and
reported.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _value(v) -> str:
    return f"{float(v):.6g}"


def value_key(f: dict) -> tuple:
    return (_value(f["value"]), f["unit"], f["bound"])


def fact_key(f: dict) -> tuple:
    return (f["entity"], f["metric"], _value(f["value"]), f["unit"], f["bound"], f["period"])


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
    }


def load_gold(root: Path = HERE, split: str = "") -> tuple[list[dict], dict[str, list[dict]]]:
    suffix = f"_{split}" if split else ""
    with open(root / f"manifest{suffix}.csv", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))
    gold: dict[str, list[dict]] = {}
    with open(root / f"gold{suffix}.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            gold.setdefault(row["doc"], []).append(row)
    return manifest, gold


def article_lang(path: Path) -> str:
    """The article's script from its front matter's ``lang:`` or ``language:`` (zh-Hant,
    zh-Hans, en), else ``-``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip() == "---":
        for line in lines[1:]:
            if line.strip() == "---":  # the front matter ends on a line of its own
                break
            if line.strip().startswith(("lang:", "language:")):
                return line.split(":", 1)[1].strip() or "-"
    return "-"


def maker_map(root: Path = HERE) -> dict[str, str]:
    """Entity slug -> the company at the top of its parents, from the gazetteer and the
    real set's list of slugs the gazetteer may lack."""
    parent: dict[str, str] = {}
    try:
        from evlens.gazetteer import load_gazetteer

        for e in load_gazetteer():
            if e.parent:
                parent[e.id] = e.parent
    except ImportError:
        pass
    slugs = root / "real_slugs.csv"
    if slugs.exists():
        with open(slugs, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("parent"):
                    parent.setdefault(row["slug"], row["parent"])
    out = {}
    for slug in set(parent) | set(parent.values()):
        top, seen = slug, set()
        while top in parent and top not in seen:
            seen.add(top)
            top = parent[top]
        out[slug] = top
    return out


def _add(counts: dict, key: str, pred: list, gold: list, keyfn) -> None:
    pc, gc = Counter(map(keyfn, pred)), Counter(map(keyfn, gold))
    c = counts.setdefault(key, [0, 0, 0])
    c[0] += sum((pc & gc).values())
    c[1] += sum(pc.values())
    c[2] += sum(gc.values())


def error_classes(per_article: list[dict]) -> Counter:
    """Each wrong fact counted once: within an article, a missed and a false fact with the
    same value, unit and bound are one error of the fields they differ in (entity, metric,
    period); a false fact left over is a value the labels do not hold, a missed one a
    labelled value not read."""
    classes: Counter = Counter()
    for d in per_article:
        missed, false = list(d["facts"]["missed"]), list(d["facts"]["false"])
        for g in list(missed):
            p = next((p for p in false if p[2:5] == g[2:5]), None)
            if p is None:
                continue
            wrong = [name for name, i in (("entity", 0), ("metric", 1), ("period", 5)) if g[i] != p[i]]
            classes[" and ".join(wrong) + " wrong"] += 1
            missed.remove(g)
            false.remove(p)
        classes["predicted value the labels do not hold"] += len(false)
        classes["labelled value not read"] += len(missed)
    return +classes


def score(root: Path = HERE, split: str = "") -> dict:
    """Extract every available article and compare with the gold facts.

    ``split="NAME"`` scores another set (``manifest_NAME.csv``, ``gold_NAME.csv``): the
    held-out articles, written after the extractor was tuned on the main set."""
    from evlens.extract import extract_file, fact_to_dict

    manifest, gold = load_gold(root, split)
    counts = {"values": [0, 0, 0], "facts": [0, 0, 0]}
    by_lang: dict[str, list[int]] = {}
    by_maker: dict[str, list[int]] = {}
    makers = maker_map(root)
    per_doc, skipped = [], []
    for row in manifest:
        path = (root / row["path"]).resolve()
        if not path.exists():
            skipped.append(row["doc"])
            continue
        published = date.fromisoformat(row["date"]) if row.get("date") else None
        _, facts = extract_file(path, published)
        pred = [fact_to_dict(f) for f in facts]
        g = gold.get(row["doc"], [])
        doc_out = {"doc": row["doc"]}
        for level, key in (("values", value_key), ("facts", fact_key)):
            pc, gc = Counter(map(key, pred)), Counter(map(key, g))
            tp = sum((pc & gc).values())
            counts[level][0] += tp
            counts[level][1] += sum(pc.values())
            counts[level][2] += sum(gc.values())
            doc_out[level] = {
                "missed": sorted(map(list, (gc - pc).elements())),
                "false": sorted(map(list, (pc - gc).elements())),
            }
        per_doc.append(doc_out)
        _add(by_lang, article_lang(path), pred, g, fact_key)
        for m in {makers.get(f["entity"], f["entity"]) for f in pred + g}:
            in_m = [f for f in pred if makers.get(f["entity"], f["entity"]) == m]
            _add(by_maker, m, in_m, [f for f in g if makers.get(f["entity"], f["entity"]) == m], fact_key)
        _add(
            by_maker,
            "(not xiaomi)",
            [f for f in pred if makers.get(f["entity"], f["entity"]) != "xiaomi"],
            [f for f in g if makers.get(f["entity"], f["entity"]) != "xiaomi"],
            fact_key,
        )
    return {
        "articles": len(per_doc),
        "skipped": skipped,
        "values": _prf(*counts["values"]),
        "facts": _prf(*counts["facts"]),
        "per_article": per_doc,
        "facts_by_lang": {k: _prf(*v) for k, v in sorted(by_lang.items())},
        "facts_by_maker": {k: _prf(*v) for k, v in sorted(by_maker.items(), key=lambda kv: -kv[1][2])},
    }


def stand_in(root: Path = HERE, split: str = "") -> dict:
    """For each article of the split with a date: the stand-in the extractor reads from its
    text with the front matter's ``date:`` line taken out (:func:`evlens.extract.dates.
    infer_date`), against that date. Counts the articles within 31 and 183 days of it, and
    those given none."""
    from evlens.extract.dates import infer_date
    from evlens.extract.normalize import normalize

    manifest, _ = load_gold(root, split)
    out = {"articles": 0, "within_31_days": 0, "within_183_days": 0, "none": 0}
    for row in manifest:
        path = (root / row["path"]).resolve()
        if not row.get("date") or not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if not line.startswith("date:"))
        got = infer_date(text, normalize(text).text)
        out["articles"] += 1
        if got is None:
            out["none"] += 1
            continue
        off = abs((got - date.fromisoformat(row["date"])).days)
        out["within_31_days"] += off <= 31
        out["within_183_days"] += off <= 183
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--split",
        default="",
        metavar="NAME",
        help="score manifest_NAME.csv / gold_NAME.csv (holdout … holdout8) instead of the main set",
    )
    ap.add_argument("--holdout", action="store_true", help="the same as --split holdout")
    ap.add_argument("--slices", action="store_true", help="also facts F1 per language and per maker")
    ap.add_argument(
        "--classes", action="store_true", help="also the wrong facts by class (each counted once)"
    )
    ap.add_argument(
        "--stand-in",
        action="store_true",
        help="only how near the date read from each dated article's text comes to its date",
    )
    args = ap.parse_args(argv)
    if args.stand_in:
        got = stand_in(split="holdout" if args.holdout else args.split)
        print(json.dumps(got) if args.json else ", ".join(f"{k} {v}" for k, v in got.items()))
        return 0
    res = score(split="holdout" if args.holdout else args.split)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    if args.verbose:
        for d in res["per_article"]:
            for level in ("facts",):
                for kind in ("missed", "false"):
                    for k in d[level][kind]:
                        print(f"{d['doc']:8} {level:6} {kind:6} {k}")
    print(
        f"articles scored: {res['articles']}"
        + (f" (skipped, file absent: {', '.join(res['skipped'])})" if res["skipped"] else "")
    )
    for level, label in (
        ("values", "values (value, unit, bound)"),
        ("facts", "facts (entity, metric, value, unit, bound, period)"),
    ):
        s = res[level]
        print(
            f"{label:55} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  "
            f"(tp {s['tp']}, predicted {s['predicted']}, gold {s['gold']})"
        )
    if args.slices:
        for title, table in (("language", res["facts_by_lang"]), ("maker", res["facts_by_maker"])):
            print(f"facts by {title}:")
            for k, s in table.items():
                if s["gold"] or s["predicted"]:
                    print(
                        f"  {k:22} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  "
                        f"(tp {s['tp']}, predicted {s['predicted']}, gold {s['gold']})"
                    )
    if args.classes:
        print("wrong facts by class:")
        for name, n in error_classes(res["per_article"]).most_common():
            print(f"  {n:5}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Split the real-article set into a half to tune on and a half to score once.

    python goldset/split_real.py

Within each script (traditional Chinese, simplified Chinese, English) the articles are
ordered by the SHA-256 of their id and dealt alternately to ``real-tune`` and
``real-test``, so the split is fixed, balanced and chosen by no one. Writes
``manifest_real-tune.csv``, ``gold_real-tune.csv``, ``manifest_real-test.csv`` and
``gold_real-test.csv`` from the labellers' ``manifest_real_*.csv`` and ``gold_real_*.csv``.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def script_of(path: Path) -> str:
    head = path.read_text(encoding="utf-8").split("---", 2)[1]
    for line in head.splitlines():
        if line.startswith("lang:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit(f"{path}: no lang in the front matter")


def main() -> None:
    manifest, gold = [], []
    for part in ("zh", "en"):
        with open(HERE / f"manifest_real_{part}.csv", encoding="utf-8") as fh:
            manifest += list(csv.DictReader(fh))
        with open(HERE / f"gold_real_{part}.csv", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            fields = reader.fieldnames
            gold += list(reader)
    halves: dict[str, set[str]] = {"real-tune": set(), "real-test": set()}
    by_script: dict[str, list[str]] = {}
    for row in manifest:
        by_script.setdefault(script_of(HERE / row["path"]), []).append(row["doc"])
    for docs in by_script.values():
        for i, doc in enumerate(sorted(docs, key=lambda d: hashlib.sha256(d.encode()).hexdigest())):
            halves["real-tune" if i % 2 == 0 else "real-test"].add(doc)
    for name, docs in halves.items():
        with open(HERE / f"manifest_{name}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, ["doc", "path", "date"])
            w.writeheader()
            w.writerows(r for r in manifest if r["doc"] in docs)
        with open(HERE / f"gold_{name}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fields)
            w.writeheader()
            w.writerows(r for r in gold if r["doc"] in docs)
        print(name, len(docs), "articles,", sum(r["doc"] in docs for r in gold), "facts")


if __name__ == "__main__":
    main()

"""Every evaluation set in ``goldset/`` is well formed: each labelled fact passes the rules
a stored fact must pass (value, unit, period, bound), names a metric the lexicon knows and
an entity the gazetteer or ``real_slugs.csv`` knows, and belongs to an article its
manifest lists; each listed article is there (or lives in ``../shared``). A typo in a
label would otherwise only show as a lower score."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from evlens.extract.lexicon import load_lexicon
from evlens.facts import BOUNDS, Fact
from evlens.gazetteer import load_gazetteer
from evlens.validate import fact_problem

GOLDSET = Path(__file__).resolve().parents[2] / "goldset"
GOLD_FILES = sorted(GOLDSET.glob("gold*.csv"))


def _slugs() -> set[str]:
    with open(GOLDSET / "real_slugs.csv", encoding="utf-8") as fh:
        extra = {r["slug"] for r in csv.DictReader(fh)}
    return {e.id for e in load_gazetteer()} | extra


def _metrics() -> set[str]:
    """The metrics a fact may have: each the lexicon names (not a kind of figure no metric
    holds), its changes on the year and the month, and an index's move and level."""
    named = {m for m in load_lexicon().metric_words.values() if not m.startswith("unheld") and m != "growth"}
    return named | {m + s for m in named for s in ("_yoy", "_mom")} | {"index_return", "index_level"}


def _manifest_of(gold: Path) -> Path:
    return gold.with_name("manifest" + gold.name[len("gold") :])


def test_every_gold_file_has_its_manifest():
    assert len(GOLD_FILES) >= 10
    assert [g.name for g in GOLD_FILES if not _manifest_of(g).exists()] == []


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_every_label_is_a_valid_fact_of_a_listed_article(gold):
    slugs, metrics = _slugs(), _metrics()
    with open(_manifest_of(gold), encoding="utf-8") as fh:
        listed = {r["doc"]: r["path"] for r in csv.DictReader(fh)}
    problems = []
    with open(gold, encoding="utf-8") as fh:
        for line, r in enumerate(csv.DictReader(fh), start=2):
            where = f"{gold.name}, line {line}"
            if r["doc"] not in listed:
                problems.append(f"{where}, field 'doc': {r['doc']!r} is in no manifest row")
            if r["entity"] not in slugs:
                problems.append(f"{where}, field 'entity': unknown slug {r['entity']!r}")
            if r["metric"] not in metrics:
                problems.append(f"{where}, field 'metric': unknown metric {r['metric']!r}")
            if r["bound"] not in BOUNDS:
                problems.append(f"{where}, field 'bound': {r['bound']!r}")
            fact = Fact(
                entity=r["entity"],
                metric=r["metric"],
                period=r["period"],
                value=float(r["value"]),
                unit=r["unit"],
                bound=r["bound"] if r["bound"] in BOUNDS else "eq",
            )
            found = fact_problem(fact, today=date(2100, 1, 1))
            if found is not None:
                problems.append(f"{where}, field {found[0]!r}: {found[1]}")
    assert problems == []


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_every_listed_article_is_there(gold):
    with open(_manifest_of(gold), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # the articles of the first written set live beside the project, in ../shared
    missing = [r["path"] for r in rows if not (GOLDSET / r["path"]).exists() and "shared" not in r["path"]]
    assert missing == []

"""How likely a careful reader is to record each extracted fact as it stands.

The rules of :mod:`evlens.extract.core` read every figure they can place; some of what
they read is a figure a reader would not record (a segment's revenue, a market share, a
price the article only mentions), or is recorded with another time or subject. This module
scores each fact with a logistic model learned from the real published articles of
``goldset/`` whose facts were labelled by readers who saw neither the code nor its output
(``goldset/train_confidence.py`` fits it; the sets it learned from are listed in the
model file, and the sets kept unseen for scoring are not among them).

The probability of fact *i* is the logistic function of a weighted sum of its features::

    p_i = 1 / (1 + exp(-(b + sum_k w_k * x_ik)))

with ``x_ik`` the features of :func:`fact_features` (indicators, and three numbers of
about 0 to 1) and ``b``, ``w_k`` the model's intercept and weights. A feature the model never
saw weighs nothing. :func:`judge` sets ``confidence = p_i`` on each fact and sets aside
the facts with ``p_i`` below the model's threshold (chosen by leave-one-set-out
cross-validation on the training sets, to maximise their pooled facts F1 without setting
aside a reading whose value a written set's labels hold).

The model is data (``confidence.json``): a mapping of feature to weight, read once.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from ..facts import Fact
from .script import to_simplified

MODEL_PATH = Path(__file__).with_name("confidence.json")
WINDOW = 12  # characters either side of a figure's span that its features read (24 in English)
SAMPLE = 20_000  # characters the script is told from (a count over a whole long text would hold a list of its characters)

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[a-z]+")
_GRAINS = (
    ("day", re.compile(r"\d{4}-\d{2}-\d{2}")),
    ("month", re.compile(r"\d{4}-\d{2}")),
    ("quarter", re.compile(r"\d{4}-Q\d")),
    ("half", re.compile(r"\d{4}-H\d")),
    ("year", re.compile(r"\d{4}")),
)


@dataclass(frozen=True)
class Model:
    """A fitted model: ``weights`` by feature name, ``intercept`` and the ``threshold``
    below which a fact is set aside; ``about`` holds what it was fitted on."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    about: dict = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        """``1 / (1 + exp(-(intercept + sum of weight * value)))``."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict:
        return {
            "intercept": self.intercept,
            "threshold": self.threshold,
            "about": self.about,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Model:
        return cls(
            weights={str(k): float(v) for k, v in d["weights"].items()},
            intercept=float(d["intercept"]),
            threshold=float(d["threshold"]),
            about=dict(d.get("about", {})),
        )


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model bundled with the package (``confidence.json``)."""
    return Model.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def script_of(text: str) -> str:
    """``zh-Hant``, ``zh-Hans`` or ``en``, from the first :data:`SAMPLE` characters:
    Chinese when Han characters are at least a third as many as Latin letters, traditional
    when over 5% of them are characters OpenCC converts."""
    text = text[:SAMPLE]
    han = len(_HAN.findall(text))
    if han * 3 < len(_LATIN.findall(text)) or han == 0:
        return "en"
    trad = sum(a != b for a, b in zip(text, to_simplified(text)))
    return "zh-Hant" if trad > 0.05 * han else "zh-Hans"


def _grain(period: str) -> str:
    for name, pattern in _GRAINS:
        if pattern.fullmatch(period):
            return name
    return "none" if not period else "other"


def _tokens(s: str, side: str) -> dict[str, float]:
    """English words, and Chinese characters and character pairs, of a window (traditional
    characters read as simplified)."""
    s = to_simplified(s).lower()
    out = {f"{side}w:{w}": 1.0 for w in _WORD.findall(s)}
    han = _HAN.findall(s)
    out.update((f"{side}c:{a}", 1.0) for a in han)
    out.update((f"{side}b:{a}{b}", 1.0) for a, b in pairwise(han))
    return out


def _whole_words(text: str, a: int, b: int) -> str:
    """``text[a:b]`` without a word the window cuts at either end (a Latin word that runs
    on past ``a`` or ``b``)."""
    a, b = max(0, a), min(len(text), b)
    if 0 < a < b and text[a - 1].isascii() and text[a - 1].isalpha():
        while a < b and text[a].isascii() and text[a].isalpha():
            a += 1
    if a < b < len(text) and text[b].isascii() and text[b].isalpha():
        while b > a and text[b - 1].isascii() and text[b - 1].isalpha():
            b -= 1
    return text[a:b]


def fact_features(facts: Sequence[Fact], text: str) -> Iterator[dict[str, float]]:
    """The features of each fact of one article, one at a time, in order (``facts`` as the extractor
    returns them; spans index ``text``): its metric, unit, bound, rate, the grain of its
    period and their pairs; whether it has an entity; the rules that read it; the article's
    script; the words and characters within :data:`WINDOW` characters either side of its
    span (twice that in English, whose words are longer; a word the window cuts is left
    out); whether an earlier fact had the same entity, metric and period, or the same
    value; the number of facts read from its sentence (over 10, capped at 1); where it
    stands in the text (0 to 1); and log10 of its size over 10."""
    script = script_of(text)
    width = WINDOW if script != "en" else 2 * WINDOW
    per_sentence = Counter(f.sentence for f in facts)
    seen: set[tuple] = set()
    for f in facts:
        start, end = f.span_start or 0, f.span_end or 0
        grain = _grain(f.period)
        x = {
            f"metric={f.metric}": 1.0,
            f"unit={f.unit}": 1.0,
            f"bound={f.bound}": 1.0,
            f"grain={grain}": 1.0,
            f"script={script}": 1.0,
            f"no_entity={not f.entity}": 1.0,
            f"rate={f.rate}": 1.0,
            f"cumulative={f.cumulative}": 1.0,
            f"metric_unit={f.metric}|{f.unit}": 1.0,
            f"metric_grain={f.metric}|{grain}": 1.0,
            # (a reader labelling an article with no date leaves out what only a date would place)
            f"undated_grain={f.published is None}|{grain}": 1.0,
            f"undated_metric={f.published is None}|{f.metric}": 1.0,
        }
        x.update((f"rule={r}", 1.0) for r in f.method.split(":", 1)[-1].split("+"))
        x.update(_tokens(_whole_words(text, start - width, start), "L"))
        x.update(_tokens(_whole_words(text, end, end + width), "R"))
        key, value = ("key", f.entity, f.metric, f.period), ("value", f.value)
        x["same_key_before"] = float(key in seen)
        x["same_value_before"] = float(value in seen)
        seen.update((key, value))
        x["facts_in_sentence"] = min(per_sentence[f.sentence], 10) / 10
        x["position"] = start / max(1, len(text))
        x["log_size"] = math.log10(abs(f.value) + 1) / 10
        yield x


def judge(facts: list[Fact], text: str, model: Model | None = None) -> tuple[list[Fact], list[Fact]]:
    """Set each fact's ``confidence`` to the model's probability (:func:`shipped_model`
    unless ``model`` is given) and split the facts into those at or above its threshold and
    those below, each list in the order given."""
    model = model or shipped_model()
    kept: list[Fact] = []
    below: list[Fact] = []
    for f, x in zip(facts, fact_features(facts, text)):
        p = round(model.probability(x), 4)
        object.__setattr__(f, "confidence", p)  # (facts are frozen; these are new)
        (kept if p >= model.threshold else below).append(f)
    return kept, below

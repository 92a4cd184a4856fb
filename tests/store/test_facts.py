from dataclasses import fields
from datetime import date

import pytest

from evlens.facts import Fact


def test_trusted_construction_builds_the_same_fact():
    kw = {
        "entity": "xiaomi-su7",
        "metric": "deliveries",
        "period": "2024-04",
        "value": 7058.0,
        "unit": "vehicle",
        "bound": "gt",
        "rate": "month",
        "cumulative": True,
        "document_id": "d1",
        "span_start": 3,
        "span_end": 9,
        "surface": "7,058",
        "sentence": "s",
        "method": "extract:clause",
        "confidence": 0.9,
        "published": date(2025, 2, 8),
    }
    a, b = Fact.trusted(**kw), Fact(**kw)
    assert a == b and hash(a) == hash(b) and a.id == b.id
    # every field is set, defaults included, and the result stays frozen
    assert {f.name: getattr(a, f.name) for f in fields(Fact)} == {
        f.name: getattr(b, f.name) for f in fields(Fact)
    }
    assert a.extra == {} and a.extra is not Fact.trusted(**kw).extra
    with pytest.raises(AttributeError):
        a.value = 1.0  # type: ignore[misc]


def test_checked_construction_refuses_an_unknown_bound():
    with pytest.raises(ValueError, match="bound"):
        Fact(entity="x", metric="deliveries", period="2024", value=1.0, unit="vehicle", bound="about")

"""The defaults of the shared result base, on a small result written here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pytest

from evlens.results import Result


@dataclass(frozen=True)
class Pace(Result):
    entity: str
    day: date
    ratio: float
    months: tuple[str, ...]


def test_default_to_dict_and_summary():
    r = Pace("xiaomi", date(2025, 12, 31), np.float64(1.176), ("2025-11", "2025-12"))
    assert r.to_dict() == {
        "entity": "xiaomi",
        "day": "2025-12-31",
        "ratio": 1.176,
        "months": ["2025-11", "2025-12"],
    }
    # the plain fields, one a line under the class's name; the list is left to to_dict()
    assert r.summary() == "Pace\n  entity: xiaomi\n  day: 2025-12-31\n  ratio: 1.176"
    assert str(r) == r.summary()


def test_a_result_that_is_no_dataclass_must_write_its_own_to_dict():
    class Loose(Result):
        pass

    with pytest.raises(TypeError, match="no dataclass"):
        Loose().to_dict()

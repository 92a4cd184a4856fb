import math
from datetime import date, datetime

import numpy as np
import pandas as pd

from evlens.values import is_missing, jsonable, optional, to_date


def test_missing_markers():
    assert all(is_missing(v) for v in (None, math.nan, np.nan, pd.NaT, pd.NA))
    assert not any(is_missing(v) for v in (0, 0.0, "", "nan", date(2024, 1, 1)))
    assert optional(np.float64("nan")) is None and optional(3) == 3


def test_to_date():
    assert to_date(pd.Timestamp("2024-05-01 13:00")) == date(2024, 5, 1)
    assert to_date("2024-05-01T00:00:00") == date(2024, 5, 1)
    assert to_date(datetime(2024, 5, 1, 9)) == datetime(2024, 5, 1, 9)  # a date already
    assert to_date("May 1st") is None and to_date(pd.NaT) is None


def test_jsonable():
    raw = {
        "d": pd.Timestamp("2025-02-06"),
        "x": np.int64(3),
        "a": np.array([1.5, np.nan]),
        "t": (math.inf, date(2024, 12, 31)),
        1: None,
    }
    assert jsonable(raw) == {
        "d": "2025-02-06",
        "x": 3,
        "a": [1.5, None],
        "t": [None, "2024-12-31"],
        "1": None,
    }

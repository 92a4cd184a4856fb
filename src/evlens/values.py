"""Cell values as pandas and DuckDB hand them over: missing markers, dates, JSON.

A value is *missing* when it is ``None``, a float NaN, ``pd.NaT`` or ``pd.NA``.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


def is_missing(v: Any) -> bool:
    return v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def optional(v: Any) -> Any:
    """``v``, or None when it is missing."""
    return None if is_missing(v) else v


def to_date(v: Any) -> date | None:
    """A calendar date from a Timestamp, a date or ISO text (``2024-05-01...``); None when
    missing or unreadable."""
    if is_missing(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def jsonable(obj: Any) -> Any:
    """JSON-ready, recursively: missing and infinite numbers to None, dates and timestamps
    to ``YYYY-MM-DD``, NumPy scalars and arrays to Python values and lists, tuples to lists."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return jsonable(obj.tolist())
    if is_missing(obj) or (isinstance(obj, float) and math.isinf(obj)):
        return None
    if isinstance(obj, (date, pd.Timestamp)):
        return obj.isoformat()[:10]
    if hasattr(obj, "item"):
        return jsonable(obj.item())
    return obj


def json_default(o: Any) -> Any:
    """What ``json.dumps`` cannot write by itself: dates and times as ISO text, result
    objects through their ``to_dict()``, NumPy scalars as Python values, sets and tuples as
    lists, paths as text. Anything else is an error, never a silent ``str()``."""
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if hasattr(o, "to_dict"):
        return o.to_dict()
    if hasattr(o, "item"):
        return o.item()
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    if isinstance(o, Path):
        return str(o)
    raise TypeError(f"cannot write {type(o).__name__} as JSON")


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """The one JSON writer of the CLI and the dashboard: UTF-8 text kept as is (Chinese is
    not escaped), no NaN or infinity (``allow_nan=False``: make them ``None`` first, see
    :func:`jsonable`), the types of :func:`json_default`."""
    return json.dumps(obj, default=json_default, ensure_ascii=False, indent=indent, allow_nan=False)

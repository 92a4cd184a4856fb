"""Result objects of an event study: frozen, JSON-ready through ``to_dict()``."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..results import Result
from .spec import StudySpec

#: Short column headers of the text summary.
SHORT = {
    "t_test": "t",
    "brown_warner_1980": "BW80",
    "brown_warner_1985": "BW85",
    "patell": "Patell",
    "patell_kp": "Pat-KP",
    "bmp": "BMP",
    "bmp_kp": "BMP-KP",
    "corrado_rank": "rank",
    "modified_rank": "mrank",
    "sign": "sign",
    "generalized_sign": "gsign",
}

#: Test columns of the tables, in display order.
TESTS: tuple[str, ...] = (
    "t_test",
    "brown_warner_1980",
    "brown_warner_1985",
    "patell",
    "patell_kp",
    "bmp",
    "bmp_kp",
    "corrado_rank",
    "modified_rank",
    "sign",
    "generalized_sign",
)


def _num(x: Any) -> float | None:
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def _iso(x: date | datetime | None) -> str | None:
    return x.isoformat() if x is not None else None


@dataclass(frozen=True)
class EventResult:
    """One event of one security: its abnormal returns by relative day and over the window.

    ``car_t = CAR / sqrt(Var(CAR))`` with the variance from the estimation window only
    (see :func:`evlens.events.models.car_variance`); ``car_p`` its two-sided p-value
    (Student's t with the estimation degrees of freedom). ``bhar`` is the buy-and-hold
    abnormal return ``prod(1 + R_t) - prod(1 + N_t)`` over the window (``N_t`` the normal
    return), in simple-return terms whatever the return convention.
    """

    key: str
    ticker: str
    label: str | None
    event_date: str  # as given: YYYY-MM-DD or YYYY-MM-DDTHH:MM (local exchange time)
    day0: date | None
    ar: dict[int, float | None]
    car: float | None
    car_t: float | None
    car_p: float | None
    bhar: float | None
    alpha: float | None
    beta: float | None
    sigma: float | None
    estimation_days: int
    included: bool
    note: str | None = None
    source: str | None = None
    facts: tuple[str, ...] = ()  # the stored facts behind the event, when it came from facts

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "ticker": self.ticker,
            "label": self.label,
            "event_date": self.event_date,
            "day0": _iso(self.day0),
            "ar": {str(k): _num(v) for k, v in self.ar.items()},
            "car": _num(self.car),
            "car_t": _num(self.car_t),
            "car_p": _num(self.car_p),
            "bhar": _num(self.bhar),
            "alpha": _num(self.alpha),
            "beta": _num(self.beta),
            "sigma": _num(self.sigma),
            "estimation_days": self.estimation_days,
            "included": self.included,
            "note": self.note,
            "source": self.source,
            "facts": list(self.facts),
        }


@dataclass(frozen=True)
class TestRow:
    """The cross-event statistics of one relative day (``day``) or of the whole window
    (``day`` is ``None``; then ``mean`` is the CAAR)."""

    day: int | None
    n: int
    mean: float | None
    caar: float | None
    stats: dict[str, float | None]
    p_values: dict[str, float | None]

    def to_dict(self) -> dict:
        return {
            "day": self.day,
            "n": self.n,
            "mean": _num(self.mean),
            "caar": _num(self.caar),
            "stats": {k: _num(v) for k, v in self.stats.items()},
            "p_values": {k: _num(v) for k, v in self.p_values.items()},
        }


@dataclass(frozen=True)
class EventStudyResult(Result):
    """All events and the tests across them.

    ``daily`` holds one :class:`TestRow` per relative day (``mean`` = AAR, ``caar`` its
    running sum); ``window`` the tests of the cumulative abnormal returns over the whole
    event window. ``cross_correlation`` is the average correlation used by the
    Kolari-Pynnönen adjustment (``None`` when not computed).
    """

    spec: StudySpec
    benchmark: str | None
    events: tuple[EventResult, ...]
    daily: tuple[TestRow, ...]
    window: TestRow
    cross_correlation: float | None
    cross_correlation_window: float | None
    positive_share: float | None
    notes: tuple[str, ...] = field(default=())

    @property
    def n_included(self) -> int:
        return sum(e.included for e in self.events)

    def to_dict(self) -> dict:
        return {
            "spec": self.spec.to_dict(),
            "benchmark": self.benchmark,
            "n_events": len(self.events),
            "n_included": self.n_included,
            "events": [e.to_dict() for e in self.events],
            "tests": {
                "daily": [r.to_dict() for r in self.daily],
                "window": self.window.to_dict(),
            },
            "cross_correlation": _num(self.cross_correlation),
            "cross_correlation_window": _num(self.cross_correlation_window),
            "positive_share": _num(self.positive_share),
            "notes": list(self.notes),
        }

    def daily_frame(self):
        """The daily test table as a pandas DataFrame indexed by relative day."""
        import pandas as pd

        rows = []
        for r in self.daily:
            row = {"day": r.day, "n": r.n, "aar": r.mean, "caar": r.caar}
            row.update(r.stats)
            rows.append(row)
        return pd.DataFrame(rows).set_index("day")

    def summary(self) -> str:
        """A plain-text report: the design, each event, then the tests."""
        s = self.spec
        lines = [
            f"Event study: {len(self.events)} event(s), {self.n_included} tested; model {s.model}"
            + (f" against {self.benchmark}" if self.benchmark else "")
            + f"; {'log' if s.log_returns else 'simple'} returns",
            f"event window ({s.window[0]}, {s.window[1]}), estimation {s.estimation} days, gap {s.gap}",
            "",
            f"{'event':<34} {'day 0':<10} {'CAR':>8} {'t':>7} {'BHAR':>8}",
        ]

        def pct(x: float | None) -> str:
            return f"{x * 100:7.2f}%" if x is not None and math.isfinite(x) else "      --"

        def num(x: float | None, w: int = 7) -> str:
            return f"{x:{w}.2f}" if x is not None and math.isfinite(x) else " " * (w - 2) + "--"

        for e in self.events:
            name = f"{e.ticker} {e.event_date}" + (f" {e.label}" if e.label else "")
            lines.append(
                f"{name[:34]:<34} {_iso(e.day0) or '--':<10} {pct(e.car)} {num(e.car_t)} {pct(e.bhar)}"
                + ("" if e.included else f"  ({e.note})")
            )
        lines.append("")
        head = f"{'day':>6} {'N':>4} {'AAR':>8} " + " ".join(f"{SHORT[t]:>6}" for t in TESTS)
        lines.append(head)
        for r in (*self.daily, self.window):
            d = "window" if r.day is None else str(r.day)
            lines.append(f"{d:>6} {r.n:>4} {pct(r.mean)} " + " ".join(num(r.stats.get(t), 6) for t in TESTS))
        for n in self.notes:
            lines.append(f"note: {n}")
        return "\n".join(lines)

"""What an event study is asked to do: the return model and the windows, in trading days.

Relative days count sessions of the security's own exchange calendar; day 0 is the first
session at or after the announcement (see :mod:`evlens.calendars`). For an event
window ``(a, b)`` and a gap ``g``, the estimation window is the ``estimation`` sessions that
end ``g`` sessions before day ``a``::

    [a - g - estimation, a - g - 1]  estimation      (gap)      [a, b]  event window
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..errors import InputError

MODELS: tuple[str, ...] = ("market", "market-adjusted", "constant-mean")

#: Number of parameters each normal-return model estimates on the estimation window.
MODEL_PARAMETERS: dict[str, int] = {"market": 2, "constant-mean": 1, "market-adjusted": 0}


@dataclass(frozen=True)
class StudySpec:
    """The design of an event study.

    - ``model``: ``market`` (OLS of the security's return on the benchmark's over the
      estimation window), ``market-adjusted`` (abnormal = security minus benchmark) or
      ``constant-mean`` (abnormal = security minus its estimation-window mean).
    - ``window``: event window ``(a, b)`` in trading days relative to day 0, ``a <= b``.
    - ``estimation``: length of the estimation window in sessions; ``gap``: sessions
      between its end and day ``a``.
    - ``log_returns``: returns are log returns (``ln(P_t / P_{t-1})``) instead of simple.
    - ``ddof``: the abnormal-return variance is ``sum((e - mean(e))**2) / (n - ddof)`` over
      the ``n`` valid estimation days. ``1`` (default) is the sample variance used by
      Brown and Warner and by estudy2; ``2`` gives the unbiased residual variance of the
      market model (MacKinlay 1997).
    - ``min_estimation``: events with fewer valid estimation days are reported but left
      out of the tests (default: half the estimation window, at least 5).
    - ``estudy2_compat``: reproduce two quirks of the R package estudy2: Patell and BMP
      standardise with the benchmark mean and sum of squares over all benchmark days of
      the estimation window (even those on which the security has no return), and the
      rank tests scale cross-sectional sums as if no return were missing.
    """

    model: str = "market"
    window: tuple[int, int] = (-1, 1)
    estimation: int = 250
    gap: int = 10
    log_returns: bool = False
    ddof: int = 1
    min_estimation: int | None = None
    estudy2_compat: bool = False

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise InputError(f"unknown model {self.model!r}; use one of {', '.join(MODELS)}", field="model")
        a, b = self.window
        if int(a) != a or int(b) != b or a > b:
            raise InputError(f"event window {self.window!r} must be two whole days a <= b", field="window")
        object.__setattr__(self, "window", (int(a), int(b)))
        if self.estimation < 3:
            raise InputError(
                f"estimation window of {self.estimation} days is too short (need at least 3)",
                field="estimation",
            )
        if self.gap < 0:
            raise InputError(f"gap must be zero or more days, not {self.gap}", field="gap")
        if self.ddof < 0:
            raise InputError(f"ddof must be zero or more, not {self.ddof}", field="ddof")
        if self.min_estimation is not None and not 3 <= self.min_estimation <= self.estimation:
            raise InputError(
                f"min_estimation must lie between 3 and the estimation length ({self.estimation})",
                field="min_estimation",
            )

    @property
    def needs_benchmark(self) -> bool:
        return self.model != "constant-mean"

    @property
    def parameters(self) -> int:
        return MODEL_PARAMETERS[self.model]

    @property
    def event_days(self) -> tuple[int, ...]:
        """Relative days of the event window, ``a .. b``."""
        return tuple(range(self.window[0], self.window[1] + 1))

    @property
    def estimation_days(self) -> tuple[int, int]:
        """First and last relative day of the estimation window."""
        end = self.window[0] - self.gap - 1
        return end - self.estimation + 1, end

    @property
    def min_valid(self) -> int:
        if self.min_estimation is not None:
            return self.min_estimation
        return max(5, self.estimation // 2)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["window"] = list(self.window)
        d["estimation_days"] = list(self.estimation_days)
        d["min_estimation"] = self.min_valid
        return d

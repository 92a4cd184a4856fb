"""Facts that cannot hold together: which to leave out, or the error that names them.

Used by every analysis that solves many facts at once (the monthly deliveries series):
while no monthly series satisfies the facts, a minimal conflicting set is found (deletion
filter, :func:`evlens.reconcile.intervals.minimal_conflict`). With ``raise`` that set is the
error. With ``prefer-official`` the press figure of the set with the least standing
(lowest confidence, then known earliest, then id) is left out and recorded with the facts
it contradicted; a set made only of official figures is still an error.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import ConflictError, InputError
from .records import FactRecord

ON_CONFLICT = ("raise", "prefer-official")


def resolve_conflicts(
    n: int,
    cons: list,
    records: Mapping[str, FactRecord],
    on_conflict: str = "prefer-official",
    what: str = "facts",
) -> tuple[list, list[dict]]:
    """Make the constraints (:class:`evlens.reconcile.intervals.Constraint`) feasible, or raise."""
    from . import intervals as iv  # here, not at the top: SciPy loads only when facts are solved together

    if on_conflict not in ON_CONFLICT:
        raise InputError(f"on_conflict must be one of {', '.join(ON_CONFLICT)}", field="on_conflict")
    dropped: list[dict] = []
    cons = list(cons)
    while not iv.is_feasible(n, cons):
        culprits = iv.minimal_conflict(n, cons)
        lines = "; ".join(c.label for c in culprits)
        press = [c for c in culprits if c.fact_id in records and not records[c.fact_id].official]
        if on_conflict == "raise" or not press:
            hint = (
                (
                    " (leave one out with --exclude ID, or prefer official figures over press ones "
                    "with --on-conflict prefer-official)"
                )
                if on_conflict == "raise"
                else " (all official figures)"
            )
            raise ConflictError(f"{what} cannot all hold (no monthly series satisfies them): {lines}{hint}")

        def standing(c):
            r = records[c.fact_id]
            return (r.confidence, r.known_from, r.id)

        victim = min(press, key=standing)
        r = records[victim.fact_id]
        others = sorted({c.fact_id for c in culprits if c.fact_id != victim.fact_id})
        dropped.append(
            {
                "id": r.id,
                "period": r.period,
                "metric": r.metric,
                "value": r.value,
                "bound": r.bound,
                "reason": f"a press figure contradicting {', '.join(others)} (prefer-official)",
            }
        )
        cons = [c for c in cons if c.fact_id != victim.fact_id]
    return cons, dropped

"""Reads for model rankings: every model's monthly figure in the month's list, with its source.

A month's *list* for a metric is the set of monthly figures of that metric stored from
one document (for China's BEV retail sales: one month of the CPCA top-seller table). When
several documents hold figures for the same month, the list is the document with the most
models that month (then the latest published, then the smallest document id), so that a
lone figure from a press release never stands in for the month's table.

Which figures count as a model's: facts of kind ``model`` in the gazetteer, and every row
of a by-model table (``import:by-model``) whose entity is not an aggregate (a maker's
first model may share its name with the brand, as NIO's Firefly does). Model groups
(SU7+YU7) and aggregates ("other BEVs", all passenger cars) are left out. Only exact and
approximate figures (bound ``eq`` or ``approx``) are ranked; a lower bound such as "more
than 10,000" is no value to rank. A model with two rows in the same list keeps the first
(by position in the document).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .core import Store

_FIGURES_SQL = """
WITH candidates AS (
    SELECT f.id AS fact_id, f.entity, f.period AS month, f.value, f.source_url, f.document_id,
           f.published, f.span_start, e.name_en AS name, e.parent AS brand, p.name_en AS brand_name
    FROM facts f
    JOIN entities e ON e.id = f.entity
    LEFT JOIN entities p ON p.id = e.parent
    WHERE f.metric = $metric
      AND regexp_full_match(f.period, '[0-9]{4}-[0-9]{2}')
      AND f.bound IN ('eq', 'approx')
      AND isfinite(f.value) AND f.value >= 0
      AND e.kind <> 'aggregate'
      AND (e.kind = 'model' OR f.method = 'import:by-model')
      AND ($start IS NULL OR f.period >= $start)
      AND ($end IS NULL OR f.period <= $end)
),
lists AS (
    SELECT month, document_id,
           row_number() OVER (PARTITION BY month
                              ORDER BY count(DISTINCT entity) DESC, max(published) DESC NULLS LAST,
                                       document_id NULLS LAST) AS pick
    FROM candidates
    GROUP BY month, document_id
)
SELECT c.entity, c.month, c.value, c.name, c.brand, c.brand_name, c.source_url, c.fact_id, c.document_id
FROM candidates c
JOIN lists l ON l.month = c.month AND l.document_id IS NOT DISTINCT FROM c.document_id AND l.pick = 1
QUALIFY row_number() OVER (PARTITION BY c.month, c.entity ORDER BY c.span_start NULLS LAST, c.fact_id) = 1
ORDER BY c.month, c.value DESC, c.entity
"""


def model_figures(
    store: Store, metric: str = "retail_sales", start: str | None = None, end: str | None = None
) -> list[dict]:
    """Every model's figure in each month's list of ``metric`` (months ``start`` to ``end``,
    ``YYYY-MM``, both optional and included), as dicts with the fields of
    :class:`evlens.ops.rankings.Figure`: entity, month, value, name, brand, brand_name,
    source_url, fact_id, document_id. Ordered by month, then value (highest first)."""
    cur = store.con.execute(_FIGURES_SQL, {"metric": metric, "start": start, "end": end})
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def months_with_lists(store: Store, metric: str = "retail_sales") -> list[str]:
    """The months that have a list of ``metric``, ascending."""
    return sorted({r["month"] for r in model_figures(store, metric)})


def first_deliveries(store: Store, entities: Iterable[str]) -> dict[str, str | None]:
    """Each entity's first month of deliveries (``YYYY-MM``) as the gazetteer or an
    import records it, or None."""
    rows = store.con.execute(
        "SELECT id, first_delivery FROM entities WHERE id IN (SELECT unnest(?))", [list(entities)]
    ).fetchall()
    found = dict(rows)
    return {e: found.get(e) for e in entities}


def resolve_names(store: Store, names: Iterable[str]) -> dict[str, str | None]:
    """Each model name or slug (as a data file writes it) to its entity slug, or None
    when the store knows no such entity."""
    return {n: store.find_entity(n) for n in names}

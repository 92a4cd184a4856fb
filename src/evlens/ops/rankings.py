"""Model against model: monthly rankings, head-to-head leads, passings and runs in front.

The input is a set of monthly figures, one per (model, month), each taken from the
month's *list*: the table of one document that holds the month's figures by model (for
China's BEV retail sales, CPCA via CleanTechnica, the month's top sellers). Everything
here is pure: :mod:`evlens.store.rankings` reads the figures, the shells print the results.

Conventions
-----------
Rank
    Competition ranking ("1224") within the month's list, highest value first: a model's
    rank is 1 + the number of models in the list with a strictly higher value, so models
    with equal values share the better rank and the next rank is skipped. The rank is
    always among *all* models of the list, also when a table is filtered by brand or
    segment (the filtered table adds ``rank_in_selection``, computed the same way among
    the selected rows).
List size
    The number of models in the month's list. Rank r of n says "r-th of the n listed".
Absent models
    A model missing from a month's list is **unlisted**: ranked below the n listed models,
    with no value. It is never counted as 0 and never given rank 0. A top-N table says
    nothing about the value of a model outside it (the China BEV lists are cut from
    a top-20 of all plug-in cars, so an unlisted BEV may have sold more than the smallest
    listed one), so no margin is given against an unlisted model.
Months with no list, months before launch
    A month the data holds no list for is ``no list``: nothing is known, neither model leads.
    A month before a model's first deliveries (the gazetteer's ``first_delivery``) is
    ``not launched`` for it: it is absent from the list for want of a car, so no lead is
    counted either way in that month.
Lead of A over B in a month
    Both listed: the model with the higher value leads, by the difference of the values;
    equal values are ``level`` (nobody leads). One listed, the other unlisted: the listed
    model leads by rank, margin unknown (basis ``other unlisted``). Neither listed, or no
    list: no leader.
Passing
    X passes Y in month m when X leads in m and Y led in the latest earlier month in which
    one of the two led (level months and months with no leader are skipped over). The
    first such month is X's ``first_pass`` (``first_pass_both_listed``: the first in which
    both figures are in the list, so that the pass rests on two values); a model that leads from the first month with
    a leader has ``first_lead`` but no pass at that month.
Run in front
    A run is a stretch of consecutive calendar months in each of which X leads Y; a level
    month, a month with no leader or a month with no list ends it. The longest run is
    reported with its first and last month (the earliest one when several are as long).
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..periods import month_at, month_index
from ..results import Result

METRICS = ("retail_sales", "deliveries")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


# ---------------------------------------------------------------------------- months
def check_month(text: str, option: str = "month") -> str:
    """``YYYY-MM`` as given, or an :class:`InputError` naming ``option``."""
    m = _MONTH.match(str(text).strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise InputError(f"{option} must be a month written YYYY-MM (2024-12), not {text!r}", field=option)
    return f"{m[1]}-{m[2]}"


def month_range(first: str, last: str) -> tuple[str, ...]:
    """Every calendar month from ``first`` to ``last``, both included."""
    return tuple(month_at(i) for i in range(month_index(first), month_index(last) + 1))


# ---------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class Figure:
    """One model's figure in one month's list, with its provenance."""

    entity: str
    month: str
    value: float
    name: str | None = None
    brand: str | None = None  # the slug of the model's maker (its parent entity)
    brand_name: str | None = None
    source_url: str | None = None
    fact_id: str | None = None
    document_id: str | None = None

    def to_dict(self) -> dict:
        return {
            "entity": self.entity,
            "name": self.name,
            "brand": self.brand,
            "month": self.month,
            "value": self.value,
            "source_url": self.source_url,
            "fact_id": self.fact_id,
        }


# ---------------------------------------------------------------------------- one month
@dataclass(frozen=True)
class RankedFigure:
    figure: Figure
    rank: int
    list_size: int
    rank_in_selection: int | None = None

    def to_dict(self) -> dict:
        d = self.figure.to_dict()
        d.update(rank=self.rank, list_size=self.list_size)
        if self.rank_in_selection is not None:
            d["rank_in_selection"] = self.rank_in_selection
        return d


def _competition_ranks(values: Sequence[float]) -> list[int]:
    """Rank of each value: 1 + how many values are strictly higher (ties share the rank)."""
    ordered = sorted(values, reverse=True)
    first: dict[float, int] = {}
    for i, v in enumerate(ordered):
        first.setdefault(v, i + 1)
    return [first[v] for v in values]


@dataclass(frozen=True)
class MonthRanking(Result):
    """A month's list ranked; with a selection, only the selected rows (ranks still among
    the whole list) and how many of the list's models had no data to select them by."""

    month: str
    metric: str
    list_size: int
    rows: tuple[RankedFigure, ...]
    source_urls: tuple[str, ...] = ()
    selection: str | None = None
    unclassified: tuple[str, ...] = ()  # models of the list the selection had no data for

    def rank_of(self, entity: str) -> int | None:
        return next((r.rank for r in self.rows if r.figure.entity == entity), None)

    def to_dict(self) -> dict:
        return {
            "month": self.month,
            "metric": self.metric,
            "list_size": self.list_size,
            "selection": self.selection,
            "source_urls": list(self.source_urls),
            "rows": [r.to_dict() for r in self.rows],
            "unclassified": list(self.unclassified),
        }

    def summary(self) -> str:
        head = f"{self.metric} {self.month}: {self.list_size} models listed"
        if self.selection:
            head += f"; {len(self.rows)} of them in {self.selection}"
            if self.unclassified:
                head += f" ({len(self.unclassified)} listed models have no data to tell)"
        if self.rows:
            top = self.rows[0]
            head += (
                f"; first: {top.figure.name or top.figure.entity} {top.figure.value:,.0f}"
                f" (rank {top.rank} of {top.list_size})"
            )
        return head


def rank_month(figures: Sequence[Figure], metric: str = "retail_sales") -> MonthRanking:
    """Rank one month's list (all ``figures`` from the same month) by value, highest first,
    with competition ranks ("1224"); rows in rank order, then by entity."""
    months = {f.month for f in figures}
    if len(months) > 1:
        raise InputError(f"a month's list holds one month, got {', '.join(sorted(months))}", field="month")
    seen: set[str] = set()
    for f in figures:
        if f.entity in seen:
            raise InputError(f"{f.entity} appears twice in the list of {f.month}", field="entity")
        seen.add(f.entity)
    ranks = _competition_ranks([f.value for f in figures])
    n = len(figures)
    rows = sorted(
        (RankedFigure(f, r, n) for f, r in zip(figures, ranks)), key=lambda r: (r.rank, r.figure.entity)
    )
    urls = tuple(sorted({f.source_url for f in figures if f.source_url}))
    return MonthRanking(
        month=next(iter(months), ""), metric=metric, list_size=n, rows=tuple(rows), source_urls=urls
    )


def select(
    ranking: MonthRanking, keep: Iterable[str], label: str, unclassified: Iterable[str] = ()
) -> MonthRanking:
    """The rows of ``ranking`` whose entity is in ``keep``, keeping their rank among the
    whole list and adding their rank among the selected rows (same convention)."""
    keep = set(keep)
    rows = [r for r in ranking.rows if r.figure.entity in keep]
    sub = _competition_ranks([r.figure.value for r in rows])
    rows = [RankedFigure(r.figure, r.rank, r.list_size, s) for r, s in zip(rows, sub)]
    listed = {r.figure.entity for r in ranking.rows}
    return MonthRanking(
        ranking.month,
        ranking.metric,
        ranking.list_size,
        tuple(rows),
        ranking.source_urls,
        label,
        tuple(sorted(set(unclassified) & listed)),
    )


def rank_months(figures: Iterable[Figure], metric: str = "retail_sales") -> dict[str, MonthRanking]:
    """Every month's list ranked, keyed by month (ascending)."""
    by_month: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_month[f.month].append(f)
    return {m: rank_month(by_month[m], metric) for m in sorted(by_month)}


# ---------------------------------------------------------------------------- comparison
@dataclass(frozen=True)
class Standing:
    """A model in a month: ``listed`` (value, rank of list_size), ``unlisted`` (below the
    list_size listed models, no value) or ``no list``. ``source_url`` is the figure's
    source, or for an unlisted model the source of the list it is missing from."""

    entity: str
    month: str
    status: str  # listed | unlisted | not launched | no list
    value: float | None
    rank: int | None
    list_size: int
    source_url: str | None
    fact_id: str | None = None

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "value": self.value,
            "rank": self.rank,
            "list_size": self.list_size,
            "source_url": self.source_url,
            "fact_id": self.fact_id,
        }

    def describe(self) -> str:
        if self.status == "listed":
            return f"{self.value:,.0f} (#{self.rank} of {self.list_size})"
        if self.status == "unlisted":
            return f"unlisted (below the {self.list_size} listed)"
        return self.status


@dataclass(frozen=True)
class Lead:
    """Who led in a month between ``a`` and ``b``; ``margin`` is the leader's value minus
    the other's, known only when both are listed."""

    month: str
    a: str
    b: str
    leader: str | None
    margin: float | None
    basis: str  # both listed | other unlisted | level | neither listed | not launched | no list

    def to_dict(self) -> dict:
        return {"month": self.month, "leader": self.leader, "margin": self.margin, "basis": self.basis}


@dataclass(frozen=True)
class Run:
    leader: str
    first: str
    last: str
    months: int

    def to_dict(self) -> dict:
        return {"leader": self.leader, "first": self.first, "last": self.last, "months": self.months}


@dataclass(frozen=True)
class Pass:
    month: str
    passer: str
    passed: str
    basis: str

    def to_dict(self) -> dict:
        return {"month": self.month, "passer": self.passer, "passed": self.passed, "basis": self.basis}


@dataclass(frozen=True)
class HeadToHead(Result):
    """Two models month by month: the leads, every pass, and per model the months it led,
    its first lead, its first pass and its longest run in front."""

    a: str
    b: str
    leads: tuple[Lead, ...]
    passes: tuple[Pass, ...]
    months_led: Mapping[str, tuple[str, ...]]
    first_lead: Mapping[str, str | None]
    first_pass: Mapping[str, str | None]
    longest_run: Mapping[str, Run | None]
    first_pass_both_listed: Mapping[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "months_led": {k: list(v) for k, v in self.months_led.items()},
            "first_lead": dict(self.first_lead),
            "first_pass": dict(self.first_pass),
            "first_pass_both_listed": dict(self.first_pass_both_listed),
            "longest_run": {k: (v.to_dict() if v else None) for k, v in self.longest_run.items()},
            "passes": [p.to_dict() for p in self.passes],
        }

    def summary(self, names: Mapping[str, str] | None = None) -> str:
        def n(s):
            return (names or {}).get(s, s)

        parts = []
        for x, y in ((self.a, self.b), (self.b, self.a)):
            led = self.months_led[x]
            run = self.longest_run[x]
            text = f"{n(x)} led {n(y)} in {len(led)} month(s)"
            if led:
                text += f", first {self.first_lead[x]}"
                if self.first_pass[x]:
                    text += f", first passed it {self.first_pass[x]}"
                    both = self.first_pass_both_listed.get(x)
                    if both != self.first_pass[x]:
                        text += f" ({both or 'never'} with both listed)"
                if run:
                    text += f", longest run {run.months} month(s) {run.first}..{run.last}"
            parts.append(text)
        return "; ".join(parts)


def _lead(month: str, a: Standing, b: Standing) -> Lead:
    if a.status == "no list":
        return Lead(month, a.entity, b.entity, None, None, "no list")
    if "not launched" in (a.status, b.status):
        return Lead(month, a.entity, b.entity, None, None, "not launched")
    if a.status == "listed" and b.status == "listed":
        assert a.value is not None and b.value is not None
        if a.value == b.value:
            return Lead(month, a.entity, b.entity, None, 0.0, "level")
        lead, other = (a, b) if a.value > b.value else (b, a)
        return Lead(month, a.entity, b.entity, lead.entity, lead.value - other.value, "both listed")  # type: ignore[operator]
    if a.status == "listed":
        return Lead(month, a.entity, b.entity, a.entity, None, "other unlisted")
    if b.status == "listed":
        return Lead(month, a.entity, b.entity, b.entity, None, "other unlisted")
    return Lead(month, a.entity, b.entity, None, None, "neither listed")


def head_to_head(a: str, b: str, standings: Mapping[str, Sequence[Standing]]) -> HeadToHead:
    """Compare ``a`` and ``b`` month by month (their standings over the same months, in
    calendar order, with no month skipped), under the conventions of this module."""
    sa, sb = standings[a], standings[b]
    leads = tuple(_lead(x.month, x, y) for x, y in zip(sa, sb))
    passes: list[Pass] = []
    last_leader: str | None = None
    for lead in leads:
        if lead.leader is None:
            continue
        if last_leader is not None and lead.leader != last_leader:
            passes.append(Pass(lead.month, lead.leader, last_leader, lead.basis))
        last_leader = lead.leader
    led = {x: tuple(ld.month for ld in leads if ld.leader == x) for x in (a, b)}
    first_lead = {x: (led[x][0] if led[x] else None) for x in (a, b)}
    first_pass = {x: next((p.month for p in passes if p.passer == x), None) for x in (a, b)}
    first_both = {
        x: next((p.month for p in passes if p.passer == x and p.basis == "both listed"), None) for x in (a, b)
    }
    runs: dict[str, Run | None] = {a: None, b: None}
    for x in (a, b):
        best: Run | None = None
        start = None
        for i, lead in enumerate(leads + (Lead("", a, b, None, None, "end"),)):
            if lead.leader == x:
                start = i if start is None else start
                continue
            if start is not None:
                length = i - start
                if best is None or length > best.months:
                    best = Run(x, leads[start].month, leads[i - 1].month, length)
                start = None
        runs[x] = best
    return HeadToHead(a, b, leads, tuple(passes), led, first_lead, first_pass, runs, first_both)


@dataclass(frozen=True)
class Comparison(Result):
    """Models side by side, month by month: each model's standing, and every pair's
    head-to-head. ``months`` runs over every calendar month from the first to the last."""

    metric: str
    models: tuple[str, ...]
    names: Mapping[str, str]
    months: tuple[str, ...]
    standings: Mapping[str, tuple[Standing, ...]]
    pairs: tuple[HeadToHead, ...]

    def series(self, entity: str) -> tuple[Standing, ...]:
        """One model's standings in month order: the points of a chart line (value, rank
        of list_size, source_url), with ``None`` values where it is unlisted or no list."""
        return self.standings[entity]

    def to_dict(self) -> dict:
        months = []
        for i, m in enumerate(self.months):
            st = {e: self.standings[e][i] for e in self.models}
            size = max(s.list_size for s in st.values())
            months.append(
                {
                    "month": m,
                    "list_size": size,
                    "models": {e: s.to_dict() for e, s in st.items()},
                    "leads": [dict(p.leads[i].to_dict(), a=p.a, b=p.b) for p in self.pairs],
                }
            )
        return {
            "metric": self.metric,
            "models": list(self.models),
            "names": dict(self.names),
            "first_month": self.months[0] if self.months else None,
            "last_month": self.months[-1] if self.months else None,
            "conventions": {
                "rank": "competition ranking (1224) among every model of the month's list",
                "unlisted": "absent from the month's list: ranked below its list_size models, value unknown, never 0",
                "lead": "higher value when both listed; the listed one when the other is unlisted (margin unknown)",
            },
            "months": months,
            "head_to_head": [p.to_dict() for p in self.pairs],
        }

    def summary(self) -> str:
        if not self.months:
            return f"{self.metric}: no months to compare"
        text = f"{self.metric}, {self.months[0]}..{self.months[-1]}: "
        return text + " | ".join(p.summary(self.names) for p in self.pairs)


def _standing(e: str, m: str, r: MonthRanking | None, launch: str | None) -> Standing:
    """Model ``e``'s standing in month ``m``'s list ``r`` (None: no list that month);
    ``launch``: its first month of deliveries, if known."""
    if r is None:
        return Standing(e, m, "no list", None, None, 0, None)
    hit = next((x for x in r.rows if x.figure.entity == e), None)
    if hit is None and launch and m < launch:
        url = r.source_urls[0] if r.source_urls else None
        return Standing(e, m, "not launched", None, None, r.list_size, url)
    if hit is None:
        url = r.source_urls[0] if r.source_urls else None
        return Standing(e, m, "unlisted", None, None, r.list_size, url)
    return Standing(
        e, m, "listed", hit.figure.value, hit.rank, r.list_size, hit.figure.source_url, hit.figure.fact_id
    )


def compare_models(
    figures: Iterable[Figure],
    models: Sequence[str],
    *,
    metric: str = "retail_sales",
    start: str | None = None,
    end: str | None = None,
    names: Mapping[str, str] | None = None,
    launched: Mapping[str, str | None] | None = None,
) -> Comparison:
    """Each of ``models`` month by month in the lists of ``figures`` (every model's figure
    of every month, not only those compared: ranks are among the whole list), and the
    head-to-head of every pair, in the order given.

    The months run from ``start`` (default: the first month with a list) to ``end``
    (default: the last), every calendar month included; a month with no list in between
    is kept as ``no list``. ``launched`` gives a model's first month of deliveries
    (``YYYY-MM``); the months before it are ``not launched`` for that model."""
    models = tuple(models)
    if len(models) < 2:
        raise InputError("compare needs at least two models", field="models")
    if len(set(models)) != len(models):
        dup = next(m for m in models if models.count(m) > 1)
        raise InputError(f"{dup} is named twice", field="models")
    rankings = rank_months(figures, metric)
    listed_months = [m for m in rankings if (start is None or m >= start) and (end is None or m <= end)]
    first = start or (listed_months[0] if listed_months else None)
    last = end or (listed_months[-1] if listed_months else None)
    months = month_range(first, last) if first and last and first <= last else ()
    standings = {
        e: tuple(_standing(e, m, rankings.get(m), (launched or {}).get(e)) for m in months) for e in models
    }
    pairs = tuple(head_to_head(a, b, standings) for i, a in enumerate(models) for b in models[i + 1 :])
    return Comparison(metric, models, dict(names or {}), months, standings, pairs)


# ---------------------------------------------------------------------------- segments
@dataclass(frozen=True)
class ModelSegment:
    """What the segment data says of one model: body type and starting price in yuan,
    each with its source."""

    key: str  # the model's slug or name, as written in the data file
    body: str | None = None
    price_from_yuan: float | None = None
    price_as_of: str | None = None
    body_source: str | None = None
    price_source: str | None = None

    def to_dict(self) -> dict:
        return {
            "model": self.key,
            "body": self.body,
            "price_from_yuan": self.price_from_yuan,
            "price_as_of": self.price_as_of,
            "body_source": self.body_source,
            "price_source": self.price_source,
        }


@dataclass(frozen=True)
class Segment:
    """A filter over models: a body type and a price band on the starting price, in yuan
    (``price_above_yuan`` < price <= ``price_up_to_yuan``; either bound may be absent)."""

    id: str
    name: str
    body: str | None = None
    price_above_yuan: float | None = None
    price_up_to_yuan: float | None = None

    def needs_price(self) -> bool:
        return self.price_above_yuan is not None or self.price_up_to_yuan is not None

    def classifies(self, m: ModelSegment) -> bool:
        """Whether the data on ``m`` is enough to tell if it belongs."""
        return (self.body is None or m.body is not None) and (
            not self.needs_price() or m.price_from_yuan is not None
        )

    def contains(self, m: ModelSegment) -> bool:
        if not self.classifies(m):
            return False
        if self.body is not None and (m.body or "").lower() != self.body.lower():
            return False
        p = m.price_from_yuan
        if self.price_above_yuan is not None and not (p is not None and p > self.price_above_yuan):
            return False
        return not (self.price_up_to_yuan is not None and not (p is not None and p <= self.price_up_to_yuan))

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "body": self.body,
            "price_above_yuan": self.price_above_yuan,
            "price_up_to_yuan": self.price_up_to_yuan,
        }


@dataclass(frozen=True)
class SegmentData:
    segments: Mapping[str, Segment]
    models: tuple[ModelSegment, ...] = field(default=())

    def segment(self, name: str) -> Segment:
        key = name.strip().lower()
        for s in self.segments.values():
            if key in (s.id.lower(), s.name.lower()):
                return s
        raise InputError(
            f"unknown segment {name!r}; known: {', '.join(sorted(self.segments))}", field="--segment"
        )


_BODIES = ("sedan", "SUV", "hatchback", "MPV", "wagon", "coupe")


def parse_segments(text: str, path: str = "segments.toml") -> SegmentData:
    """Read segment data (see ``data/segments.toml``); errors name the file, the entry and
    the field at fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise InputError(f"not valid TOML: {exc}", path=path, line=int(m[1]) if m else None) from None

    def number(entry: dict, key: str, where: str) -> float | None:
        v = entry.get(key)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise InputError(f"{where}: expected a number of yuan, not {v!r}", path=path, field=key)
        return float(v)

    def body(entry: dict, where: str) -> str | None:
        v = entry.get("body")
        if v is None:
            return None
        match = next((b for b in _BODIES if b.lower() == str(v).lower()), None)
        if match is None:
            raise InputError(
                f"{where}: unknown body {v!r}; known: {', '.join(_BODIES)}", path=path, field="body"
            )
        return match

    segments = {}
    for sid, raw in (data.get("segment") or {}).items():
        where = f"segment {sid!r}"
        if not isinstance(raw, dict) or not raw.get("name"):
            raise InputError(f"{where}: needs a name", path=path, field="name")
        segments[sid] = Segment(
            sid,
            str(raw["name"]),
            body(raw, where),
            number(raw, "price_above_yuan", where),
            number(raw, "price_up_to_yuan", where),
        )
    models = []
    for i, raw in enumerate(data.get("model") or [], start=1):
        where = f"model entry {i}"
        key = str(raw.get("model") or "").strip()
        if not key:
            raise InputError(f"{where}: needs a model (slug or name)", path=path, field="model")
        models.append(
            ModelSegment(
                key,
                body(raw, where),
                number(raw, "price_from_yuan", where),
                raw.get("price_as_of"),
                raw.get("body_source"),
                raw.get("price_source"),
            )
        )
    return SegmentData(segments, tuple(models))


def load_segments(path: str | Path | None = None) -> SegmentData:
    """The bundled segment data (``evlens/data/segments.toml``), or the file at ``path``."""
    if path is None:
        text = resources.files("evlens.data").joinpath("segments.toml").read_text(encoding="utf-8")
        return parse_segments(text, "evlens/data/segments.toml")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=p) from None
    return parse_segments(text, str(p))


def segment_members(
    segment: Segment, data: SegmentData, slug_of: Mapping[str, str | None]
) -> tuple[set[str], set[str]]:
    """(models in the segment, models whose data is enough to tell), as entity slugs;
    a listed model outside the second set is unclassified, not outside the segment.
    ``slug_of`` maps each key of the data file to its entity (None when unknown)."""
    inside, known = set(), set()
    for m in data.models:
        slug = slug_of.get(m.key)
        if slug is None:
            continue
        if segment.classifies(m):
            known.add(slug)
            if segment.contains(m):
                inside.add(slug)
    return inside, known


def rival_of(
    figures: Iterable[Figure],
    model: str,
    maker_of: Mapping[str, str | None],
    segments: SegmentData | None = None,
    slug_of: Mapping[str, str | None] | None = None,
) -> str | None:
    """The model another maker sold most of over the months ``model`` was listed: within
    the narrowest segment holding ``model`` (the one with the fewest members)
    when the segment data classifies it, else among every listed model. ``maker_of`` maps
    a model to its maker, so that a maker's own models are never its rival."""
    figs = list(figures)
    months = {f.month for f in figs if f.entity == model}
    own = maker_of.get(model)
    pool: set[str] | None = None
    if segments is not None and slug_of is not None:
        holding = []
        for seg in segments.segments.values():
            inside, _ = segment_members(seg, segments, slug_of)
            if model in inside:
                holding.append((len(inside), seg.id, inside))
        if holding:
            pool = min(holding)[2]
    totals: dict[str, float] = {}
    for f in figs:
        if (
            f.month in months
            and f.entity != model
            and (own is None or maker_of.get(f.entity) != own)
            and (pool is None or f.entity in pool)
        ):
            totals[f.entity] = totals.get(f.entity, 0.0) + f.value
    return max(sorted(totals), key=lambda e: totals[e]) if totals else None

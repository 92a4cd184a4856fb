"""Operating and reference figures in tables: each row becomes a :class:`~evlens.facts.Fact`.

Every fact keeps its provenance: the imported file is stored as a document, and the
fact's span is the exact row of that file it was read from (``surface`` is the row's
text), with the row's own source URL.

Shapes read (detected from the header)
--------------------------------------
``reported``
    ``maker,scope,period_type,period,value,qualifier,metric,source_url,note`` — figures
    compiled from company releases. Qualifiers ``=``, ``>``, ``>=``, ``<``, ``<=``, ``~``
    become bounds; a scope naming one of the maker's models (``SU7``) or a sum of them
    (``SU7+YU7``) becomes that model or model-group entity; any other scope (``all``,
    ``factory phase 1``) stays on the company, kept in ``scope``.
``by-model``
    ``month,dataset,brand,model,units,source_url`` — monthly retail sales by model
    (CPCA via CleanTechnica); unknown models become new entities.
``reference``
    ``subject,fact,period_or_date,value,unit,source_url,note`` — official index and
    stock figures (returns, closes).
``tidy``
    ``entity,metric,period,value,unit`` plus optional ``bound, rate, cumulative, scope,
    published, published_basis, source_url, publisher, note`` — evlens's own form.

Publication dates
-----------------
A row's ``published`` date is taken, in this order, from a ``published`` column
(basis ``stated``), from a ``/YYYY/MM/DD/`` date in its source URL (basis ``url``), or,
for a monthly delivery figure only, assumed to be the first day of the next month, when
makers release monthly deliveries (basis ``assumed``).

Refused rows
------------
Every fact passes :func:`evlens.validate.check_fact`: a finite value within its
metric's limits (vehicle counts whole and not negative, percentages bounded, ...), a
period from 1990 on, a publication date not in the future beyond two years, an
``http(s)`` source URL. The first bad row refuses the whole file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Protocol

from .. import validate
from ..errors import InputError
from ..facts import BOUNDS, Fact
from ..periods import parse_period
from .reading import RawFile, read_table

QUALIFIERS = {
    "=": "eq",
    "==": "eq",
    ">": "gt",
    ">=": "ge",
    "<": "lt",
    "<=": "le",
    "~": "approx",
    "≈": "approx",
}

# dataset metric -> (metric, unit, rate, cumulative, scope, note)
REPORTED_METRICS: dict[str, tuple[str, str, str | None, bool, str | None, str | None]] = {
    "deliveries": ("deliveries", "vehicle", None, False, None, None),
    "retail_sales": ("retail_sales", "vehicle", None, False, None, None),
    "retail_sales_cpca": ("retail_sales", "vehicle", None, False, "CPCA retail", None),
    "wholesale_cpca": ("wholesale", "vehicle", None, False, "CPCA wholesale", None),
    "nev_sales": ("sales", "vehicle", None, False, None, None),
    "locked_orders_cumulative": ("locked_orders", "order", None, True, None, None),
    "orders_cumulative": ("orders", "order", None, True, None, None),
    "delivery_target_initial": ("delivery_target", "vehicle", None, False, None, "initial target"),
    "delivery_target_raised": ("delivery_target", "vehicle", None, False, None, "raised target"),
    "delivery_target_final": ("delivery_target", "vehicle", None, False, None, "final target"),
    "delivery_target": ("delivery_target", "vehicle", None, False, None, None),
    "capacity_per_month": ("capacity", "vehicle", "month", False, None, None),
    "capacity_per_year": ("capacity", "vehicle", "year", False, None, None),
    "capacity_per_year_planned": ("capacity_planned", "vehicle", "year", False, None, None),
}

# reference fact -> (metric, scope)
REFERENCE_FACTS = {
    "index_return": ("index_return", None),
    "stock_return": ("share_return", None),
    "index_close": ("index_level", "close"),
    "stock_close": ("share_price", "close"),
    "stock_high_intraday": ("share_price", "intraday high"),
}
UNITS = {
    "percent": "percent",
    "%": "percent",
    "points": "point",
    "point": "point",
    "hkd": "HKD",
    "usd": "USD",
    "cny": "CNY",
    "vehicle": "vehicle",
    "vehicles": "vehicle",
    "order": "order",
    "orders": "order",
    "week": "week",
    "day": "day",
    "month": "month",
}

SHAPES = {
    "reported": {"maker", "scope", "period_type", "period", "value", "qualifier", "metric"},
    "by-model": {"month", "dataset", "brand", "model", "units"},
    "reference": {"subject", "fact", "period_or_date", "value", "unit"},
    "tidy": {"entity", "metric", "period", "value", "unit"},
}


class EntityResolver(Protocol):
    def find(self, name: str, parent: str | None = None) -> str | None: ...
    def entity_kind(self, slug: str) -> str | None: ...
    def group_of(self, members: tuple[str, ...]) -> str | None: ...


@dataclass
class ParsedFacts:
    format: str
    facts: list[Fact]
    new_entities: dict[str, dict] = field(default_factory=dict)


def slugify(text: str) -> str:
    s = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")
    return s or "unnamed"


def detect_kpi_format(raw: RawFile) -> str:
    if raw.is_parquet:
        raise InputError("KPI tables are read from CSV text, not Parquet", path=raw.path)
    header = {c.strip().strip('"').lower() for c in raw.decoded_text().split("\n", 1)[0].split(",")}
    for name, needed in SHAPES.items():
        if needed <= header:
            return name
    best = min(SHAPES.items(), key=lambda kv: len(kv[1] - header))
    missing = sorted(best[1] - header)
    raise InputError(
        f"not a KPI table this version reads; closest shape {best[0]!r} lacks column(s) {', '.join(missing)}",
        path=raw.path,
        line=1,
        field=missing[0],
    )


class _Rows:
    """Line spans of the file's text, for provenance."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        for m in re.finditer("\n", text):
            self.starts.append(m.end())

    def span(self, line: int) -> tuple[int, int, str]:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return start, end, self.text[start:end]


def _value(text: str, raw: RawFile, line: int, fld: str) -> float:
    why = validate.number_text_problem(str(text))
    if why is not None:
        raise InputError(why, path=raw.path, line=line, field=fld)
    s = str(text).strip().replace(",", "").replace("_", "")
    shown = repr(s) if len(s) <= 40 else repr(s[:37] + "...") + f" ({len(s)} characters)"
    try:
        v = Decimal(s)
    except (InvalidOperation, ValueError, ArithmeticError):
        raise InputError(f"cannot read {shown} as a number", path=raw.path, line=line, field=fld) from None
    if not v.is_finite():
        raise InputError(f"not a finite number: {shown}", path=raw.path, line=line, field=fld)
    f = float(v)
    if not math.isfinite(f):
        raise InputError(f"{shown} is too large a number to hold", path=raw.path, line=line, field=fld)
    return f


def _period(text: str, raw: RawFile, line: int, fld: str):
    try:
        return parse_period(text)
    except ValueError as exc:
        raise InputError(str(exc), path=raw.path, line=line, field=fld) from None


_URL_DATE = re.compile(r"/(20\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def url_date(url: str | None) -> date | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _published(url: str | None, period, metric: str) -> tuple[date | None, str | None]:
    try:
        return _published_unguarded(url, period, metric)
    except OverflowError:  # a period at the calendar's edge (9999-12), refused later
        return None, None


def _published_unguarded(url: str | None, period, metric: str) -> tuple[date | None, str | None]:
    d = url_date(url)
    if d is not None and d >= period.end - timedelta(days=1):
        return d, "url"
    if metric == "deliveries" and period.kind == "month":
        return period.end + timedelta(days=1), "assumed"
    return None, None


def parse_kpi_file(raw: RawFile, resolver: EntityResolver) -> ParsedFacts:
    fmt = detect_kpi_format(raw)
    text = raw.decoded_text()
    df = read_table(text, raw.path)
    df.columns = [c.lower() if c != "_line" else c for c in df.columns]
    parser: Callable = {
        "reported": _reported,
        "by-model": _by_model,
        "reference": _reference,
        "tidy": _tidy,
    }[fmt]
    out = ParsedFacts(fmt, [])
    rows = _Rows(text)
    columns = _COLUMNS[fmt]
    for rec in df.to_dict("records"):
        line = int(rec["_line"])
        start, end, surface = rows.span(line)
        fields = parser(rec, raw, line, resolver, out)
        fact = Fact(
            document_id=raw.id,
            span_start=start,
            span_end=end,
            surface=surface,
            method=f"import:{fmt}",
            **fields,
        )
        validate.check_fact(fact, path=raw.path, line=line, fields=columns)
        why = validate.url_problem(fact.source_url)
        if why is not None:
            raise InputError(why, path=raw.path, line=line, field="source_url")
        out.facts.append(fact)
    return out


# the column of each shape that holds a fact's attribute, for error messages
_COLUMNS = {
    "reported": {"entity": "maker", "value": "value", "period": "period", "metric": "metric"},
    "by-model": {"entity": "model", "value": "units", "period": "month", "metric": "dataset"},
    "reference": {"entity": "subject", "value": "value", "period": "period_or_date", "metric": "fact"},
    "tidy": {},
}


def _company(name: str, resolver: EntityResolver, out: ParsedFacts) -> str:
    slug = resolver.find(name)
    if slug is None:
        slug = slugify(name)
        if resolver.entity_kind(slug) is None:
            out.new_entities.setdefault(slug, {"id": slug, "kind": "company", "name_en": name})
    return slug


def _model(brand_slug: str, brand: str, model: str, resolver: EntityResolver, out: ParsedFacts) -> str:
    slug = resolver.find(f"{brand} {model}") or resolver.find(model, parent=brand_slug)
    if slug is None:
        slug = f"{brand_slug}-{slugify(model)}"
        if resolver.entity_kind(slug) is None:
            out.new_entities.setdefault(
                slug, {"id": slug, "kind": "model", "parent": brand_slug, "name_en": f"{brand} {model}"}
            )
    return slug


def _scope_entity(company: str, maker: str, scope: str, resolver: EntityResolver, out: ParsedFacts):
    """The entity a scope names, or (company, scope text) when it names none."""
    s = scope.strip()
    if not s or s.lower() == "all":
        return company, None
    slug = resolver.find(s, parent=company)
    if slug is not None:
        return slug, None
    parts = [p.strip() for p in s.split("+")]
    if len(parts) > 1:
        found = [resolver.find(p, parent=company) for p in parts]
        members = tuple(m for m in found if m is not None)
        if len(members) == len(found) and all(resolver.entity_kind(m) == "model" for m in members):
            group = resolver.group_of(tuple(sorted(members)))
            if group is None:
                group = f"{company}-" + "-".join(slugify(p) for p in parts)
                out.new_entities.setdefault(
                    group,
                    {
                        "id": group,
                        "kind": "model_group",
                        "parent": company,
                        "members": list(members),
                        "name_en": f"{maker} {s}",
                        "aliases": [s],
                    },
                )
            return group, None
    return company, s


def _reported(rec, raw, line, resolver, out) -> dict:
    metric_raw = rec["metric"].strip().lower()
    if not metric_raw:
        raise InputError("missing value", path=raw.path, line=line, field="metric")
    if metric_raw not in REPORTED_METRICS:
        raise InputError(
            f"unknown metric {rec['metric']!r}; known: {', '.join(sorted(REPORTED_METRICS))}",
            path=raw.path,
            line=line,
            field="metric",
        )
    metric, unit, rate, cumulative, scope_extra, stage = REPORTED_METRICS[metric_raw]
    qualifier = rec["qualifier"].strip()
    if qualifier not in QUALIFIERS:
        raise InputError(
            f"unknown qualifier {qualifier!r}; use =, >, >=, <, <= or ~",
            path=raw.path,
            line=line,
            field="qualifier",
        )
    maker = rec["maker"].strip()
    if not maker:
        raise InputError("missing value", path=raw.path, line=line, field="maker")
    company = _company(maker, resolver, out)
    entity, scope = _scope_entity(company, maker, rec["scope"], resolver, out)
    period = _period(rec["period"], raw, line, "period")
    url = rec.get("source_url") or None
    published, basis = _published(url, period, metric)
    notes = [n for n in (stage, rec.get("note") or None) if n]
    return {
        "entity": entity,
        "metric": metric,
        "period": period.text,
        "value": _value(rec["value"], raw, line, "value"),
        "unit": unit,
        "bound": QUALIFIERS[qualifier],
        "rate": rate,
        "cumulative": cumulative,
        "scope": "; ".join(x for x in (scope_extra, scope) if x) or None,
        "published": published,
        "published_basis": basis,
        "source_url": url,
        "note": "; ".join(notes) or None,
    }


def _by_model(rec, raw, line, resolver, out) -> dict:
    period = _period(rec["month"], raw, line, "month")
    if period.kind != "month":
        raise InputError(
            f"expected a month like 2024-04, got {rec['month']!r}", path=raw.path, line=line, field="month"
        )
    dataset = rec["dataset"].strip()
    brand, model = rec["brand"].strip(), rec["model"].strip()
    if dataset == "AllCarsTotal":
        entity, scope = "china-passenger-cars", "all passenger cars"
    elif dataset == "ElectricCarsByModel":
        scope = "CPCA retail, BEV"
        if brand.lower() == "other" and not model:
            entity = "china-bev-other"
            if resolver.entity_kind(entity) is None:
                out.new_entities.setdefault(
                    entity,
                    {
                        "id": entity,
                        "kind": "aggregate",
                        "name_en": "China BEV sales outside the month's top models",
                    },
                )
        else:
            if not model:
                raise InputError("missing value", path=raw.path, line=line, field="model")
            entity = _model(_company(brand, resolver, out), brand, model, resolver, out)
    else:
        raise InputError(
            f"unknown dataset {dataset!r} (expected ElectricCarsByModel or AllCarsTotal)",
            path=raw.path,
            line=line,
            field="dataset",
        )
    url = rec.get("source_url") or None
    d = url_date(url)
    return {
        "entity": entity,
        "metric": "retail_sales",
        "period": period.text,
        "value": _value(rec["units"], raw, line, "units"),
        "unit": "vehicle",
        "scope": scope,
        "published": d,
        "published_basis": "url" if d else None,
        "source_url": url,
    }


def _reference(rec, raw, line, resolver, out) -> dict:
    subject = rec["subject"].strip()
    entity = resolver.find(subject)
    if entity is None:
        raise InputError(
            f"unknown subject {subject!r} (not a known ticker, index or company)",
            path=raw.path,
            line=line,
            field="subject",
        )
    fact = rec["fact"].strip().lower()
    if fact not in REFERENCE_FACTS:
        raise InputError(
            f"unknown fact {rec['fact']!r}; known: {', '.join(sorted(REFERENCE_FACTS))}",
            path=raw.path,
            line=line,
            field="fact",
        )
    metric, scope = REFERENCE_FACTS[fact]
    unit = UNITS.get(rec["unit"].strip().lower())
    if unit is None:
        raise InputError(f"unknown unit {rec['unit']!r}", path=raw.path, line=line, field="unit")
    period = _period(rec["period_or_date"], raw, line, "period_or_date")
    return {
        "entity": entity,
        "metric": metric,
        "period": period.text,
        "scope": scope,
        "value": _value(rec["value"], raw, line, "value"),
        "unit": unit,
        "source_url": rec.get("source_url") or None,
        "note": rec.get("note") or None,
    }


def _bool(text: str, raw, line, fld) -> bool:
    s = str(text).strip().lower()
    if s in ("", "0", "false", "no", "n"):
        return False
    if s in ("1", "true", "yes", "y"):
        return True
    raise InputError(f"expected true or false, got {text!r}", path=raw.path, line=line, field=fld)


def _tidy(rec, raw, line, resolver, out) -> dict:
    name = rec["entity"].strip()
    if not name:
        raise InputError("missing value", path=raw.path, line=line, field="entity")
    entity = resolver.find(name)
    if entity is None:
        raise InputError(f"unknown entity {name!r}", path=raw.path, line=line, field="entity")
    period = _period(rec["period"], raw, line, "period")
    bound = (rec.get("bound") or "eq").strip()
    bound = QUALIFIERS.get(bound, bound)
    if bound not in BOUNDS:
        raise InputError(
            f"unknown bound {bound!r}; use one of {', '.join(BOUNDS)}",
            path=raw.path,
            line=line,
            field="bound",
        )
    rate = (rec.get("rate") or "").strip() or None
    if rate not in (None, "day", "week", "month", "year"):
        raise InputError(f"unknown rate {rate!r}", path=raw.path, line=line, field="rate")
    unit = UNITS.get(rec["unit"].strip().lower(), rec["unit"].strip())
    if not unit:
        raise InputError("missing value", path=raw.path, line=line, field="unit")
    url = rec.get("source_url") or None
    published, basis = None, None
    if (rec.get("published") or "").strip():
        p = _period(rec["published"], raw, line, "published")
        if p.kind != "day":
            raise InputError(
                "published must be a date like 2025-02-08", path=raw.path, line=line, field="published"
            )
        published, basis = p.start, (rec.get("published_basis") or "stated").strip()
    else:
        published, basis = _published(url, period, rec["metric"].strip())
    return {
        "entity": entity,
        "metric": rec["metric"].strip(),
        "period": period.text,
        "value": _value(rec["value"], raw, line, "value"),
        "unit": unit,
        "bound": bound,
        "rate": rate,
        "cumulative": _bool(rec.get("cumulative", ""), raw, line, "cumulative"),
        "scope": (rec.get("scope") or "").strip() or None,
        "published": published,
        "published_basis": basis,
        "source_url": url,
        "publisher": (rec.get("publisher") or "").strip() or None,
        "note": (rec.get("note") or "").strip() or None,
    }

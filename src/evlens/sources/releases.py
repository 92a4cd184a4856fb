"""The makers' delivery releases bundled with evlens (``evlens/data/releases``).

``articles/`` holds one file per article: the makers' monthly delivery or NEV-sales
releases and press coverage of them, trimmed to the paragraphs that state the figures,
each opening with a front matter block (``title``, ``url``, ``source``, ``date``,
``language``, and ``date_basis`` when the page itself gives no date) that
:func:`evlens.extract.document.read_document` reads. ``evlens extract --store`` turns
them into facts; the figures it misses or misreads are in
``data/demo/kpis/releases_manual.csv``, each with the URL of the article that states it.

``annual_2025.csv`` lists the makers' published annual figures (2025, and 2024 where
found), each with its source: the independent reference the monthly series are checked
against, never loaded as facts.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from ..errors import InputError

REQUIRED = ("title", "url", "date", "language")
LANGUAGES = ("en", "zh", "de", "it", "fr", "es", "pt", "ja")
ANNUAL_COLUMNS = ("entity", "metric", "scope", "year", "value", "bound", "published", "source_url", "note")
ANNUAL_BOUNDS = ("eq", "approx", "gt", "ge", "lt", "le")


def releases_dir() -> Path:
    return Path(str(resources.files("evlens.data").joinpath("releases")))


def article_paths(root: str | Path | None = None) -> list[Path]:
    """The bundled article files (``articles/*.md``), sorted by name (their date first)."""
    base = Path(root) if root is not None else releases_dir() / "articles"
    return sorted(p for p in base.glob("*.md") if p.is_file())


def check_article(path: str | Path) -> dict[str, str]:
    """The front matter of one article, refused unless it names its title, URL, date and language."""
    from ..extract.document import parse_date, parse_front_matter

    p = Path(path)
    text = p.read_text(encoding="utf-8")
    meta = parse_front_matter(text, p)
    if not meta:
        raise InputError("no front matter (a '---' block with title, url, date, language)", path=p, line=1)
    lines = text.splitlines()
    for key in REQUIRED:
        if not meta.get(key):
            raise InputError("missing from the front matter", path=p, field=key)
    line_of = {
        ln.split(":", 1)[0].strip().lower(): i for i, ln in enumerate(lines[:40], start=1) if ":" in ln
    }
    if not meta["url"].startswith(("http://", "https://")):
        raise InputError(f"not an http(s) URL: {meta['url']!r}", path=p, line=line_of.get("url"), field="url")
    parse_date(meta["date"], path=p, line=line_of.get("date"), field="date")
    if meta["language"] not in LANGUAGES:
        raise InputError(
            f"unknown language {meta['language']!r} (one of {', '.join(LANGUAGES)})",
            path=p,
            line=line_of.get("language"),
            field="language",
        )
    return meta


def store_releases(store, paths: list[Path] | None = None) -> list[tuple[Path, int, bool]]:
    """Extract every bundled article and store it with its facts, as ``evlens extract --store``
    does: ``(path, facts read, already stored)`` per article. Each document is one write."""
    from ..extract import extract_file

    out = []
    for path in paths if paths is not None else article_paths():
        check_article(path)
        doc, facts = extract_file(path, None, [])
        r = store.add_document(doc, facts)
        out.append((path, len(facts), r.already_imported))
    return out


@dataclass(frozen=True)
class AnnualFigure:
    entity: str
    metric: str
    scope: str
    year: int
    value: float
    bound: str
    published: date
    source_url: str
    note: str


def annual_figures(path: str | Path | None = None) -> list[AnnualFigure]:
    """The published annual figures of ``annual_2025.csv``; a bad row names its line and field."""
    p = Path(path) if path is not None else releases_dir() / "annual_2025.csv"
    with p.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ANNUAL_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing column(s): {', '.join(missing)}", path=p, line=1)
        out = []
        for i, row in enumerate(reader, start=2):
            try:
                year = int(row["year"])
            except ValueError:
                raise InputError(f"not a year: {row['year']!r}", path=p, line=i, field="year") from None
            try:
                value = float(row["value"])
            except ValueError:
                raise InputError(f"not a number: {row['value']!r}", path=p, line=i, field="value") from None
            if not value > 0:
                raise InputError(f"not a positive count: {row['value']!r}", path=p, line=i, field="value")
            if row["bound"] not in ANNUAL_BOUNDS:
                raise InputError(f"unknown bound {row['bound']!r}", path=p, line=i, field="bound")
            try:
                published = date.fromisoformat(row["published"])
            except ValueError:
                raise InputError(
                    f"not a date: {row['published']!r}", path=p, line=i, field="published"
                ) from None
            if not row["source_url"].startswith(("http://", "https://")):
                raise InputError("no http(s) source URL", path=p, line=i, field="source_url")
            out.append(
                AnnualFigure(
                    row["entity"],
                    row["metric"],
                    row["scope"],
                    year,
                    value,
                    row["bound"],
                    published,
                    row["source_url"],
                    row["note"],
                )
            )
    return out


def annual_figure(entity: str, year: int, path: str | Path | None = None) -> AnnualFigure | None:
    """The published figure of ``entity`` for ``year``, if the table has one."""
    for f in annual_figures(path):
        if f.entity == entity and f.year == year:
            return f
    return None

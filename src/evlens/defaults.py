"""Defaults and limits the shells share, kept in one light module so that the CLI can name
them in its options without loading the analyses.

Per-exchange defaults (benchmark indexes, currency, calendar) are data in the gazetteer
(``data/entities.toml``), not here."""

from __future__ import annotations

#: Monte Carlo paths and seed of the capacity scenario's forecast.
DEFAULT_PATHS = 4000
DEFAULT_SEED = 1
#: The most paths one request may ask for (the dashboard refuses more).
MAX_PATHS = 20_000
#: The market-value milestone the headline reports on (in the listing's currency).
DEFAULT_MILESTONE = 1e12

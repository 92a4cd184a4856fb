"""Rebuild the demo dataset bundled in ``src/evlens/data/demo`` from ``../shared/data``.

The bundled files hold figures only, each row with its source URL; ``SOURCES.md`` beside
them names where each file came from. Run from the repository root:

    .venv/bin/python scripts/build_demo_data.py ../shared/data
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

import evlens
from evlens.sources.prices import parse_price_file
from evlens.sources.reading import read_file

OUT = Path(__file__).resolve().parents[1] / "src" / "evlens" / "data" / "demo"
PRICE_FILES = {
    "prices_1810.HK.csv": "1810.HK",
    "prices_0700.HK.csv": "0700.HK",
    "prices_3690.HK.csv": "3690.HK",
    "prices_9988.HK.csv": "9988.HK",
    "prices_9618.HK.csv": "9618.HK",
    "prices_9999.HK.csv": "9999.HK",
    "prices_1211.HK.csv": "1211.HK",
    "prices_2015.HK.csv": "2015.HK",
    "prices_9868.HK.csv": "9868.HK",
    "prices_TSLA.csv": "TSLA",
    "prices_HSI.csv": "HSI",
    "prices_HSTECH.csv": "HSTECH",
}
FIRST_DATE = "2019-01-01"
TIDY = [
    "entity",
    "metric",
    "scope",
    "period",
    "value",
    "unit",
    "bound",
    "rate",
    "cumulative",
    "published",
    "published_basis",
    "source_url",
    "publisher",
    "note",
]


def main(shared: Path) -> None:
    (OUT / "prices").mkdir(parents=True, exist_ok=True)
    (OUT / "kpis").mkdir(parents=True, exist_ok=True)
    (OUT / "shares").mkdir(parents=True, exist_ok=True)
    for name, ticker in PRICE_FILES.items():
        parsed = parse_price_file(read_file(shared / name))
        f = parsed.frame
        f = f[f["date"] >= FIRST_DATE]
        out = f[["date", "open", "high", "low", "close", "volume"]].copy()
        out["date"] = out["date"].dt.strftime("%Y-%m-%d")
        out.to_csv(OUT / "prices" / f"{ticker}.csv", index=False)

    with tempfile.TemporaryDirectory() as tmp:
        store = evlens.open(Path(tmp) / "build.duckdb")
        store.load([shared / "ev_deliveries_reported.csv", shared / "market_reference_facts.csv"], "kpis")
        for source, target in (
            ("ev_deliveries_reported.csv", "reported.csv"),
            ("market_reference_facts.csv", "market_reference.csv"),
        ):
            doc = read_file(shared / source).id
            facts = store.document_facts(doc)
            facts["published"] = facts["published"].dt.strftime("%Y-%m-%d")
            facts["value"] = facts["value"].map(lambda v: f"{v:.15g}")
            facts[TIDY].to_csv(OUT / "kpis" / target, index=False)
        store.close()

    bev = pd.read_csv(shared / "china_bev_sales_by_model_monthly.csv", dtype=str, keep_default_na=False)
    bev.to_csv(OUT / "kpis" / "china_bev_retail_by_model.csv", index=False)

    shares = pd.read_csv(shared / "xiaomi_shares_outstanding.csv", dtype=str, keep_default_na=False)
    shares.insert(0, "ticker", "1810.HK")
    shares.to_csv(OUT / "shares" / "1810.HK.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))

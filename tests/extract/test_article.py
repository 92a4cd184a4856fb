"""The done-when facts of issue 6 on the real article in ../shared."""

from pathlib import Path

import pytest

from evlens.extract import extract_file

ARTICLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "articles" / "000_53f5c50a01ef3361.txt"


@pytest.fixture(scope="module")
def facts():
    if not ARTICLE.exists():
        pytest.skip(f"needs the real article {ARTICLE} (../shared is not beside this checkout)")
    doc, fs = extract_file(ARTICLE)
    for f in fs:
        assert doc.text[f.span_start : f.span_end] == f.surface
    return {(f.entity, f.metric, f.period, f.value, f.unit, f.bound, f.rate, f.cumulative) for f in fs}


def has(facts, entity, metric, period, value, unit, bound="eq", rate=None, cumulative=False):
    return (entity, metric, period, value, unit, bound, rate, cumulative) in facts


def test_market_value_and_close(facts):
    assert has(facts, "xiaomi", "market_cap", "2025-02-06", 1.02e12, "HKD")
    assert has(facts, "xiaomi", "market_cap", "2025-02-06", 1e12, "HKD", "gt")  # 突破万亿港元大关
    assert has(facts, "xiaomi", "share_price", "2025-02-06", 40.55, "HKD")


@pytest.mark.parametrize(
    "entity, value",
    [
        ("xiaomi", 121),
        ("alibaba", 11),
        ("jd", 24),
        ("tencent", 44),
        ("meituan", 85),
        ("netease", 1),
    ],
)
def test_2024_returns(facts, entity, value):
    assert has(facts, entity, "share_return", "2024", value, "percent")


def test_index_return(facts):
    assert has(facts, "hstech", "index_return", "2024", 18.7, "percent")


def test_monthly_deliveries(facts):
    assert has(facts, "xiaomi-su7", "deliveries", "2024-04", 7000, "vehicle")
    assert has(facts, "xiaomi-su7", "deliveries", "2024-05", 8600, "vehicle")
    for month in ("2024-10", "2024-11", "2024-12", "2025-01"):
        assert has(facts, "xiaomi-su7", "deliveries", month, 20000, "vehicle", "gt")


def test_orders_capacity_target_and_rivals(facts):
    assert has(facts, "xiaomi-su7", "orders", "2024-12-31", 260000, "order", "gt", cumulative=True)
    assert has(facts, "xiaomi", "capacity", "2025-02-08", 24000, "vehicle", rate="month")
    assert has(facts, "xiaomi", "delivery_target", "2025", 300000, "vehicle")
    assert has(facts, "xiaomi-su7", "sales", "2024-12", 25800, "vehicle")
    assert has(facts, "tesla-model-3", "sales", "2024-12", 21000, "vehicle")

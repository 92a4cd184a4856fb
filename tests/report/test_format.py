"""Number formatting against hand-written expectations."""

import pytest

from evlens.errors import InputError
from evlens.views import format as fmt


@pytest.mark.parametrize(
    "value,currency,lang,expected",
    [
        (1_017_967_180_847, "HKD", "en", "HK$1.02 trn"),
        (1_017_967_180_847, "HKD", "zh", "1.02 万亿港元"),
        (848_119_814_163, "HKD", "en", "HK$848.12 bn"),
        (848_119_814_163, "HKD", "zh", "8481.20 亿港元"),
        (2_500_000, "USD", "en", "US$2.50 m"),
        (35_000, "HKD", "zh", "3.50 万港元"),
        (950, "HKD", "en", "HK$950"),
        (None, "HKD", "en", "–"),
        (-2e9, "HKD", "en", "-HK$2.00 bn"),
    ],
)
def test_money(value, currency, lang, expected):
    assert fmt.money(value, currency, lang) == expected


@pytest.mark.parametrize(
    "value,lang,unit,expected",
    [
        (24_000, "en", "vehicles", "24.0k"),
        (24_000, "zh", "vehicles", "2.4 万辆"),
        (135_000, "zh", "vehicles", "13.5 万辆"),
        (135_000, "en", "vehicles", "135.0k"),
        (260_000, "zh", "orders", "26.0 万份"),
        (7_058, "en", "vehicles", "7.1k"),
        (7_058, "zh", "vehicles", "7,058 辆"),
        (999, "en", "vehicles", "999"),
        (1_250_000, "en", "vehicles", "1.2m"),
        (float("nan"), "en", "vehicles", "–"),
    ],
)
def test_count(value, lang, unit, expected):
    assert fmt.count(value, lang, unit) == expected


def test_percentages():
    assert fmt.pct(122.1153) == "+122.1%"
    assert fmt.pct(-22.31) == "-22.3%"
    assert fmt.points(103.415, "zh") == "+103.4 个百分点"
    assert fmt.points(103.415, "en") == "+103.4 pp"
    assert fmt.share(0.747) == "74.7%"


def test_bad_language():
    with pytest.raises(InputError, match="language"):
        fmt.check_lang("fr")


@pytest.mark.parametrize(
    "value,expected",
    [
        (1.02e12, "1,020,000,000,000"),
        (18.7, "18.7"),
        (7058, "7,058"),
        (0.12345, "0.1235"),
        (1234.5, "1,234.50"),
    ],
)
def test_number_in_full(value, expected):
    assert fmt.number(value) == expected

"""Figures no fact can hold are skipped, with their reason, and never raise."""

from datetime import date

import pytest

from evlens.extract import Extractor, extract_text
from evlens.validate import check_facts

PUBLISHED = date(2025, 2, 8)

ABSURD = {
    "400 digits, Chinese": "2024年4月，小米交付了" + "9" * 400 + "辆汽车。",
    "400 digits, English": "In April 2024 Xiaomi delivered " + "9" * 400 + " vehicles.",
    "一亿 ten times": "2024年4月，小米交付了一亿亿亿亿亿亿亿亿亿亿辆汽车。",
    "一亿 past the Decimal exponent": "2024年4月，小米交付了一" + "亿" * 130_000 + "辆汽车。",
    "1e999 vehicles": "In April 2024 Xiaomi delivered 1e999 vehicles.",
    "a range ending in zero": "小米 SU7 2024年4月交付量为20-0万辆。",
    "a range ending in zero, English": "Xiaomi delivered 1-0k vehicles in April 2024.",
    "a fractional vehicle count": "2024年4月，小米交付了1.23456万辆汽车。",
}


@pytest.mark.parametrize("name", list(ABSURD))
def test_absurd_figures_give_no_absurd_fact_and_no_exception(name):
    facts = extract_text(ABSURD[name], PUBLISHED)
    for f in facts:
        assert f.value == f.value and abs(f.value) < 1e15
    check_facts(facts)  # whatever is emitted, the store's rules accept


@pytest.mark.parametrize("name", ["400 digits, Chinese", "400 digits, English"])
def test_a_400_digit_count_is_skipped_with_its_reason(name):
    ex = Extractor(ABSURD[name], PUBLISHED)
    assert ex.facts() == []
    [skip] = ex.skipped
    assert skip.metric == "deliveries" and "finite" in skip.reason
    assert ABSURD[name][skip.span_start : skip.span_end] == skip.surface


def test_a_fractional_vehicle_count_is_skipped_not_stored():
    ex = Extractor(ABSURD["a fractional vehicle count"], PUBLISHED)
    assert ex.facts() == []
    assert [s.reason for s in ex.skipped] == ["a vehicle count must be a whole number, got 12345.6"]


def test_a_sound_figure_beside_them_is_still_read():
    text = ABSURD["400 digits, Chinese"] + "2024年5月，小米交付了8646辆汽车。"
    facts = extract_text(text, PUBLISHED)
    assert [(f.period, f.value) for f in facts] == [("2024-05", 8646.0)]


def test_an_article_dated_far_ahead_gives_no_fact():
    ex = Extractor("2024年5月，小米交付了8646辆汽车。", date(9999, 1, 1))
    assert ex.facts() == []
    assert ex.skipped and "years ahead" in ex.skipped[0].reason


def test_cli_verbose_says_why_a_figure_was_skipped(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.md"
    path.write_text("---\ndate: 2025-02-08\n---\n" + ABSURD["400 digits, Chinese"], encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from evlens.cli import main; main()",
            "extract",
            str(path),
            "--verbose",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stdout == ""
    assert "skipped '999" in proc.stderr and "(deliveries): inf is not a finite number" in proc.stderr

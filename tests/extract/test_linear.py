"""Cost linear in the text's length whatever its shape, and bounded output."""

import time
from datetime import date

from evlens.extract import extract_text
from evlens.extract.core import SENTENCE_CAP, excerpt

CLAUSE = "小米汽车12月交付超过4万辆，股价涨5%，Xiaomi delivered 7,058 units in April，"


def _seconds(text):
    t0 = time.process_time()
    facts = extract_text(text, date(2025, 2, 8))
    return time.process_time() - t0, facts


def test_text_without_sentence_ends_costs_linear_time():
    small = CLAUSE * 400  # about 20,000 characters, one sentence
    big = CLAUSE * 3200  # eight times as long
    extract_text(CLAUSE, date(2025, 2, 8))
    t_small = min(_seconds(small)[0] for _ in range(3))
    t_big, facts = _seconds(big)
    # a search from the sentence start for every number made this 64 times slower
    assert t_big < 8 * t_small * 2.5 + 0.05
    assert len(facts) >= 3 * 3200


def test_the_sentence_written_with_a_fact_is_capped_and_holds_the_span():
    text = CLAUSE * 200
    facts = extract_text(text, date(2025, 2, 8))
    assert facts
    for f in facts:
        assert len(f.sentence) <= SENTENCE_CAP
        assert f.surface in f.sentence
        assert text[f.span_start : f.span_end] == f.surface


def test_excerpt_centres_on_the_span():
    text = "a" * 1000 + "TARGET" + "b" * 1000
    out = excerpt(text, 0, len(text), 1000, 1006, cap=50)
    assert len(out) == 50 and "TARGET" in out
    assert excerpt("short one. ", 0, 11, 0, 5) == "short one."
    # at the sentence's start the window runs forward
    out = excerpt(text, 0, len(text), 0, 3, cap=40)
    assert out == "a" * 40

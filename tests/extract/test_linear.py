"""Cost linear in the text's length whatever its shape, and bounded output."""

import itertools
from datetime import date

from evlens.extract import extract_text
from evlens.extract.core import (
    PIECE,
    SENTENCE_CAP,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    Extractor,
    _pieces,
    _Sentences,
    excerpt,
)

CLAUSE = "小米汽车12月交付超过4万辆，股价涨5%，Xiaomi delivered 7,058 units in April，"


def test_text_without_sentence_ends_reads_a_bounded_window_per_number():
    # a search from the sentence start for every number made the work per number grow
    # with the text: each number is read within a window of bounded size instead
    text = CLAUSE * 3200  # about 160,000 characters, one sentence
    ex = Extractor(text, date(2025, 2, 8))
    assert len(ex.sentences) == 1
    table = ex._table_cells()
    read = 0
    for q in ex.quantities:
        fig = ex._figure(q, table)
        if fig is None:
            continue
        read += 1
        assert fig.sent.end - fig.sent.start <= WINDOW_BEFORE + (q.end - q.start) + WINDOW_AFTER
        assert fig.clause[0] >= fig.sent.start and fig.clause[1] <= fig.sent.end
    assert read >= 3 * 3200


def _clauses(n: int) -> str:
    """``n`` clauses alike but for their figures (a figure repeated is one fact)."""
    return "".join(
        f"小米汽车12月交付超过{40000 + i}辆，股价涨{1 + i / 1000:.3f}%，Xiaomi delivered {7058 + i:,} units in April，"
        for i in range(n)
    )


def test_the_work_per_number_does_not_grow_with_the_text():
    # the same clause repeated: every repetition away from the ends is read alike, so the
    # facts of a text eight times as long are eight times as many, each as long
    small = extract_text(_clauses(400), date(2025, 2, 8), judged=False)  # the rules' readings
    big = extract_text(_clauses(3200), date(2025, 2, 8), judged=False)
    assert len(small) >= 2 * 400
    assert abs(len(big) - 8 * len(small)) <= 16
    assert max(len(f.sentence) for f in big) == max(len(f.sentence) for f in small)


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


def test_a_long_text_is_cut_into_pieces_at_line_ends_and_never_inside_a_figure():
    para = "小米汽车12月交付超过40,000辆，股价涨5%。\n"
    text = para * (3 * PIECE // len(para))
    cuts = list(_pieces(text))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(b == a2 for (_, b), (a2, _) in itertools.pairwise(cuts))
    assert all(0 < b - a <= PIECE for a, b in cuts)
    assert all(text[b - 1] == "\n" for _, b in cuts[:-1])
    # no line end, no sentence end, no space: the cut falls before a figure, not inside it
    # or between it and its unit
    dense = "".join(f"交付{10_000 + i}辆" for i in range(PIECE // 4))
    for _, b in list(_pieces(dense))[:-1]:
        assert not dense[b - 1].isdigit() and dense[b] != "辆"


def test_a_text_read_in_pieces_gives_the_facts_of_its_paragraphs_read_alone():
    # paragraphs of distinct figures, each naming its maker and month: reading the whole in
    # pieces must find each paragraph's facts, with spans indexing the whole text
    paras = [
        f"小米汽车{1995 + i % 30}年{1 + i % 12}月交付{10_000 + i}辆，同比增长{1 + i / 100:.2f}%。"
        f"Xiaomi shares rose {1 + i / 100:.2f}% on the day.\n"
        for i in range(2 * PIECE // 60)
    ]
    text = "".join(paras)
    assert len(text) > PIECE
    whole = extract_text(text, date(2025, 2, 8), judged=False)  # the rules' readings
    alone, at = [], 0
    for p in paras:
        alone += [
            (f.entity, f.metric, f.period, f.value, f.span_start + at)
            for f in extract_text(p, date(2025, 2, 8), judged=False)
        ]
        at += len(p)
    assert sorted((f.entity, f.metric, f.period, f.value, f.span_start) for f in whole) == sorted(alone)
    for f in whole:
        assert text[f.span_start : f.span_end] == f.surface


def test_a_count_opening_a_paragraph_looks_back_one_paragraph_not_the_whole_text(monkeypatch):
    # (a maker a paragraph, each count naming no metric: the paragraph before gives it)
    walks = []
    whole = _Sentences.__iter__
    monkeypatch.setattr(_Sentences, "__iter__", lambda self: walks.append(1) or whole(self))
    text = "\n\n".join(
        f"Guangzhou-based XPeng delivered {7000 + i:,} EVs in April.\n\n"
        f"Nio recorded a 31% annual jump to {6000 + i:,} vehicles in April."
        for i in range(300)
    )
    facts = extract_text(text, date(2023, 5, 2), judged=False)
    assert sum(f.entity == "nio" and f.metric == "deliveries" for f in facts) >= 250
    assert len(walks) < 50  # (not one walk over every sentence for each such count)

"""Sentences, paragraphs and clauses of a text, and the window read around a number."""

from evlens.extract.core import WINDOW_AFTER, WINDOW_BEFORE, _sentences


def test_sentences_paragraphs_and_clauses():
    t = "小米12月交付4万辆，同比增长5%。\n\nNIO (NIO) delivered 7,058 units, up 5%. Next"
    ss = _sentences(t)
    assert [t[s.start : s.end] for s in ss] == [
        "小米12月交付4万辆，同比增长5%",
        "NIO (NIO) delivered 7,058 units, up 5%",
        " Next",
    ]
    assert [s.para for s in ss] == [0, 1, 1]
    a, b = ss[0].clause_of(t.index("5%"))
    assert t[a:b] == "同比增长5%"
    a, b = ss[1].clause_of(t.index("7,058"))
    assert t[a:b] == "NIO (NIO) delivered 7,058 units"  # a short aside does not cut the clause
    assert [t[s.start : s.end] for s in ss[1:]] == [t[s.start : s.end] for s in ss][1:]


def test_a_sentence_of_marks_alone_is_one_clause():
    (s,) = _sentences("，，")
    assert s.clause_of(0) == (0, 2)


def test_a_long_sentence_is_read_in_a_window_around_the_number_with_its_clauses():
    text = "交付" * 500 + "，" + "x" * 2000 + "7,058辆" + "y" * 2000
    (s,) = _sentences(text)
    i = text.index("7,058")
    assert s.clause_of(i) == (1001, len(text))
    cut = s.around(i, i + 6)
    assert (cut.start, cut.end) == (i - WINDOW_BEFORE, i + 6 + WINDOW_AFTER)
    assert cut.clause_of(i) == (cut.start, cut.end)  # the clause, cut to the window
    assert s.around(0, 2) is not s and s.around(0, 2).start == 0

"""Each event of the study lists what else was published inside its window, so that a
reaction given to a release can be weighed against other news of the same days."""

from __future__ import annotations

from datetime import date

from evlens.views.context import window_days


def test_a_window_runs_from_the_day_after_the_session_before_it_to_its_last_session():
    # HKEX: day 0 Tuesday 2025-04-01; sessions Mon 31 March, Tue 1 and Wed 2 April. The
    # session before the window is Friday 28 March, so Saturday's news (29 March) counts.
    assert window_days("XHKG", date(2025, 4, 1), (-1, 1)) == (date(2025, 3, 29), date(2025, 4, 2))
    # Day 0 Friday 2025-04-03; Friday 4 April is a holiday (Ching Ming), so day +1 is Monday 7 April
    assert window_days("XHKG", date(2025, 4, 3), (-1, 1)) == (date(2025, 4, 2), date(2025, 4, 7))
    # a day that is no session has no window
    assert window_days("XHKG", date(2025, 4, 5), (-1, 1)) is None


def test_the_march_2025_release_lists_the_accident_in_its_window(demo_report):
    # The -13 % CAR labelled "deliveries 2025-03" came two days after the fatal SU7 accident
    # of 29 March; the demo stores CnEVPost's report of it (1 April) and two articles of
    # 2 April (BYD's milestone, the Hong Kong EV stocks)
    ev = next(e for e in demo_report["events"]["events"] if e["day0"] == "2025-04-01")
    c = ev["context"]
    assert (c["start"], c["end"]) == ("2025-03-29", "2025-04-02")
    assert c["documents_count"] == 3
    titles = {d["title"] for d in c["documents"]}
    assert "Xiaomi shares fall after fatal SU7 accident" in titles
    assert {d["published"] for d in c["documents"]} == {"2025-04-01", "2025-04-02"}


def test_the_q2_2024_release_shows_results_day(demo_report):
    # The +7 % CAR labelled "deliveries 2024-Q2" fell on results day: the window lists the
    # results report and the revenue and share move read from it
    ev = next(e for e in demo_report["events"]["events"] if e["day0"] == "2024-08-21")
    c = ev["context"]
    assert any("record revenue" in (d["title"] or "") for d in c["documents"])
    metrics = {f["metric"] for f in c["facts"]}
    assert {"revenue", "net_profit", "share_price"} <= metrics
    # at most eight are listed; the rest are counted ("and n more")
    assert len(c["facts"]) == min(8, c["facts_count"])


def test_context_never_lists_the_events_own_facts_and_stays_in_the_window(demo_report):
    for ev in demo_report["events"]["events"]:
        c = ev.get("context")
        if not c:
            continue
        own = set(ev.get("facts") or ())
        for f in c["facts"]:
            assert f["id"] not in own
            assert c["start"] <= f["published"] <= c["end"], (ev["day0"], f)
            # listed facts reach the Sources section
            assert f["id"] in {s["id"] for s in demo_report["sources"]}
        for d in c["documents"]:
            assert c["start"] <= d["published"] <= c["end"]
        assert c["facts_count"] >= len(c["facts"]) and c["documents_count"] >= len(c["documents"])


def test_the_report_shows_the_window_column(report_files):
    en = report_files["en"].read_text(encoding="utf-8")
    zh = report_files["zh"].read_text(encoding="utf-8")
    assert "Also in the window" in en and "窗口内的其他消息" in zh
    assert "2025-03-29 – 2025-04-02" in en

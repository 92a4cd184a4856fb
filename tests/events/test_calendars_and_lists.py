"""Day 0 on exchange calendars, and reading event lists."""

from __future__ import annotations

from datetime import date, time

import pytest

from evlens.calendars import day_zero
from evlens.errors import InputError
from evlens.events.lists import parse_event, read_events_csv


@pytest.mark.parametrize(
    "cal, day, at, expected",
    [
        # Hong Kong closed on Good Friday 2024-03-29 and Easter Monday 2024-04-01
        ("XHKG", date(2024, 3, 28), time(19, 0), date(2024, 4, 2)),  # after the 16:00 close
        ("XHKG", date(2024, 3, 28), None, date(2024, 3, 28)),
        ("XHKG", date(2024, 3, 28), time(15, 59), date(2024, 3, 28)),
        ("XHKG", date(2024, 3, 28), time(16, 0), date(2024, 4, 2)),  # at the close: next session
        ("XHKG", date(2024, 3, 28), time(8, 0), date(2024, 3, 28)),  # before the open
        ("XHKG", date(2024, 3, 29), time(10, 0), date(2024, 4, 2)),  # holiday
        ("XHKG", date(2024, 12, 24), time(12, 30), date(2024, 12, 27)),  # half day closes at 12:00
        ("XHKG", date(2024, 12, 24), time(11, 30), date(2024, 12, 24)),
        ("XNYS", date(2024, 3, 28), time(16, 5), date(2024, 4, 1)),  # NYSE shut on Good Friday only
        ("XNYS", date(2024, 6, 1), None, date(2024, 6, 3)),  # Saturday
    ],
)
def test_day_zero(cal, day, at, expected):
    assert day_zero(cal, day, at) == expected


def test_day_zero_outside_calendar():
    with pytest.raises(InputError):
        day_zero("XHKG", date(1990, 1, 2))


@pytest.mark.parametrize(
    "text, day, at, label",
    [
        ("2024-03-28T19:00=SU7-launch", date(2024, 3, 28), time(19, 0), "SU7-launch"),
        ("2024-03-28", date(2024, 3, 28), None, None),
        ("2024-03-28=Launch day", date(2024, 3, 28), None, "Launch day"),
        ("2024-03-28 9:30", date(2024, 3, 28), time(9, 30), None),
    ],
)
def test_parse_event(text, day, at, label):
    a = parse_event(text)
    assert (a.day, a.at, a.label) == (day, at, label)


@pytest.mark.parametrize("text", ["2024-3-28", "2024-02-30", "2024-03-28T25:00", "yesterday", ""])
def test_parse_event_rejects(text):
    with pytest.raises(InputError) as exc:
        parse_event(text)
    assert exc.value.field == "--event"


def test_read_events_csv(tmp_path):
    p = tmp_path / "ev.csv"
    p.write_text(
        "date,time,label,ticker\n2024-03-28,19:00,launch,1810.HK\n\n2024-05-01,,deliveries,\n"
        "2024-06-03T09:00,,x,\n",
        encoding="utf-8",
    )
    rows = read_events_csv(p)
    assert [(r.day, r.at, r.label, r.ticker) for r in rows] == [
        (date(2024, 3, 28), time(19, 0), "launch", "1810.HK"),
        (date(2024, 5, 1), None, "deliveries", None),
        (date(2024, 6, 3), time(9, 0), "x", None),
    ]
    assert rows[0].source == "ev.csv:2"


@pytest.mark.parametrize(
    "body, line, field",
    [
        ("when,label\n2024-01-02,x\n", 1, None),
        ("date,label\n2024-01-02,x\n2024-13-02,y\n", 3, "date"),
        ("date,time\n2024-01-02,7pm\n", 2, "time"),
        ("date,label\n,x\n", 2, "date"),
    ],
)
def test_read_events_csv_errors_name_line_and_field(tmp_path, body, line, field):
    p = tmp_path / "bad.csv"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_events_csv(p)
    assert exc.value.line == line and exc.value.field == field
    assert "bad.csv" in str(exc.value)


def test_read_events_csv_missing_file(tmp_path):
    with pytest.raises(InputError):
        read_events_csv(tmp_path / "nope.csv")

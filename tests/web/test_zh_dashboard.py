"""The Chinese dashboard speaks Chinese: every page, asked for with ``lang=zh``, has no
English word of the interface in its text or its charts (the ``english_words`` fixture of
tests/conftest.py; quoted source text is marked ``translate="no"``)."""

from __future__ import annotations

import pytest

from evlens.web.pages import PAGES


@pytest.mark.parametrize("path", [path for _, path in PAGES])
def test_no_english_interface_text_on_the_zh_page(client, english_words, path):
    r = client.get(path, params={"lang": "zh"})
    assert r.status_code == 200
    found = english_words(r.text)
    assert found["text"] == [], path
    assert found["figures"] == {}, path


def test_the_check_finds_the_english_page_english(client, english_words):
    r = client.get("/", params={"lang": "en"})
    assert len(english_words(r.text)["text"]) > 10


def test_the_events_page_lists_what_else_was_published_in_each_window(client):
    # the -13 % reaction of 1 April 2025 came two days after the fatal SU7 accident; the
    # demo stores CnEVPost's report of it, which the events page lists beside that event
    page = client.get("/events", params={"lang": "en"}).text
    assert "Also in the window" in page
    assert "2025-03-29 – 2025-04-02" in page
    assert "Xiaomi shares fall after fatal SU7 accident" in page
    assert "窗口内的其他消息" in client.get("/events", params={"lang": "zh"}).text

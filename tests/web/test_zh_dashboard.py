"""The Chinese dashboard speaks Chinese: every page, asked for with ``lang=zh``, has no
English word of the interface in its text or its charts (the ``english_words`` fixture of
tests/conftest.py; quoted source text is marked ``translate="no"``)."""

from __future__ import annotations

import pytest

PAGES = ("/", "/market", "/events", "/operations", "/sources", "/article", "/api")


@pytest.mark.parametrize("path", PAGES)
def test_no_english_interface_text_on_the_zh_page(client, english_words, path):
    r = client.get(path, params={"lang": "zh"})
    assert r.status_code == 200
    found = english_words(r.text)
    assert found["text"] == [], path
    assert found["figures"] == {}, path


def test_the_check_finds_the_english_page_english(client, english_words):
    r = client.get("/", params={"lang": "en"})
    assert len(english_words(r.text)["text"]) > 10

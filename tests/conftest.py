"""Fixtures shared by the whole suite."""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import evlens
from evlens.gazetteer import load_gazetteer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``shared`` folder beside the repository (real data, article, references)."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"needs the real data in {SHARED} (not present beside this checkout)")
    return SHARED


@pytest.fixture(scope="session")
def shared_data(shared_dir: Path) -> Path:
    return shared_dir / "data"


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """A database file with the bundled demo dataset loaded once for the session."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with evlens.open(path) as store:
        store.load_demo()
    return path


@pytest.fixture(scope="session")
def demo_store(demo_db_path: Path):
    """The demo database, opened read-only and shared by the session's tests."""
    store = evlens.open(demo_db_path, read_only=True)
    yield store
    store.close()


@pytest.fixture()
def store(tmp_path: Path):
    """An empty database of the test's own."""
    s = evlens.open(tmp_path / "test.duckdb")
    yield s
    s.close()


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium for the browser tests: a failure when CI is set and it is missing
    (CI installs it), a skip with the reason otherwise."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing (CI is set): install it with `apt-get install chromium`")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")
    return path


@pytest.fixture(scope="session")
def chromium_args() -> list[str]:
    """Flags for a headless Chromium on a machine with no network."""
    return list(CHROMIUM_ARGS)


# --- the Chinese pages' check: no English word of the interface -------------------------
# Text a page quotes from its sources (article quotes, titles, publishers, URLs) is marked
# ``translate="no"`` and is not the interface.

WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
#: The tool's own name, a forecasting method's (statsforecast's AutoETS) and the names of
#: file formats (JSON, CSV, OpenAPI), which Chinese text writes in Latin letters; commands in
#: backticks are code, not prose.
ALLOWED = {"evlens", "AutoETS", "JSON", "CSV", "OpenAPI"}


def proper_names() -> set[str]:
    """Latin words inside the gazetteer's Chinese names (特斯拉 Model 3, 理想 MEGA)."""
    return {w for e in load_gazetteer() for w in WORD.findall(e.name_zh or "")}


class PageParts(HTMLParser):
    """The visible text of a page outside ``translate="no"``, and the figures' JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool, str]] = []
        self.text: list[str] = []
        self.figures: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "meta", "link", "input", "img", "hr", "wbr"):
            return
        a = dict(attrs)
        skip = tag in ("script", "style", "code") or a.get("translate") == "no"  # code is not prose
        self.stack.append((tag, skip, a.get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script" and "figure-data" in self.stack[-1][2]:
            self.figures.append(json.loads(data))
        elif not any(skip for _, skip, _ in self.stack):
            self.text.append(data)


def english_in(text: str, allowed: set[str]) -> list[str]:
    text = re.sub(r"`[^`]*`", " ", text)  # commands
    text = re.sub(r"https?://\S+", " ", text)  # links to sources
    text = re.sub(r"%\{[^}]*\}|<extra>|</extra>|<br>", " ", text)  # Plotly's hover placeholders
    return sorted({w for w in WORD.findall(text) if w not in allowed})


def figure_strings(fig: dict) -> list[str]:
    lay = fig.get("layout") or {}
    out = [str((lay.get("title") or {}).get("text") or "")]
    for k, axis in lay.items():
        if k.startswith(("xaxis", "yaxis")):
            out.append(str((axis.get("title") or {}).get("text") or ""))
            out.extend(str(t) for t in axis.get("ticktext") or ())
    for t in fig.get("data") or ():
        out.append(str(t.get("name") or ""))
        out.append(str(t.get("hovertemplate") or ""))
        text = t.get("text")
        out.extend(str(x) for x in (text if isinstance(text, list) else [text or ""]))
    return out


@pytest.fixture(scope="session")
def page_parts():
    """A function: HTML -> its visible text outside ``translate="no"`` and its figures."""

    def parse(html: str) -> PageParts:
        page = PageParts()
        page.feed(html)
        return page

    return parse


@pytest.fixture(scope="session")
def english_words(page_parts):
    """A function: HTML -> the English words of its interface, in the text and in each
    chart (by title), and how many charts it has."""
    allowed = ALLOWED | proper_names()

    def check(html: str) -> dict:
        page = page_parts(html)
        figures = {}
        for fig in page.figures:
            words = english_in(" ".join(figure_strings(fig)), allowed)
            if words:
                figures[str(((fig.get("layout") or {}).get("title") or {}).get("text"))] = words
        return {
            "text": english_in(" ".join(page.text), allowed),
            "figures": figures,
            "charts": len(page.figures),
        }

    return check

"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import evlens

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

"""The dashboard over copies of the demo database: a TestClient, a writable client and a
live loopback server for the browser tests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

# No network but loopback: every other host fails to resolve.
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def _copy_db(src: Path, dest_dir: Path) -> Path:
    dest = dest_dir / "web.duckdb"
    shutil.copy(src, dest)
    return dest


@pytest.fixture(scope="session")
def web_app(demo_db_path, tmp_path_factory):
    from evlens.web import create_app

    app = create_app(_copy_db(demo_db_path, tmp_path_factory.mktemp("web-ro")), read_only=True)
    yield app
    app.state.service.close()


@pytest.fixture(scope="session")
def client(web_app):
    from fastapi.testclient import TestClient

    return TestClient(web_app, base_url="http://127.0.0.1")


@pytest.fixture()
def writable_client(demo_db_path, tmp_path):
    from fastapi.testclient import TestClient

    from evlens.web import create_app

    app = create_app(_copy_db(demo_db_path, tmp_path))
    yield TestClient(app, base_url="http://127.0.0.1")
    app.state.service.close()


@pytest.fixture(scope="session")
def live_server(web_app):
    """The read-only app served by uvicorn on a free loopback port, in a thread."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline:
            pytest.fail("the dashboard did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(chromium, chromium_args):
    # Module scope: one Playwright driver at a time (the report and web suites each start their own).
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=chromium_args + [LOOPBACK_ONLY])
        yield b
        b.close()

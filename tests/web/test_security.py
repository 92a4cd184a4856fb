"""The dashboard under attack, and the CLI beside a running dashboard.

Every server here listens on loopback only; every attack is bounded in count and time.
``evlens serve`` runs as a real subprocess where the test is about the process (its
memory, its signals, its lock on the database file)."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ARTICLE = "2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。"
CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _facts(db: Path) -> int:
    import evlens

    with evlens.open(db, read_only=True) as s:
        return s.counts()["facts"]


@pytest.fixture()
def db(demo_db_path, tmp_path) -> Path:
    dest = tmp_path / "served.duckdb"
    shutil.copy(demo_db_path, dest)
    return dest


@pytest.fixture()
def served(db, tmp_path, request):
    """``evlens serve`` on a free loopback port, as its own process; yields (url, process, db)."""
    port = _free_port()
    env = dict(os.environ, EVLENS_HEADER_TIMEOUT="1", EVLENS_BODY_TIMEOUT="1", EVLENS_LOCK_WAIT="20")
    extra = getattr(request, "param", [])
    proc = subprocess.Popen(
        [*CLI, "--db", str(db), "serve", "--port", str(port), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    import httpx

    while True:
        try:
            if httpx.get(url + "/favicon.ico", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail(f"evlens serve did not start: {proc.stderr.read()[-2000:]}")
        time.sleep(0.2)
    yield url, proc, db
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


# ---------------------------------------------------------------- headers, host, origin
def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/api/headline", "/no-such-page", "/static/plotly.js"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp
        assert "http" not in csp  # no third-party origin
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"


def test_pages_carry_no_inline_script(client):
    import re

    for path in ("/", "/operations", "/article", "/sources"):
        html = client.get(path).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, tag


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "", "localhost.evil"]
)
def test_forged_host_gets_400(client, host):
    r = client.get("/api/headline", headers={"host": host})
    assert r.status_code == 400 and "Host" in r.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "[::1]:8000"])
def test_loopback_hosts_are_served(client, host):
    assert client.get("/favicon.ico", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:9999"},  # another port is another origin
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_cross_site_writes_are_refused(writable_client, db_facts_count, headers):
    before = db_facts_count(writable_client)
    r = writable_client.post("/api/articles", json={"text": ARTICLE}, headers=headers)
    assert r.status_code == 403 and "cross-site" in r.json()["error"]
    csrf = writable_client.app.state.csrf
    r = writable_client.post("/article/store", data={"text": ARTICLE, "csrf": csrf}, headers=headers)
    assert r.status_code == 403
    assert db_facts_count(writable_client) == before


@pytest.fixture()
def db_facts_count():
    def count(c) -> int:
        return c.app.state.service.query(lambda s: s.counts()["facts"])

    return count


def test_form_without_its_csrf_token_stores_nothing(writable_client, db_facts_count):
    before = db_facts_count(writable_client)
    for form in ({"text": ARTICLE}, {"text": ARTICLE, "csrf": "guess"}, {"text": ARTICLE, "csrf": ""}):
        r = writable_client.post("/article/store", data=form)
        assert r.status_code == 403 and "CSRF" in r.json()["error"]
    assert db_facts_count(writable_client) == before
    r = writable_client.post("/article/store", data={"text": ARTICLE, "csrf": writable_client.app.state.csrf})
    assert r.status_code == 200 and db_facts_count(writable_client) == before + 2


def test_api_writes_take_only_json(writable_client, db_facts_count):
    """A cross-site form can send text/plain that looks like JSON; the API refuses it."""
    before = db_facts_count(writable_client)
    r = writable_client.post(
        "/api/articles", content=json.dumps({"text": ARTICLE}), headers={"content-type": "text/plain"}
    )
    assert r.status_code == 415
    assert db_facts_count(writable_client) == before


def test_token_is_required_when_set(db):
    from fastapi.testclient import TestClient

    from evlens.web import create_app

    token = "s3cret-token-0123456789"
    app = create_app(db, token=token)
    c = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
    assert c.get("/api/headline").status_code == 401
    assert c.get("/api/headline", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/api/headline", headers={"authorization": f"Bearer {token}"}).status_code == 200
    r = c.get(f"/market?lang=zh&token={token}")
    assert r.status_code == 303 and r.headers["location"] == "/market?lang=zh"
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    assert c.get("/market?lang=zh").status_code == 200  # the cookie now signs in


def test_loopback_and_allowed_hosts():
    from evlens.web.security import allowed_hosts, is_loopback

    assert (
        is_loopback("127.0.0.1")
        and is_loopback("::1")
        and is_loopback("localhost")
        and is_loopback("127.1.2.3")
    )
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    assert "192.168.1.5" in allowed_hosts("192.168.1.5") and "0.0.0.0" not in allowed_hosts("0.0.0.0")


# ---------------------------------------------------------------- stored links
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "//evil.example/x",
        "http://",
        "java\nscript:alert(1)",
    ],
)
def test_only_http_links_are_links(url):
    from evlens.views.format import safe_url

    assert safe_url(url) is None
    assert safe_url("https://www.cnevpost.com/2024/06/01/xiaomi/") is not None


def test_stored_javascript_url_is_not_a_link(writable_client):
    text = (
        "---\nurl: javascript:alert(document.domain)\npublisher: x\n---\n"
        + "2025 年 1 月，小米 SU7 的交付量为 23456 辆。"
    )
    csrf = writable_client.app.state.csrf
    r = writable_client.post("/article/store", data={"text": text, "published": "2025-02-01", "csrf": csrf})
    assert r.status_code == 200, r.text
    facts = writable_client.get("/api/facts", params={"metric": "deliveries", "period": "2025-01"}).json()
    assert any(f.get("source_url", "").startswith("javascript:") for f in facts), (
        "the URL was stored as given"
    )
    html = writable_client.get("/sources").text
    assert "javascript:alert(document.domain)" in html  # shown as text
    assert 'href="javascript:' not in html.lower() and 'href=" javascript' not in html.lower()


# ---------------------------------------------------------------- bodies
def test_oversized_chunked_body_is_refused_before_it_is_read(served):
    url, proc, _ = served
    import httpx

    sent = 0

    def body():
        nonlocal sent
        chunk = b"x" * 65536
        for _ in range(300 * 16):  # up to 300 MB, never sent in full
            sent += len(chunk)
            yield chunk

    rss0 = _rss_kb(proc.pid)
    t0 = time.monotonic()
    try:
        r = httpx.post(
            url + "/api/extract", content=body(), headers={"content-type": "application/json"}, timeout=30
        )
        status = r.status_code
    except httpx.HTTPError:  # the server may close the connection after its 413
        status = 413
    assert status == 413
    assert time.monotonic() - t0 < 20
    assert sent < 64 * 1024 * 1024, f"{sent / 1e6:.0f} MB were sent before the refusal"
    assert _rss_kb(proc.pid) - rss0 < 64 * 1024, "the server's memory grew by more than 64 MB"
    assert httpx.get(url + "/favicon.ico", timeout=5).status_code == 200


def test_slow_headers_are_cut_off(served):
    url, _, _ = served
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finishes its headers
        t0 = time.monotonic()
        data = s.recv(1024)  # b"" once the server closes
        waited = time.monotonic() - t0
    assert data == b"" and waited < 8


def test_a_slow_body_is_cut_off(served):
    url, _, _ = served
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(
            b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b'Content-Length: 1000\r\n\r\n{"text": '
        )  # and never the rest
        t0 = time.monotonic()
        data = s.recv(4096)
        waited = time.monotonic() - t0
    assert data.startswith(b"HTTP/1.1 408") and waited < 8


def test_an_idle_connection_is_closed(served):
    url, _, _ = served
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=15) as s:
        s.sendall(b"GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        first = s.recv(65536)
        assert first.startswith(b"HTTP/1.1 200")
        t0 = time.monotonic()
        rest = s.recv(65536)
        while rest and time.monotonic() - t0 < 12:  # the rest of the first response, if any
            rest = s.recv(65536)
        waited = time.monotonic() - t0
    assert rest == b"" and waited < 12


@pytest.mark.parametrize("served", [["--read-only"]], indirect=True)
def test_load_works_beside_a_read_only_dashboard(served, tmp_path):
    url, _, db = served
    import httpx

    prices = tmp_path / "ZZZZ.csv"
    prices.write_text("date,close\n2025-03-03,10.5\n")
    r = subprocess.run(
        [*CLI, "--db", str(db), "load", "prices", str(prices), "--ticker", "ZZZZ"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, EVLENS_LOCK_WAIT="20"),
    )
    assert r.returncode == 0, r.stderr
    rows = {s["ticker"]: s["rows"] for s in httpx.get(url + "/api/summary", timeout=30).json()["securities"]}
    assert rows.get("ZZZZ") == 1
    assert httpx.post(url + "/api/articles", json={"text": ARTICLE}, timeout=30).status_code == 403


def test_an_upload_being_extracted_does_not_block_a_get(served):
    url, _, _ = served
    import httpx

    sentence = "2024 年 4 月，小米 SU7 交付 7058 辆，5 月交付 8630 辆，6 月交付 10000 辆以上。\n"
    text = (sentence * (250 * 1024 // len(sentence.encode())))[: 250 * 1024 // 3]
    done = threading.Event()
    status: list[int] = []

    def upload():
        with httpx.Client(timeout=120) as c:
            page = c.get(url + "/article").text
            csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
            r = c.post(
                url + "/article",
                data={"csrf": csrf},
                files={"file": ("big.txt", text.encode(), "text/plain")},
                headers={"origin": url},
            )
            status.append(r.status_code)
        done.set()

    worker = threading.Thread(target=upload)
    worker.start()
    time.sleep(0.5)  # let the extraction begin
    delays = []
    with httpx.Client(timeout=10) as c:
        while not done.is_set() and len(delays) < 40:
            t0 = time.monotonic()
            assert c.get(url + "/favicon.ico").status_code == 200
            delays.append(time.monotonic() - t0)
            time.sleep(0.1)
    worker.join(timeout=120)
    assert status == [200]
    # GETs were answered while the extraction ran; on a busy two-core machine one may wait
    # for the interpreter's lock, but never for the whole extraction
    assert delays and sorted(delays)[len(delays) // 2] < 0.5, f"GETs waited {delays}"
    assert max(delays) < 2.0, f"a GET waited {max(delays):.2f} s"


# ---------------------------------------------------------------- two processes, one file
def test_cli_reads_and_writes_while_serve_runs(served, tmp_path):
    url, _, db = served
    import httpx

    before = httpx.get(url + "/api/summary", timeout=30).json()
    assert "ZZZZ" not in {s["ticker"] for s in before["securities"]}
    prices = tmp_path / "ZZZZ.csv"
    prices.write_text(
        "date,open,high,low,close,volume\n2025-03-03,10,11,9.5,10.5,1000\n2025-03-04,10.5,11.5,10,11,1200\n"
    )
    env = dict(os.environ, EVLENS_LOCK_WAIT="20")
    r = subprocess.run(
        [*CLI, "--db", str(db), "load", "prices", str(prices), "--ticker", "ZZZZ", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["added"] == 2
    r = subprocess.run(
        [*CLI, "--db", str(db), "summary", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0 and "ZZZZ" in r.stdout
    article = tmp_path / "a.txt"
    article.write_text(
        "---\npublished: 2025-02-01\n---\n2025 年 1 月，小米 SU7 的交付量为 23456 辆。\n", encoding="utf-8"
    )
    r = subprocess.run(
        [*CLI, "--db", str(db), "extract", str(article), "--store", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    after = httpx.get(url + "/api/summary", timeout=30).json()  # no restart
    rows = {s["ticker"]: s["rows"] for s in after["securities"]}
    assert rows.get("ZZZZ") == 2
    assert after["counts"]["facts"] > before["counts"]["facts"]
    assert after["counts"]["documents"] == before["counts"]["documents"] + 1


def test_a_held_lock_gives_one_line_and_status_2(db, tmp_path):
    import duckdb

    prices = tmp_path / "ZZZZ.csv"
    prices.write_text("date,close\n2025-03-03,10.5\n")
    holder = duckdb.connect(str(db))  # this process holds the file for writing
    try:
        env = dict(os.environ, EVLENS_LOCK_WAIT="0.5")
        for args in (["load", "prices", str(prices), "--ticker", "ZZZZ"], ["summary"]):
            r = subprocess.run(
                [*CLI, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=60
            )
            assert r.returncode == 2, r.stderr
            lines = [x for x in r.stderr.splitlines() if x.strip()]
            assert "Traceback" not in r.stderr and len(lines) <= 2, r.stderr  # one message (rich may wrap it)
            assert f"PID {os.getpid()}" in r.stderr.replace("\n", " ") and "in use" in r.stderr
    finally:
        holder.close()


def test_sigterm_leaves_everything_in_the_database_file(served):
    url, proc, db = served
    import httpx

    r = httpx.post(url + "/api/articles", json={"text": ARTICLE, "published": "2024-06-01"}, timeout=60)
    assert r.status_code == 200 and r.json()["added"] == 2
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) is not None
    wal = db.with_name(db.name + ".wal")
    assert not wal.exists() or wal.stat().st_size == 0
    import evlens

    with evlens.open(db, read_only=True) as s:
        assert len(s.facts(metric="deliveries", period="2024-05").query("value == 8600")) >= 1


# ---------------------------------------------------------------- forget
def test_forget_a_document_through_the_api_and_the_sources_page(writable_client, db_facts_count):
    c = writable_client
    before = db_facts_count(c)
    doc = c.post("/api/articles", json={"text": ARTICLE, "published": "2024-06-01"}).json()["document_id"]
    assert db_facts_count(c) == before + 2
    plan = c.post("/api/forget", json={"id": doc[:10], "dry_run": True}).json()
    assert plan["kind"] == "document" and plan["removes"] == {"facts": 2, "documents": 1}
    assert db_facts_count(c) == before + 2
    csrf = c.app.state.csrf
    assert c.post("/sources/forget", data={"id": doc, "confirm": "1"}).status_code == 403  # no token
    page = c.post("/sources/forget", data={"id": doc, "csrf": csrf})
    assert page.status_code == 200 and 'id="forget-confirm"' in page.text and db_facts_count(c) == before + 2
    page = c.post("/sources/forget", data={"id": doc, "csrf": csrf, "confirm": "1"})
    assert page.status_code == 200 and 'id="forget-confirm"' not in page.text
    assert db_facts_count(c) == before
    assert c.post("/api/forget", json={"id": doc}).status_code == 404


def test_cross_site_page_in_chromium_stores_nothing(served, chromium, chromium_args):
    """An auto-submitting form, and a fetch, on a page served from another loopback port."""
    url, _, db = served
    before = _facts(db)
    text = json.dumps(ARTICLE)
    attack = f"""<!doctype html><html><body>
<form id="f" method="post" action="{url}/article/store" enctype="application/x-www-form-urlencoded">
<input name="text" value="{ARTICLE}"><input name="csrf" value="guess"></form>
<iframe name="sink"></iframe>
<script>
fetch("{url}/api/articles", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}},
      body: JSON.stringify({{text: {text}}})}}).catch(function () {{}});
fetch("{url}/api/articles", {{method: "POST", headers: {{"Content-Type": "application/json"}},
      body: JSON.stringify({{text: {text}}})}}).catch(function () {{}});
document.getElementById("f").submit();
</script></body></html>"""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = attack.encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    evil = http.server.HTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=chromium_args)
            page = b.new_page()
            responses = []
            page.on("response", lambda r: responses.append((r.url, r.status)))
            page.goto(f"http://127.0.0.1:{evil.server_address[1]}/")
            page.wait_for_timeout(2500)
            b.close()
    finally:
        evil.shutdown()
    stores = [(u, s) for u, s in responses if u.startswith(url) and "/article/store" in u]
    assert stores and all(s == 403 for _, s in stores), responses
    assert _facts(db) == before


def test_absurd_numbers_in_an_article_poison_nothing(writable_client):
    c = writable_client
    text = (
        "2025 年 3 月，小米 SU7 的交付量为 " + "9" * 400 + " 辆。4 月交付 一亿亿亿亿亿亿亿亿亿亿 辆。"
        "Xiaomi delivered 1e999 vehicles in May 2025."
    )
    r = c.post("/api/articles", json={"text": text, "published": "2025-06-01"})
    assert r.status_code in (200, 400), r.text
    facts = c.get("/api/facts", params={"entity": "xiaomi-su7", "metric": "deliveries"}).json()
    assert all(isinstance(f["value"], (int, float)) and f["value"] < 1e8 for f in facts)
    for path in ("/", "/api/headline", "/operations", "/sources"):
        assert c.get(path).status_code == 200


def test_a_reachable_address_is_warned_about(db):
    """192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails after the warning,
    so nothing ever listens beyond loopback."""
    r = subprocess.run(
        [*CLI, "--db", str(db), "serve", "--host", "192.0.2.1", "--port", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode != 0
    err = " ".join(r.stderr.split())
    assert "warning" in err and "no accounts" in err and "--token" in err
    r = subprocess.run(
        [*CLI, "--db", str(db), "serve", "--token", "short"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2 and "16 characters" in r.stderr

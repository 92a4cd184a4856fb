"""Bounded loopback load test of the dashboard's main endpoints, beside a floor server.

Starts `evlens serve --read-only` on a fresh demo database in a child process, warms each
endpoint once (the first report call runs the forecast) and keeps each endpoint's answer.
A second child process, the floor, serves those same bytes from a dictionary through a bare
ASGI app on the same uvicorn (h11, one process): the least any server of these answers
must do. No other package serves this dashboard, so there is no peer.

Then, in ``--rounds`` interleaved rounds, each endpoint is driven with 32 concurrent
keep-alive clients for a few seconds on evlens and then on the floor. It prints, per
endpoint, requests per second, p50 and p95 latency (medians over rounds), the server's
CPU milliseconds per request (user + system time of the server process over the load,
from ``/proc``; median over rounds), the paired ratio evlens / floor of that CPU per
request (median over rounds of the ratio within a round), and p95 against the 100 ms
target. Stops by itself: at most ``--max-load-seconds`` (60) of load in all, and both
servers are shut down at the end. Needs Linux (``/proc``).

    .venv/bin/python benchmarks/bench_web.py [--seconds-per-endpoint 2.5] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import h11
import httpx
import numpy as np

import evlens

CLIENTS = 32
TARGET_P95 = 0.100
ENDPOINTS = [
    "/api/headline",
    "/api/report",
    "/api/forecast",
    "/api/facts?entity=xiaomi&metric=deliveries",
    "/api/prices/1810.HK?start=2025-01-01",
    "/",
]

FLOOR = r"""
import base64, json, sys
import uvicorn

port, table = int(sys.argv[1]), json.load(open(sys.argv[2]))
answers = {p: (v["type"].encode(), base64.b64decode(v["body"])) for p, v in table.items()}


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    query = scope["query_string"].decode()
    ctype, body = answers[scope["path"] + ("?" + query if query else "")]
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", http="h11", timeout_keep_alive=5)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (all its threads)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_up(base: str, proc: subprocess.Popen, probe: str) -> None:
    deadline = time.time() + 30
    while True:
        try:
            httpx.get(base + probe, timeout=2)
            return
        except httpx.HTTPError as err:
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit(
                    "a server did not start: " + (proc.stderr.read().decode() if proc.stderr else "")
                ) from err
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


async def load(port: int, path: str, seconds: float) -> tuple[int, int, np.ndarray]:
    """``CLIENTS`` keep-alive connections, each sending requests back to back until the
    deadline. The HTTP/1.1 framing is h11's (uvicorn's own parser); a light client keeps the
    load generator from being the bottleneck on a small machine."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        conn = h11.Connection(h11.CLIENT)
        try:
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                writer.write(
                    conn.send(h11.Request(method="GET", target=path, headers=[("Host", "127.0.0.1")]))
                )
                writer.write(conn.send(h11.EndOfMessage()))
                await writer.drain()
                status = 0
                while True:
                    event = conn.next_event()
                    if event is h11.NEED_DATA:
                        conn.receive_data(await reader.read(65536))
                        continue
                    if isinstance(event, h11.Response):
                        status = event.status_code
                    elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                        break
                latencies.append(time.perf_counter() - t0)
                errors += status != 200
                conn.start_next_cycle()
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(CLIENTS)))
    return len(latencies), errors, np.array(latencies)


def main() -> int:
    """Run the load test; exit status 1 when any request failed."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds-per-endpoint", type=float, default=2.5, help="per server and round")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default 2)")
    ap.add_argument("--max-load-seconds", type=float, default=60.0, help="cap on all load (default 60)")
    args = ap.parse_args()
    per = min(args.seconds_per_endpoint, args.max_load_seconds / (2 * args.rounds * len(ENDPOINTS)))

    tmp = Path(tempfile.mkdtemp())
    db = tmp / "bench.duckdb"
    with evlens.open(db) as store:
        store.load_demo()
    port, floor_port = free_port(), free_port()
    exe = Path(sys.executable).with_name("evlens")
    server = subprocess.Popen(
        [str(exe), "--db", str(db), "serve", "--port", str(port), "--read-only"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    floor = None
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server, "/api/entities")
        t0 = time.perf_counter()
        answers = {}
        for path in ENDPOINTS:
            r = httpx.get(base + path, timeout=120)
            r.raise_for_status()
            answers[path] = {
                "type": r.headers.get("content-type", "application/octet-stream"),
                "body": base64.b64encode(r.content).decode(),
            }
        print(f"warm-up (report, forecast, figures computed once): {time.perf_counter() - t0:.2f} s")
        table = tmp / "answers.json"
        table.write_text(json.dumps(answers))
        floor = subprocess.Popen(
            [sys.executable, "-c", FLOOR, str(floor_port), str(table)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_until_up(f"http://127.0.0.1:{floor_port}", floor, "/")
        servers = {"evlens": (server.pid, port), "floor": (floor.pid, floor_port)}
        got: dict[tuple[str, str], list[tuple[float, float, float, float]]] = {}
        failed = 0
        for _ in range(args.rounds):
            for path in ENDPOINTS:
                for name, (pid, p) in servers.items():
                    c0 = cpu_seconds(pid)
                    n, errors, lat = asyncio.run(load(p, path, per))
                    used = cpu_seconds(pid) - c0
                    p50, p95 = np.percentile(lat, [50, 95]) if len(lat) else (float("nan"), float("nan"))
                    got.setdefault((name, path), []).append((n / per, p50, p95, used / max(n, 1)))
                    failed += errors
        print(
            f"{CLIENTS} concurrent clients, {per:.1f} s per endpoint and server, {args.rounds} interleaved "
            f"rounds, loopback, cores: {os.cpu_count()} (shared with the load generator); medians over rounds"
        )
        print(
            "no peer serves this dashboard; floor: the same answers from a dictionary on a bare uvicorn app"
        )
        print(
            f"{'endpoint':43s} {'req/s':>7s} {'p50 ms':>7s} {'p95 ms':>7s} {'CPU ms/req':>10s} "
            f"{'floor req/s':>11s} {'floor CPU ms/req':>16s} {'evlens/floor':>12s} {'p95/100ms':>9s}"
        )

        def med(rows, i):
            return statistics.median(r[i] for r in rows)

        worst = 0.0
        for path in ENDPOINTS:
            ours, plain = got[("evlens", path)], got[("floor", path)]
            ratio = (
                statistics.median(a[3] / b[3] for a, b in zip(ours, plain) if b[3] > 0)
                if any(b[3] > 0 for b in plain)
                else float("nan")
            )
            p95 = med(ours, 2)
            worst = max(worst, p95)
            print(
                f"{path:43s} {med(ours, 0):7.0f} {1000 * med(ours, 1):7.1f} {1000 * p95:7.1f} "
                f"{1000 * med(ours, 3):10.2f} {med(plain, 0):11.0f} {1000 * med(plain, 3):16.2f} "
                f"{ratio:11.1f}x {p95 / TARGET_P95:9.2f}"
            )
        print(
            f"worst p95: {1000 * worst:.1f} ms ({'meets' if worst < TARGET_P95 else 'misses'} the 100 ms target)"
        )
        print(f"failed requests: {failed}")
        return 1 if failed else 0
    finally:
        stop(server)
        if floor is not None:
            stop(floor)


if __name__ == "__main__":
    sys.exit(main())

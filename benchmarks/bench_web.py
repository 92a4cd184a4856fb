"""Bounded loopback load test of the dashboard's main endpoints.

Starts `evlens serve --read-only` on a fresh demo database in a child process, warms each
endpoint once (the first report call runs the forecast), then drives each endpoint with
32 concurrent clients for a few seconds. Prints requests per second, p50 and p95 latency,
and p95 against the 100 ms target (ratio below 1 meets it). Stops by itself: at most
60 seconds of load in all, and the server is shut down at the end.

    .venv/bin/python benchmarks/bench_web.py [--seconds-per-endpoint 6]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
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
MAX_LOAD_SECONDS = 60
ENDPOINTS = [
    "/api/headline",
    "/api/report",
    "/api/forecast",
    "/api/facts?entity=xiaomi&metric=deliveries",
    "/api/prices/1810.HK?start=2025-01-01",
    "/",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    ap.add_argument("--seconds-per-endpoint", type=float, default=6.0)
    args = ap.parse_args()
    per = min(args.seconds_per_endpoint, MAX_LOAD_SECONDS / len(ENDPOINTS))

    tmp = Path(tempfile.mkdtemp())
    db = tmp / "bench.duckdb"
    with evlens.open(db) as store:
        store.load_demo()
    port = free_port()
    exe = Path(sys.executable).with_name("evlens")
    server = subprocess.Popen(
        [str(exe), "--db", str(db), "serve", "--port", str(port), "--read-only"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                httpx.get(base + "/api/entities", timeout=2)
                break
            except httpx.HTTPError as err:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit(
                        "the server did not start: "
                        + (server.stderr.read().decode() if server.stderr else "")
                    ) from err
                time.sleep(0.2)
        t0 = time.perf_counter()
        for path in ENDPOINTS:
            httpx.get(base + path, timeout=120).raise_for_status()
        print(f"warm-up (report, forecast, figures computed once): {time.perf_counter() - t0:.2f} s")
        print(f"{CLIENTS} concurrent clients, {per:.1f} s per endpoint, loopback, cores: {os.cpu_count()}")
        print(
            f"{'endpoint':45s} {'req/s':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'p95/100ms':>10s} {'errors':>7s}"
        )
        worst, failed = 0.0, 0
        for path in ENDPOINTS:
            n, errors, lat = asyncio.run(load(port, path, per))
            p50, p95 = np.percentile(lat, [50, 95]) if len(lat) else (float("nan"), float("nan"))
            worst, failed = max(worst, p95), failed + errors
            print(
                f"{path:45s} {n / per:8.0f} {1000 * p50:8.1f} {1000 * p95:8.1f} {p95 / TARGET_P95:10.2f} {errors:7d}"
            )
        print(
            f"worst p95: {1000 * worst:.1f} ms ({'meets' if worst < TARGET_P95 else 'misses'} the 100 ms target)"
        )
        print(f"failed requests: {failed}")
        return 1 if failed else 0
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())

"""Extraction speed: articles per second on one core, the worst 10,000-character input, and
the scaling on a Dask LocalCluster of one and two worker processes.

    .venv/bin/python benchmarks/bench_extract.py [--articles 300] [--no-dask]

Targets (issue 6): at least 100 articles of 3,000 characters per second on one core;
under 50 ms for a 10,000-character input. The corpus is the gold set's articles (and the
real article in ../shared when present), cut and joined into 3,000-character articles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from evlens.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
SHARED_ARTICLE = ROOT.parent / "shared" / "articles" / "000_53f5c50a01ef3361.txt"


def corpus(n: int, size: int = 3000, seed: int = 7) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "goldset" / "articles").iterdir())]
    if SHARED_ARTICLE.exists():
        texts.append(SHARED_ARTICLE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts, length = [], 0
        while length < size:
            t = rng.choice(texts)
            parts.append(t)
            length += len(t)
        out.append("\n\n".join(parts)[:size])
    return out


def per_second(texts: list[str]) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        extract_text(t, date(2025, 2, 8))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return len(texts) / wall, len(texts) / cpu


def ten_thousand(repeats: int = 20) -> dict[str, tuple[float, float]]:
    art = corpus(1, 10_000)[0]
    rng = random.Random(3)
    tokens = [
        "小米",
        "SU7",
        "交付",
        "2.4万辆",
        "超过",
        "12月",
        "2024年",
        "，",
        "。",
        "股价",
        "40.55港元",
        "涨幅",
        "5%",
        "Xiaomi delivered ",
        "7,058 units ",
        "in April ",
        "分别为",
        "、",
        "从10月到2025年1月",
        "连续",
        "市值",
        "1.02万亿港元",
        " and ",
        "HK$1 trillion",
        "\n",
        "两万",
        "约",
        "以上",
        "Model 3",
        "特斯拉",
    ]
    dense = "".join(rng.choice(tokens) for _ in range(3000))[:10_000]
    noise = "".join(chr(rng.randint(32, 0x2FFFF)) for _ in range(10_000))
    out = {}
    for name, text in (("article text", art), ("dense numbers and units", dense), ("random unicode", noise)):
        ts = []
        for _ in range(repeats):
            c0 = time.process_time()
            extract_text(text, date(2025, 2, 8))
            ts.append((time.process_time() - c0) * 1000)
        out[name] = (statistics.median(ts), max(ts))
    return out


def dask_scaling(texts: list[str]) -> list[tuple[str, float]]:
    from evlens.extract.batch import run

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        paths = []
        for i, t in enumerate(texts):
            p = d / "in" / f"a{i:05d}.md"
            p.parent.mkdir(exist_ok=True)
            p.write_text("---\ndate: 2025-02-08\n---\n" + t, encoding="utf-8")
            paths.append(p)
        res = run(paths, d / "local", chunks=8)
        rows.append(("one process, no Dask", res.task_seconds))
        for w in (1, 2):
            res = run(paths, d / f"dask{w}", workers=w, chunks=8 * w)
            label = f"LocalCluster, {w} worker process{'es' if w > 1 else ''}"
            rows.append((f"{label} (tasks)", res.task_seconds))
            rows.append((f"{label} (with cluster start-up)", res.seconds))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    import os

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared with other work)")
    texts = corpus(args.articles)
    extract_text(texts[0])  # compile the lexicon once
    wall, cpu = per_second(texts)
    print(
        f"one core: {len(texts)} articles of 3,000 characters: {wall:,.0f} articles/s wall, "
        f"{cpu:,.0f} articles/s CPU (target >= 100; ratio {min(wall, cpu) / 100:.1f}x)"
    )
    for name, (med, worst) in ten_thousand().items():
        print(f"10,000 characters, {name}: median {med:.1f} ms, worst {worst:.1f} ms CPU (target < 50 ms)")
    if not args.no_dask:
        rows = dask_scaling(texts * 4)
        base = rows[0][1]
        n = len(texts) * 4
        for name, secs in rows:
            print(
                f"{name:58} {secs:6.2f} s  {n / secs:7,.0f} articles/s  speed-up {base / secs:4.2f}x vs one process"
            )


if __name__ == "__main__":
    main()

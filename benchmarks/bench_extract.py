"""Extraction speed: articles per second on one core, the worst 10,000-character input, and
(with ``--dask``) the scaling on a Dask LocalCluster of one and two worker processes.

    .venv/bin/python benchmarks/bench_extract.py [--articles 300] [--rounds 5] [--repeats 20]
    .venv/bin/python benchmarks/bench_extract.py --dask [--dask-rounds 3]   # adds the Dask scaling

Targets: at least 300 articles of 3,000 characters per second on one core (issue 15); under 50 ms
for a 10,000-character input. The corpus is the gold set's articles (and the real article
in ../shared when present), cut and joined into 3,000-character articles.

No other package extracts these facts (maker, metric, period, value, bound) from Chinese
and English text, so there is no peer. The floor is the least any extractor must do: one
pass of one compiled regular expression that finds every Arabic number with the
multiplier and unit after it (``re.finditer``), on the same texts in the same rounds.
It prints the median CPU time (``time.process_time``) of evlens and of the floor, and the
paired ratio evlens / floor (median over rounds of the ratio within a round).

The Dask scaling runs ``evlens.extract.batch.run`` on four times the articles in one
process, then on a LocalCluster of one and of two worker processes, in interleaved rounds;
the work is spread over processes, so it prints median wall seconds (on a shared machine
they vary with the other load), with and without the cluster's start-up.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from evlens.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
SHARED_ARTICLE = ROOT.parent / "shared" / "articles" / "000_53f5c50a01ef3361.txt"
PUBLISHED = date(2025, 2, 8)

# every Arabic number, with the Chinese multiplier and the unit after it when present
NUMBER = re.compile(
    r"\d[\d,.]*\s?(?:万亿|亿|万|千)?\s?"
    r"(?:辆|台|港元|美元|元|%|units?|vehicles|cars|trillion|billion|million)?",
    re.IGNORECASE,
)


def floor(text: str) -> int:
    return sum(1 for _ in NUMBER.finditer(text))


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


def hard_inputs() -> dict[str, str]:
    """Three 10,000-character inputs: article text, dense numbers and units, random unicode."""
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
    return {"article text": art, "dense numbers and units": dense, "random unicode": noise}


def cpu(fn, *args) -> float:
    t0 = time.process_time()
    fn(*args)
    return time.process_time() - t0


def extract_all(texts: list[str]) -> None:
    for t in texts:
        extract_text(t, PUBLISHED)


def floor_all(texts: list[str]) -> None:
    for t in texts:
        floor(t)


def rate(texts: list[str], rounds: int) -> None:
    times: dict[str, list[float]] = {"evlens": [], "floor": []}
    for _ in range(rounds):
        times["evlens"].append(cpu(extract_all, texts))
        times["floor"].append(cpu(floor_all, texts))
    n = len(texts)
    e, f = statistics.median(times["evlens"]), statistics.median(times["floor"])
    ratio = statistics.median(a / b for a, b in zip(times["evlens"], times["floor"]))
    print(
        f"one core: {n} articles of 3,000 characters, {rounds} interleaved rounds, CPU time (median); "
        f"no peer extracts these facts"
    )
    print(f"  evlens extract_text: {e:.3f} s = {n / e:,.0f} articles/s (target >= 300)")
    print(f"  floor  one regular-expression pass for numbers and units: {f:.4f} s = {n / f:,.0f} articles/s")
    print(f"  paired ratio evlens / floor: {ratio:,.0f}x (median over rounds)")


def ten_thousand(repeats: int) -> None:
    print(f"10,000-character inputs, {repeats} interleaved repeats, CPU ms (target < 50 ms for evlens):")
    for name, text in hard_inputs().items():
        ours, plain = [], []
        for _ in range(repeats):
            ours.append(cpu(extract_text, text, PUBLISHED) * 1000)
            plain.append(cpu(floor, text) * 1000)
        print(
            f"  {name:<24} evlens median {statistics.median(ours):6.1f}, worst {max(ours):6.1f}; "
            f"floor median {statistics.median(plain):5.2f}; paired ratio evlens / floor "
            f"{statistics.median(a / b for a, b in zip(ours, plain)):,.0f}x"
        )


def dask_scaling(texts: list[str], rounds: int) -> None:
    from evlens.extract.batch import run

    configs = [("one process, no Dask", None), ("LocalCluster, 1 worker process", 1)]
    configs.append(("LocalCluster, 2 worker processes", 2))
    tasks: dict[str, list[float]] = {c: [] for c, _ in configs}
    whole: dict[str, list[float]] = {c: [] for c, _ in configs}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        paths = []
        for i, t in enumerate(texts):
            p = d / "in" / f"a{i:05d}.md"
            p.parent.mkdir(exist_ok=True)
            p.write_text("---\ndate: 2025-02-08\n---\n" + t, encoding="utf-8")
            paths.append(p)
        for r in range(rounds):
            for name, w in configs:
                out = d / f"out{r}-{w or 0}"
                res = run(paths, out, chunks=8) if w is None else run(paths, out, workers=w, chunks=8 * w)
                tasks[name].append(res.task_seconds)
                whole[name].append(res.seconds)
    n = len(texts)
    base = statistics.median(tasks[configs[0][0]])
    print(
        f"Dask scaling: {n} articles, {rounds} interleaved rounds, median wall seconds "
        f"(machine: {os.cpu_count()} cores, shared with other work)"
    )
    for name, _ in configs:
        t, s = statistics.median(tasks[name]), statistics.median(whole[name])
        print(
            f"  {name:<34} tasks {t:6.2f} s ({n / t:6,.0f} articles/s, speed-up {base / t:4.2f}x vs one "
            f"process); with cluster start-up {s:6.2f} s"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds of the rate (default 5)")
    ap.add_argument("--repeats", type=int, default=20, help="repeats of each 10,000-character input")
    ap.add_argument("--dask", action="store_true", help="add the Dask LocalCluster scaling")
    ap.add_argument("--dask-rounds", type=int, default=3)
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared with other work)")
    texts = corpus(args.articles)
    extract_text(texts[0], PUBLISHED)  # compile the lexicon once
    rate(texts, args.rounds)
    ten_thousand(args.repeats)
    if args.dask:
        dask_scaling(texts * 4, args.dask_rounds)


if __name__ == "__main__":
    main()

"""Extraction cost by the shape of the text: time must grow linearly with the length
whatever the shape, and the output must stay bounded.

    .venv/bin/python benchmarks/bench_extract_shapes.py [--sizes 30000,300000] [--articles 200] [--rounds 3]
    .venv/bin/python benchmarks/bench_extract_shapes.py --sizes 100000,1000000 --articles 600   # the 1 MB target

Prints, for each shape, milliseconds per 100,000 characters at each size (a linear cost
keeps the figure flat), the facts found and the longest ``sentence`` written; then
articles of 3,000 characters per second on one core, and the peak memory of the largest
text as a multiple of its size (tracemalloc). Shapes:

* prose: the written gold articles (Chinese and English), joined, and repeated to length
  with each copy's figures differing in their last digits (a repeated figure is one fact);
* dense numbers: names, metric words, dates and numbers with no prose between them;
* no sentence ends: the prose with every sentence end and line end made a comma or a space;
* control characters: the prose with a control character after every few characters.

No other package extracts these facts, so there is no peer. The floor is the one that
``bench_extract.py`` times: one pass of one regular expression for every number with its
multiplier and unit, on the same texts in the same rounds. Times are CPU time
(``time.process_time``), medians over ``--rounds`` interleaved rounds (every text, then
the articles, each read by evlens and then by the floor), with the paired ratio
evlens / floor (median over rounds of the ratio within a round).

Targets (issue 15): at least 300 articles of 3,000 characters per second on one core;
1 MB without a sentence end in under 2 s; peak memory under 20 times the input.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
import tracemalloc
from datetime import date
from pathlib import Path

from bench_extract import floor

from evlens.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2025, 2, 8)


def prose_source() -> str:
    """The written gold articles, joined (the corpus every shape is cut from)."""
    return "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "goldset" / "articles").iterdir())
    )


# a figure (not a year, a month, a day or a quarter): its last digit differs in each copy
_FIGURE = re.compile(r"(?<![\dA-Za-z.,])(?!(?:19|20)\d\d(?!\d))(\d+(?:[.,]\d+)*)(?![\d.,]*\s?[年月日号季])")


def _moved(figure: str, k: int) -> str:
    """``figure`` with its last (up to three) digits, read as one number, moved on by ``k``."""
    at = [i for i, ch in enumerate(figure) if ch.isdigit()][-3:]
    width = 10 ** len(at)
    digits = str((int("".join(figure[i] for i in at)) + k) % width).zfill(len(at))
    out = list(figure)
    for i, d in zip(at, digits, strict=True):
        out[i] = d
    return "".join(out)


def repeat_to(text: str, n: int) -> str:
    """``text`` repeated and cut to ``n`` characters, the last digits of each figure moved on
    by the copy's number: an article repeating a figure states it once, so an input of copies
    alike would hold the facts of one copy only."""
    copies = n // max(1, len(text)) + 1
    return "".join(_FIGURE.sub(lambda m, k=k: _moved(m.group(), k), text) for k in range(copies))[:n]


def dense(n: int, seed: int = 5) -> str:
    """Names, metric words, times and numbers back to back."""
    rng = random.Random(seed)
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
        "按年增長",
        "萬輛",
    ]
    out, size = [], 0
    while size < n:
        t = rng.choice(tokens)
        out.append(t)
        size += len(t)
    return "".join(out)[:n]


_ENDS = re.compile(r"[。！？!?；;]|\.(?=\s)")


def shapes(n: int, prose: str) -> dict[str, str]:
    """Each shape at ``n`` characters."""
    base = repeat_to(prose, n)
    flat = _ENDS.sub("，", base).replace("\n", " ")
    ctrl = "".join(ch + ("\x01" if i % 7 == 6 else "") for i, ch in enumerate(base))[:n]
    return {"prose": base, "dense numbers": dense(n), "no sentence ends": flat, "control characters": ctrl}


def timed(text: str) -> tuple[float, int, int]:
    """Seconds (process time) to extract ``text``, facts found, longest sentence written."""
    c0 = time.process_time()
    facts = extract_text(text, PUBLISHED)
    secs = time.process_time() - c0
    return secs, len(facts), max((len(f.sentence or "") for f in facts), default=0)


def floor_timed(text: str) -> float:
    """Seconds (process time) of the floor on ``text``."""
    c0 = time.process_time()
    floor(text)
    return time.process_time() - c0


def article_texts(prose: str, count: int, size: int = 3000) -> list[str]:
    """``count`` slices of ``size`` characters of the prose."""
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        a = rng.randrange(0, max(1, len(prose) - size))
        texts.append(prose[a : a + size])
    return texts


def peak_memory_ratio(fn, text: str) -> float:
    """Peak memory allocated while ``fn`` reads ``text``, over its size in bytes (as UTF-8)."""
    tracemalloc.start()
    fn(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / len(text.encode("utf-8"))


def print_judge_share(texts: dict[str, str]) -> None:
    """CPU time of the confidence model (:func:`evlens.extract.confidence.judge`) on the
    facts of each shape, against the whole extraction of it."""
    from evlens.extract.confidence import judge

    for name, text in texts.items():
        c0 = time.process_time()
        facts = extract_text(text, PUBLISHED, judged=False)
        whole = time.process_time() - c0
        c0 = time.process_time()
        judge(facts, text)
        part = time.process_time() - c0
        print(
            f"confidence model, {name} ({len(text)} chars, {len(facts)} facts): {part:.2f} s "
            f"of {whole:.2f} s ({100 * part / whole:.0f}%)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="30000,300000", help="text sizes in characters, comma-separated")
    ap.add_argument("--articles", type=int, default=200, help="3,000-character articles for the rate")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    prose = prose_source()
    extract_text("小米交付7,058辆。", PUBLISHED)  # warm up: lexicon, character table
    texts = {(n, name): text for n in sizes for name, text in shapes(n, prose).items()}
    arts = article_texts(prose, args.articles)
    ours: dict[tuple[int, str], list[float]] = {k: [] for k in texts}
    plain: dict[tuple[int, str], list[float]] = {k: [] for k in texts}
    found: dict[tuple[int, str], tuple[int, int]] = {}
    rate_ours, rate_plain = [], []
    for _ in range(args.rounds):
        for key, text in texts.items():
            secs, nf, longest = timed(text)
            ours[key].append(secs)
            found[key] = (nf, longest)
            plain[key].append(floor_timed(text))
        c0 = time.process_time()
        for t in arts:
            extract_text(t, PUBLISHED)
        rate_ours.append(time.process_time() - c0)
        c0 = time.process_time()
        for t in arts:
            floor(t)
        rate_plain.append(time.process_time() - c0)

    print(
        f"{args.rounds} interleaved rounds, one core, CPU time (median); no peer extracts these facts; "
        "floor: one regular-expression pass for numbers and units (bench_extract.py)"
    )
    print(
        f"{'shape':<20}{'chars':>10}{'seconds':>10}{'ms/100k':>10}{'floor ms/100k':>15}"
        f"{'evlens/floor':>14}{'facts':>8}{'longest sentence':>18}"
    )
    for (n, name), t in ours.items():
        secs, fl = statistics.median(t), statistics.median(plain[(n, name)])
        ratio = statistics.median(a / b for a, b in zip(t, plain[(n, name)]))
        nf, longest = found[(n, name)]
        print(
            f"{name:<20}{n:>10}{secs:>10.2f}{secs * 1000 * 100_000 / n:>10.0f}"
            f"{fl * 1000 * 100_000 / n:>15.2f}{ratio:>13.0f}x{nf:>8}{longest:>18}"
        )
    e, f = statistics.median(rate_ours), statistics.median(rate_plain)
    ratio = statistics.median(a / b for a, b in zip(rate_ours, rate_plain))
    print(
        f"\narticles of 3,000 characters per second, one core: evlens {len(arts) / e:.0f} (target >= 300); "
        f"floor {len(arts) / f:,.0f}; paired ratio evlens / floor {ratio:.0f}x"
    )
    big = shapes(max(sizes), prose)
    print_judge_share(big)
    for name in ("prose", "no sentence ends", "dense numbers"):
        ours_peak = peak_memory_ratio(lambda t: extract_text(t, PUBLISHED), big[name])
        print(
            f"peak memory / input size, {name} ({max(sizes)} chars): evlens {ours_peak:.1f}x (target < 20x); "
            f"floor {peak_memory_ratio(floor, big[name]):.2f}x"
        )


if __name__ == "__main__":
    main()

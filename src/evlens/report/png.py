"""The report's charts as PNG files, drawn by kaleido (which drives a local Chrome or
Chromium; nothing is fetched). Optional: ``pip install 'evlens[png]'``."""

from __future__ import annotations

from pathlib import Path

from ..errors import EvlensError
from ..views.figures import figures

WIDTH, HEIGHT, SCALE = 1100, 520, 1


def write_pngs(data: dict, lang: str, out_dir: str | Path) -> list[Path]:
    """Write each chart of the report to ``out_dir/<chart>.png`` (``<chart>-zh.png`` in
    Chinese); returns the files written, in the report's order."""
    try:
        import kaleido  # noqa: F401  (present or the PNG export cannot run)
        import plotly.io as pio
    except ImportError:
        raise EvlensError(
            "--png needs kaleido: pip install 'evlens[png]' (it draws with a local Chromium)"
        ) from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    figs = figures(data, lang)
    suffix = "" if lang == "en" else f"-{lang}"
    files = [out / f"{name}{suffix}.png" for name in figs]
    try:
        pio.write_images(list(figs.values()), files, format="png", width=WIDTH, height=HEIGHT, scale=SCALE)
    except Exception as exc:  # kaleido reports a missing browser or a failed render
        raise EvlensError(f"could not draw the charts as PNG: {exc}") from None
    return files

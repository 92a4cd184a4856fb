"""The demo dataset bundled with evlens (``data/demo``), described by its manifest."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class DemoFile:
    path: Path
    kind: str
    ticker: str | None = None
    adjusted: bool | None = None


def demo_dir() -> Path:
    return Path(str(resources.files("evlens.data").joinpath("demo")))


def demo_files() -> list[DemoFile]:
    root = demo_dir()
    manifest = tomllib.loads((root / "manifest.toml").read_text(encoding="utf-8"))
    return [
        DemoFile(root / f["path"], f["kind"], f.get("ticker"), f.get("adjusted"))
        for f in manifest["file"]
    ]

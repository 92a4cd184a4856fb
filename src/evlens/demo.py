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


def _manifest() -> dict:
    return tomllib.loads((demo_dir() / "manifest.toml").read_text(encoding="utf-8"))


def demo_subject() -> str:
    """The maker the demo reports on: ``[demo] subject`` of the manifest, unless the
    ``EVLENS_DEMO_SUBJECT`` environment variable names another."""
    import os

    from .errors import InputError

    subject = os.environ.get("EVLENS_DEMO_SUBJECT") or (_manifest().get("demo") or {}).get("subject")
    if not subject:
        raise InputError(
            "demo/manifest.toml, field 'subject': the demo names no subject ([demo] subject = SLUG)",
            field="subject",
        )
    return subject


def demo_files() -> list[DemoFile]:
    root = demo_dir()
    manifest = _manifest()
    return [
        DemoFile(root / f["path"], f["kind"], f.get("ticker"), f.get("adjusted")) for f in manifest["file"]
    ]

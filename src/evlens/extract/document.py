"""Reading an article file: its text, front matter and publication date.

An article is markdown or plain text. It may open with a front matter block::

    ---
    title: ...
    url: https://...
    source: 极客公园
    date: 2025-02-08
    fetch_date: 2025-10-06T20:38:09
    ---

``date`` is the publication date; ``--date`` on the command line gives (or overrides) it
for plain text. Spans always refer to the whole file text, front matter included.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..errors import InputError
from ..facts import Document
from ..periods import FIRST_DAY
from .normalize import front_matter_end

_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*$")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_NOT_WORD = re.compile(r"\W+")


def parse_front_matter(text: str, path: str | Path | None = None) -> dict[str, str]:
    """The ``key: value`` pairs of the front matter (empty when there is none)."""
    end = front_matter_end(text)
    if not end:
        return {}
    out: dict[str, str] = {}
    for i, line in enumerate(text[:end].splitlines()[1:-1], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise InputError("front matter line is not 'key: value'", path=path, line=i)
        out[m.group(1).lower()] = m.group(2).strip().strip("'\"")
    return out


def _front_line(text: str, key: str) -> int | None:
    for i, line in enumerate(text.splitlines()[:50], start=1):
        if line.lower().startswith(key + ":"):
            return i
    return None


def parse_date(value: str, *, path=None, line=None, field="date") -> date:
    """The date ``value`` opens with (YYYY-MM-DD, 1900 or later); else an :class:`InputError`
    naming ``path``, ``line`` and ``field``."""
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(
            f"not a date (expected YYYY-MM-DD): {value!r}", path=path, line=line, field=field
        ) from None
    if day < FIRST_DAY:
        raise InputError(f"date before 1900: {value!r}", path=path, line=line, field=field)
    return day


def document_from_text(
    text: str, *, path: str | Path | None = None, published: date | None = None
) -> Document:
    """A :class:`Document` for ``text``; ``published`` overrides the front matter's date."""
    meta = parse_front_matter(text, path)
    if published is None and meta.get("date"):
        published = parse_date(meta["date"], path=path, line=_front_line(text, "date"), field="date")
    retrieved = None
    if meta.get("fetch_date"):
        try:
            retrieved = datetime.fromisoformat(meta["fetch_date"])
        except ValueError:
            raise InputError(
                f"not a date-time: {meta['fetch_date']!r}",
                path=path,
                line=_front_line(text, "fetch_date"),
                field="fetch_date",
            ) from None
    body = text[front_matter_end(text) :]
    # Chinese when Han characters are more than a tenth of the word characters
    han, word = len(_NOT_HAN.sub("", body)), len(_NOT_WORD.sub("", body))
    lang = "zh" if han > 0.1 * max(1, word) else "en"
    return Document.from_text(
        text,
        kind="article",
        url=meta.get("url"),
        title=meta.get("title"),
        publisher=meta.get("source"),
        published=published,
        retrieved_at=retrieved,
        path=str(path) if path is not None else None,
        lang=lang,
    )


def read_document(path: str | Path, published: date | None = None) -> Document:
    """Read an article file (UTF-8, a BOM allowed)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=p) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path=p) from None
    return document_from_text(text, path=p, published=published)

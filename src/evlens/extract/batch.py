"""Extraction over many files: one process, or a Dask cluster writing Parquet partitions.

:func:`run` splits the files into chunks; each chunk is extracted by one task (in this
process, or on a Dask ``LocalCluster`` with ``workers`` workers, or on an existing cluster
at ``scheduler``) and written as two Parquet files, ``documents/part-NNNNN.parquet`` and
``facts/part-NNNNN.parquet``. :func:`load_partitions` then loads a whole directory of
partitions into the store in one transaction, once per document (by content hash).

On a remote cluster the workers read the files and write the partitions themselves, so
the paths and the output directory must be on a file system they share.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import EvlensError, InputError
from ..validate import check_facts

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text")

DOC_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("kind", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("publisher", pa.string()),
        ("published", pa.date32()),
        ("retrieved_at", pa.timestamp("us")),
        ("path", pa.string()),
        ("lang", pa.string()),
        ("text", pa.string()),
    ]
)
FACT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("entity", pa.string()),
        ("metric", pa.string()),
        ("scope", pa.string()),
        ("period", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("rate", pa.string()),
        ("bound", pa.string()),
        ("cumulative", pa.bool_()),
        ("document_id", pa.string()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("surface", pa.string()),
        ("sentence", pa.string()),
        ("method", pa.string()),
        ("confidence", pa.float64()),
        ("published", pa.date32()),
        ("published_basis", pa.string()),
        ("source_url", pa.string()),
        ("publisher", pa.string()),
        ("note", pa.string()),
    ]
)


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named, directories searched recursively, sorted, no duplicates."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES)
            )
        elif p.is_file():
            out.append(p)
        else:
            raise InputError("no such file or directory", path=p)
    seen, uniq = set(), []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            uniq.append(p)
    return uniq


def doc_row(doc) -> dict:
    return {
        "id": doc.id,
        "kind": doc.kind,
        "url": doc.url,
        "title": doc.title,
        "publisher": doc.publisher,
        "published": doc.published,
        "retrieved_at": doc.retrieved_at,
        "path": doc.path,
        "lang": doc.lang,
        "text": doc.text,
    }


def process_chunk(
    index: int, paths: Sequence[str], out_dir: str, published: date | None = None, judged: bool = True
) -> dict:
    """Extract one chunk of files and write its two Parquet partitions. Runs on a worker
    (``judged``: as :func:`evlens.extract.extract_document`)."""
    from . import extract_file

    docs: list[dict] = []
    facts: list[dict] = []
    errors: list[dict] = []
    for path in paths:
        try:
            doc, fs = extract_file(path, published, judged=judged)
        except EvlensError as exc:
            errors.append({"path": str(path), "error": str(exc)})
            continue
        docs.append(doc_row(doc))
        facts.extend(f.row() for f in fs)
    out = Path(out_dir)
    (out / "documents").mkdir(parents=True, exist_ok=True)
    (out / "facts").mkdir(parents=True, exist_ok=True)
    pq.write_table(
        pa.Table.from_pylist(docs, schema=DOC_SCHEMA), out / "documents" / f"part-{index:05d}.parquet"
    )
    pq.write_table(
        pa.Table.from_pylist(facts, schema=FACT_SCHEMA), out / "facts" / f"part-{index:05d}.parquet"
    )
    return {"index": index, "documents": len(docs), "facts": len(facts), "errors": errors}


def _warm() -> None:
    from .lexicon import load_lexicon

    load_lexicon()


@dataclass(frozen=True)
class BatchResult:
    """What a batch run did."""

    out_dir: str
    files: int
    documents: int
    facts: int
    partitions: int
    seconds: float  # the whole run, cluster start-up included
    mode: str  # local | dask-local | dask
    workers: int
    errors: tuple[dict, ...] = field(default=())
    task_seconds: float = 0.0  # from the first task submitted to the last result back

    def to_dict(self) -> dict:
        return {
            "out_dir": self.out_dir,
            "files": self.files,
            "documents": self.documents,
            "facts": self.facts,
            "partitions": self.partitions,
            "seconds": round(self.seconds, 3),
            "task_seconds": round(self.task_seconds, 3),
            "mode": self.mode,
            "workers": self.workers,
            "errors": list(self.errors),
        }


def _chunks(paths: list[str], n: int) -> list[list[str]]:
    n = max(1, min(n, len(paths)))
    return [paths[i::n] for i in range(n)] if paths else []


def run(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    published: date | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = True,
    chunks: int | None = None,
    judged: bool = True,
) -> BatchResult:
    """Extract ``paths`` into Parquet partitions under ``out_dir`` (``judged``: as
    :func:`evlens.extract.extract_document`).

    ``workers`` starts a local Dask cluster with that many single-threaded workers
    (``processes=False`` keeps them in this process as threads); ``scheduler`` uses an
    existing cluster; neither runs here, one chunk after another.
    """
    files = [str(p) for p in paths]
    out = str(Path(out_dir))
    t0 = time.perf_counter()
    if scheduler is None and not workers:
        t1 = time.perf_counter()
        parts = [
            process_chunk(i, c, out, published, judged) for i, c in enumerate(_chunks(files, chunks or 1))
        ]
        mode, nworkers = "local", 1
        tasks = time.perf_counter() - t1
    else:
        parts, mode, nworkers, tasks = _run_on_dask(
            files, out, published, workers, scheduler, processes, chunks, judged
        )
    errors = tuple(e for p in parts for e in p["errors"])
    return BatchResult(
        out,
        len(files),
        sum(p["documents"] for p in parts),
        sum(p["facts"] for p in parts),
        len(parts),
        time.perf_counter() - t0,
        mode,
        nworkers,
        errors,
        tasks,
    )


def _run_on_dask(
    files: list[str],
    out: str,
    published: date | None,
    workers: int | None,
    scheduler: str | None,
    processes: bool,
    chunks: int | None,
    judged: bool = True,
) -> tuple[list[dict], str, int, float]:
    """The chunks of :func:`run` as tasks on an existing Dask cluster at ``scheduler``, or
    on a local one of ``workers`` workers: the results of the chunks, the mode, the
    number of workers and the seconds from the first task submitted to the last result."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is not None:
        client = Client(scheduler)
        mode = "dask"
    else:
        cluster = LocalCluster(
            n_workers=int(workers or 1),  # (given: without a scheduler, workers make the cluster)
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        )
        client = Client(cluster)
        mode = "dask-local"
    try:
        nworkers = len(client.scheduler_info()["workers"]) or int(workers or 1)
        cs = _chunks(files, chunks or 4 * nworkers)
        client.run(_warm)  # import evlens and compile the lexicon on every worker first
        t1 = time.perf_counter()
        futures = client.map(
            process_chunk,
            range(len(cs)),
            cs,
            [out] * len(cs),
            [published] * len(cs),
            [judged] * len(cs),
            pure=False,
        )
        parts = client.gather(futures)
        tasks = time.perf_counter() - t1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return parts, mode, nworkers, tasks


def read_partitions(out_dir: str | Path):
    """The facts of a partition directory as a DataFrame (sorted by document and span)."""
    files = sorted(Path(out_dir).glob("facts/*.parquet"))
    if not files:
        raise InputError("no Parquet partitions here (expected facts/*.parquet)", path=out_dir)
    table = pa.concat_tables(pq.read_table(f, schema=FACT_SCHEMA) for f in files).sort_by(
        [("document_id", "ascending"), ("span_start", "ascending"), ("id", "ascending")]
    )
    # dates as the store's reads give them: timestamps (NaT where missing), not date objects
    columns = [c.cast(pa.timestamp("us")) if pa.types.is_date(c.type) else c for c in table.columns]
    return pa.Table.from_arrays(columns, names=table.column_names).to_pandas()


def load_partitions(store, out_dir: str | Path) -> dict:
    """Load a partition directory into ``store`` in one transaction.

    Documents already stored (same content hash) are skipped with their facts, so loading
    the same articles twice adds nothing. Returns counts of what was added.
    """
    if not list(Path(out_dir).glob("documents/*.parquet")):
        raise InputError("no Parquet partitions here (expected documents/*.parquet)", path=out_dir)
    # partitions are files anyone can edit: their facts pass the store's rules first
    check_facts(read_partitions(out_dir).itertuples(index=False), path=out_dir)
    return store.merge_partitions(out_dir)

"""A load run: files → ingest → clean → extract → resolve → load, with its run log.

One bad file never stops the others: anything that goes wrong with a file puts it in
the quarantine with a one-line reason, and its article's transaction rolls back. Only
one load runs at a time (a table lock held by the load, released if the holder dies).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import OperationalError

from etl import EXTRACTOR_VERSION, __version__
from etl.clean import clean
from etl.errors import LoadBusy
from etl.extract import extract
from etl.ingest import Rejected, expand_paths, max_bytes, read_bytes, stat_source, to_document
from etl.load import Loader, find_article, load_reference_data
from etl.models import articles, etl_runs, quarantine, source_files
from etl.nlp import kiwi_versions
from etl.records import Document, Extraction, SourceFile
from etl.reference import load_reference
from etl.resolve import resolve

Status = Literal["loaded", "replaced", "unchanged", "quarantined"]


@dataclass(frozen=True)
class FileResult:
    path: str
    source_name: str
    status: Status
    reason: str | None = None


@dataclass
class RunSummary:
    run_id: int
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, *statuses: Status) -> int:
        return sum(1 for r in self.results if r.status in statuses)

    @property
    def loaded(self) -> int:
        return self.count("loaded", "replaced")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def quarantined(self) -> int:
        return self.count("quarantined")

    def line(self) -> str:
        replaced = self.count("replaced")
        extra = f" ({replaced} replaced)" if replaced else ""
        return (
            f"{self.loaded} loaded{extra}, {self.unchanged} unchanged, "
            f"{self.quarantined} quarantined ({len(self.results)} files, run {self.run_id}, "
            f"{self.seconds:.1f}s)"
        )


def prepare(document: Document) -> Extraction:
    """The CPU part of a file's journey: no database needed."""
    return resolve(extract(clean(document)))


LOCK_STATEMENT = "lock table kbio_private.load_lock in exclusive mode"


@contextlib.contextmanager
def load_lock(engine: Engine, wait: bool = False) -> Iterator[None]:
    """Hold the load lock for the duration; a second load is refused (or waits).

    The lock is a table lock held by an open transaction on a connection of its own:
    the server releases it when the holder ends or dies. Only the ETL's role can take
    it (migration 0006 says why an advisory lock was not enough)."""
    conn = engine.connect()
    try:
        try:
            conn.execute(text(LOCK_STATEMENT if wait else LOCK_STATEMENT + " nowait"))
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                raise LoadBusy(
                    "another kbio load is running on this database; try again later or use --wait"
                ) from None
            raise
        yield
    finally:
        with contextlib.suppress(Exception):
            conn.rollback()
        conn.close()


def start_run(engine: Engine, command: str) -> int:
    kiwi, model = kiwi_versions()
    with engine.begin() as conn:
        return conn.execute(
            insert(etl_runs)
            .values(
                command=command,
                status="running",
                code_version=__version__,
                extractor_version=EXTRACTOR_VERSION,
                kiwi_version=kiwi,
                kiwi_model_version=model,
            )
            .returning(etl_runs.c.run_id)
        ).scalar_one()


def finish_run(engine: Engine, summary: RunSummary, status: str, error: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(etl_runs)
            .where(etl_runs.c.run_id == summary.run_id)
            .values(
                status=status,
                finished_at=text("now()"),
                files_seen=len(summary.results),
                loaded=summary.loaded,
                unchanged=summary.unchanged,
                quarantined=summary.quarantined,
                error=error,
            )
        )


@contextlib.contextmanager
def logged_run(engine: Engine, command: str, wait: bool) -> Iterator[RunSummary]:
    """Hold the load lock and log the run: 'completed' if the body returns, 'failed'
    with a one-line error if it raises."""
    started = time.monotonic()
    with load_lock(engine, wait):
        summary = RunSummary(run_id=start_run(engine, command))
        try:
            yield summary
        except BaseException as exc:
            summary.seconds = time.monotonic() - started
            finish_run(engine, summary, "failed", _one_line(exc))
            raise
        summary.seconds = time.monotonic() - started
        finish_run(engine, summary, "completed")


def _quarantine(
    engine: Engine, run_id: int, path: Path, rejected: Rejected, size: int | None
) -> FileResult:
    import hashlib

    data = rejected.data
    with engine.begin() as conn:
        conn.execute(
            insert(quarantine)
            .values(
                run_id=run_id,
                source_name=path.name,
                source_path=os.path.abspath(path),
                bytes_sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
                size_bytes=size,
                stage=rejected.stage,
                reason=rejected.reason,
                raw_bytes=data,
            )
            .on_conflict_do_nothing()
        )
    return FileResult(str(path), path.name, "quarantined", rejected.reason)


def _record_sources(conn: Connection, items: list[tuple[Document, int]], run_id: int) -> None:
    """Remember where each article's file is, so an unchanged file is not read again."""
    if not items:
        return
    rows = [
        {
            "path": os.path.abspath(document.source.path),
            "size_bytes": document.source.size_bytes,
            "mtime_ns": document.source.mtime_ns,
            "bytes_sha256": document.bytes_sha256,
            "article_id": article_id,
            "run_id": run_id,
        }
        for document, article_id in items
    ]
    stmt = insert(source_files)
    changed = (
        (source_files.c.size_bytes != stmt.excluded.size_bytes)
        | (source_files.c.mtime_ns != stmt.excluded.mtime_ns)
        | (source_files.c.bytes_sha256 != stmt.excluded.bytes_sha256)
        | (source_files.c.article_id.is_distinct_from(stmt.excluded.article_id))
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[source_files.c.path],
            set_={k: stmt.excluded[k] for k in rows[0] if k != "path"},
            where=changed,
        ),
        rows,
    )


def _known_sources(engine: Engine) -> dict[str, tuple[int, int, int | None]]:
    """Every file seen before: path → (size, mtime, article); one query per run."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                source_files.c.path,
                source_files.c.size_bytes,
                source_files.c.mtime_ns,
                source_files.c.article_id,
            )
        ).all()
    return {row.path: (row.size_bytes, row.mtime_ns, row.article_id) for row in rows}


def _one_line(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}"[:500]


def triage(
    engine: Engine,
    path: Path,
    known: dict[str, tuple[int, int, int | None]],
    run_id: int,
) -> FileResult | Document:
    """A file up to its decoded text: a result if that settles it (quarantined, or
    unchanged on disk), else the document."""
    try:
        source = stat_source(path)
    except Rejected as rejected:
        return _quarantine(engine, run_id, path, rejected, None)
    seen = known.get(os.path.abspath(path))
    if seen and seen[2] is not None and seen[:2] == (source.size_bytes, source.mtime_ns):
        return FileResult(str(path), source.source_name, "unchanged")
    try:
        return to_document(source, read_bytes(source))
    except Rejected as rejected:
        if source.size_bytes > max_bytes():
            rejected.data = None
        return _quarantine(engine, run_id, path, rejected, source.size_bytes)


def settle_known(
    engine: Engine, documents: list[Document], run_id: int
) -> tuple[list[FileResult], list[Document]]:
    """One query for a handful of documents: those whose text is already an article are
    unchanged (the same page under another name or encoding); the rest need extracting."""
    shas = [d.content_sha256 for d in documents]
    with engine.connect() as conn:
        found = dict(
            conn.execute(
                select(articles.c.content_sha256, articles.c.article_id).where(
                    articles.c.content_sha256.in_(shas)
                )
            ).all()
        )
    known = [(d, found[d.content_sha256]) for d in documents if d.content_sha256 in found]
    if known:
        with engine.begin() as conn:
            _record_sources(conn, known, run_id)
    results = [FileResult(str(d.source.path), d.source.source_name, "unchanged") for d, _ in known]
    return results, [d for d in documents if d.content_sha256 not in found]


def finish(
    engine: Engine,
    loader: Loader,
    document: Document,
    extraction: Extraction | BaseException,
    run_id: int,
) -> FileResult:
    """Write an extraction, or quarantine the document whose extraction failed."""
    source = document.source
    if isinstance(extraction, BaseException):
        data = document.text.encode("utf-8")
        rejected = Rejected("extract", _one_line(extraction), data)
        return _quarantine(engine, run_id, source.path, rejected, source.size_bytes)
    return write_extraction(engine, loader, extraction, run_id)


def _extract_here(document: Document) -> Extraction | BaseException:
    try:
        return prepare(document)
    except Exception as exc:  # noqa: BLE001 - any failure quarantines this file only
        return exc


def write_extraction(
    engine: Engine, loader: Loader, extraction: Extraction, run_id: int
) -> FileResult:
    """One article in its own transaction; a failure quarantines it and leaves nothing."""
    document = extraction.article.document
    source = document.source
    checkpoint = loader.checkpoint()
    try:
        with engine.begin() as conn:
            existing, current = find_article(conn, document)
            if current and existing is not None:
                outcome = "unchanged"
                article_id = existing.article_id
            else:
                outcome = loader.load(conn, extraction, existing, run_id)
                article_id = conn.execute(
                    text("select article_id from articles where content_sha256 = :sha"),
                    {"sha": document.content_sha256},
                ).scalar_one()
            _record_sources(conn, [(document, article_id)], run_id)
    except Exception as exc:  # noqa: BLE001
        loader.restore(checkpoint)
        data = document.text.encode("utf-8")
        return _quarantine(
            engine, run_id, source.path, Rejected("load", _one_line(exc), data), source.size_bytes
        )
    return FileResult(str(source.path), source.source_name, outcome)  # type: ignore[arg-type]


BATCH_SIZE = 64


def write_batch(
    engine: Engine, loader: Loader, batch: list[Extraction], run_id: int
) -> list[FileResult]:
    """New articles of a batch in one transaction (COPY); a new version, a content or
    name met twice, and any failure go article by article, each in its own transaction,
    so one bad article still leaves nothing of itself and stops no other."""
    if len(batch) == 1:
        return [write_extraction(engine, loader, batch[0], run_id)]
    checkpoint = loader.checkpoint()
    fresh: list[Extraction] = []
    try:
        with engine.begin() as conn:
            shas = [e.article.document.content_sha256 for e in batch]
            names = [e.article.document.source.source_name for e in batch]
            taken = set(
                conn.execute(
                    select(articles.c.content_sha256).where(articles.c.content_sha256.in_(shas))
                ).scalars()
            )
            taken |= set(
                conn.execute(
                    select(articles.c.source_name).where(articles.c.source_name.in_(names))
                ).scalars()
            )
            for extraction, sha, name in zip(batch, shas, names, strict=True):
                if sha not in taken and name not in taken:
                    fresh.append(extraction)
                taken |= {sha, name}
            if fresh:
                ids = loader.load_new_articles(conn, fresh, run_id)
                _record_sources(
                    conn, [(e.article.document, i) for e, i in zip(fresh, ids, strict=True)], run_id
                )
    except Exception:  # noqa: BLE001 - retried one by one below, where a failure is isolated
        loader.restore(checkpoint)
        fresh = []
    done = {id(e) for e in fresh}
    results = []
    for extraction in batch:
        if id(extraction) in done:
            source = extraction.article.document.source
            results.append(FileResult(str(source.path), source.source_name, "loaded"))
        else:
            results.append(write_extraction(engine, loader, extraction, run_id))
    return results


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8


def run_load(
    engine: Engine,
    arguments: list[str],
    *,
    command: str = "load",
    wait: bool = False,
    on_file: Callable[[FileResult], None] | None = None,
    paths: list[Path] | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Load files: triage here, extraction in worker processes (one Kiwi each), writes
    back here, one transaction per article."""
    from etl.workers import ExtractionPool, default_workers

    reference = load_reference()
    path_list = list(paths) if paths is not None else list(expand_paths(arguments))
    workers = workers or default_workers()
    with logged_run(engine, command, wait) as summary:

        def emit(result: FileResult) -> None:
            summary.results.append(result)
            if on_file:
                on_file(result)

        pool: ExtractionPool | None = None
        try:
            with engine.begin() as conn:
                load_reference_data(conn, reference, summary.run_id)
            known = _known_sources(engine)
            loader = Loader(reference)
            pending: deque[tuple[Document, Future]] = deque()
            batch: list[Extraction] = []

            def flush() -> None:
                for result in write_batch(engine, loader, batch, summary.run_id):
                    emit(result)
                batch.clear()

            def take(document: Document, extraction: Extraction | BaseException) -> None:
                if isinstance(extraction, BaseException):
                    emit(finish(engine, loader, document, extraction, summary.run_id))
                    return
                batch.append(extraction)
                if len(batch) >= BATCH_SIZE:
                    flush()

            def drain(limit: int) -> None:
                while len(pending) > limit:
                    document, future = pending.popleft()
                    try:
                        extraction: Extraction | BaseException = future.result()
                    except BrokenProcessPool:
                        extraction = _extract_here(document)  # a worker died: do it here
                    except Exception as exc:  # noqa: BLE001
                        extraction = exc
                    take(document, extraction)

            decoded: list[Document] = []

            def extract_decoded() -> None:
                nonlocal pool, workers
                if not decoded:
                    return
                settled, fresh = settle_known(engine, decoded, summary.run_id)
                decoded.clear()
                for result in settled:
                    emit(result)
                for document in fresh:
                    if pool is None and workers > 1 and len(path_list) >= PARALLEL_THRESHOLD:
                        pool = ExtractionPool(workers)
                    if pool is not None:
                        try:
                            pending.append((document, pool.submit(document)))
                            drain(pool.window)
                            continue
                        except BrokenProcessPool:
                            # Workers could not start or died: finish what is pending
                            # and the rest in this process.
                            drain(0)
                            pool.close()
                            pool, workers = None, 1
                    take(document, _extract_here(document))

            for path in path_list:
                triaged = triage(engine, path, known, summary.run_id)
                if isinstance(triaged, FileResult):
                    emit(triaged)
                    continue
                decoded.append(triaged)
                if len(decoded) >= 16:
                    extract_decoded()
            extract_decoded()
            drain(0)
            if batch:
                flush()
        finally:
            if pool is not None:
                pool.close()
        if summary.loaded >= ANALYZE_AFTER:
            _analyze(engine)
    return summary


# After a load this large, refresh the planner's statistics at once rather than wait
# for autovacuum, so dashboards get good plans right after a backfill.
ANALYZE_AFTER = 500


def _analyze(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in (
            "articles",
            "sentences",
            "mentions",
            "visits",
            "agreements",
            "agreement_parties",
            "amounts",
            "organizations",
            "officials",
        ):
            conn.execute(text(f"analyze {table}"))


def run_reprocess(
    engine: Engine, *, everything: bool = False, wait: bool = False, workers: int | None = None
) -> RunSummary:
    """Re-extract stored articles (from their stored text, no source files needed) whose
    facts come from another extractor version, or all of them with ``everything``.
    Articles are read 64 at a time, so memory stays flat whatever the archive's size."""
    from etl.workers import ExtractionPool, default_workers

    reference = load_reference()
    workers = workers or default_workers()
    with logged_run(engine, "reprocess", wait) as summary:
        pool: ExtractionPool | None = None
        try:
            with engine.begin() as conn:
                load_reference_data(conn, reference, summary.run_id)
                query = select(articles.c.article_id).order_by(articles.c.article_id)
                if not everything:
                    query = query.where(articles.c.extractor_version != EXTRACTOR_VERSION)
                stale = list(conn.execute(query).scalars())
            if workers > 1 and len(stale) >= PARALLEL_THRESHOLD:
                pool = ExtractionPool(workers)
            loader = Loader(reference)
            for first in range(0, len(stale), BATCH_SIZE):
                chunk = stale[first : first + BATCH_SIZE]
                with engine.connect() as conn:
                    rows = conn.execute(
                        select(
                            articles.c.article_id,
                            articles.c.source_name,
                            articles.c.raw_text,
                            articles.c.encoding,
                            articles.c.content_sha256,
                        )
                        .where(articles.c.article_id.in_(chunk))
                        .order_by(articles.c.article_id)
                    ).all()
                documents = [
                    Document(
                        SourceFile(Path(row.source_name), row.source_name, len(row.raw_text), 0),
                        row.raw_text,
                        row.encoding,
                        "",
                        row.content_sha256,
                    )
                    for row in rows
                ]
                extractions = _extract_all(pool, documents)
                for row, document, extraction in zip(rows, documents, extractions, strict=True):
                    summary.results.append(
                        _reprocess_one(
                            engine, loader, document, extraction, row.article_id, summary.run_id
                        )
                    )
        finally:
            if pool is not None:
                pool.close()
    return summary


def _extract_all(pool, documents: list[Document]) -> list[Extraction | BaseException]:  # noqa: ANN001
    if pool is None:
        return [_extract_here(d) for d in documents]
    futures = [pool.submit(d) for d in documents]
    out: list[Extraction | BaseException] = []
    for document, future in zip(documents, futures, strict=True):
        try:
            out.append(future.result())
        except BrokenProcessPool:
            out.append(_extract_here(document))
        except Exception as exc:  # noqa: BLE001
            out.append(exc)
    return out


def _reprocess_one(
    engine: Engine,
    loader: Loader,
    document: Document,
    extraction: Extraction | BaseException,
    article_id: int,
    run_id: int,
) -> FileResult:
    from etl.load import ExistingArticle

    name = document.source.source_name
    if isinstance(extraction, BaseException):
        return FileResult(name, name, "quarantined", _one_line(extraction))
    checkpoint = loader.checkpoint()
    try:
        with engine.begin() as conn:
            loader.reextract(
                conn, extraction, ExistingArticle(article_id, document.content_sha256), run_id
            )
    except Exception as exc:  # noqa: BLE001 - the article keeps its previous facts
        loader.restore(checkpoint)
        return FileResult(name, name, "quarantined", _one_line(exc))
    return FileResult(name, name, "replaced")

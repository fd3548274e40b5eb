"""A load or reprocess run: intake → transform (in worker processes) → batched writes,
inside the run log and the load lock (``etl.runlog``).

One bad file never stops the others: anything that goes wrong with a file puts it in
the quarantine with a one-line reason, and its article's transaction rolls back.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy import Engine, select, text

from etl import EXTRACTOR_VERSION
from etl.ingest import Rejected, expand_paths
from etl.intake import known_sources, quarantine_file, record_sources, settle_known, triage
from etl.load import Loader, find_article, load_reference_data
from etl.models import articles
from etl.records import Document, Extraction, SourceFile
from etl.reference import load_reference
from etl.runlog import FileResult, RunSummary, logged_run, one_line
from etl.transform import transform


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
        rejected = Rejected("extract", one_line(extraction), data)
        return quarantine_file(engine, run_id, source.path, rejected, source.size_bytes)
    return write_extraction(engine, loader, extraction, run_id)


def _extract_here(document: Document) -> Extraction | BaseException:
    try:
        return transform(document)
    except Exception as exc:
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
            record_sources(conn, [(document, article_id)], run_id)
    except Exception as exc:
        loader.restore(checkpoint)
        data = document.text.encode("utf-8")
        return quarantine_file(
            engine, run_id, source.path, Rejected("load", one_line(exc), data), source.size_bytes
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
                record_sources(
                    conn, [(e.article.document, i) for e, i in zip(fresh, ids, strict=True)], run_id
                )
    except Exception:
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
            known = known_sources(engine)
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
                    except Exception as exc:
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


def _extract_all(pool, documents: list[Document]) -> list[Extraction | BaseException]:
    if pool is None:
        return [_extract_here(d) for d in documents]
    futures = [pool.submit(d) for d in documents]
    out: list[Extraction | BaseException] = []
    for document, future in zip(documents, futures, strict=True):
        try:
            out.append(future.result())
        except BrokenProcessPool:
            out.append(_extract_here(document))
        except Exception as exc:
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
        return FileResult(name, name, "quarantined", one_line(extraction))
    checkpoint = loader.checkpoint()
    try:
        with engine.begin() as conn:
            loader.reextract(
                conn, extraction, ExistingArticle(article_id, document.content_sha256), run_id
            )
    except Exception as exc:
        loader.restore(checkpoint)
        return FileResult(name, name, "quarantined", one_line(exc))
    return FileResult(name, name, "replaced")

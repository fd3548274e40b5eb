"""A load or reprocess run: intake → transform (in worker processes) → batched writes,
inside the run log and the load lock (``etl.run.runlog``).

One bad file never stops the others: anything that goes wrong with a file puts it in
the quarantine with a one-line reason, and its article's transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select, text

from etl import EXTRACTOR_VERSION
from etl.errors import one_line
from etl.events.linking import drain
from etl.ingest import Rejected, expand_paths
from etl.models import articles
from etl.records import Document, Extraction, SourceFile
from etl.run.runlog import FileResult, Run, RunSummary, logged_run, run_must_stop
from etl.run.triage import known_sources, quarantine_file, record_sources, settle_known, triage
from etl.run.workers import default_workers, map_ordered
from etl.run.writer import Loader, Outcome, find_article, load_reference_data


def finish(
    run: Run, loader: Loader, document: Document, extraction: Extraction | BaseException
) -> FileResult:
    """Write an extraction, or quarantine the document whose extraction failed."""
    source = document.source
    if isinstance(extraction, BaseException):
        data = document.text.encode("utf-8")
        rejected = Rejected("extract", one_line(extraction), data)
        return quarantine_file(run.engine, run.run_id, source.path, rejected, source.size_bytes)
    return write_extraction(run, loader, extraction)


def write_extraction(run: Run, loader: Loader, extraction: Extraction) -> FileResult:
    """One article in its own transaction; a failure quarantines it and leaves nothing
    (a lost lock or connection ends the run instead: the article is not at fault)."""
    document = extraction.article.document
    source = document.source
    run_id = run.run_id
    checkpoint = loader.checkpoint()
    try:
        with run.begin() as conn:
            existing, current = find_article(conn, document)
            if current and existing is not None:
                outcome: Outcome = "unchanged"
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
        if run_must_stop(exc):
            raise
        data = document.text.encode("utf-8")
        return quarantine_file(
            run.engine,
            run_id,
            source.path,
            Rejected("load", one_line(exc), data),
            source.size_bytes,
        )
    return FileResult(str(source.path), source.source_name, outcome)


BATCH_SIZE = 64


def write_batch(run: Run, loader: Loader, batch: list[Extraction]) -> list[FileResult]:
    """New articles of a batch in one transaction (COPY); a new version, a content or
    name met twice, and any failure go article by article, each in its own transaction,
    so one bad article still leaves nothing of itself and stops no other."""
    if len(batch) == 1:
        return [write_extraction(run, loader, batch[0])]
    run_id = run.run_id
    checkpoint = loader.checkpoint()
    fresh: list[Extraction] = []
    try:
        with run.begin() as conn:
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
    except Exception as exc:
        loader.restore(checkpoint)
        if run_must_stop(exc):
            raise
        fresh = []
    done = {id(e) for e in fresh}
    results = []
    for extraction in batch:
        if id(extraction) in done:
            source = extraction.article.document.source
            results.append(FileResult(str(source.path), source.source_name, "loaded"))
        else:
            results.append(write_extraction(run, loader, extraction))
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
    """Load files: intake here, transform in worker processes (one Kiwi shared by all),
    new articles written in batches, each article atomic."""
    path_list = list(paths) if paths is not None else list(expand_paths(arguments))
    workers = workers or default_workers()
    if len(path_list) < PARALLEL_THRESHOLD:
        workers = 1
    with logged_run(engine, command, wait) as run:
        summary = run.summary

        def emit(result: FileResult) -> None:
            summary.results.append(result)
            if on_file:
                on_file(result)

        with run.begin() as conn:
            load_reference_data(conn, summary.run_id)
        left_queued = link_queued_events(run)
        known = known_sources(engine)

        def fresh_documents() -> Iterator[Document]:
            """Decoded documents whose text is not stored yet; the others are settled."""
            decoded: list[Document] = []

            def settle() -> list[Document]:
                with summary.profile.stage("decode and triage"):
                    settled, fresh = settle_known(engine, decoded, summary.run_id)
                decoded.clear()
                for result in settled:
                    emit(result)
                return fresh

            for path in path_list:
                with summary.profile.stage("decode and triage"):
                    triaged = triage(engine, path, known, summary.run_id)
                if isinstance(triaged, FileResult):
                    emit(triaged)
                    continue
                decoded.append(triaged)
                if len(decoded) >= SETTLE_BATCH:
                    yield from settle()
            if decoded:
                yield from settle()

        summary.profile.workers = workers
        writer = BatchWriter(run, Loader(summary.profile), emit)
        for document, outcome in map_ordered(fresh_documents(), workers):
            writer.add(document, outcome)
        writer.flush()
        link_queued_events(run)
        if summary.loaded or run.after_interruption or left_queued:
            refresh_summaries(run)
        if summary.loaded >= ANALYZE_AFTER:
            with summary.profile.stage("statistics"):
                _analyze(engine)
    return summary


# The articles of this many batches are linked to their events at once: linking and
# the events' summaries cost about the same for sixteen batches as for one (one
# candidate lookup, one refresh), and the facts wait for their events at most this
# long, visibly (kbio status).
LINK_EVERY = 16


def link_queued_events(run: Run) -> int:
    """Link every queued article to its events, in a transaction of its own; returns
    how many were waiting."""
    with run.begin() as conn:
        return drain(conn, run.run_id, run.summary.profile)


def refresh_summaries(run: Run) -> None:
    """Recompute the summary tables the aggregate api_v1 views and the headline read
    (migrations 0008 and 0014)."""
    with run.summary.profile.stage("aggregate summaries"), run.begin() as conn:
        conn.execute(text("select kbio_summaries.refresh()"))


# Texts of this many decoded files are looked up in one query.
SETTLE_BATCH = 16


class BatchWriter:
    """Collects extractions and writes them BATCH_SIZE at a time (write_batch); a
    failed extraction quarantines its file at once."""

    def __init__(self, run: Run, loader: Loader, emit: Callable[[FileResult], None]) -> None:
        self.run, self.loader, self.emit = run, loader, emit
        self.batch: list[Extraction] = []
        self.batches = 0

    def add(self, document: Document, outcome: Extraction | BaseException) -> None:
        if isinstance(outcome, BaseException):
            self.emit(finish(self.run, self.loader, document, outcome))
            return
        self.run.summary.profile.add(outcome.stage_seconds)
        self.batch.append(outcome)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        profile = self.run.summary.profile
        with profile.stage("write"):
            results = write_batch(self.run, self.loader, self.batch)
        for result in results:
            self.emit(result)
        self.batch.clear()
        self.batches += 1
        if self.batches % LINK_EVERY == 0:
            link_queued_events(self.run)
        with profile.stage("statistics"):
            keep_statistics_fresh(self.run.engine, self.batches)


# After a load this large, refresh the planner's statistics at once rather than wait
# for autovacuum, so dashboards get good plans right after a backfill.
ANALYZE_AFTER = 500


# Tables a load looks candidates up in while it writes them (near-duplicates, events):
# their statistics are refreshed as they grow, after batch 4, 8, 16, … of a run, so the
# planner keeps using their indexes instead of scanning tables it believes are empty.
LOOKUP_TABLES = (
    "article_buckets",
    "article_signatures",
    "agreement_events",
    "agreement_event_members",
    "visit_events",
    "visit_event_members",
    "agreements",
    "visits",
)


def _analyze(engine: Engine, tables: tuple[str, ...] | None = None) -> None:
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in tables or (
            "articles",
            "sentences",
            "mentions",
            "agreement_parties",
            "amounts",
            "organizations",
            "officials",
            *LOOKUP_TABLES,
        ):
            conn.execute(text(f"analyze {table}"))


def keep_statistics_fresh(engine: Engine, batches_written: int) -> None:
    """After batch 4, 8, 16, …: a handful of ANALYZEs in a run of any size."""
    if batches_written >= 4 and batches_written & (batches_written - 1) == 0:
        _analyze(engine, LOOKUP_TABLES)


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: what reprocessing needs instead of a file on disk."""

    article_id: int
    source_name: str
    raw_text: str
    encoding: str
    content_sha256: str

    def document(self) -> Document:
        source = SourceFile(Path(self.source_name), self.source_name, len(self.raw_text), 0)
        return Document(source, self.raw_text, self.encoding, "", self.content_sha256)


def stored_articles(engine: Engine, article_ids: list[int]) -> Iterator[StoredArticle]:
    """The stored articles, read BATCH_SIZE at a time so memory stays flat."""
    for first in range(0, len(article_ids), BATCH_SIZE):
        chunk = article_ids[first : first + BATCH_SIZE]
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
        for row in rows:
            yield StoredArticle(*row)


def run_reprocess(
    engine: Engine, *, everything: bool = False, wait: bool = False, workers: int | None = None
) -> RunSummary:
    """Re-extract stored articles (from their stored text, no source files needed) whose
    facts come from another extractor version, or all of them with ``everything``."""
    workers = workers or default_workers()
    with logged_run(engine, "reprocess", wait) as run:
        summary = run.summary
        with run.begin() as conn:
            load_reference_data(conn, summary.run_id)
        left_queued = link_queued_events(run)
        with run.begin() as conn:
            query = select(articles.c.article_id).order_by(articles.c.article_id)
            if not everything:
                query = query.where(articles.c.extractor_version != EXTRACTOR_VERSION)
            stale = list(conn.execute(query).scalars())
        if len(stale) < PARALLEL_THRESHOLD:
            workers = 1
        summary.profile.workers = workers
        writer = ReprocessWriter(run, Loader(summary.profile), summary.results.append)
        ids: dict[str, int] = {}

        def documents() -> Iterator[Document]:
            for stored in stored_articles(engine, stale):
                ids[stored.content_sha256] = stored.article_id
                yield stored.document()

        for document, outcome in map_ordered(documents(), workers):
            writer.add(ids.pop(document.content_sha256), document, outcome)
        writer.flush()
        link_queued_events(run)
        if summary.count("replaced") or run.after_interruption or left_queued:
            refresh_summaries(run)
    return summary


class ReprocessWriter:
    """New facts for stored articles, BATCH_SIZE articles per transaction; a batch that
    fails is redone article by article, so one bad article stops no other."""

    def __init__(self, run: Run, loader: Loader, emit: Callable[[FileResult], None]) -> None:
        self.run, self.loader, self.emit = run, loader, emit
        self.batch: list[tuple[int, Extraction]] = []
        self.batches = 0

    def add(self, article_id: int, document: Document, outcome: Extraction | BaseException) -> None:
        if isinstance(outcome, BaseException):
            name = document.source.source_name
            self.emit(FileResult(name, name, "quarantined", one_line(outcome)))
            return
        self.run.summary.profile.add(outcome.stage_seconds)
        self.batch.append((article_id, outcome))
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        profile = self.run.summary.profile
        with profile.stage("write"):
            if not self._write(self.batch) and len(self.batch) > 1:
                for item in self.batch:
                    self._write([item])
        self.batch.clear()
        self.batches += 1
        if self.batches % LINK_EVERY == 0:
            link_queued_events(self.run)
        with profile.stage("statistics"):
            keep_statistics_fresh(self.run.engine, self.batches)

    def _write(self, items: list[tuple[int, Extraction]]) -> bool:
        checkpoint = self.loader.checkpoint()
        try:
            with self.run.begin() as conn:
                self.loader.reextract(conn, items, self.run.run_id)
        except Exception as exc:
            self.loader.restore(checkpoint)
            if run_must_stop(exc):
                raise
            if len(items) == 1:
                name = items[0][1].article.document.source.source_name
                self.emit(FileResult(name, name, "quarantined", one_line(exc)))
            return False
        for _, extraction in items:
            name = extraction.article.document.source.source_name
            self.emit(FileResult(name, name, "replaced"))
        return True

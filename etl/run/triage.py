"""Triage: a file up to its decoded text, or its place in the quarantine.

Files already loaded and unchanged on disk (path, size, modification time in
``source_files``) are settled without being read; texts already stored under another
name or encoding are settled with one query per handful of files.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.postgresql import insert

from etl.ingest import Rejected, max_bytes, read_bytes, stat_source, to_document
from etl.models import articles, quarantine, source_files
from etl.records import Document
from etl.run.runlog import FileResult


def quarantine_file(
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


def record_sources(conn: Connection, items: list[tuple[Document, int]], run_id: int) -> None:
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


def known_sources(engine: Engine) -> dict[str, tuple[int, int, int | None]]:
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
        return quarantine_file(engine, run_id, path, rejected, None)
    seen = known.get(os.path.abspath(path))
    if seen and seen[2] is not None and seen[:2] == (source.size_bytes, source.mtime_ns):
        return FileResult(str(path), source.source_name, "unchanged")
    try:
        return to_document(source, read_bytes(source))
    except Rejected as rejected:
        if source.size_bytes > max_bytes():
            rejected.data = None
        return quarantine_file(engine, run_id, path, rejected, source.size_bytes)


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
            record_sources(conn, known, run_id)
    results = [FileResult(str(d.source.path), d.source.source_name, "unchanged") for d, _ in known]
    return results, [d for d in documents if d.content_sha256 not in found]

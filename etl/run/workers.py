"""Extraction in worker processes: one Kiwi per process, shared by all workers.

Workers are forked from a fork server that imports this module first and so builds
the analyzer once; forked workers share its model pages instead of loading ~500 MB
each. The fork server holds no database connection, so nothing the parent opened is
inherited by a worker.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from etl.records import Document, Extraction


def default_workers() -> int:
    configured = os.environ.get("KBIO_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def transform(document: Document) -> Extraction:
    """``etl.transform.transform``, imported on first use: a run with nothing new to
    read (a daily run over an unchanged folder) does not pay for importing the
    extractor and Kiwi; a worker has them imported already (etl.run.warm)."""
    from etl.transform import transform as transform_document

    return transform_document(document)


def _transform(document: Document) -> Extraction:
    return transform(document)


class ExtractionPool:
    """Submit documents, get extractions back in submission order, at most ``window``
    in flight so memory stays bounded whatever the corpus size."""

    def __init__(self, workers: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["etl.run.warm"])
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        self.window = workers * 4

    def submit(self, document: Document) -> Future[Extraction]:
        return self._executor.submit(_transform, document)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Outcome = Extraction | BaseException


def transform_here(document: Document) -> Outcome:
    """Transform in this process; a failure is returned, to quarantine this one file."""
    try:
        return transform(document)
    except Exception as exc:
        return exc


def _drain(
    pending: deque[tuple[Document, Future]], limit: int
) -> Iterator[tuple[Document, Outcome]]:
    while len(pending) > limit:
        document, future = pending.popleft()
        try:
            outcome: Outcome = future.result()
        except BrokenProcessPool:
            outcome = transform_here(document)  # its worker died: do it here
        except Exception as exc:
            outcome = exc
        yield document, outcome


def map_ordered(documents: Iterable[Document], workers: int) -> Iterator[tuple[Document, Outcome]]:
    """Every document with its extraction (or the error that stopped it), in input
    order. With more than one worker, at most ``4 × workers`` are in flight, so memory
    stays bounded; if the workers cannot start or die, the rest is done here."""
    items = iter(documents)
    if workers <= 1:
        for document in items:
            yield document, transform_here(document)
        return
    pool = ExtractionPool(workers)
    pending: deque[tuple[Document, Future]] = deque()
    try:
        for document in items:
            try:
                pending.append((document, pool.submit(document)))
            except BrokenProcessPool:
                yield from _drain(pending, 0)
                yield document, transform_here(document)
                for rest in items:
                    yield rest, transform_here(rest)
                return
            yield from _drain(pending, pool.window)
        yield from _drain(pending, 0)
    finally:
        pool.close()

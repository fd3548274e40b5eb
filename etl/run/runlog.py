"""A run's bookkeeping: the load lock, the run log (etl_runs) and the result types
every run reports (one FileResult per file, a RunSummary per run)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Engine, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import OperationalError

from etl import EXTRACTOR_VERSION, __version__
from etl.errors import LoadBusy, one_line
from etl.models import etl_runs
from etl.nlp import kiwi_versions

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
            finish_run(engine, summary, "failed", one_line(exc))
            raise
        summary.seconds = time.monotonic() - started
        finish_run(engine, summary, "completed")


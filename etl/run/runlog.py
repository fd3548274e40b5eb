"""A run's bookkeeping: the load lock, the run log (etl_runs) and the result types
every run reports (one FileResult per file, a RunSummary per run)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Connection, Engine, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError, OperationalError

from etl import EXTRACTOR_VERSION, __version__
from etl.db import connection_lost, error_line
from etl.errors import DatabaseUnreachable, LoadBusy, LoadLockLost, one_line
from etl.models import etl_runs
from etl.nlp import kiwi_versions
from etl.profile import Profile

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
    profile: Profile = field(default_factory=Profile)

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

# The lock's transaction sits idle for the whole run by design, may wait as long as
# --wait asks and may last hours: no timeout a DBA sets for ordinary sessions may end
# it (transaction_timeout exists from PostgreSQL 17 on; only the names this server knows
# are set). Local to the transaction, so nothing leaks into the connection pool.
LOCK_TIMEOUTS_OFF = (
    "select set_config(name, '0', true) from pg_settings where name in "
    "('idle_in_transaction_session_timeout', 'statement_timeout', 'lock_timeout', "
    "'transaction_timeout')"
)

# Server-side TCP keepalives: if the loading machine vanishes (power, network), the
# server ends the lock's session, and so frees the lock, within about a minute instead
# of the system's default two hours. Ignored on Unix sockets.
LOCK_KEEPALIVES = (
    "select set_config('tcp_keepalives_idle', '30', true), "
    "set_config('tcp_keepalives_interval', '10', true), "
    "set_config('tcp_keepalives_count', '3', true)"
)

LOCK_HELD = (
    "select exists (select from pg_locks where pid = pg_backend_pid() "
    "and locktype = 'relation' and relation = 'kbio_private.load_lock'::regclass "
    "and mode = 'ExclusiveLock' and granted)"
)

# A write transaction of a run is short and busy, but a pause of this process between
# two of its statements (a loaded machine) must not let the server end it half-way.
WRITE_TIMEOUT_OFF = "select set_config('idle_in_transaction_session_timeout', '0', true)"

RESUME = "what this run committed stays, and the next run completes it"

INTERRUPTED = (
    "interrupted: found unfinished by the next run (its process stopped or its "
    "database connection was cut)"
)


class LoadLock:
    """The load lock, held by an open transaction on a connection of its own."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def check(self) -> None:
        """Raise LoadLockLost unless this session still holds the lock. The lock lives
        as long as its transaction, so a server that ended the session (a restart,
        pg_terminate_backend, a timeout) also freed the lock."""
        try:
            held = self.conn.execute(text(LOCK_HELD)).scalar_one()
        except DBAPIError as exc:
            raise LoadLockLost(
                f"lost the load lock: the server ended its session ({error_line(exc)}); {RESUME}"
            ) from None
        if not held:
            raise LoadLockLost(f"lost the load lock: its transaction ended; {RESUME}")


@contextlib.contextmanager
def load_lock(engine: Engine, wait: bool = False) -> Iterator[LoadLock]:
    """Hold the load lock for the duration; a second load is refused (or waits).

    The lock is a table lock held by an open transaction on a connection of its own:
    the server releases it when the holder ends or dies. Only the ETL's role can take
    it (migration 0006 says why an advisory lock was not enough)."""
    conn = engine.connect()
    try:
        conn.execute(text(LOCK_TIMEOUTS_OFF))
        conn.execute(text(LOCK_KEEPALIVES))
        try:
            conn.execute(text(LOCK_STATEMENT if wait else LOCK_STATEMENT + " nowait"))
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                raise LoadBusy(
                    "another kbio load is running on this database; try again later or use --wait"
                ) from None
            raise
        yield LoadLock(conn)
    finally:
        # The session may be gone already (the reason the run stops): nothing to undo.
        with contextlib.suppress(Exception):
            conn.rollback()
        with contextlib.suppress(Exception):
            conn.close()


@dataclass
class Run:
    """A run in progress: its log entry, its lock, and what it has done so far."""

    engine: Engine
    lock: LoadLock
    summary: RunSummary
    # The run before this one did not complete: what it committed may have missed the
    # work done at the end of a run (the aggregate summaries), so this run redoes it.
    after_interruption: bool

    @property
    def run_id(self) -> int:
        return self.summary.run_id

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        """A write transaction of this run, committed only while the run still holds
        the load lock (else LoadLockLost, and nothing of it is written)."""
        with self.engine.begin() as conn:
            conn.execute(text(WRITE_TIMEOUT_OFF))
            yield conn
            self.confirm(conn)

    def confirm(self, conn: Connection) -> None:
        """Before a commit: this run's log row still says running, and the lock's
        session still holds the lock.

        The row is read FOR SHARE first: a run that takes the lock over closes every
        row still 'running' before it writes anything (start_run), and that waits for
        this transaction. So even a lock lost just after this check lets nothing of
        this run be committed after the other run's first write."""
        status = conn.execute(
            select(etl_runs.c.status)
            .where(etl_runs.c.run_id == self.run_id)
            .with_for_update(read=True)
        ).scalar_one()
        if status != "running":
            raise LoadLockLost(f"lost the load lock: another run took over; {RESUME}")
        self.lock.check()


def start_run(engine: Engine, command: str) -> tuple[int, bool]:
    """Log a new run; returns its id and whether the run before it did not complete."""
    kiwi, model = kiwi_versions()
    with engine.begin() as conn:
        # Whoever holds the load lock is the only run, so a row still 'running' is a run
        # that died or lost its lock. Closing it also fences that run off (Run.confirm).
        conn.execute(
            update(etl_runs)
            .where(etl_runs.c.status == "running")
            .values(status="failed", finished_at=text("now()"), error=INTERRUPTED)
        )
        previous = conn.execute(
            select(etl_runs.c.status).order_by(etl_runs.c.run_id.desc()).limit(1)
        ).scalar()
        run_id = conn.execute(
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
    return run_id, previous not in (None, "completed")


def finish_run(
    conn: Connection, summary: RunSummary, status: str, error: str | None = None
) -> None:
    """Close the run's log row, unless another run already closed it as interrupted."""
    conn.execute(
        update(etl_runs)
        .where(etl_runs.c.run_id == summary.run_id, etl_runs.c.status == "running")
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
def logged_run(engine: Engine, command: str, wait: bool) -> Iterator[Run]:
    """Hold the load lock and log the run: 'completed' if the body returns, 'failed'
    with a one-line error if it raises. A lost connection or lock ends the run with
    one line (exit 3); what it committed stays for the next run to complete."""
    started = time.monotonic()
    with load_lock(engine, wait) as lock:
        run_id, after_interruption = start_run(engine, command)
        run = Run(engine, lock, RunSummary(run_id=run_id), after_interruption)
        try:
            yield run
            run.summary.seconds = time.monotonic() - started
            with engine.begin() as conn:
                run.confirm(conn)
                finish_run(conn, run.summary, "completed")
        except BaseException as exc:
            run.summary.seconds = time.monotonic() - started
            # With the server gone this fails too; the next run closes the row then.
            with contextlib.suppress(Exception), engine.begin() as conn:
                finish_run(conn, run.summary, "failed", one_line(exc))
            if connection_lost(exc):
                raise DatabaseUnreachable(
                    f"lost the database connection during the run ({error_line(exc)}); {RESUME}"
                ) from None
            raise


def run_must_stop(exc: BaseException) -> bool:
    """Errors that end the run rather than one article's transaction: the lock lost,
    the connection cut. Quarantining an article for them would be wrong."""
    return isinstance(exc, LoadLockLost) or connection_lost(exc)


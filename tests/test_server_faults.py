"""A load under server faults: the server's own timeouts, a terminated lock session, a
takeover by a second load, a restarted server, and DATABASE_URL mistakes.

A load is stopped mid-way without sleeping: the test holds SHARE locks on `articles`
(``Gate``) so that the load commits its first batch of 64 articles and then waits,
visibly in pg_locks, at its second, for as long as the test needs.
"""

from __future__ import annotations

import collections
import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine

from bench.generate import write_corpus
from etl import migrate
from etl.cli import cli
from etl.db import sqlalchemy_url
from etl.errors import EXIT_DATABASE, LoadLockLost
from etl.run.pipeline import BATCH_SIZE, run_load
from etl.run.runlog import RunSummary
from tests.conftest import SEEDS, Server

# One full batch, committed before the gate stops the load, and a second one after it.
ARTICLES = BATCH_SIZE + 16

# Every session the test opens itself must outlive the timeout set on the database.
NO_TIMEOUT = "-c idle_in_transaction_session_timeout=0"

LOCK_HOLDER = (
    "select l.pid from pg_locks l where l.relation = 'kbio_private.load_lock'::regclass "
    "and l.mode = 'ExclusiveLock' and l.granted"
)


def wait_for(
    what: str, check: Callable[[], object], timeout: float = 90.0, every: float = 0.05
) -> object:
    """Poll until ``check`` returns something truthy; fail with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(every)


class Database:
    """A test's view of one database: scalar queries, each in its own short session."""

    def __init__(self, libpq_url: str, name: str = "") -> None:
        self.url, self.name = libpq_url, name

    def value(self, sql: str) -> object:
        with psycopg.connect(self.url, autocommit=True, options=NO_TIMEOUT) as conn:
            row = conn.execute(sql).fetchone()
        return row[0] if row else None

    def waiting_on_articles(self) -> int:
        return int(
            self.value(
                "select count(*) from pg_locks where relation = 'articles'::regclass "
                "and database = (select oid from pg_database where datname = current_database()) "
                "and not granted"
            )
        )

    def articles(self) -> int:
        return int(self.value("select count(*) from articles"))

    def running(self) -> int:
        return int(self.value("select count(*) from etl_runs where status = 'running'"))

    def runs(self) -> list[tuple]:
        with psycopg.connect(self.url, autocommit=True, options=NO_TIMEOUT) as conn:
            return conn.execute(
                "select run_id, status, started_at, finished_at, error from etl_runs "
                "order by run_id"
            ).fetchall()


class Gate:
    """Stops a load between its first and second batch: SHARE locks on `articles` held
    by two sessions of the test, handed over so that the load's first batch passes and
    its second waits.

    The first session locks before the load starts, so the load's first write waits. A
    second session then asks for the same lock and queues behind the load's request;
    releasing the first lets the load's first batch through, and the second session,
    granted when that batch commits, holds the load at its next one."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.first = psycopg.connect(db.url, options=NO_TIMEOUT)
        self.first.execute("lock table articles in share mode")
        self.second: psycopg.Connection | None = None
        self.errors: list[BaseException] = []

    def hold_at_second_batch(self) -> None:
        wait_for("the load's first batch to wait at the gate", self.db.waiting_on_articles)
        self.second = psycopg.connect(self.db.url, options=NO_TIMEOUT)
        queued = threading.Thread(target=self._lock_second, daemon=True)
        queued.start()
        wait_for("the gate's second lock to queue", lambda: self.db.waiting_on_articles() >= 2)
        self.first.commit()
        queued.join(timeout=120)
        assert not queued.is_alive() and not self.errors, self.errors
        wait_for(
            "the first batch committed and the second waiting",
            lambda: self.db.articles() == BATCH_SIZE and self.db.waiting_on_articles() == 1,
        )

    def _lock_second(self) -> None:
        assert self.second is not None
        try:
            self.second.execute("lock table articles in share mode")
        except BaseException as exc:  # reported by hold_at_second_batch
            self.errors.append(exc)

    def open(self) -> None:
        for conn in (self.first, self.second):
            if conn is not None:
                # After a server restart these sessions are gone: nothing to release.
                with contextlib.suppress(psycopg.Error):
                    conn.rollback()
                conn.close()


def start_load(libpq_url: str, folder: Path, *options: str) -> subprocess.Popen[str]:
    """`kbio load` in a process of its own, as an operator or a scheduler runs it."""
    env = {**os.environ, "DATABASE_URL": libpq_url}
    return subprocess.Popen(
        [sys.executable, "-m", "etl", "load", "--workers", "1", *options, str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class LoadInThread:
    """`run_load` in a thread of the test process, which has built Kiwi already: a
    load's run without paying for a process of its own where only the run matters."""

    def __init__(self, libpq_url: str, folder: Path) -> None:
        self.engine = create_engine(sqlalchemy_url(libpq_url))
        self.outcome: RunSummary | BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(folder,), daemon=True)
        self.thread.start()

    def _run(self, folder: Path) -> None:
        try:
            self.outcome = run_load(self.engine, [str(folder)], workers=1)
        except BaseException as exc:  # the test looks at it
            self.outcome = exc

    def result(self) -> RunSummary | BaseException:
        self.thread.join(timeout=180)
        assert not self.thread.is_alive(), "the load did not end"
        self.engine.dispose()
        assert self.outcome is not None
        return self.outcome


def finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=180)
    return process.returncode, out, err


def snapshot(libpq_url: str) -> dict[str, collections.Counter]:
    """Every api_v1 and api_v2 view's rows, without the columns that differ between two
    loads of the same files (ids drawn from sequences, load times)."""
    out: dict[str, collections.Counter] = {}
    with psycopg.connect(libpq_url, autocommit=True) as conn:
        views = conn.execute(
            "select table_schema || '.' || table_name from information_schema.views "
            "where table_schema in ('api_v1', 'api_v2') order by 1"
        ).fetchall()
        for (view,) in views:
            cursor = conn.execute(f"select * from {view}")
            names = [c.name for c in cursor.description]
            keep = [i for i, n in enumerate(names) if not n.endswith("_id") and n != "loaded_at"]
            out[view] = collections.Counter(
                tuple(row[i] for i in keep) for row in cursor.fetchall()
            )
    return out


def no_overlap(runs: list[tuple]) -> None:
    """No two runs of the log were running at the same time."""
    spans = [(started, ended) for _, _, started, ended, _ in runs]
    assert all(ended is not None for _, ended in spans), runs
    for (_, ended), (started, _) in zip(spans, spans[1:], strict=False):
        assert ended <= started, f"runs overlap: {runs}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def clean_load(server: Server, template_db: str, corpus: Path) -> dict:
    """What one uninterrupted load of the corpus gives."""
    name = server.create(template=template_db)
    engine = create_engine(server.url(name))
    summary = run_load(engine, [str(corpus)], workers=1)
    engine.dispose()
    assert summary.loaded == ARTICLES, summary.line()
    state = snapshot(server.libpq_url(name))
    # The comparison means something only if the corpus gives facts and events.
    assert len(state["api_v1.articles"]) == ARTICLES
    assert sum(state["api_v1.agreements"].values()) > 0
    assert sum(state["api_v2.agreement_events"].values()) > 0
    return state


@pytest.fixture
def fresh(server: Server, template_db: str) -> Database:
    name = server.create(template=template_db)
    return Database(server.libpq_url(name), name)


def test_the_load_lock_outlives_the_servers_idle_in_transaction_timeout(
    server: Server, fresh: Database, corpus: Path
) -> None:
    with psycopg.connect(server.admin_url, autocommit=True) as admin:
        admin.execute(
            f"alter database \"{fresh.name}\" set idle_in_transaction_session_timeout = '1s'"
        )
    gate = Gate(fresh)
    first = LoadInThread(fresh.url, corpus)
    try:
        gate.hold_at_second_batch()
        # The lock's session sits idle in its transaction: the server would end it after
        # one second. It must still hold the lock at twice that.
        wait_for(
            "the lock's session to stay idle in its transaction for 2 s",
            lambda: fresh.value(
                "select extract(epoch from clock_timestamp() - a.state_change) >= 2 "
                "from pg_stat_activity a where a.state = 'idle in transaction' "
                f"and a.pid = ({LOCK_HOLDER})"
            ),
            timeout=30,
        )
        assert fresh.running() == 1
        refused = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(corpus)],
            env={**os.environ, "DATABASE_URL": fresh.url},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert refused.returncode == 4, refused.stderr
        assert refused.stderr.strip().splitlines() == [
            "Error: another kbio load is running on this database; try again later or use --wait"
        ]
        waiting = start_load(fresh.url, corpus, "--wait")
        wait_for(
            "the --wait load to wait for the lock",
            lambda: fresh.value(
                "select count(*) from pg_locks "
                "where relation = 'kbio_private.load_lock'::regclass and not granted"
            ),
        )
        assert fresh.running() == 1
        assert fresh.articles() == BATCH_SIZE
    finally:
        gate.open()
    summary = first.result()
    assert isinstance(summary, RunSummary), summary
    assert (summary.loaded, summary.unchanged, summary.quarantined) == (ARTICLES, 0, 0)
    code, out, err = finished(waiting)
    assert (code, err) == (0, ""), err
    assert out.startswith(f"0 loaded, {ARTICLES} unchanged, 0 quarantined")
    runs = fresh.runs()
    assert [status for _, status, *_ in runs] == ["completed", "completed"]
    no_overlap(runs)


def test_a_load_whose_lock_session_is_terminated_stops_and_the_next_run_completes_it(
    fresh: Database, corpus: Path, clean_load: dict, runner: CliRunner
) -> None:
    gate = Gate(fresh)
    load = start_load(fresh.url, corpus)
    try:
        gate.hold_at_second_batch()
        holder = fresh.value(LOCK_HOLDER)
        assert fresh.value(f"select pg_terminate_backend({holder})") is True
        wait_for(
            "the lock's session to end",
            lambda: not fresh.value(f"select count(*) from pg_stat_activity where pid = {holder}"),
        )
    finally:
        gate.open()
    code, out, err = finished(load)
    assert code == 3, err
    assert out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("Error: lost the load lock: the server ended its session (")
    assert line.endswith("what this run committed stays, and the next run completes it")
    # The first batch stays; the second was not committed without the lock.
    assert fresh.articles() == BATCH_SIZE
    assert fresh.running() == 0
    result = runner.invoke(
        cli, ["load", "--workers", "1", str(corpus)], env={"DATABASE_URL": fresh.url}
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{ARTICLES - BATCH_SIZE} loaded, {BATCH_SIZE} unchanged")
    assert snapshot(fresh.url) == clean_load
    runs = fresh.runs()
    assert [status for _, status, *_ in runs] == ["failed", "completed"]
    assert runs[0][4].startswith("LoadLockLost: lost the load lock: the server ended its session")
    no_overlap(runs)


def test_a_load_that_lost_its_lock_commits_nothing_once_another_load_took_over(
    fresh: Database, corpus: Path, clean_load: dict
) -> None:
    gate = Gate(fresh)
    first = LoadInThread(fresh.url, corpus)
    try:
        gate.hold_at_second_batch()
        holder = fresh.value(LOCK_HOLDER)
        fresh.value(f"select pg_terminate_backend({holder})")
        # The first load is alive and in the middle of its second batch; a second load
        # takes the free lock, closes the first run's log row and waits at the gate too.
        second = LoadInThread(fresh.url, corpus)
        wait_for(
            "the second load to start its run",
            lambda: fresh.value("select count(*) = 2 from etl_runs"),
        )
        assert fresh.running() == 1
        statuses = fresh.value("select string_agg(status, ',' order by run_id) from etl_runs")
        assert statuses == "failed,running"
    finally:
        gate.open()
    stopped = first.result()
    assert isinstance(stopped, LoadLockLost), stopped
    assert stopped.exit_code == EXIT_DATABASE
    assert str(stopped) == (
        "lost the load lock: another run took over; "
        "what this run committed stays, and the next run completes it"
    )
    summary = second.result()
    assert isinstance(summary, RunSummary), summary
    assert (summary.loaded, summary.unchanged) == (ARTICLES - BATCH_SIZE, BATCH_SIZE)
    # Nothing of the first run's second batch was committed beside the second run.
    per_run = fresh.value(
        "select string_agg(n::text, ',' order by run_id) from "
        "(select run_id, count(*) n from articles group by run_id) c"
    )
    assert per_run == f"{BATCH_SIZE},{ARTICLES - BATCH_SIZE}"
    assert snapshot(fresh.url) == clean_load
    runs = fresh.runs()
    assert [status for _, status, *_ in runs] == ["failed", "completed"]
    assert runs[0][4].startswith("interrupted: found unfinished by the next run")
    no_overlap(runs)


@pytest.fixture
def throwaway_server(tmp_path: Path) -> Iterator[object]:
    """A PostgreSQL cluster of this test's own, which it may restart."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    handle = pgserver.get_server(tmp_path / "pgdata", cleanup_mode="delete")
    try:
        yield handle
    finally:
        handle.cleanup()


def test_a_server_restart_mid_load_ends_in_one_line_and_the_next_run_completes(
    throwaway_server, corpus: Path, clean_load: dict, runner: CliRunner
) -> None:
    from pgserver._commands import pg_ctl

    handle = throwaway_server
    with psycopg.connect(handle.get_uri("postgres"), autocommit=True) as admin:
        admin.execute("create database kbio")
    url = handle.get_uri("kbio")
    engine = create_engine(sqlalchemy_url(url))
    migrate.upgrade(engine)
    engine.dispose()
    db = Database(url)
    gate = Gate(db)
    load = start_load(url, corpus)
    try:
        gate.hold_at_second_batch()
        pg_ctl(["-w", "-m", "fast", "restart"], pgdata=handle.pgdata, user=handle.system_user)
    finally:
        gate.open()
    code, out, err = finished(load)
    assert code == 3, err
    (line,) = err.strip().splitlines()
    assert line.startswith("Error: lost the ")
    assert "Traceback" not in err
    assert db.articles() == BATCH_SIZE
    result = runner.invoke(cli, ["load", "--workers", "1", str(corpus)], env={"DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{ARTICLES - BATCH_SIZE} loaded, {BATCH_SIZE} unchanged")
    assert snapshot(url) == clean_load
    assert [status for _, status, *_ in db.runs()] == ["failed", "completed"]


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("sslmode=bogus", 'invalid sslmode value: "bogus"'),
        ("target_session_attrs=bogus", 'invalid target_session_attrs value: "bogus"'),
        ("port=99999", 'invalid port number: "99999"'),
        ("port=abc", "Received non-integer port arguments: ('abc',)"),
        ("nosuchoption=1", 'invalid connection option "nosuchoption"'),
    ],
)
def test_a_database_url_the_user_got_wrong_is_exit_2_and_writes_nothing(
    fresh: Database, runner: CliRunner, option: str, says: str
) -> None:
    separator = "&" if "?" in fresh.url else "?"
    result = runner.invoke(
        cli, ["load", str(SEEDS)], env={"DATABASE_URL": fresh.url + separator + option}
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: DATABASE_URL is not usable ({says}): fix it"
    ]
    assert fresh.value("select count(*) from etl_runs") == 0
    assert fresh.articles() == 0

"""Events linked for many batches at once: facts wait in a queue, visibly, and a run
killed between a batch's commit and the linking of its events is completed by the
next run to exactly what one clean load gives.

The corpus is built from the sample articles (``bench.samples``), so that events
gather reports from many batches. The load is killed for real: ``kbio load`` in a process of its own whose batch writer
ends the process (``os._exit``, no cleanup, no rollback) right after the commit of its
third batch, with linking every second batch, so that one batch's facts are committed
and queued and two are linked. The clean load links once, at its end: the events must
not depend on how the articles were grouped into drains.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine

from bench.samples import write_samples
from etl.cli import cli
from etl.run.pipeline import BATCH_SIZE, run_load
from tests.conftest import Server
from tests.test_server_faults import snapshot

ARTICLES = 3 * BATCH_SIZE + 20
KILLED_AFTER_BATCH = 3

KILLED_LOAD = """
import os, sys
import etl.run.pipeline as pipeline

pipeline.LINK_EVERY = 2
write_batch = pipeline.write_batch
written = 0


def write_then_die(run, loader, batch):
    global written
    results = write_batch(run, loader, batch)
    written += 1
    if written == {killed_after}:
        os._exit(9)  # the batch is committed, its events not linked
    return results


pipeline.write_batch = write_then_die
from etl.cli import cli

cli(["load", "--workers", "1", sys.argv[1]])
"""


def value(url: str, sql: str) -> object:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_samples(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def clean_load(server: Server, template_db: str, corpus: Path) -> dict:
    """Every view after one uninterrupted load of the corpus."""
    name = server.create(template=template_db)
    engine = create_engine(server.url(name))
    summary = run_load(engine, [str(corpus)], workers=1)
    engine.dispose()
    assert summary.loaded == ARTICLES, summary.line()
    url = server.libpq_url(name)
    assert value(url, "select count(*) from event_link_queue") == 0
    state = snapshot(url)
    # Events reported across batches, so that the grouping into drains could matter.
    assert value(
        url,
        "select count(*) from agreement_events where article_count > 1 and exists ("
        " select from agreement_event_members m join agreements a using (agreement_id)"
        f" where m.agreement_event_id = agreement_events.agreement_event_id"
        f" and a.article_id > {BATCH_SIZE})",
    )
    assert sum(state["api_v2.visit_events"].values()) > 0
    return state


def killed_load(url: str, corpus: Path) -> None:
    """A load killed right after committing its third batch, whose events wait."""
    process = subprocess.run(
        [sys.executable, "-c", KILLED_LOAD.format(killed_after=KILLED_AFTER_BATCH), str(corpus)],
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert process.returncode == 9, process.stderr
    assert value(url, "select count(*) from articles") == KILLED_AFTER_BATCH * BATCH_SIZE
    # Batches 1 and 2 were linked; batch 3's facts are written and queued (all but
    # its near-duplicate copies, which have no facts of their own).
    assert value(url, "select count(*) from event_link_queue") == value(
        url,
        "select count(*) from articles where duplicate_of is null"
        f" and article_id > {2 * BATCH_SIZE}",
    )
    assert value(
        url,
        "select count(*) from agreements where not exists ("
        " select from agreement_event_members m where m.agreement_id = agreements.agreement_id)",
    ) == value(
        url,
        "select count(*) from agreements join event_link_queue using (article_id)",
    )
    assert value(url, "select count(*) from agreement_event_members") > 0


@pytest.fixture
def killed(server: Server, template_db: str, corpus: Path) -> str:
    url = server.libpq_url(server.create(template=template_db))
    killed_load(url, corpus)
    return url


def test_a_load_killed_before_linking_its_events_is_completed_by_the_next_load(
    killed: str, corpus: Path, clean_load: dict, runner: CliRunner
) -> None:
    result = runner.invoke(
        cli, ["load", "--workers", "1", str(corpus)], env={"DATABASE_URL": killed}
    )
    assert result.exit_code == 0, result.output
    loaded = ARTICLES - KILLED_AFTER_BATCH * BATCH_SIZE
    assert result.output.startswith(f"{loaded} loaded, {KILLED_AFTER_BATCH * BATCH_SIZE} unchanged")
    assert value(killed, "select count(*) from event_link_queue") == 0
    assert snapshot(killed) == clean_load
    checked = runner.invoke(cli, ["check"], env={"DATABASE_URL": killed})
    assert checked.exit_code == 0, checked.output


def test_status_counts_the_waiting_facts_and_the_next_run_drains_them_first(
    killed: str, corpus: Path, runner: CliRunner
) -> None:
    status = runner.invoke(cli, ["status"], env={"DATABASE_URL": killed})
    assert status.exit_code == 0, status.output
    waiting = value(killed, "select count(*) from event_link_queue")
    assert waiting > 0
    assert (
        f"articles waiting for their events: {waiting} "
        "(the next kbio load or reprocess links them first)"
    ) in status.output
    # A reprocess with nothing to re-extract still links what waits.
    result = runner.invoke(cli, ["reprocess"], env={"DATABASE_URL": killed})
    assert result.exit_code == 0, result.output
    assert value(killed, "select count(*) from event_link_queue") == 0
    assert (
        value(
            killed,
            "select count(*) from agreements where not exists (select from"
            " agreement_event_members m where m.agreement_id = agreements.agreement_id)",
        )
        == 0
    )
    status = runner.invoke(cli, ["status"], env={"DATABASE_URL": killed})
    assert "articles waiting for their events: 0\n" in status.output
    checked = runner.invoke(cli, ["check"], env={"DATABASE_URL": killed})
    assert checked.exit_code == 0, checked.output


def test_the_data_checks_pass_while_facts_wait_and_catch_a_fact_left_out(
    killed: str, runner: CliRunner
) -> None:
    checked = runner.invoke(cli, ["check"], env={"DATABASE_URL": killed})
    assert checked.exit_code == 0, checked.output
    with psycopg.connect(killed, autocommit=True) as conn:
        conn.execute("delete from event_link_queue")
    checked = runner.invoke(cli, ["check"], env={"DATABASE_URL": killed})
    assert checked.exit_code == 5, checked.output
    assert "facts_have_events_or_wait" in checked.output

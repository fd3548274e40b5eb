"""What the events store for api_v2 (migration 0015) is what their members say.

The api_v2 views read columns the event refresh stores on each event (parties, best
report, first report per article) instead of computing them from the members per row.
Each view must return exactly the rows that revision 0014's SQL (0013's for
``visit_events``), run live against the same tables, returns: after a load, after a
reprocess, and after an organization is renamed. The data check ``event_reads_current``
catches an event whose stored columns went stale.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from bench.samples import write_samples
from etl.cli import cli
from tests.conftest import SEEDS, Server, cli_env

SQL = Path(__file__).resolve().parent.parent / "sql" / "revisions"
# Each api_v2 view as it was before its columns were stored.
LIVE = {
    "api_v2.agreement_events": "0014_event_views/01_agreement_events.sql",
    "api_v2.agreement_event_mentions": "0014_event_views/02_agreement_event_mentions.sql",
    "api_v2.visit_events": "0013_provenance/09_visit_events.sql",
    "api_v2.visit_event_mentions": "0014_event_views/03_visit_event_mentions.sql",
    "api_v2.boston_agreements_by_region": "0014_event_views/04_boston_agreements_by_region_v2.sql",
}
# Pages built from the sample articles: events of many reports, and some copies.
PAGES = 150


def live_query(path: str) -> str:
    """The query of a frozen ``create or replace view … as`` file."""
    text = (SQL / path).read_text(encoding="utf-8")
    start = re.search(r"create or replace view \S+ as\n", text)
    assert start, path
    return text[start.end() :].split(";\n")[0]


def differences(url: str) -> dict[str, tuple[int, int, int]]:
    """Views whose rows differ from their live SQL's: (rows, missing, extra)."""
    out = {}
    with psycopg.connect(url, autocommit=True) as conn:
        for view, path in LIVE.items():
            live = collections.Counter(conn.execute(live_query(path)).fetchall())
            stored = collections.Counter(conn.execute(f"select * from {view}").fetchall())
            if live != stored:
                missing, extra = live - stored, stored - live
                out[view] = (sum(live.values()), sum(missing.values()), sum(extra.values()))
    return out


def count(url: str, sql: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    write_samples(folder, PAGES)
    return folder


@pytest.fixture
def loaded(server: Server, template_db: str, pages: Path, runner: CliRunner) -> str:
    url = server.url(server.create(template=template_db))
    result = runner.invoke(cli, ["load", str(SEEDS), str(pages)], env=cli_env(url))
    assert result.exit_code == 0, result.output
    return cli_env(url)["DATABASE_URL"]


def test_the_views_return_what_the_members_say_after_a_load_and_a_reprocess(
    loaded: str, runner: CliRunner
) -> None:
    # The comparison means something only if there are events, parties and copies.
    assert count(loaded, "select count(*) from api_v2.agreement_events") > 0
    assert count(loaded, "select count(*) from api_v2.boston_agreements_by_region") > 0
    assert count(loaded, "select count(*) from api_v2.visit_event_mentions where is_copy") > 0
    assert count(loaded, "select max(article_count) from agreement_events") > 1
    assert differences(loaded) == {}
    result = runner.invoke(cli, ["reprocess", "--all"], env={"DATABASE_URL": loaded})
    assert result.exit_code == 0, result.output
    assert differences(loaded) == {}
    checked = runner.invoke(cli, ["check"], env={"DATABASE_URL": loaded})
    assert checked.exit_code == 0, checked.output


def test_an_organization_changed_in_place_changes_its_events(loaded: str) -> None:
    with psycopg.connect(loaded, autocommit=True) as conn:
        (organization_id,) = conn.execute(
            "select parties.organization_id from agreement_parties as parties"
            " join organizations using (organization_id)"
            " where organizations.is_boston_area order by 1 limit 1"
        ).fetchone()
        # What a reload of changed reference data, or a curator, does.
        conn.execute(
            "update organizations set name_ko = name_ko || ' (개칭)', name_en = null,"
            " is_boston_area = false where organization_id = %s",
            (organization_id,),
        )
        assert conn.execute(
            "select count(*) from api_v2.agreement_events where parties_ko like '%%(개칭)%%'"
        ).fetchone()[0]
    assert differences(loaded) == {}
    assert count(loaded, "select count(*) from kbio_checks.event_reads_current") == 0


def test_the_check_catches_a_stale_event_unless_it_waits(loaded: str, runner: CliRunner) -> None:
    env = {"DATABASE_URL": loaded}
    with psycopg.connect(loaded, autocommit=True) as conn:
        (agreement_event,) = conn.execute("select min(agreement_event_id) from agreement_events")
        (visit_event,) = conn.execute("select min(visit_event_id) from visit_events")
        conn.execute(
            "update agreement_events set party_count = party_count + 1"
            " where agreement_event_id = %s",
            agreement_event,
        )
        conn.execute("delete from visit_event_articles where visit_event_id = %s", visit_event)
    failing = runner.invoke(cli, ["check"], env=env)
    assert failing.exit_code == 5, failing.output
    assert "FAIL event_reads_current" in failing.output
    with psycopg.connect(loaded, autocommit=True) as conn:
        rows = conn.execute("select * from kbio_checks.event_reads_current order by 1").fetchall()
        assert rows == [("agreement", agreement_event[0]), ("visit", visit_event[0])]
        # Waiting for a refresh (the next drain) is not stale.
        conn.execute(
            "insert into event_refresh_queue values ('agreement', %s), ('visit', %s)",
            (agreement_event[0], visit_event[0]),
        )
    passing = runner.invoke(cli, ["check"], env=env)
    assert passing.exit_code == 0, passing.output

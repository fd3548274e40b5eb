"""The CLI, run with CliRunner against real PostgreSQL databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from etl.cli import cli
from tests.conftest import SEEDS, cli_env

COUNTED_TABLES = (
    "articles",
    "sentences",
    "mentions",
    "officials",
    "organizations",
    "places",
    "visits",
    "agreements",
    "agreement_parties",
    "agreement_counts",
    "amounts",
    "article_versions",
    "source_files",
    "quarantine",
)


def _snapshot(url: str) -> dict[str, tuple[int, int | None]]:
    """Row count and largest id of every data table: ids must not move on a re-run."""
    engine = create_engine(url)
    snap = {}
    with engine.connect() as conn:
        for table in COUNTED_TABLES:
            first_column = conn.execute(text(f"select * from {table} limit 0")).keys()
            key = next(iter(first_column))
            snap[table] = tuple(
                conn.execute(text(f"select count(*), max({key}::text) from {table}")).one()
            )
    engine.dispose()
    return snap


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert f"kbio {name}" in result.output


def test_top_level_help_documents_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.output and "quarantined" in result.output


def test_load_of_the_seeds_then_reload_changes_nothing(runner: CliRunner, db_url: str) -> None:
    env = cli_env(db_url)
    first = runner.invoke(cli, ["load", str(SEEDS)], env=env)
    assert first.exit_code == 0, first.output
    assert "5 loaded, 0 unchanged, 0 quarantined" in first.output
    before = _snapshot(db_url)
    assert before["articles"][0] == 5
    second = runner.invoke(cli, ["load", str(SEEDS)], env=env)
    assert second.exit_code == 0, second.output
    assert "0 loaded, 5 unchanged, 0 quarantined" in second.output
    assert _snapshot(db_url) == before


def test_run_prints_the_regions_table_and_a_second_run_changes_nothing(
    runner: CliRunner, db_url: str
) -> None:
    env = cli_env(db_url)
    first = runner.invoke(cli, ["run"], env=env)
    assert first.exit_code == 0, first.output
    assert "5 loaded" in first.output
    assert "region_ko" in first.output and "korean_party" in first.output
    # The signed agreements of the seeds with Massachusetts institutions, read by hand:
    # 중소기업기술정보진흥원 (대전)–LabCentral, KAIST (대전)–MGH, 전북대학교 (전북)–MIT.
    assert (
        "전북특별자치도" in first.output and "Massachusetts Institute of Technology" in first.output
    )
    assert "LabCentral" in first.output and "Massachusetts General Hospital" in first.output
    before = _snapshot(db_url)
    second = runner.invoke(cli, ["run"], env=env)
    assert second.exit_code == 0, second.output
    assert "0 loaded, 5 unchanged" in second.output
    assert _snapshot(db_url) == before


def test_query_lists_views_and_prints_formats(runner: CliRunner, seeded_db_url: str) -> None:
    env = cli_env(seeded_db_url)
    listing = runner.invoke(cli, ["query"], env=env)
    assert listing.exit_code == 0, listing.output
    assert "boston_agreements_by_region" in listing.output and "visits" in listing.output
    as_json = runner.invoke(cli, ["query", "articles", "--format", "json"], env=env)
    assert as_json.exit_code == 0, as_json.output
    records = json.loads(as_json.output)
    assert len(records) == 5
    assert {r["publisher"] for r in records} >= {
        "데일리연합",
        "아주경제",
        "데일리스포츠한국",
        "경기헤드라인",
    }
    as_csv = runner.invoke(cli, ["query", "api_v1.amounts", "--format", "csv"], env=env)
    assert as_csv.exit_code == 0
    assert as_csv.output.splitlines()[0].startswith("amount_id,article_id,value,currency,qualifier")


def test_query_of_an_unknown_view_is_one_clear_line(runner: CliRunner, seeded_db_url: str) -> None:
    result = runner.invoke(
        cli, ["query", "articles; drop table articles"], env=cli_env(seeded_db_url)
    )
    assert result.exit_code == 2
    assert "no view named" in result.output
    assert "Traceback" not in result.output


def test_status_shows_counts_and_runs(runner: CliRunner, seeded_db_url: str) -> None:
    result = runner.invoke(cli, ["status"], env=cli_env(seeded_db_url))
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "last runs" in result.output
    assert "completed" in result.output


def test_load_and_reprocess_with_profile_print_every_stage(runner: CliRunner, db_url: str) -> None:
    from etl.profile import MAIN_STAGES, WORKER_STAGES, parse_table

    env = cli_env(db_url)
    loaded = runner.invoke(cli, ["load", "--profile", str(SEEDS)], env=env)
    assert loaded.exit_code == 0, loaded.output
    assert loaded.output.startswith("5 loaded, 0 unchanged, 0 quarantined")
    assert "profile: 5 articles extracted in " in loaded.output
    stages = parse_table(loaded.output)
    assert set(stages) == {*WORKER_STAGES, *MAIN_STAGES, "waiting for the workers, other"}
    assert stages["kiwi"] > 0 and stages["rules"] > 0 and stages["write"] > 0
    redone = runner.invoke(cli, ["reprocess", "--all", "--profile"], env=env)
    assert redone.exit_code == 0, redone.output
    assert "profile: 5 articles extracted in " in redone.output
    assert parse_table(redone.output)["event linking"] > 0


def test_load_before_migrate_says_what_to_do(runner: CliRunner, empty_db_url: str) -> None:
    result = runner.invoke(cli, ["load", str(SEEDS)], env=cli_env(empty_db_url))
    assert result.exit_code == 2
    assert "kbio migrate" in result.output


def test_unreachable_database_is_exit_3_without_traceback(runner: CliRunner) -> None:
    env = {"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/nothing"}
    result = runner.invoke(cli, ["status"], env=env)
    assert result.exit_code == 3
    assert "cannot reach the database" in result.output
    assert "Traceback" not in result.output


def test_malformed_database_url_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["status"], env={"DATABASE_URL": "mysql://x@y/z"})
    assert result.exit_code == 2
    assert "DATABASE_URL must look like" in result.output


def test_missing_path_is_a_usage_error(runner: CliRunner, db_url: str) -> None:
    result = runner.invoke(cli, ["load", "/nonexistent/*.txt"], env=cli_env(db_url))
    assert result.exit_code == 2
    assert "no files found" in result.output


def test_extract_prints_facts_without_a_database(runner: CliRunner) -> None:
    (seed_file,) = SEEDS.glob("000_*.txt")
    result = runner.invoke(
        cli,
        ["extract", str(seed_file), "--format", "json"],
        env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"},
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    by_kind = {(r["kind"], r["what"]) for r in rows}
    assert ("official", "윤석열") in by_kind
    assert {"detail": "데일리연합", "kind": "metadata", "what": "publisher"}.items() <= next(
        r for r in rows if r["what"] == "publisher"
    ).items()
    visit = next(r for r in rows if r["kind"] == "visit")
    assert visit["what"].startswith("윤석열 → ") and "보스턴" in visit["sentence"]


def test_extract_reports_an_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "cannot read" in result.output


TRIP = (
    "홍천군, 보스턴 바이오 클러스터 방문\n"
    "정다운 홍천군수는 오는 28일부터 다음달 3일까지 5박 7일 일정으로 보스턴을 방문한다.\n"
)


def _fail_on_month_crossing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the date rule raise what it raised before issue 21, on the sentences that
    hit it then (N일부터 다음달 M일까지), so one file fails inside the transform."""
    import etl.extract

    real = etl.extract.find_dates

    def find_dates(text, published, future_hint=False):
        if "부터 다음달" in text:
            raise KeyError("")
        return real(text, published, future_hint)

    monkeypatch.setattr(etl.extract, "find_dates", find_dates)


def test_extract_reports_an_internal_error_in_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_on_month_crossing(monkeypatch)
    broken = tmp_path / "a_trip.txt"
    broken.write_text(TRIP, encoding="utf-8")
    (seed_file,) = SEEDS.glob("000_*.txt")
    result = runner.invoke(cli, ["extract", str(broken), str(seed_file)])
    assert result.exit_code == 1, result.output
    assert result.stderr == f"internal error in {broken}: KeyError: ''; please report\n"
    assert "Traceback" not in result.output
    # The other file given to the same call is still printed.
    assert f"== {seed_file}" in result.stdout and "윤석열" in result.stdout

    debug = runner.invoke(cli, ["extract", "--debug", str(broken), str(seed_file)])
    assert debug.exit_code == 1
    first, *traceback = debug.stderr.splitlines()
    assert first == f"internal error in {broken}: KeyError: ''; please report"
    assert traceback[0] == "Traceback (most recent call last):"
    assert traceback[-1] == "KeyError: ''"
    assert "윤석열" in debug.stdout


def test_an_internal_error_is_its_articles_quarantine_reason_in_a_load(
    runner: CliRunner, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_on_month_crossing(monkeypatch)
    (tmp_path / "a_trip.txt").write_text(TRIP, encoding="utf-8")
    (seed_file,) = SEEDS.glob("000_*.txt")
    (tmp_path / seed_file.name).write_bytes(seed_file.read_bytes())
    result = runner.invoke(cli, ["load", str(tmp_path)], env=cli_env(db_url))
    assert result.exit_code == 1, result.output
    assert "1 loaded, 0 unchanged, 1 quarantined" in result.output
    assert f"quarantined {tmp_path / 'a_trip.txt'}: KeyError: ''" in result.stderr
    assert "Traceback" not in result.output
    engine = create_engine(db_url)
    with engine.connect() as conn:
        held = conn.execute(text("select source_name, stage, reason from quarantine")).all()
        loaded = conn.execute(text("select source_name from articles")).scalars().all()
    engine.dispose()
    assert held == [("a_trip.txt", "extract", "KeyError: ''")]
    assert loaded == [seed_file.name]

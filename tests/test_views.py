"""The public contract: api_v1 views, their columns and comments, and the reader role."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import make_url

from etl.cli import cli
from tests.conftest import cli_env

SNAPSHOT = Path(__file__).parent / "api_v1_snapshot.json"
# api_v2's views (events across articles), as issue 12 states them.
SNAPSHOT_V2 = Path(__file__).parent / "api_v2_snapshot.json"

# The leading columns of each view, exactly as the contract (issue 4) states them.
CONTRACT = {
    "articles": [
        "article_id",
        "source_name",
        "content_sha256",
        "title",
        "publisher",
        "reporter",
        "published_on",
        "loaded_at",
    ],
    "organizations": [
        "organization_id",
        "name_ko",
        "name_en",
        "org_type",
        "city",
        "country",
        "region_ko",
        "is_boston_area",
    ],
    "officials": [
        "official_id",
        "name_ko",
        "name_en",
        "title_ko",
        "title_en",
        "organization_id",
        "region_ko",
    ],
    "places": ["place_id", "name_ko", "name_en", "place_type", "country", "region_ko"],
    "mentions": [
        "mention_id",
        "article_id",
        "entity_type",
        "entity_id",
        "surface",
        "sentence",
        "char_start",
        "char_end",
    ],
    "visits": [
        "visit_id",
        "article_id",
        "official_id",
        "official_name_ko",
        "organization_id",
        "organization_name_en",
        "place",
        "country",
        "visit_date",
        "date_precision",
        "status",
        "evidence",
    ],
    "agreements": [
        "agreement_id",
        "article_id",
        "kind",
        "status",
        "signed_on",
        "summary",
        "evidence",
    ],
    "agreement_parties": [
        "agreement_id",
        "organization_id",
        "name_ko",
        "name_en",
        "country",
        "region_ko",
        "is_boston_area",
    ],
    "amounts": [
        "amount_id",
        "article_id",
        "value",
        "currency",
        "qualifier",
        "raw_text",
        "agreement_id",
        "evidence",
    ],
    "boston_agreements_by_region": [
        "region_ko",
        "korean_party",
        "boston_party",
        "kind",
        "status",
        "signed_on",
        "article_id",
    ],
}
QUESTION_VIEWS = {
    "visits_by_region_month",
    "official_trips",
    "agreements_by_region",
    "institution_network",
    "curation_queue",
    "agreement_counts",
}


def _columns(engine, schema: str = "api_v1") -> dict[str, list[tuple[str, str]]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "select table_name, column_name, data_type from information_schema.columns "
                "where table_schema = :schema order by table_name, ordinal_position"
            ),
            {"schema": schema},
        ).all()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        out.setdefault(table, []).append((column, data_type))
    return out


def test_contract_columns_lead_every_view(engine) -> None:
    columns = _columns(engine)
    assert set(columns) == set(CONTRACT) | QUESTION_VIEWS
    for view, expected in CONTRACT.items():
        assert [c for c, _ in columns[view]][: len(expected)] == expected, view


def test_columns_and_types_match_the_snapshot(engine) -> None:
    """Any change of a published view's columns or types fails here: make it in api_v2."""
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    current = {view: [list(c) for c in cols] for view, cols in _columns(engine).items()}
    assert current == snapshot


def test_api_v2_columns_and_types_match_the_snapshot(engine) -> None:
    snapshot = json.loads(SNAPSHOT_V2.read_text(encoding="utf-8"))
    current = {view: [list(c) for c in cols] for view, cols in _columns(engine, "api_v2").items()}
    assert set(current) == {
        "agreement_events",
        "agreement_event_mentions",
        "visit_events",
        "visit_event_mentions",
        "boston_agreements_by_region",
    }
    assert current == snapshot


@pytest.mark.parametrize("schema", ["api_v1", "api_v2"])
def test_every_view_and_column_has_a_comment(engine, schema: str) -> None:
    with engine.connect() as conn:
        missing_views = (
            conn.execute(
                text(
                    "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    "where n.nspname = :schema and c.relkind = 'v' "
                    "and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'One row per%'"
                ),
                {"schema": schema},
            )
            .scalars()
            .all()
        )
        missing_columns = (
            conn.execute(
                text(
                    "select c.relname || '.' || a.attname from pg_attribute a "
                    "join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
                    "where n.nspname = :schema and c.relkind = 'v' and a.attnum > 0 and not a.attisdropped "
                    "and coalesce(col_description(c.oid, a.attnum), '') = ''"
                ),
                {"schema": schema},
            )
            .scalars()
            .all()
        )
    assert missing_views == [], "views whose comment does not state the grain"
    assert missing_columns == []


# -- question views on the seeds (expected values from reading the articles) ----------


def _rows(engine, sql: str) -> set[tuple]:
    with engine.connect() as conn:
        return set(conn.execute(text(sql)).all())


def test_agreements_by_region(seeded_engine) -> None:
    rows = _rows(
        seeded_engine,
        "select region_ko, kind, status, agreements, boston_agreements from api_v1.agreements_by_region",
    )
    assert rows == {
        ("대전광역시", "mou", "signed", 2, 2),  # TIPA–LabCentral, KAIST–MGH
        ("전북특별자치도", "mou", "signed", 1, 1),  # 전북대–MIT
        ("경기도", "mou", "signed", 2, 0),  # 파주시–U. Miami medicine, 카카오헬스케어–Google
        ("경기도", "mou", "planned", 1, 0),  # 파주시–Miami-Dade County
        ("서울특별시", "contract", "signed", 1, 0),  # 대웅제약–Auditum Bio
        ("강원특별자치도", "cooperation", "agreed", 1, 1),  # 한림대, 춘천성심병원 with UMass Chan
    }


def test_institution_network(seeded_engine) -> None:
    rows = _rows(
        seeded_engine,
        "select korean_name_ko, boston_name_en, visits, agreements from api_v1.institution_network",
    )
    assert rows == {
        ("중소기업기술정보진흥원", "LabCentral", 0, 1),
        ("한국과학기술원", "Massachusetts General Hospital", 0, 1),
        ("전북대학교", "Massachusetts Institute of Technology", 0, 1),
        ("한림대학교", "UMass Chan Medical School", 0, 1),
        ("한림대학교춘천성심병원", "UMass Chan Medical School", 0, 1),
        ("강원특별자치도", "Cambridge Innovation Center", 1, 0),  # 김진태 지사
        ("강원특별자치도", "Harvard Medical School", 1, 0),
        # 매사추세츠 의과대학에서는 … 협의했다: the governor, carried over from 이어서
        # 방문한 …, was there too (an acceptable visit in the seed facts).
        ("강원특별자치도", "UMass Chan Medical School", 1, 0),
        ("전북특별자치도", "LabCentral", 1, 0),  # 김관영 도지사
        ("전북특별자치도", "Moderna", 1, 0),
        ("전북특별자치도", "Massachusetts Institute of Technology", 1, 0),
    }


def test_visits_by_region_month(seeded_engine) -> None:
    rows = {
        (r[0], r[1]): r[2:]
        for r in _rows(
            seeded_engine,
            "select region_ko, month_on, completed_visits, planned_visits, boston_area_visits "
            "from api_v1.visits_by_region_month",
        )
    }
    assert rows[("강원특별자치도", date(2024, 9, 1))] == (1, 0, 1)  # Boston, 지난 9월 27일
    completed, planned, boston = rows[("전북특별자치도", date(2024, 1, 1))]
    assert planned == 0 and completed == boston and completed >= 2  # LabCentral, Boston (12일)
    # 004's trip is planned but undated (the page gives no publication date).
    assert all(region != "경기도" for region, _ in rows)


def test_official_trips_timeline(seeded_engine) -> None:
    rows = _rows(
        seeded_engine,
        "select visited_en, visit_date, is_completed from api_v1.official_trips where official_name_ko = '김관영'",
    )
    assert {r[0] for r in rows} == {
        "LabCentral",
        "Boston",
        "Moderna",
        "Massachusetts Institute of Technology",
    }
    assert ("LabCentral", date(2024, 1, 12), True) in rows


def test_curation_queue(seeded_engine) -> None:
    rows = _rows(seeded_engine, "select name_ko, agreements from api_v1.curation_queue")
    assert rows == {("Auditum Bio", 1), ("Westcarb Enterprises", 1), ("지엠에스헬스케어", 1)}


# -- the reader role --------------------------------------------------------------


@pytest.fixture
def reader(db_url: str, runner: CliRunner):
    login = f"kbio_bi_{uuid.uuid4().hex[:8]}"
    result = runner.invoke(cli, ["grant-reader", login], env=cli_env(db_url))
    assert result.exit_code == 0, result.output
    assert f"created login {login}" in result.output
    again = runner.invoke(cli, ["grant-reader", login], env=cli_env(db_url))
    assert again.exit_code == 0 and f"updated login {login}" in again.output
    url = make_url(db_url).set(username=login, password=None)
    conninfo = url.render_as_string(hide_password=False).replace(
        "postgresql+psycopg://", "postgresql://"
    )
    admin = (
        make_url(db_url)
        .render_as_string(hide_password=False)
        .replace("postgresql+psycopg://", "postgresql://")
    )
    yield conninfo
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'drop owned by "{login}"')
        conn.execute(f'drop role "{login}"')


def test_reader_reads_every_view_and_nothing_else(reader: str, engine) -> None:
    views = list(_columns(engine))
    with psycopg.connect(reader, autocommit=True) as conn:
        for view in views:
            conn.execute(f"select * from api_v1.{view} limit 1")
        refused = [
            "select * from public.articles limit 1",
            "select * from public.etl_runs limit 1",
            "insert into public.articles (source_name) values ('x')",
            "update public.organizations set name_ko = 'x'",
            "delete from public.quarantine",
            "create table api_v1.mine (id int)",
            "create table public.mine (id int)",
            "create view api_v1.mine as select 1",
            "create schema mine",
        ]
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # Writing through a view is refused too, and the role holds no write privilege.
        for statement in (
            "delete from api_v1.articles",
            "update api_v1.organizations set name_ko = 'x'",
        ):
            with pytest.raises(psycopg.Error):
                conn.execute(statement)
        for view in views:
            for privilege in ("INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                allowed = conn.execute(
                    "select has_table_privilege(current_user, %s, %s)",
                    (f"api_v1.{view}", privilege),
                ).fetchone()
                assert allowed == (False,), (view, privilege)


def test_reader_sees_views_added_later(reader: str, engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("create view api_v1.added_later as select 1 as one"))
    with psycopg.connect(reader, autocommit=True) as conn:
        assert conn.execute("select one from api_v1.added_later").fetchone() == (1,)


def test_grant_reader_refuses_a_bad_name(runner: CliRunner, db_url: str) -> None:
    result = runner.invoke(cli, ["grant-reader", "x; drop table articles"], env=cli_env(db_url))
    assert result.exit_code == 2
    assert "not a valid role name" in result.output


@pytest.mark.parametrize(
    "view",
    ["visits_by_region_month", "official_trips", "agreements_by_region", "institution_network"],
)
def test_aggregate_views_show_what_their_live_query_computes(seeded_engine, view: str) -> None:
    with seeded_engine.connect() as conn:
        summary = conn.execute(text(f"select * from api_v1.{view}")).all()
        live = conn.execute(text(f"select * from kbio_summaries.{view}_live")).all()
    assert summary and sorted(map(tuple, summary), key=repr) == sorted(map(tuple, live), key=repr)

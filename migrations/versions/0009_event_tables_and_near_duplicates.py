"""Events across articles: near-duplicate articles, agreement and visit events

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

articles.duplicate_of links a syndicated copy or light re-post to the article it
copies (article_signatures holds each article's MinHash, article_buckets its LSH buckets; see
etl/near_duplicates.py). agreement_events and visit_events hold one row per real-world
signing or visit, *_event_members which reported fact belongs to which event (see
etl/event_linking.py); kbio_private.refresh_*_events() recompute an event's summary
from its members, with the SQL frozen in sql/revisions/0009_events/. The tables start
empty: `kbio reprocess --all` fills them for articles loaded before this revision.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

SQL_DIR = Path(__file__).resolve().parents[2] / "sql" / "revisions" / "0009_events"
FILES = [
    "01_agreement_party_keys.sql",
    "02_refresh_agreement_events.sql",
    "03_refresh_visit_events.sql",
]

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement_events",
        sa.Column("agreement_event_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("signed_on_precision", sa.String(length=8), nullable=True),
        sa.Column("party_keys", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("party_pairs", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("first_reported_on", sa.Date(), nullable=True),
        sa.Column("last_reported_on", sa.Date(), nullable=True),
        sa.Column("article_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("copy_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("anchor_from", sa.Date(), nullable=True),
        sa.Column("anchor_to", sa.Date(), nullable=True),
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "kind in ('mou', 'contract', 'cooperation')", name=op.f("ck_agreement_events_kind")
        ),
        sa.CheckConstraint(
            "status in ('signed', 'planned', 'agreed')", name=op.f("ck_agreement_events_status")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["etl_runs.run_id"], name=op.f("fk_agreement_events_run_id_etl_runs")
        ),
        sa.PrimaryKeyConstraint("agreement_event_id", name=op.f("pk_agreement_events")),
    )
    op.create_index(
        "ix_agreement_events_party_pairs",
        "agreement_events",
        ["party_pairs"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("minhash", postgresql.BYTEA(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_article_signatures_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_signatures")),
    )
    op.create_table(
        "article_buckets",
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article_signatures.article_id"],
            name=op.f("fk_article_buckets_article_id_article_signatures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("bucket", "article_id", name=op.f("pk_article_buckets")),
    )
    op.create_index(
        op.f("ix_article_buckets_article_id"), "article_buckets", ["article_id"], unique=False
    )
    op.create_table(
        "visit_events",
        sa.Column("visit_event_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("official_id", sa.BigInteger(), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=True),
        sa.Column("place_id", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("visit_on", sa.Date(), nullable=True),
        sa.Column("visit_end_on", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("first_reported_on", sa.Date(), nullable=True),
        sa.Column("last_reported_on", sa.Date(), nullable=True),
        sa.Column("article_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("copy_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("anchor_from", sa.Date(), nullable=True),
        sa.Column("anchor_to", sa.Date(), nullable=True),
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "status in ('completed', 'planned')", name=op.f("ck_visit_events_status")
        ),
        sa.CheckConstraint(
            "num_nonnulls(organization_id, place_id) = 1", name=op.f("ck_visit_events_one_target")
        ),
        sa.ForeignKeyConstraint(
            ["official_id"],
            ["officials.official_id"],
            name=op.f("fk_visit_events_official_id_officials"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.organization_id"],
            name=op.f("fk_visit_events_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.place_id"], name=op.f("fk_visit_events_place_id_places")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["etl_runs.run_id"], name=op.f("fk_visit_events_run_id_etl_runs")
        ),
        sa.PrimaryKeyConstraint("visit_event_id", name=op.f("pk_visit_events")),
    )
    op.create_index(
        op.f("ix_visit_events_official_id"), "visit_events", ["official_id"], unique=False
    )
    op.create_table(
        "agreement_event_members",
        sa.Column("agreement_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("agreement_event_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_event_id"],
            ["agreement_events.agreement_event_id"],
            name=op.f("fk_agreement_event_members_agreement_event_id_agreement_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.agreement_id"],
            name=op.f("fk_agreement_event_members_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_id", name=op.f("pk_agreement_event_members")),
    )
    op.create_index(
        op.f("ix_agreement_event_members_agreement_event_id"),
        "agreement_event_members",
        ["agreement_event_id"],
        unique=False,
    )
    op.create_table(
        "visit_event_members",
        sa.Column("visit_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("visit_event_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_event_id"],
            ["visit_events.visit_event_id"],
            name=op.f("fk_visit_event_members_visit_event_id_visit_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.visit_id"],
            name=op.f("fk_visit_event_members_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_visit_event_members")),
    )
    op.create_index(
        op.f("ix_visit_event_members_visit_event_id"),
        "visit_event_members",
        ["visit_event_id"],
        unique=False,
    )
    op.add_column("articles", sa.Column("duplicate_of", sa.BigInteger(), nullable=True))
    op.add_column("articles", sa.Column("duplicate_similarity", sa.REAL(), nullable=True))
    op.create_index(op.f("ix_articles_duplicate_of"), "articles", ["duplicate_of"], unique=False)
    op.create_foreign_key(
        op.f("fk_articles_duplicate_of_articles"),
        "articles",
        "articles",
        ["duplicate_of"],
        ["article_id"],
        ondelete="SET NULL",
    )
    op.create_check_constraint(
        "duplicate",
        "articles",
        "(duplicate_of is null) = (duplicate_similarity is null) "
        "and duplicate_of is distinct from article_id",
    )
    for name in FILES:
        op.execute((SQL_DIR / name).read_text(encoding="utf-8"))
    for function in ("refresh_agreement_events", "refresh_visit_events"):
        op.execute(f"revoke all on function kbio_private.{function}(bigint[], bigint) from public")


def downgrade() -> None:
    op.execute("drop function kbio_private.refresh_visit_events(bigint[], bigint)")
    op.execute("drop function kbio_private.refresh_agreement_events(bigint[], bigint)")
    op.execute("drop view kbio_private.agreement_party_keys")
    op.drop_index(op.f("ix_article_buckets_article_id"), table_name="article_buckets")
    op.drop_table("article_buckets")
    op.drop_constraint(op.f("ck_articles_duplicate"), "articles", type_="check")
    op.drop_constraint(op.f("fk_articles_duplicate_of_articles"), "articles", type_="foreignkey")
    op.drop_index(op.f("ix_articles_duplicate_of"), table_name="articles")
    op.drop_column("articles", "duplicate_similarity")
    op.drop_column("articles", "duplicate_of")
    op.drop_index(op.f("ix_visit_event_members_visit_event_id"), table_name="visit_event_members")
    op.drop_table("visit_event_members")
    op.drop_index(
        op.f("ix_agreement_event_members_agreement_event_id"), table_name="agreement_event_members"
    )
    op.drop_table("agreement_event_members")
    op.drop_index(op.f("ix_visit_events_official_id"), table_name="visit_events")
    op.drop_table("visit_events")
    op.drop_table("article_signatures")
    op.drop_index(
        "ix_agreement_events_party_pairs", table_name="agreement_events", postgresql_using="gin"
    )
    op.drop_table("agreement_events")

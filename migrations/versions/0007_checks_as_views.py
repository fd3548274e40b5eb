"""Data checks as views in kbio_checks, frozen in sql/revisions/0007_checks/

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22

Each check is a query that returns the rows breaking its rule (its first line says the
rule). As a view it runs with its owner's rights, so a read-only login can run
`kbio check` (or select from kbio_checks in a BI tool) without reading base tables.
A changed or new check is a new revision with its own frozen SQL.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SQL_DIR = Path(__file__).resolve().parents[2] / "sql" / "revisions" / "0007_checks"
CHECKS = [
    "agreements_have_two_parties",
    "amount_raw_text",
    "completed_visits_not_after_publication",
    "fact_offsets",
    "facts_carry_provenance",
    "mention_offsets",
    "one_current_version",
    "sentences_match_body",
]


def _rule(sql: str) -> str:
    first = sql.lstrip().splitlines()[0]
    return first.removeprefix("--").strip().removeprefix("rule:").strip()


def upgrade() -> None:
    op.execute("create schema kbio_checks")
    for name in CHECKS:
        query = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
        op.execute(f"create view kbio_checks.{name} as\n{query}")
        rule = _rule(query).replace("'", "''")
        op.execute(f"comment on view kbio_checks.{name} is '{rule}'")
    op.execute("grant usage on schema kbio_checks to kbio_reader")
    op.execute("grant select on all tables in schema kbio_checks to kbio_reader")


def downgrade() -> None:
    op.execute("drop schema kbio_checks cascade")

"""Two data checks on events and copies, frozen in sql/revisions/0011_event_checks/

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

events_have_reports: no event is left without a report, and its article count covers
its reports. copies_add_no_facts: a near-duplicate copy carries no fact of its own and
points at an original, not at another copy. Views in kbio_checks like revision 0007's.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SQL_DIR = Path(__file__).resolve().parents[2] / "sql" / "revisions" / "0011_event_checks"
CHECKS = ["events_have_reports", "copies_add_no_facts"]


def _rule(sql: str) -> str:
    first = sql.lstrip().splitlines()[0]
    return first.removeprefix("--").strip().removeprefix("rule:").strip()


def upgrade() -> None:
    for name in CHECKS:
        query = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
        op.execute(f"create view kbio_checks.{name} as\n{query}")
        rule = _rule(query).replace("'", "''")
        op.execute(f"comment on view kbio_checks.{name} is '{rule}'")
        # Default privileges were not set on kbio_checks: grant each view.
        op.execute(f"grant select on kbio_checks.{name} to kbio_reader")


def downgrade() -> None:
    for name in reversed(CHECKS):
        op.execute(f"drop view kbio_checks.{name}")

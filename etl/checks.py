"""Data checks: each view in schema ``kbio_checks`` returns the rows that break its rule.

The views are created by a migration from frozen SQL (``sql/revisions/0007_checks``);
they run with their owner's rights, so a read-only login can run them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from etl.views import list_views

CHECKS_SCHEMA = "kbio_checks"


@dataclass(frozen=True)
class CheckResult:
    name: str
    rule: str
    columns: list[str]
    rows: list[tuple]

    @property
    def passed(self) -> bool:
        return not self.rows


def run_checks(engine: Engine) -> list[CheckResult]:
    results = []
    with engine.connect() as conn:
        for name, rule in list_views(conn, CHECKS_SCHEMA):
            result = conn.execute(text(f'select * from {CHECKS_SCHEMA}."{name}"'))
            results.append(
                CheckResult(name, rule or "", list(result.keys()), [tuple(r) for r in result.all()])
            )
    return results

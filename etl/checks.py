"""Data checks: each ``sql/checks/*.sql`` returns the rows that break its rule."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from etl.paths import sql_dir


@dataclass(frozen=True)
class CheckResult:
    name: str
    rule: str
    columns: list[str]
    rows: list[tuple]

    @property
    def passed(self) -> bool:
        return not self.rows


def _rule(sql: str) -> str:
    first = sql.lstrip().splitlines()[0]
    return first.removeprefix("--").strip().removeprefix("rule:").strip()


def run_checks(engine: Engine) -> list[CheckResult]:
    results = []
    with engine.connect() as conn:
        for path in sorted((sql_dir() / "checks").glob("*.sql")):
            sql = path.read_text(encoding="utf-8")
            result = conn.execute(text(sql))
            results.append(
                CheckResult(
                    path.stem, _rule(sql), list(result.keys()), [tuple(r) for r in result.all()]
                )
            )
    return results

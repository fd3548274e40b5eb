"""The ``kbio`` command line: a thin layer over the typed functions in ``etl``."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

import click
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from etl import __version__, migrate
from etl.db import connect, resolve_target
from etl.errors import (
    EXIT_CHECKS,
    EXIT_DATABASE,
    EXIT_OK,
    EXIT_QUARANTINED,
    EXIT_USAGE,
    KbioError,
    UsageError,
)
from etl.formats import FORMATTERS
from etl.paths import seeds_dir
from etl.profile import table as profile_table
from etl.views import CURRENT_SCHEMA, list_public_views

EXIT_CODES_HELP = """
Exit codes: 0 success; 1 success, but some files were quarantined; 2 usage or
configuration error; 3 database unreachable; 4 another load is running; 5 a data
check failed.
"""


class KbioGroup(click.Group):
    """Turns the errors a user can act on into one line and a documented exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KbioError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OperationalError as exc:
            first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            click.echo(f"Error: lost the database connection ({first}); check the server", err=True)
            ctx.exit(EXIT_DATABASE)
        except ProgrammingError as exc:
            if not _permission_denied(exc):
                raise
            first = str(exc.orig).strip().splitlines()[0]
            command = ctx.invoked_subcommand or "this command"
            click.echo(
                f"Error: this login may not run `kbio {command}` ({first}); use the ETL's login "
                "(a read-only login may run query, status and check)",
                err=True,
            )
            ctx.exit(EXIT_USAGE)


def _engine() -> Engine:
    return connect(resolve_target())


def _permission_denied(exc: ProgrammingError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "42501"  # insufficient_privilege


def _is_reader(engine: Engine) -> bool:
    """A login that may read the api_v1 views but not the base tables."""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "select case when to_regnamespace(:schema) is null "
                    "or to_regclass('public.etl_runs') is null then false "
                    "else has_schema_privilege(:schema, 'USAGE') "
                    "and not has_table_privilege('public.etl_runs', 'SELECT') end"
                ),
                {"schema": CURRENT_SCHEMA},
            ).scalar()
        )


def _require_schema(engine: Engine, read_only: bool = False) -> bool:
    """Refuse to run on an unmigrated database; True when the login is a read-only
    reader (it cannot see the schema revision, and may only run read-only commands)."""
    if _is_reader(engine):
        if read_only:
            return True
        raise UsageError(
            "this login may only read the api_v1 views: use the ETL's login for this command"
        )
    if not migrate.is_current(engine):
        raise UsageError("the database schema is not up to date: run `kbio migrate` first")
    return False


@click.group(cls=KbioGroup, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="kbio")
def cli() -> None:
    """kbio: Korean news about the Boston biotech cluster, as a PostgreSQL database.

    The database is DATABASE_URL when set, else an embedded PostgreSQL kept in a
    per-user data directory (KBIO_DATA_DIR overrides it).

    Example:

        kbio run
    """


@cli.command("migrate")
@click.option(
    "--sql",
    "as_sql",
    is_flag=True,
    help="Print the DDL of the pending revisions instead of running it (nothing is changed).",
)
def migrate_command(as_sql: bool) -> None:
    """Create or upgrade the database schema and views to the latest version.

    With --sql, print the SQL a DBA would review: from the database's current revision
    when it can be read, else from an empty database.

    Example:

        DATABASE_URL=postgresql://postgres@localhost/kbio kbio migrate --sql > upgrade.sql
    """
    if as_sql:
        start = None
        if os.environ.get("DATABASE_URL"):
            with contextlib.suppress(KbioError, ProgrammingError):
                start = migrate.current_revision(_engine())
        if start == migrate.head_revision():
            click.echo("-- the database is already at the latest revision: nothing to run")
            return
        click.echo(migrate.upgrade_sql(start), nl=False)
        return
    engine = _engine()
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    after = migrate.current_revision(engine)
    if before == after:
        click.echo(f"schema already at {after}")
    else:
        click.echo(f"schema upgraded from {before or 'empty'} to {after}")


def _load(
    engine: Engine,
    arguments: list[str],
    command: str,
    wait: bool,
    workers: int | None = None,
    profile: bool = False,
) -> int:
    from etl.ingest import expand_paths, missing_arguments
    from etl.run.pipeline import run_load
    from etl.run.runlog import FileResult

    if missing := missing_arguments(arguments):
        raise UsageError("no files found in " + ", ".join(missing) + ": check the path")
    paths = list(expand_paths(arguments))
    if not paths:
        raise UsageError("no files found in " + ", ".join(arguments))
    show_progress = sys.stderr.isatty()
    bar = (
        click.progressbar(length=len(paths), label="loading", file=sys.stderr)
        if show_progress
        else None
    )

    def on_file(result: FileResult) -> None:
        if bar is not None:
            bar.update(1)
        if result.status == "quarantined":
            click.echo(f"quarantined {result.path}: {result.reason}", err=True)

    try:
        summary = run_load(
            engine,
            arguments,
            command=command,
            wait=wait,
            on_file=on_file,
            paths=paths,
            workers=workers,
        )
    finally:
        if bar is not None:
            bar.render_finish()
    click.echo(summary.line())
    if profile:
        click.echo(profile_table(summary.profile, summary.seconds))
    return EXIT_QUARANTINED if summary.quarantined else EXIT_OK


PROFILE_HELP = "After the summary, print where the time went, stage by stage."


@cli.command("load", epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--wait", is_flag=True, help="Wait for a running load to finish instead of exiting.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Extraction processes (default: all cores, or KBIO_WORKERS).",
)
@click.option("--profile", is_flag=True, help=PROFILE_HELP)
@click.pass_context
def load_command(
    ctx: click.Context, paths: tuple[str, ...], wait: bool, workers: int | None, profile: bool
) -> None:
    """Load article files (files, folders, globs) into the database.

    Files already loaded and unchanged are skipped; a file that cannot be read or
    understood is quarantined with its reason and the others still load.

    Example:

        kbio load ~/news/2024-*.txt ~/news/inbox/
    """
    engine = _engine()
    _require_schema(engine)
    ctx.exit(_load(engine, list(paths), "load", wait, workers, profile))


HEADLINE_VIEW = "boston_agreements_by_region"
HEADLINE_COLUMNS = "region_ko, korean_party, boston_party, kind, signed_on, article_id"


@cli.command("run", epilog=EXIT_CODES_HELP)
@click.pass_context
def run_command(ctx: click.Context) -> None:
    """Migrate, load the bundled sample articles, and show which Korean regions
    signed agreements with Boston-area institutions.

    Example:

        kbio run
    """
    engine = _engine()
    migrate.upgrade(engine)
    code = _load(engine, [str(seeds_dir() / "articles")], "run", wait=True)
    with engine.connect() as conn:
        result = conn.execute(
            text(
                f"select {HEADLINE_COLUMNS} from {CURRENT_SCHEMA}.{HEADLINE_VIEW} "
                "order by region_ko nulls last, korean_party, boston_party"
            )
        )
        rows = result.all()
        columns = list(result.keys())
    click.echo("")
    click.echo("Korean regions that signed agreements with Boston-area institutions:")
    click.echo(FORMATTERS["table"](columns, rows))
    ctx.exit(code)


@cli.command("status")
def status_command() -> None:
    """Show row counts, the last runs and what is in quarantine.

    Example:

        kbio status
    """
    from etl.models import etl_runs, metadata, quarantine

    engine = _engine()
    if _require_schema(engine, read_only=True):
        _reader_status(engine)
        return
    with engine.connect() as conn:
        counts = [
            (table.name, conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in metadata.sorted_tables
            if table.schema is None
        ]
        runs = conn.execute(
            select(
                etl_runs.c.run_id,
                etl_runs.c.command,
                etl_runs.c.status,
                etl_runs.c.started_at,
                etl_runs.c.finished_at,
                etl_runs.c.files_seen,
                etl_runs.c.loaded,
                etl_runs.c.unchanged,
                etl_runs.c.quarantined,
            )
            .order_by(etl_runs.c.run_id.desc())
            .limit(5)
        )
        run_rows, run_columns = runs.all(), list(runs.keys())
        held = conn.execute(
            select(
                quarantine.c.source_path,
                quarantine.c.stage,
                quarantine.c.reason,
                quarantine.c.run_id,
            )
            .order_by(quarantine.c.quarantine_id.desc())
            .limit(20)
        )
        held_rows, held_columns = held.all(), list(held.keys())
    click.echo(
        f"database: {resolve_target().describe()}  schema: {migrate.current_revision(engine)}"
    )
    click.echo("")
    click.echo(FORMATTERS["table"](["table", "rows"], counts))
    click.echo("")
    waiting = dict(counts).get("event_link_queue", 0)
    click.echo(
        f"articles waiting for their events: {waiting}"
        + (" (the next kbio load or reprocess links them first)" if waiting else "")
    )
    click.echo("")
    click.echo("last runs:")
    click.echo(FORMATTERS["table"](run_columns, run_rows))
    click.echo("")
    click.echo("quarantined files:" if held_rows else "quarantined files: none")
    if held_rows:
        click.echo(FORMATTERS["table"](held_columns, held_rows))


READER_STATUS_VIEWS = (
    *(f"{CURRENT_SCHEMA}.{view}" for view in ("articles", "officials", "organizations")),
    *(f"{CURRENT_SCHEMA}.{view}" for view in ("visits", "agreements", "amounts")),
    "api_v2.visit_events",
    "api_v2.agreement_events",
)


def _reader_status(engine: Engine) -> None:
    with engine.connect() as conn:
        counts = [
            (view, conn.execute(text(f"select count(*) from {view}")).scalar_one())
            for view in READER_STATUS_VIEWS
        ]
    click.echo(f"database: {resolve_target().describe()}  login: read-only (api_v1, api_v2)")
    click.echo("")
    click.echo(FORMATTERS["table"](["view", "rows"], counts))
    click.echo("")
    click.echo("last runs and quarantined files: visible to the ETL's login only")


@cli.command("query")
@click.argument("view_name", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table", show_default=True
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Print at most this many rows."
)
def query_command(view_name: str | None, fmt: str, limit: int | None) -> None:
    """Print a view of the public API, or list the views with no name.

    A bare name is an api_v1 view; name an api_v2 view (events across articles)
    with its schema.

    Example:

        kbio query api_v2.boston_agreements_by_region --format csv
    """
    engine = _engine()
    _require_schema(engine, read_only=True)
    with engine.connect() as conn:
        views = dict(list_public_views(conn))
        if view_name is None:
            click.echo(FORMATTERS["table"](["view", "description"], list(views.items())))
            return
        qualified = view_name if "." in view_name else f"{CURRENT_SCHEMA}.{view_name}"
        if qualified not in views:
            raise UsageError(f"no view named {view_name!r}; run `kbio query` to list them")
        schema, name = qualified.split(".", 1)
        sql = f'select * from {schema}."{name}"'
        if limit:
            sql += f" limit {int(limit)}"
        try:
            result = conn.execute(text(sql))
        except ProgrammingError as exc:  # pragma: no cover - the name was checked above
            raise UsageError(f"cannot read {view_name}: {exc.orig}") from None
        rows, columns = result.all(), list(result.keys())
    click.echo(FORMATTERS[fmt](columns, rows))


@cli.command("report")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only facts dated on or after this day (YYYY-MM-DD).",
)
@click.option("--region", default=None, help="Only one Korean region (충청북도, 충북, Chungbuk).")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Hide facts whose rule's measured precision is below this (0-1).",
)
def report_command(
    out: Path, since: datetime | None, region: str | None, min_confidence: float | None
) -> None:
    """Write one self-contained HTML report: the Korea-Boston network, the
    timeline of visits and signings per region, agreements and amounts per region,
    and every fact shown with its evidence sentence and article.

    It opens offline (no CDN, no server) and reads only the public views, so a
    read-only login can make it.

    Example:

        kbio report --out chungbuk.html --since 2024-01-01 --region 충북 --min-confidence 0.8
    """
    from etl.report.data import UnknownRegion, korean_region
    from etl.report.page import write_report

    try:
        region_name = korean_region(region) if region else None
    except UnknownRegion as exc:
        raise UsageError(str(exc)) from None
    engine = _engine()
    _require_schema(engine, read_only=True)
    try:
        summary = write_report(
            engine,
            out,
            resolve_target().describe(),
            since.date() if since else None,
            region_name,
            min_confidence,
        )
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror}") from None
    click.echo(
        f"wrote {summary.path} ({summary.size_bytes / 1e6:.1f} MB): "
        f"{summary.facts} facts from {summary.articles} articles"
    )


@cli.command("extract", epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table", show_default=True
)
@click.option("--debug", is_flag=True, help="Print the traceback of an internal error.")
@click.pass_context
def extract_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, debug: bool) -> None:
    """Print what the extractor finds in article files, with no database.

    One row per fact (metadata, officials, organizations, visits, agreements,
    amounts) with the sentence it comes from: check a new source before loading it.
    A file that cannot be read, or that the extractor fails on (an internal error:
    please report it), is one line on stderr; the other files are still printed.

    Example:

        kbio extract ~/news/inbox/article.txt --format json
    """
    from etl.errors import one_line
    from etl.file_facts import COLUMNS, Rejected, extract_file, fact_rows
    from etl.ingest import expand_paths

    files = list(expand_paths(paths))
    if not files:
        raise UsageError("no files found in " + ", ".join(paths))
    failed = 0
    for path in files:
        try:
            rows = fact_rows(extract_file(path))
        except Rejected as exc:
            click.echo(f"cannot read {path}: {exc.reason}", err=True)
            failed += 1
            continue
        except Exception as exc:
            # A bug of ours on this text: a load quarantines the same file with this
            # reason; here the user gets the line to report, and the other files.
            click.echo(f"internal error in {path}: {one_line(exc)}; please report", err=True)
            if debug:
                click.echo(traceback.format_exc().rstrip(), err=True)
            failed += 1
            continue
        if fmt == "json":
            click.echo(
                FORMATTERS["json"](
                    ["source", *COLUMNS], [(str(path), *r.__dict__.values()) for r in rows]
                )
            )
        else:
            if len(files) > 1:
                click.echo(f"== {path}")
            click.echo(FORMATTERS[fmt](COLUMNS, [tuple(r.__dict__.values()) for r in rows]))
    ctx.exit(EXIT_QUARANTINED if failed else EXIT_OK)


@cli.command("reprocess", epilog=EXIT_CODES_HELP)
@click.option(
    "--all", "everything", is_flag=True, help="Re-extract every article, not only stale ones."
)
@click.option("--wait", is_flag=True, help="Wait for a running load to finish instead of exiting.")
@click.option("--profile", is_flag=True, help=PROFILE_HELP)
def reprocess_command(everything: bool, wait: bool, profile: bool) -> None:
    """Re-extract stored articles after the extractor changed, without the source files.

    Articles whose facts come from another extractor version get new facts from their
    stored text; the rest are left alone (``--all`` redoes them too).

    Example:

        kbio reprocess
    """
    from etl.run.pipeline import run_reprocess

    engine = _engine()
    _require_schema(engine)
    summary = run_reprocess(engine, everything=everything, wait=wait)
    failed = summary.count("quarantined")
    click.echo(
        f"{summary.count('replaced')} articles re-extracted, {failed} failed "
        f"(run {summary.run_id}, {summary.seconds:.1f}s)"
    )
    if profile:
        click.echo(profile_table(summary.profile, summary.seconds))
    for result in summary.results:
        if result.status == "quarantined":
            click.echo(f"failed {result.source_name}: {result.reason}", err=True)
    if failed:
        sys.exit(EXIT_QUARANTINED)


@cli.command("check", epilog=EXIT_CODES_HELP)
@click.pass_context
def check_command(ctx: click.Context) -> None:
    """Run the data checks (the views in schema kbio_checks); exit 5 if any row breaks a rule.

    A read-only login may run them too.

    Example:

        kbio check && echo "all rules hold"
    """
    from etl.checks import run_checks

    engine = _engine()
    _require_schema(engine, read_only=True)
    results = run_checks(engine)
    for result in results:
        mark = "ok  " if result.passed else "FAIL"
        click.echo(
            f"{mark} {result.name}: {result.rule}"
            + ("" if result.passed else f" ({len(result.rows)} rows)")
        )
        if not result.passed:
            click.echo(FORMATTERS["table"](result.columns, result.rows[:20]))
    failed = [r for r in results if not r.passed]
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    ctx.exit(EXIT_CHECKS if failed else EXIT_OK)


@cli.command("grant-reader")
@click.argument("login_name")
@click.option(
    "--password", default=None, help="Password for the login (omit for trust or peer auth)."
)
def grant_reader_command(login_name: str, password: str | None) -> None:
    """Create LOGIN_NAME as a login that can read this database's api_v1 views only.

    The login is a member of kbio_reader (SELECT on every api_v1 view, including views
    added by later versions, and on the kbio_checks views) and may connect to this
    database and no other kbio database; no base tables, no writes, no temporary
    tables or other objects, no hold on the load lock. An existing role is updated
    only if it already is a plain reader of this database; any other is refused.

    Example:

        kbio grant-reader metabase --password 's3cret'
    """
    from etl.roles import grant_reader

    engine = _engine()
    _require_schema(engine)
    created = grant_reader(engine, login_name, password)
    click.echo(f"{'created' if created else 'updated'} login {login_name} (member of kbio_reader)")


def main() -> None:
    cli(prog_name="kbio")


if __name__ == "__main__":  # pragma: no cover
    main()

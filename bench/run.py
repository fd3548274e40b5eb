"""The benchmark: one corpus, one run, every figure the README quotes.

The corpus is synthetic (``bench.generate``, ``--articles N``) or built from the five
sample articles (``bench.samples``, ``--samples N``).

1. the floor: Kiwi alone tokenizing every article with all cores (raw page text, and
   the cleaned bodies kbio actually analyses);
2. a full ``kbio load --profile`` into an empty database, with its peak memory (PSS of
   the load process and all its children, so pages shared by forked workers count
   once) and where its time went, stage by stage (etl/profile.py);
3. a second load of the unchanged corpus, and a load after adding 1% new files;
4. ``kbio reprocess --all --profile``;
5. the latency of every api_v1 and api_v2 view (``select * … limit 100``) and of the
   headline view in full (on the client, and the server's execution time alone).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.generate import write_corpus
from bench.samples import write_samples
from etl import migrate
from etl.db import resolve_target
from etl.profile import parse_table

HEADLINE = "boston_agreements_by_region"


@dataclass
class Results:
    articles: int
    seed: int
    machine: dict
    corpus: str = "synthetic"  # or "samples": pages built from the five sample articles
    corpus_mb: float = 0.0
    floor_raw_s: float = 0.0
    floor_body_s: float = 0.0
    load_s: float = 0.0
    ratio_to_floor_raw: float = 0.0
    ratio_to_floor_body: float = 0.0
    articles_per_s: float = 0.0
    mb_per_s: float = 0.0
    rows_loaded: int = 0
    rows_per_s: float = 0.0
    peak_pss_mb: float = 0.0
    peak_rss_largest_process_mb: float = 0.0
    reload_unchanged_s: float = 0.0
    reload_speedup: float = 0.0
    added_files: int = 0
    load_after_adding_s: float = 0.0
    reprocess_s: float = 0.0
    reprocess_ratio: float = 0.0  # to a full load of as many articles
    report_s: float = 0.0  # kbio report of the whole database
    report_mb: float = 0.0
    view_ms: dict = field(default_factory=dict)
    # The same right after the full load: a reprocess rewrites every row, and a view that
    # reads a table from its start finds its first rows behind the pages it emptied.
    view_ms_after_load: dict = field(default_factory=dict)
    headline_full_ms: dict = field(default_factory=dict)
    headline_rows: int = 0
    headline_full_server_ms: float = 0.0  # the server's execution time alone (EXPLAIN ANALYZE)
    facts_per_article: float = 0.0  # visits, agreements and amounts loaded, per article
    near_duplicates: int = 0  # articles stored as copies of another
    load_profile_s: dict = field(default_factory=dict)
    reprocess_profile_s: dict = field(default_factory=dict)


def _machine() -> dict:
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": model,
        "cores": len(os.sched_getaffinity(0)),
        "memory_gb": round(memory_kb / 1048576, 1),
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    out, stack = [], [pid]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


def _memory_kb(pid: int, field_name: str) -> int:
    source = "smaps_rollup" if field_name == "Pss:" else "status"
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(field_name):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


class MemoryWatch:
    """Samples the process tree's memory until stopped; keeps the peaks."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_pss_kb = 0
        self.peak_rss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _descendants(self.pid)
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_memory_kb(p, "Pss:") for p in pids))
            self.peak_rss_kb = max(
                self.peak_rss_kb, max((_memory_kb(p, "VmRSS:") for p in pids), default=0)
            )
            self._stop.wait(0.25)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _timed_load(
    folder: Path, database_url: str, workers: int, *options: str
) -> tuple[float, MemoryWatch, str]:
    arguments = ["load", str(folder), "--workers", str(workers), *options]
    return _timed_kbio(arguments, database_url, workers)


def _timed_kbio(
    arguments: list[str], database_url: str, workers: int
) -> tuple[float, MemoryWatch, str]:
    """Seconds, memory and output of one kbio command (its first line is the summary)."""
    env = {**os.environ, "DATABASE_URL": database_url, "KBIO_WORKERS": str(workers)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "etl", *arguments],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watch = MemoryWatch(process.pid)
    out, err = process.communicate()
    elapsed = time.perf_counter() - started
    watch.stop()
    if process.returncode not in (0, 1):
        raise SystemExit(f"kbio {arguments[0]} failed ({process.returncode}): {err.strip()[-500:]}")
    return elapsed, watch, out.strip()


def _floor(folder: Path, workers: int) -> tuple[float, float, float]:
    """Seconds for Kiwi alone on the raw texts and on the cleaned bodies; corpus MB."""
    from kiwipiepy import Kiwi

    from etl.clean import clean
    from etl.ingest import read_bytes, stat_source, to_document

    paths = sorted(folder.iterdir())
    raw = [p.read_text(encoding="utf-8") for p in paths]
    bodies = []
    for path in paths:
        source = stat_source(path)
        bodies.append(clean(to_document(source, read_bytes(source))).body)
    kiwi = Kiwi(num_workers=workers)
    kiwi.tokenize("워밍업 문장입니다.")
    started = time.perf_counter()
    for _ in kiwi.tokenize(iter(raw)):
        pass
    raw_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in kiwi.split_into_sents(iter(bodies), return_tokens=True):
        pass
    body_s = time.perf_counter() - started
    megabytes = sum(p.stat().st_size for p in paths) / 1048576
    return raw_s, body_s, megabytes


def _latencies(conninfo: str, repeats: int = 20) -> tuple[dict, dict, int, float]:
    with psycopg.connect(conninfo, autocommit=True) as conn:
        views = [
            row[0]
            for row in conn.execute(
                "select table_schema || '.' || table_name from information_schema.views "
                "where table_schema in ('api_v1', 'api_v2') order by 1"
            )
        ]

        def measure(sql: str) -> tuple[dict, int]:
            conn.execute(sql).fetchall()  # warm the cache
            samples = []
            rows = 0
            for _ in range(repeats):
                started = time.perf_counter()
                rows = len(conn.execute(sql).fetchall())
                samples.append((time.perf_counter() - started) * 1000)
            samples.sort()
            return {
                "median": round(statistics.median(samples), 2),
                "p95": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
            }, rows

        per_view = {view: measure(f"select * from {view} limit 100")[0] for view in views}
        headline, rows = measure(f"select * from api_v1.{HEADLINE}")
        plans = [
            conn.execute(
                f"explain (analyze, timing off, format json) select * from api_v1.{HEADLINE}"
            ).fetchone()[0][0]["Execution Time"]
            for _ in range(5)
        ]
    return per_view, headline, rows, round(statistics.median(plans), 2)


def _fresh_database(name: str) -> tuple[str, str]:
    """(SQLAlchemy URL, libpq URL) of a new, migrated database on the target server."""
    target = resolve_target()
    base = make_url(target.url)
    admin = base.render_as_string(hide_password=False).replace(
        "postgresql+psycopg://", "postgresql://"
    )
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
        conn.execute(f'create database "{name}"')
    url = base.set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url, url.replace("postgresql+psycopg://", "postgresql://")


def _rows(url: str) -> int:
    engine = create_engine(url)
    tables = [
        "articles",
        "sentences",
        "mentions",
        "visits",
        "agreements",
        "agreement_parties",
        "agreement_counts",
        "amounts",
        "officials",
        "article_versions",
        "source_files",
    ]
    with engine.connect() as conn:
        total = sum(conn.execute(text(f"select count(*) from {t}")).scalar_one() for t in tables)
        total += conn.execute(
            text("select count(*) from organizations where not is_resolved")
        ).scalar_one()
    engine.dispose()
    return total


def run(
    articles: int, seed: int, workdir: Path, workers: int | None = None, samples: bool = False
) -> Results:
    workers = workers or len(os.sched_getaffinity(0))
    kind = "samples" if samples else "synthetic"
    write = write_samples if samples else write_corpus
    results = Results(articles=articles, seed=seed, machine=_machine(), corpus=kind)
    corpus = workdir / (f"samples-{articles}-{seed}" if samples else f"corpus-{articles}-{seed}")
    if not corpus.exists() or len(list(corpus.iterdir())) != articles:
        if corpus.exists():
            for path in corpus.iterdir():
                path.unlink()
        print(f"generating {articles} {kind} articles in {corpus} …", file=sys.stderr)
        write(corpus, articles, seed)
    print("measuring the tokenizer floor …", file=sys.stderr)
    results.floor_raw_s, results.floor_body_s, results.corpus_mb = _floor(corpus, workers)
    url, conninfo = _fresh_database(f"kbio_bench_{kind}_{articles}")
    print("full load …", file=sys.stderr)
    results.load_s, watch, output = _timed_load(corpus, conninfo, workers, "--profile")
    print(f"  {output}", file=sys.stderr)
    results.load_profile_s = parse_table(output)
    results.peak_pss_mb = round(watch.peak_pss_kb / 1024, 1)
    results.peak_rss_largest_process_mb = round(watch.peak_rss_kb / 1024, 1)
    results.rows_loaded = _rows(url)
    results.facts_per_article, results.near_duplicates = _facts(url)
    results.ratio_to_floor_raw = round(results.load_s / results.floor_raw_s, 2)
    results.ratio_to_floor_body = round(results.load_s / results.floor_body_s, 2)
    results.articles_per_s = round(articles / results.load_s, 1)
    results.mb_per_s = round(results.corpus_mb / results.load_s, 3)
    results.rows_per_s = round(results.rows_loaded / results.load_s, 1)
    results.view_ms_after_load = _latencies(conninfo)[0]
    print("second load of the unchanged corpus …", file=sys.stderr)
    results.reload_unchanged_s, _, line = _timed_load(corpus, conninfo, workers)
    print(f"  {line}", file=sys.stderr)
    results.reload_speedup = round(results.load_s / results.reload_unchanged_s, 1)
    added = max(1, articles // 100)
    results.added_files = added
    write(corpus, added, seed, start=articles)
    print(f"load after adding {added} files …", file=sys.stderr)
    try:
        results.load_after_adding_s, _, line = _timed_load(corpus, conninfo, workers)
        print(f"  {line}", file=sys.stderr)
    finally:
        for index in range(articles, articles + added):
            for path in corpus.glob(f"{index:06d}_*.txt"):
                path.unlink()
    print("reprocess of every stored article …", file=sys.stderr)
    results.reprocess_s, _, output = _timed_kbio(
        ["reprocess", "--all", "--profile"], conninfo, workers
    )
    print(f"  {output}", file=sys.stderr)
    results.reprocess_profile_s = parse_table(output)
    results.reprocess_ratio = round(
        results.reprocess_s / (results.load_s * (articles + added) / articles), 2
    )
    print("view latencies …", file=sys.stderr)
    (
        results.view_ms,
        results.headline_full_ms,
        results.headline_rows,
        results.headline_full_server_ms,
    ) = _latencies(conninfo)
    print("report …", file=sys.stderr)
    page = workdir / f"report-{articles}.html"
    results.report_s, _, line = _timed_kbio(["report", "--out", str(page)], conninfo, workers)
    results.report_mb = round(page.stat().st_size / 1e6, 2)
    print(f"  {line}", file=sys.stderr)
    return results


def _facts(url: str) -> tuple[float, int]:
    """Visits, agreements and amounts per article; how many articles are copies."""
    engine = create_engine(url)
    with engine.connect() as conn:
        articles = conn.execute(text("select count(*) from articles")).scalar_one()
        facts = sum(
            conn.execute(text(f"select count(*) from {table}")).scalar_one()
            for table in ("visits", "agreements", "amounts")
        )
        copies = conn.execute(
            text("select count(*) from articles where duplicate_of is not null")
        ).scalar_one()
    engine.dispose()
    return round(facts / max(articles, 1), 2), copies


def report(results: Results) -> str:
    r = results
    lines = [
        f"corpus: {r.articles} {r.corpus} articles, {r.corpus_mb:.1f} MB (seed {r.seed}), "
        f"{r.facts_per_article} facts per article, {r.near_duplicates} near-duplicates; "
        f"machine: {r.machine['cores']} cores, "
        f"{r.machine['memory_gb']} GB, {r.machine['cpu']}",
        "",
        f"{'tokenizer floor, raw page text (Kiwi, all cores)':<58}{r.floor_raw_s:>10.1f} s",
        f"{'tokenizer floor, cleaned bodies (what kbio analyses)':<58}{r.floor_body_s:>10.1f} s",
        f"{'full kbio load into an empty database':<58}{r.load_s:>10.1f} s",
        f"{'  ratio to the raw-text floor':<58}{r.ratio_to_floor_raw:>10.2f} x",
        f"{'  ratio to the body floor':<58}{r.ratio_to_floor_body:>10.2f} x",
        f"{'  articles/s':<58}{r.articles_per_s:>10.1f}",
        f"{'  MB/s':<58}{r.mb_per_s:>10.3f}",
        f"{'  rows/s (' + str(r.rows_loaded) + ' rows)':<58}{r.rows_per_s:>10.1f}",
        f"{'  peak memory, PSS of the load process tree':<58}{r.peak_pss_mb:>10.1f} MB",
        f"{'  peak memory, RSS of its largest process':<58}{r.peak_rss_largest_process_mb:>10.1f} MB",
        f"{'second load, corpus unchanged':<58}{r.reload_unchanged_s:>10.2f} s  ({r.reload_speedup}x faster)",
        f"{'load after adding ' + str(r.added_files) + ' files (1%)':<58}{r.load_after_adding_s:>10.2f} s",
        f"{'reprocess --all of every stored article':<58}{r.reprocess_s:>10.1f} s"
        f"  ({r.reprocess_ratio}x a load of as many)",
        f"{'kbio report of the whole database':<58}{r.report_s:>10.1f} s  ({r.report_mb} MB)",
        "",
        f"{'view (select * limit 100), after reprocess':<44}{'median ms':>10}{'p95 ms':>8}"
        f"{'after the load':>16}",
    ]
    for view, figures in sorted(r.view_ms.items()):
        first = r.view_ms_after_load.get(view, {}).get("median", float("nan"))
        lines.append(f"{view:<44}{figures['median']:>10.2f}{figures['p95']:>8.2f}{first:>16.2f}")
    lines.append(
        f"{HEADLINE + ' (all ' + str(r.headline_rows) + ' rows)':<40}{r.headline_full_ms['median']:>12.2f}{r.headline_full_ms['p95']:>10.2f}"
    )
    lines.append(f"{'  of which the server executing it':<40}{r.headline_full_server_ms:>12.2f}")
    for title, profile in (("load", r.load_profile_s), ("reprocess --all", r.reprocess_profile_s)):
        lines += ["", f"where the {title} went (seconds; workers summed over them):"]
        lines += [f"  {stage:<38}{seconds:>10.2f}" for stage, seconds in profile.items()]
    return "\n".join(lines)


def save(results: Results, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(asdict(results), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )

"""Unattended runs: bad input, re-runs, changed files, failures, concurrency, checks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from etl.cli import cli
from etl.run.pipeline import run_load
from etl.run.runlog import LOCK_STATEMENT
from etl.run.writer import Loader
from tests.conftest import SEEDS, cli_env

# A short article of our own (not a seed), used where a small valid page is needed.
ARTICLE = """강원도, 보스턴 바이오 협력 강화

입력 2024.05.02 09:00

[가상일보 홍길동 기자] 김진태 강원도지사는 지난 1일(현지시간) 미국 보스턴의 브로드연구소를 방문해 유전체 연구 협력 방안을 논의했다.
강원대학교는 이날 브로드연구소와 공동연구 업무협약을 체결했다.

저작권자 ⓒ 가상일보 무단전재 및 재배포 금지
"""


def _facts(url: str) -> dict[str, set]:
    """The seeds' facts by name, comparable across databases."""
    engine = create_engine(url)
    with engine.connect() as conn:
        out = {
            "visits": set(
                conn.execute(
                    text(
                        "select official_name_ko, coalesce(organization_name_en, place), status, visit_date from api_v1.visits"
                    )
                ).all()
            ),
            "agreements": set(
                conn.execute(
                    text(
                        "select a.kind, a.status, string_agg(p.name_ko, '|' order by p.name_ko) "
                        "from api_v1.agreements a join api_v1.agreement_parties p using (agreement_id) "
                        "group by a.agreement_id, a.kind, a.status"
                    )
                ).all()
            ),
            "amounts": set(
                conn.execute(text("select value, currency, qualifier from api_v1.amounts")).all()
            ),
            "officials": set(
                conn.execute(text("select name_ko, title_ko from api_v1.officials")).all()
            ),
        }
    engine.dispose()
    return out


def _bad_folder(root: Path) -> dict[str, str]:
    """Seeds plus one file of every bad kind; returns file name → expected reason."""
    folder = root / "inbox"
    shutil.copytree(SEEDS, folder)
    expected: dict[str, str] = {}
    (folder / "empty.txt").write_bytes(b"")
    expected["empty.txt"] = "empty file"
    (folder / "blank.txt").write_bytes(b"  \n\n  ")
    expected["blank.txt"] = "empty file"
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    expected["photo.png"] = "binary file (a PNG image)"
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    expected["report.pdf"] = "binary file (a PDF document)"
    (folder / "bundle.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    expected["bundle.zip"] = "binary file (a ZIP archive)"
    (folder / "english.txt").write_text(
        "Governor visits Boston to meet biotech leaders.\n", encoding="utf-8"
    )
    expected["english.txt"] = "no Korean text in the file"
    with (folder / "huge.txt").open("wb") as handle:  # sparse: 30 MB on paper, nothing on disk
        handle.truncate(30 * 1024 * 1024)
    expected["huge.txt"] = "over the 20 MB limit"
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = "not a regular file"
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    expected["gone.txt"] = "file not found"
    (folder / "garbage.txt").write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0xFD]) * 50)
    expected["garbage.txt"] = "not UTF-8 or CP949 text"
    return expected


def _good_variants(folder: Path) -> None:
    """Decodable pages: each must load correctly."""
    cp949 = ARTICLE.replace("유전체 연구", "똠방각하 햏 연구")  # syllables outside strict EUC-KR
    (folder / "cp949.txt").write_bytes(cp949.encode("cp949"))
    (folder / "utf16.txt").write_bytes(ARTICLE.replace("강원대학교", "한림대학교").encode("utf-16"))
    (folder / "utf8bom.txt").write_bytes(
        "\ufeff".encode() + ARTICLE.replace("강원대학교", "연세대학교").encode("utf-8")
    )
    truncated = (ARTICLE.replace("강원대학교", "고려대학교") + "끝").encode("utf-8")[:-1]
    (folder / "truncated.txt").write_bytes(truncated)
    html = (
        "<!doctype html><html><head><title>x</title><style>p{color:red}</style>"
        "<script>var a = '김철수 지사';</script></head><body><nav>로그인 | 회원가입</nav>"
        + "".join(
            f"<p>{line}</p>" for line in ARTICLE.replace("강원대학교", "서울대학교").splitlines()
        )
        + "</body></html>"
    )
    (folder / "page.html").write_text(html, encoding="utf-8")
    # The UTF-8 seed again, in CP949: one article, the same text.
    (folder / "001_copy_in_cp949.txt").write_bytes(
        next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8").encode("cp949")
    )


def test_bad_inputs_next_to_the_seeds(
    tmp_path: Path, db_url: str, seeded_db_url: str, runner: CliRunner
) -> None:
    expected = _bad_folder(tmp_path)
    folder = tmp_path / "inbox"
    _good_variants(folder)
    result = runner.invoke(cli, ["load", str(folder)], env=cli_env(db_url))
    assert result.exit_code == 1, result.output  # success, with quarantined files
    assert "Traceback" not in result.output
    # 5 seeds + cp949, utf16, utf8bom, truncated, html = 10; the CP949 copy of 001 is unchanged.
    assert f"10 loaded, 1 unchanged, {len(expected)} quarantined" in result.output
    engine = create_engine(db_url)
    with engine.connect() as conn:
        held = dict(conn.execute(text("select source_name, reason from quarantine")).all())
        bodies = dict(conn.execute(text("select source_name, body from articles")).all())
        encodings = dict(conn.execute(text("select source_name, encoding from articles")).all())
    engine.dispose()
    assert set(held) == set(expected)
    for name, reason in expected.items():
        assert reason in held[name], (name, held[name])
        assert "\n" not in held[name]
    assert "똠방각하 햏" in bodies["cp949.txt"] and encodings["cp949.txt"] == "cp949"
    assert encodings["utf16.txt"] == "utf-16" and "한림대학교" in bodies["utf16.txt"]
    assert encodings["utf8bom.txt"] == "utf-8-sig" and not bodies["utf8bom.txt"].startswith(
        "\ufeff"
    )
    assert encodings["truncated.txt"] == "utf-8 (truncated)"
    assert "서울대학교는 이날 브로드연구소와" in bodies["page.html"]
    assert "var a" not in bodies["page.html"] and "color:red" not in bodies["page.html"]
    # The seeds' facts are exactly those they have when loaded alone.
    seed_facts = _facts(seeded_db_url)
    mixed = _facts(db_url)
    for kind, facts in seed_facts.items():
        assert facts <= mixed[kind], kind


def test_a_file_that_disappears_between_listing_and_reading(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    first = folder / "a.txt"
    second = folder / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("강원대학교", "한림대학교"), encoding="utf-8")
    listed = sorted(folder.iterdir())  # the run's file list is made here…
    second.unlink()  # …and the file is gone before the run reads it
    engine = create_engine(db_url)
    summary = run_load(engine, [str(folder)], paths=listed)
    engine.dispose()
    results = {r.source_name: r for r in summary.results}
    assert results["a.txt"].status == "loaded"
    assert results["b.txt"].status == "quarantined"
    assert "file not found" in (results["b.txt"].reason or "")


def test_same_article_under_two_names_is_one_article(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE, encoding="utf-8")
    engine = create_engine(db_url)
    summary = run_load(engine, [str(tmp_path)])
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from articles")).scalar() == 1
        assert conn.execute(text("select count(*) from source_files")).scalar() == 2
    engine.dispose()
    assert [r.status for r in summary.results] == ["loaded", "unchanged"]


def test_a_changed_file_replaces_its_facts_and_keeps_history(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    engine = create_engine(db_url)
    run_load(engine, [str(path)])
    with engine.connect() as conn:
        (article_id,) = conn.execute(text("select article_id from articles")).one()
        before = (
            conn.execute(text("select name_ko from api_v1.agreement_parties order by 1"))
            .scalars()
            .all()
        )
    assert before == ["강원대학교", "브로드 연구소"]
    path.write_text(ARTICLE.replace("강원대학교", "한림대학교"), encoding="utf-8")
    summary = run_load(engine, [str(path)])
    assert [r.status for r in summary.results] == ["replaced"]
    with engine.connect() as conn:
        assert conn.execute(text("select article_id from articles")).scalar_one() == article_id
        after = (
            conn.execute(text("select name_ko from api_v1.agreement_parties order by 1"))
            .scalars()
            .all()
        )
        versions = conn.execute(
            text(
                "select content_sha256, current_to is null from article_versions order by current_from"
            )
        ).all()
        assert conn.execute(text("select count(*) from agreements")).scalar() == 1
    engine.dispose()
    assert after == ["브로드 연구소", "한림대학교"]
    assert [current for _, current in versions] == [False, True]


def test_a_failure_inside_an_article_leaves_nothing_of_it(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("강원대학교", "한림대학교"), encoding="utf-8")
    original = Loader.write_facts

    def failing(self, conn, items, run_id):
        for article_id, extraction in items:
            if extraction.article.document.source.source_name == "a.txt":
                # Write part of the article, then fail: none of it may remain.
                conn.execute(
                    text(
                        "insert into sentences (article_id, sentence_index, text, char_start, char_end) "
                        "values (:a, 0, 'x', 0, 1)"
                    ),
                    {"a": article_id},
                )
                raise RuntimeError("injected failure")
        return original(self, conn, items, run_id)

    monkeypatch.setattr(Loader, "write_facts", failing)
    engine = create_engine(db_url)
    summary = run_load(engine, [str(tmp_path)])
    assert sorted((r.source_name, r.status) for r in summary.results) == [
        ("a.txt", "quarantined"),
        ("b.txt", "loaded"),
    ]
    with engine.connect() as conn:
        assert conn.execute(text("select source_name from articles")).scalars().all() == ["b.txt"]
        assert (
            conn.execute(
                text(
                    "select count(*) from sentences s join articles a using (article_id) where a.source_name = 'a.txt'"
                )
            ).scalar()
            == 0
        )
        stage, reason = conn.execute(text("select stage, reason from quarantine")).one()
    assert (stage, reason) == ("load", "RuntimeError: injected failure")
    monkeypatch.setattr(Loader, "write_facts", original)
    again = run_load(engine, [str(tmp_path)])
    engine.dispose()
    assert sorted((r.source_name, r.status) for r in again.results) == [
        ("a.txt", "loaded"),
        ("b.txt", "unchanged"),
    ]


def test_unchanged_files_are_not_read_again(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    engine = create_engine(db_url)
    run_load(engine, [str(tmp_path)])

    def no_reading(*args, **kwargs):
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr("etl.run.triage.read_bytes", no_reading)
    summary = run_load(engine, [str(tmp_path)])
    engine.dispose()
    assert [r.status for r in summary.results] == ["unchanged"]


def test_a_second_concurrent_load_is_refused(db_url: str, runner: CliRunner) -> None:
    conninfo = db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as holder:  # the lock lives as long as its transaction
        holder.execute(LOCK_STATEMENT)
        result = runner.invoke(cli, ["load", str(SEEDS)], env=cli_env(db_url))
        assert result.exit_code == 4
        assert "another kbio load is running" in result.output
    result = runner.invoke(cli, ["load", str(SEEDS)], env=cli_env(db_url))
    assert result.exit_code == 0, result.output


def test_the_lock_is_released_when_its_holder_is_killed(db_url: str, runner: CliRunner) -> None:
    conninfo = db_url.replace("postgresql+psycopg://", "postgresql://")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, psycopg\n"
            "c = psycopg.connect(sys.argv[1])\n"
            f"c.execute('{LOCK_STATEMENT}')\n"
            "print('locked', flush=True)\n"
            "time.sleep(120)\n",
            conninfo,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = runner.invoke(cli, ["load", str(SEEDS)], env=cli_env(db_url))
        assert refused.exit_code == 4
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 10
        while True:  # the server notices the dead session within moments
            result = runner.invoke(cli, ["load", str(SEEDS)], env=cli_env(db_url))
            if result.exit_code != 4 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert result.exit_code == 0, result.output
    finally:
        holder.kill()


def test_reprocess_re_extracts_stale_articles_only(db_url: str, runner: CliRunner) -> None:
    env = cli_env(db_url)
    assert runner.invoke(cli, ["load", str(SEEDS)], env=env).exit_code == 0
    engine = create_engine(db_url)
    with engine.begin() as conn:
        before = conn.execute(text("select count(*) from visits")).scalar()
        conn.execute(
            text("update articles set extractor_version = 'old' where source_name like '002%'")
        )
    result = runner.invoke(cli, ["reprocess"], env=env)
    assert result.exit_code == 0, result.output
    assert "1 articles re-extracted, 0 failed" in result.output
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from visits")).scalar() == before
        assert (
            conn.execute(text("select count(distinct extractor_version) from visits")).scalar() == 1
        )
        assert conn.execute(text("select count(*) from article_versions")).scalar() == 5
    engine.dispose()


def test_checks_pass_on_the_seeds_and_catch_a_broken_row(db_url: str, runner: CliRunner) -> None:
    env = cli_env(db_url)
    assert runner.invoke(cli, ["load", str(SEEDS)], env=env).exit_code == 0
    passing = runner.invoke(cli, ["check"], env=env)
    assert passing.exit_code == 0, passing.output
    assert "0 failed" in passing.output
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "update mentions set char_end = char_end + 1 where mention_id = (select min(mention_id) from mentions)"
            )
        )
        conn.execute(
            text(
                "delete from agreement_parties where agreement_id = (select min(agreement_id) from agreements) and organization_id = (select min(organization_id) from agreement_parties where agreement_id = (select min(agreement_id) from agreements))"
            )
        )
    engine.dispose()
    failing = runner.invoke(cli, ["check"], env=env)
    assert failing.exit_code == 5
    assert "FAIL mention_offsets" in failing.output
    assert "FAIL agreements_have_two_parties" in failing.output
    # The party deleted behind the refresh's back is still in its event's stored lists.
    assert "FAIL event_reads_current" in failing.output
    assert "9 passed, 3 failed" in failing.output


def test_hostile_text_reaches_sql_only_as_parameters(tmp_path: Path, db_url: str) -> None:
    hostile = (
        ARTICLE.replace("유전체 연구", '\'; DROP TABLE articles; -- \\\\ "인용" 연구')
        + "\x00 NUL 바이트 \x00\n"
        + "긴 줄 " * 20000
        + "\n"
    )
    (tmp_path / "o'brien; drop table x.txt").write_text(hostile, encoding="utf-8")
    engine = create_engine(db_url)
    summary = run_load(engine, [str(tmp_path)])
    assert [r.status for r in summary.results] == ["loaded"]
    with engine.connect() as conn:
        body = conn.execute(text("select body from articles")).scalar_one()
        assert conn.execute(text("select count(*) from agreements")).scalar() == 1
    engine.dispose()
    assert '\'; DROP TABLE articles; -- \\\\ "인용"' in body
    assert "\x00" not in body


def test_reprocess_many_articles_in_worker_processes(
    tmp_path: Path, db_url: str, runner: CliRunner
) -> None:
    for i, university in enumerate(
        ["강원대학교", "한림대학교", "연세대학교", "고려대학교", "서울대학교"]
    ):
        (tmp_path / f"n{i}.txt").write_text(
            ARTICLE.replace("강원대학교", university), encoding="utf-8"
        )
    env = cli_env(db_url)
    assert runner.invoke(cli, ["load", str(SEEDS), str(tmp_path)], env=env).exit_code == 0
    engine = create_engine(db_url)
    with engine.connect() as conn:
        before = conn.execute(text("select count(*) from agreements")).scalar()
    result = runner.invoke(cli, ["reprocess", "--all"], env=env)
    assert result.exit_code == 0, result.output
    assert "10 articles re-extracted, 0 failed" in result.output
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from agreements")).scalar() == before
        assert conn.execute(text("select count(distinct run_id) from agreements")).scalar() == 1
    engine.dispose()

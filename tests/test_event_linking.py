"""Events across articles (api_v2), on article sets of our own.

Each set is what a week of news looks like for one signing: a newspaper report, a
rival paper's rewrite, the province's press release, a planned report before the
signing, a wire copy under another byline. The facts asserted are what a reader of
these pages finds; the articles are loaded in the order they would arrive.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from etl.cli import cli
from etl.events.linking import dates_agree, parties_agree, within
from tests.conftest import cli_env

# Three reports of one signing (Chungbuk and MIT, 15 May 2025), worded differently.
CHUNGBUK_MIT_PAPER = """충북도, MIT와 바이오헬스 인재 양성 협약

입력 2025.05.16 09:00

[가상일보 홍길동 기자] 충청북도는 지난 15일(현지시간) 미국 보스턴에서 매사추세츠 공과대학(MIT)과 바이오헬스 인재 양성을 위한 업무협약(MOU)을 체결했다고 16일 밝혔다.
협약에 따라 양 기관은 공동 교육과정을 운영한다.

저작권자 ⓒ 가상일보 무단전재 및 재배포 금지
"""
CHUNGBUK_MIT_RIVAL = """김영환 지사 "MIT와 손잡고 바이오 인재 키운다"

기사입력 2025-05-17 14:20

충북도와 MIT는 15일 보스턴 현지에서 바이오 분야 인재 양성과 공동연구를 위한 업무협약을 맺었다. 김영환 충북지사는 "세계 최고 대학과의 협력으로 충북 바이오 산업이 한 단계 도약할 것"이라고 말했다.

한빛신문 이몽룡 기자
"""
CHUNGBUK_MIT_RELEASE = """[보도자료] 충청북도-MIT 바이오헬스 업무협약 체결

2025.05.20

충청북도가 미국 매사추세츠 공과대학(MIT)과 바이오헬스 분야 협력을 약속했다. 도는 지난 15일 미국 매사추세츠주 케임브리지에 있는 MIT 캠퍼스에서 인재 양성 업무협약을 체결했으며, 앞으로 연구자 교류를 늘릴 계획이다.

문의: 충청북도 바이오산업과
"""
# The same province's other MOU that week, with another institution.
CHUNGBUK_CHILDRENS = """충북도, 보스턴 어린이병원과도 손잡아

입력 2025.05.18 09:00

[가상일보 홍길동 기자] 충청북도는 17일(현지시간) 보스턴 어린이병원과 소아 희귀질환 연구 업무협약을 체결했다.
"""

# Announced on 2 March for the 10th, reported as signed on the 11th.
GYEONGBUK_PLANNED = """경북도, 하버드 의대와 바이오 연구 협약 추진

입력 2025.03.02 10:00

[가상일보 성춘향 기자] 경상북도는 오는 10일 미국 보스턴에서 하버드 의과대학과 바이오 연구 협력 업무협약을 체결할 예정이다.
도는 이번 협약으로 백신 연구 인력을 교류할 계획이다.
"""
GYEONGBUK_SIGNED = """경북도-하버드 의대 업무협약 체결

입력 2025.03.11 08:30

[한빛신문 변학도 기자] 경상북도와 하버드 의과대학은 10일(현지시간) 보스턴에서 바이오 연구 협력 업무협약을 체결했다.
양측은 백신 공동연구를 추진한다.
"""

# Two MOUs between the same parties, two years apart.
JEONNAM_2022 = """전남도, 다나파버 암연구소와 업무협약

입력 2022.06.10 09:00

[가상일보 홍길동 기자] 전라남도는 9일 미국 보스턴 다나파버 암연구소와 면역항암제 공동연구 업무협약(MOU)을 체결했다.
"""
JEONNAM_2024 = """전남도, 다나파버 암연구소와 두 번째 협약

입력 2024.06.12 09:00

[가상일보 홍길동 기자] 전라남도는 11일 미국 보스턴 다나파버 암연구소와 방사선 치료 연구 업무협약(MOU)을 체결했다.
"""

# A report and its wire copy: other title, byline, date line and footer, same body.
GANGWON_BODY = """강원특별자치도는 지난 1일(현지시간) 미국 보스턴 브로드연구소와 유전체 연구 협력 업무협약을 체결했다고 2일 밝혔다.
협약식에는 김진태 강원특별자치도지사와 브로드연구소 관계자들이 참석했다.
도는 앞으로 5년간 연구비 300만 달러를 공동 투자할 계획이다.
김 지사는 협약식 뒤 브로드연구소 유전체 분석 시설을 둘러봤다."""
GANGWON_ORIGINAL = f"""강원도, 보스턴 브로드연구소와 유전체 협약

입력 2024.05.02 09:00

[가상일보 홍길동 기자] {GANGWON_BODY}

저작권자 ⓒ 가상일보 무단전재 및 재배포 금지
"""
GANGWON_COPY = f"""강원도, 브로드연구소와 유전체 협약 체결

등록 2024-05-03 11:15

(춘천=한빛통신) 이몽룡 기자 = {GANGWON_BODY}

ⓒ 한빛통신 무단 전재 및 재배포 금지
"""

# Two reports of one visit (Gangwon's governor at the Broad Institute, 1 May 2024),
# and his visit to the same institute a year later.
GANGWON_VISIT_REPORT = """김진태 지사, 브로드연구소 방문

입력 2024.05.04 10:00

[한빛신문 변학도 기자] 김진태 강원특별자치도지사는 지난 1일(현지시간) 미국 보스턴의 브로드연구소를 방문해 유전체 분석 시설을 살펴봤다.
"""
GANGWON_VISIT_NEXT_YEAR = """김진태 지사, 1년 만에 브로드연구소 재방문

입력 2025.05.08 10:00

[한빛신문 변학도 기자] 김진태 강원특별자치도지사는 7일(현지시간) 미국 보스턴의 브로드연구소를 다시 방문해 공동연구 진행 상황을 점검했다.
"""


def _load(runner: CliRunner, db_url: str, folder: Path, articles: dict[str, str]) -> None:
    """One load run of these files (a folder where they arrive)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in articles.items():
        (folder / name).write_text(body, encoding="utf-8")
    result = runner.invoke(cli, ["load", str(folder)], env=cli_env(db_url))
    assert result.exit_code == 0, result.output


def _rows(db_url: str, query: str) -> list[tuple]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(query))]
    finally:
        engine.dispose()


def _agreement_events(db_url: str) -> list[tuple]:
    """(parties by Korean name, kind, status, signed_on, articles, copies) per event."""
    rows = _rows(
        db_url,
        "select parties_ko, kind, status, signed_on, article_count, copy_count "
        "from api_v2.agreement_events",
    )
    return sorted(
        ((frozenset(parties.split(", ")), *rest) for parties, *rest in rows),
        key=lambda row: (sorted(row[0]), row[3]),
    )


def _mentions(db_url: str) -> list[tuple]:
    return _rows(
        db_url,
        "select m.agreement_event_id, a.source_name, m.is_copy, m.reported_status "
        "from api_v2.agreement_event_mentions m join api_v1.articles a using (article_id) "
        "order by m.agreement_event_id, a.source_name",
    )


MIT = frozenset({"충청북도", "매사추세츠 공과대학"})


def test_three_reports_of_one_signing_are_one_event(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    _load(runner, db_url, tmp_path / "in", {"a_paper.txt": CHUNGBUK_MIT_PAPER})
    _load(runner, db_url, tmp_path / "in", {"b_rival.txt": CHUNGBUK_MIT_RIVAL})
    _load(runner, db_url, tmp_path / "in", {"c_release.txt": CHUNGBUK_MIT_RELEASE})
    assert _agreement_events(db_url) == [(MIT, "mou", "signed", date(2025, 5, 15), 3, 0)]
    mentions = _mentions(db_url)
    assert [(name, copy, status) for _, name, copy, status in mentions] == [
        ("a_paper.txt", False, "signed"),
        ("b_rival.txt", False, "signed"),
        ("c_release.txt", False, "signed"),
    ]
    assert len({event for event, *_ in mentions}) == 1
    # Each mention carries its own evidence sentence, in its own article.
    evidence = _rows(
        db_url,
        "select m.evidence, substr(a.body, m.char_start + 1, m.char_end - m.char_start) "
        "from api_v2.agreement_event_mentions m join articles a using (article_id)",
    )
    assert all(sentence and clause and clause in sentence for sentence, clause in evidence)


def test_another_mou_of_one_party_is_its_own_event(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    _load(
        runner,
        db_url,
        tmp_path / "in",
        {"a_paper.txt": CHUNGBUK_MIT_PAPER, "d_childrens.txt": CHUNGBUK_CHILDRENS},
    )
    _load(runner, db_url, tmp_path / "in", {"b_rival.txt": CHUNGBUK_MIT_RIVAL})
    assert _agreement_events(db_url) == [
        (MIT, "mou", "signed", date(2025, 5, 15), 2, 0),
        (frozenset({"충청북도", "보스턴 어린이병원"}), "mou", "signed", date(2025, 5, 17), 1, 0),
    ]


def test_planned_then_signed_is_one_signed_event(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    _load(runner, db_url, tmp_path / "in", {"planned.txt": GYEONGBUK_PLANNED})
    assert _rows(db_url, "select status, signed_on from api_v2.agreement_events") == [
        ("planned", date(2025, 3, 10))
    ]
    _load(runner, db_url, tmp_path / "in", {"signed.txt": GYEONGBUK_SIGNED})
    assert _agreement_events(db_url) == [
        (
            frozenset({"경상북도", "하버드 의과대학"}),
            "mou",
            "signed",
            date(2025, 3, 10),
            2,
            0,
        )
    ]
    assert _rows(
        db_url,
        "select first_reported_on, last_reported_on from api_v2.agreement_events",
    ) == [(date(2025, 3, 2), date(2025, 3, 11))]
    statuses = [status for *_, status in _mentions(db_url)]
    assert statuses == ["planned", "signed"]


def test_two_mous_two_years_apart_are_two_events(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    _load(runner, db_url, tmp_path / "in", {"2022.txt": JEONNAM_2022, "2024.txt": JEONNAM_2024})
    parties = frozenset({"전라남도", "다나파버 암연구소"})
    assert _agreement_events(db_url) == [
        (parties, "mou", "signed", date(2022, 6, 9), 1, 0),
        (parties, "mou", "signed", date(2024, 6, 11), 1, 0),
    ]
    # Counted once each in the event-grain question view.
    assert _rows(
        db_url,
        "select region_ko, korean_party, boston_party, signed_on "
        "from api_v2.boston_agreements_by_region order by signed_on",
    ) == [
        ("전라남도", "전라남도", "Dana-Farber Cancer Institute", date(2022, 6, 9)),
        ("전라남도", "전라남도", "Dana-Farber Cancer Institute", date(2024, 6, 11)),
    ]


def test_a_wire_copy_is_linked_to_its_original_and_adds_no_fact(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    _load(runner, db_url, tmp_path / "in", {"original.txt": GANGWON_ORIGINAL})
    _load(runner, db_url, tmp_path / "in", {"copy.txt": GANGWON_COPY})
    [(original_id, copy_id, similarity)] = _rows(
        db_url,
        "select o.article_id, c.article_id, c.duplicate_similarity from articles c "
        "join articles o on o.article_id = c.duplicate_of",
    )
    assert similarity >= 0.9
    assert _rows(db_url, f"select source_name from articles where article_id = {original_id}") == [
        ("original.txt",)
    ]
    # No fact of its own: the original's MOU, visit and amount are there once.
    for view in ("agreements", "visits", "amounts", "mentions"):
        assert _rows(
            db_url, f"select count(*) from api_v1.{view} where article_id = {copy_id}"
        ) == [(0,)], view
    assert _rows(db_url, "select count(*) from api_v1.amounts") == [(1,)]
    # One event, reported by two articles of which one is a copy.
    assert _agreement_events(db_url) == [
        (
            frozenset({"강원특별자치도", "브로드 연구소"}),
            "mou",
            "signed",
            date(2024, 5, 1),
            2,
            1,
        )
    ]
    copy_mention = _rows(
        db_url,
        "select is_copy, copy_of_article_id, evidence, "
        "substr(a.body, m.char_start + 1, m.char_end - m.char_start) "
        f"from api_v2.agreement_event_mentions m join articles a using (article_id) "
        f"where m.article_id = {copy_id}",
    )
    [(is_copy, copy_of, evidence, clause)] = copy_mention
    assert (is_copy, copy_of) == (True, original_id)
    assert evidence.startswith("강원특별자치도는 지난 1일(현지시간) 미국 보스턴 브로드연구소와")
    assert clause and clause in evidence
    assert _rows(db_url, "select article_count, copy_count, status from api_v2.visit_events") == [
        (2, 1, "completed")
    ]
    # The data checks agree, and catch a fact slipped into the copy.
    assert runner.invoke(cli, ["check"], env=cli_env(db_url)).exit_code == 0
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "insert into mentions (article_id, sentence_id, char_start, char_end, "
                "extractor_version, run_id, place_id, surface) "
                "select s.article_id, s.sentence_id, s.char_start, s.char_start + 3, 'test', "
                "r.run_id, (select min(place_id) from places), 'x' "
                f"from sentences s, etl_runs r where s.article_id = {copy_id} limit 1"
            )
        )
    engine.dispose()
    result = runner.invoke(cli, ["check"], env=cli_env(db_url))
    assert result.exit_code == 5
    assert "copies_add_no_facts" in result.output


def test_two_reports_of_one_visit_and_a_visit_a_year_later(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    _load(runner, db_url, tmp_path / "in", {"original.txt": GANGWON_ORIGINAL})
    _load(
        runner,
        db_url,
        tmp_path / "in",
        {"report.txt": GANGWON_VISIT_REPORT, "next_year.txt": GANGWON_VISIT_NEXT_YEAR},
    )
    assert _rows(
        db_url,
        "select official_name_ko, target_en, status, visit_on, article_count "
        "from api_v2.visit_events order by visit_on",
    ) == [
        ("김진태", "Broad Institute of MIT and Harvard", "completed", date(2024, 5, 1), 2),
        ("김진태", "Broad Institute of MIT and Harvard", "completed", date(2025, 5, 7), 1),
    ]


def test_reprocess_keeps_events_and_copies(runner: CliRunner, db_url: str, tmp_path: Path) -> None:
    _load(
        runner,
        db_url,
        tmp_path / "in",
        {"a.txt": CHUNGBUK_MIT_PAPER, "b.txt": CHUNGBUK_MIT_RIVAL, "c.txt": GANGWON_ORIGINAL},
    )
    _load(runner, db_url, tmp_path / "in", {"d.txt": GANGWON_COPY})
    before = _agreement_events(db_url)
    result = runner.invoke(cli, ["reprocess", "--all"], env=cli_env(db_url))
    assert result.exit_code == 0, result.output
    assert _agreement_events(db_url) == before
    assert _rows(db_url, "select count(*) from agreement_events") == [(2,)]
    assert _rows(db_url, "select count(*) from articles where duplicate_of is not null") == [(1,)]


def test_the_reader_role_reads_api_v2(db_url: str) -> None:
    assert _rows(
        db_url,
        "select count(*) from information_schema.role_table_grants "
        "where grantee = 'kbio_reader' and table_schema = 'api_v2' and privilege_type = 'SELECT'",
    ) == [(5,)]


def test_matching_rules() -> None:
    # Stated dates: a day apart is Boston and Korea's time difference; a month is not.
    assert dates_agree(date(2025, 5, 15), "day", date(2025, 5, 16), "day", days=1)
    assert not dates_agree(date(2025, 5, 15), "day", date(2025, 6, 15), "day", days=1)
    assert dates_agree(date(2025, 5, 15), "day", date(2025, 5, 1), "month", days=1)
    assert dates_agree(None, None, date(2025, 5, 1), "day", days=1)
    # A report dated 70 days after the event's reports is another occasion.
    assert not within(date(2025, 7, 24), date(2025, 5, 15), date(2025, 5, 20), 60)
    assert within(None, date(2025, 5, 15), date(2025, 5, 20), 60)
    # One party in common is not enough; a witness institution more is.
    a, b, c = "o1", "o2", "o3"
    assert parties_agree(frozenset({a, b}), frozenset({a, b, c}))
    assert not parties_agree(frozenset({a, b}), frozenset({a, c}))
    assert not parties_agree(frozenset({a}), frozenset({a}))

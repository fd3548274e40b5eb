"""Visits on sentences of our own: visitor, target, status, date.

Patterns covered: nouns between the target and its particle (``보스턴 의료기기 산업단지를
둘러봤다``), one possessive (``X의 현장을 방문``), a listed rest (``A, B 센터 등을 찾아``), an
adverbial noun before the verb (``X 전격 방문``), the country in the verb (``방한한 이름
직함은``), presence abroad (``보스턴에서 간담회를 가졌다``), and the near-misses: booths at a
fair are not their companies, someone else as the subject (``학생 2명이 X를 방문``), an
official as an object (``이름 회장을 비롯해 … 둘러봤다``), presence at home is no visit,
and ``순방한다`` holds no 방한.
Also: a visit verb with its object (``X를 방문했다``, ``X를 찾는다``, ``순방했다``), a subject
carried to the next sentence, a companion (``X와 함께``) is not the visitor.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from etl.extract.lexicon import RULES
from tests.helpers import extract_text, visits

MARCH_20 = date(2024, 3, 20)
MAY_20 = date(2024, 5, 20)


def _visits(text: str) -> dict[tuple[str, str], tuple[str, date | None]]:
    return visits(extract_text(text, MAY_20))


def test_nouns_between_target_and_particle() -> None:
    assert _visits("홍길동 대전시장이 지난 8일 미국 보스턴 의료기기 산업단지를 둘러봤다.") == {
        ("홍길동", "us-ma-boston"): ("completed", date(2024, 5, 8))
    }


def test_possessive_before_the_place_noun() -> None:
    found = _visits(
        "존 스미스(John Smith) 매스챌린지 대표가 14일 성동구의 창업 거점 부지를 방문했다."
    )
    assert found == {("존 스미스", "kr-seoul/성동구"): ("completed", date(2024, 5, 14))}


def test_listed_rest_ending_in_deung() -> None:
    found = _visits("정 군수는 8일 조슬린 당뇨병센터, 세포치료 연구 시설 등을 찾았다.")
    assert found == {}  # 정 군수 refers to no one named in this text
    found = _visits("정다운 홍천군수는 8일 조슬린 당뇨병센터, 세포치료 연구 시설 등을 찾았다.")
    assert found == {("정다운", "joslin"): ("completed", date(2024, 5, 8))}


def test_adverbial_noun_before_the_verb() -> None:
    found = _visits("지난해 5월 김철수 총장의 브랜다이스대 깜짝 방문 이후 교류가 늘었다.")
    assert found == {("김철수", "brandeis"): ("completed", date(2023, 5, 1))}


def test_country_in_the_verb() -> None:
    found = _visits("지난주 방한한 제임스 와트 보스턴대 학장은 고려대 교수들과 공동 강의를 열었다.")
    assert found == {("제임스 와트", "kr"): ("completed", None)}


def test_presence_abroad() -> None:
    found = _visits(
        "이철우 경북지사는 7일(현지시간) 케임브리지에서 한인 과학자들과 조찬 모임을 열었다."
    )
    assert found == {("이철우", "us-ma-cambridge"): ("completed", date(2024, 5, 7))}


def test_near_misses() -> None:
    # Booths at a fair are not visits to the companies.
    assert _visits("홍길동 회장은 셀트리온, 삼성바이오로직스 등 기업 부스를 둘러봤다.") == {}
    # Someone else is the subject of the visit.
    text = "홍길동 부경대 총장은 협약을 맺었다.\n보스턴칼리지 연구원 3명이 부경대를 찾았다."
    assert _visits(text) == {}
    # An official named as the object is not the visitor.
    text = "김철수 대한상공회의소 회장을 비롯한 인사들을 만나고 셀트리온 연구동도 둘러봤다."
    assert _visits(text) == {}
    # Presence at home is not a visit; 순방한다 holds no 방한.
    assert _visits("이철우 경북지사는 7일 대구에서 기업인 간담회를 가졌다.") == {}
    assert _visits("김철수 파주시장은 오는 27일 마이애미 일대를 순방한다.") == {
        ("김철수", "us-fl-miami"): ("planned", date(2024, 5, 27))
    }


def test_a_spelled_out_name_in_brackets_does_not_lengthen_the_phrase() -> None:
    text = (
        "정다운 홍천군수는 8일 조슬린 당뇨병센터를 찾았다.\n"
        "보스턴대학교(Boston University), 브로드 연구소 유전체 분석 플랫폼 GAP(Genomics Analysis Platform) "
        "등도 방문해 협력 방안을 나눴다."
    )
    found = _visits(text)
    assert {target for _, target in found} == {"joslin", "bu", "broad"}


def test_presence_abroad_carried_from_an_earlier_sentence() -> None:
    text = (
        "정다운 홍천군수는 8일 조슬린 당뇨병센터를 찾았다.\n"
        "9일 케임브리지 혁신센터에서는 지역 기업의 입주 방안에 대한 의견을 주고받았다."
    )
    found = _visits(text)
    assert ("정다운", "cic") in found


def test_presence_at_a_place_named_with_more_words_before_eseo() -> None:
    text = "존 스미스(John Smith) 매사추세츠주 주지사가 서울 성수동 글로벌호텔에서 간담회를 열었다."
    assert _visits(text) == {("존 스미스", "kr-seoul"): ("completed", None)}


def test_coordination_over_an_area_noun_and_a_locating_place() -> None:
    text = "정다운 홍천군수는 미국 시카고 일대와 보스턴 인근 켄달 스퀘어를 둘러봤다."
    assert set(_visits(text)) == {("정다운", "us-il-chicago"), ("정다운", "us-ma-kendall")}


def test_a_name_spelled_out_in_brackets_is_not_the_target() -> None:
    text = "존 스미스(John Smith) 매스챌린지 대표가 14일 성동구 K-BIO(서울바이오밸리)의 부지를 방문했다."
    assert set(_visits(text)) == {("존 스미스", "kr-seoul/성동구")}


def test_presence_at_an_institution_spelled_out_in_brackets() -> None:
    text = (
        "정다운 홍천군수는 8일 조슬린 당뇨병센터를 찾았다.\n"
        "9일 창업공간 CIC(Cambridge Innovation Center)에서는 입주 방안에 대한 의견을 주고받았다."
    )
    assert ("정다운", "cic") in _visits(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "이철우 경북도지사는 지난 15일(현지시간) 보스턴의 브로드연구소를 방문했다.",
            {("이철우", "broad"): ("completed", date(2024, 3, 15))},
        ),
        (
            "김동연 경기도지사는 오는 25일 매사추세츠 공과대학(MIT)을 방문할 예정이다.",
            {("김동연", "mit"): ("planned", date(2024, 3, 25))},
        ),
        (
            "박형준 부산시장 등 대표단은 3월 5일부터 8일까지 보스턴과 케임브리지를 순방했다.",
            {
                ("박형준", "us-ma-boston"): ("completed", date(2024, 3, 5)),
                ("박형준", "us-ma-cambridge"): ("completed", date(2024, 3, 5)),
            },
        ),
        (
            "이상민 행정안전부 장관은 이날 모더나 본사를 찾아 생산 시설을 둘러봤다.",
            {("이상민", "moderna"): ("completed", None)},
        ),
        (
            "유정복 인천시장은 다음 달 케임브리지 혁신센터(CIC)를 찾는다.",
            {("유정복", "cic"): ("planned", date(2024, 4, 1))},
        ),
    ],
)
def test_visit(text: str, expected: dict) -> None:
    assert visits(extract_text(text, MARCH_20)) == expected


def test_visit_subject_carries_to_the_next_sentence() -> None:
    text = "김영환 충북지사는 12일 보스턴에 도착했다.\n이어 하버드 의대를 방문해 협력을 논의했다."
    found = visits(extract_text(text, MARCH_20))
    # Arriving in Boston on the 12th is itself a visit to Boston.
    assert found == {
        ("김영환", "harvard-med"): ("completed", None),
        ("김영환", "us-ma-boston"): ("completed", date(2024, 3, 12)),
    }


def test_visitors_companion_is_not_the_visitor() -> None:
    text = "오영훈 제주지사는 로버트 랭어(Robert Langer) 교수와 함께 MIT를 방문했다."
    found = visits(extract_text(text, MARCH_20))
    assert set(found) == {("오영훈", "mit")}


def test_no_visit_without_a_visit_verb_or_object() -> None:
    text = "박형준 부산시장은 보스턴 바이오 생태계의 중요성을 강조했다. 방문객이 늘었다."
    assert visits(extract_text(text, MARCH_20)) == {}


def test_targets_before_an_adverbial_verb_form() -> None:
    text = "강원특별자치도는 김진태 지사가 10일(현지시간) 다나파버 암연구소와 보스턴 어린이병원을 잇따라 방문했다고 11일 밝혔다."
    found = visits(extract_text(text, MARCH_20))
    assert found == {
        ("김진태", "dana-farber"): ("completed", date(2024, 3, 10)),
        ("김진태", "bch"): ("completed", date(2024, 3, 10)),
    }


def test_also_visited() -> None:
    text = (
        "오세훈 서울시장은 이날 하버드대 의대를 방문한 데 이어, MIT 코흐 통합암연구소도 둘러봤다."
    )
    assert set(visits(extract_text(text, MARCH_20))) == {
        ("오세훈", "harvard-med"),
        ("오세훈", "mit-koch"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "김철수 파주시장은 오는 28일부터 다음달 3일까지 5박 7일 일정으로 보스턴을 방문한다.",
        "김철수 파주시장은 5박 7일 일정으로 오는 28일부터 내달 3일까지 보스턴을 방문한다.",
        "김철수 파주시장은 28일부터 다음 달 3일까지 4박 6일간 미국 보스턴을 방문할 예정이다.",
    ],
)
def test_a_trip_across_a_year_end_starts_on_its_first_day(text: str) -> None:
    """Published 2024-12-20: the trip runs 12-28 to 01-03, and the visit's date is the
    start; 5박 7일 is its length, not the 7th."""
    extraction = extract_text(text, date(2024, 12, 20))
    (visit,) = extraction.visits
    assert (visit.target.key, visit.status) == ("us-ma-boston", "planned")
    assert visit.when is not None
    assert (visit.when.on, visit.when.end_on) == (date(2024, 12, 28), date(2025, 1, 3))


def test_a_past_trip_of_days_starts_on_its_first_day() -> None:
    text = "김철수 파주시장은 지난 5일부터 8일까지 3박 4일 일정으로 보스턴 일대를 방문했다."
    (visit,) = extract_text(text, date(2024, 12, 20)).visits
    assert visit.status == "completed" and visit.when is not None
    assert (visit.when.on, visit.when.end_on) == (date(2024, 12, 5), date(2024, 12, 8))


# -- token frames: patterns added with the rules-as-data work (issue 22) ----------------


def test_those_who_attend_an_event_abroad_visit_its_place() -> None:
    text = "삼성바이오로직스는 3일 케임브리지에서 존 림 사장 등 30여명이 참석한 가운데 연구소 개소식을 열었다."
    assert set(_visits(text)) == {("존 림", "us-ma-cambridge")}
    # The place may be the last sentence's.
    text = "한미약품은 5일 보스턴에서 협약식을 열었다.\n이날 행사에는 박재현 대표와 김철수 상무가 참석했다."
    assert set(_visits(text)) == {("박재현", "us-ma-boston"), ("김철수", "us-ma-boston")}


def test_a_korean_minister_abroad_visits_the_place() -> None:
    text = "이종호 과학기술정보통신부 장관은 12일 보스턴에서 바이오 기업 대표들과 간담회를 가졌다."
    assert _visits(text) == {("이종호", "us-ma-boston"): ("completed", date(2024, 5, 12))}


def test_another_sides_delegation_is_not_the_officials_visit() -> None:
    text = (
        "김영환 충북지사는 7일 메릴랜드주를 방문했다.\n이어 메릴랜드주 대표단이 충북도청을 찾았다."
    )
    assert set(_visits(text)) == {("김영환", "us-md")}


def test_the_officials_own_delegation_carries_their_visit() -> None:
    # 대구 방문단 after the mayor of 대구: his delegation, so his visit.
    text = (
        "정다운 대구시장은 7일 보스턴시를 방문했다.\n"
        "대구 방문단은 이어 조슬린 당뇨병센터를 둘러보며 운영 방식을 살펴봤다."
    )
    assert set(_visits(text)) == {("정다운", "boston-city"), ("정다운", "joslin")}


def test_a_list_closed_by_deung_and_a_generic_head() -> None:
    text = "김진태 강원지사는 MIT, 하버드대 등 주요 기관을 방문했다."
    assert set(_visits(text)) == {("김진태", "mit"), ("김진태", "harvard")}


def test_a_quoted_name_after_a_place_is_where_it_happened() -> None:
    text = "오세훈 서울시장은 보스턴 ‘케임브리지 이노베이션 센터’에서 창업가들과 간담회를 가졌다."
    assert set(_visits(text)) == {("오세훈", "cic")}


def test_a_new_pattern_in_the_rule_files_needs_no_code(tmp_path: Path) -> None:
    # Rules are data: a copy of etl/extract/rules with one new word class and one new
    # pattern (답방, a return visit) gives visits with that pattern's id and confidence.
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    with (rules / "lexicon.csv").open("a", encoding="utf-8") as handle:
        handle.write("답방,NNG,visit_return\n")
    patterns = json.loads((rules / "visits.json").read_text(encoding="utf-8"))
    patterns["patterns"].append(
        {
            "id": "vis.return_visit",
            "label": "visit",
            "confidence": 0.7,
            "description": "A return visit: X를 답방했다.",
            "pattern": [{"_": {"lex": "visit_return"}}],
        }
    )
    (rules / "visits.json").write_text(json.dumps(patterns, ensure_ascii=False), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("김영환 충북지사는 12일 보스턴 어린이병원을 답방했다.\n", encoding="utf-8")

    def visit_rows(rules_dir: Path | None) -> list[dict]:
        env = {k: v for k, v in os.environ.items() if k != "KBIO_RULES_DIR"}
        if rules_dir is not None:
            env["KBIO_RULES_DIR"] = str(rules_dir)
        out = subprocess.run(
            [sys.executable, "-m", "etl", "extract", "--format", "json", str(page)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [row for row in json.loads(out) if row["kind"] == "visit"]

    assert visit_rows(None) == []  # the shipped rules know no 답방
    (row,) = visit_rows(rules)
    assert row["what"] == "김영환 → 보스턴 어린이병원"
    assert (row["pattern"], row["confidence"]) == ("vis.return_visit", "0.70")


def test_that_day_of_an_event_abroad_dates_those_who_attended() -> None:
    text = "한미약품은 12일 보스턴에서 협약식을 열었다.\n이날 행사에는 박재현 대표가 참석했다."
    assert _visits(text) == {("박재현", "us-ma-boston"): ("completed", date(2024, 5, 12))}


def test_a_date_before_being_located_somewhere_is_the_visits() -> None:
    text = "김동연 경기지사는 15일 샌디에이고에 위치한 바이오콤을 방문했다."
    assert _visits(text) == {("김동연", "biocom"): ("completed", date(2024, 5, 15))}


def test_meeting_an_institutions_people_abroad_is_visiting_it() -> None:
    text = (
        "김진태 강원지사는 하버드 의대와 보스턴 어린이병원 관계자들을 잇따라 만나 협력을 논의했다."
    )
    assert set(_visits(text)) == {("김진태", "harvard-med"), ("김진태", "bch")}


def test_who_is_quoted_is_not_who_travels_on() -> None:
    text = (
        "김진태 강원지사는 8일 보스턴에 도착했다.\n"
        "박순만 보건산업진흥원 미국지사장은 “많은 기업이 진출하길 기대한다”고 밝혔다.\n"
        "이어 하버드 의대를 찾아 협력 방안을 논의했다."
    )
    assert ("김진태", "harvard-med") in _visits(text)
    assert ("박순만", "harvard-med") not in _visits(text)


def test_a_title_without_a_name_as_subject_is_someone_else() -> None:
    text = (
        "김동연 경기지사는 8일 보스턴을 찾았다.\n바이오콤 회장과 부회장은 지난해 경기도청을 찾았다."
    )
    assert set(_visits(text)) == {("김동연", "us-ma-boston")}


def test_a_joint_booth_at_a_fair_is_not_the_region() -> None:
    text = "김관영 전북지사는 CES 2024의 전북 공동관을 둘러봤다."
    assert _visits(text) == {}


def test_a_side_named_with_eseon_is_not_the_venue() -> None:
    text = (
        "협약식은 화상으로 진행됐으며 보스턴대 측에선 존 스미스 교수가, "
        "서울대병원에선 김민준 교수가 참석했다."
    )
    assert _visits(text) == {}


def test_everyone_heading_the_sentence_was_there() -> None:
    text = (
        "존 스미스 보스턴대 학장과 김민준 성균관대 부총장은 17일 보스턴대 공학관에서 "
        "협약서에 서명했다."
    )
    assert set(_visits(text)) == {("김민준", "bu")}  # the visitor is the one from abroad


@pytest.mark.parametrize(
    "subject",
    [
        "정다운 홍천군수와 방문단은",
        "정다운 홍천군수와 홍천 방문단(가나협회, 다라재단)이",
        "정다운 홍천군수와 경제 협력 대표단이",
    ],
)
def test_an_official_and_their_delegation_as_one_subject(subject: str) -> None:
    # 와/과 before a delegation noun that is the subject joins the official to it; a
    # bracket naming the delegation's members does not end the subject.
    found = _visits(f"{subject} 지난 8일 미국 보스턴의 조슬린 당뇨병센터를 방문했다.")
    assert found == {("정다운", "joslin"): ("completed", date(2024, 5, 8))}


def test_an_official_with_a_delegation_as_partner_is_not_its_member() -> None:
    # The delegation of another side is met, not joined: 와 before a predicate's partner.
    found = _visits("정다운 홍천군수는 지난 8일 보스턴 방문단과 함께 조슬린 당뇨병센터를 둘러봤다.")
    assert found == {("정다운", "joslin"): ("completed", date(2024, 5, 8))}


@pytest.mark.parametrize(
    "objects",
    [
        "브랜다이스대 연구실, 제약사 바이오젠 본사를",
        "브랜다이스대(Brandeis) 연구실, 글로벌 제약사 바이오젠 본사 등을",
    ],
)
def test_a_list_of_phrases_each_around_a_name(objects: str) -> None:
    # Each member is a phrase with a name inside (A 연구실, 제약사 B 본사): the list goes
    # on past the common nouns to the next name and ends in the last phrase's role.
    found = _visits(f"정다운 대구시장은 8일 {objects} 차례로 둘러봤다.")
    assert set(found) == {("정다운", "brandeis"), ("정다운", "biogen")}


def test_a_name_after_a_phrase_with_no_role_does_not_join_a_list() -> None:
    found = _visits("정다운 대구시장은 8일 브랜다이스대 연구실, 바이오젠 같은 기업이 모인 곳을 찾았다.")
    assert ("정다운", "biogen") not in found


def test_an_institution_that_runs_something_is_not_where_the_official_was() -> None:
    # X에서 운영하는 Y: 에서 marks who runs Y; X에서 열린 포럼: where it was held.
    text = (
        "정다운 대구시장은 8일 제약사 바이오젠에서 운영하는 창업 지원 공간을 둘러보며 "
        "운영 방식을 살폈다."
    )
    assert ("정다운", "biogen") not in _visits(text)
    text = "정다운 대구시장은 8일 하버드대에서 열린 포럼에 참석해 발표했다."
    assert ("정다운", "harvard") in _visits(text)


@pytest.mark.parametrize("branch", ["지점을", "캠퍼스를", "사무소를"])
def test_an_institutions_branch_in_a_place_is_the_institution(branch: str) -> None:
    # OO 보스턴 지점을 방문: the institution's branch, not a visit to the city alone.
    found = _visits(f"정다운 대구시장은 8일 바이오젠 보스턴 {branch} 방문했다.")
    assert ("정다운", "biogen") in found


def test_the_head_in_brackets_after_the_institution_heading_the_sentence_travels() -> None:
    text = (
        "가나대학교(총장 정다운)는 연구 역량 강화에 나섰다고 밝혔다.\n"
        "또 미국 보스턴 인근 켄달 스퀘어를 방문하고 벤치마킹을 진행했다."
    )
    assert set(_visits(text)) == {("정다운", "us-ma-kendall")}


def test_several_institutions_with_their_heads_in_brackets_name_no_traveller() -> None:
    text = (
        "가나바이오(대표 정다운)와 다라바이오(대표 김민수)는 서울시의 지원을 받는다.\n"
        "이들 기업은 다음 달 보스턴 켄달 스퀘어를 방문한다."
    )
    assert _visits(text) == {}


def test_someone_else_heading_an_earlier_clause_is_the_visitor_not_the_carried_one() -> None:
    # The students heading the sentence visit; the clause of the visit has no subject of its
    # own, but the sentence has, so the official carried from before is not the visitor.
    text = (
        "고려대학교(총장 정다운)는 미국 터프츠대학교와 업무협약을 체결했다고 7일 밝혔다.\n"
        "해리슨과 샤니는 터프츠대 학사과정에서 연구 프로그램에 참여했으며 이번에 서울대를 "
        "방문하게 됐다."
    )
    assert _visits(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "김영환 충북지사를 비롯한 충북도 대표단은 23일 보스턴 랩센트럴을 방문했다.",
        "김영환 충북지사를 포함한 방문단 10명이 23일 보스턴 랩센트럴을 찾았다.",
    ],
)
def test_an_official_named_first_in_a_delegation_travels_with_it(text: str) -> None:
    assert _visits(text) == {("김영환", "labcentral"): ("completed", date(2024, 4, 23))}



@pytest.mark.parametrize(
    "text",
    [
        # A visit not made, called off, or not planned is no visit.
        "강기정 광주시장은 하버드대를 방문하지 않았다.",
        "강기정 광주시장의 하버드대 방문은 일정 문제로 취소됐다.",
        "강기정 광주시장은 하버드대 방문을 취소했다.",
        "강기정 광주시장은 올해 하버드대를 방문할 계획이 없다.",
    ],
)
def test_a_visit_negated_or_called_off_is_none(text: str) -> None:
    assert visits(extract_text(text, date(2024, 5, 20))) == {}


def test_a_visit_for_a_purpose_is_planned() -> None:
    found = visits(extract_text("강기정 광주시장은 하버드대를 방문하기 위해 출국했다.", date(2024, 5, 20)))
    assert found == {("강기정", "harvard"): ("planned", None)}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # Arriving at or heading for a place abroad is being there.
        ("강기정 광주시장은 지난 15일 보스턴에 도착했다.", "us-ma-boston"),
        ("강기정 광주시장은 하버드대로 향했다.", "harvard"),
    ],
)
def test_arriving_abroad_is_a_visit(text: str, target: str) -> None:
    assert ("강기정", target) in visits(extract_text(text, date(2024, 5, 20)))


@pytest.mark.parametrize(
    "text",
    [
        "강기정 광주시장은 17일 귀국해 인천공항에 도착했다.",  # coming home
        "강기정 광주시장은 서울로 향했다.",  # a place of the official's own country
        # An online ceremony abroad: no one was there.
        "강기정 광주시장은 29일 미국 샌프란시스코 연구센터의 온라인 개소식에서 축사를 했다.",
    ],
)
def test_coming_home_or_taking_part_from_afar_is_no_visit(text: str) -> None:
    assert visits(extract_text(text, date(2024, 5, 20))) == {}


def test_the_head_named_in_brackets_with_their_own_title_leads_the_delegation() -> None:
    # (단장 OO 지사): the title after the name is the person's office.
    found = visits(
        extract_text(
            "전남도 방문단(단장 김영록 지사)은 15일 모더나 본사를 방문했다.", date(2024, 5, 20)
        )
    )
    assert found == {("김영록", "moderna"): ("completed", date(2024, 5, 15))}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A week named relative to the report says which side the visit is on.
        ("다음 주 하버드대를 방문하는 김영록 전남지사는 협약을 논의한다.", "planned"),
        ("김영록 전남지사는 내주 하버드대를 방문한다.", "planned"),
        ("김영록 전남지사는 지난주 하버드대를 방문했다.", "completed"),
    ],
)
def test_a_week_word_sets_the_visits_side(text: str, status: str) -> None:
    assert visits(extract_text(text, date(2024, 5, 20))) == {("김영록", "harvard"): (status, None)}


def test_officials_listed_as_the_subject_visit_together() -> None:
    found = visits(
        extract_text("이명수 이사장과 김성진 단장이 함께 15일 보스턴을 방문했다.", date(2024, 5, 20))
    )
    assert found == {
        ("이명수", "us-ma-boston"): ("completed", date(2024, 5, 15)),
        ("김성진", "us-ma-boston"): ("completed", date(2024, 5, 15)),
    }


def test_an_official_in_the_object_does_not_visit() -> None:
    # The one visited is not a visitor: only the subject's list travels.
    found = visits(extract_text("이명수 이사장은 15일 보스턴에서 김성진 단장을 만났다.", date(2024, 5, 20)))
    assert ("김성진", "us-ma-boston") not in found


def test_attending_at_a_venue_no_list_has_abroad_is_a_visit() -> None:
    # The venue's name opens with its city: it is in the United States.
    found = visits(
        extract_text(
            "강기정 광주시장은 15일 보스턴 컨벤션센터에서 열린 투자설명회에 참석했다.",
            date(2024, 5, 20),
        )
    )
    assert found == {("강기정", "unresolved:보스턴컨벤션센터"): ("completed", date(2024, 5, 15))}


@pytest.mark.parametrize(
    ("text", "status", "visited_on"),
    [
        # A future modifier of the official: the visit is still to come.
        ("다음 달 하버드대를 방문할 김영록 전남지사는 협약을 논의한다.", "planned", date(2024, 6, 1)),
        # A trip written as one word with its road (출장길).
        ("김영록 전남지사는 15일 하버드대 출장길에 올랐다.", "completed", date(2024, 5, 15)),
    ],
)
def test_a_future_modifier_and_a_trip_road(text: str, status: str, visited_on: date) -> None:
    assert visits(extract_text(text, date(2024, 5, 20))) == {
        ("김영록", "harvard"): (status, visited_on)
    }


@pytest.mark.parametrize(
    "text",
    [
        # Asking someone else to come is no visit of the one who asks.
        "강기정 광주시장은 미셸 우 보스턴 시장에게 광주 방문을 요청했다.",
        "강기정 광주시장은 하버드 의대 학장에게 광주를 방문해 줄 것을 요청했다.",
        "강기정 광주시장은 하버드 의대 학장에게 광주를 방문해 달라고 당부했다.",
        # A wish, a condition, a schedule called off, a plan dropped or denied.
        "강기정 광주시장은 하버드대를 방문하고 싶다고 말했다.",
        "강기정 광주시장이 하버드대를 방문한다면 협력이 빨라질 것이다.",
        "강기정 광주시장의 보스턴 방문 일정이 전격 취소됐다.",
        "강기정 광주시장은 올해 보스턴 방문 계획은 없다고 밝혔다.",
        "강기정 광주시장은 보스턴 방문 계획을 접었다.",
    ],
)
def test_a_visit_asked_wished_supposed_or_dropped_is_none(text: str) -> None:
    assert visits(extract_text(text, date(2024, 5, 20))) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Others sent by the official, or going in their place: the official did not go.
        ("김영록 지사의 지시에 따라 도 직원들이 MIT를 방문했다.", {}),
        ("이장우 시장 대신 이승찬 부시장이 MIT를 방문했다.", {("이승찬", "mit"): ("completed", None)}),
        ("김영록 전남지사와 만난 학생들이 MIT를 방문했다.", {}),
        # Listed with the clause's subject, the official went.
        ("김영록 전남지사와 도 관계자들이 MIT를 방문했다.", {("김영록", "mit"): ("completed", None)}),
    ],
)
def test_who_went_when_others_are_named(text: str, expected: dict) -> None:
    assert visits(extract_text(text, date(2024, 5, 20))) == expected


@pytest.mark.parametrize("adverb", ["잇달아", "연이어"])
def test_an_adverb_of_succession_before_the_visit(adverb: str) -> None:
    found = visits(extract_text(f"김영록 전남지사는 MIT와 랩센트럴을 {adverb} 방문했다.", date(2024, 5, 20)))
    assert set(found) == {("김영록", "mit"), ("김영록", "labcentral")}

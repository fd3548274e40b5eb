"""Visits and agreements on sentences of our own: status, parties, dates, counts."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import agreements, extract_text, visits

PUBLISHED = date(2024, 3, 20)


@pytest.mark.parametrize(
    ("text", "kind", "parties", "status", "signed_on"),
    [
        (
            "충북도는 지난 9일 하버드대학교와 바이오 인재 양성을 위한 업무협약을 체결했다고 밝혔다.",
            "mou",
            {"gov:kr-chungbuk", "harvard"},
            "signed",
            date(2024, 3, 9),
        ),
        (
            "대구시는 다음 달 보스턴 어린이병원과 공동연구 협약을 체결할 계획이다.",
            "mou",
            {"gov:kr-daegu", "bch"},
            "planned",
            date(2024, 4, 1),
        ),
        (
            "셀트리온은 미국 바이오젠과 기술이전 계약을 맺었다.",
            "contract",
            {"celltrion", "biogen"},
            "signed",
            None,
        ),
        (
            "서울대병원과 다나파버 암연구소는 차세대 항암제 공동연구를 추진하기로 합의했다.",
            "cooperation",
            {"snuh", "dana-farber"},
            "agreed",
            None,
        ),
        (
            "강원도는 2025년 1월 MassBio와 양해각서(MOU)를 교환했다.",
            "mou",
            {"gov:kr-gangwon", "massbio"},
            "signed",
            date(2025, 1, 1),
        ),
        (
            "경기도와 매사추세츠주 정부는 오는 25일 바이오 협력 MOU를 체결한다.",
            "mou",
            {"gov:kr-gyeonggi", "ma-state"},
            "planned",
            date(2024, 3, 25),
        ),
        (
            "한미약품은 브로드연구소와 공동연구 협약을 체결하고 신약 개발에 나선다.",
            "mou",
            {"hanmi", "broad"},
            "signed",
            None,
        ),
        (
            "아주대학교는 Cellix Therapeutics와 라이선스 계약을 체결했다.",
            "contract",
            {"ajou", "unresolved:cellixtherapeutics"},
            "signed",
            None,
        ),
    ],
)
def test_agreement(
    text: str, kind: str, parties: set[str], status: str, signed_on: date | None
) -> None:
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {(kind, frozenset(parties)): (status, signed_on)}


@pytest.mark.parametrize(
    "text",
    [
        "두 기관은 지난해 체결한 업무협약의 후속 조치를 논의했다.",  # refers back, no parties
        "총 12건의 MOU가 체결됐다.",  # a count, not twelve agreements
        "서울대병원과 MIT 간 연구협력 방안이 논의됐다.",  # discussed only
        "‘한미 바이오 협력 협약’의 의미를 설명했다.",  # a title in quotes, nothing signed
    ],
)
def test_no_agreement(text: str) -> None:
    assert agreements(extract_text(text, PUBLISHED)) == {}


def test_count_is_recorded_as_a_count() -> None:
    extraction = extract_text("이번 순방에서 총 12건의 MOU가 체결됐다.", PUBLISHED)
    assert [(c.kind, c.quantity) for c in extraction.agreement_counts] == [("mou", 12)]
    assert extraction.agreements == []


def test_amount_belongs_to_the_agreement_in_its_clause() -> None:
    extraction = extract_text(
        "셀트리온은 바이오젠과 최대 5억 달러 규모의 공급 계약을 체결했고, 별도로 100억 원을 투자한다.",
        PUBLISHED,
    )
    (agreement,) = extraction.agreements
    owners = {int(a.value): a.agreement_local_id for a in extraction.amounts}
    assert owners == {500_000_000: agreement.local_id, 10_000_000_000: None}


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
    assert visits(extract_text(text, PUBLISHED)) == expected


def test_visit_subject_carries_to_the_next_sentence() -> None:
    text = "김영환 충북지사는 12일 보스턴에 도착했다.\n이어 하버드 의대를 방문해 협력을 논의했다."
    found = visits(extract_text(text, PUBLISHED))
    assert found == {("김영환", "harvard-med"): ("completed", None)}


def test_visitors_companion_is_not_the_visitor() -> None:
    text = "오영훈 제주지사는 로버트 랭어(Robert Langer) 교수와 함께 MIT를 방문했다."
    found = visits(extract_text(text, PUBLISHED))
    assert set(found) == {("오영훈", "mit")}


def test_no_visit_without_a_visit_verb_or_object() -> None:
    text = "박형준 부산시장은 보스턴 바이오 생태계의 중요성을 강조했다. 방문객이 늘었다."
    assert visits(extract_text(text, PUBLISHED)) == {}


def test_targets_before_an_adverbial_verb_form() -> None:
    text = "강원특별자치도는 김진태 지사가 10일(현지시간) 다나파버 암연구소와 보스턴 어린이병원을 잇따라 방문했다고 11일 밝혔다."
    found = visits(extract_text(text, PUBLISHED))
    assert found == {
        ("김진태", "dana-farber"): ("completed", date(2024, 3, 10)),
        ("김진태", "bch"): ("completed", date(2024, 3, 10)),
    }


def test_bare_province_word_is_the_articles_province() -> None:
    text = (
        "강원특별자치도는 김진태 지사가 10일 보스턴의 다나파버 암연구소를 방문했다고 밝혔다.\n"
        "이 자리에서 도는 다나파버 암연구소와 암 치료제 공동연구를 위한 업무협약을 맺었다."
    )
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {("mou", frozenset({"gov:kr-gangwon", "dana-farber"})): ("signed", None)}


def test_officials_institutions_are_the_parties() -> None:
    text = "박성훈 경북대 총장과 데이비드 스콧(David Scott) 보스턴대 부총장은 학생 교류 협정을 체결했다."
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {("mou", frozenset({"knu", "bu"})): ("signed", None)}


def test_an_unnamed_counterpart_makes_no_agreement() -> None:
    text = "삼성바이오로직스는 지난달 미국 보스턴 소재 바이오기업과 1억 2천만 달러 규모의 위탁생산 계약을 체결했다."
    extraction = extract_text(text, PUBLISHED)
    assert agreements(extraction) == {}
    assert [(int(a.value), a.currency) for a in extraction.amounts] == [(120_000_000, "USD")]


def test_a_quoted_name_is_still_a_party_and_the_amount_is_its_agreements() -> None:
    text = "셀트리온은 지난 3일 케임브리지에 있는 바이오기업 '제너레이트 바이오메디슨'과 최대 1조 원 규모의 신약 공동개발 계약을 맺었다고 5일 밝혔다."
    extraction = extract_text(text, PUBLISHED)
    assert agreements(extraction) == {
        ("contract", frozenset({"celltrion", "generate"})): ("signed", date(2024, 3, 3))
    }
    (amount,) = extraction.amounts
    assert (int(amount.value), amount.currency, amount.qualifier) == (
        1_000_000_000_000,
        "KRW",
        "at_most",
    )
    assert amount.agreement_local_id == extraction.agreements[0].local_id


def test_co_signers_facing_an_unnamed_counterpart_are_no_agreement() -> None:
    text = "충남도와 천안시는 보스턴 소재 바이오 기업 10곳과 투자 협약을 체결했다."
    assert agreements(extract_text(text, PUBLISHED)) == {}


def test_also_visited() -> None:
    text = (
        "오세훈 서울시장은 이날 하버드대 의대를 방문한 데 이어, MIT 코흐 통합암연구소도 둘러봤다."
    )
    assert set(visits(extract_text(text, PUBLISHED))) == {
        ("오세훈", "harvard-med"),
        ("오세훈", "mit-koch"),
    }

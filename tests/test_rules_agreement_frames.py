"""Agreement frames on sentences of our own: the argument patterns real news uses.

Patterns covered: officials who sign stand for their institutions (``A대 홍길동 총장과
B연구소 존 스미스(John Smith) 소장이 각각 서명``), the sentence subject joining a partner
in a later clause (``A시는 …를 공동 주최하고, B와의 업무협약을 체결했다``), a unit speaking
for its institution (``A병원 OO과는 …``), a deal named by its noun (``X 인수를 마무리``),
``로부터`` partners, ``㈜`` after a name, ``체결한 바 있다``. Near-misses: a unit with no
named counterpart, and an agreement only referred to (``A와 체결한 협약``).
"""

from __future__ import annotations

from datetime import date

from tests.helpers import agreements, extract_text

PUBLISHED = date(2024, 5, 20)


def test_signatories_stand_for_their_institutions() -> None:
    found = agreements(
        extract_text(
            "이번 협약은 지난 2일 서울대 김철수 부총장과 같은 달 13일 MIT 존 스미스(John Smith) "
            "소장이 각각 서명함으로써 공식 발효됐다.",
            PUBLISHED,
        )
    )
    assert found == {("mou", frozenset({"snu", "mit"})): ("signed", date(2024, 5, 2))}


def test_subject_of_an_earlier_clause_is_a_party() -> None:
    found = agreements(
        extract_text(
            "대전시는 보스턴에서 열린 국제심포지엄을 공동 주최하고, 하버드대와의 업무협약(MOU)을 체결했다.",
            PUBLISHED,
        )
    )
    assert found == {("mou", frozenset({"gov:kr-daejeon", "harvard"})): ("signed", None)}


def test_a_department_speaks_for_its_hospital() -> None:
    found = agreements(
        extract_text(
            "서울대병원 소아청소년과는 최근 미국 하버드 의대(HMS)의 유전학과와 희귀질환 치료제 "
            "공동 개발 업무협약(MOU)을 체결했다고 5일 밝혔다.",
            PUBLISHED,
        )
    )
    # 5일 is when it was announced; the signing date is only 최근.
    assert found == {("mou", frozenset({"snuh", "harvard-med"})): ("signed", None)}


def test_deal_named_by_its_noun() -> None:
    found = agreements(
        extract_text("셀트리온이 미국 바이오기업 모더나 인수를 최종 완료했다.", PUBLISHED)
    )
    assert found == {("contract", frozenset({"celltrion", "moderna"})): ("signed", None)}


def test_licensing_from_a_partner_and_a_company_marker() -> None:
    found = agreements(
        extract_text(
            "한미약품㈜는 미국 다나파버 암연구소로부터 항암 후보물질을 도입하는 계약을 맺었다고 밝혔다.",
            PUBLISHED,
        )
    )
    assert found == {("contract", frozenset({"hanmi", "dana-farber"})): ("signed", None)}


def test_signed_in_the_past_with_ba_itda() -> None:
    found = agreements(
        extract_text(
            "지난 2월 고려대와 하버드대 간 공동연구에 대한 양해각서를 체결한 바 있다.", PUBLISHED
        )
    )
    assert found == {("mou", frozenset({"korea-univ", "harvard"})): ("signed", date(2024, 2, 1))}


def test_university_written_with_daehak() -> None:
    found = agreements(
        extract_text(
            "노스웨스턴대학과 성균관대학이 양해각서(MOU) 체결을 통해 교류의 첫걸음을 내디뎠다.",
            PUBLISHED,
        )
    )
    assert found == {("mou", frozenset({"northwestern", "skku"})): ("signed", None)}


def test_near_misses_make_no_agreement() -> None:
    # A unit with no named counterpart, and an agreement only referred to.
    assert (
        agreements(extract_text("서울대병원 소아청소년과는 협약식을 성황리에 마쳤다.", PUBLISHED))
        == {}
    )
    assert (
        agreements(extract_text("하버드대와 체결한 협약에 따라 연구진이 파견된다.", PUBLISHED))
        == {}
    )


def test_bracketed_short_name_stands_for_the_name_before_it() -> None:
    found = agreements(
        extract_text(
            "셀트리온은 미국계 제약사 일라이 릴리 앤드 컴퍼니(이하 릴리)와 기술 이전 계약을 체결했다.",
            PUBLISHED,
        )
    )
    assert found == {("contract", frozenset({"celltrion", "lilly"})): ("signed", None)}


def test_unnamed_counterpart_in_the_dative() -> None:
    # Both firms licensed to unnamed pharma companies: they are not each other's party.
    text = "최근 유한양행과 한미약품은 글로벌 제약사에 신약 후보물질을 이전하는 계약을 체결했다."
    assert agreements(extract_text(text, PUBLISHED)) == {}


def test_partnership_built_and_reported_tense() -> None:
    found = agreements(
        extract_text("서울대병원은 최근 MGH와 암 연구를 위한 협력 관계를 구축하였다.", PUBLISHED)
    )
    assert found == {("cooperation", frozenset({"snuh", "mgh"})): ("agreed", None)}
    found = agreements(
        extract_text("서울대병원은 MGH와 협력관계 구축에 나선다고 밝혔다.", PUBLISHED)
    )
    assert found == {("cooperation", frozenset({"snuh", "mgh"})): ("planned", None)}


def test_cooperation_with_a_foreign_governor_met_in_the_clause_before() -> None:
    found = agreements(
        extract_text(
            "충북도는 김영환 지사가 15일(현지시간) 미국 매사추세츠주에서 킴 드리콜(Kim Driscoll) "
            "부지사와 만나 바이오 분야에서 협력하기로 했다고 밝혔다.",
            PUBLISHED,
        )
    )
    assert found == {
        ("cooperation", frozenset({"gov:kr-chungbuk", "ma-state"})): ("agreed", date(2024, 5, 15))
    }


def test_embedded_subject_is_not_a_third_party_when_the_pair_is_stated_alone() -> None:
    text = (
        "서울대병원은 지난해 문을 연 서울대암병원이 이룬 성과를 바탕으로 MGH와 협력 관계를 구축했다.\n"
        "서울대병원은 최근 MGH와 진료와 연구를 위한 협력 관계를 구축하였다."
    )
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {("cooperation", frozenset({"snuh", "mgh"})): ("agreed", None)}

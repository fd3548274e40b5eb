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
            "해당 협약서는 지난 2일 고려대 박도윤 연구처장과 사흘 뒤 보스턴대 존 스미스(John Smith) "
            "학장이 따로 서명하면서 효력이 생겼다.",
            PUBLISHED,
        )
    )
    assert found == {("mou", frozenset({"korea-univ", "bu"})): ("signed", date(2024, 5, 2))}


def test_subject_of_an_earlier_clause_is_a_party() -> None:
    found = agreements(
        extract_text(
            "대전시는 케임브리지에서 투자설명회를 열고, 터프츠대와의 업무협약(MOU)도 맺었다.",
            PUBLISHED,
        )
    )
    assert found == {("mou", frozenset({"gov:kr-daejeon", "tufts"})): ("signed", None)}


def test_a_department_speaks_for_its_hospital() -> None:
    found = agreements(
        extract_text(
            "삼성서울병원 재활의학과는 보스턴대 의대(BUSM)의 신경과와 뇌졸중 재활기기 공동 연구에 "
            "관한 업무협약(MOU)을 체결했다고 5일 전했다.",
            PUBLISHED,
        )
    )
    # 5일 is when it was announced, not when it was signed.
    assert found == {("mou", frozenset({"samsung-mc", "bu-med"})): ("signed", None)}


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
            "터프츠대학과 연세대학이 양해각서(MOU) 체결로 공동 학위 과정을 열었다.",
            PUBLISHED,
        )
    )
    assert found == {("mou", frozenset({"tufts", "yonsei"})): ("signed", None)}


def test_near_misses_make_no_agreement() -> None:
    # A unit with no named counterpart, and an agreement only referred to.
    assert (
        agreements(extract_text("삼성서울병원 재활의학과는 협약식을 성황리에 마쳤다.", PUBLISHED))
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
        extract_text("연세대는 올해 보스턴대와 신약 연구 협력 체계를 구축했다.", PUBLISHED)
    )
    assert found == {("cooperation", frozenset({"yonsei", "bu"})): ("agreed", date(2024, 1, 1))}
    found = agreements(
        extract_text("카이스트는 다나파버 암연구소와 협력관계 구축에 착수한다고 알렸다.", PUBLISHED)
    )
    assert found == {("cooperation", frozenset({"kaist", "dana-farber"})): ("planned", None)}


def test_cooperation_with_a_foreign_governor_met_in_the_clause_before() -> None:
    found = agreements(
        extract_text(
            "전남도는 도지사 일행이 21일 메릴랜드주 아나폴리스에서 앤 밀러(Ann Miller) "
            "부지사와 면담하고 백신 분야에서 협력하기로 했다고 전했다.",
            PUBLISHED,
        )
    )
    assert found == {
        ("cooperation", frozenset({"gov:kr-jeonnam", "md-state"})): (
            "agreed",
            date(2024, 4, 21),
        )  # 21일, told in the past on 20 May
    }


def test_embedded_subject_is_not_a_third_party_when_the_pair_is_stated_alone() -> None:
    text = (
        "연세대는 작년 문을 연 세브란스병원이 쌓은 경험을 살려 보스턴대와 협력 관계를 구축했다.\n"
        "연세대는 보스턴대와 교육 분야의 협력 관계도 구축했다."
    )
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {("cooperation", frozenset({"yonsei", "bu"})): ("agreed", None)}


def test_one_subject_and_two_coordinated_partners_make_two_agreements() -> None:
    found = agreements(
        extract_text(
            "고려대는 보스턴대·터프츠대와 공동 학위 운영을 위한 협정을 체결했다.", PUBLISHED
        )
    )
    assert found == {
        ("mou", frozenset({"korea-univ", "bu"})): ("signed", None),
        ("mou", frozenset({"korea-univ", "tufts"})): ("signed", None),
    }
    # A three-party agreement stays one.
    found = agreements(
        extract_text("고려대는 보스턴대·터프츠대와 3자 업무협약을 맺었다.", PUBLISHED)
    )
    assert found == {("mou", frozenset({"korea-univ", "bu", "tufts"})): ("signed", None)}


def test_the_institution_hosting_the_signing_is_the_partner() -> None:
    found = agreements(
        extract_text(
            "아주대병원은 지난 3일 조슬린 당뇨병센터 본관에서 업무협약을 체결했다.", PUBLISHED
        )
    )
    assert found == {("mou", frozenset({"ajou-hosp", "joslin"})): ("signed", date(2024, 5, 3))}
    # A place where it happened is not a party.
    found = agreements(
        extract_text("아주대병원은 지난 3일 보스턴에서 업무협약을 체결했다.", PUBLISHED)
    )
    assert found == {}


def test_subject_of_the_sentence_and_the_signing_host_across_clauses() -> None:
    text = (
        "아주대병원은 지난 3일 조슬린 당뇨병센터 본관에서 보스턴 지역 프로그램을 통해 "
        "공동연구를 위한 업무협약을 체결했다고 5일 밝혔다."
    )
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {("mou", frozenset({"ajou-hosp", "joslin"})): ("signed", date(2024, 5, 3))}


def test_partners_met_as_people_with_the_subject_of_the_sentence_before() -> None:
    text = (
        "김철수 한국제약바이오협회장은 지난 7일 보스턴을 찾았다.\n"
        "또 터프츠대와 다나파버 암연구소 관계자를 만나 인력 교류 방안을 논의하고, "
        "협력을 확대하기로 했다."
    )
    found = agreements(extract_text(text, PUBLISHED))
    assert found == {
        ("cooperation", frozenset({"kpbma", "tufts"})): ("agreed", None),
        ("cooperation", frozenset({"kpbma", "dana-farber"})): ("agreed", None),
    }
    # With a subject of its own, the sentence is not the carried one's.
    text = "김철수 한국제약바이오협회장은 지난 7일 보스턴을 찾았다.\n연세대는 터프츠대와 협력을 확대하기로 했다."
    assert agreements(extract_text(text, PUBLISHED)) == {
        ("cooperation", frozenset({"yonsei", "tufts"})): ("agreed", None)
    }


def test_a_city_before_an_institution_is_its_location_not_a_party() -> None:
    # 미국 보스턴 OO연구소와: the city says where the institute is; it signs nothing.
    found = agreements(
        extract_text(
            "전라북도는 3일 미국 보스턴 화이트헤드연구소와 유전체 공동연구 업무협약을 체결했다.",
            PUBLISHED,
        )
    )
    assert found == {
        ("mou", frozenset({"gov:kr-jeonbuk", "whitehead"})): ("signed", date(2024, 5, 3))
    }


def test_a_company_written_with_sa_glued_to_its_name() -> None:
    # 머크사와, 화이자사는: 사 (company) glued to a foreign company's name.
    assert agreements(
        extract_text(
            "한미약품은 지난달 미국 머크사와 비만 치료제 라이선스 계약을 맺었다.", PUBLISHED
        )
    ) == {("contract", frozenset({"hanmi", "merck"})): ("signed", date(2024, 4, 1))}  # 지난달
    assert agreements(
        extract_text("화이자사는 셀트리온과 위탁생산 계약을 체결했다.", PUBLISHED)
    ) == {("contract", frozenset({"pfizer", "celltrion"})): ("signed", None)}
    # 사이 (between) after a space is not that suffix.
    assert (
        agreements(
            extract_text(
                "업계에서는 셀트리온과 화이자 사이에 계약이 임박했다는 말이 나온다.", PUBLISHED
            )
        )
        == {}
    )

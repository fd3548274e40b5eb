"""Agreements on sentences of our own: kind, status, parties, dates, counts, amounts.

Patterns covered: officials who sign stand for their institutions (``A대 홍길동 총장과
B연구소 존 스미스(John Smith) 소장이 각각 서명``), the sentence subject joining a partner
in a later clause (``A시는 …를 공동 주최하고, B와의 업무협약을 체결했다``), a unit speaking
for its institution (``A병원 OO과는 …``), a deal named by its noun (``X 인수를 마무리``),
``로부터`` partners, ``㈜`` after a name, ``체결한 바 있다``. Near-misses: a unit with no
named counterpart, and an agreement only referred to (``A와 체결한 협약``).
Also: one agreement per signing verb with its tense (``체결했다``, ``체결할 계획이다``), a
count stated as a count (``총 12건의 MOU``), an amount owned by the agreement of its clause.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import agreements, extract_text

MARCH_20 = date(2024, 3, 20)
MAY_20 = date(2024, 5, 20)


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
    found = agreements(extract_text(text, MARCH_20))
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
    assert agreements(extract_text(text, MARCH_20)) == {}


def test_count_is_recorded_as_a_count() -> None:
    extraction = extract_text("이번 순방에서 총 12건의 MOU가 체결됐다.", MARCH_20)
    assert [(c.kind, c.quantity) for c in extraction.agreement_counts] == [("mou", 12)]
    assert extraction.agreements == []


def test_amount_belongs_to_the_agreement_in_its_clause() -> None:
    extraction = extract_text(
        "셀트리온은 바이오젠과 최대 5억 달러 규모의 공급 계약을 체결했고, 별도로 100억 원을 투자한다.",
        MARCH_20,
    )
    (agreement,) = extraction.agreements
    owners = {int(a.value): a.agreement_local_id for a in extraction.amounts}
    assert owners == {500_000_000: agreement.local_id, 10_000_000_000: None}


def test_officials_institutions_are_the_parties() -> None:
    text = "박성훈 경북대 총장과 데이비드 스콧(David Scott) 보스턴대 부총장은 학생 교류 협정을 체결했다."
    found = agreements(extract_text(text, MARCH_20))
    assert found == {("mou", frozenset({"knu", "bu"})): ("signed", None)}


def test_an_unnamed_counterpart_makes_no_agreement() -> None:
    text = "삼성바이오로직스는 지난달 미국 보스턴 소재 바이오기업과 1억 2천만 달러 규모의 위탁생산 계약을 체결했다."
    extraction = extract_text(text, MARCH_20)
    assert agreements(extraction) == {}
    assert [(int(a.value), a.currency) for a in extraction.amounts] == [(120_000_000, "USD")]


def test_a_quoted_name_is_still_a_party_and_the_amount_is_its_agreements() -> None:
    text = "셀트리온은 지난 3일 케임브리지에 있는 바이오기업 '제너레이트 바이오메디슨'과 최대 1조 원 규모의 신약 공동개발 계약을 맺었다고 5일 밝혔다."
    extraction = extract_text(text, MARCH_20)
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
    assert agreements(extract_text(text, MARCH_20)) == {}


def test_signatories_stand_for_their_institutions() -> None:
    found = agreements(
        extract_text(
            "해당 협약서는 지난 2일 고려대 박도윤 연구처장과 사흘 뒤 보스턴대 존 스미스(John Smith) "
            "학장이 따로 서명하면서 효력이 생겼다.",
            MAY_20,
        )
    )
    assert found == {("mou", frozenset({"korea-univ", "bu"})): ("signed", date(2024, 5, 2))}


def test_subject_of_an_earlier_clause_is_a_party() -> None:
    found = agreements(
        extract_text(
            "대전시는 케임브리지에서 투자설명회를 열고, 터프츠대와의 업무협약(MOU)도 맺었다.",
            MAY_20,
        )
    )
    assert found == {("mou", frozenset({"gov:kr-daejeon", "tufts"})): ("signed", None)}


def test_a_department_speaks_for_its_hospital() -> None:
    found = agreements(
        extract_text(
            "삼성서울병원 재활의학과는 보스턴대 의대(BUSM)의 신경과와 뇌졸중 재활기기 공동 연구에 "
            "관한 업무협약(MOU)을 체결했다고 5일 전했다.",
            MAY_20,
        )
    )
    # 5일 is when it was announced, not when it was signed.
    assert found == {("mou", frozenset({"samsung-mc", "bu-med"})): ("signed", None)}


def test_deal_named_by_its_noun() -> None:
    found = agreements(
        extract_text("셀트리온이 미국 바이오기업 모더나 인수를 최종 완료했다.", MAY_20)
    )
    assert found == {("contract", frozenset({"celltrion", "moderna"})): ("signed", None)}


def test_licensing_from_a_partner_and_a_company_marker() -> None:
    found = agreements(
        extract_text(
            "한미약품㈜는 미국 다나파버 암연구소로부터 항암 후보물질을 도입하는 계약을 맺었다고 밝혔다.",
            MAY_20,
        )
    )
    assert found == {("contract", frozenset({"hanmi", "dana-farber"})): ("signed", None)}


def test_signed_in_the_past_with_ba_itda() -> None:
    found = agreements(
        extract_text(
            "지난 2월 고려대와 하버드대 간 공동연구에 대한 양해각서를 체결한 바 있다.", MAY_20
        )
    )
    assert found == {("mou", frozenset({"korea-univ", "harvard"})): ("signed", date(2024, 2, 1))}


def test_near_misses_make_no_agreement() -> None:
    # A unit with no named counterpart, and an agreement only referred to.
    assert (
        agreements(extract_text("삼성서울병원 재활의학과는 협약식을 성황리에 마쳤다.", MAY_20))
        == {}
    )
    assert (
        agreements(extract_text("하버드대와 체결한 협약에 따라 연구진이 파견된다.", MAY_20)) == {}
    )


def test_bracketed_short_name_stands_for_the_name_before_it() -> None:
    found = agreements(
        extract_text(
            "셀트리온은 미국계 제약사 일라이 릴리 앤드 컴퍼니(이하 릴리)와 기술 이전 계약을 체결했다.",
            MAY_20,
        )
    )
    assert found == {("contract", frozenset({"celltrion", "lilly"})): ("signed", None)}


def test_unnamed_counterpart_in_the_dative() -> None:
    # Both firms licensed to unnamed pharma companies: they are not each other's party.
    text = "최근 유한양행과 한미약품은 글로벌 제약사에 신약 후보물질을 이전하는 계약을 체결했다."
    assert agreements(extract_text(text, MAY_20)) == {}


def test_partnership_built_and_reported_tense() -> None:
    found = agreements(
        extract_text("연세대는 올해 보스턴대와 신약 연구 협력 체계를 구축했다.", MAY_20)
    )
    assert found == {("cooperation", frozenset({"yonsei", "bu"})): ("agreed", date(2024, 1, 1))}
    found = agreements(
        extract_text("카이스트는 다나파버 암연구소와 협력관계 구축에 착수한다고 알렸다.", MAY_20)
    )
    assert found == {("cooperation", frozenset({"kaist", "dana-farber"})): ("planned", None)}


def test_cooperation_with_a_foreign_governor_met_in_the_clause_before() -> None:
    found = agreements(
        extract_text(
            "전남도는 도지사 일행이 21일 메릴랜드주 아나폴리스에서 앤 밀러(Ann Miller) "
            "부지사와 면담하고 백신 분야에서 협력하기로 했다고 전했다.",
            MAY_20,
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
    found = agreements(extract_text(text, MAY_20))
    assert found == {("cooperation", frozenset({"yonsei", "bu"})): ("agreed", None)}


def test_one_subject_and_two_coordinated_partners_make_two_agreements() -> None:
    found = agreements(
        extract_text("고려대는 보스턴대·터프츠대와 공동 학위 운영을 위한 협정을 체결했다.", MAY_20)
    )
    assert found == {
        ("mou", frozenset({"korea-univ", "bu"})): ("signed", None),
        ("mou", frozenset({"korea-univ", "tufts"})): ("signed", None),
    }
    # A three-party agreement stays one.
    found = agreements(extract_text("고려대는 보스턴대·터프츠대와 3자 업무협약을 맺었다.", MAY_20))
    assert found == {("mou", frozenset({"korea-univ", "bu", "tufts"})): ("signed", None)}


def test_the_institution_hosting_the_signing_is_the_partner() -> None:
    found = agreements(
        extract_text(
            "아주대병원은 지난 3일 조슬린 당뇨병센터 본관에서 업무협약을 체결했다.", MAY_20
        )
    )
    assert found == {("mou", frozenset({"ajou-hosp", "joslin"})): ("signed", date(2024, 5, 3))}
    # A place where it happened is not a party.
    found = agreements(
        extract_text("아주대병원은 지난 3일 보스턴에서 업무협약을 체결했다.", MAY_20)
    )
    assert found == {}


def test_subject_of_the_sentence_and_the_signing_host_across_clauses() -> None:
    text = (
        "아주대병원은 지난 3일 조슬린 당뇨병센터 본관에서 보스턴 지역 프로그램을 통해 "
        "공동연구를 위한 업무협약을 체결했다고 5일 밝혔다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {("mou", frozenset({"ajou-hosp", "joslin"})): ("signed", date(2024, 5, 3))}


def test_partners_met_as_people_with_the_subject_of_the_sentence_before() -> None:
    text = (
        "김철수 한국제약바이오협회장은 지난 7일 보스턴을 찾았다.\n"
        "또 터프츠대와 다나파버 암연구소 관계자를 만나 인력 교류 방안을 논의하고, "
        "협력을 확대하기로 했다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {
        ("cooperation", frozenset({"kpbma", "tufts"})): ("agreed", None),
        ("cooperation", frozenset({"kpbma", "dana-farber"})): ("agreed", None),
    }
    # With a subject of its own, the sentence is not the carried one's.
    text = "김철수 한국제약바이오협회장은 지난 7일 보스턴을 찾았다.\n연세대는 터프츠대와 협력을 확대하기로 했다."
    assert agreements(extract_text(text, MAY_20)) == {
        ("cooperation", frozenset({"yonsei", "tufts"})): ("agreed", None)
    }


# -- token frames: patterns added with the rules-as-data work (issue 22) ----------------


def test_the_ceremony_noun_with_a_signing_verb() -> None:
    found = agreements(
        extract_text("강원도는 10일 도청에서 연세대와 바이오 인재 양성 협약식을 체결했다.", MAY_20)
    )
    assert found == {
        ("mou", frozenset({"gov:kr-gangwon", "yonsei"})): ("signed", date(2024, 5, 10))
    }


def test_joining_hands_is_cooperation() -> None:
    found = agreements(
        extract_text("서울대병원이 보스턴 어린이병원과 손을 잡고 소아암 연구에 나선다.", MAY_20)
    )
    assert found == {("cooperation", frozenset({"snuh", "bch"})): ("agreed", None)}


def test_kiro_contracted_from_hagiro() -> None:
    found = agreements(
        extract_text("한국바이오협회는 매스바이오와 인력 교류를 확대키로 했다.", MAY_20)
    )
    assert found == {("cooperation", frozenset({"kbioa", "massbio"})): ("agreed", None)}


def test_a_deal_due_to_close_was_signed() -> None:
    # The deal was signed before; its closing is what is due.
    found = agreements(extract_text("셀트리온은 오는 30일 바이오젠 인수를 마무리한다.", MAY_20))
    assert found == {
        ("contract", frozenset({"celltrion", "biogen"})): ("signed", date(2024, 5, 30))
    }


def test_an_unknown_name_is_a_party_by_its_role() -> None:
    found = agreements(
        extract_text("경북도는 투자사 오로라리버(Aurora River)와 업무협약을 체결했다.", MAY_20)
    )
    assert found == {
        ("mou", frozenset({"gov:kr-gyeongbuk", "unresolved:오로라리버"})): ("signed", None)
    }
    # A person's name in that role is no organization.
    assert agreements(extract_text("경북도는 박민준과 업무협약을 체결했다.", MAY_20)) == {}


def test_a_compatriot_among_the_partners_makes_one_agreement() -> None:
    found = agreements(
        extract_text(
            "인천시는 존스홉킨스대에서 볼티모어, 인하대, 존스홉킨스대와 바이오 협력 협약을 체결했다.",
            MAY_20,
        )
    )
    assert found == {
        ("mou", frozenset({"gov:kr-incheon", "us-md-baltimore-city", "inha", "jhu"})): (
            "signed",
            None,
        )
    }


def test_partners_together_make_one_agreement() -> None:
    found = agreements(
        extract_text(
            "보스턴대 의대에서는 아주대병원 및 아주대와 함께 공동연구를 추진하기로 협의했다.",
            MAY_20,
        )
    )
    assert found == {("cooperation", frozenset({"bu-med", "ajou-hosp", "ajou"})): ("agreed", None)}


def test_an_agreement_stated_twice_is_kept_once_with_all_its_parties() -> None:
    text = (
        "인천시는 존스홉킨스대에서 바이오 협약을 체결했다.\n"
        "유정복 인천시장은 존스홉킨스대에서 볼티모어, 인하대, 존스홉킨스대와 바이오 협약을 체결했다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {
        ("mou", frozenset({"gov:kr-incheon", "us-md-baltimore-city", "inha", "jhu"})): (
            "signed",
            None,
        )
    }


def test_a_leads_cooperation_is_the_agreement_it_announces() -> None:
    text = (
        "전남도가 광주시와 바이오산업 육성에 협력하기로 했다.\n"
        "김영록 전남지사와 임기철 GIST 총장, 박수진 전남바이오진흥원장은 15일 도청에서 "
        "업무협약을 체결했다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {
        ("mou", frozenset({"gov:kr-jeonnam", "gist", "jbf-jeonnam"})): ("signed", date(2024, 5, 15))
    }


def test_the_side_visited_is_the_counterpart() -> None:
    found = agreements(
        extract_text(
            "메릴랜드주 대표단이 충북도를 방문해 바이오 교류를 위한 양해각서를 체결했다.", MAY_20
        )
    )
    assert found == {("mou", frozenset({"md-state", "gov:kr-chungbuk"})): ("signed", None)}


def test_a_unit_no_list_has_speaks_for_its_institution() -> None:
    found = agreements(
        extract_text("충남대병원은 매사추세츠종합병원 바이오센터에서 업무협약을 체결했다.", MAY_20)
    )
    assert found == {("mou", frozenset({"cnuh", "mgh"})): ("signed", None)}


def test_two_institutions_refer_to_the_partners_named_before() -> None:
    text = (
        "경남도가 보스턴대, 하버드대와 손을 맞잡았다.\n"
        "경남도는 15일 보스턴에서 두 기관과 바이오 인재 양성을 위한 업무협약을 체결했다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {
        ("mou", frozenset({"gov:kr-gyeongnam", "bu", "harvard"})): ("signed", date(2024, 5, 15))
    }


def test_a_delegation_or_a_pronoun_carries_the_subject_and_meets_the_partner() -> None:
    text = (
        "전남도는 김영록 지사를 단장으로 하는 대표단이 보스턴을 방문한다고 밝혔다.\n"
        "대표단은 먼저 보스턴에서 매스바이오와 만나 교류를 위한 양해각서를 체결한다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {("mou", frozenset({"gov:kr-jeonnam", "massbio"})): ("planned", None)}


def test_a_list_closed_by_deung_and_a_generic_head_ends_before_the_next_name() -> None:
    text = (
        "대구시는 보건복지부, 셀트리온, 경북대 등 바이오 분야 20여 기관과 "
        "K-바이오 랩허브 조성을 위한 업무협약을 맺었다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {
        ("mou", frozenset({"gov:kr-daegu", "kr-mohw", "celltrion", "knu"})): ("signed", None)
    }


def test_an_official_known_by_the_place_they_serve_signs_for_its_government() -> None:
    text = (
        "박상훈 부산시 경제실장이 존 밀러 메릴랜드주 상무장관과 바이오 협력을 위한 "
        "양해각서를 체결했다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert found == {("mou", frozenset({"gov:kr-busan", "md-state"})): ("signed", None)}


def test_a_quoted_document_after_wa_is_the_object_not_a_list_member() -> None:
    # 과 before a quoted document name marks the partner; the quote is not a bracket of
    # the partner's noun that a list could read past.
    text = (
        "정다운 대전시 경제국장이 존 스미스 매사추세츠 주택·경제개발장관과 "
        "‘생명과학 분야 상호협력을 위한 양해각서(MOU)’를 체결했다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert [parties for kind, parties in found if kind == "mou"] == [
        frozenset({"gov:kr-daejeon", "ma-state"})
    ]


@pytest.mark.parametrize(
    ("text", "parties", "signed_on"),
    [
        (
            "2019년 대구시와 자매결연을 맺은 미국 샌디에이고시는 바이오 산업도시다.",
            {"gov:kr-daegu", "us-ca-san-diego-city"},
            date(2019, 1, 1),
        ),
        (
            "지난해 서울대병원과 업무협약을 체결한 다나파버 암연구소는 공동연구를 시작했다.",
            {"snuh", "dana-farber"},
            date(2023, 1, 1),
        ),
    ],
)
def test_the_name_a_past_signing_clause_modifies_is_the_other_side(
    text: str, parties: set[str], signed_on: date
) -> None:
    # A와 협약을 맺은 B는: B signed with A; the date inside the clause is the signing's.
    found = agreements(extract_text(text, MAY_20))
    assert found == {("mou", frozenset(parties)): ("signed", signed_on)}


@pytest.mark.parametrize(
    "text",
    [
        "서울대병원과 협약을 체결한 지 1년 만에 다나파버 암연구소는 성과를 냈다.",
    ],
)
def test_no_other_side_without_a_name_right_after_a_past_signing_clause(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {}


def test_the_name_a_future_signing_clause_modifies_is_the_other_side_of_a_plan() -> None:
    # A와 협약을 체결할 B는: B will sign with A.
    text = "서울대병원과 협약을 체결할 다나파버 암연구소는 보스턴에 있다."
    assert agreements(extract_text(text, MAY_20)) == {
        ("mou", frozenset({"snuh", "dana-farber"})): ("planned", None)
    }


def test_one_partner_signing_twice_in_different_years_is_two_agreements() -> None:
    text = (
        "대구시는 2019년 샌디에이고시와 자매결연 협약을 맺었다.\n"
        "대구시는 지난해 3월 샌디에이고시와 바이오 교류 협약을 체결했다.\n"
        "대구시는 지난해 샌디에이고시와 협약을 맺은 바 있다."
    )
    found = sorted(
        a.when.on
        for a in extract_text(text, MAY_20).agreements
        if a.when is not None and a.kind == "mou"
    )
    # 2019, and 2023 stated twice (March, then the year alone): two signings, not three.
    assert found == [date(2019, 1, 1), date(2023, 3, 1)]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # Joint work agreed on as a noun: the partner by its 와.
        (
            "서울대병원은 매사추세츠 종합병원과 의료 인공지능 공동 연구에 합의했다.",
            {"snuh", "mgh"},
        ),
        ("유한양행은 지난 3월 한미약품과 기술 협력에 합의했다.", {"yuhan", "hanmi"}),
        # A와 B 간: the pair are the sides; the association that announces it is not one.
        ("한국바이오협회는 한미약품과 유한양행 간 신약 공동개발에 합의했다.", {"hanmi", "yuhan"}),
    ],
)
def test_cooperation_agreed_on_as_a_noun(text: str, parties: set[str]) -> None:
    assert set(agreements(extract_text(text, MAY_20))) == {("cooperation", frozenset(parties))}


@pytest.mark.parametrize(
    "text",
    [
        "한미약품은 신약 공동개발에 속도를 내고 있다.",  # no agreeing verb
        "양측은 이날 행사에서 협력에 합의했다.",  # no named side
    ],
)
def test_no_cooperation_agreed_without_a_verb_or_named_sides(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {}


def test_a_foreign_place_that_signs_is_mentioned_as_its_government() -> None:
    # The state that signs is its government, where the agreement names it; the same
    # state visited in the next sentence stays a place.
    extraction = extract_text(
        "울산시는 미국 텍사스주와 바이오 협력 양해각서를 체결했다.\n"
        "울산시 대표단은 이어 텍사스주를 방문했다.",
        MAY_20,
    )
    texas = [
        (m.sentence_index, m.entity.key) for m in extraction.mentions if m.surface == "텍사스주"
    ]
    assert texas == [(0, "us-tx-gov"), (1, "us-tx")]
    assert agreements(extraction) == {
        ("mou", frozenset({"gov:kr-ulsan", "us-tx-gov"})): ("signed", None)
    }


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        # A licence deal as one verb: the partner by its 에, the status by the tense.
        (
            "유한양행은 보스턴 소재 제약사 알파테라퓨틱스에 신약 후보물질을 기술수출했다고 밝혔다.",
            {"yuhan", "unresolved:알파테라퓨틱스"},
            "signed",
        ),
        ("대웅제약은 미국 바이오젠에 기술이전할 예정이다.", {"daewoong", "biogen"}, "planned"),
        (
            "한미약품은 미국 바이오젠에 비만 치료제를 라이선스 아웃했다.",
            {"hanmi", "biogen"},
            "signed",
        ),
    ],
)
def test_a_licence_deal_said_as_one_verb(text: str, parties: set[str], status: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("contract", frozenset(parties)): (status, None)
    }


@pytest.mark.parametrize(
    "text",
    [
        "연구팀은 이 기술을 산업체에 이전했다.",  # a technology moved, no deal noun
        "이 회사는 지난해 기술수출했다.",  # no named partner
        "한국의 기술 수출이 늘었다.",  # exports as a quantity
    ],
)
def test_no_licence_deal_without_a_deal_verb_and_a_partner(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {}


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        # A dash between two names written against them pairs them, as · does; a
        # headline's bare signing noun at the end reports a signing.
        ("충북도-하버드대, 바이오 인재 양성 MOU 체결", {"gov:kr-chungbuk", "harvard"}, "signed"),
        ("충북대-하버드대 간 MOU 체결", {"cbnu", "harvard"}, "signed"),
        # A pair of places around 간: their governments are the sides.
        (
            "대전시는 대전-퀘벡주 간 바이오 협력 MOU를 체결할 예정이다.",
            {"gov:kr-daejeon", "ca-qc-gov"},
            "planned",
        ),
        # Something still pursued is no signing, headline or not.
        ("충북도, 하버드대와 MOU 체결 추진", {"gov:kr-chungbuk", "harvard"}, "planned"),
    ],
)
def test_names_paired_by_a_dash_and_headline_signings(
    text: str, parties: set[str], status: str
) -> None:
    assert agreements(extract_text(text, MAY_20)) == {("mou", frozenset(parties)): (status, None)}


def test_a_dash_inside_a_name_pairs_nothing() -> None:
    # K-바이오: a hyphen inside a word; 서울-보스턴 노선: places, and no agreement.
    assert (
        agreements(
            extract_text("K-바이오 기업들이 서울-보스턴 노선으로 보스턴에 진출했다.", MAY_20)
        )
        == {}
    )


def test_cooperation_between_two_places_names_its_scope_not_its_sides() -> None:
    found = extract_text("두 기관은 대전-보스턴 간 민간협력 체계를 구축했다.", MAY_20)
    assert agreements(found) == {}


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        # A possessive place owns the name after it; it is no side of the agreement.
        (
            "부산시는 미국 보스턴의 바이오 창업지원기관 랩센트럴과 스타트업 육성 협약을 맺었다.",
            {"gov:kr-busan", "labcentral"},
            "signed",
        ),
        # Names joined before one possessive are both sides (A와 B의 협약).
        ("충북도와 하버드대의 업무협약이 체결됐다.", {"gov:kr-chungbuk", "harvard"}, "signed"),
    ],
)
def test_a_possessive_before_another_name_owns_it(
    text: str, parties: set[str], status: str
) -> None:
    assert agreements(extract_text(text, MAY_20)) == {("mou", frozenset(parties)): (status, None)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # A headline's bare noun of cooperation strengthened, ending the line.
        ("충북도, 하버드대와 바이오 분야 교류 강화", {"gov:kr-chungbuk", "harvard"}),
        ("충북도-하버드대, 바이오 연구 협력 확대", {"gov:kr-chungbuk", "harvard"}),
    ],
)
def test_a_headline_of_cooperation_strengthened(text: str, parties: set[str]) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("cooperation", frozenset(parties)): ("agreed", None)
    }


def test_cooperation_strengthened_inside_a_sentence_is_no_agreement() -> None:
    # 협력 강화 방안을 논의: ways to strengthen cooperation were discussed, nothing agreed.
    found = extract_text("충북도와 하버드대는 협력 강화 방안을 논의했다.", MAY_20)
    assert agreements(found) == {}


@pytest.mark.parametrize(
    ("text", "status", "signed_on"),
    [
        # Adverbials of time, place or manner between the document and its verb.
        ("전남도는 다나파버 암연구소와 협약을 8일 체결했다.", "signed", date(2024, 5, 8)),
        (
            "전남도는 다나파버 암연구소와 양해각서(MOU)를 지난 7일(현지시간) 보스턴에서 "
            "공식 교환했다고 밝혔다.",
            "signed",
            date(2024, 5, 7),
        ),
        ("전남도는 다나파버 암연구소와 협약을 오는 24일 맺을 예정이다.", "planned", date(2024, 5, 24)),
    ],
)
def test_adverbials_between_the_document_and_its_signing_verb(
    text: str, status: str, signed_on: date
) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("mou", frozenset({"gov:kr-jeonnam", "dana-farber"})): (status, signed_on)
    }


@pytest.mark.parametrize(
    "text",
    [
        # The words between hold another object: the verb signs that, not the first.
        "전남도는 다나파버 암연구소와의 협약을 토대로 공동연구를 진행했다.",
        # A clause ends between them: the signing is of something else, or nothing.
        "전남도는 다나파버 암연구소와 협약을 논의하고 체결 여부를 검토했다.",
    ],
)
def test_no_signing_across_another_object_or_a_clause_end(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {}


@pytest.mark.parametrize(
    "text",
    [
        # Pursuing a signing, or signing for a purpose, is no signing yet.
        "광주시는 보스턴 어린이병원과 업무협약 체결을 추진하고 있다.",
        "광주시는 보스턴 어린이병원과 업무협약 체결을 추진했다.",
        "광주시는 보스턴 어린이병원과 협약 체결을 위해 실무 협의를 벌였다.",
        "광주시는 보스턴 어린이병원과 협약을 체결하기 위해 노력했다.",
    ],
)
def test_a_signing_pursued_is_planned(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("mou", frozenset({"gov:kr-gwangju", "bch"})): ("planned", None)
    }


@pytest.mark.parametrize(
    "text",
    [
        # Not done, called off, or only weighed: no agreement at all.
        "광주시는 보스턴 어린이병원과 협약을 체결하지 못했다.",
        "광주시와 보스턴 어린이병원의 협약 체결이 무산됐다.",
        "광주시는 보스턴 어린이병원과 협약 체결을 검토했다.",
        "광주시는 보스턴 어린이병원과 협약을 체결할 계획이 없다.",
    ],
)
def test_a_signing_negated_called_off_or_weighed_is_none(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {}


def test_a_possessive_place_before_a_quoted_name_is_not_a_party() -> None:
    # The quote holds the partner's name: the city before it only says where it is.
    found = agreements(
        extract_text("전남도는 보스턴의 스타트업 '라온셀'과 업무협약을 맺었다.", MAY_20)
    )
    assert found == {("mou", frozenset({"gov:kr-jeonnam", "unresolved:라온셀"})): ("signed", None)}


@pytest.mark.parametrize(
    "text",
    [
        # A past modifier or a past clause before a main verb of the future: the
        # signing is done, and a date after the modified noun is the main clause's.
        "다나파버 암연구소와 협약을 맺은 전남도는 내년부터 연구원을 파견한다.",
        "전남도는 15일 다나파버 암연구소와 협약을 맺은 뒤 내년부터 연구원을 파견한다.",
        "전남도는 15일 다나파버 암연구소와 협약을 맺었고 내년부터 연구원을 파견한다.",
    ],
)
def test_a_signing_told_in_the_past_before_a_plan_is_signed(text: str) -> None:
    ((key, (status, signed_on)),) = agreements(extract_text(text, MAY_20)).items()
    assert key == ("mou", frozenset({"gov:kr-jeonnam", "dana-farber"}))
    assert status == "signed"
    assert signed_on in (None, date(2024, 5, 15))
    assert (signed_on is None) == ("15일" not in text)


@pytest.mark.parametrize(
    "text",
    [
        # Both sides as the subject: the two named as actor and partner just before.
        "전남도와 다나파버 암연구소는 뜻을 모았다.\n양측은 업무협약을 체결했다.",
        "전남도와 다나파버 암연구소는 뜻을 모았다.\n양 기관은 업무협약을 체결했다.",
        "전남도는 다나파버 암연구소와 협력 방안을 논의했다.\n두 기관은 업무협약을 체결했다.",
    ],
)
def test_both_sides_as_the_subject_are_the_two_named_before(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("mou", frozenset({"gov:kr-jeonnam", "dana-farber"})): ("signed", None)
    }


def test_both_sides_with_no_two_named_before_make_no_agreement() -> None:
    text = "전남도는 바이오 산업을 키운다.\n양측은 업무협약을 체결했다."
    assert agreements(extract_text(text, MAY_20)) == {}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # A headline's agreement noun ending the line reports the signing.
        ("전남도, 다나파버 암연구소와 업무협약", {"gov:kr-jeonnam", "dana-farber"}),
        ("인천시, 모더나와 백신 협력 MOU", {"gov:kr-incheon", "moderna"}),
        # A dash pair modifying the noun is its two sides, comma or not.
        ("전남도-다나파버 암연구소 업무협약 체결", {"gov:kr-jeonnam", "dana-farber"}),
        ("전남도-하버드대 바이오 협력 MOU", {"gov:kr-jeonnam", "harvard"}),
    ],
)
def test_headline_nouns_and_dash_pairs_report_a_signing(text: str, parties: set[str]) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("mou", frozenset(parties)): ("signed", None)
    }


@pytest.mark.parametrize(
    "text",
    [
        "이번 협약은 전남도와 다나파버 암연구소의 협력 결과다.",  # a noun a sentence goes on from
        "전남도, 다나파버 암연구소와 업무협약 추진",  # pursued, not signed
    ],
)
def test_an_agreement_noun_inside_a_sentence_or_pursued_is_no_headline_signing(text: str) -> None:
    found = agreements(extract_text(text, MAY_20))
    assert all(status != "signed" for status, _ in found.values())


def test_places_paired_by_a_dash_before_cooperation_name_its_scope() -> None:
    # 대전-보스턴 민간협력: where the cooperation reaches, not who signed.
    text = "대전시는 대전-보스턴 민간협력 네트워크 구축을 위한 협약을 체결했다."
    assert agreements(extract_text(text, MAY_20)) == {}


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        # A renewal is a signing again.
        ("전남도는 다나파버 암연구소와 교류협정을 갱신했다.", {"gov:kr-jeonnam", "dana-farber"}, "signed"),
        (
            "전남도는 다나파버 암연구소와 맺은 교류협정을 3년 연장하기로 했다.",
            {"gov:kr-jeonnam", "dana-farber"},
            "planned",
        ),
    ],
)
def test_a_renewal_is_a_signing(text: str, parties: set[str], status: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {("mou", frozenset(parties)): (status, None)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # The one a clause describing the contract gives to is its other side.
        ("유한양행은 바이오젠에 신약 후보물질을 기술수출하는 계약을 체결했다.", {"yuhan", "biogen"}),
        ("녹십자는 모더나에 백신 원료를 공급하는 계약을 맺었다.", {"gc-biopharma", "moderna"}),
    ],
)
def test_the_recipient_in_a_clause_describing_a_contract_is_its_partner(
    text: str, parties: set[str]
) -> None:
    assert agreements(extract_text(text, MAY_20)) == {
        ("contract", frozenset(parties)): ("signed", None)
    }


def test_a_contract_described_by_a_clause_without_a_named_recipient_is_none() -> None:
    assert agreements(extract_text("한미약품은 미국에 진출하는 계약을 맺었다.", MAY_20)) == {}


def test_consulting_on_cooperation_is_no_agreement() -> None:
    # 협의 is consulting (like 논의), not 합의 (agreeing).
    text = "김영록 전남지사는 다나파버 암연구소를 찾아 전남대병원과의 임상 협력 방안을 협의했다."
    assert agreements(extract_text(text, MAY_20)) == {}


def test_others_as_the_subject_do_not_inherit_the_last_sentences_parties() -> None:
    # 지자체들도 (others too): a subject of its own, not the carried one.
    text = (
        "전남도는 다나파버 암연구소와 협력한다.\n"
        "국내 지자체들도 앞다퉈 보스턴을 찾고 업무협약을 맺지만 성과는 적다."
    )
    found = agreements(extract_text(text, MAY_20))
    assert all(status != "signed" for status, _ in found.values())


@pytest.mark.parametrize(
    "text",
    [
        # Put off, not achieved, asked, or a question.
        "전남도는 다나파버 암연구소와의 공동연구 협약 체결을 보류했다.",
        "전남도와 다나파버 암연구소의 협약 체결은 이뤄지지 않았다.",
        "전남도는 다나파버 암연구소에 업무협약 체결을 제안했다.",
        "전남도-다나파버 암연구소 협약, 연내 성사될까",
        "전남도, 이번엔 다나파버 암연구소와 협약 체결할까",
        "정말 다나파버 암연구소와 협약 맺었나?",
        "전남도, 다나파버 암연구소와 손잡나",
        "전남도가 다나파버 암연구소와 협약을 체결하면 공동연구가 시작된다.",
    ],
)
def test_a_signing_put_off_asked_questioned_or_supposed_is_none(text: str) -> None:
    assert agreements(extract_text(text, MAY_20)) == {}


def test_a_signing_achieved_after_a_light_verb_is_signed() -> None:
    # The near-miss: the same light-verb reading when the verb says it happened.
    text = "전남도와 다나파버 암연구소의 협약 체결이 이뤄졌다."
    assert agreements(extract_text(text, MAY_20)) == {
        ("mou", frozenset({"gov:kr-jeonnam", "dana-farber"})): ("signed", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Attending the signing of two others: they are the sides, not the guest.
        (
            "김영록 전남지사는 15일 셀트리온과 다나파버 암연구소의 업무협약 체결식에 참석했다.",
            {("mou", frozenset({"celltrion", "dana-farber"})): ("signed", date(2024, 5, 15))},
        ),
        # A subject no one can name signs: the partners listed are no pair of sides.
        ("도는 15일 MIT, 하버드대와 각각 협약을 맺었다.", {}),
        # The subject of an adverbial clause before a comma is not the clause's own.
        ("김영록 전남지사가 보스턴을 방문한 가운데, 도내 기업 A사가 모더나와 공급계약을 체결했다.", {}),
        # Who watched the signing is no side of it.
        ("김영록 전남지사 입회 아래 전남대와 MIT가 협약을 맺었다.", None),
    ],
)
def test_guests_witnesses_and_unknown_subjects_are_no_sides(text: str, expected: dict | None) -> None:
    found = agreements(extract_text(text, MAY_20))
    if expected is None:
        assert not any("gov:kr-jeonnam" in parties for _, parties in found)
    else:
        assert found == expected

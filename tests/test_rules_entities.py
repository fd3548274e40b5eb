"""Entities on sentences of our own: which names are organizations, places and regions.

Patterns covered: a university written with 대학 or 대 (``OO대학``, ``OO대``), a foreign
company with 사 glued to its name (``머크사와``), a name headed by someone in brackets is an
institution (``바이오큐브(대표 이름)``), regions listed before one that acts act too
(``충남, 전북 등 광역 지자체와``), the head of a special city names its government
(``OO특례시장``), a bare 도 as the article's own province, a long name spelled before a
known short name in brackets (``매사추세츠 종합 병원(MGH)``). Near-misses: a list of places
where things are is no list of actors; 駐 before a place (``주보스턴 총영사``) is no surname;
a city before an institution (``미국 보스턴 OO연구소``) is its location, and 사이 is not 사.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import agreements, extract_text, visits

MARCH_20 = date(2024, 3, 20)
MAY_20 = date(2024, 5, 20)


def _organizations(sentence: str) -> set[str]:
    return set(extract_text(sentence, date(2024, 5, 20)).organizations)


def test_regions_listed_before_one_that_acts_act_too() -> None:
    # 충남, 전북, 경남 등 광역 지자체와: every region of the list is a government.
    assert _organizations(
        "바이오협회는 그동안 충남, 전북, 경남 등 광역 지자체와 공동 사업을 벌여 왔다."
    ) >= {"gov:kr-chungnam", "gov:kr-jeonbuk", "gov:kr-gyeongnam"}
    assert _organizations("이 포럼은 수원시, 청주시 등과 함께 해마다 연다.") >= {
        "gov:kr-gyeonggi/수원시",
        "gov:kr-chungbuk/청주시",
    }
    # A list of places where things are is not a list of actors.
    assert _organizations("서울, 부산 등 대도시의 병원에 환자가 몰린다.") == set()


def test_head_of_a_special_city_names_its_government() -> None:
    assert "gov:kr-gyeonggi/수원시" in _organizations(
        "이재준 수원특례시장이 케임브리지를 방문했다."
    )


def test_stationed_in_a_place_is_not_a_name() -> None:
    # 주보스턴 총영사: 駐 (stationed in) Boston, the consul general's post, not a person.
    extraction = extract_text("이민호 주보스턴 총영사는 이날 환영사를 했다.", date(2024, 5, 20))
    assert {o.name_ko for o in extraction.officials.values()} == {"이민호"}


def test_a_name_headed_by_someone_in_brackets_is_an_institution() -> None:
    extraction = extract_text("이 가운데 바이오큐브(대표 이수진)는 보스턴에 지사를 열었다.")
    (person,) = extraction.officials.values()
    assert (person.name_ko, person.title_ko) == ("이수진", "대표")
    organization = extraction.organizations[person.organization_key]
    assert (organization.name_ko, organization.is_resolved) == ("바이오큐브", False)


def test_university_written_with_daehak() -> None:
    found = agreements(
        extract_text(
            "터프츠대학과 연세대학이 양해각서(MOU) 체결로 공동 학위 과정을 열었다.",
            MAY_20,
        )
    )
    assert found == {("mou", frozenset({"tufts", "yonsei"})): ("signed", None)}


def test_a_company_written_with_sa_glued_to_its_name() -> None:
    # 머크사와, 화이자사는: 사 (company) glued to a foreign company's name.
    assert agreements(
        extract_text("한미약품은 지난달 미국 머크사와 비만 치료제 라이선스 계약을 맺었다.", MAY_20)
    ) == {("contract", frozenset({"hanmi", "merck"})): ("signed", date(2024, 4, 1))}  # 지난달
    assert agreements(extract_text("화이자사는 셀트리온과 위탁생산 계약을 체결했다.", MAY_20)) == {
        ("contract", frozenset({"pfizer", "celltrion"})): ("signed", None)
    }
    # 사이 (between) after a space is not that suffix.
    assert (
        agreements(
            extract_text(
                "업계에서는 셀트리온과 화이자 사이에 계약이 임박했다는 말이 나온다.", MAY_20
            )
        )
        == {}
    )


def test_a_city_before_an_institution_is_its_location_not_a_party() -> None:
    # 미국 보스턴 OO연구소와: the city says where the institute is; it signs nothing.
    found = agreements(
        extract_text(
            "전라북도는 3일 미국 보스턴 화이트헤드연구소와 유전체 공동연구 업무협약을 체결했다.",
            MAY_20,
        )
    )
    assert found == {
        ("mou", frozenset({"gov:kr-jeonbuk", "whitehead"})): ("signed", date(2024, 5, 3))
    }


def test_bare_province_word_is_the_articles_province() -> None:
    text = (
        "강원특별자치도는 김진태 지사가 10일 보스턴의 다나파버 암연구소를 방문했다고 밝혔다.\n"
        "이 자리에서 도는 다나파버 암연구소와 암 치료제 공동연구를 위한 업무협약을 맺었다."
    )
    found = agreements(extract_text(text, MARCH_20))
    assert found == {("mou", frozenset({"gov:kr-gangwon", "dana-farber"})): ("signed", None)}


@pytest.mark.parametrize(
    ("text", "government"),
    [
        # A metropolitan city's press release calls its government 시, not 도.
        (
            "대전시는 바이오 산업을 키운다.\n시는 9일 보스턴의 다나파버 암연구소와 협약을 맺었다.",
            "gov:kr-daejeon",
        ),
        (
            "서울시는 바이오 산업을 키운다.\n시는 9일 보스턴의 다나파버 암연구소와 협약을 맺었다.",
            "gov:kr-seoul",
        ),
    ],
)
def test_bare_city_word_is_the_articles_metropolitan_city(text: str, government: str) -> None:
    found = agreements(extract_text(text, MARCH_20))
    assert found == {("mou", frozenset({government, "dana-farber"})): ("signed", date(2024, 3, 9))}


def test_bare_province_word_is_not_a_metropolitan_city() -> None:
    # 도 is a province's word: a metropolitan city's article has no 도 to point at.
    text = "인천시는 바이오 산업을 키운다.\n도는 9일 다나파버 암연구소와 협약을 맺었다."
    assert agreements(extract_text(text, MARCH_20)) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Foreign names are transliterated with the vowels writers confuse (ㅐ/ㅔ, ㅓ/ㅗ).
        ("대전에 랩샌트럴과 같은 시설을 세운다.", "labcentral"),
        ("충북도는 보스톤시와 협약을 체결했다.", "boston-city"),
        ("경기도는 메사추세츠 종합병원과 협약을 맺었다.", "mgh"),
    ],
)
def test_a_foreign_name_spelled_with_a_confused_vowel_is_still_that_name(
    text: str, key: str
) -> None:
    assert key in extract_text(text, MAY_20).organizations


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("경기도는 켈텍과 협약을 맺었다.", "caltech"),  # short: its vowels are not folded
        ("경기도는 샐트리온과 협약을 맺었다.", "celltrion"),  # a Korean name is spelled one way
        ("랩샌트럴파크를 짓는다.", "labcentral"),  # a longer word that begins with the name
    ],
)
def test_folded_vowels_match_only_whole_long_foreign_names(text: str, key: str) -> None:
    assert key not in extract_text(text, MAY_20).organizations


def test_a_long_name_before_a_known_short_name_in_brackets() -> None:
    # 매사추세츠 종합 병원(MGH): spelled with a space the reference data does not have;
    # the state inside the name is not the place visited.
    found = visits(
        extract_text(
            "김영록 전남지사는 14일(현지시간) 미국 보스턴의 매사추세츠 종합 병원(MGH)을 방문했다.",
            date(2024, 5, 20),
        )
    )
    assert found.get(("김영록", "mgh")) == ("completed", date(2024, 5, 14))
    assert ("김영록", "us-ma") not in found


# -- names by shape and by spelling over tokens (issue 22) -------------------------------


def test_a_place_then_nouns_then_a_head_is_one_name() -> None:
    assert "unresolved:오하이오바이오기술센터" in _organizations(
        "화성시는 미국 오하이오 바이오기술센터와 협약을 체결했다."
    )


def test_a_heads_title_glued_to_an_institution_no_list_has() -> None:
    found = _organizations("이은수 충남바이오융합진흥원장이 보스턴을 방문했다.")
    assert "unresolved:충남바이오융합진흥원" in found


def test_a_short_university_name_inside_a_longer_word_is_another_word() -> None:
    assert "sejong-univ" not in _organizations("세종대왕 동상 앞에서 행사가 열렸다.")
    assert "inu" not in _organizations("인천대교를 건너 송도에 닿았다.")
    assert "sejong-univ" in _organizations("세종대와 협약을 맺었다.")


def test_a_short_place_name_read_as_a_common_word_is_no_place() -> None:
    extraction = extract_text("두 기관은 협력을 강화키로 했다.", date(2024, 5, 20))
    assert "kr-incheon/강화군" not in {m.entity.key for m in extraction.mentions}


def test_a_long_name_before_a_known_short_one_wins_over_a_shape() -> None:
    # 매사추세츠주 생명과학센터(MLSC): the bracket's institution, not an unknown 센터.
    found = _organizations("오 구청장은 매사추세츠주 생명과학센터(MLSC)에서 전문가들을 만났다.")
    assert "mlsc" in found
    assert not any(key.startswith("unresolved:") for key in found)


def test_a_person_or_a_cut_name_is_no_institution_by_shape() -> None:
    # A person and their title or institution, R&D cut at the ampersand, a common phrase.
    found = _organizations(
        "이정국 연구원과 데이비드 브라운 매스종합병원 원장이 R&D 센터와 AI 헬스케어 사업을 "
        "소개했다."
    )
    assert not any(key.startswith("unresolved:") for key in found)


def _mentioned(sentence: str) -> dict[str, str]:
    """Organizations mentioned in the text, by key, with the words that name them."""
    extraction = extract_text(sentence, MAY_20)
    return {m.entity.key: m.surface for m in extraction.mentions if m.entity.kind == "organization"}


def test_a_state_before_its_governors_title_is_its_government() -> None:
    mentioned = _mentioned("존 스미스 메릴랜드 주지사는 바이오 투자를 늘리겠다고 밝혔다.")
    assert mentioned == {"md-state": "메릴랜드"}


def test_a_city_before_a_branch_office_is_no_government() -> None:
    # 지사 is also a branch office, and 시장 a market: only 주지사 and 도지사 name the head.
    assert _mentioned("가나투자는 보스턴 지사를 열고 미국 시장을 공략한다.") == {}


def test_a_one_syllable_last_word_of_a_name_is_not_cut_from_the_next_word() -> None:
    # 메릴랜드 주 is a spelling of the state (here its government, which signs); in
    # 메릴랜드 주지사 the 주 begins 주지사.
    found = extract_text("대구시는 메릴랜드 주와 협약을 맺었다고 밝혔다.", MAY_20).mentions
    assert [(m.entity.key, m.surface) for m in found if m.entity.key != "gov:kr-daegu"] == [
        ("md-state", "메릴랜드 주")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("그는 민간 핵융합 기업 가나 퓨전 시스템즈(GFS)를 방문했다.", "가나 퓨전 시스템즈"),
        (
            "회사는 바이오 기업 다라테크놀로지스(Dara Technologies)와 계약을 맺었다.",
            "다라테크놀로지스",
        ),
        ("그는 미국 스타트업 마바이오(MaBio)에 투자했다.", "마바이오"),
    ],
)
def test_a_name_between_its_class_word_and_its_latin_spelling(text: str, name: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert name in {o.name_ko for o in found.values()}


def test_a_title_in_brackets_after_a_class_word_is_no_name() -> None:
    assert extract_text("이 회사 대표(CEO)는 투자를 늘리겠다고 밝혔다.", MAY_20).organizations == {}


def test_sa_that_ends_a_title_makes_no_company() -> None:
    # 관세영사 is a consul for customs, not a company 관세영 with 사 glued.
    found = extract_text("행사에는 LA 총영사관 정다운 관세영사가 참석했다.", MAY_20)
    assert not [k for k in found.organizations if k.startswith("unresolved:")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "가나대는 20일 '가나-하버드 질병 바이오물리 공동연구센터' 개소식을 열었다.",
            "가나-하버드 질병 바이오물리 공동연구센터",
        ),
        (
            "이번 행사는 ‘다라-MIT 인간중심 AI 연구센터’의 기반을 다진다.",
            "다라-MIT 인간중심 AI 연구센터",
        ),
    ],
)
def test_a_quoted_name_ending_in_an_institutional_head(text: str, name: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert name in {o.name_ko for o in found.values()}


@pytest.mark.parametrize(
    "text",
    [
        "그는 “보스턴은 세계 최고의 연구센터”라고 말했다.",  # a quotation: particles inside
        "그는 '가나바이오'와 손잡았다.",  # one word in quotes: emphasis of a name
    ],
)
def test_a_quotation_or_one_quoted_word_is_no_new_institution(text: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert not any(" " in o.name_ko for o in found.values())


# -- a short name the article defines in brackets: OO(이하 XX) ------------------------------


def test_words_before_a_defined_known_short_name_are_that_institution() -> None:
    # A spelling no list has, then (이하 BMS): the article says the words are BMS.
    extraction = extract_text(
        "한미약품은 미국 제약사 브리스톨마이어즈 스퀴브(이하 BMS)와 기술이전 계약을 체결했다.",
        MAY_20,
    )
    assert not [k for k in extraction.organizations if k.startswith("unresolved:")]
    assert agreements(extraction) == {("contract", frozenset({"hanmi", "bms"})): ("signed", None)}


def test_a_defined_short_name_in_hangul_is_the_institution_where_it_recurs() -> None:
    # 매사추세츠 종합병원(…, 이하 매스제너럴): the next sentence's 매스제너럴 is MGH.
    extraction = extract_text(
        "서울대병원은 미국 매사추세츠 종합병원(Massachusetts General Hospital, 이하 매스제너럴)"
        "과 연구 협력을 논의했다.\n"
        "서울대병원은 지난 3월 매스제너럴과 공동연구 협약을 맺었다.",
        MAY_20,
    )
    assert ("mou", frozenset({"snuh", "mgh"})) in agreements(extraction)


def test_a_defined_short_name_counts_only_as_whole_words() -> None:
    # 진흥원 is the article's short name for KHIDI; 진흥원장 is a title, not the agency,
    # and a bracket that defines a short name for a plain noun makes no institution.
    extraction = extract_text(
        "한국보건산업진흥원(이하 진흥원)은 공동연구(이하 연구)를 지원한다.\n"
        "진흥원장은 연구 성과를 소개했고, 진흥원은 보스턴에 사무소를 열었다.",
        MAY_20,
    )
    surfaces = [m.surface for m in extraction.mentions if m.entity.key == "khidi"]
    assert surfaces == ["한국보건산업진흥원", "진흥원"]
    assert set(extraction.organizations) == {"khidi"}


def test_a_bracket_opened_at_the_end_of_a_sentence_is_read_past() -> None:
    # A page cut after an opening bracket: nothing to define, and no error.
    assert set(extract_text("한미약품은 보스턴에 연구소를 열었다(", MAY_20).organizations) == {
        "hanmi"
    }


# -- names spaced otherwise than the reference spaces them ---------------------------------


def test_a_name_spaced_otherwise_is_still_that_institution() -> None:
    # The reference writes 매사추세츠 종합병원 and 하버드 메디컬스쿨; writers add or drop spaces.
    assert {"mgh", "harvard-med"} <= _organizations(
        "가나대는 매사추세츠 종합 병원, 하버드메디컬 스쿨과 협약을 맺었다."
    )


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # 충북 대학: the province's universities, not 충북대학교.
        ("그는 하버드대와 충북 대학 간 공동연구를 제안했다.", "cbnu"),
        # 코리아 바이오헬스 허브: a booth's name that only starts like another name.
        ("보산진은 '코리아 바이오헬스 허브' 부스를 운영한다.", "kbioa"),
    ],
)
def test_words_that_only_run_together_into_a_name_are_not_it(text: str, not_found: str) -> None:
    assert not_found not in _organizations(text)


def test_a_place_then_a_proper_noun_no_list_has_then_a_head_is_one_name() -> None:
    # Kiwi reads the unknown word (로란) as a proper noun: still one institution's name.
    assert "unresolved:텍사스로란의과대학" in _organizations(
        "충남도는 미국 텍사스 로란 의과대학과 협약을 맺었다."
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A word Kiwi does not know after a word that says it is a company.
        ("녹십자는 미국 제약사 큐리오진과 독감 백신 공급 계약을 체결했다.", "큐리오진"),
        ("미국 바이오벤처 하로비젠은 서울대와 협약을 맺었다.", "하로비젠"),
        # One word Kiwi does not know ending in a head: Kiwi tags it a common noun.
        ("한미약품은 보스턴 바이오텍 엑스엘테라퓨틱스와 계약을 맺었다.", "엑스엘테라퓨틱스"),
    ],
)
def test_a_word_kiwi_does_not_know_named_as_a_company(text: str, name: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert name in {o.name_ko for o in found.values()}


@pytest.mark.parametrize(
    "text",
    [
        "국내 제약사 성장을 돕기 위해 협약을 체결했다.",  # a common noun after the class word
        "제약사 관계자와 만났다.",  # the people of a company, not its name
        "바이오기업 연구센터와 협력한다.",  # a head noun Kiwi knows, alone
    ],
)
def test_a_known_word_after_a_company_class_word_is_no_name(text: str) -> None:
    assert extract_text(text, MAY_20).organizations == {}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # 바이오협회 alone is Korea's; after a foreign place it is that place's own body.
        ("경기도는 보스턴 바이오협회와 업무협약을 체결했다.", "보스턴 바이오협회", "US"),
        ("일본 제약바이오협회 관계자가 도청을 찾았다.", "일본 제약바이오협회", "JP"),
    ],
)
def test_a_generic_short_name_after_a_foreign_place_is_that_places_body(
    text: str, name: str, country: str
) -> None:
    found = extract_text(text, MAY_20).organizations
    assert "kbioa" not in found and "kpbma" not in found
    (record,) = [o for o in found.values() if o.name_ko == name]
    assert (record.is_resolved, record.country) == (False, country)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("경기도는 바이오협회와 업무협약을 체결했다.", "kbioa"),  # no place before it
        (
            "경기도는 서울 바이오협회 회의실에서 협약을 맺었다.",
            "kbioa",
        ),  # a place of its own country
        # A name, not a generic one: a Korean company's American office is still the company.
        ("셀트리온은 미국 셀트리온헬스케어 법인을 세웠다.", "celltrion-healthcare"),
    ],
)
def test_a_domestic_name_after_a_place_stays_itself(text: str, key: str) -> None:
    assert key in extract_text(text, MAY_20).organizations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A place glued to a name and a head: an institution named after the place.
        ("전남바이오진흥원은 9일 하버드대와 협약을 맺었다.", "전남바이오진흥원"),
        ("강원생명과학연구원은 MIT와 협약을 맺었다.", "강원생명과학연구원"),
        ("서울대와 춘천병원은 협약을 맺었다.", "춘천병원"),
    ],
)
def test_a_place_glued_to_a_name_and_a_head_is_an_institution(text: str, name: str) -> None:
    found = extract_text(text, MAY_20)
    assert name in {o.name_ko for o in found.organizations.values()}
    assert not any(key.startswith("gov:") for key in found.organizations)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("충북도는 MIT와 협약을 맺었다.", "gov:kr-chungbuk"),  # the government's own name
        ("충북도청에서 협약을 맺었다.", "gov:kr-chungbuk"),  # its building is the government
    ],
)
def test_a_place_with_its_governments_words_stays_the_government(text: str, key: str) -> None:
    assert key in extract_text(text, MAY_20).organizations


def test_a_place_with_only_a_companys_head_is_no_name() -> None:
    assert extract_text("한국바이오 산업이 성장했다.", MAY_20).organizations == {}


@pytest.mark.parametrize(
    "text",
    [
        # A lone capital letter for a name: the writer withholds it, nothing to record.
        "국내 제약사 B사는 보스턴 바이오텍 C사와 기술이전 계약을 맺었다.",
        "A사는 K대학병원과 협약을 맺었다.",
        "국내 D제약은 미국 E바이오와 계약을 맺었다.",
    ],
)
def test_an_anonymised_company_is_no_organization(text: str) -> None:
    found = extract_text(text, MAY_20)
    assert (found.organizations, found.agreements) == ({}, [])


def test_a_short_latin_name_is_still_a_name() -> None:
    # Two capitals are a name (GE사), unlike one.
    assert "GE" in {o.name_ko for o in extract_text("GE사와 협약을 맺었다.", MAY_20).organizations.values()}


def test_where_a_company_is_located_is_not_part_of_its_name() -> None:
    found = extract_text("한미약품은 보스턴 소재 바이오텍 라온셀바이오와 계약을 맺었다.", MAY_20)
    assert {o.name_ko for o in found.organizations.values() if not o.is_resolved} == {"라온셀바이오"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name in quotes after a word that says it is a company.
        ("전남도는 보스턴의 스타트업 '라온셀'과 업무협약을 맺었다.", "라온셀"),
        ("한미약품은 바이오벤처 ‘다온바이오’와 계약을 맺었다.", "다온바이오"),
    ],
)
def test_a_quoted_name_after_a_company_word_is_a_company(text: str, name: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert name in {o.name_ko for o in found.values()}


def test_common_words_quoted_after_a_company_word_are_no_name() -> None:
    assert extract_text("기업 '혁신'과 '성장'을 강조했다.", MAY_20).organizations == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # One word: a name that could be a person's (한 + 빛) glued to its head is an
        # institution, and so is a longer name glued to 연구원.
        ("한빛의료원은 MIT와 협약을 맺었다.", "한빛의료원"),
        ("한솔메디컬센터는 MIT와 협약을 맺었다.", "한솔메디컬센터"),
        ("하람생명연구원은 MIT와 협약을 맺었다.", "하람생명연구원"),
    ],
)
def test_a_name_glued_to_its_head_is_an_institution(text: str, name: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert name in {o.name_ko for o in found.values()}


@pytest.mark.parametrize(
    "text",
    [
        "이정국 연구원은 MIT와 협약을 맺었다.",  # a person and their title, spaced
        "김철수연구원은 말했다.",  # a person glued to their title
    ],
)
def test_a_person_and_their_title_are_no_institution(text: str) -> None:
    found = extract_text(text, MAY_20).organizations
    assert not any(key.startswith("unresolved:") for key in found)


def test_a_name_glued_to_a_head_that_counts_only_glued() -> None:
    # 바이오 is a head only glued to a name (한빛바이오), never alone.
    found = extract_text("한빛바이오가 미국 버텍스와 라이선스 계약을 체결했다.", MAY_20)
    assert "unresolved:한빛바이오" in found.organizations
    assert extract_text("국내 바이오 기업들이 성장했다.", MAY_20).organizations == {}

"""Names and titles: who is an official, with which title, affiliation and region.

The sentences are our own; the people in them are illustrations.

Also covered: a Western name written in Hangul before an institution and a title
(``제임스 와트 보스턴대 학장``), a bracket read past inside the noun phrase
(``박민수 BCH(보스턴 어린이병원) 박사``), four words between name and title, apposition
``기관(직함 이름)`` and ``기관(대표이사 사장 이름)``, names joined by ``·`` sharing one
title, a one-syllable given name with an initial (``조 T. 하워드``). Near-misses: a known
word with a particle (``한국의``, ``모더나를``) is no name; a title that ends an institution's
name (``한국생명공학연구원``) is not the person's title.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.names import romanize
from tests.helpers import extract_text

MAY_20 = date(2024, 5, 20)


def _people(text: str, reporter: str | None = None) -> dict[str, tuple]:
    extraction = extract_text(text, MAY_20, reporter)
    return {
        o.name_ko: (o.title_ko, o.organization_key, o.region_key, o.name_en)
        for o in extraction.officials.values()
    }


@pytest.mark.parametrize(
    ("text", "name", "title", "organization", "region"),
    [
        (
            "이철우 경북도지사는 보스턴에서 기업인들을 만났다.",
            "이철우",
            "도지사",
            "gov:kr-gyeongbuk",
            "kr-gyeongbuk",
        ),
        ("박형준 부산시장이 직접 나섰다.", "박형준", "시장", "gov:kr-busan", "kr-busan"),
        (
            "충청북도는 김영환 지사가 협약식에 참석했다고 밝혔다.",
            "김영환",
            "지사",
            "gov:kr-chungbuk",
            "kr-chungbuk",
        ),
        (
            "정명근 화성시장은 연구소를 둘러봤다.",
            "정명근",
            "시장",
            "gov:kr-gyeonggi/화성시",
            "kr-gyeonggi",
        ),
        ("이광형 KAIST 총장은 협력을 강조했다.", "이광형", "총장", "kaist", "kr-daejeon"),
        ("유희정 한국생명공학연구원장과 만났다.", "유희정", "원장", "kribb", "kr-daejeon"),
        (
            "코트라의 한상철 보스턴무역관장은 설명했다.",
            "한상철",
            "보스턴무역관장",
            "kotra",
            "kr-seoul",
        ),
        ("이기일 보건복지부 제1차관이 참석했다.", "이기일", "제1차관", "kr-mohw", "kr-sejong"),
    ],
)
def test_name_title_affiliation(
    text: str, name: str, title: str, organization: str, region: str
) -> None:
    people = _people(text)
    assert name in people, people
    assert people[name][:3] == (title, organization, region)


def test_latin_spelling_in_parentheses_is_the_english_name() -> None:
    people = _people("데이비드 리(David Lee) 바이오젠 부사장과 면담했다.")
    assert people["데이비드 리"][:2] == ("부사장", "biogen")
    assert people["데이비드 리"][3] == "David Lee"


def test_korean_names_are_romanized_when_no_latin_is_given() -> None:
    assert romanize("김관영") == "Kim Gwanyeong"
    assert romanize("이철우") == "Lee Cheolu"  # syllable by syllable, no sound change
    assert romanize("박순만") == "Park Sunman"
    assert romanize("남궁민") == "Namgung Min"
    assert _people("박형준 부산시장이 나섰다.")["박형준"][3] == "Park Hyeongjun"


@pytest.mark.parametrize(
    "text",
    [
        "이날 회의에는 경제부총리와 과학기술정보통신부 장관이 참석했다.",
        "(지자체) 인천광역시시장, 충청북도지사",
        "정부는 시장 개방을 추진한다.",
        "국내 시장에서 경쟁하고 있다.",
        "신임 장관은 보스턴을 찾았다.",
        "공동 대표를 맡았다.",
    ],
)
def test_titles_without_names_are_not_officials(text: str) -> None:
    assert _people(text) == {}


def test_the_reporter_is_never_an_official() -> None:
    people = _people("홍길동 기자와 김철수 교수가 함께 참석했다.", reporter="홍길동")
    assert "홍길동" not in people


def test_one_person_across_two_mentions() -> None:
    text = "김관영 전북도지사는 모더나를 방문했다.\n김관영 지사는 협력을 당부했다."
    extraction = extract_text(text, MAY_20)
    (official,) = extraction.officials.values()
    assert official.organization_key == "gov:kr-jeonbuk"
    names = [m.surface for m in extraction.mentions if m.entity.kind == "official"]
    assert names.count("김관영") == 2


def test_surname_and_title_refer_back() -> None:
    text = "김진태 강원도지사는 하버드대를 방문했다.\n김 지사는 이어 MIT를 찾았다."
    extraction = extract_text(text, MAY_20)
    targets = {v.target.key for v in extraction.visits}
    assert targets == {"harvard", "mit"}
    assert any(m.surface == "김 지사" for m in extraction.mentions)


def _title_and_institution(text: str) -> dict[str, tuple[str | None, str | None]]:
    extraction = extract_text(text, MAY_20)
    return {o.name_ko: (o.title_ko, o.organization_key) for o in extraction.officials.values()}


def test_western_name_in_hangul_with_institution_and_title() -> None:
    assert _title_and_institution("제임스 와트 보스턴대 학장은 서울을 찾아 협력을 논의했다.") == {
        "제임스 와트": ("학장", "bu")
    }


def test_bracket_inside_the_noun_phrase() -> None:
    assert _title_and_institution("박민수 BCH(보스턴 어린이병원) 박사가 발표했다.") == {
        "박민수": ("박사", "bch")
    }


def test_four_words_between_name_and_title() -> None:
    people = _title_and_institution(
        "로버트 킹 미국 매사추세츠 생명과학센터 부회장이 한국을 찾았다."
    )
    assert people == {"로버트 킹": ("부회장", "mlsc")}


def test_apposition_in_brackets() -> None:
    assert _title_and_institution("고려대학교(총장 김동원)는 하버드대와 협약을 맺었다.") == {
        "김동원": ("총장", "korea-univ")
    }
    assert _title_and_institution("셀트리온(대표이사 사장 기우성)이 신약을 발표했다.") == {
        "기우성": ("사장", "celltrion")
    }


def test_coordinated_names_share_a_title() -> None:
    people = _title_and_institution("아주대에선 이민호·정해인·김수현 교수가 발표자로 나섰다.")
    assert people == {
        "이민호": ("교수", "ajou"),
        "정해인": ("교수", "ajou"),
        "김수현": ("교수", "ajou"),
    }


def test_one_syllable_given_name_with_an_initial() -> None:
    assert _title_and_institution("이 자리에는 조 T. 하워드 보스턴칼리지 교수가 참석했다.") == {
        "조 T. 하워드": ("교수", "boston-college")
    }


def test_near_misses() -> None:
    assert _title_and_institution("한국의 바이오 기업 대표들이 보스턴을 찾았다.") == {}
    assert _title_and_institution("모더나를 방문한 대표단은 회장과 면담했다.") == {}
    people = _title_and_institution("홍길동 한국생명공학연구원 원장이 참석했다.")
    assert people == {"홍길동": ("원장", "kribb")}


def test_title_after_a_middle_dot_in_apposition() -> None:
    assert _title_and_institution("케이아이대(KIU·총장 박하늘)는 교류를 시작했다.") == {
        "박하늘": ("총장", "unresolved:케이아이대")
    }


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # A department between the name and the title: 과 is its last syllable, not 와/과.
        ("행사에는 정다운 생명공학과 교수 등이 참석했다.", "정다운", "교수"),
        # 도 alone before a title: the province's division head.
        ("경기도에 따르면 정다운 도 바이오산업과장은 협력을 강조했다.", "정다운", "바이오산업과장"),
        # Three single syllables ending in 성, which Kiwi guesses is a suffix: a name.
        ("이날 윤태성 학교법인 가나학원 이사장도 함께했다.", "윤태성", "이사장"),
        # A known Western given name before a surname Kiwi reads as a word and a particle.
        ("스테판 방셀 모더나 CEO 등이 참석했다.", "스테판 방셀", "CEO"),
    ],
)
def test_official_forms_with_a_word_between_or_an_unknown_surname(
    text: str, name: str, title: str
) -> None:
    assert _people(text)[name][0] == title


@pytest.mark.parametrize(
    "text",
    [
        "기업의 전문성 강화를 위해 교수진이 자문을 맡았다.",  # 전문/NNG 성: a word and a suffix
        "홍보 영상과 교수 인터뷰가 공개됐다.",  # 과 before a title is 와/과 after a word
    ],
)
def test_no_official_from_a_word_with_a_suffix_or_a_conjunction(text: str) -> None:
    assert _people(text) == {}


def test_a_compound_of_common_words_before_a_title_is_no_name() -> None:
    # 현지시간 (local time) starts with a surname syllable and is four syllables long, but
    # it is two words Kiwi knows; the governor after it has no name in this sentence.
    people = _people(
        "유정복 인천시장은 현지시간 22일 보스턴에서 매사추세츠 주지사를 만나 협력을 논의했다."
    )
    assert set(people) == {"유정복"}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # The pair after a possessive name is tried too (모더나의 | 스테판 방셀).
        ("모더나의 스테판 방셀 최고경영자(CEO)는 투자를 약속했다.", "스테판 방셀", "최고경영자"),
        # A Western given name from the list, then a surname Kiwi does not know.
        ("마우라 힐리 매사추세츠 주지사는 협력을 논의했다.", "마우라 힐리", "주지사"),
        # Between an institution and its head's title, three syllables with a surname
        # are a name though Kiwi reads common words in them (차/순/도).
        ("이 자리에는 한국바이오협회 차순도 원장, 총영사 등이 함께했다.", "차순도", "원장"),
    ],
)
def test_names_in_the_shapes_of_press_photos_and_lists(text: str, name: str, title: str) -> None:
    assert _people(text)[name][0] == title


def test_common_words_between_an_institution_and_staff_words_are_no_name() -> None:
    # 교수진 (faculty) and 연구원들 (researchers): no surname-led word before a title.
    assert _people("서울대 교수진과 연구원들이 보스턴을 찾았다.") == {}


def test_a_western_name_of_three_words_and_a_given_name_that_begins_the_next() -> None:
    # 로버트 주니어 크리스마스: a given name, then two words before the institution and title.
    people = _people("행사에는 로버트 주니어 크리스마스 가나센터 최고운영책임자가 참석했다.")
    assert set(people) == {"로버트 주니어 크리스마스"}
    # A company's last word before a given name does not make a name with it.
    people = _people("가나다 바이오파마 다니엘 스미스 대표가 참석했다.")
    assert set(people) == {"다니엘 스미스"}


def test_a_given_name_of_the_list_may_end_a_name_before_a_title() -> None:
    # 디벌 패트릭 주지사: 패트릭 is also a given name, but the title follows it at once.
    assert set(_people("그는 주청사에서 디벌 패트릭 주지사를 만났다.")) == {"디벌 패트릭"}


@pytest.mark.parametrize(
    ("text", "name", "title", "organization"),
    [
        # A name Kiwi cannot read as any word (마/순/도), then an institution and a title.
        ("마순도 한국보건산업진흥원(KHIDI) 원장은 CIC를 방문했다.", "마순도", "원장", "khidi"),
        ("차상도 원장은 보스턴을 찾았다.", "차상도", "원장", None),
        # The team glued to the title: its leader is the official.
        ("서울아산병원 이승규 교수팀은 MIT와 공동연구를 진행한다.", "이승규", "교수", "asan-mc"),
        # An age in brackets right after the name.
        ("박지훈(45) 노바셀테라퓨틱스 대표는 말했다.", "박지훈", "대표", "unresolved:노바셀테라퓨틱스"),
        ("홍길동(61) 충북도 경제부지사는 말했다.", "홍길동", "경제부지사", "gov:kr-chungbuk"),
        # A word that modifies the title is no third word of a Western name.
        ("에드 마키 연방 상원의원은 말했다.", "에드 마키", "상원의원", None),
    ],
)
def test_name_title_orders_found_by_probes(
    text: str, name: str, title: str, organization: str | None
) -> None:
    found = _people(text)
    assert name in found
    assert found[name][:2] == (title, organization)


@pytest.mark.parametrize(
    "text",
    [
        "제약사 대표는 말했다.",  # a common word before a title
        "전문성 대표는 말했다.",  # a word Kiwi knows, with a suffix
        "이사회 의장은 말했다.",
    ],
)
def test_common_words_before_a_title_are_no_name(text: str) -> None:
    assert _people(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # Before a governor's or mayor's title, three syllables that Kiwi reads as
        # common words are still a name.
        ("신동훈 성남시장은 MIT를 방문했다.", "신동훈", "시장"),
        ("신동훈 경제부시장은 MIT를 방문했다.", "신동훈", "경제부시장"),
    ],
)
def test_a_name_that_reads_as_words_before_a_governments_title(
    text: str, name: str, title: str
) -> None:
    assert _people(text)[name][0] == title


@pytest.mark.parametrize(
    "text",
    [
        "전문성 시장이 성장했다.",  # 시장 alone is also a market
        "주의회는 법안을 표결해 주지사에게 보낸다.",  # a verb before the title
    ],
)
def test_common_words_before_a_governments_title_are_no_name(text: str) -> None:
    assert _people(text) == {}

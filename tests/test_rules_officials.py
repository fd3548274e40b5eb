"""Names and titles: who is an official, with which title, affiliation and region.

The sentences are our own; the people in them are illustrations."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.names import romanize
from tests.helpers import extract_text

PUBLISHED = date(2024, 5, 20)


def _people(text: str, reporter: str | None = None) -> dict[str, tuple]:
    extraction = extract_text(text, PUBLISHED, reporter)
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
    extraction = extract_text(text, PUBLISHED)
    (official,) = extraction.officials.values()
    assert official.organization_key == "gov:kr-jeonbuk"
    names = [m.surface for m in extraction.mentions if m.entity.kind == "official"]
    assert names.count("김관영") == 2


def test_surname_and_title_refer_back() -> None:
    text = "김진태 강원도지사는 하버드대를 방문했다.\n김 지사는 이어 MIT를 찾았다."
    extraction = extract_text(text, PUBLISHED)
    targets = {v.target.key for v in extraction.visits}
    assert targets == {"harvard", "mit"}
    assert any(m.surface == "김 지사" for m in extraction.mentions)

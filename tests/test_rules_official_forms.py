"""Official forms of real news, on sentences of our own.

Patterns covered: a Western name written in Hangul before an institution and a title
(``제임스 와트 보스턴대 학장``), a bracket read past inside the noun phrase
(``박민수 BCH(보스턴 어린이병원) 박사``), four words between name and title, apposition
``기관(직함 이름)`` and ``기관(대표이사 사장 이름)``, names joined by ``·`` sharing one
title, a one-syllable given name with an initial (``조 T. 하워드``). Near-misses: a known
word with a particle (``한국의``, ``모더나를``) is no name; a title that ends an institution's
name (``한국생명공학연구원``) is not the person's title.
"""

from __future__ import annotations

from datetime import date

from tests.helpers import extract_text

PUBLISHED = date(2024, 5, 20)


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    extraction = extract_text(text, PUBLISHED)
    return {o.name_ko: (o.title_ko, o.organization_key) for o in extraction.officials.values()}


def test_western_name_in_hangul_with_institution_and_title() -> None:
    assert _people("제임스 와트 보스턴대 학장은 서울을 찾아 협력을 논의했다.") == {
        "제임스 와트": ("학장", "bu")
    }


def test_bracket_inside_the_noun_phrase() -> None:
    assert _people("박민수 BCH(보스턴 어린이병원) 박사가 발표했다.") == {"박민수": ("박사", "bch")}


def test_four_words_between_name_and_title() -> None:
    people = _people("로버트 킹 미국 매사추세츠 생명과학센터 부회장이 한국을 찾았다.")
    assert people == {"로버트 킹": ("부회장", "mlsc")}


def test_apposition_in_brackets() -> None:
    assert _people("고려대학교(총장 김동원)는 하버드대와 협약을 맺었다.") == {
        "김동원": ("총장", "korea-univ")
    }
    assert _people("셀트리온(대표이사 사장 기우성)이 신약을 발표했다.") == {
        "기우성": ("사장", "celltrion")
    }


def test_coordinated_names_share_a_title() -> None:
    people = _people("아주대에선 이민호·정해인·김수현 교수가 발표자로 나섰다.")
    assert people == {
        "이민호": ("교수", "ajou"),
        "정해인": ("교수", "ajou"),
        "김수현": ("교수", "ajou"),
    }


def test_one_syllable_given_name_with_an_initial() -> None:
    assert _people("이 자리에는 조 T. 하워드 보스턴칼리지 교수가 참석했다.") == {
        "조 T. 하워드": ("교수", "boston-college")
    }


def test_near_misses() -> None:
    assert _people("한국의 바이오 기업 대표들이 보스턴을 찾았다.") == {}
    assert _people("모더나를 방문한 대표단은 회장과 면담했다.") == {}
    people = _people("홍길동 한국생명공학연구원 원장이 참석했다.")
    assert people == {"홍길동": ("원장", "kribb")}


def test_a_name_headed_by_someone_in_brackets_is_an_institution() -> None:
    extraction = extract_text("이 가운데 바이오큐브(대표 이수진)는 보스턴에 지사를 열었다.")
    (person,) = extraction.officials.values()
    assert (person.name_ko, person.title_ko) == ("이수진", "대표")
    organization = extraction.organizations[person.organization_key]
    assert (organization.name_ko, organization.is_resolved) == ("바이오큐브", False)


def test_title_after_a_middle_dot_in_apposition() -> None:
    assert _people("케이아이대(KIU·총장 박하늘)는 교류를 시작했다.") == {
        "박하늘": ("총장", "unresolved:케이아이대")
    }


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

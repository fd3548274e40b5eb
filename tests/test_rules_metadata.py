"""Page metadata (publisher, reporter, published_on, title) on page shapes of our own.

Patterns covered: a byline with a desk or region after the outlet (``[OO경제 XX취재본부
홍길동 기자]``), a spaced ``=`` inside the bracket, 【…】 brackets, ``outlet 이름 기자=``,
``outlet 도시(나라)=이름 기자`` on its own line, ``[ 이름 기자 ]``, ``이름 대표기자 |``, the
outlet from ``outlet(www.…)`` or a reporter's e-mail domain, ``outlet YYYY.MM.DD HH:MM``
under the headline, a scraper's ``date YYYY-MM-DD`` prefix, a page with no headline, and
the near-misses: a photo credit ``ⓒ시청`` names no publisher, ``승인 2024.01.02 10:00`` is
a date label and not an outlet.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from etl.clean import clean
from etl.records import CleanArticle, Document, SourceFile

BODY = "홍길동 시장은 지난 3일 미국 보스턴의 한 연구소를 방문해 협력 방안을 논의했다고 5일 밝혔다."


def page(text: str) -> CleanArticle:
    return clean(
        Document(
            source=SourceFile(Path("p.txt"), "p.txt", len(text), 0),
            text=text,
            encoding="utf-8",
            bytes_sha256=hashlib.sha256(text.encode()).hexdigest(),
            content_sha256=hashlib.sha256(text.encode()).hexdigest(),
        )
    )


@pytest.mark.parametrize(
    ("text", "publisher", "reporter"),
    [
        (
            f"보스턴 협력 강화 나선 도시들\n[매일경제 호남취재본부 박아무 기자] {BODY}",
            "매일경제",
            "박아무",
        ),
        (f"보스턴 협력 강화 나선 도시들\n[데일리팜 = 최아무 기자] {BODY}", "데일리팜", "최아무"),
        (
            f"보스턴 협력 강화 나선 도시들\n【국제신문 창원=정아무 기자】 {BODY}",
            "국제신문",
            "정아무",
        ),
        (f"보스턴 협력 강화 나선 도시들\n뉴스핌 윤아무 기자={BODY}", "뉴스핌", "윤아무"),
        (f"히트뉴스 워싱턴(미국)=한아무 기자\n{BODY}", "히트뉴스", "한아무"),
        (f"보스턴 협력 강화 나선 도시들\n[ 서아무 기자 ] {BODY}", None, "서아무"),
        (
            f"보스턴 협력 강화 나선 도시들\n구아무 대표기자 | 입력 2024/02/01 [10:00]\n{BODY}",
            None,
            "구아무",
        ),
        (
            f"보스턴 협력 강화 나선 도시들\n{BODY}\n남아무 기자 nam@\n경남신문(www.knnews.co.kr), 무단전재 금지",
            "경남신문",
            "남아무",
        ),
        (
            f"보스턴 협력 강화 나선 도시들\n{BODY}\n조아무 기자 jo@kado.net",
            "강원도민일보",
            "조아무",
        ),
        # A photo credit is not the publisher.
        (
            f"보스턴 협력 강화 나선 도시들\n▲ 시장이 연구소를 둘러보고 있다.ⓒ춘천시\n{BODY}",
            None,
            None,
        ),
    ],
)
def test_byline(text: str, publisher: str | None, reporter: str | None) -> None:
    article = page(text)
    assert (article.publisher, article.reporter) == (publisher, reporter)
    assert article.body.startswith("홍길동 시장은")


def test_outlet_and_time_under_the_headline() -> None:
    article = page(
        f"본문 바로가기\n보스턴 협력 강화 나선 도시들\n\n한국일보 2021.07.04 09:12\n{BODY}"
    )
    assert (article.title, article.publisher, article.published_on) == (
        "보스턴 협력 강화 나선 도시들",
        "한국일보",
        date(2021, 7, 4),
    )


def test_date_label_is_not_an_outlet() -> None:
    article = page(
        f"보스턴 협력 강화 나선 도시들\n  • 홍아무기자\n  • 승인 2024.01.02 10:00\n{BODY}"
    )
    assert (article.publisher, article.published_on) == (None, date(2024, 1, 2))


def test_scraped_date_prefix() -> None:
    article = page(f" date 2024-06-07 보스턴 협력 강화 나선 도시들\n\n{BODY}")
    assert (article.title, article.published_on) == (
        "보스턴 협력 강화 나선 도시들",
        date(2024, 6, 7),
    )


def test_page_that_starts_with_its_body_has_no_headline() -> None:
    article = page(f"{BODY}\n시는 이번 방문을 계기로 공동연구를 확대할 계획이다.")
    assert article.title is None
    assert article.body.startswith("홍길동 시장은")


def test_body_run_together_on_one_line_ending_in_a_share_dash() -> None:
    long_line = (
        BODY
        + "시는 이번 방문을 계기로 공동연구를 확대할 계획이다.이날 행사에는 300여 명이 참석했다. -"
    )
    article = page(f"보스턴 협력 강화 나선 도시들\n-\n{long_line}")
    assert article.body.startswith("홍길동 시장은") and article.body.endswith("참석했다.")


def test_outlet_credit_date_in_a_caption() -> None:
    text = (
        "보스턴 협력 강화 나선 도시들\n▲ 시장이 연구소를 둘러보고 있다. ⓒ경기일보 2024.03.09.\n"
        f"[경기일보 수원=홍아무 기자] {BODY}"
    )
    assert page(text).published_on == date(2024, 3, 9)
    # A credit to a city hall is no outlet's date.
    text = f"보스턴 협력 강화 나선 도시들\n▲ 시장이 연구소를 둘러보고 있다. ⓒ수원시청 2024.03.09.\n{BODY}"
    assert page(text).published_on is None


def test_outlet_and_date_line_with_a_comma_before_the_time() -> None:
    article = page(
        f"보스턴 협력 강화 나선 도시들\n뉴잉글랜드한인신문  2024-03-08, 10:21:05\n{BODY}"
    )
    assert article.published_on == date(2024, 3, 8)


def test_registration_date_labelled_with_il() -> None:
    article = page(
        f"보스턴 협력 강화 나선 도시들\n조회수 : 312 등록일 : 2024-03-08 작성자 : 홍보팀\n{BODY}"
    )
    assert article.published_on == date(2024, 3, 8)


@pytest.mark.parametrize(
    ("byline", "publisher", "reporter"),
    [
        ("[매일경제 워싱턴=김민준 특파원] ", "매일경제", "김민준"),  # a correspondent
        ("(보스턴=연합뉴스) 김민준 박서연 기자 = ", "연합뉴스", "김민준 박서연"),  # two names
    ],
)
def test_byline_variants(byline: str, publisher: str, reporter: str) -> None:
    article = page(f"보스턴 협력 강화 나선 도시들\n{byline}{BODY}")
    assert (article.publisher, article.reporter) == (publisher, reporter)


@pytest.mark.parametrize(
    ("foot", "publisher", "reporter"),
    [
        ("청주=김민준 기자 minjun@joongdo.co.kr", "중도일보", "김민준"),  # a city before the name
        ("/김민준기자 minjun@", None, "김민준"),  # a slash, the title glued on
        ("minjun@etnews.co.kr 김민준 기자", "전자신문", "김민준"),  # the e-mail first
    ],
)
def test_reporter_lines_at_the_foot(foot: str, publisher: str | None, reporter: str) -> None:
    article = page(f"보스턴 협력 강화 나선 도시들\n{BODY}\n{foot}")
    assert (article.publisher, article.reporter) == (publisher, reporter)


def test_reporter_line_with_a_date_after_the_address() -> None:
    article = page(
        f"보스턴 협력 강화 나선 도시들\n김민준 기자 (minjun@medipana.com)2025-04-15 10:06\n{BODY}"
    )
    assert (article.reporter, article.published_on) == ("김민준", date(2025, 4, 15))


def test_an_outlet_credits_its_own_photos() -> None:
    article = page(f"보스턴 협력 강화 나선 도시들\n{BODY}\n기념 촬영을 하고 있다. (사진=전자신문)")
    assert article.publisher == "전자신문"


def test_a_scraped_month_is_no_part_of_the_headline() -> None:
    article = page(f" date 2021-08 보스턴 협력 강화 나선 도시들\n\n{BODY}")
    assert (article.title, article.published_on) == ("보스턴 협력 강화 나선 도시들", None)


@pytest.mark.parametrize("credit", ["<사진=가나시>", "(사진=가나시)", "[사진 제공=가나시]"])
def test_a_lead_caption_with_a_photo_credit_in_any_bracket_starts_the_body(credit: str) -> None:
    # The lead photo's caption repeats the first sentence and ends with its credit; the
    # body starts there, whatever bracket the credit is in, and keeps it once.
    caption = f"가나시와 다라협회는 보스턴 진출을 위한 협약을 맺었다.{credit}"
    article = page(f"가나시, 다라협회와 협력키로\n\n{caption}\n{caption}\n{BODY}")
    assert article.body.startswith("가나시와 다라협회는")
    assert article.body.count("협약을 맺었다") == 1
    assert article.body.endswith("밝혔다.")


@pytest.mark.parametrize(
    "credit", ["가나병원 제공", "/가나병원 제공", "/ 사진=가나시 제공", "사진=가나시 제공"]
)
def test_a_caption_above_the_body_with_its_credit_after_it_is_kept(credit: str) -> None:
    # Captions above the body name who is in the photo; the credit after the sentence
    # ends the line instead of a predicate.
    caption = f"왼쪽부터 홍아무 가나병원장, 존 스미스 MIT 교수가 기념촬영을 하고 있다. {credit}"
    article = page(f"가나병원, 보스턴 MIT와 손잡아\n\n{caption}\n{BODY}")
    assert article.body.startswith("왼쪽부터 홍아무 가나병원장")
    assert article.body.endswith("밝혔다.")


@pytest.mark.parametrize("lead", ["(왼쪽부터) ", "왼쪽부터 ", "[오른쪽 두 번째] "])
def test_a_caption_that_lists_who_is_in_the_photo_is_kept(lead: str) -> None:
    caption = f"{lead}가나병원 홍아무 기획실장, 존 스미스 MIT 교수, 김아무 가나병원장"
    article = page(f"가나병원, 보스턴 MIT와 손잡아\n\n{caption}\n{BODY}")
    assert article.body.startswith(caption)


def test_a_byline_glued_to_the_last_sentence_names_the_reporter() -> None:
    article = page(f"보스턴 협력 강화 나선 도시들\n{BODY} /gildong@gana.com홍아무 기자\n※저작권자 ⓒ 가")
    assert article.reporter == "홍아무"
    assert article.body.endswith("밝혔다.")  # nor the byline, nor the cut copyright line
    assert article.publisher is None  # ⓒ 가: one syllable is a name cut off, not an outlet


def test_a_photo_credit_glued_to_the_first_sentence_is_dropped() -> None:
    article = page(f"가나도 제공{BODY}")
    assert article.title is None
    assert article.body == BODY
    # 제공 as a word of the sentence stays: 정보 제공업체는 is no credit.
    assert page(f"정보 제공업체는 {BODY}").body.startswith("정보 제공업체는")


@pytest.mark.parametrize(
    "menu",
    [
        "전라남도 | 도정소식 | 보도자료 | 포토뉴스 | 도민참여",
        "광주광역시 > 시정소식 > 보도자료",
        "HOME > 뉴스",
        "오늘뉴스 | 전체메뉴 | 정치 | 경제 | 사회 | 바이오",
    ],
)
def test_a_menu_or_breadcrumb_above_the_headline_is_no_headline(menu: str) -> None:
    article = page(f"{menu}\n전남도, 美 보스턴 바이오 클러스터와 손잡는다\n{BODY}")
    assert article.title == "전남도, 美 보스턴 바이오 클러스터와 손잡는다"
    assert article.body.startswith("홍길동 시장은")


def test_a_headline_with_its_outlet_after_a_bar_is_still_the_headline() -> None:
    # Two items, the first long: a headline and its outlet, not a menu.
    article = page(f"전남도, 美 보스턴 바이오 클러스터와 손잡는다 | 오늘뉴스\n{BODY}")
    assert article.title == "전남도, 美 보스턴 바이오 클러스터와 손잡는다 | 오늘뉴스"

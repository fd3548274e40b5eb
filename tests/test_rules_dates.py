"""Date expressions resolved against a publication date, on sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.dates import find_dates
from tests.helpers import extract_text, visits

PUBLISHED = date(2024, 3, 20)

CASES = [
    # (text, start, precision, end)
    ("12일(현지시간) 시장을 만났다.", date(2024, 3, 12), "day", None),
    ("지난 15일 협약을 맺었다.", date(2024, 3, 15), "day", None),
    ("지난 25일 협약을 맺었다.", date(2024, 2, 25), "day", None),  # after the 20th: last month
    ("오는 25일 방문한다.", date(2024, 3, 25), "day", None),
    ("오는 5일 방문한다.", date(2024, 4, 5), "day", None),  # before the 20th: next month
    ("지난 9월 27일 보스턴을 찾았다.", date(2023, 9, 27), "day", None),  # no year, last September
    ("오는 2월 3일 출국한다.", date(2025, 2, 3), "day", None),
    ("3월 5일 서명했다.", date(2024, 3, 5), "day", None),
    ("2023년 11월 8일 설립됐다.", date(2023, 11, 8), "day", None),
    ("2024.1.12 체결", date(2024, 1, 12), "day", None),
    ("지난 22년 7월 협약을 체결했다.", date(2022, 7, 1), "month", None),
    ("지난 4월 미국을 방문했다.", date(2023, 4, 1), "month", None),
    ("오는 5월 개소한다.", date(2024, 5, 1), "month", None),
    ("2025년 1월 문을 연다.", date(2025, 1, 1), "month", None),
    ("올해 6월 선정됐다.", date(2024, 6, 1), "month", None),
    ("2021년 설립된 회사", date(2021, 1, 1), "year", None),
    ("2019년 대구시와 손잡았다.", date(2019, 1, 1), "year", None),  # 대 of the next word
    ("지난해 방문했다.", date(2023, 1, 1), "year", None),
    ("오늘 회의를 열었다.", date(2024, 3, 20), "day", None),
    ("다음 달 착공한다.", date(2024, 4, 1), "month", None),
    ("오는 27일부터 4월 3일까지 순방한다.", date(2024, 3, 27), "day", date(2024, 4, 3)),
    ("5월 2일부터 7일까지 머문다.", date(2024, 5, 2), "day", date(2024, 5, 7)),
    ("3월 18~19일 열린다.", date(2024, 3, 18), "day", date(2024, 3, 19)),
]


@pytest.mark.parametrize(("text", "start", "precision", "end"), CASES)
def test_dates(text: str, start: date, precision: str, end: date | None) -> None:
    (mention,) = find_dates(text, PUBLISHED)
    assert mention.value is not None
    assert (mention.value.on, mention.value.precision, mention.value.end_on) == (
        start,
        precision,
        end,
    )
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "10년만에 성공했다.",
        "70여년의 역사",
        "30일간 머문다.",
        "3일째 이어진다.",
        "제5차 회의",
        "250여 년 전",
        "2010년대 이후 늘었다.",
    ],
)
def test_durations_and_ordinals_are_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_without_a_publication_date_only_years_resolve() -> None:
    assert [m.value for m in find_dates("12일(현지시간) 방문했다.", None)] == [None]
    assert [m.value for m in find_dates("지난 4월 방문했다.", None)] == [None]
    (explicit,) = find_dates("2023년 4월 28일 방문했다.", None)
    assert explicit.value is not None and explicit.value.on == date(2023, 4, 28)


def test_direction_words() -> None:
    (past,) = find_dates("지난 3일 만났다.", PUBLISHED)
    (future,) = find_dates("오는 3일 만난다.", PUBLISHED)
    assert (past.direction, future.direction) == ("past", "future")
    assert past.value.on == date(2024, 3, 3) and future.value.on == date(2024, 4, 3)


# Ranges, on a publication date a few days before a year end: every combination of a
# bare day, a month-day and a month named relative to publication (다음달, 내달, 이달).
DEC_20 = date(2024, 12, 20)

RANGES = [
    # (text, published, future_hint, start, precision, end)
    # day–day: one month, the end by the publication date for a past range...
    ("5일부터 8일까지 머물렀다.", DEC_20, False, date(2024, 12, 5), "day", date(2024, 12, 8)),
    ("5~8일 열렸다.", DEC_20, False, date(2024, 12, 5), "day", date(2024, 12, 8)),
    ("5일~8일 열렸다.", DEC_20, False, date(2024, 12, 5), "day", date(2024, 12, 8)),
    # ...so a past range that would end after the 20th is last month's.
    (
        "지난 18일부터 22일까지 머물렀다.",
        DEC_20,
        False,
        date(2024, 11, 18),
        "day",
        date(2024, 11, 22),
    ),
    # after 오는, from the publication date on: the 5th is next month's, next year's.
    ("오는 5~8일 열린다.", DEC_20, False, date(2025, 1, 5), "day", date(2025, 1, 8)),
    # a smaller last day is in the next month.
    ("오는 28일부터 3일까지 순방한다.", DEC_20, False, date(2024, 12, 28), "day", date(2025, 1, 3)),
    # day–month-day: the start is in the month before the one the end names.
    ("5일부터 4월 2일까지 열린다.", PUBLISHED, False, date(2024, 3, 5), "day", date(2024, 4, 2)),
    (
        "3월 5일부터 4월 2일까지 열린다.",
        PUBLISHED,
        False,
        date(2024, 3, 5),
        "day",
        date(2024, 4, 2),
    ),
    # month-day–day: the end in the start's month, or the next when smaller.
    ("5월 28일부터 3일까지 머문다.", PUBLISHED, False, date(2024, 5, 28), "day", date(2024, 6, 3)),
    # day–relative month-day, across the year end, with and without 오는.
    (
        "오는 28일부터 다음달 3일까지 4박 5일간 보스턴을 방문한다.",
        DEC_20,
        True,
        date(2024, 12, 28),
        "day",
        date(2025, 1, 3),
    ),
    ("28일부터 내달 3일까지 머문다.", DEC_20, True, date(2024, 12, 28), "day", date(2025, 1, 3)),
    (
        "28일부터 다음 달 3일까지 머문다.",
        DEC_20,
        False,
        date(2024, 12, 28),
        "day",
        date(2025, 1, 3),
    ),
    # 다음달 says the start is in this month, even on a smaller day.
    ("1일부터 다음달 3일까지 머문다.", DEC_20, False, date(2024, 12, 1), "day", date(2025, 1, 3)),
    # relative month-day at both ends.
    (
        "지난달 28일부터 이달 3일까지 머물렀다.",
        DEC_20,
        False,
        date(2024, 11, 28),
        "day",
        date(2024, 12, 3),
    ),
    # a month's end is its last day; its beginning names no day to end on.
    ("20일부터 이달 말까지 열린다.", DEC_20, True, date(2024, 12, 20), "day", date(2024, 12, 31)),
    ("오는 28일부터 다음 달 초까지 머문다.", DEC_20, True, date(2024, 12, 28), "day", None),
    ("3월부터 5월까지 열린다.", PUBLISHED, False, date(2024, 3, 1), "month", date(2024, 5, 31)),
    # month-day–month-day across a year end: the year the text leaves unsaid changes.
    (
        "12월 28일부터 1월 3일까지 방문한다.",
        DEC_20,
        True,
        date(2024, 12, 28),
        "day",
        date(2025, 1, 3),
    ),
    (
        "12월 28일부터 1월 3일까지 방문했다.",
        date(2025, 1, 10),
        False,
        date(2024, 12, 28),
        "day",
        date(2025, 1, 3),
    ),
    # a year word (지난해) holds for both ends too.
    (
        "지난해 3월 5일부터 4월 2일까지 머물렀다.",
        DEC_20,
        False,
        date(2023, 3, 5),
        "day",
        date(2023, 4, 2),
    ),
    ("2024년 12월 28일부터 1월 3일까지", None, False, date(2024, 12, 28), "day", date(2025, 1, 3)),
    ("12월 28일부터 2025년 1월 3일까지", None, False, date(2024, 12, 28), "day", date(2025, 1, 3)),
]


@pytest.mark.parametrize(("text", "published", "future", "start", "precision", "end"), RANGES)
def test_ranges(
    text: str,
    published: date | None,
    future: bool,
    start: date,
    precision: str,
    end: date | None,
) -> None:
    (mention,) = find_dates(text, published, future_hint=future)
    assert mention.value is not None
    assert (mention.value.on, mention.value.precision, mention.value.end_on) == (
        start,
        precision,
        end,
    )
    assert text[mention.start : mention.end] == mention.text
    assert "부터" not in text or mention.text.endswith("까지")  # the whole range, 까지 included


@pytest.mark.parametrize(
    ("text", "said", "on", "precision"),
    [
        ("내달 3일 출국한다.", "내달 3일", date(2025, 1, 3), "day"),
        ("다음달 1일 문을 연다.", "다음달 1일", date(2025, 1, 1), "day"),
        ("지난달 28일 만났다.", "지난달 28일", date(2024, 11, 28), "day"),
        ("이달 말 착공한다.", "이달 말", date(2024, 12, 1), "month"),
        ("다음 달 초에 개소한다.", "다음 달 초", date(2025, 1, 1), "month"),
    ],
)
def test_days_and_parts_of_a_relative_month(text: str, said: str, on: date, precision: str) -> None:
    (mention,) = find_dates(text, DEC_20)
    assert mention.value is not None
    assert (mention.text, mention.value.on, mention.value.precision) == (said, on, precision)


def test_without_a_publication_date_relative_ranges_stay_unknown() -> None:
    """No year or month to fix them by: no value, no guess, and no crash."""
    for text in (
        "오는 28일부터 다음달 3일까지",
        "5~8일",
        "5일부터 4월 2일까지",
        "이달 말",
        "내달 3일",
    ):
        (mention,) = find_dates(text, None)
        assert (mention.text, mention.value) == (text, None)


def test_a_trip_length_is_not_a_date() -> None:
    assert find_dates("3박 5일 일정으로 방문한다.", DEC_20) == []
    assert find_dates("4박5일 일정", DEC_20) == []
    (trip,) = find_dates("오는 28일부터 다음달 3일까지 5박 7일 일정", DEC_20)
    assert trip.text == "오는 28일부터 다음달 3일까지"


def test_words_between_two_dates_make_no_range() -> None:
    first, second = find_dates("5일부터 협력을 시작해 8일 협약을 맺었다.", DEC_20)
    assert (first.text, first.value.on, first.value.end_on) == ("5일", date(2024, 12, 5), None)
    assert (second.text, second.value.on) == ("8일", date(2024, 12, 8))


def test_month_words_do_not_swallow_words() -> None:
    (mention,) = find_dates("이달 말레이시아를 방문한다.", DEC_20)
    assert mention.text == "이달"


@pytest.mark.parametrize(
    ("text", "published", "future", "on", "precision"),
    [
        # No year: a past event goes before the report, a planned one after it, when the
        # other year is the nearer one.
        ("12월 28일 보스턴을 방문했다.", date(2025, 1, 3), False, date(2024, 12, 28), "day"),
        ("1월 15일 방문할 예정이다.", date(2024, 12, 20), True, date(2025, 1, 15), "day"),
        ("12월 보스턴을 방문했다.", date(2025, 2, 3), False, date(2024, 12, 1), "month"),
        ("1월 방문할 계획이다.", date(2024, 11, 5), True, date(2025, 1, 1), "month"),
        # A planned day-of-month earlier than the report's is next month's.
        ("5일 보스턴을 방문한다.", date(2024, 12, 28), True, date(2025, 1, 5), "day"),
        # When the publication year is the nearer one it stands, whatever the tense.
        ("5월 22일 방문했다.", date(2024, 5, 20), False, date(2024, 5, 22), "day"),
        ("3월 5일 서명한다.", date(2024, 3, 20), True, date(2024, 3, 5), "day"),
        ("7월 2일 방문했다.", date(2024, 3, 20), False, date(2024, 7, 2), "day"),
    ],
)
def test_a_date_without_a_year_on_the_side_its_tense_says(
    text: str, published: date, future: bool, on: date, precision: str
) -> None:
    (mention,) = find_dates(text, published, future_hint=future)
    assert mention.value is not None
    assert (mention.value.on, mention.value.precision) == (on, precision)


@pytest.mark.parametrize(
    ("text", "visited_on", "status"),
    [
        # A reported clause keeps its own tense: the 26th is coming though 밝혔다 is past.
        ("이철우 경북지사가 26일 하버드대를 방문한다고 밝혔다.", date(2024, 3, 26), "planned"),
        ("이철우 경북지사가 26일 하버드대를 방문한다고 20일 밝혔다.", date(2024, 3, 26), "planned"),
        # A reported past is past: the 26th of last month.
        ("이철우 경북지사가 26일 하버드대를 방문했다고 밝혔다.", date(2024, 2, 26), "completed"),
    ],
)
def test_a_date_inside_a_reported_clause_follows_that_clauses_tense(
    text: str, visited_on: date, status: str
) -> None:
    assert visits(extract_text(text, PUBLISHED)) == {("이철우", "harvard"): (status, visited_on)}


@pytest.mark.parametrize(
    ("text", "visited_on", "status"),
    [
        # A clause that only comes before a plan (방문한 뒤 … 예정이다): its bare day is
        # the nearest one, here ahead.
        ("이철우 경북지사는 21일 하버드대를 방문한 뒤 귀국할 예정이다.", date(2024, 3, 21), "planned"),
        # …and here behind: signed, then a plan.
        ("이철우 경북지사는 15일 하버드대를 방문한 뒤 내년에 다시 찾을 예정이다.", date(2024, 3, 15), "completed"),
    ],
)
def test_a_clause_before_a_plan_takes_the_nearest_day(
    text: str, visited_on: date, status: str
) -> None:
    assert visits(extract_text(text, PUBLISHED)) == {("이철우", "harvard"): (status, visited_on)}

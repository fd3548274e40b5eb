"""Date expressions resolved against a publication date, on sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.dates import find_dates

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

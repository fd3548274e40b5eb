"""Money expressions, one rule family: sentences of our own, values worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from etl.extract.amounts import find_amounts, parse_korean_number

MONEY = [
    # (text, value, currency, qualifier)
    ("투자 규모는 1,500만 달러다.", 15_000_000, "USD", "exact"),
    ("2천만 달러를 유치했다.", 20_000_000, "USD", "exact"),
    ("총 3억 5천만 원이 들었다.", 350_000_000, "KRW", "exact"),
    ("5억달러 규모다.", 500_000_000, "USD", "exact"),
    ("100억원대 투자를 받았다.", 10_000_000_000, "KRW", "approx"),
    ("a $20 million round", 20_000_000, "USD", "exact"),
    ("사업비 1조 2천억 원을 투입한다.", 1_200_000_000_000, "KRW", "exact"),
    ("약 1,500만 달러 이상의 투자", 15_000_000, "USD", "at_least"),
    ("최대 2천만 달러 규모의 계약", 20_000_000, "USD", "at_most"),
    ("약 300억 원을 지원한다.", 30_000_000_000, "KRW", "approx"),
    ("50억 원 이상을 투자", 5_000_000_000, "KRW", "at_least"),
    ("1천억원을 넘는 매출", 100_000_000_000, "KRW", "at_least"),
    ("200만 유로 이하로 책정됐다.", 2_000_000, "EUR", "at_most"),
    ("10억 엔을 출자했다.", 1_000_000_000, "JPY", "exact"),
    ("3,000여만 달러를 모았다.", 30_000_000, "USD", "approx"),
    ("500억 원 가량이 필요하다.", 50_000_000_000, "KRW", "approx"),
    ("US$ 1.5 billion 규모", 1_500_000_000, "USD", "exact"),
    ("최소 100만 달러를 받는다.", 1_000_000, "USD", "at_least"),
    ("20억 위안을 투자한다.", 2_000_000_000, "CNY", "exact"),
    ("2억 5,000만 달러 규모", 250_000_000, "USD", "exact"),
    ("천만 원을 기부했다.", 10_000_000, "KRW", "exact"),
    ("3.2억 달러에 인수했다.", 320_000_000, "USD", "exact"),
    ("120억 원 미만", 12_000_000_000, "KRW", "at_most"),
    ("7천500만 달러를 조달했다.", 75_000_000, "USD", "exact"),
    # The particle 만 (only) before a number is no ten thousand.
    ("선급금만 2000만 달러를 받는다.", 20_000_000, "USD", "exact"),
    ("상반기에만 70억원을 썼다.", 7_000_000_000, "KRW", "exact"),
    # A Hangul number starts a word: 인천만 holds no 천만.
    ("인천만 40억원을 받았다.", 4_000_000_000, "KRW", "exact"),
    # Verbs that bound or approach the amount, in any ending.
    ("매출이 2조 원을 웃돈다.", 2_000_000_000_000, "KRW", "at_least"),
    ("기술료가 4억 달러에 못 미친다.", 400_000_000, "USD", "at_most"),
    ("200억원 가까이 투자했다.", 20_000_000_000, "KRW", "approx"),
    ("시장이 3조원에 육박한다.", 3_000_000_000_000, "KRW", "approx"),
    ("7억 달러를 밑돈다.", 700_000_000, "USD", "at_most"),
    ("6억 달러에 달한다.", 600_000_000, "USD", "exact"),  # reaching is no bound
]

NOT_MONEY = [
    "100만 자족도시를 완성한다.",
    "국내 30개 바이오 기업이 입주했다.",
    "250여 년 전 독립을 위해 싸웠다.",
    "1,000개가 넘는 연구기관이 있다.",
    "연구원 3명과 교수 2명이 참석했다.",
    "병원 2곳을 방문했다.",
    "수백억 원대의 시장이 열린다.",
    "5천 명의 인재를 양성한다.",
    "2024년 3월 12일 체결했다.",
    "1만 평 규모의 부지",
    "$0 지원",  # no amount is zero (found by the property tests)
    "0원",
]


@pytest.mark.parametrize(("text", "value", "currency", "qualifier"), MONEY)
def test_money(text: str, value: int, currency: str, qualifier: str) -> None:
    (amount,) = find_amounts(text)
    assert (amount.value, amount.currency, amount.qualifier) == (
        Decimal(value),
        currency,
        qualifier,
    )
    assert text[amount.start : amount.end] == amount.raw_text


@pytest.mark.parametrize("text", NOT_MONEY)
def test_numbers_that_are_not_money(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3억 5천만", 350_000_000),
        ("1조 2천억", 1_200_000_000_000),
        ("1,500만", 15_000_000),
        ("이천만", 20_000_000),
    ],
)
def test_korean_number_words(text: str, value: int) -> None:
    assert parse_korean_number(text) == value


def test_two_amounts_in_one_sentence() -> None:
    found = find_amounts("시는 50억 원을, 기업은 약 2천만 달러를 투자한다.")
    assert [(int(a.value), a.currency, a.qualifier) for a in found] == [
        (5_000_000_000, "KRW", "exact"),
        (20_000_000, "USD", "approx"),
    ]


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"),
    [
        # A range writes its currency once: both ends are amounts, bounds of each other.
        ("시장은 200억~400억원으로 추산된다.", 20_000_000_000, 40_000_000_000, "KRW"),
        ("기술료는 2억~3억 달러로 예상된다.", 200_000_000, 300_000_000, "USD"),
        # The lower end without a unit takes the upper end's (4~6억 달러: 4억 to 6억).
        ("기술료는 4~6억 달러로 예상된다.", 400_000_000, 600_000_000, "USD"),
    ],
)
def test_a_range_is_two_bounds(text: str, low: int, high: int, currency: str) -> None:
    found = find_amounts(text)
    assert [(int(a.value), a.currency, a.qualifier) for a in found] == [
        (low, currency, "at_least"),
        (high, currency, "at_most"),
    ]
    assert all(text[a.start : a.end] == a.raw_text for a in found)


def test_a_range_of_days_before_an_amount_is_no_amount() -> None:
    found = find_amounts("10~20일 사이 30억원을 낸다.")
    assert [(int(a.value), a.qualifier) for a in found] == [(3_000_000_000, "exact")]

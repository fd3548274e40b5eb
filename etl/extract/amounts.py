"""Money expressions in Korean news: 1,500만 달러, 3억 5천만 원, 100억원대, $20 million.

Only a number followed by a currency (or preceded by $, US$, ₩, €) is money: counts
such as 30개 기업, 250여 년 or 100만 자족도시 never are. Qualifiers come from the
words around the number: 약/여/대/가량/정도 (approx), 이상/넘는/최소 (at least),
최대/이하/미만 (at most). When a bound and an approximation meet (약 1,500만 달러
이상) the bound wins: it is the stronger statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from etl.extract.lexicon import particle_forms
from etl.records import AmountQualifier

_BIG_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL_UNITS = {"천": 1000, "백": 100, "십": 10}
_HANGUL_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}

_CURRENCIES: list[tuple[str, str]] = [
    ("홍콩달러", "HKD"),
    ("홍콩 달러", "HKD"),
    ("캐나다달러", "CAD"),
    ("캐나다 달러", "CAD"),
    ("호주달러", "AUD"),
    ("호주 달러", "AUD"),
    ("싱가포르달러", "SGD"),
    ("싱가포르 달러", "SGD"),
    ("미화", "USD"),
    ("미 달러", "USD"),
    ("달러", "USD"),
    ("불", "USD"),
    ("USD", "USD"),
    ("원화", "KRW"),
    ("원", "KRW"),
    ("KRW", "KRW"),
    ("엔화", "JPY"),
    ("엔", "JPY"),
    ("JPY", "JPY"),
    ("유로", "EUR"),
    ("EUR", "EUR"),
    ("위안", "CNY"),
    ("CNY", "CNY"),
    ("파운드", "GBP"),
    ("GBP", "GBP"),
    ("스위스프랑", "CHF"),
    ("스위스 프랑", "CHF"),
    ("CHF", "CHF"),
]
_CURRENCY_ALT = "|".join(re.escape(c) for c, _ in sorted(_CURRENCIES, key=lambda c: -len(c[0])))
_CURRENCY_CODE = dict(_CURRENCIES)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KO_NUM = r"[일이삼사오육칠팔구십백천]+"
# A unit is never a number by itself: 계약금만 1000만 달러 is 1000만, not 만 + 1000만.
_GROUP = rf"(?:(?:{_NUM})\s*여?\s*(?:[천백십])?\s*(?:[조억만])?|(?:천|백|십)\s*[조억만]|{_KO_NUM}[조억만])"
# 1억 달러를 넘는: the object or subject particle before a verb of exceeding, from the
# one particle table (rules/particles.csv). Hangul forms only (Kiwi's ᆯ/ᆫ are not text).
_OBJ_SUBJ = "|".join(
    sorted(
        (f for f in particle_forms("obj", "subj", "dat") if re.fullmatch(r"[가-힣]", f)),
        key=len,
        reverse=True,
    )
)
# Verbs that bound or approach an amount, by their stems: 넘는/넘어섰다/넘긴, 웃돈다/웃도는,
# 상회, 밑돈다, 하회, 못 미친다, 가까이/가까운, 육박, 근접.
_BOUND_VERBS = (
    r"넘[는게어긴었은을]|웃[도돈돌]|상회|초과|밑[도돈돌]|하회|못\s?미[치친쳐칠]|미달|"
    r"가까[이운]|육박|근접"
)
_KOREAN_AMOUNT = re.compile(
    rf"(?P<pre>(?:약|대략|최대|최소|최고|적어도|총|무려)\s*)?"
    # A number written in Hangul starts a word (인천만 50억원 holds no 천만).
    rf"(?P<num>(?:(?=\d)|(?<![가-힣]))(?:{_GROUP})(?:\s*(?:{_GROUP}))*?)"
    rf"\s*(?P<approx_mid>여|여만|남짓)?\s*"
    rf"(?P<cur>{_CURRENCY_ALT})"
    rf"(?P<post>\s*(?:대|가량|정도|안팎|내외|남짓|이상|이하|미만|초과|이내|여|"
    rf"(?:{_OBJ_SUBJ})?\s*(?:{_BOUND_VERBS}))?)",
)
_DOLLAR_AMOUNT = re.compile(
    rf"(?P<pre>(?:약|최대|최소|총)\s*)?(?P<sym>US\$|\$|₩|€|£)\s*(?P<num>{_NUM})\s*"
    r"(?P<scale>trillion|billion|million|thousand|bn|mn|[BMK](?![a-z])|조|억|만)?"
    rf"(?P<post>\s*(?:이상|이하|미만|초과|가량|정도|여)?)",
    re.I,
)
_SYMBOL_CURRENCY = {"US$": "USD", "$": "USD", "₩": "KRW", "€": "EUR", "£": "GBP"}
_SCALE = {
    "trillion": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
    "조": 10**12,
    "억": 10**8,
    "만": 10**4,
}
# A currency word that is really part of another word: 원 in 연구원/병원/회원, 불 in 불확실.
_NOT_CURRENCY_AFTER = re.compile(r"^(?:[가-힣])")
_CURRENCY_WORD_OK_AFTER = (
    "을",
    "를",
    "의",
    "이",
    "가",
    "은",
    "는",
    "에",
    "로",
    "으로",
    "과",
    "와",
    "씩",
    "어치",
    "대",
    "가량",
    "정도",
    "이상",
    "이하",
    "미만",
    "초과",
    "규모",
    "상당",
    "안팎",
    "내외",
    "까지",
    "부터",
    "도",
    "만",
    "짜리",
    "선",
    "수준",
    "에서",
    "였",
    "이다",
    "입니다",
    "화",
    "넘",
)


@dataclass(frozen=True)
class AmountMention:
    start: int
    end: int
    raw_text: str
    value: Decimal
    currency: str
    qualifier: AmountQualifier


def _number(text: str) -> Decimal | None:
    text = text.replace(",", "").strip()
    if not text:
        return None
    if text.isdigit() or re.fullmatch(r"\d+\.\d+", text):
        return Decimal(text)
    total = 0
    current = 0
    for ch in text:
        if ch in _HANGUL_DIGITS:
            current = _HANGUL_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            total += (current or 1) * _SMALL_UNITS[ch]
            current = 0
        else:
            return None
    return Decimal(total + current)


def parse_korean_number(text: str) -> Decimal | None:
    """'3억 5천만' → 350000000; '2천만' → 20000000; '1,500만' → 15000000."""
    compact = re.sub(r"\s+", "", text)
    if not compact:
        return None
    total = Decimal(0)
    section = Decimal(0)  # the part below the next big unit (조/억/만)
    for piece in re.finditer(rf"({_NUM}|{_KO_NUM})?([천백십])?([조억만])?", compact):
        number, small, big = piece.groups()
        if not (number or small or big):
            continue
        value = Decimal(1)
        if number:
            parsed = _number(number)
            if parsed is None:
                return None
            value = parsed
        if small:
            value *= _SMALL_UNITS[small]
        if big:
            total += (section + value) * _BIG_UNITS[big]
            section = Decimal(0)
        else:
            section += value
    total += section
    return total if total > 0 else None


def _qualifier(pre: str | None, mid: str | None, post: str | None) -> AmountQualifier:
    words = " ".join(w for w in (pre, mid, post) if w)
    if re.search(r"이상|넘|웃[도돈돌]|상회|초과|최소|적어도", words):
        return "at_least"
    if re.search(r"최대|최고|이하|미만|이내|밑[도돈돌]|하회|못\s?미|미달", words):
        return "at_most"
    if re.search(r"약|대략|여|대|가량|정도|안팎|내외|남짓|가까|육박|근접", words):
        return "approx"
    return "exact"


def _currency_is_word(text: str, currency: str, end: int) -> bool:
    """Whether a one-syllable currency ends a word (원 in 5억 원을, not in 5억 원장)."""
    rest = text[end:]
    if len(currency) > 1 or not rest or not _NOT_CURRENCY_AFTER.match(rest):
        return True
    return rest.startswith(_CURRENCY_WORD_OK_AFTER)


def find_amounts(text: str) -> list[AmountMention]:
    found: list[AmountMention] = []
    taken: list[tuple[int, int]] = []
    for match in _DOLLAR_AMOUNT.finditer(text):
        number = _number(match["num"])
        if number is None:
            continue
        scale = match["scale"]
        value = number * (_SCALE[scale.lower()] if scale else 1)
        if value <= 0:
            continue  # $0: no amount (the database takes positive values only)
        end = (
            match.end("post")
            if match["post"].strip()
            else match.end("scale")
            if scale
            else match.end("num")
        )
        start = match.start("pre") if match["pre"] else match.start("sym")
        found.append(
            AmountMention(
                start,
                end,
                text[start:end],
                value,
                _SYMBOL_CURRENCY[match["sym"].upper() if match["sym"] != "US$" else "US$"],
                _qualifier(match["pre"], None, match["post"]),
            )
        )
        taken.append((start, end))
    for match in _KOREAN_AMOUNT.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if not _currency_is_word(text, match["cur"], match.end("cur")):
            continue
        before = text[: match.start("num")]
        if re.search(r"[\d.,]$", before) or re.search(r"수\s*$", before):
            continue  # inside a longer number, or vague (수백억 원)
        value = parse_korean_number(match["num"].replace("여", ""))
        if value is None or value <= 0:
            continue
        pre = (
            match["pre"]
            if match["pre"] and "총" not in match["pre"] and "무려" not in match["pre"]
            else None
        )
        start = match.start("pre") if pre else match.start("num")
        post = match["post"].strip()
        end = match.end("post") if post else match.end("cur")
        mid = " ".join(filter(None, (match["approx_mid"], "여" if "여" in match["num"] else None)))
        qualifier = _qualifier(pre, mid, post)
        currency = _CURRENCY_CODE[match["cur"]]
        low = _RANGE_LOW.search(before)
        low_value = _range_low_value(low["num"], match["num"]) if low else None
        if low and low_value is not None and low_value < value:
            # 300억~500억원: the currency and the unit written once for both ends.
            found.append(
                AmountMention(
                    low.start("num"), low.end("num"), low["num"], low_value, currency, "at_least"
                )
            )
            qualifier = "at_most" if qualifier == "exact" else qualifier
        found.append(AmountMention(start, end, text[start:end], value, currency, qualifier))
    return sorted(found, key=lambda a: a.start)


# The lower end of a range written before an amount: 300억~, 3~ (5억 달러).
_RANGE_LOW = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<num>(?=\d)(?:{_GROUP})(?:\s*(?:{_GROUP}))*?)\s*[~∼〜]\s*$"
)


def _range_low_value(low: str, high: str) -> Decimal | None:
    """A lower end without a unit takes the unit the upper end begins with (3~5억: 3억)."""
    value = parse_korean_number(low)
    if value is None or re.search("[조억만]", low):
        return value
    unit = re.search("[조억만]", high)
    return value * _BIG_UNITS[unit.group()] if unit else value

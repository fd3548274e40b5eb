"""Property-based tests: the transform never raises on any text, and every fact it
returns keeps the invariants the database and the user rely on.

Three sources of text: arbitrary Unicode; text built from the grammar's pieces (names,
titles, particles, reference institutions, date and amount expressions, brackets, middle
dots, line breaks) in random order; and the sentences of our own rule tests cut, spliced
and perturbed. Each goes through the whole transform (``etl.transform.transform``: clean
→ extract → resolve) as a scraped page, and again as the body after a neutral first
paragraph, with a publication date drawn at random (year ends included, or none).

The suite runs a bounded number of examples with a fixed seed. A longer run, on demand:

    KBIO_HYPOTHESIS_EXAMPLES=20000 pytest -p no:cacheprovider tests/test_extract_properties.py
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import os
import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.clean import clean
from etl.extract import extract
from etl.extract.dates import find_dates
from etl.records import (
    AgreementRecord,
    DateValue,
    Document,
    Extraction,
    SourceFile,
)
from etl.reference import load_reference
from etl.resolve import resolve
from etl.transform import transform

TESTS = Path(__file__).resolve().parent
EXAMPLES = int(os.environ.get("KBIO_HYPOTHESIS_EXAMPLES", "150"))
# derandomize: the same examples on every run, so the suite cannot fail by chance;
# no example database, so a run leaves no files behind. Kiwi's first load is slow:
# no deadline.
bounded = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PRECISIONS = {"day", "month", "year"}
CURRENCY = re.compile(r"^[A-Z]{3}$")


# ---------------------------------------------------------------- invariants


def _check_span(body: str, start: int, end: int, what: str) -> None:
    assert 0 <= start < end <= len(body), f"{what}: span {start}..{end} outside the body"


def _check_date(value: DateValue | None, what: str) -> None:
    if value is None:
        return
    assert isinstance(value.on, date), what
    assert value.precision in PRECISIONS, what
    assert value.end_on is None or value.end_on >= value.on, f"{what}: {value}"


def _check_agreement(extraction: Extraction, agreement: AgreementRecord, body: str) -> None:
    _check_span(body, agreement.start, agreement.end, "agreement")
    assert agreement.summary == body[agreement.start : agreement.end].strip(" ,")
    keys = [key for key, _ in agreement.parties]
    assert len(keys) == len(set(keys)) >= 2, f"parties {agreement.parties}"
    for key, surface in agreement.parties:
        assert key in extraction.organizations, key
        assert surface and surface in body, surface
    _check_date(agreement.when, "agreement date")


def check_invariants(extraction: Extraction) -> None:
    """What every extraction must satisfy, whatever its text."""
    body = extraction.article.body
    sentences = {}
    for sentence in extraction.sentences:
        assert sentence.index not in sentences, "two sentences with one index"
        _check_span(body, sentence.start, sentence.end, "sentence")
        assert body[sentence.start : sentence.end] == sentence.text
        sentences[sentence.index] = sentence

    def inside_sentence(index: int, start: int, end: int, what: str) -> None:
        """A fact's sentence exists and holds the fact's span."""
        assert index in sentences, f"{what}: no sentence {index}"
        _check_span(body, start, end, what)
        sentence = sentences[index]
        assert sentence.start <= start and end <= sentence.end, f"{what} outside its sentence"

    spans = set()
    for mention in extraction.mentions:
        inside_sentence(mention.sentence_index, mention.start, mention.end, "mention")
        assert body[mention.start : mention.end] == mention.surface
        assert (mention.start, mention.end) not in spans, "two mentions of one span"
        spans.add((mention.start, mention.end))
        known = {
            "official": extraction.officials,
            "organization": extraction.organizations,
            "place": load_reference().places,
        }[mention.entity.kind]
        assert mention.entity.key in known, mention

    pairs = set()
    for visit in extraction.visits:
        inside_sentence(visit.sentence_index, visit.start, visit.end, "visit")
        sentence = sentences[visit.sentence_index]
        assert (visit.start, visit.end) == (sentence.start, sentence.end)
        assert visit.official_key in extraction.officials
        assert visit.target.kind in ("organization", "place")
        if visit.target.kind == "organization":
            assert visit.target.key in extraction.organizations
        else:
            assert visit.target.key in load_reference().places
        assert (visit.official_key, visit.target) not in pairs, "one visit twice"
        pairs.add((visit.official_key, visit.target))
        assert visit.status in ("completed", "planned")
        _check_date(visit.when, "visit date")

    local_ids = set()
    for agreement in extraction.agreements:
        inside_sentence(agreement.sentence_index, agreement.start, agreement.end, "agreement")
        _check_agreement(extraction, agreement, body)
        assert agreement.local_id not in local_ids
        local_ids.add(agreement.local_id)

    for count in extraction.agreement_counts:
        inside_sentence(count.sentence_index, count.start, count.end, "agreement count")
        assert body[count.start : count.end] == count.raw_text
        assert count.quantity > 0

    for amount in extraction.amounts:
        inside_sentence(amount.sentence_index, amount.start, amount.end, "amount")
        assert body[amount.start : amount.end] == amount.raw_text
        assert amount.value > 0, amount
        assert CURRENCY.match(amount.currency), amount.currency
        assert amount.qualifier in ("exact", "approx", "at_least", "at_most")
        assert amount.agreement_local_id is None or amount.agreement_local_id in local_ids

    for person in extraction.officials.values():
        assert person.name_ko.strip(), person
    published = extraction.article.published_on
    assert published is None or isinstance(published, date)


def _document(text: str) -> Document:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    size = len(text.encode("utf-8", "surrogatepass"))
    source = SourceFile(Path("property.txt"), "property.txt", size, 0)
    return Document(source, text, "utf-8", digest, digest)


# A first paragraph that states no fact: the cleaner starts the body at a line of
# running text, so what follows it is read as the article's body whatever it looks like.
LEAD = "이 문단은 시험을 위해 만든 기사 본문의 첫 문장으로 아무 사실도 담지 않았다."


def run_everything(text: str, published: date | None) -> None:
    """The whole transform on ``text`` as a page; then ``text`` as the body after a
    neutral lead, through clean → extract → resolve with the publication date
    ``published`` (the dates resolve against it)."""
    check_invariants(transform(_document(text)))
    article = dataclasses.replace(clean(_document(LEAD + "\n" + text)), published_on=published)
    check_invariants(resolve(extract(article)))


# ---------------------------------------------------------------- text sources


@functools.cache
def _institutions() -> list[str]:
    reference = load_reference()
    names = [o.name_ko for o in reference.organizations.values()]
    names += [alias for o in reference.organizations.values() for alias in o.aliases]
    names += [p.name_ko for p in reference.places.values()]
    return sorted(set(names))


@functools.cache
def _titles() -> list[str]:
    return sorted(load_reference().titles)


@functools.cache
def own_sentences() -> list[str]:
    """Every Korean string literal of our rule tests: the sentences they were written on."""
    found: set[str] = set()
    for path in sorted(TESTS.glob("test_rules_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value) >= 8
                and re.search("[가-힣]", node.value)
            ):
                found.add(node.value)
    return sorted(found)


SURNAMES = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "홍", "남궁"]
GIVEN = ["철수", "영희", "길동", "지", "민준", "서연", "동연", "태흠", "다운", "수"]
WESTERN = ["존 스미스", "에릭 랜더", "제임스 와트", "메리", "로버트 랭어"]
PARTICLES = [
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "와",
    "과",
    "에서",
    "의",
    "에",
    "로",
    "도",
    "과 함께",
]
VERBS = [
    "방문했다.",
    "방문한다.",
    "방문할 예정이다.",
    "찾았다.",
    "둘러봤다.",
    "방한한",
    "순방한다.",
    "업무협약(MOU)을 체결했다.",
    "협약을 맺었다.",
    "MOU를 체결할 계획이다.",
    "협력하기로 했다.",
    "양해각서에 서명했다.",
    "간담회를 가졌다.",
    "만났다.",
    "총 9건의 MOU를 체결했다.",
    "3자 협약을",
    "투자를 유치했다.",
]
WORDS = [
    "보스턴",
    "미국",
    "케임브리지",
    "바이오",
    "연구소",
    "대학교",
    "센터",
    "일정으로",
    "현지시간",
    "관계자",
    "등",
    "및",
    "기자",
    "입력",
    "사진",
]
PUNCTUATION = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "·",
    "(",
    ")",
    "[",
    "]",
    "'",
    '"',
    "‘",
    "’",
    "「",
    "」",
    "~",
    "-",
    "/",
    ":",
    "=",
    "…",
    "\t",
    "ㅣ",
    "|",
]


def _number(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(str)


@st.composite
def date_expressions(draw: st.DrawFn) -> str:
    rel = draw(st.sampled_from(["", "", "오는 ", "지난 ", "올해 ", "내년 ", "작년 "]))
    day = draw(_number(0, 35))
    day2 = draw(_number(0, 35))
    month = draw(_number(0, 14))
    month2 = draw(_number(0, 14))
    year = draw(_number(1995, 2030))
    shapes = [
        f"{rel}{day}일",
        f"{rel}{month}월 {day}일",
        f"{rel}{year}년 {month}월 {day}일",
        f"{year}.{month}.{day}",
        f"{rel}{month}월",
        f"{year}년",
        f"{rel}{day}일부터 {day2}일까지",
        f"{rel}{day}~{day2}일",
        f"{rel}{month}월 {day}~{day2}일",
        f"{rel}{day}일부터 {month2}월 {day2}일까지",
        f"{rel}{month}월 {day}일부터 {month2}월 {day2}일까지",
        f"{rel}{day}일부터 다음달 {day2}일까지",
        f"{rel}{day}일부터 내달 {day2}일까지",
        f"{rel}{day}일부터 다음 달 초까지",
        f"{rel}{day}일부터 이달 말까지",
        f"다음달 {day}일",
        f"내달 {day}일",
        f"지난달 {day}일",
        "이달 말",
        "다음 달 초",
        f"{day}박 {day2}일",
        f"{day}일(현지시간)",
        f"{year}년 {month}월 {day}일부터 {day2}일까지",
        f"{rel}{month}월부터 {month2}월까지",
        "오늘",
        "어제",
        "내일",
        f"'{draw(_number(0, 99))}.{month}.{day}",
    ]
    return draw(st.sampled_from(shapes))


@st.composite
def amount_expressions(draw: st.DrawFn) -> str:
    number = draw(
        st.one_of(
            _number(0, 9999),
            st.sampled_from(["0", "0.0", "1,000", "1,234,567", "0.5", "3.", ".5", "00"]),
        )
    )
    unit = draw(st.sampled_from(["", "만", "억", "조", "천만", "백만", "억 5000만"]))
    currency = draw(st.sampled_from(["원", "달러", "弗", "유로", "엔", "", " 원", "불"]))
    prefix = draw(st.sampled_from(["", "약 ", "총 ", "최대 ", "$", "US$", "₩"]))
    suffix = draw(st.sampled_from(["", " 이상", " 규모", "여", "가량", " million", "M"]))
    return f"{prefix}{number}{unit}{currency}{suffix}"


@st.composite
def names(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(WESTERN))
    return draw(st.sampled_from(SURNAMES)) + draw(st.sampled_from(GIVEN))


def grammar_piece() -> st.SearchStrategy[str]:
    return st.one_of(
        names(),
        st.sampled_from(_titles()),
        st.sampled_from(_institutions()),
        st.sampled_from(PARTICLES),
        st.sampled_from(VERBS),
        st.sampled_from(WORDS),
        st.sampled_from(PUNCTUATION),
        date_expressions(),
        amount_expressions(),
    )


@st.composite
def grammar_sentence(draw: st.DrawFn) -> str:
    """A visit, a signing or an investment in the grammar's order (who, when, with or
    where, what), then perturbed: slots left out, pieces thrown in, and now and then
    every slot in random order."""
    institution = st.sampled_from(_institutions())
    person = (
        draw(names())
        + draw(st.sampled_from([" ", ""]))
        + draw(st.sampled_from(_titles()))
        + draw(st.sampled_from(["은", "는", "은", "는", "이", "가", ""]))
    )
    when = draw(date_expressions())
    frame = draw(st.sampled_from(["visit", "signing", "investment"]))
    if frame == "visit":
        slots = [
            person,
            when,
            draw(institution) + draw(st.sampled_from(["을", "를", "을 ", "를 ", "와 ", "·"])),
            draw(
                st.sampled_from(
                    ["방문했다.", "방문한다.", "찾았다.", "둘러봤다.", "방문할 예정이다."]
                )
            ),
        ]
    elif frame == "signing":
        slots = [
            draw(institution) + draw(st.sampled_from(["은", "는", "이", "가", "와", "·"])),
            when,
            draw(institution) + draw(st.sampled_from(["와", "과", " 및 ", "·"])),
            draw(st.sampled_from(VERBS)),
        ]
    else:
        slots = [
            draw(institution) + draw(st.sampled_from(["은", "는", "이"])),
            when,
            draw(amount_expressions()) + draw(st.sampled_from(["을", "를", " 규모의", "에"])),
            draw(st.sampled_from(["투자한다.", "투자를 유치했다.", "MOU를 체결했다."])),
        ]
    slots = [slot for slot in slots if draw(st.integers(0, 7)) < 7]  # each kept 7 times in 8
    for piece in draw(st.lists(grammar_piece(), max_size=3)):
        slots.insert(draw(st.integers(0, len(slots))), piece)
    if draw(st.integers(0, 3)) == 0:
        slots = draw(st.permutations(slots))
    return draw(st.sampled_from([" ", " ", ""])).join(slots)


@st.composite
def grammar_text(draw: st.DrawFn) -> str:
    """Sentences and loose pieces of the grammar, joined by spaces or line breaks."""
    parts = draw(st.lists(st.one_of(grammar_sentence(), grammar_piece()), min_size=1, max_size=8))
    return "".join(part + draw(st.sampled_from([" ", "\n", "", "\n\n"])) for part in parts)


published_dates = st.one_of(
    st.none(),
    st.sampled_from([date(2024, 12, 20), date(2024, 12, 31), date(2025, 1, 1), date(2024, 2, 29)]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
)


@st.composite
def perturbed_sentences(draw: st.DrawFn) -> str:
    """Our test sentences cut, spliced, shuffled, with spans deleted or doubled and
    pieces of the grammar sprinkled in."""
    sentences = own_sentences()
    text = draw(st.sampled_from(sentences))
    for _ in range(draw(st.integers(0, 4))):
        operation = draw(
            st.sampled_from(["cut", "splice", "delete", "double", "sprinkle", "shuffle"])
        )
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, len(text)))
        if operation == "cut":
            text = text[i:j] or text
        elif operation == "splice":
            other = draw(st.sampled_from(sentences))
            k = draw(st.integers(0, len(other)))
            text = text[:i] + other[k:]
        elif operation == "delete":
            text = text[:i] + text[j:]
        elif operation == "double":
            text = text[:j] + text[i:j] + text[j:]
        elif operation == "sprinkle":
            text = text[:i] + draw(grammar_piece()) + text[i:]
        else:
            lines = text.split("\n")
            text = "\n".join(draw(st.permutations(lines)))
    return text


# ---------------------------------------------------------------- properties


@bounded
@given(text=st.text(max_size=300), published=published_dates)
def test_arbitrary_unicode_never_raises(text: str, published: date | None) -> None:
    run_everything(text, published)


@bounded
@given(text=grammar_text(), published=published_dates)
def test_text_from_the_grammar_keeps_the_invariants(text: str, published: date | None) -> None:
    run_everything(text, published)


@bounded
@given(text=perturbed_sentences(), published=published_dates)
def test_our_sentences_perturbed_keep_the_invariants(text: str, published: date | None) -> None:
    run_everything(text, published)


date_text = st.lists(
    st.one_of(date_expressions(), st.sampled_from(PUNCTUATION + PARTICLES + VERBS)), max_size=12
).map("".join)


@bounded
@given(text=date_text, published=published_dates, future=st.booleans())
def test_dates_are_valid_and_never_guessed(text: str, published: date | None, future: bool) -> None:
    """Dates alone, densely: spans in order and pointing at their text, ranges that end
    on or after their start, and without a publication date a value only where the
    text states its year."""
    mentions = find_dates(text, published, future_hint=future)
    last_end = 0
    for mention in mentions:
        assert last_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        last_end = mention.end
        _check_date(mention.value, mention.text)
        if published is None and mention.value is not None:
            assert re.search(r"(?:19|20)\d{2}|'\d{2}|(?:지난|오는)\s*\d{2}\s*년", mention.text)


def test_the_sentence_list_is_the_rule_tests() -> None:
    """The perturbation source really holds our test sentences (not an empty list)."""
    sentences = own_sentences()
    assert "오는 27일부터 4월 3일까지 순방한다." in sentences
    assert len(sentences) > 100

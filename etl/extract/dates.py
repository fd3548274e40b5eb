"""Korean date expressions resolved against the article's publication date.

Handles full dates (2024년 1월 12일, 2024.1.12), two-digit years after 지난/오는
(지난 22년 7월), month-day and day-only forms (9월 27일, 12일(현지시간)), days of a
month named relative to publication (다음달 3일, 내달 3일, 지난달 28일), months (지난 4월,
이달 말, 다음 달 초), years, words (오늘, 지난해, 내년), and ranges: day–day (5일부터
8일까지, 5~8일), day–month-day (27일부터 4월 3일까지), month-day–relative-month-day
(오는 28일부터 다음달 3일까지), across a month or a year end. ``N박 M일`` is a length,
not a date. Without a publication date only expressions that carry their year resolve:
a date we would have to guess is left as None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from etl.records import DateValue

Direction = Literal["past", "future"]

_REL = r"(?:(?P<rel>지난|오는|올해|내년|지난해|작년)\s*)?"
_Y4 = r"(?P<y>(?:19|20)\d{2})"
_NOT_DURATION = r"(?!\s*(?:간|동안|째|만에|만의|이내|주년|이상|분기))"
# A bare day number: not part of a larger number, an ordinal (제5차) or a trip's
# length (4박 5일).
_DAY = r"(?<![\d.,제박])(?<!박\s)(?P<d>\d{1,2})"
# A month named relative to the publication date, and the part of it (이달 말, 다음 달 초)
# when a particle or a non-letter follows (not 말레이시아, 중국, 초청).
_MONTH_WORD = r"(?P<word>이달|이번\s?달|지난\s?달|다음\s?달|내달)"
_PART = r"(?:\s*(?P<part>초순|중순|하순|초|중|말)(?=$|[^가-힣]|[까부께경쯤에으로엔의과와이을은는도만]))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(_REL + _Y4 + r"\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")),
    (
        "ymd",
        re.compile(
            _REL + r"(?<!\d)" + _Y4 + r"\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2})(?!\d)"
        ),
    ),
    (
        "y2md",
        re.compile(
            r"(?:(?P<rel>지난|오는)\s*|')(?P<y2>\d{2})\s*년\s*(?P<m>\d{1,2})\s*월"
            r"(?:\s*(?P<d>\d{1,2})\s*일)?"
        ),
    ),
    ("ym", re.compile(_REL + _Y4 + r"\s*년\s*(?P<m>\d{1,2})\s*월" + _NOT_DURATION)),
    (
        "mdd",
        re.compile(
            _REL
            + r"(?<![\d.])(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*(?:일\s*)?[~∼\-–]\s*(?P<d2>\d{1,2})\s*일"
            + _NOT_DURATION
        ),
    ),
    ("today_md", re.compile(r"(?P<rel>오늘)\s*\(\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})")),
    ("relmd", re.compile(_MONTH_WORD + r"\s*(?P<d>\d{1,2})\s*일" + _NOT_DURATION)),
    (
        "md",
        re.compile(_REL + r"(?<![\d.])(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일" + _NOT_DURATION),
    ),
    (
        "dd",
        re.compile(_REL + _DAY + r"\s*(?:일\s*)?[~∼\-–]\s*(?P<d2>\d{1,2})\s*일" + _NOT_DURATION),
    ),
    ("d", re.compile(_REL + _DAY + r"\s*일" + _NOT_DURATION)),
    ("m", re.compile(_REL + r"(?<![\d.,제])(?P<m>\d{1,2})\s*월" + _NOT_DURATION)),
    # 2010년대 (the 2010s) is no date, 2017년 대전시는 is: 대 counts only glued to 년.
    ("y", re.compile(_REL + r"(?<!\d)" + _Y4 + r"\s*년(?!대|\s*(?:간|동안|만에|째))")),
    ("word", re.compile(r"(?P<word>오늘|어제|내일|올해|지난해|작년|내년)")),
    ("word", re.compile(_MONTH_WORD + _PART)),
]
# Between the two ends of a range, only a joining word: 5일부터 8일까지, 5일~8일.
_RANGE_JOIN = re.compile(r"\s*(?:\(\s*현지\s*시간\s*\)\s*)?(?:부터|에서|~|∼|-|–)\s*")
_RANGE_END = re.compile(r"^\s*까지")
# What may start a range, and what may end one.
_RANGE_STARTS = frozenset({"d", "md", "ymd", "y2md", "m", "ym", "relmd", "word"})
_RANGE_ENDS = frozenset({"d", "md", "ymd", "y2md", "m", "ym", "relmd", "word", "y"})
# Ends that name their own month: a bare start day before one is in the month before
# (27일부터 4월 3일까지, 28일부터 다음달 3일까지).
_NAMES_MONTH = frozenset({"md", "ymd", "y2md", "relmd"})
# Expressions whose year comes from the publication date, not the text.
_YEAR_IMPLIED = frozenset({"md", "m", "mdd"})
_YEAR_WORDS = frozenset({"올해", "내년", "지난해", "작년"})
_MONTH_DELTA = {"이달": 0, "이번달": 0, "지난달": -1, "다음달": 1, "내달": 1}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: DateValue | None
    direction: Direction | None  # what 지난/오는 said, when they did


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    kind: str
    rel: str | None
    y: int | None
    m: int | None
    d: int | None
    word: str | None
    d2: int | None = None
    part: str | None = None  # 초, 중, 말… of a month word


# How far a date without a year may fall on the wrong side of the report (a past event
# after it, a planned one before it) before the other year is the nearer reading.
_HALF_A_YEAR = 183


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe(year: int, month: int, day: int) -> date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _day(on: date | None) -> DateValue | None:
    return DateValue(on, "day") if on else None


def _month_delta(word: str | None) -> int | None:
    return _MONTH_DELTA.get(re.sub(r"\s", "", word or ""))


def _scan(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    taken = [False] * (len(text) + 1)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            groups = match.groupdict()
            year = None
            if groups.get("y"):
                year = int(groups["y"])
            elif groups.get("y2"):
                year = 2000 + int(groups["y2"])
            found.append(
                _Raw(
                    start,
                    end,
                    kind,
                    groups.get("rel"),
                    year,
                    int(groups["m"]) if groups.get("m") else None,
                    int(groups["d"]) if groups.get("d") else None,
                    groups.get("word"),
                    int(groups["d2"]) if groups.get("d2") else None,
                    groups.get("part"),
                )
            )
            for i in range(start, end):
                taken[i] = True
    return sorted(found, key=lambda r: r.start)


def _resolve_word(raw: _Raw, published: date) -> DateValue | None:
    word = raw.word
    if word == "오늘":
        return DateValue(published, "day")
    if word == "어제":
        return _day(published - timedelta(days=1)) if published > date.min else None
    if word == "내일":
        return _day(published + timedelta(days=1)) if published < date.max else None
    years = {"올해": 0, "지난해": -1, "작년": -1, "내년": 1}
    if word in years:
        on = _safe(published.year + years[word], 1, 1)
        return DateValue(on, "year") if on else None
    delta = _month_delta(word)
    if delta is None:
        return None
    y, m = _add_months(published.year, published.month, delta)
    if raw.kind == "relmd":
        return _day(_safe(y, m, raw.d or 0))
    on = _safe(y, m, 1)
    return DateValue(on, "month") if on else None


def _resolve(raw: _Raw, published: date | None, future_hint: bool | None) -> DateValue | None:
    rel = raw.rel
    if raw.kind in ("ymd", "y2md") and raw.y and raw.m:
        if raw.d:
            return _day(_safe(raw.y, raw.m, raw.d))
        on = _safe(raw.y, raw.m, 1)
        return DateValue(on, "month") if on else None
    if raw.kind == "ym" and raw.y and raw.m:
        on = _safe(raw.y, raw.m, 1)
        return DateValue(on, "month") if on else None
    if raw.kind == "y" and raw.y:
        return DateValue(date(raw.y, 1, 1), "year")
    if published is None:
        return None
    if raw.kind in ("word", "relmd"):
        return _resolve_word(raw, published)
    if raw.kind == "dd" and raw.d and raw.d2:
        return _span(*_day_range(rel, raw.d, raw.d2, published, future_hint), None)
    year = published.year
    if rel in ("지난해", "작년"):
        year -= 1
    elif rel == "내년":
        year += 1
    if raw.kind == "mdd" and raw.m and raw.d and raw.d2:
        start = _resolve(replace(raw, kind="md"), published, future_hint)
        end = _safe(start.on.year, start.on.month, raw.d2) if start else None
        return _span(start, _day(end), None)
    if raw.kind in ("md", "today_md") and raw.m and raw.d:
        on = _safe(year, raw.m, raw.d)
        if on is None:
            return None
        if rel == "지난" and on > published:
            on = _safe(year - 1, raw.m, raw.d)
        elif rel == "오는" and on < published:
            on = _safe(year + 1, raw.m, raw.d)
        elif rel is None and year == published.year:
            # No year: the other year when it is the nearer one and the tense does not
            # say otherwise (12월 28일 방문했다 in a January report; 1월 15일 방문할 예정
            # in December). A date months ahead with no plan said stays this year.
            if not future_hint and (on - published).days > _HALF_A_YEAR:
                on = _safe(year - 1, raw.m, raw.d)
            elif future_hint and (published - on).days > _HALF_A_YEAR:
                on = _safe(year + 1, raw.m, raw.d)
        return _day(on)
    if raw.kind == "d" and raw.d:
        y, m = published.year, published.month
        if rel is None and future_hint is None:
            # No tense to go by (방문한 뒤 …: before whatever the sentence tells): the
            # nearest such day to the report, before or after it.
            options = [
                _safe(*_add_months(y, m, delta), raw.d) for delta in (0, -1, 1)
            ]
            near = [on for on in options if on is not None]
            return _day(min(near, key=lambda on: abs((on - published).days))) if near else None
        if rel == "지난" and raw.d > published.day:
            y, m = _add_months(y, m, -1)
        elif rel == "오는" and raw.d < published.day:
            y, m = _add_months(y, m, 1)
        elif rel is None and raw.d > published.day and not future_hint:
            # A news report of something done on a later day-of-month than its own
            # date speaks of the previous month.
            y, m = _add_months(y, m, -1)
        elif rel is None and raw.d < published.day and future_hint:
            # …and of something planned on an earlier day-of-month, of the next month.
            y, m = _add_months(y, m, 1)
        return _day(_safe(y, m, raw.d))
    if raw.kind == "m" and raw.m and 1 <= raw.m <= 12:
        y = year
        if rel == "지난" and raw.m > published.month:
            y -= 1
        elif rel == "오는" and raw.m < published.month:
            y += 1
        elif rel is None and y == published.year and raw.m > published.month + 6:
            y -= 0 if future_hint else 1  # 12월 보스턴을 방문했다, reported in February
        elif rel is None and y == published.year and raw.m < published.month - 6:
            y += 1 if future_hint else 0  # 1월 방문할 예정, reported in November
        on = _safe(y, raw.m, 1)
        return DateValue(on, "month") if on else None
    return None


def _day_range(
    rel: str | None, first: int, last: int, published: date, future_hint: bool
) -> tuple[DateValue | None, DateValue | None]:
    """Two bare days (5일부터 8일까지, 28일부터 3일까지): one month, or two when the
    last day is smaller. A past range ends by the publication date, a range after
    오는 starts from it, and a future one without 오는 starts in the publication month."""
    crossing = last < first
    y, m = published.year, published.month
    if rel == "오는":
        if first < published.day:
            y, m = _add_months(y, m, 1)
    elif rel == "지난" or not future_hint:
        if last > published.day:
            y, m = _add_months(y, m, -1)  # the month the range ends in
        if crossing:
            y, m = _add_months(y, m, -1)
    end_y, end_m = _add_months(y, m, 1) if crossing else (y, m)
    return _day(_safe(y, m, first)), _day(_safe(end_y, end_m, last))


def _last_day(value: DateValue, part: str | None) -> date | None:
    """The last day a month or a year stands for as the end of a range (3월부터 5월까지
    runs through May, 이달 말까지 through this month), None when it names only its
    beginning or middle (다음 달 초까지)."""
    if value.precision == "day":
        return value.on
    if part in ("초", "초순", "중", "중순"):
        return None
    if value.precision == "year":
        return date(value.on.year, 12, 31)
    return _safe(
        value.on.year, value.on.month, calendar.monthrange(value.on.year, value.on.month)[1]
    )


def _span(start: DateValue | None, end: DateValue | None, part: str | None) -> DateValue | None:
    if start is None:
        return None
    end_on = _last_day(end, part) if end else None
    if end_on is None or end_on < start.on:
        return start
    return DateValue(start.on, start.precision, end_on)


def _shift_year(value: DateValue | None, years: int) -> DateValue | None:
    if value is None:
        return None
    on = _safe(value.on.year + years, value.on.month, value.on.day)
    return DateValue(on, value.precision) if on else None


def _with_year(raw: _Raw, year: int) -> _Raw:
    return replace(raw, kind="ymd" if raw.kind == "md" else "ym", y=year)


def _resolve_range(
    first: _Raw, second: _Raw, published: date | None, future_hint: bool
) -> DateValue | None:
    """One value for two expressions joined by 부터/~: each end lends the other what it
    leaves unsaid (month, year), and the end never comes before the start."""
    future = future_hint or first.rel == "오는"
    if second.rel is None and first.rel in ("지난", "오는"):
        # 지난 5일부터 8일까지: the end is as past (or as coming) as the start.
        second = replace(second, rel=first.rel)
    start_says_year = first.y is not None or first.rel in _YEAR_WORDS
    # Ends whose year nothing in the text states: they may move by a year.
    movable = (
        first.kind in _YEAR_IMPLIED and not start_says_year,
        second.kind in _YEAR_IMPLIED and not (second.y or second.rel in _YEAR_WORDS),
    )
    if second.y and movable[0]:
        first = _with_year(first, second.y)  # 12월 28일부터 2025년 1월 3일까지
    if first.kind == "d" and second.kind == "d":
        if published is None or not (first.d and second.d):
            return None
        return _span(*_day_range(first.rel, first.d, second.d, published, future), None)
    start = None if first.kind == "d" else _resolve(first, published, future)
    if start and start_says_year and movable[1]:
        # 2024년 12월 28일부터 1월 3일까지, 지난해 3월 5일부터 4월 2일까지: a year stated
        # once holds for both ends.
        second = _with_year(second, start.on.year)
    end = None if second.kind == "d" else _resolve(second, published, future)
    if second.kind == "d" and second.d and start and start.precision == "day":
        # 5월 2일부터 7일까지 (and 5월 28일부터 3일까지, into the next month).
        y, m = start.on.year, start.on.month
        if second.d < start.on.day:
            y, m = _add_months(y, m, 1)
        end = _day(_safe(y, m, second.d))
    elif second.kind == "d":
        end = _resolve(second, published, future)
    if first.kind == "d" and first.d and end and second.kind in _NAMES_MONTH:
        # 27일부터 4월 3일까지: the end names its month because the start's differs.
        y, m = _add_months(end.on.year, end.on.month, -1)
        start = _day(_safe(y, m, first.d))
    elif first.kind == "d":
        start = _resolve(first, published, future)
    if start and end and end.on < start.on:
        # 12월 28일부터 1월 3일까지: the year the text left unsaid changes in between.
        if movable[1] and (future or not movable[0]):
            end = _shift_year(end, 1)
        elif movable[0]:
            start = _shift_year(start, -1) or start
    return _span(start, end, second.part)


def _direction(raw: _Raw) -> Direction | None:
    word = re.sub(r"\s", "", raw.word or "")
    if raw.rel in ("지난", "지난해", "작년") or word in ("어제", "지난해", "작년", "지난달"):
        return "past"
    if raw.rel in ("오는", "내년") or word in ("내일", "내년", "다음달", "내달"):
        return "future"
    return None


# A week named relative to the report (다음 주, 내주, 지난주): no day to record, but which
# side of the report the event is on.
_WEEK = re.compile(r"(?<![가-힣])(?:(?P<future>다음\s?주|내주|오는\s?주)|(?P<past>지난\s?주))(?=\s|$|[에의,])")


def _weeks(text: str) -> list[DateMention]:
    return [
        DateMention(m.start(), m.end(), m.group(), None, "future" if m["future"] else "past")
        for m in _WEEK.finditer(text)
    ]


def find_dates(
    text: str, published: date | None, future_hint: bool | None = False
) -> list[DateMention]:
    """Date expressions in ``text``, ranges joined, each resolved when it can be.
    ``future_hint``: the sentence tells of the future (True), the past (False), or
    neither (None: a bare day is the nearest one)."""
    raws = _scan(text)
    mentions: list[DateMention] = _weeks(text)
    i = 0
    while i < len(raws):
        raw = raws[i]
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        if (
            nxt
            and raw.kind in _RANGE_STARTS
            and nxt.kind in _RANGE_ENDS
            and _RANGE_JOIN.fullmatch(text, raw.end, nxt.start)
        ):
            close = _RANGE_END.match(text[nxt.end :])
            end = nxt.end + (close.end() if close else 0)
            value = _resolve_range(raw, nxt, published, future_hint)
            direction = _direction(raw) or _direction(nxt)
            mentions.append(DateMention(raw.start, end, text[raw.start : end], value, direction))
            i += 2
            continue
        value = _resolve(raw, published, future_hint)
        mentions.append(
            DateMention(raw.start, raw.end, text[raw.start : raw.end], value, _direction(raw))
        )
        i += 1
    return sorted(mentions, key=lambda m: m.start)

"""Korean date expressions resolved against the article's publication date.

Handles full dates (2024년 1월 12일, 2024.1.12), two-digit years after 지난/오는
(지난 22년 7월), month-day and day-only forms (9월 27일, 12일(현지시간)), months
(지난 4월), years, words (오늘, 지난해, 내년), and ranges (27일부터 4월 3일까지).
Without a publication date only expressions that carry their year resolve: a date
we would have to guess is left as None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from etl.records import DateValue

Direction = Literal["past", "future"]

_REL = r"(?:(?P<rel>지난|오는|올해|내년|지난해|작년)\s*)?"
_Y4 = r"(?P<y>(?:19|20)\d{2})"
_NOT_DURATION = r"(?!\s*(?:간|동안|째|만에|만의|이내|주년|이상|분기))"
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
        ),
    ),
    ("today_md", re.compile(r"(?P<rel>오늘)\s*\(\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})")),
    (
        "md",
        re.compile(_REL + r"(?<![\d.])(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일" + _NOT_DURATION),
    ),
    ("d", re.compile(_REL + r"(?<![\d.,제])(?P<d>\d{1,2})\s*일" + _NOT_DURATION)),
    ("m", re.compile(_REL + r"(?<![\d.,제])(?P<m>\d{1,2})\s*월" + _NOT_DURATION)),
    ("y", re.compile(_REL + r"(?<!\d)" + _Y4 + r"\s*년(?!\s*(?:대|간|동안|만에|째))")),
    (
        "word",
        re.compile(
            r"(?P<word>오늘|어제|내일|올해|지난해|작년|내년|이달|이번\s?달|지난\s?달|다음\s?달)"
        ),
    ),
]
_RANGE_JOIN = re.compile(r"^\s*(?:부터|에서|~|∼|-|–)\s*")
_RANGE_END = re.compile(r"^\s*까지")


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


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def _scan(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    taken = [False] * (len(text) + 1)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
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
                )
            )
            for i in range(start, end):
                taken[i] = True
    return sorted(found, key=lambda r: r.start)


def _resolve(raw: _Raw, published: date | None, future_hint: bool) -> DateValue | None:
    rel = raw.rel
    if raw.kind in ("ymd", "y2md") and raw.y and raw.m:
        if raw.d:
            on = _safe(raw.y, raw.m, raw.d)
            return DateValue(on, "day") if on else None
        return DateValue(date(raw.y, raw.m, 1), "month") if 1 <= raw.m <= 12 else None
    if raw.kind == "ym" and raw.y and raw.m:
        return DateValue(date(raw.y, raw.m, 1), "month") if 1 <= raw.m <= 12 else None
    if raw.kind == "y" and raw.y:
        return DateValue(date(raw.y, 1, 1), "year")
    if published is None:
        return None
    if raw.kind == "word":
        word = raw.word
        if word == "오늘":
            return DateValue(published, "day")
        if word == "어제":
            return DateValue(published - timedelta(days=1), "day")
        if word == "내일":
            return DateValue(published + timedelta(days=1), "day")
        if word == "올해":
            return DateValue(date(published.year, 1, 1), "year")
        if word in ("지난해", "작년"):
            return DateValue(date(published.year - 1, 1, 1), "year")
        if word == "내년":
            return DateValue(date(published.year + 1, 1, 1), "year")
        delta = {"이달": 0, "이번달": 0, "지난달": -1, "다음달": 1}[re.sub(r"\s", "", word or "")]
        y, m = _add_months(published.year, published.month, delta)
        return DateValue(date(y, m, 1), "month")
    year = published.year
    if rel in ("지난해", "작년"):
        year -= 1
    elif rel == "내년":
        year += 1
    if raw.kind == "mdd" and raw.m and raw.d and raw.d2:
        start = _resolve(
            _Raw(raw.start, raw.end, "md", rel, raw.y, raw.m, raw.d, None), published, future_hint
        )
        end = _resolve(
            _Raw(raw.start, raw.end, "md", rel, raw.y, raw.m, raw.d2, None), published, future_hint
        )
        if start and end and end.on >= start.on:
            return DateValue(start.on, "day", end.on)
        return start
    if raw.kind in ("md", "today_md") and raw.m and raw.d:
        on = _safe(year, raw.m, raw.d)
        if on is None:
            return None
        if rel == "지난" and on > published:
            on = _safe(year - 1, raw.m, raw.d)
        elif rel == "오는" and on < published:
            on = _safe(year + 1, raw.m, raw.d)
        return DateValue(on, "day") if on else None
    if raw.kind == "d" and raw.d:
        y, m = published.year, published.month
        if rel == "지난" and raw.d > published.day:
            y, m = _add_months(y, m, -1)
        elif rel == "오는" and raw.d < published.day:
            y, m = _add_months(y, m, 1)
        elif rel is None and raw.d > published.day and not future_hint:
            # A news report of something done on a later day-of-month than its own
            # date speaks of the previous month.
            y, m = _add_months(y, m, -1)
        on = _safe(y, m, raw.d)
        return DateValue(on, "day") if on else None
    if raw.kind == "m" and raw.m and 1 <= raw.m <= 12:
        y = year
        if rel == "지난" and raw.m > published.month:
            y -= 1
        elif rel == "오는" and raw.m < published.month:
            y += 1
        return DateValue(date(y, raw.m, 1), "month")
    return None


def _direction(raw: _Raw) -> Direction | None:
    word = re.sub(r"\s", "", raw.word or "")
    if raw.rel in ("지난", "지난해", "작년") or word in ("어제", "지난해", "작년", "지난달"):
        return "past"
    if raw.rel in ("오는", "내년") or word in ("내일", "내년", "다음달"):
        return "future"
    return None


def find_dates(text: str, published: date | None, future_hint: bool = False) -> list[DateMention]:
    """Date expressions in ``text``, ranges joined, each resolved when it can be."""
    raws = _scan(text)
    mentions: list[DateMention] = []
    i = 0
    while i < len(raws):
        raw = raws[i]
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        between = text[raw.end : nxt.start] if nxt else ""
        if nxt and _RANGE_JOIN.match(between) and raw.kind in ("d", "md", "ymd", "m", "ym"):
            end_raw = _Raw(
                nxt.start, nxt.end, nxt.kind, nxt.rel or raw.rel, nxt.y, nxt.m, nxt.d, None
            )
            if nxt.kind == "d" and raw.m:
                # 5월 2일부터 7일까지: the end takes the start's month (and year).
                end_raw = _Raw(
                    nxt.start, nxt.end, "ymd" if raw.y else "md", raw.rel, raw.y, raw.m, nxt.d, None
                )
            end_value = _resolve(end_raw, published, future_hint or raw.rel == "오는")
            start_raw = raw
            if raw.kind == "d" and nxt.m and end_value is not None:
                # 27일부터 4월 3일까지: the start's month comes from the end.
                y, m = end_value.on.year, end_value.on.month
                if raw.d and raw.d > end_value.on.day:
                    y, m = _add_months(y, m, -1)
                on = _safe(y, m, raw.d or 1)
                start_value = DateValue(on, "day") if on else None
            else:
                start_value = _resolve(start_raw, published, future_hint or raw.rel == "오는")
            close = _RANGE_END.match(text[nxt.end :])
            end = nxt.end + (close.end() if close else 0)
            value = None
            if start_value and end_value and end_value.on >= start_value.on:
                value = DateValue(start_value.on, start_value.precision, end_value.on)
            elif start_value:
                value = start_value
            mentions.append(
                DateMention(raw.start, end, text[raw.start : end], value, _direction(raw))
            )
            i += 2
            continue
        value = _resolve(raw, published, future_hint)
        mentions.append(
            DateMention(raw.start, raw.end, text[raw.start : raw.end], value, _direction(raw))
        )
        i += 1
    return mentions

"""Visits: an official going to an organization or a place.

A visit is a visit verb (방문, 찾아, 순방, 시찰, 견학, 둘러보) whose object is an
organization or place: ``X를 방문해``, ``X(…)를 방문``, ``X 연구실에 방문해``, ``X 시찰``,
``A와 B 등을 순방한다``, or a relative clause ``방문한 X에서는``. The visitor is the
official heading the sentence, or, when a sentence names none, the last one that did
(Korean drops repeated subjects). A delegation (``홍길동 지사 등 출장단``) is its head.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date

from etl.extract.context import Found, SentenceContext
from etl.extract.dates import DateMention
from etl.extract.events import (
    OfficialMention,
    is_future_date,
    is_subject,
    nearest_date,
    sentence_is_future,
)
from etl.records import EntityRef, VisitRecord

_TRIGGER = re.compile(
    r"방문(?![객자단지록])|찾아|찾았|찾은|찾는|순방|시찰|견학|둘러보|둘러봤|둘러본|들러|들렀|탐방"
)
_UNIT = r"[가-힣A-Za-z]*(?:연구실|연구소|연구센터|센터|캠퍼스|본사|지사|공장|랩|Lab|실험실|사무소|본부|병동|시설)"
_GAP_BEFORE_TRIGGER = re.compile(
    r"^\s*(?:\([^)]*\))?\s*['’”\"]?\s*(?:" + _UNIT + r"(?:\s*\([^)]*\))?\s*)?"
    r"(?:을|를|에|에서|으로|로|도|까지)?\s*(?:등을|등지를|등)?\s*(?:함께\s*|직접\s*|공식\s*|잇따라\s*)?$"
)
_COORDINATION = re.compile(r"^\s*(?:\([^)]*\))?\s*['’”\"]?\s*(?:와|과|및|,|·|그리고)\s*['‘“\"]?$")
_RELATIVE = re.compile(r"^(?:방문한|방문했던|찾은|들른|시찰한|견학한)\s+$")
_PLANNED_AFTER_TRIGGER = re.compile(
    r"^(?:방문|순방|시찰|견학|찾)?\s*(?:할|하고자|키로|하기로|을\s?예정|예정|계획|을\s?계획)"
)


def _targets(ctx: SentenceContext, trigger_start: int, clause: tuple[int, int]) -> list[Found]:
    # The gap rule below ties a target to its verb, so a target may sit in the clause
    # before an adverbial verb form (X를 잇따라 방문): search the whole sentence.
    candidates = [e for e in ctx.entities if e.ref.kind in ("organization", "place")]
    chosen: list[Found] = []
    before = [e for e in candidates if e.end <= trigger_start]
    for i in range(len(before) - 1, -1, -1):
        entity = before[i]
        if _GAP_BEFORE_TRIGGER.match(ctx.slice(entity.end, trigger_start)):
            chosen.append(entity)
            # A와 B 등을 방문: walk back over coordinated names.
            j = i - 1
            while j >= 0 and _COORDINATION.match(ctx.slice(before[j].end, chosen[-1].start)):
                chosen.append(before[j])
                j -= 1
            break
    # 방문한 X에서는: the relative clause names its object after the verb.
    word_end = re.match(r"\S*\s*", ctx.after(trigger_start, 20))
    if word_end:
        after = trigger_start + word_end.end()
        if _RELATIVE.match(ctx.slice(trigger_start, after)):
            for entity in candidates:
                if entity.start == after:
                    chosen.append(entity)
    return [
        e
        for e in chosen
        if not ctx.in_quotes(e.start, e.end) or ctx.in_quotes(trigger_start, trigger_start + 1)
    ]


def find_visits(
    ctx: SentenceContext,
    officials: list[OfficialMention],
    carried_subject: str | None,
    dates: list[DateMention],
    published: date | None,
) -> tuple[list[VisitRecord], str | None]:
    """Visits in one sentence, and the subject to carry to the next sentence."""
    subjects = [m for m in officials if is_subject(ctx, m)]
    subject = subjects[0].person_key if subjects else None
    visits: list[VisitRecord] = []
    for trigger in _TRIGGER.finditer(ctx.text):
        position = ctx.start + trigger.start()
        clause = ctx.clause_of(position)
        targets = _targets(ctx, position, clause)
        if not targets:
            continue
        before_trigger = [m for m in subjects if m.start < position] or subjects
        visitor = before_trigger[0].person_key if before_trigger else None
        if visitor is None:
            earlier = [
                m
                for m in officials
                if m.end <= position
                and not ctx.slice(m.end, position).lstrip().startswith(("와", "과", "등과"))
            ]
            visitor = earlier[0].person_key if earlier and len(officials) == 1 else carried_subject
        if visitor is None:
            continue
        when = nearest_date(dates, position, clause, ctx)
        tail = ctx.text[trigger.start() : clause[1] - ctx.start]
        planned = (
            bool(_PLANNED_AFTER_TRIGGER.match(tail))
            or is_future_date(when, published)
            or (
                (when is None or when.direction != "past")
                and sentence_is_future(ctx)
                and not re.search(r"(했|였|었|았|됐)", tail[:12])
            )
        )
        for target in targets:
            visits.append(
                VisitRecord(
                    official_key=visitor,
                    target=target.ref,
                    status="planned" if planned else "completed",
                    when=when.value if when else None,
                    sentence_index=ctx.index,
                    start=ctx.start,
                    end=ctx.end,
                )
            )
    return visits, subject or carried_subject


def merge_visits(
    visits: list[VisitRecord],
    country_of: Callable[[EntityRef], str | None],
    is_country: Callable[[EntityRef], bool],
) -> list[VisitRecord]:
    """One visit per official and target. Its date is the one the article gives most
    often (a caption repeated with a typo does not win); a visit to a whole country is
    dropped when the same official's visits there are known in more detail."""
    grouped: dict[tuple[str, EntityRef], list[VisitRecord]] = {}
    for visit in visits:
        grouped.setdefault((visit.official_key, visit.target), []).append(visit)
    merged: list[VisitRecord] = []
    for group in grouped.values():
        dated = [v.when for v in group if v.when]
        best = group[0]
        if dated:
            value = Counter(dated).most_common(1)[0][0]
            best = next(v for v in group if v.when == value)
        merged.append(best)
    result = []
    for visit in merged:
        if is_country(visit.target):
            country = country_of(visit.target)
            if any(
                other is not visit
                and other.official_key == visit.official_key
                and not is_country(other.target)
                and country_of(other.target) == country
                for other in merged
            ):
                continue
        result.append(visit)
    return sorted(result, key=lambda v: (v.sentence_index, v.start))

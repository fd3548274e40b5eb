"""Visits: an official going to an organization or a place.

Three frames. A visit verb (방문, 찾아, 순방, 시찰, 견학, 둘러보) whose object is an
organization or place, the object's noun phrase read from Kiwi's tags (``X를 방문해``,
``X 산업단지를 방문``, ``X의 부지를 방문``, ``A와 B 등을 순방한다``, a relative
clause ``방문한 X에서는``). A verb that names the country (``방한한 …``). Presence abroad
(``보스턴에서 간담회를 가졌다``) for an official of another country. The visitor is the
official heading the sentence, the one official named before the verb, or, when a
sentence names none and no one else is its subject, the last one that did (Korean drops
repeated subjects). A delegation (``홍길동 지사 등 출장단``) is its head.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date

from etl.extract.clauses import (
    OfficialMention,
    is_future_date,
    is_subject,
    nearest_date,
    sentence_is_future,
)
from etl.extract.context import Found, SentenceContext
from etl.extract.dates import DateMention
from etl.nlp import Token
from etl.records import EntityRef, VisitRecord, VisitStatus

_TRIGGER = re.compile(
    r"방문(?![객자단지록])|찾아|찾았|찾은|찾는|순방|시찰|견학|둘러보|둘러봤|둘러본|들러|들렀|탐방"
)
# 방한/방미: a visit whose target is in the verb (Korea, the United States).
_COUNTRY_VISIT = re.compile(r"(?<![가-힣])(?P<verb>방한|방미)(?P<rel>한|했던|\s?중인)?")
_COUNTRY_OF_VERB = {"방한": "kr", "방미": "us"}
# Being somewhere: X에서 간담회를 가졌다, X에서 열린 행사에 참석했다, X에서 협약을 체결했다.
_PRESENCE_PREDICATE = re.compile(
    r"가졌|가진|갖고|갖는|가질|개최|열었|열고|열린|참석|진행했|체결|서명|만났|만나|면담|발표했|소개했|"
    r"살피|살펴|둘러|논의|협의|주고받|나눴|나누|청취|들었"
)
# 홍길동 회장을 비롯해, 홍길동 대표를 만나: an official as the object, not the visitor.
_OBJECT_AFTER = re.compile(r"^(?:\s*\([^)]*\))?(?:\s*[^\s,]+){0,3}?(?:을|를)(?=\s|$)")
_NOT_THE_INSTITUTION = frozenset({"부스", "전시관", "홍보관", "전시장", "한국관", "공동관", "제품"})
# Tags that may stand between a visit's target and its verb inside one noun phrase.
_NP_TAGS = {
    "NNG",
    "NNP",
    "NNB",
    "NR",
    "SN",
    "SL",
    "SH",
    "XSN",
    "XPN",
    "SS",
    "SSO",
    "SSC",
    "SO",
    "SW",
    "MAG",
}
_UNIT = r"[가-힣A-Za-z]*(?:연구실|연구소|연구센터|센터|캠퍼스|본사|지사|공장|랩|Lab|실험실|사무소|본부|병동|시설)"
_GAP_BEFORE_TRIGGER = re.compile(
    r"^\s*(?:\([^)]*\))?\s*['’”\"]?\s*(?:" + _UNIT + r"(?:\s*\([^)]*\))?\s*)?"
    r"(?:을|를|에|에서|으로|로|도|까지)?\s*(?:등을|등지를|등)?\s*(?:함께\s*|직접\s*|공식\s*|잇따라\s*)?$"
)
# Words that join a place to the name it locates inside one noun phrase.
_WITHIN_PHRASE = re.compile(r"\s+(?:(?:인근|일대|소재|근처|내)\s+)?")
_COORDINATION = re.compile(
    r"^\s*(?:\([^)]*\))?\s*(?:일대|인근|지역|현지)?\s*['’”\"]?\s*(?:와|과|및|,|·|그리고)\s*['‘“\"]?$"
)
_RELATIVE = re.compile(r"^(?:방문한|방문했던|찾은|들른|시찰한|견학한)\s+$")
_PLANNED_AFTER_TRIGGER = re.compile(
    r"^(?:방문|순방|시찰|견학|찾)?\s*(?:할|하고자|키로|하기로|을\s?예정|예정|계획|을\s?계획)"
)


def _targets(ctx: SentenceContext, trigger_start: int, clause: tuple[int, int]) -> list[Found]:
    # The gap rule below ties a target to its verb, so a target may sit in the clause
    # before an adverbial verb form (X를 잇따라 방문): search the whole sentence.
    candidates = [e for e in ctx.entities if e.ref.kind in ("organization", "place")]
    chosen: list[Found] = []
    # A name inside brackets spells out the one before it (X(서울OO시티)의 현장을 방문).
    before = [
        e
        for e in candidates
        if e.end <= trigger_start
        and (not ctx.in_brackets(e.start, e.end) or ctx.in_brackets(trigger_start, trigger_start))
    ]
    for i in range(len(before) - 1, -1, -1):
        entity = before[i]
        if _GAP_BEFORE_TRIGGER.match(ctx.slice(entity.end, trigger_start)) or noun_phrase_gap(
            ctx, entity.end, trigger_start
        ):
            chosen.append(entity)
            # A와 B 등을 방문: walk back over coordinated names.
            j = i - 1
            anchor = entity.start  # where the current target's noun phrase starts
            while j >= 0:
                gap = ctx.slice(before[j].end, anchor)
                if ctx.in_brackets(before[j].start, before[j].end):
                    j -= 1  # X(MIT), Y: the bracket spells out X; walk on to X itself
                    continue
                if _WITHIN_PHRASE.fullmatch(gap):
                    anchor = before[j].start  # 보스턴 인근 켄달 스퀘어: one noun phrase
                    j -= 1
                    continue
                if not _COORDINATION.match(gap):
                    break
                chosen.append(before[j])
                anchor = before[j].start
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


def _other_subject(
    ctx: SentenceContext, start: int, end: int, officials: list[OfficialMention]
) -> bool:
    """A subject (이/가 in the clause, or a topic 은/는 after a noun in the sentence)
    that marks no official: 연구원 3명이 …를 방문, 두 학생은 …를 방문."""
    tokens = ctx.tokens
    for i, token in enumerate(tokens):
        if token.end > end or i == 0:
            continue
        is_subject = token.tag == "JKS" and token.start >= start
        is_topic = (
            token.tag == "JX"
            and token.form in ("은", "는")
            and tokens[i - 1].tag
            in (
                "NNP",
                "NNG",
                "NNB",
            )
        )
        if (is_subject or is_topic) and not any(0 <= token.start - m.end <= 12 for m in officials):
            return True
    return False


def noun_phrase_gap(ctx: SentenceContext, start: int, end: int, locative: bool = False) -> bool:
    """Whether ``start..end`` only finishes the noun phrase of the entity ending at
    ``start`` and gives it its role: nouns (보스턴 산업단지를), an inner bracket, one
    possessive (X의 부지를), a listed rest (A, B 센터 등을), then the particle: 을/를,
    에 or 도 for a visit's object, 에서(는) for where something happened (``locative``).
    A verb in between means the name belongs to another clause."""
    tokens = [t for t in ctx.tokens if start <= t.start and t.end <= end]
    particles = [t for t in tokens if t.tag.startswith("J") and t.tag != "JKG"]
    if not particles:
        # X 대학 깜짝 방문: one adverbial noun, then the visit noun itself.
        return not locative and len(tokens) == 1 and tokens[0].tag in ("NNG", "MAG")
    if nouns_after(tokens, particles[0]):
        return False
    body = tokens[: tokens.index(particles[0])]
    heads = [t for t in body if t.tag in ("NNG", "NNP")]
    if heads and heads[-1].form in _NOT_THE_INSTITUTION:
        return False  # OO 부스를 둘러보고: the booth at a fair, not the institution
    possessives = [t for t in body if t.tag == "JKG"]
    for token in body:
        if token.tag in _NP_TAGS or token.tag == "JKG":
            continue
        if token.tag == "SP" and "등" in ctx.slice(token.end, end):
            continue  # A, B 센터 등을
        return False
    words = [
        t
        for t in body
        if t.tag not in ("MAG", "SS", "SSO", "SSC") and not ctx.in_brackets(t.start, t.end)
    ]
    if len(possessives) > 1 or len(words) > 6:
        return False  # an inner bracket (a name spelled out) does not lengthen the phrase
    first = particles[0]
    if locative:
        return first.tag == "JKB" and first.form == "에서"
    return first.tag == "JKO" or (first.tag == "JKB" and first.form == "에") or first.form == "도"


def nouns_after(tokens: list[Token], particle: Token) -> bool:
    """A noun after the role particle: the particle belonged to an inner phrase."""
    rest = tokens[tokens.index(particle) + 1 :]
    return any(t.tag in _NP_TAGS and t.tag != "MAG" for t in rest)


def _visitor(
    ctx: SentenceContext,
    officials: list[OfficialMention],
    subjects: list[OfficialMention],
    carried_subject: str | None,
    position: int,
    clause: tuple[int, int],
) -> str | None:
    """Who makes a visit whose verb is at ``position``: the official heading the
    sentence, the one official named before the verb (not as an object or companion),
    or the subject carried from earlier sentences when no one else is the subject."""
    before_trigger = [m for m in subjects if m.start < position] or subjects
    if before_trigger:
        return before_trigger[0].person_key
    earlier = [
        m
        for m in officials
        if m.end <= position
        and not ctx.slice(m.end, position).lstrip().startswith(("와", "과", "등과"))
        and not _OBJECT_AFTER.match(ctx.after(m.end, 30))
    ]
    if earlier and len(officials) == 1:
        return earlier[0].person_key
    if carried_subject is None or _other_subject(ctx, clause[0], position, officials):
        return None  # 연구원 3명이 X대를 방문: someone else visits
    return carried_subject


def _status(
    ctx: SentenceContext,
    verb_at: int,
    clause: tuple[int, int],
    when: DateMention | None,
    published: date | None,
) -> VisitStatus:
    tail = ctx.slice(verb_at, clause[1])
    planned = (
        bool(_PLANNED_AFTER_TRIGGER.match(tail))
        or is_future_date(when, published)
        or (
            (when is None or when.direction != "past")
            and sentence_is_future(ctx)
            and not re.search(r"(했|였|었|았|됐)", tail[:12])
        )
    )
    return "planned" if planned else "completed"


def find_visits(
    ctx: SentenceContext,
    officials: list[OfficialMention],
    carried_subject: str | None,
    dates: list[DateMention],
    published: date | None,
    country_of_official: Callable[[str], str | None] | None = None,
    country_of_target: Callable[[EntityRef], str | None] | None = None,
) -> tuple[list[VisitRecord], str | None]:
    """Visits in one sentence, and the subject to carry to the next sentence.

    Three frames: a visit verb and its object (X를 방문), a verb that names the country
    (방한한 홍길동 장관), and presence abroad (보스턴에서 간담회를 가졌다: an official
    of one country somewhere in another)."""
    subjects = [m for m in officials if is_subject(ctx, m)]
    subject = subjects[0].person_key if subjects else None
    found: list[tuple[str, EntityRef, int, tuple[int, int]]] = []
    for trigger in _TRIGGER.finditer(ctx.text):
        position = ctx.start + trigger.start()
        clause = ctx.clause_of(position)
        targets = _targets(ctx, position, clause)
        visitor = _visitor(ctx, officials, subjects, carried_subject, position, clause)
        if targets and visitor is not None:
            found.extend((visitor, t.ref, position, clause) for t in targets)
    for trigger in _COUNTRY_VISIT.finditer(ctx.text):
        position = ctx.start + trigger.start()
        clause = ctx.clause_of(position)
        visitor = None
        if trigger["rel"] and trigger["rel"].strip() in ("한", "했던", "중인"):
            # 최근 방한한 홍길동 장관: the relative clause's head is the visitor.
            after = [m for m in officials if 0 <= m.start - (ctx.start + trigger.end()) <= 30]
            visitor = after[0].person_key if after else None
        if visitor is None:
            visitor = _visitor(ctx, officials, subjects, carried_subject, position, clause)
        if visitor is not None:
            target = EntityRef("place", _COUNTRY_OF_VERB[trigger["verb"]])
            found.append((visitor, target, position, clause))
    if country_of_official and country_of_target:
        found.extend(
            _presence(
                ctx, officials, subjects, carried_subject, country_of_official, country_of_target
            )
        )
    visits: list[VisitRecord] = []
    for visitor, target, position, clause in found:
        when = nearest_date(dates, position, clause, ctx)
        visits.append(
            VisitRecord(
                official_key=visitor,
                target=target,
                status=_status(ctx, position, clause, when, published),
                when=when.value if when else None,
                sentence_index=ctx.index,
                start=ctx.start,
                end=ctx.end,
            )
        )
    return visits, subject or carried_subject


def _presence(
    ctx: SentenceContext,
    officials: list[OfficialMention],
    subjects: list[OfficialMention],
    carried_subject: str | None,
    country_of_official: Callable[[str], str | None],
    country_of_target: Callable[[EntityRef], str | None],
) -> list[tuple[str, EntityRef, int, tuple[int, int]]]:
    """보스턴에서 간담회를 가졌다, 워싱턴에서 열린 대회에 참석했다: the sentence's subject
    official was at a place (or institution) abroad. Only the nearest place before
    ``에서`` counts, and only when a predicate of being there follows in the sentence."""
    out = []
    visitors = [m.person_key for m in subjects]
    if not visitors and carried_subject and not _other_subject(ctx, ctx.start, ctx.end, officials):
        visitors = [carried_subject]
    if not visitors:
        return out
    places = [e for e in ctx.entities if e.ref.kind in ("organization", "place")]
    for i, entity in enumerate(places):
        if ctx.in_brackets(entity.start, entity.end) or ctx.in_quotes(entity.start, entity.end):
            continue
        locative = re.match(r".{0,40}?에서", ctx.after(entity.end, 44))
        gap_end = entity.end + (locative.end() if locative else 0)
        if not locative or not noun_phrase_gap(ctx, entity.end, gap_end, locative=True):
            continue
        if any(
            entity.end <= p.start < gap_end and not ctx.in_brackets(p.start, p.end)
            for p in places[i + 1 :]
        ):
            continue  # a nearer name before 에서 is the place
        if not _PRESENCE_PREDICATE.search(ctx.slice(gap_end, ctx.end)):
            continue
        target_country = country_of_target(entity.ref)
        for visitor in visitors:
            home = country_of_official(visitor)
            if home and target_country and home != target_country:
                out.append((visitor, entity.ref, gap_end, ctx.clause_of(gap_end)))
    return out


def merge_visits(
    visits: list[VisitRecord],
    country_of: Callable[[EntityRef], str | None],
    is_country: Callable[[EntityRef], bool],
) -> list[VisitRecord]:
    """One visit per official and target. Its date is the one the article gives most
    often (a caption repeated with a typo does not win); a visit to a whole country is
    dropped when the sentence that states it names the place visited there."""
    # A whole country visited in the sentence that names the place visited there
    # (미국에 머무는 시장이 보스턴에서 …) is that place's visit, said twice.
    visits = [
        v
        for v in visits
        if not is_country(v.target)
        or not any(
            o.sentence_index == v.sentence_index
            and o.official_key == v.official_key
            and not is_country(o.target)
            and country_of(o.target) == country_of(v.target)
            for o in visits
        )
    ]
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
    result = merged
    return sorted(result, key=lambda v: (v.sentence_index, v.start))

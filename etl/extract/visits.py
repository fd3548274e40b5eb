"""Visits: an official going to an organization or a place.

A frame over the clause. The trigger is a token pattern of ``rules/visits.json`` (방문,
찾다, 순방, 시찰, 견학, 둘러보다, 들르다, 방한, 출장). Its destinations are the names the
clause gives a role towards it (``etl.extract.clauses``): the object (``X를 방문``,
``A와 B를 순방``, ``X 대학 연구실을 둘러봤다``), the goal (``X에 들렀다``), the
also-visited (``X도 방문``), and the head of a relative clause (``방문한 X에서는``).
A name that modifies the next (미국 보스턴 OO연구소) is not a destination of its own.

The visitor: the official heading the sentence (``홍길동 지사는``), the head of the
relative clause (``방문 중인 홍길동 시장은``), the head of a delegation (``홍길동 지사를
단장으로 하는 대표단은``, ``홍길동 지사가 이끄는 대표단``), the one official named before
the verb, or the visitor carried from earlier sentences when the sentence has no
subject of its own (``이어 X를 찾아``). Someone else as the subject (``연구원 3명이 X를
방문``) is not the official's visit.

A third frame is presence abroad: ``보스턴에서 간담회를 가졌다`` for an official of
another country is a visit to that place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from etl.extract.clauses import (
    Arg,
    arguments,
    clause_start,
    is_future_date,
    nearest_date,
    sentence_tense,
    status_at,
)
from etl.extract.context import SentenceContext
from etl.extract.dates import DateMention
from etl.extract.lexicon import matcher, pattern_by_id
from etl.extract.tokens import Tok
from etl.records import DateValue, EntityRef, VisitRecord, VisitStatus

_DESTINATION_ROLES = frozenset({"obj", "dat", "add"})
_SUBJECT_ROLES = frozenset({"subj", "topic"})
# Words that are a visit's object but not the institution: a booth at a fair.
_NOT_THE_INSTITUTION = frozenset({"부스", "전시관", "홍보관", "전시장", "한국관", "공동관", "제품"})
_COUNTRY_OF_WORD = {"방한": "kr", "방미": "us"}
# Predicates of being somewhere (presence abroad).
_PRESENCE_CLASSES = frozenset({"hold", "meet", "attend", "sign", "visit", "presence", "agree"})


@dataclass
class CarriedVisitor:
    """The official a sentence leaves to the next as its visitor."""

    person: str | None = None
    place: EntityRef | None = None  # where the last sentence's event took place (X에서)
    when: DateValue | None = None  # and on which day, for 이날 (that day) in the next


def _subject_person(view: list[Tok], before: int) -> str | None:
    """The official heading the sentence before token ``before``: a person whose noun
    phrase is the subject or topic (홍길동 지사는, 홍길동 지사 등 출장단은)."""
    for arg in arguments(view, 0, before):
        tok = view[arg.index]
        if tok.ent == "person" and arg.role in _SUBJECT_ROLES:
            return tok.person
    return None


def _subject_people(view: list[Tok]) -> list[str]:
    """Every official whose noun phrase is a subject or topic of the sentence."""
    return [
        view[a.index].person
        for a in arguments(view, 0, len(view))
        if view[a.index].ent == "person" and a.role in _SUBJECT_ROLES and view[a.index].person
    ]


def _listed_with_subject(view: list[Tok], lo: int, before: int) -> str | None:
    """홍길동 지사와 도 관계자들이 방문했다: an official listed with the clause's subject."""
    for arg in arguments(view, lo, before):
        if arg.role not in ("conj", "com") or not view[arg.index].person:
            continue
        # The next phrase, up to its particle, is the clause's subject.
        nxt = next((k for k in range(arg.role_index + 1, before) if view[k].role), None)
        if nxt is None or view[nxt].role not in _SUBJECT_ROLES:
            continue
        if any(t.tag.startswith(("V", "E", "XSV")) for t in view[arg.role_index + 1 : nxt]):
            continue  # 홍길동 지사와 만난 학생들이: the phrase is the modifier's
        return view[arg.index].person
    return None


def _stood_in_for(view: list[Tok], person: str) -> bool:
    """A 시장 대신 B 부시장이 방문했다: someone went in the person's place."""
    for i, tok in enumerate(view):
        if tok.person == person and any(t.form in ("대신", "대리") for t in view[i + 1 : i + 4]):
            return True
    return False


def _fellow_subjects(view: list[Tok], before: int, visitor: str) -> list[str]:
    """A 이사장과 B 단장이 함께 방문했다: the officials joined to the visitor in the
    subject's list travel too; the visitor alone otherwise."""
    args = arguments(view, 0, before)
    mine = next((a for a in args if view[a.index].person == visitor and a.role in _SUBJECT_ROLES), None)
    if mine is None:
        return [visitor]
    together = [
        view[a.index].person
        for a in args
        if a.chain == mine.chain and a.role in (*_SUBJECT_ROLES, "conj") and view[a.index].person
    ]
    return list(dict.fromkeys(together)) or [visitor]


def _bracketed_head(view: list[Tok], before: int | None = None) -> str | None:
    """OO대(총장 홍길동)는, 유니스트(UNIST·총장 홍길동)가: the head named in brackets after
    the institution heading the sentence acts for it, and travels for it."""
    subjects = [
        a
        for a in arguments(view, 0, len(view) if before is None else before)
        if a.role in _SUBJECT_ROLES and view[a.index].ent in ("org", "gov")
    ]
    if len(subjects) != 1:
        return None  # A(대표 甲)와 B(대표 乙)는: several institutions, no one traveller
    opener = subjects[0].index + 1
    if opener < len(view) and view[opener].close > opener:
        inside = view[opener + 1 : view[opener].close]
        found = {t.person for t in inside if t.ent == "person" and t.person}
        if len(found) == 1:
            return found.pop()
    return None


def _possessor(view: list[Tok], trigger: int) -> str | None:
    """홍길동 총장의 OO대 방문: the official whose visit it is."""
    for arg in arguments(view, 0, trigger):
        tok = view[arg.index]
        if tok.ent == "person" and arg.role == "gen":
            return tok.person
    return None


def _delegation_head(view: list[Tok]) -> str | None:
    """홍길동 지사를 단장으로 하는 대표단, 홍길동 지사가 이끄는 대표단, 대표단을 이끌고 온
    홍길동: the official at the head of a delegation."""
    for i, tok in enumerate(view):
        if tok.lex == "member" and _delegation_follows(view, i):
            # 홍길동 지사를 비롯한 대표단: the official named first in the delegation
            for j in range(i - 1, max(-1, i - 6), -1):
                if view[j].ent == "person":
                    return view[j].person
            continue
        if tok.lex != "lead":
            continue
        for j in range(i - 1, max(-1, i - 8), -1):
            if view[j].ent == "person":
                return view[j].person
        for j in range(i + 1, min(len(view), i + 6)):
            if view[j].ent == "person":
                return view[j].person
    return None


def _delegation_follows(view: list[Tok], i: int) -> bool:
    """비롯한 대표단, 포함한 충북도 방문단: the word at ``i`` modifies a delegation (its
    adnominal ending, the delegation's owner perhaps, then the delegation noun)."""
    for tok in view[i + 1 : i + 5]:
        if tok.lex == "delegation":
            return True
        if tok.tag not in ("XSV", "ETM", "NNG", "NNP") or tok.ent == "person":
            return False
    return False


def _relative_head(view: list[Tok], trigger: int) -> str | None:
    """방문 중인 홍길동 시장은, 방한한 홍길동 장관: the official the clause modifies."""
    for j in range(trigger + 1, min(len(view), trigger + 6)):
        tok = view[j]
        if tok.ent == "person":
            return tok.person
        if tok.is_entity or tok.role or tok.tag in ("SF", "EF"):
            return None
    return None


def _other_subject(view: list[Tok], lo: int, hi: int, official: str | None = None) -> bool:
    """A subject in the clause that is no official (연구원 3명이 …를 방문, 두 학생은).
    ``official``: the visitor carried so far, whose own delegation is no one else."""
    for i in range(lo, hi):
        tok = view[i]
        if tok.role not in _SUBJECT_ROLES or i == 0:
            continue
        owner = view[i - 1]
        if owner.tag == "XSN" and owner.form == "들" and i > 1:
            owner = view[i - 2]  # 직원들이, 연구진들은: the plural's noun
        if owner.lex == "delegation" and i > 1 and view[i - 2].ent in ("place", "org", "gov"):
            if _same_side(view[i - 2], official):
                continue  # 대전 방문단은, after the mayor of Daejeon: his delegation
            return True  # OO카운티 사절단이: another side's delegation
        titled = owner.lex in ("title", "head_title") and any(
            t.ent == "person" for t in view[max(lo, i - 5) : i - 1]
        )  # 홍길동 지사가; a title alone (회장과 부회장이) is someone else
        if owner.ent == "person" or owner.lex == "delegation" or titled:
            continue
        if owner.is_entity:
            continue  # an institution as subject speaks for its visit (충북도는 … 방문)
        if owner.tag in ("NNG", "NNP", "NNB", "SN", "NR"):
            return True
    return False


def _same_side(tok: Tok, official: str | None) -> bool:
    """Whether a name is the institution or region an official's key says they act for."""
    if official is None or tok.entity is None or "|" not in official:
        return False
    side = tok.entity.ref.key
    return official.split("|", 1)[1] in (side, f"gov:{side}", f"place:{side}")


def _destinations(
    view: list[Tok], lo: int, trigger: int, roles: frozenset[str] = _DESTINATION_ROLES
) -> list[Tok]:
    out = []
    args = arguments(view, lo, trigger)
    for arg in args:
        tok = view[arg.index]
        if tok.ent not in ("org", "gov", "place"):
            continue
        nominal = arg.role == "" and all(
            t.tag == "MAG" or t.lex == "adverbial" for t in view[arg.index + 1 : trigger]
        )  # X 깜짝 방문, 보스턴 방문: the name right before the visit noun
        if arg.role not in roles and not nominal:
            continue
        if not _reaches(view, arg, trigger):
            continue
        if _booth(view, arg):
            continue
        out.append(tok)
    return out


def _reaches(view: list[Tok], arg: Arg, trigger: int) -> bool:
    """Whether the role particle of ``arg`` belongs to the trigger's own clause: no
    other predicate between (X를 만나 … 방문: X is 만나's)."""
    between = view[arg.role_index + 1 : trigger]
    for k, tok in enumerate(between):
        if tok.lex == "adverbial" or tok.tag == "MAG":
            continue  # X를 잇따라 방문, X를 직접 찾아
        if tok.tag == "EC" and k > 0 and between[k - 1].lex == "adverbial":
            continue
        if tok.tag in ("VV", "VA", "XSV", "EC") or tok.lex in ("sign", "meet"):
            return False
    return True


# 보스턴에 도착했다, 하버드대로 향했다: where one arrives or heads for.
_ARRIVAL_ROLES = frozenset({"dat", "ins"})


def _abroad(
    visitor: str,
    target: EntityRef,
    country_of_official: Callable[[str], str | None] | None,
    country_of_target: Callable[[EntityRef], str | None] | None,
) -> bool:
    """Whether the target is in another country than the official's own (Korea when
    the official's country is not known)."""
    if country_of_official is None or country_of_target is None:
        return False
    there = country_of_target(target)
    return there is not None and there != (country_of_official(visitor) or "KR")


def _booth(view: list[Tok], arg: Arg) -> bool:
    """OO 공동관을 둘러보고: the booth at a fair (공동/관 however Kiwi split it)."""
    phrase = "".join(t.form for t in view[arg.index + 1 : arg.role_index])
    return any(word in phrase for word in _NOT_THE_INSTITUTION)


def _status(
    view: list[Tok], trigger: int, when: DateMention | None, published: date | None
) -> VisitStatus:
    label, _ = status_at(view, trigger)
    if label in ("planned", "present", "intended", "relative_planned"):
        return "planned"
    if label in ("past", "ongoing", "relative"):
        return "planned" if label == "relative" and is_future_date(when, published) else "completed"
    if is_future_date(when, published):
        return "planned"
    return "planned" if sentence_tense(view, trigger) == "future" else "completed"


def find_visits(
    ctx: SentenceContext,
    view: list[Tok],
    carried: CarriedVisitor,
    dates: list[DateMention],
    published: date | None,
    country_of_official: Callable[[str], str | None] | None = None,
    country_of_target: Callable[[EntityRef], str | None] | None = None,
) -> list[VisitRecord]:
    """Visits in one sentence; ``carried`` is read and updated."""
    people = [t.person for t in view if t.ent == "person" and t.person]
    subject = _subject_person(view, len(view)) or _bracketed_head(view)
    head = _delegation_head(view)
    previous = carried.person
    found: list[tuple[str, EntityRef, int, str, float]] = []
    for match in matcher("visits")(view):
        trigger = match.start
        lo = clause_start(view, trigger)
        label = match.pattern.label
        visitor = _relative_head(view, trigger) if _is_relative(view, trigger) else None
        # 홍길동 지사의 지시로 직원들이 방문했다: the clause's own subject went, not the
        # official named in passing.
        others = _other_subject(view, lo, trigger)
        visitor = (
            visitor
            or _subject_person(view, trigger)
            or _listed_with_subject(view, lo, trigger)
            or head
            or (_possessor(view, trigger) if not others else None)
            or _bracketed_head(view, trigger)
        )
        if visitor is None and not others:
            earlier = [
                view[a.index].person
                for a in arguments(view, 0, trigger)
                if view[a.index].ent == "person" and a.role not in ("obj", "com", "conj")
            ]
            if len(set(people)) == 1 and earlier:
                visitor = earlier[0]
        if visitor is None and previous and not _other_subject(view, 0, trigger, previous):
            visitor = previous
        if visitor is None:
            continue
        if label == "country":
            key = _COUNTRY_OF_WORD.get(view[trigger].form)
            if key:
                found.append(
                    (
                        visitor,
                        EntityRef("place", key),
                        trigger,
                        match.pattern.id,
                        match.pattern.confidence,
                    )
                )
            continue
        abroad = label == "abroad"
        targets = _destinations(view, lo, trigger, _ARRIVAL_ROLES if abroad else _DESTINATION_ROLES)
        if not targets and _is_relative(view, trigger):
            targets = _relative_target(view, trigger)
        for target in targets:
            ref = _target_ref(target)
            if ref is not None and abroad and not _abroad(visitor, ref, country_of_official, country_of_target):
                continue  # 인천공항에 도착했다: coming home is no visit
            if ref is not None:
                for traveller in _fellow_subjects(view, trigger, visitor):
                    found.append(
                        (traveller, ref, trigger, match.pattern.id, match.pattern.confidence)
                    )
    if country_of_official and country_of_target:
        visitor = subject or head or (
            previous if not _other_subject(view, 0, len(view), previous) else None
        )
        # Everyone heading the sentence was there (A 시장과 B 지사는 보스턴에서 …).
        for person in _subject_people(view) or ([visitor] if visitor else []):
            found.extend(_presence(view, person, country_of_official, country_of_target))
        if visitor is not None:
            home = country_of_official(visitor)
            for i, tok in enumerate(view):
                if tok.lex != "meet":
                    continue
                found.extend(
                    met
                    for met in _meetings(view, i, visitor)
                    if home and country_of_target(met[1]) not in (None, home)
                )
        found.extend(_attendance(view, carried.place, country_of_official, country_of_target))
    if (subject or head) and not _reports_speech(view):
        carried.person = subject or head  # who said something is not who travels on
    previous_when = carried.when
    if _event_place(view):
        carried.place = _event_place(view)
        carried.when = next((d.value for d in dates if d.value), None)
    visits: list[VisitRecord] = []
    for visitor, target, trigger, pattern_id, confidence in found:
        if status_at(view, trigger)[0] == "negated":
            continue  # 방문하지 않았다, 방문이 취소됐다: no visit
        if _stood_in_for(view, visitor):
            continue  # A 시장 대신 B 부시장이: A did not go
        position = view[trigger].start
        clause = ctx.clause_of(position)
        when = nearest_date(dates, position, clause, ctx, _is_past_relative(view, trigger))
        value = when.value if when else None
        if value is None and pattern_id == "vis.attend" and _that_day(view):
            value = previous_when  # 이날 체결식에는 …: the day of the event just told
        visits.append(
            VisitRecord(
                official_key=visitor,
                target=target,
                status=_status(view, trigger, when, published),
                when=value,
                sentence_index=ctx.index,
                start=ctx.start,
                end=ctx.end,
                pattern_id=pattern_id,
                confidence=confidence,
            )
        )
    return visits


def _is_past_relative(view: list[Tok], trigger: int) -> bool:
    return status_at(view, trigger)[0] == "relative"


def _is_relative(view: list[Tok], trigger: int) -> bool:
    label, _ = status_at(view, trigger)
    return label in ("relative", "ongoing", "relative_planned")


def _relative_target(view: list[Tok], trigger: int) -> list[Tok]:
    """방문한 X에서는: the relative clause names its object after the verb."""
    for j in range(trigger + 1, min(len(view), trigger + 4)):
        if view[j].ent in ("org", "gov", "place"):
            return [view[j]]
        if view[j].is_entity or view[j].role:
            return []
    return []


def _target_ref(tok: Tok) -> EntityRef | None:
    if tok.entity is None:
        return None
    return tok.entity.ref


def _presence(
    view: list[Tok],
    visitor: str,
    country_of_official: Callable[[str], str | None],
    country_of_target: Callable[[EntityRef], str | None],
) -> list[tuple[str, EntityRef, int, str, float]]:
    """보스턴에서 간담회를 가졌다, 워싱턴에서 열린 대회에 참석했다: the official was at a
    place (or institution) in another country. The name's phrase ends in 에서, and a
    predicate of being there follows in the sentence."""
    out = []
    home = country_of_official(visitor)
    if not home:
        return out
    for arg in arguments(view, 0, len(view)):
        tok = view[arg.index]
        if (
            arg.role not in ("loc", "loc_topic")
            or tok.ent not in ("org", "gov", "place")
            or tok.entity is None
        ):
            continue
        after = view[arg.role_index + 1 : arg.role_index + 4]
        if arg.role == "loc_topic" and any(t.ent == "person" for t in after):
            continue  # OO병원에선 홍길동 교수가 참석: the side someone stood for
        rest = view[arg.role_index + 1 :]
        if not any(t.lex in _PRESENCE_CLASSES for t in rest):
            continue
        if tok.ent == "org" and _agent_of_a_modifier(view, arg.role_index):
            continue  # OO사에서 운영하는 플랫폼: the institution runs it, no one is there
        if any(t.lex == "remote" for t in view[arg.index + 1 :]):
            continue  # OO 센터의 온라인 개소식에서, 화상으로 참석: no one was there
        target_country = country_of_target(tok.entity.ref)
        if target_country and target_country != home:
            rule = pattern_by_id("vis.presence")
            out.append((visitor, tok.entity.ref, arg.role_index, rule.id, rule.confidence))
    return out


def _agent_of_a_modifier(view: list[Tok], eseo: int) -> bool:
    """X에서 운영하는 Y, X에서 개발한 Y: 에서 marks who does what a modifier says (an
    institution as subject), unless the verb is of something held there (X에서 열린)."""
    for k in range(eseo + 1, min(len(view), eseo + 5)):
        tok = view[k]
        if tok.tag == "ETM":
            verb = view[k - 1] if view[k - 1].tag not in ("XSV", "EP") else view[k - 2]
            return verb.lex not in ("hold", "held", "attend", "presence", "meet")
        if tok.role or tok.tag in ("EC", "EF", "SF"):
            return False
    return False


def _reports_speech(view: list[Tok]) -> bool:
    """“…”고 밝혔다, …라고 말했다: the sentence reports what its subject said."""
    return any(t.tag == "JKQ" or t.form in ("라며", "라고") for t in view)


def _meetings(
    view: list[Tok],
    trigger: int,
    visitor: str,
) -> list[tuple[str, EntityRef, int, str, float]]:
    """하버드와 OO의대 관계자들을 잇따라 만나: meeting an institution's people is visiting
    it (abroad: the caller keeps only those in another country than the official's)."""
    rule = pattern_by_id("vis.meet_staff")
    out = []
    for arg in arguments(view, clause_start(view, trigger), trigger):
        tok = view[arg.index]
        if arg.role != "obj" or tok.ent not in ("org", "gov") or tok.entity is None:
            continue
        if any(t.lex == "staff" for t in view[arg.index + 1 : arg.role_index]) and _reaches(
            view, arg, trigger
        ):
            out.append((visitor, tok.entity.ref, trigger, rule.id, rule.confidence))
    return out


def _that_day(view: list[Tok]) -> bool:
    """이날, 당일, 같은 날: the day of the event the last sentence told."""
    forms = [t.form for t in view]
    return (
        "이날" in forms
        or "당일" in forms
        or any(
            a == "같" and b == "은" and c == "날"
            for a, b, c in zip(forms, forms[1:], forms[2:], strict=False)
        )
    )


def _event_place(view: list[Tok]) -> EntityRef | None:
    """Where the sentence's event took place: the last name whose phrase ends in 에서."""
    places = [
        view[a.index].entity.ref
        for a in arguments(view, 0, len(view))
        if a.role == "loc" and view[a.index].entity is not None
    ]  # OO 측에선 A가 참석: 에선 names the side someone stood for, not the venue
    return places[-1] if places else None


def _attendance(
    view: list[Tok],
    carried_place: EntityRef | None,
    country_of_official: Callable[[str], str | None],
    country_of_target: Callable[[EntityRef], str | None],
) -> list[tuple[str, EntityRef, int, str, float]]:
    """보스턴에서 A 부회장, B 본부장 등 30여명이 참석한 가운데 개소식을 가졌다; 이날
    체결식에는 A 장관, B 청장 등이 참석했다: the officials who attended were where the
    event was (this sentence's 에서, else the last sentence's), when that is abroad."""
    out: list[tuple[str, EntityRef, int, str, float]] = []
    for i, tok in enumerate(view):
        if tok.lex != "attend":
            continue
        place = _event_place(view[:i]) or carried_place
        if place is None:
            continue
        attendees = [
            view[a.index].person
            for a in arguments(view, 0, i)
            if view[a.index].ent == "person" and a.role not in ("obj", "dat", "gen", "mod")
        ]
        target_country = country_of_target(place)
        for person in dict.fromkeys(p for p in attendees if p):
            home = country_of_official(person)
            if home and target_country and home != target_country:
                rule = pattern_by_id("vis.attend")
                out.append((person, place, i, rule.id, rule.confidence))
    return out


def merge_visits(
    visits: list[VisitRecord],
    country_of: Callable[[EntityRef], str | None],
    is_country: Callable[[EntityRef], bool],
) -> list[VisitRecord]:
    """One visit per official and target. Its date is the one the article gives most
    often (a caption repeated with a typo does not win); a visit to a whole country is
    dropped when the sentence that states it names the place visited there (미국을 방문 중인
    … 보스턴에서); across sentences both stand (최근 방한한 A … 서울의 B를 찾아)."""
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
    return sorted(merged, key=lambda v: (v.sentence_index, v.start))

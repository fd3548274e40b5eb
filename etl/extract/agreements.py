"""Agreements (MOU, contracts, agreed cooperation), their parties, status and counts.

* ``mou``: MOU, 양해각서, 업무협약, 협약, 협정, LOI — with a signing verb (체결, 맺, 서명).
* ``contract``: 계약, 기술수출 계약, 라이선스 — with a signing verb.
* ``cooperation``: cooperation or joint research agreed without a document
  (협력 사업을 추진하기로 협의했다, 공동연구를 하기로 합의).

Parties are the organizations the clause gives a role (subject, 와/과 partner, ``A·B
간``); a Korean province or city acting as a party is its government. Names inside
quotes (an agreement's title) or parentheses are not parties, except the real party
named in ``추진 주체(OO원 등)``. ``A와 체결한 협약`` refers to an agreement already
reported, and ``총 9건의 MOU`` is a count, never nine invented agreements.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date

from etl.extract.clauses import is_future_date, nearest_date, sentence_is_future, tail_is_past
from etl.extract.context import Found, SentenceContext
from etl.extract.dates import DateMention
from etl.extract.entities import add_party_organization
from etl.records import (
    AgreementCountRecord,
    AgreementKind,
    AgreementRecord,
    AgreementStatus,
    EntityRef,
    OrganizationRecord,
)
from etl.reference import load_reference

_CONTRACT = r"기술\s?수출\s?계약|라이[선센]스\s?(?:아웃\s?)?계약|공급\s?계약|투자\s?계약|위탁\s?생산\s?계약|판매\s?계약|공동\s?개발\s?계약|계약|라이[선센]스"
_MOU = r"MOU|MOA|LOI|양해\s?각서|업무\s?협약|협력\s?협약|협약|협정|의향서"
_KIND = re.compile(rf"(?P<contract>{_CONTRACT})|(?P<mou>{_MOU})")
_SIGN = re.compile(
    r"^서?(?:\s*\([^)]*\))?\s*['’”\"」』]?\s*(?:을|를|이|가|도|의|에)?\s*(?:\([^)]*\)\s*)?"
    r"(?P<verb>체결|서명|맺|교환|조인)"
)
# 인수를 마무리하다, 기술수출에 성공하다: a deal reported by its noun and an outcome verb.
_DEAL = re.compile(
    r"(?P<deal>인수\s?합병|인수|기술\s?수출|기술\s?이전|라이[선센]스\s?아웃)"
    r"(?:을|를|에|이|가)?\s?(?:(?:최종|최종적으로|성공적으로|공식|마침내)\s?)?"
    r"(?P<verb>마무리|완료|성공|성사|합의)"
)
# 해당 협약서는 … 서명하면서: the agreement as topic, its signing later in the sentence.
_TOPIC_SIGN = re.compile(
    r"^서?(?:\([^)]*\))?\s*(?:은|는|이|가)\s.{0,160}?(?P<verb>서명|체결)(?:함|했|하였|한|하고|하며|하면서)"
)
_REFERENCE_ONLY = re.compile(r"(?:체결|맺|서명)(?:한|했던|된|하였던)\s*['‘“\"]?\s*$")
_PLANNED_VERB = re.compile(
    r"^(?:체결|서명|맺|교환|조인)\s?(?:할|하기로|키로|을\s?앞두고|을\s?추진|예정|계획|식을\s?가질|한다)"
)
_COUNT = re.compile(r"(?:총|모두|전체)?\s*(?P<n>\d{1,3})\s*건(?:의)?\s*(?:[^\s]+\s+){0,4}$")
_COOPERATION = re.compile(
    r"(?:협력|공동\s?연구|협업|공동\s?사업|공동\s?개발|파트너십|교류)[^.。]{0,80}?"
    r"(?:하기로|키로|할\s?것을)\s?(?P<verb>협의|합의|약속|뜻을\s?모|의견을\s?모|했)"
)
# 협력 관계를 구축했다, 파트너십을 맺었다: cooperation stated as a relation built.
_PARTNERSHIP = re.compile(
    r"(?:협력\s?관계|협력\s?체계|파트너십|동반자\s?관계)(?:를|을|도)?\s?(?P<verb>구축|맺|수립|체결)"
)
# 버텍스사와, 머크사는: a foreign company written with 사 (company) glued to its name;
# never 사이 (between), nor 사 after a space.
_COMPANY_SUFFIX = r"(?:사(?=와|과|는|가|의|측|와의|로부터)(?!의\s?(?:업무|사업|협약|계약)))?"
_ROLE_AFTER = re.compile(
    rf"^{_COMPANY_SUFFIX}(?:\s*\([^)]*\))?\s?(?:社|㈜|\(주\))?['’”\"」』]?\s*(?:은|는|이|가|와|과|와의|과의|및|,|·|도|측은|측과|측이|간|\s간|등|과\s함께|와\s함께|이랑|랑|로부터|으로부터)"
)
# OO병원 재활의학과는, OO대(…)의 신경과와: a unit speaks for its institution.
_PEOPLE_OF_AFTER = re.compile(r"^(?:\s*\([^)]*\))?\s?관계자(?:들)?(?:을|를|와|과)(?=\s)")
_UNIT_ROLE_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))?\s?(?:의\s)?[가-힣A-Za-z·]{1,14}"
    r"(?:학과|의학과|과|센터|연구소|연구실|연구원|연구단|사업단|본부|학부|대학원|병원|팀|교실)"
    r"\s?(?:은|는|이|가|와|과|와의|과의)(?=\s)"
)
# 기업 10곳과, 현지 기관들과: the counterpart is there but unnamed, so the organizations
# the clause names are on one side only.
_UNNAMED_COUNTERPART = re.compile(
    r"(?:기업|기관|대학|병원|업체|스타트업|회사|제약사|바이오텍)(?:들)?(?:\s?\d+\s?(?:곳|개사|개|여\s?곳))?(?:과|와|에|에게)(?:의)?\s"
)
_HOME = re.compile(r"(?:^|(?<=[\s,]))(?P<kind>[도시군])(?=(?:는|가|와|과|도|측은)\s)")
_LOCATIVE_AFTER = re.compile(r"^(?:\s*\([^)]*\))?\s*(?:에서는|에서)")
_SUBSTITUTE = re.compile(r"(?:추진|운영|사업|참여)?\s?주체\s?\(")
_UNKNOWN_PARTY = re.compile(
    r"(?:(?<=\s)|^)(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s[A-Z][A-Za-z0-9&.\-]*){0,3}|[가-힣A-Za-z0-9]{2,15}?)"
    r"\s?社?(?=(?:\s?\([A-Za-z][^)]{0,40}\))?(?:와의|과의|은|는|이|가|와|과)\s)"
)


@dataclass
class _Trigger:
    kind: AgreementKind
    start: int  # of the kind word
    verb_end: int
    span_start: int  # where this agreement's parties may start
    status: AgreementStatus
    when: DateMention | None
    count: int | None
    count_start: int | None = None
    is_cooperation: bool = False
    object_party: bool = False  # the noun's object (X 인수) is a party
    party_end: int | None = None  # parties may follow the kind word (협약은 A와 B가 서명)


@functools.cache
def _titled_party() -> re.Pattern[str]:
    titles = "|".join(
        sorted((re.escape(t) for t in load_reference().titles), key=len, reverse=True)
    )
    return re.compile(rf"^\s*[가-힣]*?(?:{titles})\s?(?:과|와|은|는|이|가|및|,|도)(?:\s|$)")


def _party_candidates(
    ctx: SentenceContext,
    start: int,
    end: int,
    registry: dict[str, OrganizationRecord],
    cooperation: bool,
    homes: dict[str, str],
) -> list[tuple[Found, EntityRef]]:
    reference = load_reference()
    text_span = ctx.slice(start, end)
    # 도는 / 시와: the article's own province or city, named only by its kind.
    for match in _HOME.finditer(text_span):
        key = homes.get(match["kind"])
        at = start + match.start("kind")
        if (
            key
            and not ctx.in_quotes(at, at + 1)
            and not any(e.start <= at < e.end for e in ctx.entities)
        ):
            ctx.entities.append(Found(EntityRef("organization", key), at, at + 1, match["kind"]))
    ctx.entities.sort(key=lambda f: f.start)
    # 추진 주체(OO원 등): the parenthesis names the party; what came before is a project.
    substitute = _SUBSTITUTE.search(text_span)
    bracket = None
    if substitute:
        open_at = start + substitute.end()
        bracket = next(((s, e) for s, e in ctx.brackets if s == open_at), None)
    # Unknown organizations named by their role (OO헬스케어는, Acme Enterprises와).
    for match in _UNKNOWN_PARTY.finditer(text_span):
        name_start = start + match.start("name")
        name_end = start + match.end("name")
        name = match["name"]
        if any(e.start < name_end and name_start < e.end for e in ctx.entities):
            continue
        if ctx.in_quotes(name_start, name_end) or ctx.in_brackets(name_start, name_end):
            continue
        if any(0 <= name_start - e.end <= 1 for e in ctx.entities):
            continue  # OO병원 재활의학과: a unit of the institution just named
        is_latin = bool(re.match(r"[A-Z]", name))
        proper = is_latin or any(
            t.tag == "NNP" and t.start == name_start and t.end == name_end for t in ctx.tokens
        )
        if proper and name not in reference.index and len(name) >= 2:
            add_party_organization(ctx, name_start, name_end, registry)
    chosen: list[tuple[Found, EntityRef]] = []
    for entity in ctx.entities:
        if not (start <= entity.start and entity.end <= end):
            continue
        if ctx.in_quotes(entity.start, entity.end):
            continue
        if bracket is not None:
            if bracket[0] <= entity.start and entity.end <= bracket[1]:
                if entity.ref.kind == "organization":
                    chosen.append((entity, entity.ref))
                continue
            if entity.end <= bracket[0]:
                continue
        bracket_end = None
        if ctx.in_brackets(entity.start, entity.end):
            # 일라이 릴리 앤드 컴퍼니(이하 릴리)와: the bracket names the party before it
            # when no known name ends there; its role is read after the bracket.
            inner = next(
                (b for b in ctx.brackets if b[0] <= entity.start and entity.end <= b[1]), None
            )
            if inner is None or any(e.end in (inner[0] - 1, inner[0] - 2) for e in ctx.entities):
                continue
            if ctx.slice(inner[0] - 1, inner[0]) != "(" or not re.match(
                r"^(?:이하\s?)?['‘\"]?$", ctx.slice(inner[0], entity.start)
            ):
                continue
            bracket_end = inner[1] + 1
        rest = ctx.after(bracket_end or entity.end, 40)
        role = (
            bool(_ROLE_AFTER.match(rest))
            or _unit_of(ctx, entity, bracket_end or entity.end, rest)
            or (cooperation and bool(_LOCATIVE_AFTER.match(rest)))
            # A와 B 관계자를 만나 … 협력하기로: the institution of the people met.
            or bool(_PEOPLE_OF_AFTER.match(rest))
            # 홍길동 OO대 총장과 …: the institution of an official who is a party.
            or bool(_titled_party().match(rest))
        )
        if not role and re.match(r"^(?:\s*\([^)]*\))?\s*의", rest):
            # OO대학교와 MIT의 …협약: a possessive second party after a 와/과 partner.
            role = any(
                c.end <= entity.start
                and re.match(r"^\s*(?:\([^)]*\))?\s*(?:와|과)\s*$", ctx.slice(c.end, entity.start))
                for c, _ in chosen
            )
        if not role:
            continue
        party = _as_party(entity.ref)
        if party is not None:
            chosen.append((entity, party))
    unique: dict[EntityRef, tuple[Found, EntityRef]] = {}
    for found, ref in chosen:
        unique.setdefault(ref, (found, ref))
    return list(unique.values())


def _unit_of(ctx: SentenceContext, entity: Found, rest_start: int, rest: str) -> bool:
    """OO병원 재활의학과와: the unit speaks for the institution before it. Not when the
    "unit" is an institution of its own (미국 보스턴 브로드연구소와: a place, then the
    party), nor for a place, which has no units."""
    unit = _UNIT_ROLE_AFTER.match(rest)
    if unit is None or entity.ref.kind != "organization":
        return False
    unit_end = rest_start + unit.end()
    return not any(
        other.ref.kind == "organization" and rest_start <= other.start < unit_end
        for other in ctx.entities
    )


_QUOTATIVE = re.compile(r"(?<=[다라])고\s?(?:밝혔|전했|말했|설명했|덧붙였|강조했|알렸)")
_PLAN_WORDS = re.compile(r"예정|계획|방침|할\s?것|키로|하기로")
_CONNECTIVE = re.compile(r"^(?:체결|서명|맺|교환|조인)(?:하고|하며|해|하여|해서|고|으며|며)[\s,]")


def _status(
    ctx: SentenceContext, verb_start: int, clause_end: int, when, published
) -> AgreementStatus:
    """signed or planned, from the signing verb first, then its date, then the sentence."""
    tail = ctx.slice(verb_start, clause_end)
    rest_of_sentence = ctx.slice(verb_start, ctx.end)
    # …에 착수한다고 알렸다: the reported clause carries the tense, not the reporting verb.
    if quoted := _QUOTATIVE.search(rest_of_sentence):
        rest_of_sentence = rest_of_sentence[: quoted.start()]
        tail = tail[: len(rest_of_sentence)]
    if _PLANNED_VERB.match(tail):
        return "planned"  # 체결할, 체결하기로, 체결 예정, 체결한다
    if re.match(r"^(?:체결|서명|맺)(?:한|은)\s?바\s?있", tail):
        return "signed"  # 체결한 바 있다
    if tail_is_past(tail) or re.match(r"^(?:체결|서명)(?:을|를)?\s?(?:격려|축하|기념)", tail):
        return "signed"  # 체결했다, 맺었다, 체결을 격려했다
    if is_future_date(when, published):
        return "planned"
    if _CONNECTIVE.match(tail + " ") and not _PLAN_WORDS.search(rest_of_sentence):
        return "signed"  # 협약을 체결하고 개발에 나선다: the signing is reported as done
    if re.match(r"^\S+\s?(?:을|를)?\s?시작으로", tail) and sentence_is_future(ctx):
        return "planned"
    if tail_is_past(rest_of_sentence) and not sentence_is_future(ctx):
        return "signed"
    return "planned"


def find_agreements(
    ctx: SentenceContext,
    dates: list[DateMention],
    published: date | None,
    registry: dict[str, OrganizationRecord],
    next_id: int,
    homes: dict[str, str] | None = None,
    officials: list[tuple[int, int, str]] | None = None,
    carried_subject: list[tuple[Found, EntityRef]] | None = None,
) -> tuple[list[AgreementRecord], list[AgreementCountRecord]]:
    """Agreements of one sentence. ``officials`` are (start, end of title, organization)
    of the officials named in it: an official who signs stands for the institution.
    ``carried_subject`` holds the last sentence subject; it is read when a sentence
    names only the partner (Korean drops a repeated subject) and updated here."""
    triggers: list[_Trigger] = []
    for match in _KIND.finditer(ctx.text):
        start = ctx.start + match.start()
        if _REFERENCE_ONLY.search(ctx.before(start, 12)):
            continue  # A와 체결한 협약: an agreement already reported
        sign = _SIGN.match(ctx.text[match.end() :])
        party_end = None
        if not sign:
            sign = _TOPIC_SIGN.match(ctx.text[match.end() :])
            if not sign:
                continue
            party_end = ctx.start + match.end() + sign.start("verb")
        verb_start = ctx.start + match.end() + sign.start("verb")
        verb_end = ctx.start + match.end() + sign.end("verb")
        clause = ctx.clause_of(verb_start)
        when = nearest_date(dates, start, clause, ctx)
        before = ctx.before(start, 40)
        count = _COUNT.search(before)
        count_start = None
        if count:
            count_start = start - len(before) + count.start("n")
            if ctx.slice(count_start - 2, count_start).strip() in ("총", "모두", "전체"):
                count_start -= 2
        triggers.append(
            _Trigger(
                kind="contract" if match["contract"] else "mou",
                start=start,
                verb_end=verb_end,
                span_start=clause[0],
                status=_status(ctx, verb_start, clause[1], when, published),
                when=when,
                count=int(count["n"]) if count else None,
                count_start=count_start,
                party_end=party_end,
            )
        )
    for match in _DEAL.finditer(ctx.text):
        start = ctx.start + match.start()
        if any(t.start <= start < t.verb_end for t in triggers):
            continue
        verb_start = ctx.start + match.start("verb")
        clause = ctx.clause_of(verb_start)
        when = nearest_date(dates, start, clause, ctx)
        status = _status(ctx, verb_start, clause[1], when, published)
        if status == "planned" and match["verb"] in ("마무리", "완료", "합의"):
            status = "agreed"  # a deal to be closed on a date is one already agreed
        triggers.append(
            _Trigger(
                kind="contract",
                start=start,
                verb_end=ctx.start + match.end(),
                span_start=clause[0],
                status=status,
                when=when,
                count=None,
                object_party=True,
            )
        )
    for pattern in (_COOPERATION, _PARTNERSHIP):
        for match in pattern.finditer(ctx.text):
            start = ctx.start + match.start()
            if any(t.start <= start < t.verb_end for t in triggers):
                continue
            clause = ctx.clause_of(start)
            when = nearest_date(dates, start, clause, ctx)
            status = "agreed"
            if pattern is _PARTNERSHIP:
                verb_start = ctx.start + match.start("verb")
                if (
                    _status(ctx, verb_start, ctx.clause_of(verb_start)[1], when, published)
                    == "planned"
                ):
                    status = "planned"  # 협력 체계 구축에 착수한다
            triggers.append(
                _Trigger(
                    kind="cooperation",
                    start=start,
                    verb_end=ctx.start + match.end(),
                    span_start=clause[0],
                    status=status,
                    when=when,
                    count=None,
                    is_cooperation=True,
                )
            )
    triggers.sort(key=lambda t: t.start)
    agreements: list[AgreementRecord] = []
    counts: list[AgreementCountRecord] = []
    previous_end = ctx.start
    carried: list[tuple[Found, EntityRef]] = []  # the clause subject, for a later clause
    sentence_subject = _sentence_subject(ctx, homes or {}) or _official_subject(
        ctx, officials or []
    )
    if carried_subject is not None and sentence_subject is not None:
        carried_subject[:] = [sentence_subject]
    for trigger in triggers:
        span_start = max(trigger.span_start, previous_end)
        previous_end = trigger.verb_end
        party_end = trigger.party_end or trigger.start
        parties = _party_candidates(
            ctx, span_start, party_end, registry, trigger.is_cooperation, homes or {}
        )
        parties += _official_parties(ctx, span_start, party_end, officials or [], parties)
        if trigger.is_cooperation and len({ref for _, ref in parties}) < 2:
            # Partners of agreed cooperation are often named in the clause before
            # (A와 만나 … 협력하기로 했다): read the sentence from its start, roles only.
            parties = _party_candidates(ctx, ctx.start, party_end, registry, False, homes or {})
            parties += _official_parties(ctx, ctx.start, party_end, officials or [], parties)
        if trigger.object_party:
            parties += _deal_object(ctx, span_start, trigger.start, parties)
        if trigger.count is not None and trigger.count_start is not None:
            counts.append(
                AgreementCountRecord(
                    kind=trigger.kind,
                    quantity=trigger.count,
                    raw_text=ctx.slice(trigger.count_start, trigger.verb_end),
                    sentence_index=ctx.index,
                    start=trigger.count_start,
                    end=trigger.verb_end,
                )
            )
        subjects = [
            p
            for p in parties
            if re.match(r"^(?:\s*\([^)]*\))?\s*(?:은|는|이|가)", ctx.after(p[0].end, 8))
        ]
        forced_subject: tuple[Found, EntityRef] | None = None
        if subjects:
            carried = subjects
        elif carried and parties and len(parties) == 1:
            parties = carried + parties
        elif len(parties) <= 1:
            # The subject of the sentence (A는 …하고, B와 협약을 체결했다) or, when the
            # sentence has none, of the sentence before.
            subject = sentence_subject or (carried_subject[0] if carried_subject else None)
            if (
                subject is not None
                and all(subject[1] != ref for _, ref in parties)
                and (sentence_subject is not None or not _has_own_subject(ctx))
            ):
                parties = [subject, *parties]
        elif trigger.is_cooperation and not _has_own_subject(ctx):
            # 또 A와 B 관계자를 만나 … 협력하기로 했다: partners only; the subject is the
            # last sentence's, and each partner is a cooperation of its own.
            subject = sentence_subject or (carried_subject[0] if carried_subject else None)
            if subject is not None and all(subject[1] != ref for _, ref in parties):
                forced_subject = subject
                parties = [subject, *parties]
        last_party_end = max((found.end for found, _ in parties), default=span_start)
        if _UNNAMED_COUNTERPART.search(ctx.slice(last_party_end, trigger.start)):
            continue
        if len({ref for _, ref in parties}) == 1 and not trigger.is_cooperation:
            parties += _signing_place_party(ctx, ctx.start, trigger.start, parties)
        if len({ref for _, ref in parties}) < 2:
            continue
        when = trigger.when
        summary = ctx.slice(span_start, trigger.verb_end).strip(" ,")
        for group in _bilateral(ctx, parties, span_start, trigger.start, forced_subject):
            agreements.append(
                AgreementRecord(
                    local_id=next_id + len(agreements),
                    kind=trigger.kind,
                    status=trigger.status,
                    when=when.value if when else None,
                    summary=summary,
                    parties=tuple((ref.key, found.surface) for found, ref in group),
                    sentence_index=ctx.index,
                    start=span_start,
                    end=trigger.verb_end,
                )
            )
    return agreements, counts


_MULTILATERAL = re.compile(r"[3-9삼사]자|다자|\d+개\s?기관|공동으로")
_SIGNING_PLACE_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))?\s?(?:[가-힣A-Za-z]{0,12}(?:연구소|센터|캠퍼스|본사|본관|건물|강당|회의실)\s?)?에서"
)


def _bilateral(
    ctx: SentenceContext,
    parties: list[tuple[Found, EntityRef]],
    start: int,
    end: int,
    subject: tuple[Found, EntityRef] | None = None,
) -> list[list[tuple[Found, EntityRef]]]:
    """A는 B·C와 협약: one agreement per partner, as each is signed with the subject;
    a 3자 (or 다자) agreement, or one without a single subject, stays whole. A subject
    carried from another sentence is given as ``subject``."""
    if (
        subject is not None
        and len(parties) >= 3
        and not _MULTILATERAL.search(ctx.slice(start, end))
    ):
        return [[subject, p] for p in parties if p is not subject]
    subjects = [
        p
        for p in parties
        if re.match(r"^(?:\s*\([^)]*\))?\s*(?:은|는|이|가)\s", ctx.after(p[0].end, 8))
    ]
    if len(parties) < 3 or len(subjects) != 1 or _MULTILATERAL.search(ctx.slice(start, end)):
        return [parties]
    subject = subjects[0]
    partners = [p for p in parties if p is not subject]
    coordinated = all(
        p[0].start > subject[0].end
        and re.match(
            r"^(?:\s*\([^)]*\))?\s*(?:와|과|와의|과의|및|,|·|로부터|관계자)", ctx.after(p[0].end, 8)
        )
        for p in partners
    )
    return [[subject, p] for p in partners] if coordinated else [parties]


def _signing_place_party(
    ctx: SentenceContext, start: int, end: int, chosen: list[tuple[Found, EntityRef]]
) -> list[tuple[Found, EntityRef]]:
    """A는 B 연구소에서 … 협약을 체결: the institution hosting the signing is the other
    party when the sentence names no partner."""
    have = {ref for _, ref in chosen}
    for entity in ctx.entities:
        if not (start <= entity.start and entity.end <= end) or entity.ref.kind != "organization":
            continue
        if entity.ref in have or ctx.in_brackets(entity.start, entity.end):
            continue
        if ctx.in_quotes(entity.start, entity.end):
            continue
        if _SIGNING_PLACE_AFTER.match(ctx.after(entity.end, 30)):
            return [(entity, entity.ref)]
    return []


_SUBJECT_AFTER = re.compile(
    rf"^{_COMPANY_SUFFIX}(?:\s*\([^)]*\))?\s?(?:社|㈜|\(주\))?\s*(?:은|는|이|가|측은|측이)(?=\s|$)"
)


def _as_party(ref: EntityRef) -> EntityRef | None:
    """The organization a place stands for as a party (a Korean region: its government)."""
    if ref.kind == "organization":
        return ref
    government = load_reference().government_of(ref.key)
    return EntityRef("organization", government) if government else None


def _sentence_subject(
    ctx: SentenceContext, homes: dict[str, str]
) -> tuple[Found, EntityRef] | None:
    """The first organization (or Korean region) marked as a subject in the sentence."""
    for entity in ctx.entities:
        if ctx.in_brackets(entity.start, entity.end) or ctx.in_quotes(entity.start, entity.end):
            continue
        if _SUBJECT_AFTER.match(ctx.after(entity.end, 12)):
            ref = _as_party(entity.ref)
            return (entity, ref) if ref is not None else None
    return None


def _official_subject(
    ctx: SentenceContext, officials: list[tuple[int, int, str]]
) -> tuple[Found, EntityRef] | None:
    """홍길동 OO협회장은 …: the institution of an official heading the sentence."""
    for start, end, org_key in officials:
        if _SUBJECT_AFTER.match(ctx.after(end, 12)) and not ctx.in_quotes(start, end):
            ref = EntityRef("organization", org_key)
            return Found(ref, start, end, ctx.slice(start, end)), ref
    return None


def _has_own_subject(ctx: SentenceContext) -> bool:
    """Whether the sentence names a subject of its own (then it is not the carried one's)."""
    return bool(re.search(r"[가-힣A-Za-z)](?:은|는|이|가)\s", ctx.text[:40]))


def _official_parties(
    ctx: SentenceContext,
    start: int,
    end: int,
    officials: list[tuple[int, int, str]],
    chosen: list[tuple[Found, EntityRef]],
) -> list[tuple[Found, EntityRef]]:
    """홍길동 OO대 총장과 존 스미스 XX대 학장이 …에 서명: the officials' institutions."""
    out: list[tuple[Found, EntityRef]] = []
    have = {ref for _, ref in chosen}
    for o_start, o_end, org_key in officials:
        if not (start <= o_start and o_end <= end) or ctx.in_quotes(o_start, o_end):
            continue
        ref = EntityRef("organization", org_key)
        if ref in have or not _ROLE_AFTER.match(ctx.after(o_end, 40)):
            continue
        have.add(ref)
        out.append((Found(ref, o_start, o_end, ctx.slice(o_start, o_end)), ref))
    return out


def _deal_object(
    ctx: SentenceContext, start: int, end: int, chosen: list[tuple[Found, EntityRef]]
) -> list[tuple[Found, EntityRef]]:
    """X 인수, OO社의 지분 인수: the company a deal noun is about."""
    have = {ref for _, ref in chosen}
    for entity in reversed(ctx.entities):
        if entity.end > end or entity.start < start:
            continue
        gap = ctx.slice(entity.end, end)
        if re.fullmatch(
            r"\s*(?:\([^)]*\))?\s*(?:의\s*)?(?:지분\s*(?:\d+%\s*)?(?:을|를)?\s*)?", gap
        ):
            ref = _as_party(entity.ref)
            if ref is not None and ref not in have:
                return [(entity, ref)]
        break
    return []


_STATUS_RANK = {"signed": 3, "agreed": 2, "planned": 1}


def merge_agreements(
    agreements: list[AgreementRecord],
) -> tuple[list[AgreementRecord], dict[int, int]]:
    """One agreement per kind and set of parties; returns the kept ones and a map from
    every local id to the id kept for it (amounts follow their agreement)."""
    kept: dict[tuple[str, frozenset[str]], AgreementRecord] = {}
    remap: dict[int, int] = {}
    sets = [(a.kind, frozenset(k for k, _ in a.parties)) for a in agreements]

    def canonical(kind: str, parties: frozenset[str]) -> frozenset[str]:
        # A, B and C in one sentence, A and C in another: a third name caught in the
        # first (an embedded subject) is not a party when the pair is stated alone.
        subsets = [p for k, p in sets if k == kind and len(p) >= 2 and p < parties]
        return min(subsets, key=len) if subsets else parties

    agreements = [
        replace(a, parties=tuple(p for p in a.parties if p[0] in canonical(*key)))
        for a, key in zip(agreements, sets, strict=True)
    ]
    for agreement in agreements:
        key = (agreement.kind, frozenset(k for k, _ in agreement.parties))
        current = kept.get(key)
        if current is None:
            kept[key] = agreement
            remap[agreement.local_id] = agreement.local_id
            continue
        better = (_STATUS_RANK[agreement.status], agreement.when is not None) > (
            _STATUS_RANK[current.status],
            current.when is not None,
        )
        if better:
            kept[key] = agreement
            for old, new in remap.items():
                if new == current.local_id:
                    remap[old] = agreement.local_id
            remap[agreement.local_id] = agreement.local_id
        else:
            remap[agreement.local_id] = current.local_id
    return sorted(kept.values(), key=lambda a: a.start), remap

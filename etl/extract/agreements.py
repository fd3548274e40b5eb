"""Agreements (MOU, contracts, agreed cooperation), their parties, status and counts.

A frame over the clause. The trigger is a token pattern of ``rules/agreements.json``
(an agreement noun and its predicate: ``협약을 체결``, ``MOU를 맺``, ``협약식을 가지``,
``인수를 마무리``, ``협력하기로 하``); the parties are the names the clause gives a role
by their particles (``etl.extract.clauses``):

* subjects and topics (``A는``, ``A와 B가``, a chain ``A·B, C는``) sign;
* partners (``B와``, ``B로부터``, ``A-B 간``; for contracts also ``B에`` 기술이전) sign
  with them; an official stands for the institution it heads (``A대 홍길동 총장과``);
* with no subject in the clause: the sentence's subject, else the last sentence's
  (Korean drops a repeated subject), else the institution hosting the signing
  (``B 본관에서``); a press release's ``본교``/``당사`` is its publisher and a bare ``도는``
  or ``시는`` the article's own province or city (found as entities beforehand);
* ``기업 10곳과``: the counterpart is there but unnamed, so no agreement;
* ``각각`` (each): one agreement per partner; otherwise one agreement of all the
  parties named (``A는 B, C, D와 협약``: a four-sided agreement);
* ``총 N건의 MOU``: a count, never N invented agreements.

Status from the tokens after the predicate (``rules/status.json``): a past ending is
signed, a plan (``체결할 예정``) or a present tense planned, ``-기로`` agreed for
cooperation; a connective or a bare noun takes the sentence's tense.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from etl.extract.clauses import (
    Arg,
    arguments,
    clause_start,
    embedded,
    is_future_date,
    is_question,
    nearest_date,
    np_role,
    sentence_tense,
    status_at,
)
from etl.extract.context import SentenceContext
from etl.extract.dates import DateMention
from etl.extract.entities import names_by_role
from etl.extract.lexicon import matcher
from etl.extract.matcher import Match
from etl.extract.tokens import Tok
from etl.records import (
    AgreementCountRecord,
    AgreementKind,
    AgreementRecord,
    AgreementStatus,
    DateValue,
    EntityRef,
    OrganizationRecord,
)
from etl.reference import load_reference

_PARTNER_ROLES = frozenset({"com", "src"})
# Roles in which a name no list has is taken as a party (벤처투자사 OO와, OO는).
_PARTY_ROLES = frozenset({"subj", "topic", "com", "src"})
_ACTOR_ROLES = frozenset({"subj", "topic", "loc_topic"})


@dataclass(frozen=True)
class Party:
    ref: EntityRef  # an organization
    surface: str
    index: int  # token index of the name
    role: str


@dataclass
class Carried:
    """What a sentence leaves to the next: its subject, and the partners of the last
    agreement found (what 두 기관과, 양 기관과 refer back to)."""

    subject: Party | None = None
    partners: list[Party] = field(default_factory=list)
    # The last sentences read, newest last: where 양측은, 두 기관은 find their two sides.
    previous: list[tuple[SentenceContext, list[Tok]]] = field(default_factory=list)


def _as_party(tok: Tok, people: dict[str, str]) -> EntityRef | None:
    """The organization a name stands for as a party: itself, a region's or foreign
    state's government, or an official's institution."""
    if tok.ent in ("org", "gov") and tok.entity is not None:
        return tok.entity.ref
    if tok.ent == "place" and tok.entity is not None:
        government = load_reference().government_of(tok.entity.ref.key)
        return EntityRef("organization", government) if government else None
    if tok.ent == "person" and tok.person:
        org = people.get(tok.person)
        return EntityRef("organization", org) if org else None
    return None


def _parties(
    ctx: SentenceContext, view: list[Tok], args: list[Arg], people: dict[str, str]
) -> list[Party]:
    """The organizations the names stand for. A name inside a quotation (someone's
    words, an agreement's title) is no party; quotes around just the name are."""
    out = []
    for arg in args:
        tok = view[arg.index]
        if ctx.in_quotes(tok.start, tok.end):
            continue
        if any(t.lex == "witness" for t in view[arg.index + 1 : arg.index + 4]):
            continue  # OO 지사 입회 아래 A와 B가: who watched the signing is no side of it
        ref = _as_party(tok, people)
        owner = view[arg.index - 1] if arg.index > 0 else None
        if (
            tok.entity is not None
            and not tok.entity.resolved
            and owner is not None
            and owner.ent == "org"
            and owner.entity is not None
            and owner.entity.resolved
        ):
            ref = owner.entity.ref  # OO병원 OO연구소: a unit no list has speaks for its institution
        if ref is not None:
            out.append(Party(ref, view[arg.index].form, arg.index, arg.role))
    return out


def _kind(view: list[Tok], match: Match) -> AgreementKind:
    label = match.pattern.label
    if label in ("mou", "contract", "cooperation"):
        return label  # type: ignore[return-value]
    words = view[match.start : match.end]
    return "contract" if any(t.lex == "agr_contract" for t in words) else "mou"


def _status(
    view: list[Tok],
    verb: int,
    kind: AgreementKind,
    when: DateMention | None,
    published: date | None,
) -> tuple[AgreementStatus, str]:
    """(status, id of the status pattern) from the tense after the predicate."""
    label, pattern_id = status_at(view, verb)
    if label == "negated":
        return "negated", pattern_id  # type: ignore[return-value]
    if kind == "cooperation":
        if label in ("planned", "present") or is_future_date(when, published):
            return "planned", pattern_id
        return "agreed", pattern_id
    if label in ("past",):
        return "signed", pattern_id
    if label in ("planned", "present", "intended", "relative_planned") or is_future_date(
        when, published
    ):
        return "planned", pattern_id
    if label == "relative":
        return "signed", pattern_id
    if not label and all(t.tag.startswith("S") for t in view[verb + 1 :]):
        # OO도-OO대, MOU 체결: a headline's bare noun at the end reports the signing
        return "signed", "st.headline"
    tense = sentence_tense(view, verb)
    if label == "connective":
        # 협약을 체결하고 개발에 나선다: the signing is reported as done, unless the
        # sentence states a plan (체결하고 … 할 예정이다).
        planned = any(t.lex == "plan" or (t.form == "기" and t.tag == "ETN") for t in view[verb:])
        return ("planned" if planned else "signed"), pattern_id
    return ("signed" if tense == "past" else "planned"), pattern_id or "st.sentence"


def _count(view: list[Tok], noun: int) -> tuple[int, int] | None:
    """총 N건의 MOU: (N, token index where the count starts) before the noun."""
    for j in range(noun - 1, max(-1, noun - 8), -1):
        tok = view[j]
        if tok.form == "건" and tok.tag == "NNB" and j > 0 and view[j - 1].tag == "SN":
            start = j - 1
            if start > 0 and view[start - 1].form in ("총", "모두", "전체"):
                start -= 1
            try:
                return int(view[j - 1].form), start
            except ValueError:
                return None
        if tok.tag.startswith(("V", "E")) or tok.tag == "SF":
            return None
    return None


def _unnamed_counterpart(view: list[Tok], lo: int, hi: int) -> bool:
    """기업 10곳과, 현지 기관들과: a partner that is a common noun, not a name."""
    for j in range(lo, hi):
        tok = view[j]
        if tok.role not in ("com", "dat", "conj"):
            continue
        k = j - 1
        while k >= lo and view[k].tag in ("SN", "NNB", "XSN", "NR", "MM") and not view[k].is_entity:
            if view[k].lex == "generic_party":
                return True
            k -= 1
        if k >= lo and view[k].lex == "generic_party" and not view[k].is_entity:
            return True
    return False


def _sentence_subject(view: list[Tok], people: dict[str, str], before: int) -> Party | None:
    """The first name marked as subject or topic in the sentence before ``before``."""
    for arg in arguments(view, 0, before):
        if arg.role in _ACTOR_ROLES:
            ref = _as_party(view[arg.index], people)
            if ref is not None:
                return Party(ref, view[arg.index].form, arg.index, arg.role)
    return None


def _has_own_subject(view: list[Tok], before: int, lo: int = 0) -> bool:
    """Whether the sentence names a subject of its own before ``before`` (a noun with
    이/가 or 은/는), in which case a subject carried from earlier does not apply. A
    pronoun (이들은) or a delegation (대표단은) is the carried subject again."""
    return any(
        tok.role in (*_ACTOR_ROLES, "add")
        and i > 0
        and view[i - 1].tag in ("NNG", "NNP", "NNB", "SL", "SSC", "XSN")
        and view[i - 1].lex != "delegation"
        and not _pronoun(view, i - 1)
        for i, tok in enumerate(view[:before])
        if i >= lo
    )


def _pronoun(view: list[Tok], last: int) -> bool:
    """이들, 그들, 그: the noun phrase ending at ``last`` points back at someone named;
    지자체들도, 대학들은 are others (도: also)."""
    tok = view[last]
    if tok.form in ("이들", "그", "그들"):
        return True
    return tok.tag == "XSN" and last > 0 and view[last - 1].form in ("이", "그")


# Words for both sides at once (양측은, 양사는, 쌍방은).
_BOTH_WORDS = frozenset({"양측", "양사", "쌍방"})


def _both_sides_speak(view: list[Tok], lo: int, hi: int) -> bool:
    """양측은, 양 기관은, 두 대학이: the subject of the clause is both sides at once."""
    for j in range(lo, hi):
        tok = view[j]
        both = tok.form in _BOTH_WORDS or (
            tok.lex == "generic_party" and j > 0 and view[j - 1].form in ("양", "두")
        )
        if both and np_role(view, j)[0] in _ACTOR_ROLES:
            return True
    return False


def _sides_named_before(carried: Carried, people: dict[str, str]) -> list[Party]:
    """The two or three institutions the last sentences named as their actors and
    partners (A와 B는 …, A는 B와 …), newest sentence first."""
    for ctx, view in reversed(carried.previous):
        parties = _parties(ctx, view, arguments(view, 0, len(view)), people)
        sides = _dedupe([p for p in parties if p.role in _ACTOR_ROLES | _PARTNER_ROLES | {"conj"}])
        if 2 <= len({p.ref for p in sides}) <= 3:
            return sides
    return []


def _dash_pair_before(
    ctx: SentenceContext, view: list[Tok], lo: int, noun: int, people: dict[str, str]
) -> list[Party]:
    """A-B 바이오 협력 MOU: two names paired by a dash, then only nouns up to the
    agreement noun (the pair modifies it)."""
    for j in range(noun - 1, lo, -1):
        tok = view[j]
        if tok.is_entity and j >= 2 and view[j - 1].form in _DASHES and view[j - 2].is_entity:
            if view[j - 1].space_before or tok.space_before:
                return []
            args = [Arg(j - 2, "conj", j - 1, 0), Arg(j, "", j, 0)]
            sides = _dedupe(_parties(ctx, view, args, people))
            return sides if len({p.ref for p in sides}) == 2 else []
        if tok.tag not in ("NNG", "NNP", "SL") or tok.role or tok.is_entity:
            return []
    return []


_DASHES = frozenset("-–—")


def _referred_partners(view: list[Tok], lo: int, hi: int) -> bool:
    """두 기관과, 양 기관과, 이들 기관과: partners named before, referred to by number."""
    for j in range(lo + 1, hi):
        tok = view[j]
        if tok.lex == "generic_party" and view[j - 1].form in ("두", "세", "양", "이들", "해당"):
            following = view[j + 1] if j + 1 < len(view) else None
            if following is not None and following.role in ("com", "conj"):
                return True
    return False


def _partners_met(view: list[Tok], noun: int, parties: list[Party]) -> list[Party]:
    """보스턴에서 A와 만나 … 협약을 체결한다: the one met before the signing is its partner."""
    out = []
    for party in parties:
        if party.role != "com" or party.index >= noun:
            continue
        _, at = np_role(view, party.index)
        if any(t.lex == "meet" for t in view[at + 1 : at + 3]):
            out.append(party)
    return out


def find_agreements(
    ctx: SentenceContext,
    view: list[Tok],
    dates: list[DateMention],
    published: date | None,
    next_id: int,
    people: dict[str, str],
    carried: Carried,
    registry: dict[str, OrganizationRecord],
    country_of: Callable[[EntityRef], str | None] = lambda ref: None,
) -> tuple[list[AgreementRecord], list[AgreementCountRecord]]:
    """Agreements of one sentence. ``people`` maps an official's person key to the
    institution they act for; ``carried`` holds the last sentence's subject and is
    updated here."""
    if matcher("agreements")(view):
        names_by_role(ctx, view, registry, _PARTY_ROLES)
    subject = _sentence_subject(view, people, len(view))
    previous_subject = carried.subject
    if subject is not None:
        carried.subject = subject
    agreements: list[AgreementRecord] = []
    counts: list[AgreementCountRecord] = []
    taken_until = -1
    previous_verb = -1
    for match in sorted(matcher("agreements")(view), key=lambda m: (m.start, -m.end)):
        if match.start <= taken_until:
            continue
        taken_until = match.end - 1
        noun, verb = match.start, match.end - 1
        kind = _kind(view, match)
        lo = max(clause_start(view, noun), previous_verb + 1)
        previous_verb = verb
        args = [a for a in arguments(view, lo, noun) if not embedded(view, a, noun)]
        if match.pattern.id == "agr.topic_sign":
            # 협약서는 A 총장과 B 학장이 서명: the parties stand between noun and verb.
            args += arguments(view, noun + 1, verb)
        parties = _parties(ctx, view, args, people)
        if kind == "cooperation" and len({p.ref for p in parties}) < 2:
            # A와 면담하고 … 협력하기로 했다: cooperation's partners are often named in
            # the clause before; read the sentence from its start.
            args = [a for a in arguments(view, 0, noun) if not embedded(view, a, noun)]
            parties = _parties(ctx, view, args, people)
        actors = [p for p in parties if p.role in _ACTOR_ROLES]
        partners = [p for p in parties if p.role in _PARTNER_ROLES]
        if kind == "cooperation":
            partners += _people_met(view, args, parties)
        if kind == "contract":
            partners += [p for p in parties if p.role == "dat"]
            if not partners and noun > 0 and view[noun - 1].tag == "ETM":
                # B에 기술을 이전하는 계약, B에 공급하는 계약: the one the clause that
                # describes the contract gives to is its other side.
                told = [a for a in arguments(view, lo, noun) if a.role == "dat"]
                partners += _parties(ctx, view, told, people)
        pair = _possessive_partners(view, parties, noun)  # A와 B의 협약: both sides named
        partners += pair
        if len({p.ref for p in pair}) >= 2:
            actors = []  # C는 A와 B의 협약식에 참석했다: C only attended
        if len({p.ref for p in actors + partners}) < 2:
            # A-B 간 협약: the names around 간 are the parties, unless the clause
            # already names them (대전-보스턴 간 … then describes the agreement).
            # Places around 간 sign a document through their governments (대전-퀘벡주 간
            # MOU); cooperation between places names its scope (대전-보스턴 간 민간협력).
            between = [
                p
                for p in parties
                if p.role == "between" and (kind != "cooperation" or view[p.index].ent != "place")
            ]
            if len({p.ref for p in between}) >= 2:
                actors = []  # OO협회는 A와 B 간 …에 합의: the pair are the sides, not the topic
                pair = between
            partners += between
        if len({p.ref for p in actors + partners}) < 2:
            # 충북도-하버드대 업무협약 체결: a dash pair modifying the noun is its two sides.
            dashed = _dash_pair_before(ctx, view, lo, noun, people)
            if kind == "cooperation" and any(view[p.index].ent == "place" for p in dashed):
                dashed = []  # 대전-보스턴 민간협력: places name the cooperation's scope
            if dashed:
                actors, partners, pair = [], dashed, dashed
        if not actors and (head := _relative_head(view, verb)) is not None:
            # A와 협약을 맺은 B는: the name the clause modifies is the other side.
            actors = _parties(ctx, view, [Arg(head, "subj", head, 0)], people)
        if match.pattern.id.startswith("deal.") or match.pattern.id == "deal.acquisition":
            partners += [
                p
                for p in parties
                if p.role in ("obj", "gen", "") and p.index == _last_name(view, noun)
            ]
        count = _count(view, noun)
        if count is not None:
            quantity, count_start = count
            counts.append(
                AgreementCountRecord(
                    kind=kind,
                    quantity=quantity,
                    raw_text=ctx.slice(view[count_start].start, view[verb].end),
                    sentence_index=ctx.index,
                    start=view[count_start].start,
                    end=view[verb].end,
                    pattern_id=match.pattern.id,
                    confidence=match.pattern.confidence,
                )
            )
        referred = not partners and _referred_partners(view, lo, noun) and carried.partners
        if referred:
            partners = list(carried.partners)  # 두 기관과: the partners named just before
        elif not partners and not actors and _both_sides_speak(view, lo, noun):
            partners = _sides_named_before(carried, people)  # 양측은 협약을 체결했다
            referred = bool(partners)
        elif _unnamed_counterpart(view, lo, noun) and not partners:
            continue
        if not partners and not actors:
            whole = [a for a in arguments(view, 0, noun) if not embedded(view, a, noun)]
            partners = _partners_met(view, noun, _parties(ctx, view, whole, people))
        if not actors and not pair and not referred:
            own = _has_own_subject(view, noun, lo)  # a subject no list has (A사가, 도는)
            fallback = subject if subject is not None and subject.index < noun else None
            if fallback is None and not _has_own_subject(view, noun):
                fallback = previous_subject
            inside = fallback is not None and subject is fallback and fallback.index >= lo
            if fallback is not None and (inside or not own):
                actors = [fallback]
            elif own:
                continue  # 도는 A, B와 각각 …: the side that signs is not known
        if len({p.ref for p in actors + partners}) < 2:
            host = _host(view, parties, actors + partners) or _visited(
                ctx, view, noun, people, actors + partners
            )
            if host is not None:
                partners.append(host)
        sides = _dedupe(actors + partners)
        if len({p.ref for p in sides}) < 2:
            continue
        position = view[verb].start
        relative = status_at(view, verb)[0] == "relative"
        when = nearest_date(dates, view[noun].start, ctx.clause_of(position), ctx, relative)
        status, _ = _status(view, verb, kind, when, published)
        if match.pattern.id == "agr.headline_noun":
            if is_question(view):
                continue  # OO시-OO대 협약, 연내 성사될까: a question
            status = "signed"  # OO도, OO대와 업무협약: a headline reports the signing
        if status == "negated":
            continue  # 체결하지 못했다, 체결이 무산됐다: no agreement
        if status == "planned" and view[verb].lex == "conclude":
            status = (
                "signed"  # 오는 20일 인수를 마무리한다: the deal was signed, its closing is due
            )
        span_start = view[lo].start if lo < len(view) else ctx.start
        summary = ctx.slice(span_start, view[verb].end).strip(" ,")
        groups = [sides]
        if not referred and _one_per_partner(view, lo, verb, actors, partners, country_of):
            groups = [_dedupe(actors + [p]) for p in _dedupe(partners)]
        carried.partners = [p for p in sides if p not in actors] or carried.partners
        for group in groups:
            agreements.append(
                AgreementRecord(
                    local_id=next_id + len(agreements),
                    kind=kind,
                    status=status,
                    when=when.value if when else None,
                    summary=summary,
                    parties=tuple((p.ref.key, p.surface) for p in group),
                    sentence_index=ctx.index,
                    start=span_start,
                    end=view[verb].end,
                    pattern_id=match.pattern.id,
                    confidence=match.pattern.confidence,
                )
            )
    carried.previous = [*carried.previous[-1:], (ctx, view)]
    return agreements, counts


def _one_per_partner(
    view: list[Tok],
    lo: int,
    verb: int,
    actors: list[Party],
    partners: list[Party],
    country_of: Callable[[EntityRef], str | None],
) -> bool:
    """A는 B와 C와 (각각) 협약: one agreement per partner when the partners are the
    subject's counterparts. Not when the clause says the agreement has more sides
    (3자, 다자), nor when a partner is on the subject's own side (A시는 B시, A과학기술원,
    B대와 협약: a compatriot among foreign partners makes it one agreement of all)."""
    partners = _dedupe(partners)
    if not actors or len(partners) < 2:
        return False
    words = view[lo:verb]
    if any(t.lex == "each" for t in words):
        return True
    if any(t.form == "함께" for t in words):
        return False  # B 및 C와 함께: together, one agreement
    if any(t.lex == "multilateral" for t in words) or any(
        a.tag == "SN" and b.form == "자" and not b.space_before
        for a, b in zip(words, words[1:], strict=False)
    ):
        return False  # 다자, 3자 협약
    home = {country_of(a.ref) for a in actors} - {None}
    return not any(country_of(p.ref) in home for p in partners)


def _relative_head(view: list[Tok], verb: int) -> int | None:
    """The name that a relative clause ending at ``verb`` modifies (맺은 미국 B대학은:
    B대학), if the clause is one (past, 은/ㄴ) and a name follows it at once."""
    if status_at(view, verb)[0] not in ("relative", "relative_planned"):
        return None
    j = verb + 1
    while j < len(view) and view[j].tag in ("XSV", "VX", "EP"):
        j += 1
    if j >= len(view) or view[j].tag != "ETM":
        return None
    j += 1
    head = None
    while j < len(view) and view[j].is_entity and view[j].ent != "person":
        head, j = j, j + 1  # 미국 B대학: the last of the names in a row heads them
    return head


def _people_met(view: list[Tok], args: list[Arg], parties: list[Party]) -> list[Party]:
    """A와 B 관계자를 만나 … 협력하기로: the institutions of the people met are partners."""
    met = {
        a.index
        for a in args
        if a.role == "obj"
        and any(t.lex == "staff" for t in view[a.index + 1 : a.role_index])
        and any(t.lex == "meet" for t in view[a.role_index + 1 : a.role_index + 3])
    }
    return [p for p in parties if p.index in met]


def _last_name(view: list[Tok], noun: int) -> int:
    """The name nearest before a deal noun (X 인수, X의 지분 인수)."""
    for j in range(noun - 1, max(-1, noun - 5), -1):
        if view[j].is_entity:
            return j
    return -1


def _possessive_partners(view: list[Tok], parties: list[Party], noun: int) -> list[Party]:
    """A와 B의 협약, KAIST와 모더나의 MOU: a possessive name right before the agreement
    noun (a few plain nouns between) is a party."""
    out = []
    possessive = {party.index for party in parties if party.role == "gen"}
    for party in parties:
        if party.role != "gen":
            continue
        between = view[party.index + 1 : noun]
        if _another_name(view, party.index + 1, noun, possessive):
            continue  # 보스턴의 창업지원기관 OO과 협약: the possessive owns the name after it
        if all(
            t.role in ("gen", "conj")
            or t.tag in ("NNG", "NNP", "NNB", "SN", "MM", "SL", "SSO", "SSC", "SP")
            for t in between
        ):
            out.append(party)
    return out


_QUOTE_MARKS = frozenset("'\"‘’“”「『")


def _another_name(view: list[Tok], lo: int, hi: int, possessive: set[int]) -> bool:
    """A name in tokens ``lo..hi`` that is not one of the possessive sides, brackets
    read past (A와 B(메사추세츠 종합병원) 등의 MOU: the bracket spells B out), not
    quotes ('OO'과: the quote holds the name itself)."""
    j = lo
    while j < hi:
        tok = view[j]
        if tok.close > j and tok.form not in _QUOTE_MARKS:
            j = tok.close + 1
            continue
        if tok.is_entity and j not in possessive:
            return True
        j += 1
    return False


def _host(view: list[Tok], parties: list[Party], chosen: list[Party]) -> Party | None:
    """A는 B 본관에서 … 협약을 체결: the institution hosting the signing is the other party
    when the clause names no partner."""
    have = {p.ref for p in chosen}
    for party in parties:
        if party.role == "loc" and party.ref not in have and view[party.index].ent == "org":
            return party
    return None


def _visited(
    ctx: SentenceContext, view: list[Tok], noun: int, people: dict[str, str], chosen: list[Party]
) -> Party | None:
    """A 사절단이 B를 방문해 … 양해각서를 체결: the one visited earlier in the sentence is
    the counterpart when the clause names none; not when several were visited (then it
    is not said with whom the agreement was signed)."""
    have = {p.ref for p in chosen}
    visited: dict[EntityRef, Party] = {}
    for i in range(noun):
        if view[i].lex != "visit":
            continue
        for arg in arguments(view, clause_start(view, i), i):
            tok = view[arg.index]
            if arg.role in ("obj", "dat") and not ctx.in_quotes(tok.start, tok.end):
                ref = _as_party(tok, people)
                if ref is not None and ref not in have:
                    visited.setdefault(ref, Party(ref, tok.form, arg.index, "visited"))
    return next(iter(visited.values())) if len(visited) == 1 else None


def _dedupe(parties: list[Party]) -> list[Party]:
    seen: dict[EntityRef, Party] = {}
    for party in parties:
        seen.setdefault(party.ref, party)
    return list(seen.values())


_STATUS_RANK = {"signed": 3, "agreed": 2, "planned": 1}


def _covered(
    small: frozenset[str], large: frozenset[str], region_of: Callable[[str], str | None]
) -> bool:
    """Every party of ``small`` is in ``large``, or is the government of the region of
    one that is (대구시 for a Daegu foundation)."""
    regions = {region_of(k) for k in large} - {None}
    return all(k in large or (k.startswith("gov:") and k[4:] in regions) for k in small)


def _same_occasion(a: DateValue | None, b: DateValue | None) -> bool:
    """Two stated dates that may be one signing: either unknown, or equal at the coarser
    precision of the two (within a day at day precision, for the time difference)."""
    if a is None or b is None:
        return True
    if "year" in (a.precision, b.precision):
        return a.on.year == b.on.year
    if "month" in (a.precision, b.precision):
        return (a.on.year, a.on.month) == (b.on.year, b.on.month)
    return abs((a.on - b.on).days) <= 1


def merge_agreements(
    agreements: list[AgreementRecord],
    region_of: Callable[[str], str | None] = lambda key: None,
) -> tuple[list[AgreementRecord], dict[int, int]]:
    """One agreement per kind and set of parties; returns the kept ones and a map from
    every local id to the id kept for it (amounts follow their agreement). An article
    that states an agreement twice, once with fewer parties (울산시는 B에서 협약을
    체결; 김 시장은 B에서 C, D, B와 협약을 체결) or as cooperation in its lead (A가 B와
    협력하기로 했다; A, C, D가 업무협약을 체결), has one agreement: the fullest."""
    sets = [frozenset(k for k, _ in a.parties) for a in agreements]
    fuller: dict[int, int] = {}
    for i, (a, parties) in enumerate(zip(agreements, sets, strict=True)):
        for j, (b, others) in enumerate(zip(agreements, sets, strict=True)):
            larger = len(others) > len(parties)
            same = others == parties and a.kind == "cooperation" and b.kind != "cooperation"
            if i == j or not (larger or same) or b.status != "signed":
                continue
            same_kind = a.kind == b.kind or a.kind == "cooperation"
            if same_kind and a.status != "planned" and _covered(parties, others, region_of):
                fuller[a.local_id] = b.local_id
                break
    kept: dict[tuple[str, frozenset[str], int], AgreementRecord] = {}
    remap: dict[int, int] = {}
    for agreement in agreements:
        if agreement.local_id in fuller:
            continue
        parties = frozenset(k for k, _ in agreement.parties)
        # Two stated dates that disagree are two signings (자매결연을 맺은 2017년, and the
        # MOU of 2023); an unknown date contradicts nothing.
        occasion = next(
            n
            for n in range(len(agreements))
            if (agreement.kind, parties, n) not in kept
            or _same_occasion(kept[(agreement.kind, parties, n)].when, agreement.when)
        )
        key = (agreement.kind, parties, occasion)
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
    for small, large in fuller.items():
        remap[small] = remap.get(large, large)
    return sorted(kept.values(), key=lambda a: a.start), remap

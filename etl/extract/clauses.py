"""Clause rules shared by visits and agreements, over the sentence's token view: the role
each noun phrase plays (read from its particle), coordination, tense and modality after
a predicate, and the date that governs a predicate.

Korean marks roles on the noun, so a predicate's arguments are found without a parser:
walk the clause's noun phrases to their particles (``rules/particles.csv``). Names joined
by ``·``, ``,``, ``및`` or a conjunctive 와/과 form one chain that takes the role of its
last member: ``대전시와 OO협회·대전TP, KABIC는`` is four subjects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from etl.extract.context import SentenceContext
from etl.extract.dates import DateMention
from etl.extract.lexicon import matcher
from etl.extract.tokens import NOUN_TAGS, PREDICATE_TAGS, Tok

# Words that may follow a name inside its noun phrase before the particle: 사/측 (the
# company, its side), 등 (and others), a unit or title after a person or institution.
_GLUED_AFTER_NAME = frozenset({"사", "측", "社", "㈜"})
# Nouns that end a name's phrase without a particle: an event the name takes part in.
_PHRASE_ENDERS = frozenset(
    {"agr_mou", "agr_contract", "agr_event", "agr_deal", "visit", "visit_country", "trip", "sign"}
    | {"generic_party"}
)


@dataclass(frozen=True)
class Arg:
    """A name in a clause and the role its noun phrase plays there."""

    index: int  # token index of the name
    role: str  # subj, topic, com, conj, obj, loc, dat, src, gen, add, between, mod, or ''
    role_index: int  # token index of the particle (or of the word that ended the phrase)
    chain: int  # names coordinated with each other share a chain number


def np_role(view: list[Tok], i: int) -> tuple[str, int]:
    """The role of the noun phrase that the name at ``i`` belongs to, and the index of
    the token that gives it. A name followed by another name is its modifier (미국
    보스턴 OO연구소: ``mod``); brackets, quotes, 사/측, 등, and up to three plain nouns (a
    unit: OO병원 재활의학과는; a title: 홍길동 OO시장은) are read past."""
    j = i + 1
    nouns = 0
    listed = False  # after 등: A, B 등 주요 기관을 — the head noun closes the list
    while j < len(view):
        tok = view[j]
        if tok.close > j:
            if nouns and _names_the_phrase(view, j):
                return "mod", j + 1  # 추진 주체(OO원 등)는: the bracket says who
            quoted_name = any(t.is_entity for t in view[j + 1 : tok.close])
            if tok.form not in "([" and quoted_name and view[i].ent == "place":
                return "mod", j + 1  # 보스턴 '케임브리지이노베이션센터'에서: where it is
            j = tok.close + 1  # a bracket or quote read past
            continue
        if tok.tag in ("SSO", "SSC", "SS"):
            j += 1
            continue
        if tok.role:
            if tok.role == "conj" and tok.form in ("와", "과") and _predicate_follows(view, j):
                return "com", j  # A와 협약을 체결: Kiwi's JC before a predicate is a partner
            if tok.role == "conj" and tok.form in ("와", "과") and listed:
                return "com", j  # A, B 등 30여 기관과: a list closed by 등 goes no further
            if tok.role == "loc" and j + 1 < len(view) and view[j + 1].form in ("는", "ᆫ"):
                return "loc_topic", j  # OO대학에서는 …: the institution speaks there
            if tok.role == "gen":
                unit = _unit_role(view, j)
                if unit is not None:
                    return unit  # OO대의 신경과와, 보스턴의 산업단지를: the owner's role
            return tok.role, j
        if tok.form in _GLUED_AFTER_NAME and not tok.space_before:
            j += 1
            continue
        if tok.form == "등" and tok.tag == "NNB":
            listed = True
            j += 1
            continue
        if tok.form == "간" and tok.tag in ("NNB", "NNG"):
            return "between", j
        if tok.is_entity:
            if view[i].ent == "person" and tok.ent == "person":
                return "conj", j - 1  # A 학부장과(glued) B 부총장은: two people, a list
            if view[i].ent == "person":
                j += 1  # 홍길동 대전시장은: the title's region is inside the phrase
                continue
            if view[i].ent == "org" and tok.ent == "place" and _branch_follows(view, j):
                j += 1  # OO 보스턴 지점을: the institution's branch in that place
                continue
            return "mod", j  # 미국 보스턴 OO연구소, 보스턴 인근 켄달 스퀘어: a modifier
        if tok.tag in ("SO", "SW") and not tok.space_before and j + 1 < len(view):
            if j == i + 1 and tok.form in _PAIRING_DASHES and _names_pair(view[i], view[j + 1]):
                return "conj", j  # 충북도-하버드대 (간) MOU: a dash between two names pairs them
            j += 1  # K-BIO: a hyphen inside a name
            continue
        if tok.tag in NOUN_TAGS or tok.tag == "MM" or tok.lex in ("title", "head_title"):
            glued = (
                j + 1 < len(view)
                and view[j + 1].tag in ("XSN", "NNG")
                and not view[j + 1].space_before
            )
            closes_list = listed and tok.lex == "generic_party"
            if tok.lex in _PHRASE_ENDERS and not glued and not closes_list:  # 출장단: a group
                return "", j  # OO 협약, OO 방문: the name modifies an event noun
            nouns += 1
            if nouns > 5:
                return "", j
            j += 1
            continue
        return "", j
    return "", j


# Dashes that pair two names written against them: 충북도-하버드대, 대전–퀘벡주.
_PAIRING_DASHES = frozenset("-–—")
_PAIRABLE = frozenset({"org", "gov", "place"})


def _names_pair(first: Tok, second: Tok) -> bool:
    return first.ent in _PAIRABLE and second.ent in _PAIRABLE and not second.space_before


def _branch_follows(view: list[Tok], j: int) -> bool:
    return j + 1 < len(view) and view[j + 1].lex == "branch"


def _names_the_phrase(view: list[Tok], j: int) -> bool:
    """A bracket at ``j`` that holds a name and is followed at once by a particle: it
    names who the noun phrase before it is (두 기관(KASBP, OO센터)과)."""
    close = view[j].close
    inside = view[j + 1 : close]
    after = view[close + 1] if close + 1 < len(view) else None
    common = view[j - 1].tag in ("NNG", "NNB")  # not a name spelled out: K-BIO(OO밸리)
    named = any(t.ent in ("org", "gov") for t in inside)
    return common and named and after is not None and bool(after.role)


def _unit_role(view: list[Tok], j: int) -> tuple[str, int] | None:
    """After a possessive 의 at ``j``: one or two plain nouns (a unit, a site) and then
    a role particle give the owner that role."""
    for k in range(j + 1, min(len(view), j + 6)):
        tok = view[k]
        if tok.role and k > j + 1:
            if tok.role == "conj" and tok.form in ("와", "과") and _predicate_follows(view, k):
                return "com", k
            return (tok.role, k) if tok.role not in ("gen", "conj") else None
        if tok.is_entity or tok.tag not in ("NNG", "NNP", "NNB", "XSN"):
            return None
        if tok.lex.startswith(("agr_", "visit")) or tok.lex in ("sign", "generic_party", "each"):
            return None
    return None


def _predicate_follows(view: list[Tok], j: int) -> bool:
    """After a 와/과 at ``j``: no other name before the next particle or verb, so the
    와/과 marks a partner of that predicate, not a second name of a list."""
    for k in range(j + 1, min(len(view), j + 8)):
        tok = view[k]
        if tok.is_entity and not _place_of_a_noun(view, k):
            return False
        if tok.role or tok.tag.startswith(("V", "E", "XSV")):
            return True
    return True


def embedded(view: list[Tok], arg: Arg, hi: int) -> bool:
    """Whether the name belongs to a relative clause inside ``..hi`` rather than to the
    predicate at ``hi``: a verb turned modifier stands between its particle and ``hi``
    (케임브리지에 있는 OO와 계약: 케임브리지 is 있는's). Verbs that work as
    postpositions (위한, 대한, 통한) do not count, nor does a topic, whose scope is the
    sentence."""
    if arg.role in ("topic", "loc_topic", "com", "src"):
        return False  # a partner named in the clause that describes the deal is its party
    for j in range(arg.role_index + 1, hi):
        tok = view[j]
        if tok.tag != "ETM" or view[j - 1].tag not in PREDICATE_TAGS:
            continue
        verb = view[j - 1] if view[j - 1].tag not in ("XSV", "XSA") else view[j - 2]
        if verb.form not in POSTPOSITIONAL_VERBS or verb.form in ("있", "없"):
            return True
    return False


def arguments(view: list[Tok], lo: int, hi: int) -> list[Arg]:
    """The names in tokens ``lo..hi`` with their roles, coordinated chains resolved."""
    args: list[Arg] = []
    chain = 0
    pending: list[Arg] = []  # members of a chain waiting for its last member's role
    i = lo
    while i < hi:
        tok = view[i]
        if not tok.is_entity:
            i += 1
            continue
        role, at = np_role(view, i)
        arg = Arg(i, role, at, chain)
        if role == "mod":
            args.append(arg)  # it belongs to the name after it, chains go on past it
            i = max(i + 1, at) if view[at - 1].tag in ("SSO", "SS") else i + 1
            continue
        if (
            role == "com"
            and view[at].form in ("와", "과")
            and view[at - 1].lex != "generic_party"  # A, B 등 기관과: a closed list
            and _next_name(view, at, hi, 1) is not None
        ):
            role = "conj"  # A와 B는: Kiwi's JKB 와 before another name is a list
        if role == "com" and view[at].form in ("와", "과") and _delegation_follows(view, at):
            role = "conj"  # 홍길동 시장과 (OO) 방문단은: the official and their delegation
        if role == "conj" and _next_name(view, at, hi) is not None:
            pending.append(arg)
            i = at + 1
            continue
        if role == "conj":
            # A, B 시설 등을: the list goes on with common nouns; it ends in its role.
            role, end = _list_end_role(view, at)
            if role == "conj":
                pending.append(arg)
                i = end  # the list goes on at the next name
                continue
            at = end if role else at
            role = role or "com"
            arg = Arg(i, role, at, chain)
        for member in pending:
            args.append(Arg(member.index, role, at, chain))
        pending = []
        args.append(arg)
        chain += 1
        i = max(i + 1, at + 1)
    for member in pending:
        args.append(Arg(member.index, "", member.role_index, chain))
    return args


def _list_end_role(view: list[Tok], at: int) -> tuple[str, int]:
    """The role particle that ends a list continued with common nouns after ``at``."""
    j, reach = at + 1, at + 10
    while j < min(len(view), reach):
        tok = view[j]
        j += 1
        if tok.close > j - 1 and tok.form in "([" and view[j - 2].tag in NOUN_TAGS:
            reach += tok.close + 2 - j  # a bracket after a noun counts as one token
            j = tok.close + 1  # 방문단(OO협회, OO재단)이: the bracket says who they are
            continue
        if tok.is_entity and _place_of_a_noun(view, j - 1):
            continue  # 홍길동 시장과 대전 방문단은: the place says whose delegation
        if tok.is_entity:
            # A 연구실, 제약사 B 본사를: the list goes on to the phrase around the next
            # name ("conj" and where that name is), unless that phrase has no role.
            k, (role, end) = j - 1, np_role(view, j - 1)
            while role == "mod" and end > k and view[end].is_entity:
                k, (role, end) = end, np_role(view, end)
            return ("conj", j - 1) if role not in ("", "mod") else ("", at)
        if tok.role and tok.role != "conj":
            return tok.role, j - 1
        if tok.role == "conj" or tok.tag in NOUN_TAGS or tok.form == "등":
            continue
        break
    return "", at


def _delegation_follows(view: list[Tok], at: int) -> bool:
    """After ``at`` (와/과): a delegation noun, perhaps with the place it comes from and a
    bracket naming its members, that is the subject or topic (과 대전 방문단(…)은)."""
    j = at + 1
    if j < len(view) and view[j].is_entity and _place_of_a_noun(view, j):
        j += 1
    for _ in range(2):  # 교수 대표단, 경제 협력 사절단
        if j < len(view) and view[j].tag == "NNG" and view[j].lex != "delegation":
            j += 1
    if j >= len(view) or view[j].lex != "delegation":
        return False
    j += 1
    if j < len(view) and view[j].close > j:
        j = view[j].close + 1
    return j < len(view) and view[j].role in ("subj", "topic")


def _place_of_a_noun(view: list[Tok], k: int) -> bool:
    """미국 공공조달시장에: a place that locates a common noun, not a name of a list."""
    nxt = view[k + 1] if k + 1 < len(view) else None
    return (
        view[k].ent == "place"
        and nxt is not None
        and nxt.tag == "NNG"
        and not nxt.is_entity
        and nxt.lex != "near"  # 보스턴 인근 켄달 스퀘어: the place locates a name
    )


def _next_name(view: list[Tok], at: int, hi: int, reach: int = 3) -> int | None:
    for j in range(at + 1, min(hi, at + 1 + reach)):
        if view[j].is_entity:
            return None if _place_of_a_noun(view, j) else j
        if view[j].tag not in ("SSO", "SSC", "SP", "MAJ", "MAG") and not view[j].role:
            return None
    return None


def clause_start(view: list[Tok], i: int) -> int:
    """The first token of the clause that token ``i`` belongs to: just after the last
    connective ending (after a predicate, followed by a space or a comma) or sentence
    end before it."""
    depth = 0
    for j in range(i - 1, 0, -1):
        tok = view[j]
        if tok.tag in ("SSC",):
            depth += 1
        elif tok.tag in ("SSO",):
            depth = max(0, depth - 1)
        if depth:
            continue
        if tok.tag == "SF":
            return j + 1
        if (
            tok.form == ","
            and j >= 2
            and view[j - 1].tag in ("NNG", "NNB")
            and view[j - 2].tag == "ETM"
        ):
            return j + 1  # …을 방문한 가운데, … / …를 마친 뒤, …: an adverbial clause ends
        if tok.tag == "EC" and view[j - 1].tag in PREDICATE_TAGS:
            verb = view[j - 1] if view[j - 1].tag not in ("XSV", "XSA") else view[j - 2]
            if verb.form in POSTPOSITIONAL_VERBS and verb.form not in ("있", "없"):
                continue  # …을 통해, …를 위해: a postposition, not a clause of its own
            if verb.lex == "adverbial":
                continue  # …을 잇따라 방문: an adverb
            following = view[j + 1] if j + 1 < len(view) else None
            if following is None or following.space_before or following.form == ",":
                return j + 1
    return 0


# Light verbs whose meaning is the status of the noun they take (lexicon classes).
_LIGHT_VERB_STATUS = {
    "pursue": ("planned", "st.pursue"),
    "doubt": ("negated", "st.doubt"),
    "cancel": ("negated", "st.cancel"),
    "request": ("negated", "st.request"),  # 방문을 요청했다: someone else is asked to come
}


def _light_verb(view: list[Tok], j: int) -> Tok | None:
    """A light verb of ``_LIGHT_VERB_STATUS`` at ``j`` or after a few adverbial words
    (방문은 예산 문제로 취소됐다), before any other argument or ending."""
    for k in range(j, min(len(view), j + 6)):
        tok = view[k]
        if tok.lex in _LIGHT_VERB_STATUS:
            return tok
        if tok.tag not in ("NNG", "NNB", "SN", "MAG", "JKB") or tok.role in ("obj", "subj", "topic"):
            return None
    return None


def status_at(view: list[Tok], i: int) -> tuple[str, str]:
    """(label, pattern id) of the tense or modality after the predicate at ``i``
    (``rules/status.json``); ('', '') when nothing follows it."""
    found = matcher("status").match_at(view, i) if i < len(view) else []
    if not found:
        # 구축에 착수한다, 체결을 마쳤다: the noun is the object of a light verb, whose
        # meaning may settle the status whatever its tense (체결을 추진했다: not signed;
        # 방문이 취소됐다: no visit).
        if (
            i + 3 < len(view)
            and view[i + 1].tag == "NNG"
            and (view[i + 1].lex in ("trip", "plan") or view[i + 1].form == "일정")
            and not view[i + 1].role
        ):
            i += 1  # 방문 일정이 취소됐다: the noun and its schedule share one fate
        if i + 2 < len(view) and view[i + 1].role in ("dat", "obj", "subj", "topic"):
            verb = view[i + 2]
            light = _light_verb(view, i + 2)
            if light is not None:
                return _LIGHT_VERB_STATUS[light.lex]
            if view[i + 1].role in ("dat", "obj") and verb.tag in ("VV", "NNG") and not verb.is_entity:
                return status_at(view, i + 2)
            if verb.tag.startswith("VV") and not verb.is_entity:
                return status_at(view, i + 2)  # 체결이 이뤄지지 않았다, 방문이 성사됐다
            if verb.form == "없" and verb.tag.startswith("VA"):
                return "negated", "st.none"  # 협약 체결은 없었다
        return "", ""
    best = max(found, key=lambda m: m.end)
    return best.pattern.label, best.pattern.id


def sentence_tense(view: list[Tok], after: int = 0) -> str:
    """The tense of the sentence's last predicate after token ``after``: past, future
    (a plan, a present tense, -겠-), or '' when the sentence has no final ending."""
    for j in range(len(view) - 1, after, -1):
        if view[j].tag == "EF":
            return _tense_of_ending(view, j, after)
    return ""


def _tense_of_ending(view: list[Tok], j: int, after: int = 0) -> str:
    """The tense a predicate's ending at ``j`` (final, or quotative) says."""
    tok = view[j]
    before = view[max(after, j - 4) : j]
    if any(t.tag == "EP" and t.form in ("었", "았", "였", "ᆻ") for t in before):
        return "past"
    if any(t.lex == "plan" or (t.tag == "EP" and t.form == "겠") for t in before):
        return "future"
    if tok.form in ("ᆫ다", "는다", "ᆫ다고", "는다고"):
        return "future"
    if any(t.form == "것" and t.tag == "NNB" for t in before):
        return "future"
    return ""


# Nouns after a past modifier that put its clause before the main one (맺은 뒤, 방문한 후).
_AFTER_NOUNS = frozenset({"뒤", "후", "이후", "다음"})


def past_clause_end(view: list[Tok]) -> tuple[int, bool] | None:
    """Where the last clause told before the main one ends inside a sentence whose main
    verb is not past: (the character offset after its ending, whether its tense is past).
    협약을 맺었고 … 파견한다 is past; 방문한 뒤 … 할 예정이다 only comes first, and may
    itself be ahead (neither), or None."""
    final = next((j for j in range(len(view) - 1, -1, -1) if view[j].tag == "EF"), len(view))
    for j in range(final - 1, 0, -1):
        tok = view[j]
        if tok.tag == "EC" and view[j - 1].tag == "EP" and view[j - 1].form in _PAST_MARKS:
            return tok.end, True
        if (
            tok.tag == "ETM"
            and tok.form in ("ᆫ", "은")
            and j + 1 < len(view)
            and view[j + 1].form in _AFTER_NOUNS
        ):
            return view[j + 1].end, False
    return None


_PAST_MARKS = ("었", "았", "였", "ᆻ")


# Endings of a question (성사될까, 맺었나, 방문하는가).
_QUESTION_ENDINGS = frozenset({"ᆯ까", "을까", "나", "는가", "ᆫ가", "은가", "냐", "느냐", "니"})


def is_question(view: list[Tok]) -> bool:
    """The sentence asks rather than tells: it ends in a question mark or a question's
    ending."""
    last = next((t for t in reversed(view) if t.tag not in ("SF", "SE", "SS", "SSC")), None)
    if any(t.form == "?" for t in view[-2:]):
        return True
    return last is not None and last.tag in ("EF", "EC") and last.form in _QUESTION_ENDINGS


# Endings that close a reported clause (체결한다고 밝혔다, 방문할 예정이라고 말했다).
_QUOTATIVE_ENDINGS = frozenset({"다고", "ᆫ다고", "는다고", "라고", "이라고"})


def quoted_tense(view: list[Tok]) -> tuple[int, str] | None:
    """A sentence that reports a clause (A를 방문한다고 20일 밝혔다): the token that
    closes the reported clause and that clause's own tense, which the dates inside
    it follow rather than the tense of the saying."""
    final = next((j for j in range(len(view) - 1, -1, -1) if view[j].tag == "EF"), None)
    if final is None:
        return None
    for j in range(final - 1, max(-1, final - 8), -1):
        tok = view[j]
        if tok.tag == "EC" and tok.form in _QUOTATIVE_ENDINGS:
            return j, _tense_of_ending(view, j)
        if tok.tag in ("EC", "EF", "SF", "SP"):
            return None
    return None


def subject_args(view: list[Tok], args: list[Arg]) -> list[Arg]:
    return [a for a in args if a.role in ("subj", "topic")]


def nearest_date(
    dates: list[DateMention],
    position: int,
    clause: tuple[int, int],
    ctx: SentenceContext,
    before_only: bool = False,
) -> DateMention | None:
    """The date that governs a verb at ``position``: the closest one before it in the
    sentence, else one after it within its clause (never after a relative clause's
    verb: 협약을 맺은 OO는 내년부터 …, the year is the main clause's)."""
    before = [d for d in dates if ctx.start + d.end <= position]
    if before and not _relative_clause_between(ctx, ctx.start + before[-1].end, position):
        return before[-1]
    if before or before_only:
        return None  # 작년 문을 연 병원이 … 협약: the date belongs to another verb
    after = [d for d in dates if position <= ctx.start + d.start < clause[1]]
    return after[0] if after else None


def _relative_clause_between(ctx: SentenceContext, start: int, end: int) -> bool:
    """A verb turned into a modifier (문을 연, 세운) between a date and a later verb:
    the date is that modifier's."""
    tokens = [t for t in ctx.tokens if start <= t.start and t.end <= end]
    for i, token in enumerate(tokens):
        if token.tag != "ETM" or i == 0:
            continue
        verb = tokens[i - 1]
        if verb.tag in ("XSV", "XSA") and i > 1:
            verb = tokens[i - 2]
        if verb.form in POSTPOSITIONAL_VERBS or verb.tag.split("-")[0] not in ("VV", "NNG", "EP"):
            continue
        # The date is inside that modifier only if no subject or topic comes between
        # (5일 홍길동 지사는 … 이름난 연구소를 방문: the date is the main verb's).
        if not any(
            t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는")) for t in tokens[:i]
        ):
            return True
    return False


# 공동연구에 대한, 협력을 위한, 교육 관련: verbs that work as postpositions and take no date.
POSTPOSITIONAL_VERBS = frozenset(
    {
        "대하",
        "관하",
        "위하",
        "통하",
        "따르",
        "의하",
        "향하",
        "비롯하",
        "포함하",
        "관련",
        "인하",
        "걸치",
        "있",
        "없",
        "위치",  # 15일 X에 위치한 Y를 방문: being somewhere takes no date
        "소재",
    }
)


def is_future_date(mention: DateMention | None, published: date | None) -> bool:
    if mention is None:
        return False
    if mention.direction == "future":
        return True
    return bool(published and mention.value and mention.value.on > published)

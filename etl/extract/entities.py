"""Organizations and places in a sentence: reference names first, then names by shape.

Reference names (every spelling in ``seeds/reference/``) are found in one pass of one
Aho–Corasick automaton over the sentence's characters, so a name is found whatever
Kiwi made of it; a name is taken where it starts and ends a word (a Latin name is not
inside a longer Latin word, a Hangul name does not start inside a Hangul word, and a
one-syllable form such as 美 stands alone). Overlapping candidates: the leftmost, then
the longest.

Names no list has are found from their shape over Kiwi's tokens (``rules/entities.json``
and ``rules/heads.csv``): a proper noun ending in an institutional head (퍼듀대,
OO바이오헬스케어협회), a run of proper nouns closed by a head noun (에든버러 대학교,
몽고메리 카운티), a Latin name closed by a company word (Acme Therapeutics), a name
with 사 glued on (버텍스사와), and a name headed by someone in brackets (OO(대표 홍길동)).
A Latin short name in brackets after a name (OO협회(KASBP)), or a short name the article
defines for it (OO병원(…, 이하 XX)), is that organization wherever it recurs in the
article; the words before a defined known short name (XXX(이하 BMS)) are its long name.
"""

from __future__ import annotations

import functools
import re

import ahocorasick

from etl.extract.clauses import arguments, np_role
from etl.extract.context import Found, SentenceContext
from etl.extract.lexicon import ALL_ROLES as _ALL_ROLES
from etl.extract.lexicon import (
    generic_modifiers,
    head_of,
    heads,
    matcher,
    particle_forms,
    pattern_by_id,
)
from etl.extract.matcher import Pattern
from etl.extract.names import foreign_given_names, is_korean_name
from etl.extract.tokens import Tok, token_view
from etl.records import EntityRef, OrganizationRecord
from etl.reference import Reference, load_reference

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


# Writers space names as they like (하버드메디컬 스쿨, 매사추세츠 종합 병원): a form is
# matched with its spaces ignored, if it has at least this many characters without them.
_SPACING_FREE = 4
_SPACES = frozenset(" \u00a0")


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    """Every reference form without its spaces, one automaton (built once per process);
    each key holds the forms written with their spaces, one of their entities and its
    own length."""
    by_key: dict[str, tuple[list[str], EntityRef]] = {}
    for form, ref in load_reference().index.items():
        if len(form) < 2 and not _HANGUL.search(form):
            continue
        key = _compact(form)
        if key in by_key:
            by_key[key][0].append(form)
        else:
            by_key[key] = ([form], ref)
    automaton = ahocorasick.Automaton()
    for key, (forms, ref) in by_key.items():
        automaton.add_word(key, (tuple(forms), ref, len(key)))
    automaton.make_automaton()
    return automaton


# Foreign names are transliterated unsteadily: 랩센트럴 and 랩샌트럴, 보스턴 and 보스톤,
# 메사추세츠 and 매사추세츠. Vowels writers confuse are folded to one (ㅐ→ㅔ, ㅒ→ㅖ,
# ㅙ/ㅚ→ㅞ, ㅓ→ㅗ); a syllable stays one syllable, so offsets do not move. Only foreign
# names this long are folded: a short or Korean word's vowel is its meaning (대/데).
_FOLDED_VOWELS = {1: 5, 3: 7, 10: 15, 11: 15, 4: 8}
_FOLD_AT_LEAST = 4


@functools.cache
def _vowel_fold() -> dict[int, int]:
    table = {}
    for code in range(11172):
        vowel = (code % 588) // 28
        if vowel in _FOLDED_VOWELS:
            table[0xAC00 + code] = 0xAC00 + code + (_FOLDED_VOWELS[vowel] - vowel) * 28
    return table


def _fold(text: str) -> str:
    return text.translate(_vowel_fold())


def _is_foreign(ref: EntityRef, reference: Reference) -> bool:
    if ref.kind == "place":
        place = reference.places.get(ref.key)
        return place is not None and place.country not in (None, "KR")
    org = reference.organizations.get(ref.key)
    return org is not None and org.country not in (None, "KR")


@functools.cache
def _folded_automaton() -> ahocorasick.Automaton:
    """The foreign Hangul names of the reference data with their vowels folded: a name
    spelled with another of the vowels writers confuse is still that name."""
    reference = load_reference()
    automaton = ahocorasick.Automaton()
    for form, ref in reference.index.items():
        key = _compact(form)
        if len(key) >= _FOLD_AT_LEAST and _HANGUL.search(key) and _is_foreign(ref, reference):
            automaton.add_word(_fold(key), (ref, len(key)))
    automaton.make_automaton()
    return automaton


def _spaced_otherwise_ok(text: str, end: int, form: str, key_length: int) -> bool:
    """A name spaced otherwise than the reference spaces it: long enough, in Hangul, and
    ending where a word ends (코리아 바이오헬스 is not 코리아바이오), or before a particle."""
    if key_length < _SPACING_FREE or not _HANGUL.search(form) or not _ends_a_word(text, end):
        return False
    # 충북 대학 간: a place, then a head noun on its own, is the place's universities.
    place, _, head = form.rpartition(" ")
    lone_head = head_of(head)
    if lone_head is not None and lone_head.suffix == head:
        refs = load_reference().index.get(place.replace(" ", ""))
        if refs is not None and refs.kind == "place":
            return False
    return True


def _ends_a_word(text: str, end: int) -> bool:
    """No more Hangul after ``end``, or only a particle."""
    after = text[end] if end < len(text) else " "
    return not _HANGUL.match(after) or after in _PARTICLE_STARTS


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch not in _SPACES)


def _boundary_ok(text: str, start: int, end: int, form: str) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if _LATIN_OR_DIGIT.match(form[0]) and _LATIN_OR_DIGIT.match(before):
        return False
    if _LATIN_OR_DIGIT.match(form[-1]) and _LATIN_OR_DIGIT.match(after):
        return False
    if _HANGUL.match(form[0]) and _HANGUL.match(before):
        return False
    # A one-syllable form (미, 韓) must stand alone: 미래 is not the United States.
    if len(form) == 1 and _HANGUL.match(after):
        return False
    # A last word of one syllable (메릴랜드 주, 보스턴 시) glued to more Hangul is the
    # start of the next word (메릴랜드 주지사, 보스턴 시민), unless that is a particle.
    last_word = form.rsplit(" ", 1)[-1]
    if " " in form and len(last_word) == 1 and _HANGUL.match(after):
        return after in _PARTICLE_STARTS
    # OO대, the short form of a university, inside a longer word is another word
    # (세종대왕, 인천대교, 경기대회): after it only a particle, or no Hangul at all.
    return not (form.endswith("대") and _HANGUL.match(after) and after not in _PARTICLE_STARTS)


_PARTICLE_STARTS = frozenset(f[0] for f in particle_forms(*_ALL_ROLES)) | {"측", "간"}


def find_reference_entities(text: str, offset: int) -> list[Found]:
    """Reference names in ``text`` (offsets shifted by ``offset``), leftmost-longest."""
    candidates = []
    at = [i for i, ch in enumerate(text) if ch not in _SPACES]  # compact → text offsets
    compact = "".join(text[i] for i in at)
    for end_index, (forms, ref, key_length) in _automaton().iter(compact):
        start, end = at[end_index - key_length + 1], at[end_index] + 1
        form = text[start:end]
        if form not in forms and not _spaced_otherwise_ok(text, end, form, key_length):
            continue
        if _boundary_ok(text, start, end, form):
            candidates.append((start, -len(form), form, ref))
    for end_index, (ref, key_length) in _folded_automaton().iter(_fold(compact)):
        start, end = at[end_index - key_length + 1], at[end_index] + 1
        form = text[start:end]
        if _boundary_ok(text, start, end, form) and _ends_a_word(text, end):
            candidates.append((start, -len(form), form, ref))
    candidates.sort()
    found: list[Found] = []
    taken_until = 0
    for start, negative_length, form, ref in candidates:
        if start < taken_until:
            continue
        found.append(Found(ref, offset + start, offset + start - negative_length, form))
        taken_until = start - negative_length
    return found


# Kiwi's tags that say a short word is a common word, not a name.
_COMMON_TAGS = frozenset({"NNG", "VV", "VA", "XR", "MAG", "XSN", "NNB"})


def drop_common_words(ctx: SentenceContext) -> None:
    """A short reference form that is also a common word (강화 the county / 강화 to
    strengthen, 보령 the city / the company) is a name only where Kiwi reads it as a
    proper noun: 파트너십을 강화키로 is no county."""
    kept = []
    for found in ctx.entities:
        if len(found.surface) <= 2 and _HANGUL.search(found.surface):
            covering = [t for t in ctx.tokens if t.start < found.end and found.start < t.end]
            if len(covering) == 1 and covering[0].tag.split("-")[0] in _COMMON_TAGS:
                continue
        kept.append(found)
    ctx.entities = kept


def _generic_name(surface: str) -> bool:
    """바이오협회, 제약바이오협회: generic words and a head noun, nothing that names."""
    compact = _compact(surface)
    head = head_of(compact)
    if head is None:
        return False
    stem = compact[: -len(head.suffix)]
    modifiers = generic_modifiers()
    while stem:
        word = next(
            (m for m in sorted(modifiers, key=len, reverse=True) if stem.startswith(m)), None
        )
        if word is None:
            return False
        stem = stem[len(word) :]
    return True


def foreign_generic_names(ctx: SentenceContext, registry: dict[str, OrganizationRecord]) -> None:
    """보스턴 바이오협회 is not 한국바이오협회: a generic short name of a domestic body
    (바이오협회) right after a place of another country names that country's body, one
    no list has; it is taken as such, with the place in its name."""
    reference = load_reference()
    kept: list[Found] = []
    for found in ctx.entities:
        previous = kept[-1] if kept else None
        org = (
            reference.organizations.get(found.ref.key) if found.ref.kind == "organization" else None
        )
        if (
            org is not None
            and previous is not None
            and previous.ref.kind == "place"
            and ctx.slice(previous.end, found.start).strip() == ""
            and _generic_name(found.surface)
            and reference.places[previous.ref.key].country not in (None, org.country)
        ):
            rule = pattern_by_id("ent.foreign_generic")
            country = reference.places[previous.ref.key].country
            kept[-1] = register(
                ctx, previous.start, found.end, org.org_type, registry, rule, country
            )
            continue
        kept.append(found)
    ctx.entities = kept


# A lone capital letter where a name should be (B사, K대학병원, D제약): the writer
# withholds the name; there is no institution to record.
_ANONYMISED = re.compile(r"[A-Z](?![A-Za-z0-9&.\-])")


def _anonymised(name: str) -> bool:
    return _ANONYMISED.match(name) is not None


def unresolved_key(name: str) -> str:
    return "unresolved:" + re.sub(r"\s+", "", name).lower()


def _country_before(ctx: SentenceContext, start: int, reference: Reference) -> str | None:
    """The country of a place written just before a name, or opening it (보스턴
    컨벤션센터: the place is the name's first word)."""
    for entity in reversed(ctx.entities):
        adjacent = entity.end <= start and ctx.slice(entity.end, start).strip() == ""
        if (adjacent or entity.start == start) and entity.ref.kind == "place":
            return reference.places[entity.ref.key].country
    return None


def register(
    ctx: SentenceContext,
    start: int,
    end: int,
    org_type: str,
    registry: dict[str, OrganizationRecord],
    pattern: Pattern | None = None,
    country: str | None = None,
) -> Found:
    """An organization no list has, found in the sentence, recorded in ``registry``."""
    name = ctx.slice(start, end)
    key = unresolved_key(name)
    registry.setdefault(
        key,
        OrganizationRecord(
            canonical_key=key,
            name_ko=name,
            name_en=None if _HANGUL.search(name) else name,
            org_type=org_type,
            is_resolved=False,
            country=country or _country_before(ctx, start, load_reference()),
        ),
    )
    rule = pattern or pattern_by_id("ent.role")
    return Found(EntityRef("organization", key), start, end, name, False, rule.id, rule.confidence)


def _generic(words: list[Tok]) -> bool:
    """국내 병원, 해외 대학, 관련 기관: a head noun after a generic word is no name."""
    modifiers = generic_modifiers()
    first = words[0].form
    return first in modifiers or any(first.startswith(m) and len(m) >= 2 for m in modifiers)


def _shape_org(view: list[Tok], start: int, end: int) -> str | None:
    """The organization type of tokens ``start..end`` if they form a name by shape."""
    words = view[start:end]
    if any(t.is_entity for t in words) or (len(words) > 1 and _generic(words)):
        return None
    last = words[-1]
    head = head_of(last.form)
    if head is None and len(words) > 1 and not last.space_before:
        # 한빛/NNP 바이오/NNG: a head that counts only glued to a name, as Kiwi split it.
        glued = head_of(words[-2].form + last.form)
        head = glued if glued is not None and glued.suffix == last.form else None
    if head is None:
        return None
    stem = last.form[: -len(head.suffix)]
    if len(words) == 1:
        # One word: a proper noun, or a word Kiwi does not know, glued to its head.
        if len(stem) < 2 or stem in generic_modifiers() or head_of(stem) == head:
            return None
        if last.tag not in ("NNP", "SL", "SH") and not last.oov:
            return None  # a common noun Kiwi knows (연구센터), not a name
    elif not any(t.tag in ("NNP", "SL", "SH") for t in words[:-1]) or not _name_run(
        view, start, words
    ):
        return None
    return head.org_type


def _name_run(view: list[Tok], start: int, words: list[Tok]) -> bool:
    """Whether proper nouns then a head are an institution's name and not something else
    that looks so: a person and their title or institution (이정국 연구원, 데이비드 브라운
    OO병원), a name cut out of another (R&D 센터: the run would start at D), or a phrase
    with common words in it (USA 기간 동안 국내 제약)."""
    reference = load_reference()
    first = words[0].form
    glued = all(not t.space_before for t in words[1:])
    if not glued and (is_korean_name(first, reference) or first in foreign_given_names()):
        return False  # 이정국 연구원: a person and their title; 한빛의료원 is one word
    if words[-1].form in reference.titles and not (glued and len(words) > 2):
        return False  # 연구원 is a title as well as a head, unless glued to a longer name
    previous = view[start - 1] if start > 0 else None
    if previous is not None and not words[0].space_before and previous.tag in ("SO", "SW"):
        return False
    modifiers = generic_modifiers()
    return len(words) <= 4 and not any(
        t.tag in ("NNB", "MM") or t.form in modifiers for t in words[:-1]
    )


def discover_organizations(
    ctx: SentenceContext, registry: dict[str, OrganizationRecord]
) -> list[Found]:
    """Organizations absent from the reference data, found by the shape patterns of
    ``rules/entities.json`` over the sentence's tokens."""
    view = token_view(ctx)
    found: list[Found] = []
    taken_until = -1
    matches = sorted(matcher("entities")(view), key=lambda m: (m.start, m.start - m.end))
    for match in matches:
        if match.start <= taken_until:
            continue
        span = _organization_span(view, match.pattern.label, match.start, match.end)
        if span is None:
            continue
        start, end, org_type = span
        begin, finish = view[start].start, view[end - 1].end
        if ctx.slice(begin, finish) in load_reference().index or _anonymised(
            ctx.slice(begin, finish)
        ):
            continue
        found.append(register(ctx, begin, finish, org_type, registry, match.pattern))
        taken_until = match.end - 1
    found += _heads_of_institutions(ctx, registry, found)
    found += _place_glued_names(ctx, registry, found)
    found += _quoted_institutions(ctx, registry, found)
    if found:  # a place inside a name found by shape is part of that name
        ctx.entities = [
            e for e in ctx.entities if not any(f.start <= e.start and e.end <= f.end for f in found)
        ]
    return found


def _quoted_institutions(
    ctx: SentenceContext, registry: dict[str, OrganizationRecord], taken: list[Found]
) -> list[Found]:
    """'가나-다라 질병 공동연구센터' 개소, ‘가나 바이오허브’ 입주 기업: a name of two words or
    more in quotes whose last word ends in an institutional head is one institution's
    name, the names inside it included. One word in quotes is emphasis of a name found
    otherwise; a quotation of someone's words ends in a verb, not a head."""
    out = []
    for start, end in ctx.quotes:
        name = ctx.slice(start, end).strip()
        words = name.split()
        if not 2 <= len(words) <= 8 or not _HANGUL.search(name):
            continue
        head = head_of(words[-1])
        if head is None or words[-1] in generic_modifiers() or name in load_reference().index:
            continue
        if any(f.start <= start and end <= f.end for f in ctx.entities + taken):
            continue  # the quotes hold a name found already
        inside = [t for t in ctx.tokens if start <= t.start and t.end <= end]
        if not any(t.tag in ("NNP", "SL") for t in inside) or inside[-1].tag not in ("NNG", "NNP"):
            continue  # no proper part, or the last word is not a noun
        if any(t.tag.startswith(("J", "E", "V")) for t in inside):
            continue  # “보스턴은 최고의 연구센터”: particles and verbs make it a quotation
        begin = start + ctx.slice(start, end).index(name)
        out.append(
            register(
                ctx, begin, begin + len(name), head.org_type, registry, pattern_by_id("ent.quoted")
            )
        )
    return out


@functools.cache
def _particles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(particle_forms(*_ALL_ROLES), key=len, reverse=True))


def _heads_of_institutions(
    ctx: SentenceContext, registry: dict[str, OrganizationRecord], taken: list[Found]
) -> list[Found]:
    """전북바이오융합산업진흥원장, OO연구소장: the head's 장 glued to an institution no list
    has (the word without 장 ends in a head noun). Only where the name has a proper
    part (a place or proper noun): 신약연구센터장 is a unit's head, not a name."""
    out = []
    particles = _particles_longest_first()
    for word in re.finditer(r"[가-힣A-Za-z0-9]+", ctx.text):
        text = word.group()
        if "장" not in text:
            continue  # no head's title in the word: nothing to strip or look up
        for particle in particles:  # 충남바이오진흥원장이: the word without its particle
            if text.endswith("장" + particle):
                text = text[: -len(particle)]
                break
        if not text.endswith("장") or len(text) < 5:
            continue
        name = text[:-1]
        head = head_of(name)
        if head is None or len(name) - len(head.suffix) < 2:
            continue
        start = ctx.start + word.start()
        end = start + len(name)
        if any(e.start <= start and end <= e.end for e in ctx.entities + taken):
            continue  # a known name (서울대병원장): found already
        inside = [t for t in ctx.tokens if start <= t.start and t.end <= end]
        proper = any(t.tag in ("NNP", "SL") for t in inside)
        if not proper or name in load_reference().index:
            continue
        out.append(
            register(ctx, start, end, head.org_type, registry, pattern_by_id("ent.head_title"))
        )
    return out


def _place_glued_names(
    ctx: SentenceContext, registry: dict[str, OrganizationRecord], taken: list[Found]
) -> list[Found]:
    """경남바이오진흥원, 세종병원: a place glued to more of a word that ends in a head noun
    is an institution named after the place, not the place (nor its government). A
    government's own words (도청, 시청) stay the government's; a place with only a
    company's head (한국바이오) is too vague to be a name."""
    out = []
    particles = _particles_longest_first()
    places = {e.start: e for e in ctx.entities if e.ref.kind == "place"}
    for word in re.finditer(r"[가-힣A-Za-z0-9]+", ctx.text):
        start = ctx.start + word.start()
        place = places.get(start)
        if place is None:
            continue
        text = word.group()
        for particle in particles:
            if text.endswith(particle) and head_of(text[: -len(particle)]) is not None:
                text = text[: -len(particle)]
                break
        end = start + len(text)
        rest = ctx.slice(place.end, end)
        head = head_of(text)
        if not rest or head is None or not rest.endswith(head.suffix):
            continue
        if head.org_type in ("government", "local_government"):
            continue
        if rest == head.suffix and head.org_type in ("company", "investor"):
            continue
        if text in load_reference().index or any(f.start <= start < f.end for f in taken):
            continue
        out.append(register(ctx, start, end, head.org_type, registry, pattern_by_id("ent.place_glued")))
    return out


# Latin words in brackets that spell a title or a field, not a name.
_NOT_NAMES_IN_BRACKETS = frozenset(
    {"CEO", "CTO", "CFO", "COO", "CSO", "CMO", "AI", "IT", "BT", "R&D", "MOU", "IPO", "M&A"}
)


def _organization_span(
    view: list[Tok], label: str, start: int, end: int
) -> tuple[int, int, str] | None:
    """(first token, end token, organization type) of the name a shape match found."""
    if label == "name_then_bracket":
        # OO(대표 홍길동): the name before the bracket is an institution.
        head = head_of(view[start].form)
        return start, start + 1, head.org_type if head else "company"
    if label == "sa_suffix":
        if view[start + 1].space_before:
            return None  # 사 after a space is another word (화이자 사이)
        titles = load_reference().titles
        if any((view[start].form + "사").endswith(title) for title in titles):
            return None  # 관세영사, 수석부사: the 사 ends a title (영사, 부사)
        return start, start + 1, "company"
    if label == "latin_company":
        return start, end, "company"
    if label == "classified":
        # 기업 OO OO(Foo): the words between the class word and the bracket, when the
        # bracket spells a name (not a title or a field: CEO, AI).
        bracket = next(k for k in range(start + 1, end) if view[k].tag == "SSO")
        latin = " ".join(t.form for t in view[bracket + 1 : end - 1])
        if bracket - start - 1 > 4 or latin.upper() in _NOT_NAMES_IN_BRACKETS:
            return None
        head = head_of(view[bracket - 1].form)
        return start + 1, bracket, head.org_type if head else "company"
    if label == "classified_bare":
        # 제약사 OO과: the unknown word the class word names; two syllables at least.
        name = view[start + 1]
        if len(name.form) < 2 or not name.space_before:
            return None
        head = head_of(name.form)
        return start + 1, start + 2, head.org_type if head else "company"
    if label == "classified_quoted":
        # 스타트업 '가나셀'과: the quoted words, one name if they are few.
        name = view[start + 2 : end - 2]
        if len(name) > 4 or all(t.tag == "NNG" and not t.oov and len(t.form) > 1 for t in name):
            return None  # 기업 '혁신'과: common words quoted for emphasis
        head = head_of(name[-1].form)
        return start + 2, end - 2, head.org_type if head else "company"
    if label == "place_run":
        words = view[start + 1 : end]
        if any(t.lex == "near" for t in words):
            return None  # 보스턴 소재 바이오텍: where a company is, not its name
        if len(words) < 3 and _generic(words):
            return None  # 미국 바이오 센터: a place and a generic head; 오하이오 의료기술 센터 is a name
        head = head_of(view[end - 1].form)
        return (start, end, head.org_type) if head else None
    if (
        label == "glued"
        and end < len(view)
        and not view[end].space_before
        and any(h.glued_only and h.suffix == view[end].form for h in heads())
    ):
        end += 1  # 한빛/NNP 바이오/NNG: a head that counts only glued, split off by Kiwi
    org_type = _shape_org(view, start, end)
    return (start, end, org_type) if org_type else None


# The word by which an article defines its own short name for what the bracket follows:
# OO병원(Massachusetts General Hospital, 이하 OO병원), OO사(이하 XX).
_DEFINED_AS = "이하"
_QUOTES = "'\"‘’“”"


def _defined_short_name(inner: str) -> str | None:
    """The short name an article defines in a bracket (``…, 이하 XX``), if any: two
    characters at least, three words at most."""
    last = re.split(r"[,，;]", inner)[-1].strip()
    if not last.startswith(_DEFINED_AS):
        return None
    name = last[len(_DEFINED_AS) :].strip().strip(_QUOTES).strip()
    if len(name) < 2 or len(name.split()) > 3:
        return None
    return name


def bracket_aliases(ctx: SentenceContext) -> dict[str, Found]:
    """OO협회(KASBP), KABIC(OO협회): a short Latin name in brackets right after an
    organization (or the organization right after it in brackets) names the same one;
    so does the short name an article defines for it, in any script (OO병원(이하 XX))."""
    aliases: dict[str, Found] = {}
    for open_at, close_at in ctx.brackets:
        inner = ctx.slice(open_at, close_at).strip()
        before = [e for e in ctx.entities if e.end in (open_at - 1, open_at - 2)]
        if not before or before[-1].ref.kind != "organization":
            continue
        defined = _defined_short_name(inner)
        if defined is not None:
            aliases[defined] = before[-1]
        elif re.fullmatch(r"[A-Z][A-Za-z0-9&\-]{1,11}", inner):
            aliases[inner] = before[-1]
    return aliases


def apply_aliases(ctx: SentenceContext, aliases: dict[str, Found]) -> None:
    """Mark every occurrence of an article's bracket aliases as its organization."""
    if not aliases:
        return
    for name, owner in aliases.items():
        for match in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", ctx.text):
            start, end = ctx.start + match.start(), ctx.start + match.end()
            if any(e.start < end and start < e.end for e in ctx.entities):
                continue
            if _HANGUL.search(name) and not _whole_words(ctx, start, end):
                continue
            if (
                ctx.slice(max(ctx.start, start - 4), start)
                .rstrip(" " + _QUOTES)
                .endswith(_DEFINED_AS)
            ):
                continue  # the definition itself, (이하 XX), is no mention
            rule = pattern_by_id("ent.bracket_alias")
            ctx.entities.append(
                Found(owner.ref, start, end, name, owner.resolved, rule.id, rule.confidence)
            )
    ctx.entities.sort(key=lambda f: f.start)


def _whole_words(ctx: SentenceContext, start: int, end: int) -> bool:
    """A Hangul short name recurs only as whole words: it starts where a word starts and
    ends where a token ends, with no noun glued after it (진흥원은, not 진흥원장)."""
    if start > ctx.start and _HANGUL.search(ctx.slice(start - 1, start)):
        return False
    ends = [i for i, t in enumerate(ctx.tokens) if t.end == end]
    if not ends or not any(t.start == start for t in ctx.tokens):
        return False
    following = ctx.tokens[ends[0] + 1] if ends[0] + 1 < len(ctx.tokens) else None
    return following is None or following.start > end or not following.tag.startswith(("NN", "XSN"))


# Roles after which a Korean region acts (signs, hosts, announces): it is its government.
_ACTOR_ROLES = frozenset({"subj", "topic", "com", "add", "src"})


# Heads of a state or province that name its government even after a space (시장 may
# be a market, 보스턴 시장; 지사 a branch office, 보스턴 지사).
_HEADS_OF_A_STATE = frozenset({"주지사", "도지사"})


def regions_as_actors(ctx: SentenceContext) -> None:
    """Turn a Korean region that acts in the sentence into its government: a subject,
    topic or partner (충북도는, 대전시와), every region of a list that acts (충북, 경북
    등 광역 지자체와), or one with a head's title glued on (OO시장)."""
    reference = load_reference()
    view = token_view(ctx)
    acting: set[int] = set()
    for arg in arguments(view, 0, len(view)):
        tok = view[arg.index]
        if tok.ent != "place" or tok.entity is None:
            continue
        place = reference.places.get(tok.entity.ref.key)
        if place is None:
            continue
        nxt = view[arg.index + 1] if arg.index + 1 < len(view) else None
        if nxt is not None and nxt.lex == "head_title":
            if not nxt.space_before and place.is_korean_region:
                acting.add(arg.index)  # 고양특례시장, 경북도지사
                continue
            if nxt.form in _HEADS_OF_A_STATE:
                acting.add(arg.index)  # 매사추세츠 주지사: the state's government
                continue
        if not place.is_korean_region:
            continue
        # A city's short name may be a common word (강화와 … 협력): it acts only in full.
        full = place.place_type == "province" or tok.form.endswith(("시", "군", "구"))
        if full and arg.role in _ACTOR_ROLES:
            acting.add(arg.index)
    for i in acting:
        found = view[i].entity
        government = reference.government_of(found.ref.key) if found else None
        if found is not None and government:
            index = ctx.entities.index(found)
            ctx.entities[index] = Found(
                EntityRef("organization", government), found.start, found.end, found.surface
            )


def names_spelled_before_brackets(ctx: SentenceContext) -> None:
    """케임브리지 혁신 센터(CIC), 매사추세츠 종합 병원(MGH): the words before a bracket
    that holds a known institution's short name are its long name, spelled as the
    reference data does not (a space more, a word less). A place inside them
    (케임브리지, 매사추세츠) is part of that name, not a place of its own."""
    view = token_view(ctx)
    for k, tok in enumerate(view):
        if tok.tag != "SSO" or tok.space_before or k + 2 >= len(view):
            continue
        defined = k + 3 < len(view) and view[k + 1].form == _DEFINED_AS and view[k + 3].tag == "SSC"
        inner = view[k + 2] if defined else view[k + 1]
        if not defined and view[k + 2].tag != "SSC":
            continue
        if inner.ent != "org" or inner.entity is None:
            continue
        if defined:
            # OO(이하 XX): the article says the words before are XX's name, place or not.
            j = _name_start(view, k)
            if j < k and not any(t.is_entity for t in view[j:k]):
                _take_phrase(ctx, view[j:k], inner.entity)
            continue
        # Up to three words before the bracket, back to a particle, punctuation or a verb;
        # a quoted name ('케임브리지 혁신 센터'(CIC)) is read inside its quotes.
        j = k
        if j > 0 and view[j - 1].tag in ("SSC", "SS"):
            opener = next((i for i in range(j - 2, -1, -1) if view[i].close == j - 1), None)
            if opener is not None:
                phrase = view[opener + 1 : j - 1]
                if (
                    phrase
                    and any(t.ent == "place" for t in phrase)
                    and all(not t.is_entity or t.ent == "place" for t in phrase)
                ):
                    _take_phrase(ctx, phrase, inner.entity)
                continue
        while j > 0 and k - j < 6:
            previous = view[j - 1]
            if previous.role or previous.tag.startswith(("E", "V", "S", "J", "X")):
                break
            j -= 1
        phrase = view[j:k]
        if not phrase or not any(t.ent == "place" for t in phrase):
            continue
        if any(t.is_entity and t.ent != "place" for t in phrase):
            continue
        _take_phrase(ctx, phrase, inner.entity)


def _name_start(view: list[Tok], k: int, most: int = 4) -> int:
    """Where the name that ends before token ``k`` starts: whole words back, at most
    ``most``, stopping at a particle, punctuation, a verb, a number or determiner, a
    class word (제약사, 기업) or another name."""
    j = k
    for _ in range(most):
        w = j - 1
        while w > 0 and not view[w].space_before:
            w -= 1
        word = view[w:j]
        if not word or any(
            t.role
            or t.is_entity
            or (t.lex and t.lex != "inst_head")
            or t.tag.startswith(("E", "V", "S", "J", "X", "M"))
            for t in word
        ):
            break
        j = w
    return j


def _take_phrase(ctx: SentenceContext, phrase: list[Tok], owner: Found) -> None:
    """The words of ``phrase`` become one mention of ``owner``'s organization."""
    start, end = phrase[0].start, phrase[-1].end
    kept = [e for e in ctx.entities if not (start <= e.start and e.end <= end)]
    kept.append(Found(owner.ref, start, end, ctx.slice(start, end)))
    ctx.entities = sorted(kept, key=lambda f: f.start)


# A bare 도, 시, 군 or 구 as the subject or partner of a sentence: the article's own
# province or city speaking of itself (a government's press release: 도는 …, 시와 …).
_HOME_WORDS = frozenset({"도", "시", "군", "구"})
_SELF_ROLES = frozenset({"subj", "topic", "com", "conj", "add", "gen"})
# 우리 대학, 우리 병원: the publisher's own institution, as 본교 and 당사 are.
_OWN_HEADS = frozenset({"대학", "대학교", "병원", "회사", "기관", "연구원", "재단"})


def _publisher_organization(publisher: str | None) -> EntityRef | None:
    """The reference organization that published the article, when it is one (a
    university's or company's own news), not a news outlet."""
    if not publisher:
        return None
    index = load_reference().index
    for form in (publisher, publisher.split()[0]):
        ref = index.get(form)
        if ref is not None and ref.kind == "organization":
            return ref
    return None


def self_references(ctx: SentenceContext, homes: dict[str, str], publisher: str | None) -> None:
    """도는/시는: the article's home government; 본교, 당사, 우리 대학: its publisher."""
    view = token_view(ctx)
    own = _publisher_organization(publisher)
    added: list[Found] = []
    rule = pattern_by_id("ent.self")
    for i, tok in enumerate(view):
        if tok.is_entity or (
            i > 0 and not tok.space_before and view[i - 1].tag not in ("SSO", "SP")
        ):
            continue
        nxt = view[i + 1] if i + 1 < len(view) else None
        our = tok.form == "우리" and nxt is not None and nxt.form in _OWN_HEADS
        if not our and (nxt is None or nxt.space_before or nxt.role not in _SELF_ROLES):
            continue
        if tok.form in _HOME_WORDS and tok.tag in ("NNG", "NNB") and tok.form in homes:
            ref = EntityRef("organization", homes[tok.form])
            added.append(Found(ref, tok.start, tok.end, tok.form, True, rule.id, rule.confidence))
        elif own is not None and tok.lex == "self":
            added.append(Found(own, tok.start, tok.end, tok.form, True, rule.id, rule.confidence))
        elif own is not None and our and nxt is not None:
            surface = ctx.slice(tok.start, nxt.end)
            added.append(Found(own, tok.start, nxt.end, surface, True, rule.id, rule.confidence))
    if added:
        ctx.entities = sorted(ctx.entities + added, key=lambda f: f.start)


def names_by_role(
    ctx: SentenceContext,
    view: list[Tok],
    registry: dict[str, OrganizationRecord],
    roles: frozenset[str],
    span: tuple[int, int] | None = None,
    org_type: str = "company",
) -> None:
    """Names no list has, found by their role in a frame: a proper noun (Kiwi tags
    unknown names NNP; a Latin name is SL) that is the subject or partner of an agreement
    clause (벤처투자사 살로니카(Salonica)와, '홈쇼핑월드'와) is an organization. Not a
    person's name (surname and given name), not a title, not a known name. (Tried for the
    objects of visits too, it took 클러스터 and 행정청 for names: visits do not use it.)
    ``view`` is updated in place."""
    reference = load_reference()
    lo, hi = span or (0, len(view))
    for i in range(lo, min(hi, len(view))):
        tok = view[i]
        if tok.is_entity or tok.tag not in ("NNP", "SL") or tok.lex or len(tok.form) < 2:
            continue
        if i > 0 and view[i - 1].tag in ("NNP", "SL", "SO", "SW") and not view[i - 1].is_entity:
            continue  # inside a longer run (K-BIO): only its first word is tried
        j = i + 1
        while j < len(view) and view[j].tag in ("NNP", "SL") and not view[j].is_entity:
            j += 1  # Acme Bio, 제너레이트 바이오메디슨
        view_role, at = np_role(view, j - 1)
        if view_role not in roles or view[j - 1].lex:
            continue
        # Only a quote or one bracket may stand between the name and its particle.
        bracketed = view[j].close > 0 and view[j].close + 1 == at
        if at > j and not bracketed and any(t.tag not in ("SSO", "SSC", "SS") for t in view[j:at]):
            continue
        name = ctx.slice(tok.start, view[j - 1].end)
        if name in reference.index or is_korean_name(name, reference) or name in reference.titles:
            continue
        if ctx.in_brackets(tok.start, view[j - 1].end):
            continue
        found = register(ctx, tok.start, view[j - 1].end, org_type, registry)
        ctx.entities = sorted([*ctx.entities, found], key=lambda f: f.start)
        merged = Tok(name, "NNP", tok.start, view[j - 1].end, ent="org", entity=found)
        view[i:j] = [merged] + [_EMPTY] * (j - i - 1)
    view[:] = [t for t in view if t is not _EMPTY]


_EMPTY = Tok("", "", -1, -1)

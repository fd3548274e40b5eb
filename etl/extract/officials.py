"""Officials: a person's name followed by a title, with their affiliation and region.

Forms handled (names here are illustrations, not data):
``홍길동 지사``, ``홍길동 강원도지사``, ``홍길동 OO대 부총장``, ``OO원의 홍길동 미국지사장``,
``존 스미스(John Smith) 부사장``, ``존 A.스미스 시장``, ``John A Smith 교수``,
``마이클 스미스 OO 대표`` (a Western given name in Hangul), ``OO대(총장 홍길동)``,
``홍길동·김철수 교수`` (one title for the names joined before it).
A title with no name is not a named official. A reporter is never one. Later
``홍 지사`` or a bare ``지사는`` refers back to the one official with that title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from etl.extract.context import Found, SentenceContext
from etl.extract.lexicon import ALL_ROLES, head_of, particle_forms, words_of
from etl.extract.names import foreign_given_names, is_korean_name, romanize, surname_of
from etl.extract.regions import dominant_province
from etl.nlp import analyzer
from etl.records import EntityRef, OfficialRecord
from etl.reference import Reference, TitleRef, government_key, load_reference

_PUNCT = "\"'“”‘’,.·:;!?)]」』>"

_BRACKETED = re.compile(r"(?<=\S)\([^()]{1,60}\)")
# 마이클 스미스 OO 대표, 한스 뮐러 OO 회장: a Western name written in Hangul.
# Overlapping (a lookahead): in 모더나의 스테판 방셀 CEO the pair to test is the second.
_HANGUL_PAIR = re.compile(
    r"(?<![가-힣A-Za-z0-9·\-])(?=(?P<n>(?P<first>[가-힣]{1,5})\s(?P<last>[가-힣]{1,6}))(?=\s))"
)
_THIRD_WORD = re.compile(r"\s(?P<w>[가-힣]{2,6})(?=\s)")
# A person's age in brackets right after their name (홍길동(45) OO 대표).
_AGE = re.compile(r"\(\d{1,3}(?:세)?\)(?=\s)")
_KOREAN_NAME = re.compile(r"(?<![가-힣A-Za-z0-9\-])(?P<n>[가-힣]{2,4})(?=\s|\(\d{1,3}(?:세)?\)\s)")
# The Latin spelling of a person: capitalised words, not an acronym (홍길동 회장(KABIC)).
_FOREIGN_WITH_LATIN = re.compile(
    r"(?<![가-힣])(?P<n>[가-힣]{1,6}\s[가-힣]{1,6})\s?\((?P<en>[A-Z][a-z][A-Za-z.\-' ]{1,40})\)"
)
_FOREIGN_WITH_INITIAL = re.compile(r"(?<![가-힣])(?P<n>[가-힣]{1,6}\s[A-Z]\.\s?[가-힣]{2,6})(?=\s)")
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z.])(?P<n>[A-Z][a-z]+(?:\s[A-Z]\.?)?(?:\s[A-Z][a-z]+){1,2})(?=\s)"
)


@dataclass
class OfficialHit:
    name_ko: str
    name_en: str | None
    is_korean_name: bool
    title: TitleRef
    title_ko: str
    sentence_index: int
    start: int  # the name's span
    end: int
    organization_key: str | None
    place_key: str | None
    strength: int  # how directly the text states the affiliation (3 = next to the name)
    title_end: int = 0  # where the title word ends: a bare title there is not a new mention


@functools.cache
def _titles_by_name() -> dict[str, TitleRef]:
    return dict(load_reference().titles)


@functools.cache
def _longest_title() -> int:
    return max(len(t) for t in _titles_by_name())


@functools.cache
def _title_ahead() -> re.Pattern[str]:
    """A title word somewhere in the next few words (a cheap test before the costly ones)."""
    titles = "|".join(sorted(map(re.escape, _titles_by_name()), key=len, reverse=True))
    # After the title: a non-letter, or the first syllable of a particle of the one
    # particle table (시장은, 총장과, 대표 측).
    starts = sorted(
        {
            f[0]
            for f in (*particle_forms(*ALL_ROLES, "side", "honorific"), *_TEAM_WORDS)
            if "가" <= f[0] <= "힣"
        }
    )
    return re.compile(
        rf"(?:\s+\S+){{0,4}}?\s+\S*?(?:{titles})(?=[^가-힣A-Za-z0-9]|[{''.join(starts)}]|$)"
    )


# A person's team glued to their title (홍길동 교수팀은, 교수연구팀): the person leads it.
_TEAM_WORDS = ("연구팀", "연구진", "팀")


@functools.cache
def _word_endings() -> tuple[str, ...]:
    """Particles and what else may end a name's word (rules/particles.csv), longest first."""
    forms = (*particle_forms(*ALL_ROLES, "copula", "side", "honorific"), *_TEAM_WORDS)
    return tuple(
        sorted((f for f in forms if f not in (",", "·", "ㆍ", "‧", "、")), key=len, reverse=True)
    )


def _strip_particle(word: str) -> str:
    """The word without one particle or ending at its end (부총장으로부터 → 부총장으로 → …
    the caller repeats until nothing changes)."""
    for ending in _word_endings():
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _strip_word(word: str) -> str:
    word = word.strip(_PUNCT)
    word = re.split(r"[\[(“‘\"']", word, maxsplit=1)[0]
    previous = None
    while previous != word:
        previous = word
        word = _strip_particle(word) if len(word) > 2 else word
    return word


# A government named by one syllable before a title (홍길동 도 OO과장: the province's).
_GOVERNMENT_WORDS = frozenset({"도", "시", "군", "구"})
# Titles that are also the last word of institution names (한국생명공학연구원): a title
# only as a word of their own.
_BARE_ONLY_TITLES = frozenset({"연구원", "이사", "위원", "고문", "박사"})


def _title_in(word: str) -> tuple[TitleRef, str] | None:
    """(title, prefix) when ``word`` ends with a known title."""
    titles = _titles_by_name()
    for length in range(min(len(word), _longest_title()), 0, -1):
        title = titles.get(word[-length:])
        if title is None:
            continue
        prefix = word[:-length]
        if prefix and title.title_ko in _BARE_ONLY_TITLES and not prefix.endswith("법학"):
            continue
        return title, prefix
    return None


def _lookup_prefix(prefix: str, title: str, reference: Reference) -> EntityRef | None:
    """The institution or region a title word starts with: 원주(시)장, 경북(도)지사, and
    한국생명공학연구원장 where the institution's name shares the title's first syllable."""
    if not prefix:
        return None
    for form in (prefix, prefix + "시", prefix + "도", prefix + "군", prefix + "구"):
        if form in reference.index:
            return reference.index[form]
    for k in range(1, len(title)):
        if prefix + title[:k] in reference.index:
            return reference.index[prefix + title[:k]]
    return None


def _name_spans(ctx: SentenceContext, reporter: str | None, reference: Reference):
    """(start, end, name_ko, name_en, is_korean) for every name-shaped span."""
    spans = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, name: str, name_en: str | None, korean: bool) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        spans.append((start, end, name, name_en, korean))

    for match in _FOREIGN_WITH_LATIN.finditer(ctx.text):
        if match["n"].split()[-1] in reference.index:
            continue  # 홍길동 오오바이오(OOBIO): a name and an institution's Latin name
        start = ctx.start + match.start("n")
        end = ctx.start + match.end()  # the Latin spelling belongs with the name
        add(start, end, match["n"], match["en"].strip(), False)
    for match in _FOREIGN_WITH_INITIAL.finditer(ctx.text):
        add(ctx.start + match.start("n"), ctx.start + match.end("n"), match["n"], None, False)
    for match in _LATIN_NAME.finditer(ctx.text):
        name = match["n"]
        if name in reference.index:
            continue
        add(ctx.start + match.start("n"), ctx.start + match.end("n"), name, name, False)
    given = foreign_given_names()
    for match in _HANGUL_PAIR.finditer(ctx.text):
        if not _title_ahead().match(ctx.text, match.end("n")):
            continue
        if head_of(match["first"]) is not None:
            continue  # OO바이오파마 다니엘 …: an institution's last word is no given name
        third = _THIRD_WORD.match(ctx.text, match.end("n"))
        more = third is not None and _surname_word(third["w"], reference)
        if match["last"] in given and match["first"] not in given and more:
            continue  # OO 다니엘 스미스: the given name begins the next name
        if not _is_foreign_pair(match["first"], match["last"], reference):
            continue
        end = match.end("n")
        if more and match["first"] in given:
            end = third.end("w")  # 로버트 주니어 크리스마스: a name of three words
        name = ctx.text[match.start("n") : end]
        span = (ctx.start + match.start("n"), ctx.start + end, name, None, False)
        if _hit_for(ctx, span, reference) is not None:
            add(*span)
    for match in _KOREAN_NAME.finditer(ctx.text):
        name = match["n"]
        if name == reporter:
            continue
        start, end = ctx.start + match.start("n"), ctx.start + match.end("n")
        if is_korean_name(name, reference) or _named_between_institution_and_title(
            ctx, name, start, end, reference
        ):
            add(start, end, name, None, True)
    return spans


def _named_between_institution_and_title(
    ctx: SentenceContext, name: str, start: int, end: int, reference: Reference
) -> bool:
    """OO진흥원 차순도 원장: three syllables starting with a surname, between an
    institution and its head's title, are a name even when Kiwi reads common words in
    them (차/순/도); the institution and the title together leave no other reading.
    Before a title alone, or an institution and its title, only a word Kiwi cannot
    read at all (one syllable a piece) is taken so."""
    if len(name) != 3 or surname_of(name) != name[0] or name in reference.index:
        return False
    before = any(
        e.ref.kind == "organization" and e.end == start - 1 and ctx.text[e.end - ctx.start] == " "
        for e in ctx.entities
    )
    if not ctx.text[end - ctx.start : end - ctx.start + 1].isspace():
        return False
    at = end + 1
    region_only = False
    if not before:
        # 차순도 OO진흥원(KHIDI) 원장, 차순도 원장: a word Kiwi cannot read as any word it
        # knows (one syllable a piece), then a title, or an institution and its title.
        # Before a governor's or mayor's title (정해진 경제부시장, 신동훈 성남시장) any
        # three syllables but one known word are a name: no common word comes there.
        tokens = analyzer().tokenize(name)
        if len(tokens) == 1 and not tokens[0].oov and tokens[0].tag != "NNP":
            return False
        region_only = any(t.len > 1 for t in tokens)
        if region_only and any(t.tag.startswith(("E", "XSV", "VV")) for t in tokens):
            return False  # 표결해 주지사에게: a verb, not a name
        institution = next(
            (e for e in ctx.entities if e.start == at and e.ref.kind == "organization"), None
        )
        if institution is not None and ctx.text[
            institution.end - ctx.start : institution.end - ctx.start + 1
        ] in ("(", " "):
            rest = ctx.text[institution.end - ctx.start :]
            bracket = re.match(r"\([^()]*\)", rest)
            at = institution.end + (bracket.end() if bracket else 0) + 1
            if not ctx.text[at - 1 - ctx.start : at - ctx.start].isspace():
                return False
    after = ctx.text[at - ctx.start :].split(maxsplit=1)
    if not after:
        return False
    word = re.match(r"[가-힣]*", after[0])[0]  # 원장, 원장은: the word before any punctuation
    title = _title_in(_strip_particle(word)) if word else None
    if title is None:
        return False
    found, prefix = title
    if region_only:
        # 시장 alone is also a market: a bare title must be long enough to be one.
        return found.affiliation == "region" and (
            _lookup_prefix(prefix, found.title_ko, reference) is not None
            if prefix
            else len(found.title_ko) >= 3
        )
    return not prefix  # the title alone, no prefix


def _is_foreign_pair(first: str, last: str, reference: Reference) -> bool:
    """A Western given name and a surname, in Hangul: the given name is a known one, or
    both words are proper nouns Kiwi does not know as Korean names or places."""
    if first in reference.index or last in reference.index or _title_in(_strip_word(last)):
        return False
    if first in foreign_given_names() and len(last) >= 2:
        return True  # 스테판 방셀: Kiwi may read a surname it does not know as 방세+ㄹ
    if any(tag.startswith(("J", "E", "XS")) for _, tag in _word_tags(last)):
        return False  # 회사를: a particle, so not a name
    if first in foreign_given_names():
        return True  # 지미 리
    if len(last) < 2:
        return False
    if len(first) < 2 or is_korean_name(first, reference) or is_korean_name(last, reference):
        return False
    return all(
        len(tags) == 1 and (tags[0][1] == "NNP" or _unknown(word))
        for word, tags in ((first, _word_tags(first)), (last, _word_tags(last)))
    )


def _surname_word(word: str, reference: Reference) -> bool:
    """One more word of a Western name after its given name and a second word: a single
    noun (Kiwi may know it as a word: 크리스마스), not a title, a place or an institution."""
    tags = _word_tags(word)
    return (
        word not in words_of("title_mod")  # 에드 마키 연방 상원의원
        and len(tags) == 1
        and tags[0][1] in ("NNP", "NNG")
        and word not in reference.index
        and _title_in(word) is None
        and head_of(word) is None
    )


@functools.cache
def _word_tokens(word: str) -> tuple[tuple[str, str, bool], ...]:
    """Kiwi's (form, tag, unknown) for one word, once per word."""
    return tuple((t.form, t.tag, t.oov) for t in analyzer().tokenize(word))


def _word_tags(word: str) -> tuple[tuple[str, str], ...]:
    return tuple((form, tag) for form, tag, _ in _word_tokens(word))


def _unknown(word: str) -> bool:
    """One word Kiwi does not know (마우라/NNG, oov): a foreign name, not a common noun."""
    tokens = _word_tokens(word)
    return len(tokens) == 1 and tokens[0][2]


def _bracket_name(words: list[str], reference: Reference) -> tuple[int, str] | None:
    """(words taken, name) when a bracket part ends with a Korean name or a Western
    name in Hangul (``대표이사 사장 홍길동``, ``대표이사 존 스미스``)."""
    if words and is_korean_name(words[-1], reference):
        return 1, words[-1]
    if len(words) >= 2 and words[-2] in foreign_given_names():
        return 2, " ".join(words[-2:])
    return None


def _appositions(
    ctx: SentenceContext, reference: Reference, hits: list[OfficialHit], reporter: str | None
) -> list[OfficialHit]:
    """``OO대(총장 홍길동)``, ``OO사(대표이사 사장 홍길동)``, ``(담당교수 홍길동)``: the
    title and name in brackets after the institution they head."""
    out: list[OfficialHit] = []
    for open_at, close_at in ctx.brackets:
        inner = ctx.slice(open_at, close_at)
        offset = open_at
        for part in re.split(r"(,\s*)", inner):
            part_start = offset
            offset += len(part)
            words = re.split(r"[\s·]+", part.strip())  # (UNIST·총장 홍길동)
            # (단장 홍길동 지사): the office after the name is the person's own title.
            trailing = _title_in(words[-1]) if len(words) >= 3 else None
            if trailing is not None:
                words = words[:-1]
            named = _bracket_name(words, reference)
            if named is None or len(words) <= named[0]:
                continue
            taken, name = named
            found = trailing or _title_in(words[-taken - 1])
            if found is None or name == reporter:
                continue
            title, prefix = found
            start = part_start + part.rindex(name)
            if any(h.start <= start < h.end for h in hits):
                continue
            # The institution: the entity just before the bracket, else one inside it.
            before = [e for e in ctx.entities if e.end <= open_at - 1 and e.end >= open_at - 2]
            inside = [e for e in ctx.entities if open_at <= e.start and e.end <= start]
            owner = (before or inside or [None])[-1]
            org_key = place_key = None
            if owner is not None:
                if owner.ref.kind == "organization":
                    org_key = owner.ref.key
                else:
                    place_key = owner.ref.key
            out.append(
                OfficialHit(
                    name_ko=name,
                    name_en=None,
                    is_korean_name=taken == 1,
                    title=title,
                    title_ko=prefix + title.title_ko if prefix else title.title_ko,
                    sentence_index=ctx.index,
                    start=start,
                    end=start + len(name),
                    organization_key=org_key,
                    place_key=place_key,
                    strength=3 if owner is not None else 0,
                    title_end=start + len(name),
                )
            )
    return out


_COORDINATED_BEFORE = re.compile(r"(?:(?<![가-힣])[가-힣]{2,4}\s?[·,]\s?)+$")


def _coordinated(
    contexts: list[SentenceContext], hits: list[OfficialHit], reference: Reference
) -> list[OfficialHit]:
    """``홍길동·김철수·이영희 교수``: names joined by · or a comma share the title after the last."""
    out: list[OfficialHit] = []
    for hit in hits:
        if not hit.is_korean_name:
            continue
        ctx = contexts[hit.sentence_index]
        match = _COORDINATED_BEFORE.search(ctx.before(hit.start, 40))
        if not match:
            continue
        chain_start = hit.start - len(match.group())
        for name in re.finditer(r"[가-힣]{2,4}", match.group()):
            if not is_korean_name(name.group(), reference):
                break
            start = chain_start + name.start()
            if any(h.start <= start < h.end for h in hits + out):
                continue
            out.append(
                OfficialHit(
                    **{
                        **hit.__dict__,
                        "name_ko": name.group(),
                        "name_en": None,
                        "start": start,
                        "end": start + len(name.group()),
                        "title_end": start + len(name.group()),
                    }
                )
            )
    return out


def _entities_within(ctx: SentenceContext, start: int, end: int) -> list[Found]:
    return [e for e in ctx.entities if start <= e.start and e.end <= end]


def _hit_for(ctx: SentenceContext, span, reference: Reference) -> OfficialHit | None:
    """The title after a name (at most two affiliation words between), as a hit."""
    start, end, name, name_en, korean = span
    local_end = end - ctx.start
    age = _AGE.match(ctx.text, local_end)
    skip = len(age.group()) if age else 0  # 홍길동(45) OO 대표: the age is read past
    if ctx.text[local_end + skip : local_end + skip + 1] not in (" ", "\t"):
        return None
    # OO병원(영문 이름) 박사: a bracket inside the noun phrase is read past.
    after = _BRACKETED.sub(
        lambda m: " " * len(m.group()), ctx.text[local_end + skip : local_end + skip + 120]
    )
    words = list(re.finditer(r"\S+", after))[:4]
    for n, word_match in enumerate(words):
        raw = word_match.group()
        word_start = end + skip + word_match.start()
        word = _strip_word(raw)
        found = _title_in(word) if word else None
        if found is not None:
            title, prefix = found
            mid_entities = _entities_within(ctx, end, word_start + len(word))
            return _affiliate(
                ctx,
                start,
                end,
                name,
                name_en,
                korean,
                title,
                prefix,
                mid_entities,
                word_start,
                reference,
            )
        # Not a title: it may only be an affiliation (OO대, OO바이오), which carries no
        # particle and no comma; anything else ends the noun phrase.
        bare = raw.rstrip(_PUNCT)
        covered = _entities_within(ctx, word_start, word_start + len(bare))
        if bare in _GOVERNMENT_WORDS or (
            bare.endswith("과") and n + 1 < len(words) and _title_in(words[n + 1].group())
        ):
            continue  # 도 OO과장, OO공학과 교수: the government, a department
        if "," in raw or bare != raw or (_strip_particle(bare) != bare and not covered):
            return None
    return None


def _fits(ref: EntityRef, title: TitleRef, korean: bool, reference: Reference) -> bool:
    """Whether an entity near a name can be that person's affiliation."""
    if title.affiliation == "region":
        if ref.kind == "place":
            place = reference.places[ref.key]
            # A Korean governor's region is Korean; 미국을 방문 중인 홍길동 지사 is not American.
            return place.is_korean_region if korean else place.place_type in ("city", "state")
        return (
            reference.organizations[ref.key].org_type == "local_government"
            if ref.key in reference.organizations
            else False
        )
    return ref.kind == "organization"


def _affiliate(
    ctx: SentenceContext,
    start: int,
    end: int,
    name: str,
    name_en: str | None,
    korean: bool,
    title: TitleRef,
    prefix: str,
    mid_entities: list[Found],
    title_start: int,
    reference: Reference,
) -> OfficialHit:
    org_key: str | None = None
    place_key: str | None = None
    strength = 0
    title_ko = prefix + title.title_ko
    prefix_ref = _lookup_prefix(prefix, title.title_ko, reference)
    prefix_entity = [e for e in mid_entities if e.start >= title_start]
    if prefix_ref is None and prefix_entity:
        prefix_ref = prefix_entity[-1].ref
    candidates = [e.ref for e in mid_entities if e.start < title_start]
    if prefix_ref is not None and not (
        title.affiliation == "organization" and prefix_ref.kind == "place"
    ):
        # 원주시장, KAIST총장: the prefix is the affiliation. (미국지사장: the place
        # names a branch and stays part of the title.)
        title_ko = title.title_ko
        candidates.append(prefix_ref)
    elif prefix and not re.fullmatch(r"[가-힣]+", prefix):
        title_ko = title.title_ko
    if candidates:
        strength = 3
    else:
        # OO원의 홍길동 국장: the institution just before the name, joined by 의.
        for entity in reversed(ctx.entities):
            if entity.end <= start and re.fullmatch(r"의\s*", ctx.slice(entity.end, start)):
                candidates.append(entity.ref)
                strength = 2
                break
    if not candidates:
        # The nearest institution (or, for a governor or mayor, region) earlier in
        # the sentence: 강원특별자치도는 홍길동 지사가 …
        for entity in reversed(ctx.entities):
            if entity.end <= start and _fits(entity.ref, title, korean, reference):
                candidates.append(entity.ref)
                strength = 1
                break
    for ref in reversed(candidates):
        if ref.kind == "organization" and org_key is None:
            org_key = ref.key
        elif ref.kind == "place" and place_key is None:
            place_key = ref.key
    if title.affiliation == "country":
        org_key = org_key if strength >= 2 else None
    return OfficialHit(
        name_ko=name,
        name_en=name_en,
        is_korean_name=korean,
        title=title,
        title_ko=title_ko,
        sentence_index=ctx.index,
        start=start,
        end=end,
        organization_key=org_key,
        place_key=place_key,
        strength=strength,
        title_end=title_start + len(prefix) + len(title.title_ko),
    )


def find_official_hits(contexts: list[SentenceContext], reporter: str | None) -> list[OfficialHit]:
    reference = load_reference()
    hits: list[OfficialHit] = []
    for ctx in contexts:
        for span in _name_spans(ctx, reporter, reference):
            hit = _hit_for(ctx, span, reference)
            if hit is not None:
                hits.append(hit)
        hits.extend(_appositions(ctx, reference, hits, reporter))
    hits.extend(_coordinated(contexts, hits, reference))
    # A foreign name seen once with its title is the same person where it recurs
    # (존 스미스 … later 존 스미스 OO바이오 부사장).
    known = {h.name_ko: h for h in hits if not h.is_korean_name}
    for ctx in contexts:
        for name, first in known.items():
            for match in re.finditer(re.escape(name), ctx.text):
                start = ctx.start + match.start()
                if any(h.start <= start < h.end for h in hits):
                    continue
                span = (start, start + len(name), name, first.name_en, False)
                hit = _hit_for(ctx, span, reference)
                if hit is None:
                    hit = OfficialHit(
                        **{
                            **first.__dict__,
                            "sentence_index": ctx.index,
                            "start": start,
                            "end": start + len(name),
                            "strength": -1,
                        }
                    )
                hits.append(hit)
    return sorted(hits, key=lambda h: h.start)


def person_records(
    hits: list[OfficialHit], contexts: list[SentenceContext]
) -> tuple[dict[str, OfficialRecord], dict[int, str]]:
    """One record per person named in the article, and each hit's person key (by start)."""
    reference = load_reference()
    default_province = dominant_province(contexts)
    by_name: dict[str, list[OfficialHit]] = {}
    for hit in hits:
        by_name.setdefault(hit.name_ko, []).append(hit)
    records: dict[str, OfficialRecord] = {}
    keys: dict[int, str] = {}
    for name, group in by_name.items():
        best = max(group, key=lambda h: (h.strength, -h.start))
        org_key, place_key = best.organization_key, best.place_key
        if best.title.affiliation == "region" and "지사" in best.title.title_ko and place_key:
            # A governor (부지사, 주지사) governs the state the named city lies in.
            place_key = reference.state_of(place_key) or place_key
        if best.title.affiliation == "region":
            if place_key is None and org_key is None and best.is_korean_name and default_province:
                place_key = default_province
            if place_key is not None and org_key is None:
                org_key = reference.government_of(place_key)
        elif org_key is None and place_key is not None:
            place = reference.places.get(place_key)
            if place is not None and place.is_korean_region and best.title.affiliation != "country":
                org_key = government_key(place_key)
        region = None
        if org_key and org_key in reference.organizations:
            region = reference.organizations[org_key].region_key
        if region is None and place_key:
            region = reference.province_of(place_key)
        identity = org_key or (
            f"place:{place_key}" if place_key else f"title:{best.title.title_ko}"
        )
        person_key = f"{name}|{identity}"
        name_en = next((h.name_en for h in group if h.name_en), None)
        if name_en is None and best.is_korean_name:
            name_en = romanize(name)
        records[person_key] = OfficialRecord(
            person_key=person_key,
            name_ko=name,
            name_en=name_en,
            title_ko=best.title_ko,
            title_en=best.title.title_en,
            organization_key=org_key,
            region_key=region,
        )
        for hit in group:
            keys[hit.start] = person_key
    return records, keys


@functools.cache
def _bare_title() -> re.Pattern[str]:
    """A title word alone or after a surname (지사는, 홍 지사가), its particle read from the
    particle table."""
    particles = "|".join(
        sorted(
            (re.escape(f) for f in particle_forms("subj", "topic", "gen", "add", "com", "obj")),
            key=len,
            reverse=True,
        )
    )
    return re.compile(
        rf"(?<![가-힣])(?:(?P<s>[가-힣])\s)?(?P<t>[가-힣]{{1,6}}?)(?=(?:{particles})|\s)"
    )


def coreferences(
    contexts: list[SentenceContext], records: dict[str, OfficialRecord], hits: list[OfficialHit]
) -> list[tuple[int, int, int, str]]:
    """(sentence_index, start, end, person_key) for ``홍 지사`` and bare ``지사는`` forms."""
    taken = [(h.start, max(h.end, h.title_end)) for h in hits]
    out = []
    for ctx in contexts:
        for match in _bare_title().finditer(ctx.text):
            title = match["t"]
            surname = match["s"]
            people = [
                r
                for r in records.values()
                if r.title_ko
                and (r.title_ko == title or (len(title) >= 2 and r.title_ko.endswith(title)))
                and (surname is None or r.name_ko.startswith(surname))
            ]
            if len(people) != 1 or (surname is None and len(title) < 2):
                continue
            start = ctx.start + match.start()
            end = ctx.start + match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            out.append((ctx.index, start, end, people[0].person_key))
            taken.append((start, end))
    return out

"""Organizations and places in a sentence: reference names first, then unknown names.

Reference forms are matched on the text (longest first) with word-boundary rules, so
a name is found whatever Kiwi made of it. Names not in the reference data are found
from their shape: a proper noun ending in an institutional suffix (OO성심병원,
OO헬스케어), or a Latin name ending in Inc./Bio/Therapeutics/社.
"""

from __future__ import annotations

import functools
import re

from etl.extract.context import Found, SentenceContext
from etl.records import EntityRef, OrganizationRecord
from etl.reference import Reference, load_reference

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")

# Suffix → organization type, longest first when matching.
ORG_SUFFIXES: dict[str, str] = {
    "대학교": "university",
    "대학": "university",
    "대학원": "university",
    "의과대학": "university",
    "병원": "hospital",
    "의료원": "hospital",
    "메디컬센터": "hospital",
    "암센터": "hospital",
    "진흥원": "public_agency",
    "재단": "public_agency",
    "공단": "public_agency",
    "공사": "public_agency",
    "연구원": "research_institute",
    "연구소": "research_institute",
    "연구센터": "research_institute",
    "센터": "other",
    "협회": "association",
    "연합회": "association",
    "제약": "company",
    "약품": "company",
    "바이오": "company",
    "바이오로직스": "company",
    "바이오텍": "company",
    "바이오사이언스": "company",
    "바이오파마": "company",
    "헬스케어": "company",
    "파마": "company",
    "테라퓨틱스": "company",
    "메디슨": "company",
    "랩스": "company",
    "벤처스": "investor",
    "캐피탈": "investor",
    "인베스트먼트": "investor",
}
_SUFFIX_ALT = "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True))
_UNKNOWN_KO = re.compile(
    rf"(?<![\w\-])(?P<name>[가-힣A-Za-z0-9]{{1,20}}?(?:{_SUFFIX_ALT}))(?P<rest>[가-힣]*)"
)
_LATIN_ORG = re.compile(
    r"(?<![A-Za-z])(?P<name>(?:[A-Z][A-Za-z0-9&\-]*\s){0,3}[A-Z][A-Za-z0-9&\-]*"
    r"(?:\s(?:Inc\.?|Corp\.?|Co\.|Ltd\.?|LLC|Bio|Biosciences|Biotech|Therapeutics|Pharmaceuticals|"
    r"Pharma|Medicines|Enterprises|Technologies|Labs|Health|Ventures|Partners|Capital)(?![A-Za-z]))+)"
    r"(?P<sha>\s?社)?"
    r"|(?P<name2>[A-Z][A-Za-z0-9&\-]+(?:\s[A-Z][A-Za-z0-9&\-]+){0,3})\s?社"
)
# OO(대표 홍길동), OO(대표이사 사장 홍길동), OO(총장 홍길동): the bracket names its head.
_HEADED_NAME = re.compile(
    r"(?<![\w\-])(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,19})\((?:[A-Za-z0-9]{2,10}·)?(?:공동)?(?:대표이사|대표|회장|총장|"
    r"원장|병원장|사장|이사장|센터장|소장|학장)\s?(?:사장\s)?[가-힣]{2,4}\)"
)
# Generic heads that look like names with a suffix but are common nouns.
_GENERIC_PREFIXES = (
    "국내",
    "해외",
    "글로벌",
    "세계",
    "주요",
    "관련",
    "지역",
    "도내",
    "입주",
    "현지",
    "국립",
    "민간",
    "대형",
    "전문",
    "공공",
    "혁신",
    "거점",
    "창업",
    "산학",
    "의료",
    "바이오",
    "연구",
    "대학",
    "종합",
    "지방",
    "각",
    "해당",
    "이번",
    "우리",
    "여러",
    "다수",
    "모든",
    "신규",
    "첨단",
    "스타트업",
    "지원",
    "협력",
    "기업",
    "제약",
    "중소",
    "벤처",
    "선도",
    "전국",
    "미국",
    "한국",
    "국제",
    "중앙",
    "상급",
    "공동",
    "부설",
    "산하",
    "소속",
    "일반",
    "대표",
    "최고",
    "주",
    "본",
    "동",
    "양",
    "타",
    "신",
)
# Particles and endings that may follow a name.
PARTICLES = re.compile(
    r"^(?:은|는|이|가|을|를|의|에|에서|에서는|에게|와|과|와의|과의|및|도|로|으로|로부터|"
    r"에는|과는|와는|측|측은|측과|측이|까지|부터|만|이나|나|이며|이고|이자|에도|께서|께서는|과도|와도)"
)


@functools.cache
def _forms_by_first_char() -> dict[str, list[tuple[str, EntityRef]]]:
    """Reference forms by their first two characters (one for one-character forms),
    longest first: a word start is compared with the few forms that can match it."""
    reference = load_reference()
    table: dict[str, list[tuple[str, EntityRef]]] = {}
    for form, ref in reference.index.items():
        if len(form) < 2 and not _HANGUL.search(form):
            continue
        table.setdefault(form[:2], []).append((form, ref))
    for forms in table.values():
        forms.sort(key=lambda item: -len(item[0]))
    return table


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
    return not (len(form) == 1 and _HANGUL.match(after))


# Where a reference name may start: the first letter of a Hangul or Latin word, or any
# other non-space character (美, a quote…). Names never start inside a word.
_WORD_START = re.compile(
    r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]|(?<![A-Za-z0-9])[A-Za-z0-9]|[^\s\uac00-\ud7a3A-Za-z0-9]"
)


def find_reference_entities(text: str, offset: int) -> list[Found]:
    table = _forms_by_first_char()
    found: list[Found] = []
    taken_until = 0
    for start in _WORD_START.finditer(text):
        i = start.start()
        if i < taken_until:
            continue
        candidates = [*table.get(text[i : i + 2], ()), *table.get(text[i], ())]
        if len(candidates) > 1 and text[i : i + 2] in table and text[i] in table:
            candidates.sort(key=lambda item: -len(item[0]))
        for form, ref in candidates:
            if text.startswith(form, i) and _boundary_ok(text, i, i + len(form), form):
                found.append(Found(ref, offset + i, offset + i + len(form), form))
                taken_until = i + len(form)
                break
    return found


def unresolved_key(name: str) -> str:
    return "unresolved:" + re.sub(r"\s+", "", name).lower()


def _org_type(name: str) -> str:
    for suffix in sorted(ORG_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return ORG_SUFFIXES[suffix]
    return "company"


def _country_before(ctx: SentenceContext, start: int, reference: Reference) -> str | None:
    for entity in reversed(ctx.entities):
        adjacent = entity.end <= start and ctx.slice(entity.end, start).strip() == ""
        if adjacent and entity.ref.kind == "place":
            return reference.places[entity.ref.key].country
    return None


def _overlaps(found: list[Found], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def _proper_enough(ctx: SentenceContext, start: int, end: int) -> bool:
    """At least one proper-noun or foreign-script token, or a word Kiwi does not know."""
    for token in ctx.tokens:
        if token.start >= start and token.end <= end and token.tag in ("NNP", "SL", "SH"):
            return True
    return False


def _stem(name: str) -> str:
    """The name without its institutional suffix (OO바이오 → OO)."""
    for suffix in sorted(ORG_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def discover_organizations(
    ctx: SentenceContext, registry: dict[str, OrganizationRecord]
) -> list[Found]:
    """Organizations absent from the reference data, added to ``registry``."""
    reference = load_reference()
    found: list[Found] = []

    def register(name: str, start: int, org_type: str) -> None:
        key = unresolved_key(name)
        found.append(Found(EntityRef("organization", key), start, start + len(name), name, False))
        registry.setdefault(
            key,
            OrganizationRecord(
                canonical_key=key,
                name_ko=name,
                name_en=None if _HANGUL.search(name) else name,
                org_type=org_type,
                is_resolved=False,
                country=_country_before(ctx, start, reference),
            ),
        )

    def taken(start: int, end: int) -> bool:
        return _overlaps(ctx.entities, start, end) or _overlaps(found, start, end)

    for match in _LATIN_ORG.finditer(ctx.text):
        name = (match["name"] or match["name2"]).strip()
        start = ctx.start + match.start("name" if match["name"] else "name2")
        if not taken(start, start + len(name)) and name not in reference.index:
            register(name, start, _org_type(name) if _HANGUL.search(name) else "company")
    for match in _HEADED_NAME.finditer(ctx.text):
        # OO(대표 홍길동), OO(총장 홍길동): a name headed by someone is an institution;
        # 의과대학(학장 …) is the school of an institution named before.
        name = match["name"]
        start = ctx.start + match.start("name")
        stem = _stem(name)
        if taken(start, start + len(name)) or name in reference.index:
            continue
        if len(stem) >= 2 and stem not in _GENERIC_PREFIXES:
            register(name, start, _org_type(name))
    for match in _UNKNOWN_KO.finditer(ctx.text):
        name = match["name"]
        rest = match["rest"]
        if rest and not PARTICLES.match(rest):
            continue  # the suffix is inside a longer word (병원장, 대학생)
        start = ctx.start + match.start("name")
        end = start + len(name)
        stem = _stem(name)
        if taken(start, end) or len(stem) < 2 or stem.startswith(_GENERIC_PREFIXES):
            continue
        if stem in ORG_SUFFIXES or not _proper_enough(ctx, start, end):
            continue
        register(name, start, _org_type(name))
    return found


def add_party_organization(
    ctx: SentenceContext, start: int, end: int, registry: dict[str, OrganizationRecord]
) -> Found:
    """An unknown name found by its role in an agreement (OO헬스케어는 …와 MOU)."""
    name = ctx.slice(start, end)
    key = unresolved_key(name)
    registry.setdefault(
        key,
        OrganizationRecord(
            canonical_key=key,
            name_ko=name,
            name_en=name if not _HANGUL.search(name) else None,
            org_type=_org_type(name) if _HANGUL.search(name) else "company",
            is_resolved=False,
            country=_country_before(ctx, start, load_reference()),
        ),
    )
    found = Found(EntityRef("organization", key), start, end, name, False)
    ctx.entities.append(found)
    ctx.entities.sort(key=lambda f: f.start)
    return found


# A Korean region acts (signs, hosts, announces) when it is a subject or partner, or
# when a head's title is glued to it (OO시장): then it stands for its government.
_ACTOR_AFTER = re.compile(
    r"^(?:(?:은|는|이|가|와|과|와의|과의|도|측은|측과|측이)(?=\s|$|,)"
    # 인천시, 제천시 등과 공동 개최; 충북, 경북 등 광역 지자체와: the last of a list of
    # regions that act together.
    r"|\s?등(?:과|와|이|은|는|의|과의|와의)(?=\s|$)"
    r"|\s?등\s(?:광역\s|기초\s)?(?:지자체|지방자치단체|자치단체|시·?도|시·?군))"
)
# 시장, 도지사; 고양특례시장, 세종특별자치시장: the head of the region's government.
_HEAD_TITLE_AFTER = re.compile(
    r"^(?:특례|특별자치|특별|광역)?(?:장|지사|도지사|군수|구청장|청장|시장)"
)
# Between two regions of one list.
_LIST_GAP = re.compile(r"^\s*(?:,|·|、|및|와|과)\s*$")


def regions_as_actors(ctx: SentenceContext) -> None:
    """Turn a Korean region that acts in the sentence into its government."""
    reference = load_reference()
    for i, found in enumerate(ctx.entities):
        if found.ref.kind != "place":
            continue
        place = reference.places.get(found.ref.key)
        if place is None or not place.is_korean_region:
            continue
        rest = ctx.after(found.end, 16)
        # A city's short name may be a common word (강화와 … 협력): it acts only in full.
        full = place.place_type == "province" or found.surface.endswith(("시", "군", "구"))
        if (full and _ACTOR_AFTER.match(rest)) or _HEAD_TITLE_AFTER.match(rest):
            government = reference.government_of(place.key)
            if government:
                ctx.entities[i] = Found(
                    EntityRef("organization", government), found.start, found.end, found.surface
                )
    _lists_act_together(ctx)


def _lists_act_together(ctx: SentenceContext) -> None:
    """충북, 경북, 전남 등 지자체와: the regions listed before one that acts act too."""
    reference = load_reference()
    for i in range(len(ctx.entities) - 2, -1, -1):
        found, following = ctx.entities[i], ctx.entities[i + 1]
        if found.ref.kind != "place" or following.ref.kind != "organization":
            continue
        if not following.ref.key.startswith("gov:kr-"):
            continue  # only a region turned into its government carries the list
        place = reference.places.get(found.ref.key)
        if place is None or not place.is_korean_region:
            continue
        if not _LIST_GAP.match(ctx.slice(found.end, following.start)):
            continue
        government = reference.government_of(place.key)
        if government:
            ctx.entities[i] = Found(
                EntityRef("organization", government), found.start, found.end, found.surface
            )


# A word that ends a noun phrase's left edge: a particle or an adnominal ending.
_PHRASE_EDGE = re.compile(r"(?:[은는이가을를에의와과인한된로]|에서|으로)$|[,.·\"'“”‘’)\]]")


def names_spelled_before_brackets(ctx: SentenceContext) -> None:
    """케임브리지 혁신 센터(CIC), 매사추세츠 종합 병원(MGH): the words before a bracket
    that holds a known institution's short name are its long name, spelled as the
    reference data does not (a space more, a word less). A place inside them
    (케임브리지, 매사추세츠) is part of that name, not a place of its own."""
    for bracket_start, bracket_end in ctx.brackets:
        inner = [e for e in ctx.entities if bracket_start <= e.start and e.end <= bracket_end]
        if len(inner) != 1 or inner[0].ref.kind != "organization":
            continue
        org = inner[0]
        if ctx.slice(bracket_start, bracket_end).strip() != org.surface:
            continue
        before = ctx.slice(ctx.start, bracket_start - 1)
        if ctx.slice(bracket_start - 1, bracket_start) != "(" or not before or before[-1].isspace():
            continue
        words = before.split(" ")
        taken: list[str] = []
        for word in reversed(words[-3:]):
            if not word or _PHRASE_EDGE.search(word):
                break
            taken.insert(0, word)
        if not taken:
            continue
        phrase_end = bracket_start - 1
        phrase_start = phrase_end - len(" ".join(taken))
        inside = [e for e in ctx.entities if phrase_start <= e.start and e.end <= phrase_end]
        if not inside or any(e.ref.kind != "place" for e in inside):
            continue
        kept = [e for e in ctx.entities if e not in inside]
        kept.append(Found(org.ref, phrase_start, phrase_end, ctx.slice(phrase_start, phrase_end)))
        ctx.entities = sorted(kept, key=lambda f: f.start)

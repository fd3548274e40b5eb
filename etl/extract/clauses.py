"""Clause rules shared by visits and agreements: who the subject is, tense, dates near a verb."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from etl.extract.context import SentenceContext
from etl.extract.dates import DateMention

# A clause or sentence that ends in these announces something still to happen.
_FUTURE_END = re.compile(
    r"(예정|계획|방침|전망|구상)(이다|입니다|이며|이고|이라고|이라며)|할\s?것(이다|입니다|이라고)|"
    r"(한다|나선다|떠난다|간다|갖는다|연다|찾는다|이어간다|진행한다)[.\"”’']*\s*$"
)
_PAST_END = re.compile(
    r"(었|았|였|했|됐|렸|쳤|났|졌|냈|왔|갔)(다|습니다|으며|고|는데|지만)|밝혔|전했|말했"
)


@dataclass(frozen=True)
class OfficialMention:
    start: int
    end: int
    person_key: str


def is_subject(ctx: SentenceContext, mention: OfficialMention) -> bool:
    """Whether the official heads the clause (홍길동 지사는, 홍길동 지사 등 출장단은)."""
    tail = ctx.after(mention.end, 30)
    match = re.match(
        r"^(?:\s*\([^)]*\))?((?:\s*[^\s,]+){0,4}?)(?:은|는|이|가|께서|께서는|도)(?=\s|$|,)", tail
    )
    if not match:
        return False
    words = match.group(1)
    # 홍길동 지사와 함께 / 홍길동 부사장 등과: a companion, not the subject.
    return not re.search(r"(와|과|의|을|를|에게|등과)\s", words + " ")


def sentence_is_future(ctx: SentenceContext) -> bool:
    return bool(_FUTURE_END.search(ctx.text.rstrip()))


# A syllable closed by ㅆ (했, 뎠, 왔…) before a final or connective ending: past tense.
_PAST_SYLLABLE = re.compile(
    "["
    + "".join(chr(c) for c in range(0xAC00 + 20, 0xD7A4, 28))
    + "](?:다|습니다|으며|고|는데|지만)"
)


def tail_is_past(text: str) -> bool:
    return bool(_PAST_END.search(text) or _PAST_SYLLABLE.search(text))


def nearest_date(
    dates: list[DateMention], position: int, clause: tuple[int, int], ctx: SentenceContext
) -> DateMention | None:
    """The date that governs a verb at ``position``: the closest one before it in the
    sentence, else one after it within its clause."""
    before = [d for d in dates if ctx.start + d.end <= position]
    if before and not _relative_clause_between(ctx, ctx.start + before[-1].end, position):
        return before[-1]
    if before:
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
        if verb.form in _POSTPOSITIONAL_VERBS or verb.tag not in ("VV", "NNG", "EP"):
            continue
        # The date is inside that modifier only if no subject or topic comes between
        # (5일 홍길동 지사는 … 이름난 연구소를 방문: the date is the main verb's).
        if not any(
            t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는")) for t in tokens[:i]
        ):
            return True
    return False


# 공동연구에 대한, 협력을 위한, 교육 관련: verbs that work as postpositions and take no date.
_POSTPOSITIONAL_VERBS = frozenset(
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
    }
)


def is_future_date(mention: DateMention | None, published: date | None) -> bool:
    if mention is None:
        return False
    if mention.direction == "future":
        return True
    return bool(published and mention.value and mention.value.on > published)

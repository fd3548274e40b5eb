"""A sentence as the rules see it: Kiwi's tokens with every entity merged into one token,
each token carrying its word class (``lex``), a particle's role (``role``) and the kind
of entity it is (``ent``).

Entities are found on the characters first (reference names, names by their shape,
officials); here each becomes a single token, so that a pattern or a frame reads
``[OO대학교][와/com][업무][협약][을/obj][체결]`` whatever Kiwi made of the name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from etl.extract.context import Found, SentenceContext
from etl.extract.lexicon import base_tag, head_of, particle_role, word_class
from etl.reference import load_reference

# Tags of the tokens that may stand inside a noun phrase.
NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "XSN", "XPN", "NP"})
# Tags after which a connective or adnominal ending closes a predicate.
PREDICATE_TAGS = frozenset({"VV", "VA", "VX", "XSV", "XSA", "EP", "VCP", "VCN"})


@dataclass(slots=True)
class Tok:
    form: str
    tag: str
    start: int  # offsets into the article body
    end: int
    lex: str = ""
    role: str = ""
    ent: str = ""  # org, place, gov (a government), person, or '' for a plain word
    entity: Found | None = None
    person: str | None = None  # an official's person key
    space_before: bool = False
    close: int = -1  # for an opening bracket or quote: the index of its closing one
    oov: bool = False  # a word Kiwi's dictionary does not have (etl/nlp.py)

    @property
    def is_entity(self) -> bool:
        return bool(self.ent)


# A word's class depends on its form and tag alone (the lexicon and reference data are
# fixed for the process), and the same few thousand words recur in every article:
# remembered, the lookups cost a tenth of the rules' time less.
@functools.cache
def _class(form: str, tag: str) -> str:
    """A word's class: from the lexicon, else an institutional head noun standing alone
    (대학교, 센터: ``inst_head``), else a title of the reference data (``title``)."""
    found = word_class(form, tag)
    if found:
        return found
    if tag in ("NNG", "NNP"):
        head = head_of(form)
        if head is not None and head.suffix == form:
            return "inst_head"
    if form in load_reference().titles:
        return "title"
    return ""


@functools.cache
def _word(form: str, kiwi_tag: str) -> tuple[str, str, str]:
    """A plain word's (tag, class, particle role)."""
    tag = base_tag(kiwi_tag)
    return tag, _class(form, tag), particle_role(form, tag)


def _kind(found: Found) -> str:
    if found.ref.kind == "place":
        return "place"
    if found.ref.kind == "official":
        return "person"
    return "gov" if found.ref.key.startswith("gov:") else "org"


def token_view(ctx: SentenceContext, people: list[tuple[int, int, str]] = ()) -> list[Tok]:
    """The sentence's tokens, each entity (and each official, given as (start, end,
    person key)) merged into one token. Built once per state of the sentence's entities
    (the rule families run one after another and most leave them as they are); callers
    read a view, they never change it."""
    key = (
        tuple((id(e), e.start, e.end, e.ref, e.resolved) for e in ctx.entities),
        tuple(people),
    )
    view = ctx.views.get(key)
    if view is None:
        view = ctx.views[key] = _build_view(ctx, people)
    return view


def _build_view(ctx: SentenceContext, people: list[tuple[int, int, str]]) -> list[Tok]:
    spans: list[tuple[int, int, Found | None, str | None]] = [
        (e.start, e.end, e, None) for e in ctx.entities
    ]
    for start, end, person in people:
        if not any(s < end and start < e for s, e, _, _ in spans):
            spans.append((start, end, None, person))
    spans.sort(key=lambda s: s[0])
    view: list[Tok] = []
    tokens = ctx.tokens
    i = 0
    previous_end = ctx.start
    k = 0
    while i < len(tokens):
        token = tokens[i]
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        span = spans[k] if k < len(spans) and spans[k][0] < token.end else None
        if span is None:
            tag, lex, role = _word(token.form, token.tag)
            view.append(
                Tok(
                    token.form,
                    tag,
                    token.start,
                    token.end,
                    lex=lex,
                    role=role,
                    space_before=token.start > previous_end,
                    oov=token.oov,
                )
            )
            previous_end = token.end
            i += 1
            continue
        start, end, found, person = span
        if token.start < start:  # a word glued before the name: keep it as a word
            view.append(Tok(ctx.slice(token.start, start), "NNG", token.start, start))
        j = i
        while j < len(tokens) and tokens[j].start < end:
            j += 1
        last = tokens[j - 1]
        ent = _kind(found) if found is not None else "person"
        view.append(
            Tok(
                ctx.slice(start, end),
                "NNP",
                start,
                end,
                ent=ent,
                entity=found,
                person=person,
                space_before=max(token.start, start) > previous_end,
            )
        )
        previous_end = end
        if last.end > end:  # a particle glued after the name (머크사와 → 머크 사와)
            rest = ctx.slice(end, last.end)
            tag = base_tag(last.tag) if last.start >= end else _rest_tag(rest)
            view.append(
                Tok(rest, tag, end, last.end, lex=_class(rest, tag), role=particle_role(rest, tag))
            )
            previous_end = last.end
        i = j
        k += 1
    _pair_brackets(view, ctx)
    return view


def _pair_brackets(view: list[Tok], ctx: SentenceContext) -> None:
    """Link each opening bracket or quote to its closing one, as the sentence's
    bracket analysis paired them (an apostrophe before a year opens nothing)."""
    closers = {e: s for s, e in ctx.brackets + ctx.quotes}
    by_start = {tok.start: i for i, tok in enumerate(view)}
    for i, tok in enumerate(view):
        if tok.tag not in ("SSC", "SS"):
            continue
        opener_end = closers.get(tok.start)
        if opener_end is None:
            continue
        j = by_start.get(opener_end - 1)
        if j is not None and j < i:
            view[j].close = i


def _rest_tag(rest: str) -> str:
    for tag in ("JKS", "JX", "JKO", "JKB", "JKG", "JC"):
        if particle_role(rest, tag):
            return tag
    return "NNG"

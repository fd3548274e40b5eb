"""Korean NLP with kiwipiepy: one analyzer per process, built and warmed once.

The reference data's multi-word names (보스턴 케임브리지 혁신센터, 매사추세츠 의과대학)
go into Kiwi's user dictionary as proper nouns so they stay whole tokens.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from typing import NamedTuple

from kiwipiepy import Kiwi

from etl.reference import Reference, load_reference

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class Token(NamedTuple):
    form: str
    tag: str
    start: int  # offset into the article body
    end: int
    oov: bool = False  # a word Kiwi's dictionary does not have (a name no list has, mostly)


@dataclass(frozen=True)
class AnalyzedSentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


def kiwi_versions() -> tuple[str, str]:
    import kiwipiepy

    try:
        from importlib.metadata import version

        model = version("kiwipiepy_model")
    except Exception:
        model = "unknown"
    return kiwipiepy.__version__, model


def _build(reference: Reference) -> Kiwi:
    kiwi = Kiwi()
    forms: set[str] = set()
    for place in reference.places.values():
        forms.update((place.name_ko, *place.aliases))
    for org in reference.organizations.values():
        forms.update((org.name_ko, *org.aliases))
    for form in sorted(forms):
        if len(form) >= 2 and _HANGUL.search(form):
            kiwi.add_user_word(form, "NNP", 0.0)
    kiwi.tokenize("워밍업 문장입니다.")  # Kiwi loads lazily: pay the cost once, here
    return kiwi


@functools.cache
def analyzer() -> Kiwi:
    return _build(load_reference())


# Company marks glued to a name (한미약품㈜는, 머크社와) make Kiwi misread the particle
# after them (㈜ 늘 ᆫ): Kiwi reads a space in their place, offsets unchanged.
_GLUED_MARKS = str.maketrans({"㈜": " ", "㈔": " ", "社": " "})


# Seconds this process spent in analyze (Kiwi and the tokens it returns): the
# transform reads it before and after extraction to tell Kiwi from the rules.
_analyzing = [0.0]


def seconds_analyzing() -> float:
    return _analyzing[0]


def analyze(text: str, offset: int = 0) -> list[AnalyzedSentence]:
    """Split one paragraph into sentences with tokens; ``offset`` is where the
    paragraph starts in the body, and every offset returned is into the body. Each
    sentence's text is the body's own."""
    started = time.perf_counter()
    try:
        return _analyze(text, offset)
    finally:
        _analyzing[0] += time.perf_counter() - started


def _analyze(text: str, offset: int) -> list[AnalyzedSentence]:
    sentences = []
    read = text.translate(_GLUED_MARKS)
    for sentence in analyzer().split_into_sents(read, return_tokens=True):
        tokens = tuple(
            Token(t.form, t.tag, offset + t.start, offset + t.start + t.len, t.oov)
            for t in sentence.tokens
        )
        sentences.append(
            AnalyzedSentence(
                offset + sentence.start,
                offset + sentence.end,
                text[sentence.start : sentence.end],
                tokens,
            )
        )
    return sentences

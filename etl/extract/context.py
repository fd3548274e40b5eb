"""What every rule family sees of a sentence: its text, tokens, entities, brackets, clauses.

Offsets here are absolute (into the article body) unless a name says ``local``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.nlp import AnalyzedSentence, Token
from etl.records import EntityRef

_OPEN_CLOSE = {"(": ")", "[": "]", "‘": "’", "“": "”", "「": "」", "『": "』", "<": ">", "《": "》"}
_CLOSERS = set(_OPEN_CLOSE.values())
_SYMMETRIC_QUOTES = ("'", '"')

# Tags after which a connective ending closes a clause (a predicate came before it).
_PREDICATE_TAGS = {"VV", "VA", "VX", "XSV", "XSA", "EP", "VCP", "VCN"}


@dataclass
class Found:
    """One occurrence of an entity in a sentence."""

    ref: EntityRef
    start: int
    end: int
    surface: str
    resolved: bool = True
    # The rule that found it (a reference name, a shape pattern of rules/entities.json…)
    # and that rule's precision: stored on the mention.
    pattern_id: str = "ref.name"
    confidence: float = 1.0


@dataclass
class SentenceContext:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]  # offsets absolute
    brackets: list[tuple[int, int]] = field(default_factory=list)  # absolute, inner spans
    quotes: list[tuple[int, int]] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Found] = field(default_factory=list)
    # Token views already built for this sentence, by the entities and people they merge
    # (etl.extract.tokens.token_view): each rule family asks for one.
    views: dict = field(default_factory=dict, repr=False, compare=False)

    def local(self, absolute: int) -> int:
        return absolute - self.start

    def slice(self, start: int, end: int) -> str:
        return self.text[start - self.start : end - self.start]

    def after(self, position: int, length: int = 40) -> str:
        return self.text[position - self.start : position - self.start + length]

    def before(self, position: int, length: int = 40) -> str:
        local = position - self.start
        return self.text[max(0, local - length) : local]

    def in_brackets(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.brackets)

    def in_quotes(self, start: int, end: int) -> bool:
        """Inside quoted text; a quote around just a name ('OO바이오') is emphasis, not a quotation."""
        return any(s <= start and end <= e and (e - s) > (end - start) + 1 for s, e in self.quotes)

    def clause_of(self, position: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= position < end:
                return start, end
        return self.start, self.end


def _pairs(text: str, offset: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Inner spans of brackets and of quotes. An opener left unclosed is dropped when a
    closer of another kind arrives; ‘25년 (an apostrophe before a year) opens nothing."""
    brackets: list[tuple[int, int]] = []
    quotes: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPEN_CLOSE:
            if ch == "‘" and re.match(r"\d{2}(?!\d)", text[i + 1 : i + 3] + " "):
                continue
            stack.append((ch, i))
        elif ch in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if _OPEN_CLOSE[stack[depth][0]] == ch:
                    opener, at = stack[depth]
                    del stack[depth:]
                    target = brackets if opener in "([<《" else quotes
                    target.append((offset + at + 1, offset + i))
                    break
    for quote in _SYMMETRIC_QUOTES:
        pattern = re.escape(quote) + r"([^" + quote + r"]{1,200})" + re.escape(quote)
        for match in re.finditer(pattern, text):
            quotes.append((offset + match.start(1), offset + match.end(1)))
    return brackets, quotes


def _clauses(sentence: AnalyzedSentence, enclosed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cuts: list[int] = []
    tokens = sentence.tokens
    for i, token in enumerate(tokens[:-1]):
        if token.tag != "EC" or i == 0 or tokens[i - 1].tag not in _PREDICATE_TAGS:
            continue
        following = tokens[i + 1]
        # A clause ends at a connective ending followed by a space or a comma; endings
        # glued to the next word (-는 등) or inside brackets and quotes are not boundaries.
        if following.start > token.end or following.tag == "SP":
            cut = following.end if following.tag == "SP" else token.end
            if not any(s <= cut <= e for s, e in enclosed):
                cuts.append(cut)
    bounds = [sentence.start]
    bounds.extend(c for c in cuts if c > bounds[-1])
    bounds.append(sentence.end)
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]


def build_context(index: int, sentence: AnalyzedSentence) -> SentenceContext:
    """A sentence analysed with offsets into the body, ready for the rule families."""
    brackets, quotes = _pairs(sentence.text, sentence.start)
    return SentenceContext(
        index=index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        tokens=sentence.tokens,
        brackets=brackets,
        quotes=quotes,
        clauses=_clauses(sentence, brackets + quotes),
    )

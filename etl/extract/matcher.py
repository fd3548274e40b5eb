"""Token patterns as data, in spaCy's ``Matcher`` syntax, run over a sentence's tokens.

A pattern is a list of token specifications; each is a dict of attribute tests and an
optional ``OP`` (``?`` zero or one, ``*`` any, ``+`` one or more, ``!`` the next
token is not this one, consuming nothing). Attributes: ``ORTH`` (the form), ``LEMMA`` (the same for Kiwi, whose verbs are
stems), ``TAG`` (Kiwi's tag), and under ``"_"`` our own: ``lex`` (the word's class in
``rules/lexicon.csv``), ``role`` (a particle's role in ``rules/particles.csv``) and
``ent`` (the kind of entity a token is: ``org``, ``place``, ``gov``) and ``oov`` (true for a
word Kiwi's dictionary does not have). A test is a value
or ``{"IN": [...]}`` / ``{"NOT_IN": [...]}``.

Why not spaCy's own Matcher: the patterns are the same dicts, but running them through
spaCy costs a ``Doc`` per sentence and Python-level custom attributes (about 2 ms an
article, half of Kiwi's own time, on a load whose budget is 1.5× Kiwi), a second of
import at every start of ``kbio extract`` and some 330 MB of dependencies. Every
pattern here is anchored: it starts with a token whose ``lex``, ``ent``, ``ORTH``, ``LEMMA``
or ``TAG`` is listed, so only the few tokens of a sentence that can start a match are tried.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class TokenLike(Protocol):
    form: str
    tag: str
    lex: str
    role: str
    ent: str
    oov: bool


Test = Callable[[TokenLike], bool]

_ATTRIBUTES: dict[str, Callable[[TokenLike], str]] = {
    "ORTH": lambda t: t.form,
    "TEXT": lambda t: t.form,
    "LEMMA": lambda t: t.form,
    "TAG": lambda t: t.tag,
    "lex": lambda t: t.lex,
    "role": lambda t: t.role,
    "ent": lambda t: t.ent,
    "oov": lambda t: t.oov,
}


class PatternError(ValueError):
    """A pattern file that cannot be compiled (an unknown attribute or operator)."""


def _value_test(get: Callable[[TokenLike], str], spec: Any) -> Test:
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = frozenset(spec["IN"])
            return lambda t: get(t) in allowed
        if set(spec) == {"NOT_IN"}:
            refused = frozenset(spec["NOT_IN"])
            return lambda t: get(t) not in refused
        raise PatternError(f"unknown test {spec!r}")
    return lambda t: get(t) == spec


def _token_test(spec: dict[str, Any]) -> Test:
    tests: list[Test] = []
    for key, value in spec.items():
        if key == "OP":
            continue
        if key == "_":
            for name, inner in value.items():
                if name not in ("lex", "role", "ent", "oov"):
                    raise PatternError(f"unknown custom attribute {name!r}")
                tests.append(_value_test(_ATTRIBUTES[name], inner))
        elif key in _ATTRIBUTES:
            tests.append(_value_test(_ATTRIBUTES[key], value))
        else:
            raise PatternError(f"unknown attribute {key!r}")
    if len(tests) == 1:
        return tests[0]
    return lambda t: all(test(t) for test in tests)


def _anchors(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(attribute, value) pairs one of which the first token must have."""
    for key in ("lex", "ent", "ORTH", "LEMMA", "TEXT", "TAG"):
        value = spec.get("_", {}).get(key) if key in ("lex", "ent") else spec.get(key)
        if value is None or value == "":
            continue
        attribute = {"lex": "lex", "ent": "ent", "TAG": "TAG"}.get(key, "ORTH")
        if isinstance(value, str):
            return [(attribute, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(attribute, v) for v in value["IN"]]
    return []


@dataclass(frozen=True)
class Pattern:
    """One rule: an id stored on what it matches, and what it means."""

    id: str
    tokens: tuple[dict[str, Any], ...]
    description: str = ""
    label: str = ""  # what the match says (a kind of agreement, a status…)
    confidence: float = 1.0  # its precision on the development corpus
    examples: tuple[str, ...] = ()


# Kinds of token whose candidate patterns a matcher remembers before starting afresh.
_REMEMBERED = 100_000


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    start: int  # token index
    end: int  # token index, exclusive


class TokenMatcher:
    """Runs a set of anchored patterns over a token sequence."""

    def __init__(self, patterns: Sequence[Pattern], anchored: bool = True) -> None:
        """``anchored``: every pattern starts with a listed word, so a sentence is
        searched only at those words. Patterns tried at a given token only (the tense
        after a predicate) need no anchor."""
        self.patterns = tuple(patterns)
        self.anchored = anchored
        self._compiled: dict[str, list[tuple[Test, str]]] = {}
        self._by_anchor: dict[tuple[str, str], list[Pattern]] = {}
        self._candidates: dict[tuple[str, str, str, str], tuple[Pattern, ...]] = {}
        for pattern in self.patterns:
            if not pattern.tokens:
                raise PatternError(f"{pattern.id}: empty pattern")
            first = pattern.tokens[0]
            if first.get("OP", "1") not in ("1", "+"):
                raise PatternError(f"{pattern.id}: the first token must be required")
            anchors = _anchors(first)
            if anchored and not anchors:
                raise PatternError(f"{pattern.id}: the first token needs a lex, ent, ORTH or TAG")
            for anchor in anchors:
                self._by_anchor.setdefault(anchor, []).append(pattern)
            steps = []
            for spec in pattern.tokens:
                op = spec.get("OP", "1")
                if op not in ("1", "?", "*", "+", "!"):
                    raise PatternError(f"{pattern.id}: unknown OP {op!r}")
                steps.append((_token_test(spec), op))
            self._compiled[pattern.id] = steps

    def candidates(self, token: TokenLike) -> tuple[Pattern, ...]:
        """The patterns that may start at ``token``, remembered per kind of token (the
        same words recur in every sentence; four lookups become one)."""
        if not self.anchored:
            return self.patterns
        key = (token.lex, token.form, token.tag, token.ent)
        found = self._candidates.get(key)
        if found is None:
            listed = self._by_anchor.get(("lex", token.lex), []) if token.lex else []
            for anchor in (("ORTH", token.form), ("TAG", token.tag), ("ent", token.ent)):
                listed = listed + self._by_anchor.get(anchor, [])
            if len(self._candidates) > _REMEMBERED:
                self._candidates.clear()  # a bound on memory over a long load
            found = self._candidates[key] = tuple(listed)
        return found

    def match_at(self, tokens: Sequence[TokenLike], i: int) -> list[Match]:
        """The longest match of every pattern that starts at token ``i``."""
        out = []
        for pattern in self.candidates(tokens[i]):
            end = _longest(self._compiled[pattern.id], tokens, i, 0)
            if end is not None:
                out.append(Match(pattern, i, end))
        return out

    def __call__(self, tokens: Sequence[TokenLike]) -> list[Match]:
        """Every longest match, by start token."""
        out: list[Match] = []
        compiled = self._compiled
        for i, token in enumerate(tokens):
            for pattern in self.candidates(token):  # most tokens start no pattern
                end = _longest(compiled[pattern.id], tokens, i, 0)
                if end is not None:
                    out.append(Match(pattern, i, end))
        return out


def _longest(
    steps: list[tuple[Test, str]], tokens: Sequence[TokenLike], i: int, k: int
) -> int | None:
    """The end of the longest match of ``steps[k:]`` from token ``i`` (backtracking)."""
    if k == len(steps):
        return i
    test, op = steps[k]
    if op == "1":
        return (
            _longest(steps, tokens, i + 1, k + 1) if i < len(tokens) and test(tokens[i]) else None
        )
    if op == "!":  # zero width, as in spaCy: the next token must not be this one
        if i < len(tokens) and test(tokens[i]):
            return None
        return _longest(steps, tokens, i, k + 1)
    if op == "?":
        if i < len(tokens) and test(tokens[i]):
            taken = _longest(steps, tokens, i + 1, k + 1)
            if taken is not None:
                return taken
        return _longest(steps, tokens, i, k + 1)
    # "*" and "+": as many as match, then back off one at a time.
    run = i
    while run < len(tokens) and test(tokens[run]):
        run += 1
    least = i + 1 if op == "+" else i
    for stop in range(run, least - 1, -1):
        end = _longest(steps, tokens, stop, k + 1)
        if end is not None:
            return end
    return None

"""The vocabulary the rules read, loaded once from ``etl/extract/rules/``.

- ``particles.csv``: every particle with the role it gives the noun phrase before it
  (subject, topic, object, partner, place…): the only place where particles are typed.
- ``lexicon.csv``: trigger words and their class (``agr_mou``, ``sign``, ``visit``…),
  which token patterns match as ``{"_": {"lex": "sign"}}``.
- ``heads.csv``: the head nouns that end an institution's name (대학교, 병원, 카운티…)
  and the type they give it.
- ``*.json``: the token patterns of each rule family (see ``etl.extract.matcher``).
"""

from __future__ import annotations

import csv
import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path

from etl.extract.matcher import Pattern, TokenMatcher

# The rule files; KBIO_RULES_DIR points at a copy a user has extended (new patterns,
# new words) without changing code. Read once per process.
RULES = Path(os.environ.get("KBIO_RULES_DIR") or Path(__file__).resolve().parent / "rules")


def _rows(name: str) -> list[dict[str, str]]:
    with (RULES / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def base_tag(tag: str) -> str:
    """Kiwi marks regular and irregular conjugation on verbs (VV-R, VA-I): the tag alone."""
    return tag.split("-", 1)[0]


@functools.cache
def _particles() -> dict[tuple[str, str], str]:
    return {(row["form"], row["tag"]): row["role"] for row in _rows("particles.csv")}


def particle_role(form: str, tag: str) -> str:
    """The role a particle gives the noun phrase before it, or '' for anything else."""
    return _particles().get((form, base_tag(tag)), "")


ALL_ROLES = (
    "subj",
    "topic",
    "obj",
    "com",
    "conj",
    "loc",
    "dat",
    "src",
    "ins",
    "gen",
    "add",
    "limit",
)


@functools.cache
def particle_forms(*roles: str) -> frozenset[str]:
    """The forms of the particles of the given roles (for character-level rules that
    strip a particle off a word, such as names)."""
    return frozenset(form for (form, _), role in _particles().items() if role in roles)


@functools.cache
def _lexicon() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    tagged: dict[tuple[str, str], str] = {}
    any_tag: dict[str, str] = {}
    for row in _rows("lexicon.csv"):
        if row["tag"]:
            tagged[(row["form"], row["tag"])] = row["class"]
        else:
            any_tag[row["form"]] = row["class"]
    return tagged, any_tag


def word_class(form: str, tag: str) -> str:
    """The class of a word in ``lexicon.csv`` (by form and tag, else by form), or ''."""
    tagged, any_tag = _lexicon()
    return tagged.get((form, base_tag(tag))) or any_tag.get(form, "")


@functools.cache
def words_of(*classes: str) -> frozenset[str]:
    """The forms of the given classes."""
    tagged, any_tag = _lexicon()
    return frozenset(
        [form for (form, _), c in tagged.items() if c in classes]
        + [form for form, c in any_tag.items() if c in classes]
    )


@dataclass(frozen=True)
class Head:
    suffix: str
    org_type: str
    glued_only: bool  # only as the end of a longer word (대 in 퍼듀대), never alone


@functools.cache
def heads() -> tuple[Head, ...]:
    """Institutional head nouns, longest first."""
    rows = [
        Head(row["head"], row["org_type"], row["glued_only"] == "true")
        for row in _rows("heads.csv")
    ]
    return tuple(sorted(rows, key=lambda h: -len(h.suffix)))


@functools.cache
def head_of(word: str) -> Head | None:
    """The institutional head a word ends with (퍼듀대 → 대, 바이오기술센터 → 센터)."""
    for head in heads():
        if word.endswith(head.suffix) and (len(word) > len(head.suffix) or not head.glued_only):
            return head
    return None


@functools.cache
def generic_modifiers() -> frozenset[str]:
    """Words that make a head noun generic rather than a name (국내 병원, 해외 대학)."""
    text = (RULES / "generic_modifiers.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def patterns(family: str) -> tuple[Pattern, ...]:
    """The patterns of one rule family (``rules/<family>.json``)."""
    data = json.loads((RULES / f"{family}.json").read_text(encoding="utf-8"))
    return tuple(
        Pattern(
            id=item["id"],
            tokens=tuple(item["pattern"]),
            description=item.get("description", ""),
            label=item.get("label", ""),
            confidence=float(item.get("confidence", 1.0)),
            examples=tuple(item.get("examples", ())),
        )
        for item in data["patterns"]
    )


@functools.cache
def pattern_by_id(pattern_id: str) -> Pattern:
    """A pattern of any family by its id (rules that are code, such as the officials'
    name-and-title rule, are listed in ``rules/code_rules.json`` so that their facts
    carry an id and a measured confidence too)."""
    for family in _FAMILIES:
        for pattern in patterns(family):
            if pattern.id == pattern_id:
                return pattern
    raise KeyError(pattern_id)


_FAMILIES = ("agreements", "visits", "entities", "status", "code_rules")


# Families whose patterns are tried at a given token rather than searched for.
_UNANCHORED = frozenset({"status"})


@functools.cache
def matcher(family: str) -> TokenMatcher:
    return TokenMatcher(patterns(family), anchored=family not in _UNANCHORED)

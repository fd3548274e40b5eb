"""Personal names: Korean surnames and their customary romanization, Western given names
as Korean news writes them, and the tests that tell a name from a common word.

The tables are data (``seeds/reference/surnames.csv``, ``foreign_given_names.txt``);
this module reads them once per process.
"""

from __future__ import annotations

import csv
import functools

from etl.nlp import analyzer
from etl.paths import seeds_dir
from etl.reference import Reference


@functools.cache
def _surnames() -> dict[str, str]:
    """Surname → customary romanization ('' when Revised Romanization is customary)."""
    path = seeds_dir() / "reference" / "surnames.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["surname"]: row["romanized"] for row in csv.DictReader(handle)}


@functools.cache
def foreign_given_names() -> frozenset[str]:
    path = seeds_dir() / "reference" / "foreign_given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _known_names() -> frozenset[str]:
    from etl.reference import load_reference

    return frozenset(load_reference().index)


def surname_of(name_ko: str) -> str | None:
    """The surname a Korean name starts with (two-syllable surnames first), if any."""
    surnames = _surnames()
    if name_ko[:2] in surnames and len(name_ko) > 2:
        return name_ko[:2]
    return name_ko[0] if name_ko[:1] in surnames else None


_NOT_IN_NAMES = ("XS", "J", "E", "VV", "VA", "VX", "VC")


@functools.cache
def _looks_like_personal_name(word: str) -> bool:
    """Kiwi knows few personal names, so a name is what is not a known common word:
    two syllables must be a proper noun; three or four must not analyse as one known
    common noun (서비스, 전문가) or carry a suffix, particle or ending (주민들)."""
    tokens = analyzer().tokenize(word)
    if len(word) == 2:
        return any(t.tag == "NNP" for t in tokens)
    if tokens[0].tag == "NNP" and tokens[0].len >= 2:
        # 박순/NNP 만/JX: Kiwi read a name and guessed at its last syllable; 한국/NNP 의/JKG
        # is a known name and a particle.
        return tokens[0].form not in _known_names()
    if len(word) == 3 and all(t.len == 1 for t in tokens) and tokens[-1].tag == "XSN":
        # 한/MM 태/NNG 성/XSN: no word of two syllables in it, only a guess at a suffix
        # (전문/NNG 성/XSN is a word and its suffix).
        return not any(t.tag.startswith(("J", "E")) for t in tokens)
    if any(t.tag.startswith(_NOT_IN_NAMES) for t in tokens):
        return False
    if len(tokens) >= 2 and all(t.len >= 2 and t.tag in ("NNG", "NNB") and not t.oov for t in tokens):
        return False  # 현지/NNG 시간/NNB: a compound of words Kiwi knows, not a name
    if len(tokens) == 1:
        return tokens[0].tag == "NNP" or tokens[0].oov
    return True


def is_korean_name(word: str, reference: Reference) -> bool:
    if not (2 <= len(word) <= 4):
        return False
    surname = surname_of(word)
    if surname is None:
        return False
    if len(word) - len(surname) < 1 or word in reference.index:
        return False
    # 주보스턴 총영사, 주미 대사: 駐 (stationed in) before a place, not the surname 주.
    stationed_in = reference.index.get(word[1:]) if word.startswith("주") else None
    if stationed_in is not None and stationed_in.kind == "place":
        return False
    return _looks_like_personal_name(word)


def romanize(name_ko: str) -> str | None:
    """Revised Romanization of a Korean name, surname in its customary spelling."""
    from korean_romanizer.romanizer import Romanizer

    surname = surname_of(name_ko) or name_ko[0]
    given = name_ko[len(surname) :]
    family = _surnames().get(surname) or Romanizer(surname).romanize().capitalize()
    # Given names are romanized syllable by syllable: RR writes no sound changes in them.
    given_en = "".join(Romanizer(syllable).romanize() for syllable in given).capitalize()
    return f"{family} {given_en}" if given else family

"""The Korean region an article is about: the province (or city) its mentions name most,
and what a bare ``도는`` or ``시는`` refers to in it."""

from __future__ import annotations

from collections import Counter

from etl.extract.context import SentenceContext
from etl.reference import government_key, load_reference


def _dominant(contexts: list[SentenceContext], level: str) -> str | None:
    """The Korean province (or municipality) an article is mostly about: the one its
    mentions name most, if one leads."""
    reference = load_reference()
    counts: Counter[str] = Counter()
    for ctx in contexts:
        for entity in ctx.entities:
            key = entity.ref.key
            if key.startswith("gov:"):
                key = key[4:]
            elif entity.ref.kind != "place":
                continue
            place = reference.places.get(key)
            if place is None or place.country != "KR":
                continue
            if level == "province":
                province = reference.province_of(key)
                if province:
                    counts[province] += 1
            elif place.place_type == "municipality":
                counts[key] += 1
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    return top if n > rest[0][1] else None


def dominant_province(contexts: list[SentenceContext]) -> str | None:
    return _dominant(contexts, "province")


def home_governments(contexts: list[SentenceContext]) -> dict[str, str]:
    """What a bare 도 or 시/군 (도는 …, 시는 …) refers to in this article: the
    government of its leading province or municipality."""
    homes: dict[str, str] = {}
    province = _dominant(contexts, "province")
    if province:
        # A metropolitan city (대전광역시, 서울특별시, 세종특별자치시) calls itself 시.
        word = "시" if load_reference().places[province].name_ko.endswith("시") else "도"
        homes[word] = government_key(province)
    municipality = _dominant(contexts, "municipality")
    if municipality:
        suffix = load_reference().places[municipality].name_ko[-1]
        if suffix in "시군구":
            homes[suffix] = government_key(municipality)
    return homes

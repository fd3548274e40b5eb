"""News outlets (``seeds/reference/outlets.csv``): who published a page, from its byline,
copyright line, web address or a reporter's e-mail domain.

A byline often carries a desk or a region after the outlet (``OO경제 호남취재본부``,
``OO일보 창원``): the known outlet at its start is the publisher.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from etl.paths import seeds_dir


@dataclass(frozen=True)
class Outlet:
    name_ko: str
    name_en: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


def _norm(text: str) -> str:
    return re.sub(r"[\s·_\-]+", "", text).lower()


@functools.cache
def outlets() -> tuple[Outlet, ...]:
    with open(seeds_dir() / "reference" / "outlets.csv", encoding="utf-8", newline="") as handle:
        return tuple(
            Outlet(
                name_ko=row["name_ko"],
                name_en=row["name_en"],
                domains=tuple(d for d in row["domains"].split("|") if d),
                aliases=tuple(a for a in row["aliases"].split("|") if a),
            )
            for row in csv.DictReader(handle)
        )


@functools.cache
def _names_longest_first() -> tuple[tuple[str, Outlet], ...]:
    pairs = []
    for outlet in outlets():
        for name in (outlet.name_ko, outlet.name_en, *outlet.aliases):
            pairs.append((_norm(name), outlet))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def outlet_named(text: str) -> Outlet | None:
    """The outlet ``text`` is, or starts with (a byline's desk or region may follow)."""
    key = _norm(text)
    if not key:
        return None
    for name, outlet in _names_longest_first():
        if key == name or (key.startswith(name) and len(name) >= 3):
            return outlet
    return None


def outlet_of_domain(host: str) -> Outlet | None:
    """The outlet that owns a web or e-mail domain (``shgang@busan.com``, ``www.joongdo.co.kr``)."""
    host = host.lower().strip(".")
    best: tuple[int, Outlet] | None = None
    for outlet in outlets():
        for domain in outlet.domains:
            if (host == domain or host.endswith("." + domain)) and (
                best is None or len(domain) > best[0]
            ):
                best = (len(domain), outlet)
    return best[1] if best else None


def publisher_name(byline_part: str) -> str | None:
    """The publisher as a byline writes it: the known outlet it starts with, else its
    first word (the rest is a desk or region)."""
    cleaned = re.sub(r"\(.*?\)", "", byline_part).strip(" =|【】[]")
    if not cleaned:
        return None
    outlet = outlet_named(cleaned)
    if outlet is not None:
        return outlet.name_ko
    return cleaned.split()[0]

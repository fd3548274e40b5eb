"""What `kbio report` shows: Korea-Boston visits and agreements at event grain (api_v2),
the amounts of the articles reporting them (api_v1), and their evidence.

Reads only the public views (``sql/report/*.sql``), so a read-only login can make a
report too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, text

from etl.paths import resource
from etl.reference import load_reference


class UnknownRegion(ValueError):
    """A --region that names no Korean province-level region."""


@dataclass(frozen=True)
class Side:
    """A node of the network: a Korean organization, region or official, or a
    Boston-area institution or place."""

    key: str
    name_ko: str
    name_en: str | None


@dataclass(frozen=True)
class Fact:
    """One real-world visit or agreement between a Korean side and a Boston side."""

    kind: str  # visit, mou, contract or cooperation
    event_id: int
    status: str  # completed or planned (visits); signed, agreed or planned (agreements)
    happened_on: date | None  # the stated date
    first_reported_on: date | None
    region_ko: str | None
    korean: Side
    boston: Side
    article_count: int
    article_id: int
    evidence: str
    official: str | None = None  # the visitor, for a visit
    confidence: float | None = None  # of the event's best report; None before provenance

    @property
    def on(self) -> date | None:
        """The date a reader would file it under: stated, else first reported."""
        return self.happened_on or self.first_reported_on

    @property
    def is_done(self) -> bool:
        return self.status in ("completed", "signed", "agreed")


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    qualifier: str
    raw_text: str
    region_ko: str | None
    article_id: int
    evidence: str


@dataclass(frozen=True)
class Article:
    article_id: int
    source_name: str
    title: str | None
    publisher: str | None
    published_on: date | None


@dataclass
class ReportData:
    facts: list[Fact]
    amounts: list[Amount]
    articles: dict[int, Article]
    since: date | None = None
    region: str | None = None
    undated: int = 0  # facts left out by --since because no date is known
    min_confidence: float | None = None
    weak: int = 0  # facts left out by --min-confidence
    counts: Counter = field(default_factory=Counter)


def _query(conn: Connection, name: str) -> list:
    sql = (resource("sql") / "report" / f"{name}.sql").read_text(encoding="utf-8")
    return conn.execute(text(sql)).all()


def korean_region(name: str) -> str:
    """The Korean name of a province-level region named in Korean, English or short
    (충북, Chungbuk, North Chungcheong Province)."""
    wanted = name.strip().casefold()
    provinces = [
        p
        for p in load_reference().places.values()
        if p.place_type == "province" and p.country == "KR"
    ]
    for place in provinces:
        names = {place.name_ko, *(place.aliases), place.name_en or ""}
        if wanted in {n.casefold() for n in names if n}:
            return place.name_ko
    known = ", ".join(sorted(p.name_ko for p in provinces))
    raise UnknownRegion(f"no Korean province-level region named {name!r} (one of: {known})")


def _korean_side(row) -> Side:
    if row.korean_organization_id is not None:
        return Side(f"o{row.korean_organization_id}", row.korean_name_ko, row.korean_name_en)
    if row.region_ko:
        return Side(f"r{row.region_ko}", row.region_ko, None)
    # An official of no known institution (a head of state, a minister): the person.
    label = " ".join(filter(None, (row.official_name_ko, row.official_title_ko)))
    return Side(f"p{label}", label, None)


def gather(
    conn: Connection,
    since: date | None = None,
    region: str | None = None,
    min_confidence: float | None = None,
) -> ReportData:
    """The facts, amounts and articles of a report, filtered by date, region and the
    confidence of the rule behind each fact."""
    facts: list[Fact] = []
    for row in _query(conn, "visits"):
        facts.append(
            Fact(
                "visit",
                row.event_id,
                row.status,
                row.happened_on,
                row.first_reported_on,
                row.region_ko,
                _korean_side(row),
                Side(f"b{row.boston_key}", row.boston_name_ko, row.boston_name_en),
                row.article_count,
                row.article_id,
                row.evidence,
                " ".join(filter(None, (row.official_name_ko, row.official_title_ko))),
                row.confidence,
            )
        )
    for row in _query(conn, "agreements"):
        facts.append(
            Fact(
                row.kind,
                row.event_id,
                row.status,
                row.happened_on,
                row.first_reported_on,
                row.region_ko,
                Side(f"o{row.korean_organization_id}", row.korean_name_ko, row.korean_name_en),
                Side(f"b{row.boston_key}", row.boston_name_ko, row.boston_name_en),
                row.article_count,
                row.article_id,
                row.evidence,
                None,
                row.confidence,
            )
        )
    data = ReportData([], [], {}, since, region, min_confidence=min_confidence)
    for fact in facts:
        if min_confidence is not None and (fact.confidence or 0.0) < min_confidence:
            data.weak += 1  # no confidence known (an older extractor's fact) counts as weak
            continue
        if region is not None and fact.region_ko != region:
            continue
        if since is not None and (fact.on is None or fact.on < since):
            data.undated += fact.on is None
            continue
        data.facts.append(fact)
    shown_articles = {f.article_id for f in data.facts}
    for row in _query(conn, "amounts"):
        if row.article_id not in shown_articles:
            continue
        # A region only through the agreement an amount belongs to: an article's other
        # figures (a fair's consultations, a company's revenue) are nobody's region.
        if region is not None and row.region_ko != region:
            continue
        data.amounts.append(
            Amount(
                row.value,
                row.currency,
                row.qualifier,
                row.raw_text,
                row.region_ko,
                row.article_id,
                row.evidence,
            )
        )
    wanted = shown_articles | {a.article_id for a in data.amounts}
    data.articles = {
        row.article_id: Article(*row)
        for row in _query(conn, "articles")
        if row.article_id in wanted
    }
    data.counts = Counter(f.kind for f in data.facts)
    return data

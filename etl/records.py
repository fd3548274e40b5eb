"""Typed records passed between the stages: ingest → clean → extract → resolve → load."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

EntityKind = Literal["official", "organization", "place"]
# The enumerations of the schema: models.py derives its CHECK constraints from these.
DatePrecision = Literal["day", "month", "year"]
VisitStatus = Literal["completed", "planned"]
AgreementKind = Literal["mou", "contract", "cooperation"]
AgreementStatus = Literal["signed", "planned", "agreed"]
AmountQualifier = Literal["exact", "approx", "at_least", "at_most"]


@dataclass(frozen=True)
class SourceFile:
    """A file found on disk, before it is read."""

    path: Path
    source_name: str
    size_bytes: int
    mtime_ns: int


@dataclass(frozen=True)
class Document:
    """A file read and decoded to text (ingest's output)."""

    source: SourceFile
    text: str
    encoding: str
    bytes_sha256: str
    content_sha256: str  # sha256 of ``text`` as UTF-8: one article whatever its encoding


@dataclass(frozen=True)
class CleanArticle:
    """The article body and metadata taken out of a noisy page (clean's output)."""

    document: Document
    body: str  # all offsets of facts index this string
    title: str | None
    publisher: str | None
    reporter: str | None
    published_on: date | None
    # Spans of ``body`` that are photo captions or similar asides, one per paragraph.
    paragraphs: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityRef:
    kind: EntityKind
    key: str  # canonical_key of a place/organization, person_key of an official


@dataclass(frozen=True)
class Mention:
    entity: EntityRef
    surface: str
    sentence_index: int
    start: int
    end: int
    # Provenance: the rule that found it (a reference name, a shape pattern of
    # etl/extract/rules/entities.json, a name-and-title rule) and that rule's precision.
    pattern_id: str = "ref.name"
    confidence: float = 1.0


@dataclass(frozen=True)
class OrganizationRecord:
    """An organization found in text; resolved ones carry the reference key."""

    canonical_key: str
    name_ko: str
    name_en: str | None
    org_type: str
    is_resolved: bool
    country: str | None = None
    region_key: str | None = None


@dataclass(frozen=True)
class OfficialRecord:
    person_key: str
    name_ko: str
    name_en: str | None
    title_ko: str | None
    title_en: str | None
    organization_key: str | None
    region_key: str | None


@dataclass(frozen=True)
class DateValue:
    on: date
    precision: DatePrecision
    end_on: date | None = None


@dataclass(frozen=True)
class VisitRecord:
    official_key: str
    target: EntityRef  # an organization or a place
    status: VisitStatus
    when: DateValue | None
    sentence_index: int
    start: int
    end: int
    pattern_id: str = ""  # the trigger pattern of etl/extract/rules/visits.json
    confidence: float = 1.0


@dataclass(frozen=True)
class AgreementRecord:
    local_id: int  # links amounts to their agreement within one article
    kind: AgreementKind
    status: AgreementStatus
    when: DateValue | None
    summary: str
    parties: tuple[tuple[str, str], ...]  # (organization canonical_key, surface)
    sentence_index: int
    start: int
    end: int
    pattern_id: str = ""  # the trigger pattern of etl/extract/rules/agreements.json
    confidence: float = 1.0


@dataclass(frozen=True)
class AgreementCountRecord:
    kind: AgreementKind
    quantity: int
    raw_text: str
    sentence_index: int
    start: int
    end: int
    pattern_id: str = ""  # the trigger pattern of the counted agreements
    confidence: float = 1.0


@dataclass(frozen=True)
class AmountRecord:
    value: Decimal
    currency: str
    qualifier: AmountQualifier
    raw_text: str
    sentence_index: int
    start: int
    end: int
    agreement_local_id: int | None = None
    pattern_id: str = "amount.money"
    confidence: float = 1.0


@dataclass
class Extraction:
    """Everything extracted from one article (extract's output, resolve's input)."""

    article: CleanArticle
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    organizations: dict[str, OrganizationRecord] = field(default_factory=dict)
    officials: dict[str, OfficialRecord] = field(default_factory=dict)
    visits: list[VisitRecord] = field(default_factory=list)
    agreements: list[AgreementRecord] = field(default_factory=list)
    agreement_counts: list[AgreementCountRecord] = field(default_factory=list)
    amounts: list[AmountRecord] = field(default_factory=list)
    # MinHash of the body (etl/near_duplicates.py), computed with the extraction.
    minhash: bytes | None = None
    # Seconds each stage of the transform took for this article (etl/profile.py).
    stage_seconds: dict[str, float] = field(default_factory=dict)

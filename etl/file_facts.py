"""What the extractor finds in one file, without a database: the rows of ``kbio extract``.

Each fact is one row (kind, what, detail, sentence) so a user can check a new source
before loading it, and a developer can read a miss next to its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etl.ingest import Rejected, read_bytes, stat_source, to_document
from etl.records import EntityRef, Extraction
from etl.reference import load_reference
from etl.transform import transform


@dataclass(frozen=True)
class FactRow:
    kind: str  # metadata, official, organization, visit, agreement, amount
    what: str
    detail: str
    sentence: str
    pattern: str = ""  # the rule that found it (etl/extract/rules/), '' for metadata
    confidence: str = ""  # that rule's precision on the development corpus


COLUMNS = ("kind", "what", "detail", "sentence", "pattern", "confidence")


def _confidence(value: float) -> str:
    return f"{value:.2f}"


def extract_file(path: Path) -> Extraction:
    """Read one file and transform it as a load would (clean → extract → resolve);
    ``Rejected`` if it cannot be an article."""
    source = stat_source(path)
    return transform(to_document(source, read_bytes(source)))


def fact_rows(extraction: Extraction) -> list[FactRow]:
    article = extraction.article
    sentences = {s.index: s.text for s in extraction.sentences}
    orgs = extraction.organizations
    people = extraction.officials

    def org_name(key: str) -> str:
        record = orgs.get(key)
        return record.name_ko if record else key

    def target_name(ref: EntityRef) -> str:
        if ref.kind == "organization":
            return org_name(ref.key)
        place = load_reference().places.get(ref.key)
        return place.name_ko if place else ref.key

    rows = [
        FactRow("metadata", field, str(value) if value is not None else "", "")
        for field, value in (
            ("title", article.title),
            ("publisher", article.publisher),
            ("reporter", article.reporter),
            ("published_on", article.published_on),
        )
    ]
    first_sentence: dict[str, int] = {}
    first_rule: dict[str, tuple[str, str]] = {}
    for mention in extraction.mentions:
        first_sentence.setdefault(mention.entity.key, mention.sentence_index)
        first_rule.setdefault(
            mention.entity.key, (mention.pattern_id, _confidence(mention.confidence))
        )
    for person in people.values():
        affiliation = org_name(person.organization_key) if person.organization_key else ""
        rows.append(
            FactRow(
                "official",
                person.name_ko,
                " ".join(p for p in (person.title_ko, affiliation) if p),
                sentences.get(first_sentence.get(person.person_key, -1), ""),
                *first_rule.get(person.person_key, ("", "")),
            )
        )
    for key, record in orgs.items():
        rows.append(
            FactRow(
                "organization",
                record.name_ko,
                record.org_type + ("" if record.is_resolved else ", unresolved"),
                sentences.get(first_sentence.get(key, -1), ""),
                *first_rule.get(key, ("", "")),
            )
        )
    for visit in extraction.visits:
        who = people[visit.official_key].name_ko if visit.official_key in people else "?"
        when = visit.when.on.isoformat() if visit.when else "no date"
        rows.append(
            FactRow(
                "visit",
                f"{who} → {target_name(visit.target)}",
                f"{visit.status}, {when}",
                sentences.get(visit.sentence_index, ""),
                visit.pattern_id,
                _confidence(visit.confidence),
            )
        )
    for agreement in extraction.agreements:
        parties = " + ".join(org_name(key) for key, _ in agreement.parties)
        when = agreement.when.on.isoformat() if agreement.when else "no date"
        rows.append(
            FactRow(
                "agreement",
                parties,
                f"{agreement.kind}, {agreement.status}, {when}",
                sentences.get(agreement.sentence_index, ""),
                agreement.pattern_id,
                _confidence(agreement.confidence),
            )
        )
    for amount in extraction.amounts:
        rows.append(
            FactRow(
                "amount",
                f"{amount.value} {amount.currency}",
                f"{amount.qualifier}: {amount.raw_text}",
                sentences.get(amount.sentence_index, ""),
                amount.pattern_id,
                _confidence(amount.confidence),
            )
        )
    return rows


__all__ = ["COLUMNS", "FactRow", "Rejected", "extract_file", "fact_rows"]

"""Load: reference data and articles into PostgreSQL.

Every value reaches SQL as a bound parameter. One article is one transaction: the
caller opens it, and an error anywhere leaves nothing of that article behind.
Entity ids are looked up by canonical key and cached for the run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects.postgresql import insert

from etl import EXTRACTOR_VERSION
from etl.models import (
    agreement_counts,
    agreement_parties,
    agreements,
    amounts,
    article_versions,
    articles,
    mentions,
    officials,
    organization_aliases,
    organizations,
    place_aliases,
    places,
    reference_loads,
    sentences,
    visits,
)
from etl.records import Document, EntityRef, Extraction
from etl.reference import Reference

Outcome = Literal["loaded", "replaced", "unchanged"]


def load_reference_data(conn: Connection, reference: Reference, run_id: int) -> bool:
    """Write the reference data unless this exact version is already in; True if written."""
    done = conn.execute(
        select(reference_loads.c.reference_sha256).where(
            reference_loads.c.reference_sha256 == reference.sha256
        )
    ).first()
    if done:
        return False
    place_rows = [
        {
            "canonical_key": p.key,
            "name_ko": p.name_ko,
            "name_en": p.name_en,
            "place_type": p.place_type,
            "country": p.country,
            "is_boston_area": p.is_boston_area,
            "is_resolved": True,
        }
        for p in reference.places.values()
    ]
    stmt = insert(places).values(place_rows)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[places.c.canonical_key],
            set_={c: stmt.excluded[c] for c in place_rows[0] if c != "canonical_key"},
        )
    )
    place_ids = dict(conn.execute(select(places.c.canonical_key, places.c.place_id)).all())
    for place in reference.places.values():
        conn.execute(
            update(places)
            .where(places.c.canonical_key == place.key)
            .values(parent_place_id=place_ids.get(place.parent_key) if place.parent_key else None)
        )
    org_rows = [
        {
            "canonical_key": o.key,
            "name_ko": o.name_ko,
            "name_en": o.name_en,
            "org_type": o.org_type,
            "city": o.city,
            "country": o.country,
            "region_place_id": place_ids.get(o.region_key) if o.region_key else None,
            "is_boston_area": o.is_boston_area,
            "is_resolved": True,
        }
        for o in reference.organizations.values()
    ]
    stmt = insert(organizations).values(org_rows)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[organizations.c.canonical_key],
            set_={c: stmt.excluded[c] for c in org_rows[0] if c != "canonical_key"},
        )
    )
    org_ids = dict(
        conn.execute(
            select(organizations.c.canonical_key, organizations.c.organization_id).where(
                organizations.c.is_resolved
            )
        ).all()
    )
    conn.execute(place_aliases.delete())
    alias_rows = [
        {"place_id": place_ids[p.key], "alias": a}
        for p in reference.places.values()
        for a in sorted(set(p.aliases))
    ]
    conn.execute(insert(place_aliases).values(alias_rows).on_conflict_do_nothing())
    conn.execute(
        organization_aliases.delete().where(
            organization_aliases.c.organization_id.in_(list(org_ids.values()))
        )
    )
    alias_rows = [
        {"organization_id": org_ids[o.key], "alias": a}
        for o in reference.organizations.values()
        for a in sorted(set(o.aliases))
    ]
    conn.execute(insert(organization_aliases).values(alias_rows).on_conflict_do_nothing())
    conn.execute(insert(reference_loads).values(reference_sha256=reference.sha256, run_id=run_id))
    return True


@dataclass(frozen=True)
class ExistingArticle:
    article_id: int
    content_sha256: str


def find_article(conn: Connection, document: Document) -> tuple[ExistingArticle | None, bool]:
    """(the article this document belongs to, whether its content is already current)."""
    same_content = conn.execute(
        select(articles.c.article_id, articles.c.content_sha256).where(
            articles.c.content_sha256 == document.content_sha256
        )
    ).first()
    if same_content:
        return ExistingArticle(*same_content), True
    same_name = conn.execute(
        select(articles.c.article_id, articles.c.content_sha256).where(
            articles.c.source_name == document.source.source_name
        )
    ).first()
    return (ExistingArticle(*same_name) if same_name else None), False


class Loader:
    """Writes extractions; keeps the key → id maps of one run."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self._place_ids: dict[str, int] = {}
        self._org_ids: dict[str, int] = {}
        self._official_ids: dict[str, int] = {}

    def checkpoint(self) -> tuple[dict, dict, dict]:
        return dict(self._place_ids), dict(self._org_ids), dict(self._official_ids)

    def restore(self, state: tuple[dict, dict, dict]) -> None:
        """Forget ids learnt inside a transaction that rolled back."""
        self._place_ids, self._org_ids, self._official_ids = (dict(d) for d in state)

    # -- entities --------------------------------------------------------------

    def _place_id(self, conn: Connection, key: str | None) -> int | None:
        if key is None:
            return None
        if not self._place_ids:
            self._place_ids = dict(
                conn.execute(select(places.c.canonical_key, places.c.place_id)).all()
            )
        return self._place_ids[key]

    def _organization_ids(self, conn: Connection, extraction: Extraction) -> None:
        missing = [k for k in extraction.organizations if k not in self._org_ids]
        if not missing:
            return
        rows = []
        for key in missing:
            record = extraction.organizations[key]
            if record.is_resolved:
                continue
            rows.append(
                {
                    "canonical_key": key,
                    "name_ko": record.name_ko,
                    "name_en": record.name_en,
                    "org_type": record.org_type,
                    "country": record.country,
                    "region_place_id": self._place_id(conn, record.region_key),
                    "is_boston_area": False,
                    "is_resolved": False,
                }
            )
        if rows:
            conn.execute(insert(organizations).values(rows).on_conflict_do_nothing())
        self._org_ids.update(
            conn.execute(
                select(organizations.c.canonical_key, organizations.c.organization_id).where(
                    organizations.c.canonical_key.in_(missing)
                )
            ).all()
        )

    def _official_ids_for(self, conn: Connection, extraction: Extraction) -> None:
        missing = [k for k in extraction.officials if k not in self._official_ids]
        if not missing:
            return
        rows = [
            {
                "person_key": o.person_key,
                "name_ko": o.name_ko,
                "name_en": o.name_en,
                "title_ko": o.title_ko,
                "title_en": o.title_en,
                "organization_id": self._org_ids.get(o.organization_key)
                if o.organization_key
                else None,
                "region_place_id": self._place_id(conn, o.region_key),
            }
            for o in (extraction.officials[k] for k in missing)
        ]
        conn.execute(insert(officials).values(rows).on_conflict_do_nothing())
        self._official_ids.update(
            conn.execute(
                select(officials.c.person_key, officials.c.official_id).where(
                    officials.c.person_key.in_(missing)
                )
            ).all()
        )

    def _entity_columns(self, conn: Connection, ref: EntityRef) -> dict[str, int | None]:
        return {
            "official_id": self._official_ids[ref.key] if ref.kind == "official" else None,
            "organization_id": self._org_ids[ref.key] if ref.kind == "organization" else None,
            "place_id": self._place_id(conn, ref.key) if ref.kind == "place" else None,
        }

    # -- articles --------------------------------------------------------------

    def load(
        self,
        conn: Connection,
        extraction: Extraction,
        existing: ExistingArticle | None,
        run_id: int,
    ) -> Outcome:
        article = extraction.article
        document = article.document
        values = {
            "content_sha256": document.content_sha256,
            "raw_text": document.text,
            "encoding": document.encoding,
            "body": article.body,
            "title": article.title,
            "publisher": article.publisher,
            "reporter": article.reporter,
            "published_on": article.published_on,
            "extractor_version": EXTRACTOR_VERSION,
            "run_id": run_id,
        }
        if existing is None:
            article_id = conn.execute(
                insert(articles)
                .values(source_name=document.source.source_name, **values)
                .returning(articles.c.article_id)
            ).scalar_one()
            outcome: Outcome = "loaded"
        else:
            article_id = existing.article_id
            # A new version replaces the article's facts as a whole.
            conn.execute(sentences.delete().where(sentences.c.article_id == article_id))
            conn.execute(
                update(articles)
                .where(articles.c.article_id == article_id)
                .values(loaded_at=func.now(), **values)
            )
            conn.execute(
                update(article_versions)
                .where(article_versions.c.article_id == article_id)
                .where(article_versions.c.current_to.is_(None))
                .values(current_to=func.now())
            )
            outcome = "replaced"
        conn.execute(
            insert(article_versions)
            .values(
                article_id=article_id,
                content_sha256=document.content_sha256,
                source_name=document.source.source_name,
                run_id=run_id,
            )
            .on_conflict_do_update(
                index_elements=[article_versions.c.article_id, article_versions.c.content_sha256],
                set_={"current_from": func.now(), "current_to": None, "run_id": run_id},
            )
        )
        self.write_facts(conn, article_id, extraction, run_id)
        return outcome

    def reextract(
        self, conn: Connection, extraction: Extraction, existing: ExistingArticle, run_id: int
    ) -> None:
        """New facts for the same content: the article's version history is unchanged."""
        article = extraction.article
        conn.execute(sentences.delete().where(sentences.c.article_id == existing.article_id))
        conn.execute(
            update(articles)
            .where(articles.c.article_id == existing.article_id)
            .values(
                body=article.body,
                title=article.title,
                publisher=article.publisher,
                reporter=article.reporter,
                published_on=article.published_on,
                extractor_version=EXTRACTOR_VERSION,
                run_id=run_id,
            )
        )
        self.write_facts(conn, existing.article_id, extraction, run_id)

    def write_facts(
        self, conn: Connection, article_id: int, extraction: Extraction, run_id: int
    ) -> None:
        self._organization_ids(conn, extraction)
        self._official_ids_for(conn, extraction)
        provenance = {
            "article_id": article_id,
            "extractor_version": EXTRACTOR_VERSION,
            "run_id": run_id,
        }
        sentence_ids: dict[int, int] = {}
        if extraction.sentences:
            rows = conn.execute(
                insert(sentences)
                .values(
                    [
                        {
                            "article_id": article_id,
                            "sentence_index": s.index,
                            "text": s.text,
                            "char_start": s.start,
                            "char_end": s.end,
                        }
                        for s in extraction.sentences
                    ]
                )
                .returning(sentences.c.sentence_index, sentences.c.sentence_id)
            ).all()
            sentence_ids = dict(rows)

        def fact(sentence_index: int, start: int, end: int) -> dict:
            return {
                **provenance,
                "sentence_id": sentence_ids[sentence_index],
                "char_start": start,
                "char_end": end,
            }

        _insert_many(
            conn,
            mentions,
            (
                {
                    **fact(m.sentence_index, m.start, m.end),
                    **self._entity_columns(conn, m.entity),
                    "surface": m.surface,
                }
                for m in extraction.mentions
            ),
        )
        _insert_many(
            conn,
            visits,
            (
                {
                    **fact(v.sentence_index, v.start, v.end),
                    "official_id": self._official_ids[v.official_key],
                    "organization_id": self._org_ids[v.target.key]
                    if v.target.kind == "organization"
                    else None,
                    "place_id": self._place_id(conn, v.target.key)
                    if v.target.kind == "place"
                    else None,
                    "visit_on": v.when.on if v.when else None,
                    "visit_end_on": v.when.end_on if v.when else None,
                    "date_precision": v.when.precision if v.when else None,
                    "status": v.status,
                }
                for v in extraction.visits
            ),
        )
        agreement_ids: dict[int, int] = {}
        for agreement in extraction.agreements:
            agreement_id = conn.execute(
                insert(agreements)
                .values(
                    **fact(agreement.sentence_index, agreement.start, agreement.end),
                    kind=agreement.kind,
                    status=agreement.status,
                    signed_on=agreement.when.on if agreement.when else None,
                    signed_on_precision=agreement.when.precision if agreement.when else None,
                    summary=agreement.summary,
                )
                .returning(agreements.c.agreement_id)
            ).scalar_one()
            agreement_ids[agreement.local_id] = agreement_id
            _insert_many(
                conn,
                agreement_parties,
                (
                    {
                        "agreement_id": agreement_id,
                        "organization_id": self._org_ids[key],
                        "surface": surface,
                    }
                    for key, surface in agreement.parties
                ),
            )
        _insert_many(
            conn,
            agreement_counts,
            (
                {
                    **fact(c.sentence_index, c.start, c.end),
                    "kind": c.kind,
                    "quantity": c.quantity,
                    "raw_text": c.raw_text,
                }
                for c in extraction.agreement_counts
            ),
        )
        _insert_many(
            conn,
            amounts,
            (
                {
                    **fact(a.sentence_index, a.start, a.end),
                    "value": a.value,
                    "currency": a.currency,
                    "qualifier": a.qualifier,
                    "raw_text": a.raw_text,
                    "agreement_id": agreement_ids.get(a.agreement_local_id)
                    if a.agreement_local_id
                    else None,
                }
                for a in extraction.amounts
            ),
        )


def _insert_many(conn: Connection, table, rows: Iterable[dict]) -> None:  # noqa: ANN001
    batch = list(rows)
    if batch:
        conn.execute(insert(table), batch)

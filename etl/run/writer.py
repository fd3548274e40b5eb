"""The writer: reference data and articles into PostgreSQL.

Every value reaches SQL as a bound parameter. One article is one transaction: the
caller opens it, and an error anywhere leaves nothing of that article behind.
Entity ids are looked up by canonical key and cached for the run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, Table, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert

from etl import EXTRACTOR_VERSION
from etl.bulk import copy_rows, reserve_ids
from etl.events.copies import mark_copies
from etl.events.linking import Touched, events_of
from etl.events.linking import queue as queue_for_events
from etl.models import (
    FACT_TABLES,
    article_signatures,
    article_versions,
    articles,
    officials,
    organization_aliases,
    organizations,
    place_aliases,
    places,
    reference_loads,
    sentences,
)
from etl.profile import Profile
from etl.records import Document, EntityRef, Extraction
from etl.reference import load_reference, reference_sha256

Outcome = Literal["loaded", "replaced", "unchanged"]


def _upsert_by_key(conn: Connection, table: Table, rows: list[dict]) -> dict[str, int]:
    """Insert or update rows by canonical_key; returns every key's id."""
    stmt = insert(table)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[table.c.canonical_key],
            set_={c: stmt.excluded[c] for c in rows[0] if c != "canonical_key"},
        ),
        rows,
    )
    id_column = table.primary_key.columns.values()[0]
    return dict(conn.execute(select(table.c.canonical_key, id_column)).all())


def load_reference_data(conn: Connection, run_id: int) -> bool:
    """Write the reference data unless this exact version is already in; True if written.
    The files are parsed only when they must be written."""
    done = conn.execute(
        select(reference_loads.c.reference_sha256).where(
            reference_loads.c.reference_sha256 == reference_sha256()
        )
    ).first()
    if done:
        return False
    reference = load_reference()
    place_ids = _upsert_by_key(
        conn,
        places,
        [
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
        ],
    )
    conn.execute(
        update(places)
        .where(places.c.canonical_key == bindparam("key"))
        .values(parent_place_id=bindparam("parent")),
        [
            {"key": p.key, "parent": place_ids.get(p.parent_key or "")}
            for p in reference.places.values()
        ],
    )
    org_ids = _upsert_by_key(
        conn,
        organizations,
        [
            {
                "canonical_key": o.key,
                "name_ko": o.name_ko,
                "name_en": o.name_en,
                "org_type": o.org_type,
                "city": o.city,
                "country": o.country,
                "region_place_id": place_ids.get(o.region_key or ""),
                "is_boston_area": o.is_boston_area,
                "is_resolved": True,
            }
            for o in reference.organizations.values()
        ],
    )
    reference_org_ids = [org_ids[o.key] for o in reference.organizations.values()]
    conn.execute(place_aliases.delete())
    conn.execute(
        organization_aliases.delete().where(
            organization_aliases.c.organization_id.in_(reference_org_ids)
        )
    )
    conn.execute(
        insert(place_aliases).on_conflict_do_nothing(),
        [
            {"place_id": place_ids[p.key], "alias": a}
            for p in reference.places.values()
            for a in sorted(set(p.aliases))
        ],
    )
    conn.execute(
        insert(organization_aliases).on_conflict_do_nothing(),
        [
            {"organization_id": org_ids[o.key], "alias": a}
            for o in reference.organizations.values()
            for a in sorted(set(o.aliases))
        ],
    )
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
    """Writes extractions; keeps the key → id maps of one run.

    Facts go in with COPY, their ids reserved from the sequences in one query, so a
    batch of articles costs a handful of round trips rather than dozens per article.
    """

    def __init__(self, profile: Profile | None = None) -> None:
        self.profile = profile or Profile()
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

    def _organization_ids(self, conn: Connection, extractions: list[Extraction]) -> None:
        records = _first_records((e.organizations for e in extractions), self._org_ids)
        if not records:
            return
        rows = [
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
            for key, record in sorted(records.items())
            if not record.is_resolved
        ]
        if rows:
            conn.execute(insert(organizations).on_conflict_do_nothing(), rows)
        self._org_ids.update(
            _ids(conn, organizations.c.canonical_key, organizations.c.organization_id, records)
        )

    def _official_ids_for(self, conn: Connection, extractions: list[Extraction]) -> None:
        records = _first_records((e.officials for e in extractions), self._official_ids)
        if not records:
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
            for _, o in sorted(records.items())
        ]
        conn.execute(insert(officials).on_conflict_do_nothing(), rows)
        self._official_ids.update(
            _ids(conn, officials.c.person_key, officials.c.official_id, records)
        )

    def _entity_ids(
        self, conn: Connection, ref: EntityRef
    ) -> tuple[int | None, int | None, int | None]:
        return (
            self._official_ids[ref.key] if ref.kind == "official" else None,
            self._org_ids[ref.key] if ref.kind == "organization" else None,
            self._place_id(conn, ref.key) if ref.kind == "place" else None,
        )

    # -- articles --------------------------------------------------------------

    def load(
        self,
        conn: Connection,
        extraction: Extraction,
        existing: ExistingArticle | None,
        run_id: int,
    ) -> Outcome:
        """One article: a new one, or a new version of ``existing``."""
        if existing is None:
            (article_id,) = self._insert_articles(conn, [extraction], run_id)
            self.write_facts(conn, [(article_id, extraction)], run_id)
            return "loaded"
        document = extraction.article.document
        article_id = existing.article_id
        # A new version replaces the article's facts as a whole, and is compared
        # afresh with the articles it may copy.
        touched = _drop_facts(conn, [article_id])
        conn.execute(
            article_signatures.delete().where(article_signatures.c.article_id == article_id)
        )
        conn.execute(
            update(articles)
            .where(articles.c.article_id == article_id)
            .values(
                loaded_at=func.now(),
                duplicate_of=None,
                duplicate_similarity=None,
                **_article_values(extraction, run_id),
            )
        )
        conn.execute(
            update(article_versions)
            .where(article_versions.c.article_id == article_id)
            .where(article_versions.c.current_to.is_(None))
            .values(current_to=func.now())
        )
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
        self.write_facts(conn, [(article_id, extraction)], run_id, touched)
        return "replaced"

    def load_new_articles(
        self, conn: Connection, batch: list[Extraction], run_id: int
    ) -> list[int]:
        """Many new articles at once (no content or name of theirs is in the database
        or repeated in the batch); returns their ids in order."""
        ids = self._insert_articles(conn, batch, run_id)
        self.write_facts(conn, list(zip(ids, batch, strict=True)), run_id)
        return ids

    def _insert_articles(self, conn: Connection, batch: list[Extraction], run_id: int) -> list[int]:
        ids = reserve_ids(conn, "articles", "article_id", len(batch))
        copy_rows(
            conn,
            "articles",
            ["article_id", "source_name", *_ARTICLE_COLUMNS],
            (
                (
                    article_id,
                    e.article.document.source.source_name,
                    *_article_values(e, run_id).values(),
                )
                for article_id, e in zip(ids, batch, strict=True)
            ),
        )
        copy_rows(
            conn,
            "article_versions",
            ["article_id", "content_sha256", "source_name", "run_id"],
            (
                (
                    article_id,
                    e.article.document.content_sha256,
                    e.article.document.source.source_name,
                    run_id,
                )
                for article_id, e in zip(ids, batch, strict=True)
            ),
        )
        return ids

    def reextract(self, conn: Connection, items: list[tuple[int, Extraction]], run_id: int) -> None:
        """New facts for stored articles (same content, so the version history is
        unchanged): their old facts go with one delete, the new ones with COPY."""
        ids = [article_id for article_id, _ in items]
        touched = _drop_facts(conn, ids)
        conn.execute(
            update(articles)
            .where(articles.c.article_id == bindparam("target_id"))
            .values(
                body=bindparam("body"),
                title=bindparam("title"),
                publisher=bindparam("publisher"),
                reporter=bindparam("reporter"),
                published_on=bindparam("published_on"),
                extractor_version=EXTRACTOR_VERSION,
                run_id=run_id,
            ),
            [
                {
                    "target_id": article_id,
                    "body": e.article.body,
                    "title": e.article.title,
                    "publisher": e.article.publisher,
                    "reporter": e.article.reporter,
                    "published_on": e.article.published_on,
                }
                for article_id, e in items
            ],
        )
        self.write_facts(conn, items, run_id, touched)

    def write_facts(
        self,
        conn: Connection,
        items: list[tuple[int, Extraction]],
        run_id: int,
        touched: Touched | None = None,
    ) -> None:
        """Sentences and every fact of these articles, with COPY; the articles are
        queued for their events in the same transaction (linked by a later drain).

        A near-duplicate copy of an earlier article keeps its sentences (its evidence
        for the events it reports) but adds no fact of its own. ``touched`` names the
        events of facts just replaced, to be recomputed when the queue is drained."""
        touched = touched if touched is not None else Touched()
        with self.profile.stage("signatures and buckets"):
            copies, links = mark_copies(conn, [(i, e.minhash) for i, e in items])
            # A new copy is one more report of its original's events.
            touched.add(events_of(conn, {link.original_id for link in links}))
        extractions = [e for i, e in items if i not in copies]
        self._organization_ids(conn, extractions)
        self._official_ids_for(conn, extractions)
        sentence_ids = iter(
            reserve_ids(conn, "sentences", "sentence_id", sum(len(e.sentences) for _, e in items))
        )
        agreement_ids = iter(
            reserve_ids(
                conn, "agreements", "agreement_id", sum(len(e.agreements) for e in extractions)
            )
        )
        rows: dict[str, list[tuple]] = {name: [] for name in _FACT_COLUMNS}
        for article_id, extraction in items:
            by_index: dict[int, int] = {}
            for s in extraction.sentences:
                by_index[s.index] = next(sentence_ids)
                rows["sentences"].append(
                    (by_index[s.index], article_id, s.index, s.text, s.start, s.end)
                )
            if article_id in copies:
                continue

            def fact(
                sentence_index: int,
                start: int,
                end: int,
                article_id: int = article_id,
                by_index: dict = by_index,
            ) -> tuple:
                return (article_id, by_index[sentence_index], start, end, EXTRACTOR_VERSION, run_id)

            for m in extraction.mentions:
                rows["mentions"].append(
                    (
                        *fact(m.sentence_index, m.start, m.end),
                        *self._entity_ids(conn, m.entity),
                        m.surface,
                        m.pattern_id,
                        m.confidence,
                    )
                )
            for v in extraction.visits:
                organization_id = (
                    self._org_ids[v.target.key] if v.target.kind == "organization" else None
                )
                place_id = self._place_id(conn, v.target.key) if v.target.kind == "place" else None
                rows["visits"].append(
                    (
                        *fact(v.sentence_index, v.start, v.end),
                        self._official_ids[v.official_key],
                        organization_id,
                        place_id,
                        v.when.on if v.when else None,
                        v.when.end_on if v.when else None,
                        v.when.precision if v.when else None,
                        v.status,
                        v.pattern_id,
                        v.confidence,
                    )
                )
            local_ids: dict[int, int] = {}
            for a in extraction.agreements:
                local_ids[a.local_id] = next(agreement_ids)
                rows["agreements"].append(
                    (
                        local_ids[a.local_id],
                        *fact(a.sentence_index, a.start, a.end),
                        a.kind,
                        a.status,
                        a.when.on if a.when else None,
                        a.when.precision if a.when else None,
                        a.summary,
                        a.pattern_id,
                        a.confidence,
                    )
                )
                for key, surface in a.parties:
                    rows["agreement_parties"].append(
                        (local_ids[a.local_id], self._org_ids[key], surface)
                    )
            for c in extraction.agreement_counts:
                rows["agreement_counts"].append(
                    (
                        *fact(c.sentence_index, c.start, c.end),
                        c.kind,
                        c.quantity,
                        c.raw_text,
                        c.pattern_id,
                        c.confidence,
                    )
                )
            for am in extraction.amounts:
                owner = local_ids.get(am.agreement_local_id) if am.agreement_local_id else None
                rows["amounts"].append(
                    (
                        *fact(am.sentence_index, am.start, am.end),
                        am.value,
                        am.currency,
                        am.qualifier,
                        am.raw_text,
                        owner,
                        am.pattern_id,
                        am.confidence,
                    )
                )
        for table, columns in _FACT_COLUMNS.items():
            copy_rows(conn, table, columns, rows[table])
        queue_for_events(conn, [i for i, _ in items if i not in copies], run_id, touched)


def _drop_facts(conn: Connection, article_ids: list[int]) -> Touched:
    """Delete these articles' sentences and, by cascade, every fact; returns the events
    those facts belonged to, to be recomputed (or dropped) with the new facts."""
    touched = events_of(conn, article_ids)
    conn.execute(sentences.delete().where(sentences.c.article_id.in_(article_ids)))
    return touched


def _first_records(per_article: Iterable[dict], known: dict[str, int]) -> dict:
    """Each key not yet known, described by the first article that names it."""
    records: dict = {}
    for mapping in per_article:
        for key, record in mapping.items():
            if key not in known:
                records.setdefault(key, record)
    return records


def _ids(conn: Connection, key_column, id_column, keys: Iterable[str]) -> list:
    return conn.execute(select(key_column, id_column).where(key_column.in_(list(keys)))).all()


def _copied_columns(table: Table) -> list[str]:
    """The columns COPY fills: all but an identity the database assigns (sentences and
    agreements get theirs reserved beforehand, since other rows point at them)."""
    assigned_here = table.name in ("sentences", "agreements")
    return [c.name for c in table.columns if assigned_here or not (c.primary_key and c.identity)]


_FACT_COLUMNS: dict[str, list[str]] = {t.name: _copied_columns(t) for t in FACT_TABLES}
_ARTICLE_COLUMNS = [
    "content_sha256",
    "raw_text",
    "encoding",
    "body",
    "title",
    "publisher",
    "reporter",
    "published_on",
    "extractor_version",
    "run_id",
]


def _article_values(extraction: Extraction, run_id: int) -> dict:
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
    assert list(values) == _ARTICLE_COLUMNS
    return values

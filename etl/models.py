"""The normalized schema, as SQLAlchemy Core tables.

Migrations (``migrations/versions``) are the only thing that creates it; this module
is what the loader writes through and what ``alembic check`` compares against.
Offsets (``char_start``/``char_end``) always index ``articles.body``.
"""

from __future__ import annotations

from typing import get_args

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, BYTEA, REAL

from etl.records import (
    AgreementKind,
    AgreementStatus,
    AmountQualifier,
    DatePrecision,
    VisitStatus,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ORG_TYPES = (
    "university",
    "hospital",
    "research_institute",
    "company",
    "incubator",
    "government",
    "local_government",
    "public_agency",
    "association",
    "investor",
    "other",
)
PLACE_TYPES = (
    "country",
    "state",
    "province",
    "county",
    "municipality",
    "city",
    "town",
    "district",
    "site",
)
VISIT_STATUSES = get_args(VisitStatus)
DATE_PRECISIONS = get_args(DatePrecision)
AGREEMENT_KINDS = get_args(AgreementKind)
AGREEMENT_STATUSES = get_args(AgreementStatus)
AMOUNT_QUALIFIERS = get_args(AmountQualifier)
RUN_STATUSES = ("running", "completed", "failed")
QUARANTINE_STAGES = ("read", "decode", "clean", "extract", "load")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} in ({quoted})"


def _id(name: str) -> Column:
    return Column(name, BigInteger, Identity(always=False), primary_key=True)


def _run_fk(nullable: bool = False) -> Column:
    return Column("run_id", BigInteger, ForeignKey("etl_runs.run_id"), nullable=nullable)


def _span() -> list:
    """Offsets into articles.body, with the rule that they form a non-empty span."""
    return [
        Column("char_start", Integer, nullable=False),
        Column("char_end", Integer, nullable=False),
        CheckConstraint("char_start >= 0 and char_end > char_start", name="span"),
    ]


def _fact_columns() -> list:
    """What every extracted fact carries: its article, sentence, span and provenance."""
    return [
        Column(
            "article_id",
            BigInteger,
            ForeignKey("articles.article_id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        Column(
            "sentence_id",
            BigInteger,
            ForeignKey("sentences.sentence_id", ondelete="CASCADE"),
            nullable=False,
            index=True,  # replacing an article deletes its sentences, cascading here
        ),
        *_span(),
        Column("extractor_version", Text, nullable=False),
        _run_fk(),
    ]


etl_runs = Table(
    "etl_runs",
    metadata,
    _id("run_id"),
    Column("command", Text, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),
    Column("code_version", Text, nullable=False),
    Column("extractor_version", Text, nullable=False),
    Column("kiwi_version", Text),
    Column("kiwi_model_version", Text),
    Column("files_seen", Integer, nullable=False, server_default="0"),
    Column("loaded", Integer, nullable=False, server_default="0"),
    Column("unchanged", Integer, nullable=False, server_default="0"),
    Column("quarantined", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    CheckConstraint(_one_of("status", RUN_STATUSES), name="status"),
)

reference_loads = Table(
    "reference_loads",
    metadata,
    Column("reference_sha256", String(64), primary_key=True),
    Column("loaded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    _run_fk(),
)

places = Table(
    "places",
    metadata,
    _id("place_id"),
    Column("canonical_key", Text, nullable=False, unique=True),
    Column("name_ko", Text, nullable=False),
    Column("name_en", Text),
    Column("place_type", String(16), nullable=False),
    Column("country", String(2)),
    Column("parent_place_id", BigInteger, ForeignKey("places.place_id")),
    Column("is_boston_area", Boolean, nullable=False, server_default="false"),
    Column("is_resolved", Boolean, nullable=False),
    CheckConstraint(_one_of("place_type", PLACE_TYPES), name="place_type"),
)

place_aliases = Table(
    "place_aliases",
    metadata,
    Column(
        "place_id", BigInteger, ForeignKey("places.place_id", ondelete="CASCADE"), nullable=False
    ),
    Column("alias", Text, nullable=False),
    PrimaryKeyConstraint("place_id", "alias"),
)

organizations = Table(
    "organizations",
    metadata,
    _id("organization_id"),
    Column("canonical_key", Text, nullable=False, unique=True),
    Column("name_ko", Text, nullable=False),
    Column("name_en", Text),
    Column("org_type", String(24), nullable=False),
    Column("city", Text),
    Column("country", String(2)),
    Column("region_place_id", BigInteger, ForeignKey("places.place_id")),
    Column("is_boston_area", Boolean, nullable=False, server_default="false"),
    Column("is_resolved", Boolean, nullable=False),
    CheckConstraint(_one_of("org_type", ORG_TYPES), name="org_type"),
)

organization_aliases = Table(
    "organization_aliases",
    metadata,
    Column(
        "organization_id",
        BigInteger,
        ForeignKey("organizations.organization_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("alias", Text, nullable=False),
    PrimaryKeyConstraint("organization_id", "alias"),
)

officials = Table(
    "officials",
    metadata,
    _id("official_id"),
    # name + affiliation: the same name in two institutions is two people.
    Column("person_key", Text, nullable=False, unique=True),
    Column("name_ko", Text, nullable=False),
    Column("name_en", Text),
    Column("title_ko", Text),
    Column("title_en", Text),
    Column("organization_id", BigInteger, ForeignKey("organizations.organization_id")),
    Column("region_place_id", BigInteger, ForeignKey("places.place_id")),
)

articles = Table(
    "articles",
    metadata,
    _id("article_id"),
    # The file name the article first arrived under; a later file of the same name
    # is a new version of this article.
    Column("source_name", Text, nullable=False, unique=True),
    # sha256 of the decoded text as UTF-8, so two encodings of one page are one article.
    Column("content_sha256", String(64), nullable=False, unique=True),
    Column("raw_text", Text, nullable=False),
    Column("encoding", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("title", Text),
    Column("publisher", Text),
    Column("reporter", Text),
    Column("published_on", Date),
    Column("extractor_version", Text, nullable=False),
    _run_fk(),
    Column("loaded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # A syndicated copy or light re-post of an earlier article (etl/near_duplicates.py):
    # kept with its sentences, it adds no fact of its own.
    Column(
        "duplicate_of",
        BigInteger,
        ForeignKey("articles.article_id", ondelete="SET NULL"),
        index=True,
    ),
    Column("duplicate_similarity", REAL),
    CheckConstraint(
        "(duplicate_of is null) = (duplicate_similarity is null) "
        "and duplicate_of is distinct from article_id",
        name="duplicate",
    ),
)

article_versions = Table(
    "article_versions",
    metadata,
    _id("article_version_id"),
    Column(
        "article_id",
        BigInteger,
        ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("content_sha256", String(64), nullable=False),
    Column("source_name", Text, nullable=False),
    Column("current_from", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("current_to", DateTime(timezone=True)),
    _run_fk(),
    UniqueConstraint("article_id", "content_sha256"),
)

source_files = Table(
    "source_files",
    metadata,
    _id("source_file_id"),
    Column("path", Text, nullable=False, unique=True),
    Column("size_bytes", BigInteger, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("bytes_sha256", String(64), nullable=False),
    Column("article_id", BigInteger, ForeignKey("articles.article_id", ondelete="SET NULL")),
    _run_fk(),
)

sentences = Table(
    "sentences",
    metadata,
    _id("sentence_id"),
    Column(
        "article_id",
        BigInteger,
        ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("sentence_index", Integer, nullable=False),
    Column("text", Text, nullable=False),
    *_span(),
    UniqueConstraint("article_id", "sentence_index"),
)

def _provenance() -> tuple[Column, Column]:
    """The rule that produced a fact (a pattern id of etl/extract/rules/) and that rule's
    precision on the development corpus; NULL on facts written before migration 0013."""
    return (Column("pattern_id", String(64)), Column("confidence", REAL))


mentions = Table(
    "mentions",
    metadata,
    _id("mention_id"),
    *_fact_columns(),
    Column("official_id", BigInteger, ForeignKey("officials.official_id"), index=True),
    Column("organization_id", BigInteger, ForeignKey("organizations.organization_id"), index=True),
    Column("place_id", BigInteger, ForeignKey("places.place_id")),
    Column("surface", Text, nullable=False),
    *_provenance(),
    CheckConstraint("num_nonnulls(official_id, organization_id, place_id) = 1", name="one_entity"),
    UniqueConstraint("article_id", "char_start", "char_end"),
)

visits = Table(
    "visits",
    metadata,
    _id("visit_id"),
    *_fact_columns(),
    Column(
        "official_id", BigInteger, ForeignKey("officials.official_id"), nullable=False, index=True
    ),
    Column("organization_id", BigInteger, ForeignKey("organizations.organization_id"), index=True),
    Column("place_id", BigInteger, ForeignKey("places.place_id"), index=True),
    Column("visit_on", Date),
    Column("visit_end_on", Date),
    Column("date_precision", String(8)),
    Column("status", String(16), nullable=False),
    *_provenance(),
    CheckConstraint("num_nonnulls(organization_id, place_id) = 1", name="one_target"),
    CheckConstraint(_one_of("status", VISIT_STATUSES), name="status"),
    CheckConstraint(
        f"(visit_on is null and date_precision is null) or "
        f"(visit_on is not null and {_one_of('date_precision', DATE_PRECISIONS)})",
        name="date_precision",
    ),
    CheckConstraint("visit_end_on is null or visit_end_on >= visit_on", name="date_order"),
    UniqueConstraint(
        "article_id",
        "official_id",
        "organization_id",
        "place_id",
        postgresql_nulls_not_distinct=True,
    ),
)

agreements = Table(
    "agreements",
    metadata,
    _id("agreement_id"),
    *_fact_columns(),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("signed_on", Date),
    Column("signed_on_precision", String(8)),
    Column("summary", Text, nullable=False),
    *_provenance(),
    CheckConstraint(_one_of("kind", AGREEMENT_KINDS), name="kind"),
    CheckConstraint(_one_of("status", AGREEMENT_STATUSES), name="status"),
    CheckConstraint(
        f"(signed_on is null and signed_on_precision is null) or "
        f"(signed_on is not null and {_one_of('signed_on_precision', DATE_PRECISIONS)})",
        name="signed_on_precision",
    ),
)

agreement_parties = Table(
    "agreement_parties",
    metadata,
    Column(
        "agreement_id",
        BigInteger,
        ForeignKey("agreements.agreement_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column(
        "organization_id",
        BigInteger,
        ForeignKey("organizations.organization_id"),
        nullable=False,
        index=True,
    ),
    Column("surface", Text, nullable=False),
    PrimaryKeyConstraint("agreement_id", "organization_id"),
)

agreement_counts = Table(
    "agreement_counts",
    metadata,
    _id("agreement_count_id"),
    *_fact_columns(),
    Column("kind", String(16), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("raw_text", Text, nullable=False),
    *_provenance(),
    CheckConstraint(_one_of("kind", AGREEMENT_KINDS), name="kind"),
    CheckConstraint("quantity > 0", name="quantity_positive"),
)

amounts = Table(
    "amounts",
    metadata,
    _id("amount_id"),
    *_fact_columns(),
    Column("value", Numeric(24, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("raw_text", Text, nullable=False),
    Column(
        "agreement_id",
        BigInteger,
        ForeignKey("agreements.agreement_id", ondelete="SET NULL"),
        index=True,
    ),
    *_provenance(),
    CheckConstraint("value > 0", name="value_positive"),
    CheckConstraint(_one_of("qualifier", AMOUNT_QUALIFIERS), name="qualifier"),
    CheckConstraint("currency ~ '^[A-Z]{3}$'", name="currency_iso"),
)

# What one article's extraction writes, parents first (the order COPY follows).
FACT_TABLES = (
    sentences,
    mentions,
    visits,
    agreements,
    agreement_parties,
    agreement_counts,
    amounts,
)

# -- events: one real-world signing or visit, however many articles report it -------
# Kept by etl/event_linking.py in the load's own transactions; the aggregate columns
# are recomputed by kbio_private.refresh_*_events() for the events a load touched.

article_signatures = Table(
    "article_signatures",
    metadata,
    Column(
        "article_id",
        BigInteger,
        ForeignKey("articles.article_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("minhash", BYTEA, nullable=False),
)

# One row per article and LSH band: two articles sharing a bucket are candidates
# (a B-tree on the bucket, so a batch's lookup stays an index scan as the archive grows).
article_buckets = Table(
    "article_buckets",
    metadata,
    Column("bucket", BigInteger, nullable=False),
    Column(
        "article_id",
        BigInteger,
        ForeignKey("article_signatures.article_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    PrimaryKeyConstraint("bucket", "article_id"),
)


def _event_summary() -> list:
    """What an event knows of the articles reporting it (recomputed, never written)."""
    return [
        Column("first_reported_on", Date),
        Column("last_reported_on", Date),
        Column("article_count", Integer, nullable=False, server_default="0"),
        Column("copy_count", Integer, nullable=False, server_default="0"),
        # The window a new report must fall in: the dates (stated, or else published)
        # of the reports so far.
        Column("anchor_from", Date),
        Column("anchor_to", Date),
        _run_fk(),
    ]


agreement_events = Table(
    "agreement_events",
    metadata,
    _id("agreement_event_id"),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("signed_on", Date),
    Column("signed_on_precision", String(8)),
    # Parties as keys: 'p<place_id>' for a region's government, 'o<organization_id>'.
    Column("party_keys", ARRAY(Text), nullable=False),
    # Every pair of party keys ('a|b', a < b): a report shares a pair with each event
    # it may join, so candidates are found by one indexed lookup per batch.
    Column("party_pairs", ARRAY(Text), nullable=False),
    *_event_summary(),
    # What api_v2 shows of the event's members, stored by the refresh (migration 0015,
    # kbio_private.store_agreement_event_reads) so that a view reads no members: the
    # parties' names in name order, their number, whether they are Korean and
    # Boston-area, their organization ids, and the best report's pattern and precision.
    Column("parties_ko", Text),
    Column("parties_en", Text),
    Column("party_count", Integer, nullable=False, server_default="0"),
    Column("is_korea_boston", Boolean, nullable=False, server_default="false"),
    Column("party_organization_ids", ARRAY(BigInteger), nullable=False, server_default="{}"),
    *_provenance(),
    CheckConstraint(_one_of("kind", AGREEMENT_KINDS), name="kind"),
    CheckConstraint(_one_of("status", AGREEMENT_STATUSES), name="status"),
    Index("ix_agreement_events_party_pairs", "party_pairs", postgresql_using="gin"),
    # The headline view of events reads the signed Korea–Boston events in id order; after
    # a reprocess their rows sit among many emptied pages, which a scan would read
    # (migration 0016).
    Index(
        "ix_agreement_events_signed_korea_boston",
        "agreement_event_id",
        postgresql_where=text("status = 'signed' and is_korea_boston"),
    ),
)

agreement_event_members = Table(
    "agreement_event_members",
    metadata,
    Column(
        "agreement_id",
        BigInteger,
        ForeignKey("agreements.agreement_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column(
        "agreement_event_id",
        BigInteger,
        ForeignKey("agreement_events.agreement_event_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
)

visit_events = Table(
    "visit_events",
    metadata,
    _id("visit_event_id"),
    Column(
        "official_id", BigInteger, ForeignKey("officials.official_id"), nullable=False, index=True
    ),
    Column("organization_id", BigInteger, ForeignKey("organizations.organization_id")),
    Column("place_id", BigInteger, ForeignKey("places.place_id")),
    Column("status", String(16), nullable=False),
    Column("visit_on", Date),
    Column("visit_end_on", Date),
    Column("date_precision", String(8)),
    *_event_summary(),
    # The best report's pattern and precision, stored by the refresh (migration 0015).
    *_provenance(),
    CheckConstraint("num_nonnulls(organization_id, place_id) = 1", name="one_target"),
    CheckConstraint(_one_of("status", VISIT_STATUSES), name="status"),
)

visit_event_members = Table(
    "visit_event_members",
    metadata,
    Column(
        "visit_id",
        BigInteger,
        ForeignKey("visits.visit_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column(
        "visit_event_id",
        BigInteger,
        ForeignKey("visit_events.visit_event_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
)


def _event_articles(kind: str, fact_table: str, fact_id: str, date_column: str) -> Table:
    """Each event's first report (by position) in each article reporting it, and what the
    api_v2 mentions views show of it, stored by the refresh (migration 0015) so that
    they read no members; copies not included. Facts are never updated, only replaced
    (which deletes these rows with them and queues the event for a refresh)."""
    return Table(
        f"{kind}_event_articles",
        metadata,
        Column(
            f"{kind}_event_id",
            BigInteger,
            ForeignKey(f"{kind}_events.{kind}_event_id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("article_id", BigInteger, nullable=False),
        Column(
            fact_id,
            BigInteger,
            ForeignKey(f"{fact_table}.{fact_id}", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        Column("status", String(16), nullable=False),
        Column(date_column, Date),
        Column("sentence_id", BigInteger, nullable=False),
        Column("char_start", Integer, nullable=False),
        Column("char_end", Integer, nullable=False),
        *_provenance(),
        PrimaryKeyConstraint(f"{kind}_event_id", "article_id"),
    )


agreement_event_articles = _event_articles("agreement", "agreements", "agreement_id", "signed_on")
visit_event_articles = _event_articles("visit", "visits", "visit_id", "visit_on")

# -- facts waiting for their events -----------------------------------------------
# A load writes an article's facts and queues the article here in one transaction;
# its events are linked later, for many batches at once (etl.events.linking.drain),
# and the row goes in that transaction. The queue is empty after every completed run;
# rows left by a run that was killed are drained first by the next one.
event_link_queue = Table(
    "event_link_queue",
    metadata,
    Column(
        "article_id",
        BigInteger,
        ForeignKey("articles.article_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    _run_fk(),
)

# Events whose reports changed (facts replaced, a new copy of a reporting article):
# their summaries are recomputed, or the events dropped, when the queue is drained.
event_refresh_queue = Table(
    "event_refresh_queue",
    metadata,
    Column("event_kind", String(16), nullable=False),
    Column("event_id", BigInteger, nullable=False),
    PrimaryKeyConstraint("event_kind", "event_id"),
    CheckConstraint("event_kind in ('agreement', 'visit')", name="event_kind"),
)

quarantine = Table(
    "quarantine",
    metadata,
    _id("quarantine_id"),
    _run_fk(),
    Column("source_name", Text, nullable=False),
    Column("source_path", Text, nullable=False),
    Column("bytes_sha256", String(64)),
    Column("size_bytes", BigInteger),
    Column("stage", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    # Kept so nothing is lost: a file fixed upstream can be compared with what we got.
    Column("raw_bytes", LargeBinary),
    Column("quarantined_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint(_one_of("stage", QUARANTINE_STAGES), name="stage"),
    UniqueConstraint("source_path", "bytes_sha256", postgresql_nulls_not_distinct=True),
)

# Held in EXCLUSIVE mode by the running load (see migration 0006): a private schema so
# that no other role can name it, let alone lock it.
load_lock = Table(
    "load_lock",
    metadata,
    Column("lock_id", SmallInteger, primary_key=True, autoincrement=False),
    schema="kbio_private",
    comment="Held in EXCLUSIVE mode by the running load; never has rows.",
)

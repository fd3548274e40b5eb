"""base tables: articles, entities, facts, run log, quarantine

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 03:31:04.450688
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('etl_runs',
    sa.Column('run_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('command', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('code_version', sa.Text(), nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('kiwi_version', sa.Text(), nullable=True),
    sa.Column('kiwi_model_version', sa.Text(), nullable=True),
    sa.Column('files_seen', sa.Integer(), server_default='0', nullable=False),
    sa.Column('loaded', sa.Integer(), server_default='0', nullable=False),
    sa.Column('unchanged', sa.Integer(), server_default='0', nullable=False),
    sa.Column('quarantined', sa.Integer(), server_default='0', nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.CheckConstraint("status in ('running', 'completed', 'failed')", name=op.f('ck_etl_runs_status')),
    sa.PrimaryKeyConstraint('run_id', name=op.f('pk_etl_runs'))
    )
    op.create_table('places',
    sa.Column('place_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('canonical_key', sa.Text(), nullable=False),
    sa.Column('name_ko', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('place_type', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('parent_place_id', sa.BigInteger(), nullable=True),
    sa.Column('is_boston_area', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('is_resolved', sa.Boolean(), nullable=False),
    sa.CheckConstraint("place_type in ('country', 'state', 'province', 'municipality', 'city', 'district', 'site')", name=op.f('ck_places_place_type')),
    sa.ForeignKeyConstraint(['parent_place_id'], ['places.place_id'], name=op.f('fk_places_parent_place_id_places')),
    sa.PrimaryKeyConstraint('place_id', name=op.f('pk_places')),
    sa.UniqueConstraint('canonical_key', name=op.f('uq_places_canonical_key'))
    )
    op.create_table('articles',
    sa.Column('article_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('raw_text', sa.Text(), nullable=False),
    sa.Column('encoding', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('reporter', sa.Text(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_articles_run_id_etl_runs')),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_sha256', name=op.f('uq_articles_content_sha256')),
    sa.UniqueConstraint('source_name', name=op.f('uq_articles_source_name'))
    )
    op.create_table('organizations',
    sa.Column('organization_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('canonical_key', sa.Text(), nullable=False),
    sa.Column('name_ko', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('org_type', sa.String(length=24), nullable=False),
    sa.Column('city', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('region_place_id', sa.BigInteger(), nullable=True),
    sa.Column('is_boston_area', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('is_resolved', sa.Boolean(), nullable=False),
    sa.CheckConstraint("org_type in ('university', 'hospital', 'research_institute', 'company', 'incubator', 'government', 'local_government', 'public_agency', 'association', 'investor', 'other')", name=op.f('ck_organizations_org_type')),
    sa.ForeignKeyConstraint(['region_place_id'], ['places.place_id'], name=op.f('fk_organizations_region_place_id_places')),
    sa.PrimaryKeyConstraint('organization_id', name=op.f('pk_organizations')),
    sa.UniqueConstraint('canonical_key', name=op.f('uq_organizations_canonical_key'))
    )
    op.create_table('place_aliases',
    sa.Column('place_id', sa.BigInteger(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['places.place_id'], name=op.f('fk_place_aliases_place_id_places'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('place_id', 'alias', name=op.f('pk_place_aliases'))
    )
    op.create_table('quarantine',
    sa.Column('quarantine_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('bytes_sha256', sa.String(length=64), nullable=True),
    sa.Column('size_bytes', sa.BigInteger(), nullable=True),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('raw_bytes', sa.LargeBinary(), nullable=True),
    sa.Column('quarantined_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("stage in ('read', 'decode', 'clean', 'extract', 'load')", name=op.f('ck_quarantine_stage')),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_quarantine_run_id_etl_runs')),
    sa.PrimaryKeyConstraint('quarantine_id', name=op.f('pk_quarantine')),
    sa.UniqueConstraint('source_path', 'bytes_sha256', name=op.f('uq_quarantine_source_path_bytes_sha256'), postgresql_nulls_not_distinct=True)
    )
    op.create_table('reference_loads',
    sa.Column('reference_sha256', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_reference_loads_run_id_etl_runs')),
    sa.PrimaryKeyConstraint('reference_sha256', name=op.f('pk_reference_loads'))
    )
    op.create_table('article_versions',
    sa.Column('article_version_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('current_from', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('current_to', sa.DateTime(timezone=True), nullable=True),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_article_versions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_article_versions_run_id_etl_runs')),
    sa.PrimaryKeyConstraint('article_version_id', name=op.f('pk_article_versions')),
    sa.UniqueConstraint('article_id', 'content_sha256', name=op.f('uq_article_versions_article_id_content_sha256'))
    )
    op.create_table('officials',
    sa.Column('official_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('person_key', sa.Text(), nullable=False),
    sa.Column('name_ko', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('title_ko', sa.Text(), nullable=True),
    sa.Column('title_en', sa.Text(), nullable=True),
    sa.Column('organization_id', sa.BigInteger(), nullable=True),
    sa.Column('region_place_id', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.organization_id'], name=op.f('fk_officials_organization_id_organizations')),
    sa.ForeignKeyConstraint(['region_place_id'], ['places.place_id'], name=op.f('fk_officials_region_place_id_places')),
    sa.PrimaryKeyConstraint('official_id', name=op.f('pk_officials')),
    sa.UniqueConstraint('person_key', name=op.f('uq_officials_person_key'))
    )
    op.create_table('organization_aliases',
    sa.Column('organization_id', sa.BigInteger(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.organization_id'], name=op.f('fk_organization_aliases_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organization_id', 'alias', name=op.f('pk_organization_aliases'))
    )
    op.create_table('sentences',
    sa.Column('sentence_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('sentence_index', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_sentences_span')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_sentences_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sentence_id', name=op.f('pk_sentences')),
    sa.UniqueConstraint('article_id', 'sentence_index', name=op.f('uq_sentences_article_id_sentence_index'))
    )
    op.create_table('source_files',
    sa.Column('source_file_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('mtime_ns', sa.BigInteger(), nullable=False),
    sa.Column('bytes_sha256', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=True),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_source_files_article_id_articles'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_source_files_run_id_etl_runs')),
    sa.PrimaryKeyConstraint('source_file_id', name=op.f('pk_source_files')),
    sa.UniqueConstraint('path', name=op.f('uq_source_files_path'))
    )
    op.create_table('agreement_counts',
    sa.Column('agreement_count_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('sentence_id', sa.BigInteger(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('raw_text', sa.Text(), nullable=False),
    sa.CheckConstraint("kind in ('mou', 'contract', 'cooperation')", name=op.f('ck_agreement_counts_kind')),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_agreement_counts_span')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_agreement_counts_quantity_positive')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_agreement_counts_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_agreement_counts_run_id_etl_runs')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_agreement_counts_sentence_id_sentences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agreement_count_id', name=op.f('pk_agreement_counts'))
    )
    op.create_index(op.f('ix_agreement_counts_article_id'), 'agreement_counts', ['article_id'], unique=False)
    op.create_table('agreements',
    sa.Column('agreement_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('sentence_id', sa.BigInteger(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('signed_on_precision', sa.String(length=8), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.CheckConstraint("(signed_on is null and signed_on_precision is null) or (signed_on is not null and signed_on_precision in ('day', 'month', 'year'))", name=op.f('ck_agreements_signed_on_precision')),
    sa.CheckConstraint("kind in ('mou', 'contract', 'cooperation')", name=op.f('ck_agreements_kind')),
    sa.CheckConstraint("status in ('signed', 'planned', 'agreed')", name=op.f('ck_agreements_status')),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_agreements_span')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_agreements_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_agreements_run_id_etl_runs')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_agreements_sentence_id_sentences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agreement_id', name=op.f('pk_agreements'))
    )
    op.create_index(op.f('ix_agreements_article_id'), 'agreements', ['article_id'], unique=False)
    op.create_table('mentions',
    sa.Column('mention_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('sentence_id', sa.BigInteger(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('official_id', sa.BigInteger(), nullable=True),
    sa.Column('organization_id', sa.BigInteger(), nullable=True),
    sa.Column('place_id', sa.BigInteger(), nullable=True),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_mentions_span')),
    sa.CheckConstraint('num_nonnulls(official_id, organization_id, place_id) = 1', name=op.f('ck_mentions_one_entity')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['official_id'], ['officials.official_id'], name=op.f('fk_mentions_official_id_officials')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.organization_id'], name=op.f('fk_mentions_organization_id_organizations')),
    sa.ForeignKeyConstraint(['place_id'], ['places.place_id'], name=op.f('fk_mentions_place_id_places')),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_mentions_run_id_etl_runs')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_mentions_sentence_id_sentences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mention_id', name=op.f('pk_mentions')),
    sa.UniqueConstraint('article_id', 'char_start', 'char_end', name=op.f('uq_mentions_article_id_char_start_char_end'))
    )
    op.create_index(op.f('ix_mentions_article_id'), 'mentions', ['article_id'], unique=False)
    op.create_table('visits',
    sa.Column('visit_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('sentence_id', sa.BigInteger(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('official_id', sa.BigInteger(), nullable=False),
    sa.Column('organization_id', sa.BigInteger(), nullable=True),
    sa.Column('place_id', sa.BigInteger(), nullable=True),
    sa.Column('visit_on', sa.Date(), nullable=True),
    sa.Column('visit_end_on', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.CheckConstraint("(visit_on is null and date_precision is null) or (visit_on is not null and date_precision in ('day', 'month', 'year'))", name=op.f('ck_visits_date_precision')),
    sa.CheckConstraint("status in ('completed', 'planned')", name=op.f('ck_visits_status')),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_visits_span')),
    sa.CheckConstraint('num_nonnulls(organization_id, place_id) = 1', name=op.f('ck_visits_one_target')),
    sa.CheckConstraint('visit_end_on is null or visit_end_on >= visit_on', name=op.f('ck_visits_date_order')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_visits_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['official_id'], ['officials.official_id'], name=op.f('fk_visits_official_id_officials')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.organization_id'], name=op.f('fk_visits_organization_id_organizations')),
    sa.ForeignKeyConstraint(['place_id'], ['places.place_id'], name=op.f('fk_visits_place_id_places')),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_visits_run_id_etl_runs')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_visits_sentence_id_sentences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_visits')),
    sa.UniqueConstraint('article_id', 'official_id', 'organization_id', 'place_id', name=op.f('uq_visits_article_id_official_id_organization_id_place_id'), postgresql_nulls_not_distinct=True)
    )
    op.create_index(op.f('ix_visits_article_id'), 'visits', ['article_id'], unique=False)
    op.create_table('agreement_parties',
    sa.Column('agreement_id', sa.BigInteger(), nullable=False),
    sa.Column('organization_id', sa.BigInteger(), nullable=False),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.agreement_id'], name=op.f('fk_agreement_parties_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.organization_id'], name=op.f('fk_agreement_parties_organization_id_organizations')),
    sa.PrimaryKeyConstraint('agreement_id', 'organization_id', name=op.f('pk_agreement_parties'))
    )
    op.create_index(op.f('ix_agreement_parties_organization_id'), 'agreement_parties', ['organization_id'], unique=False)
    op.create_table('amounts',
    sa.Column('amount_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('sentence_id', sa.BigInteger(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('value', sa.Numeric(precision=24, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('qualifier', sa.String(length=16), nullable=False),
    sa.Column('raw_text', sa.Text(), nullable=False),
    sa.Column('agreement_id', sa.BigInteger(), nullable=True),
    sa.CheckConstraint("currency ~ '^[A-Z]{3}$'", name=op.f('ck_amounts_currency_iso')),
    sa.CheckConstraint("qualifier in ('exact', 'approx', 'at_least', 'at_most')", name=op.f('ck_amounts_qualifier')),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_amounts_span')),
    sa.CheckConstraint('value > 0', name=op.f('ck_amounts_value_positive')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.agreement_id'], name=op.f('fk_amounts_agreement_id_agreements'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_amounts_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['etl_runs.run_id'], name=op.f('fk_amounts_run_id_etl_runs')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_amounts_sentence_id_sentences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('amount_id', name=op.f('pk_amounts'))
    )
    op.create_index(op.f('ix_amounts_article_id'), 'amounts', ['article_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_amounts_article_id'), table_name='amounts')
    op.drop_table('amounts')
    op.drop_index(op.f('ix_agreement_parties_organization_id'), table_name='agreement_parties')
    op.drop_table('agreement_parties')
    op.drop_index(op.f('ix_visits_article_id'), table_name='visits')
    op.drop_table('visits')
    op.drop_index(op.f('ix_mentions_article_id'), table_name='mentions')
    op.drop_table('mentions')
    op.drop_index(op.f('ix_agreements_article_id'), table_name='agreements')
    op.drop_table('agreements')
    op.drop_index(op.f('ix_agreement_counts_article_id'), table_name='agreement_counts')
    op.drop_table('agreement_counts')
    op.drop_table('source_files')
    op.drop_table('sentences')
    op.drop_table('organization_aliases')
    op.drop_table('officials')
    op.drop_table('article_versions')
    op.drop_table('reference_loads')
    op.drop_table('quarantine')
    op.drop_table('place_aliases')
    op.drop_table('organizations')
    op.drop_table('articles')
    op.drop_table('places')
    op.drop_table('etl_runs')

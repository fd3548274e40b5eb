"""indexes for cascades and views: every fact's sentence_id (replacing an article
deletes its sentences), the visit and mention entity columns, agreement status

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 04:16:22.241515
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_agreement_counts_sentence_id'), 'agreement_counts', ['sentence_id'], unique=False)
    op.create_index(op.f('ix_agreements_sentence_id'), 'agreements', ['sentence_id'], unique=False)
    op.create_index(op.f('ix_agreements_status'), 'agreements', ['status'], unique=False)
    op.create_index(op.f('ix_amounts_agreement_id'), 'amounts', ['agreement_id'], unique=False)
    op.create_index(op.f('ix_amounts_sentence_id'), 'amounts', ['sentence_id'], unique=False)
    op.create_index(op.f('ix_mentions_official_id'), 'mentions', ['official_id'], unique=False)
    op.create_index(op.f('ix_mentions_organization_id'), 'mentions', ['organization_id'], unique=False)
    op.create_index(op.f('ix_mentions_sentence_id'), 'mentions', ['sentence_id'], unique=False)
    op.create_index(op.f('ix_visits_official_id'), 'visits', ['official_id'], unique=False)
    op.create_index(op.f('ix_visits_organization_id'), 'visits', ['organization_id'], unique=False)
    op.create_index(op.f('ix_visits_place_id'), 'visits', ['place_id'], unique=False)
    op.create_index(op.f('ix_visits_sentence_id'), 'visits', ['sentence_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_visits_sentence_id'), table_name='visits')
    op.drop_index(op.f('ix_visits_place_id'), table_name='visits')
    op.drop_index(op.f('ix_visits_organization_id'), table_name='visits')
    op.drop_index(op.f('ix_visits_official_id'), table_name='visits')
    op.drop_index(op.f('ix_mentions_sentence_id'), table_name='mentions')
    op.drop_index(op.f('ix_mentions_organization_id'), table_name='mentions')
    op.drop_index(op.f('ix_mentions_official_id'), table_name='mentions')
    op.drop_index(op.f('ix_amounts_sentence_id'), table_name='amounts')
    op.drop_index(op.f('ix_amounts_agreement_id'), table_name='amounts')
    op.drop_index(op.f('ix_agreements_status'), table_name='agreements')
    op.drop_index(op.f('ix_agreements_sentence_id'), table_name='agreements')
    op.drop_index(op.f('ix_agreement_counts_sentence_id'), table_name='agreement_counts')

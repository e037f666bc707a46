"""index self-scoring: criteria sets, score sheets per reporting period, self-scores, evidence

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28 15:31:00.677133
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('criteria_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('is_sample', sa.Boolean(), nullable=False),
    sa.Column('source_name', sa.String(length=255), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('loaded_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['loaded_by_id'], ['users.id'], name=op.f('fk_criteria_sets_loaded_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_criteria_sets_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria_sets')),
    sa.UniqueConstraint('organization_id', 'name', name=op.f('uq_criteria_sets_organization_id_name'))
    )
    with op.batch_alter_table('criteria_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_sets_organization_id'), ['organization_id'], unique=False)

    op.create_table('index_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('area_number', sa.Integer(), nullable=False),
    sa.Column('area_title', sa.String(length=500), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('parent_code', sa.String(length=40), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('max_points', sa.Float(), nullable=False),
    sa.Column('applies', sa.Boolean(), nullable=False),
    sa.Column('guidance', sa.Text(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['set_id'], ['criteria_sets.id'], name=op.f('fk_index_criteria_set_id_criteria_sets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_index_criteria')),
    sa.UniqueConstraint('set_id', 'code', name=op.f('uq_index_criteria_set_id_code'))
    )
    with op.batch_alter_table('index_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_index_criteria_set_id'), ['set_id'], unique=False)

    op.create_table('score_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('difficulties', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_score_sheets_approved_by_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_score_sheets_created_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_score_sheets_organization_id_organizations')),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_periods.id'], name=op.f('fk_score_sheets_period_id_reporting_periods')),
    sa.ForeignKeyConstraint(['set_id'], ['criteria_sets.id'], name=op.f('fk_score_sheets_set_id_criteria_sets')),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['users.id'], name=op.f('fk_score_sheets_submitted_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_sheets')),
    sa.UniqueConstraint('organization_id', 'set_id', 'period_id', name=op.f('uq_score_sheets_organization_id_set_id_period_id'))
    )
    with op.batch_alter_table('score_sheets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_sheets_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheets_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheets_set_id'), ['set_id'], unique=False)

    op.create_table('self_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('scored_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['index_criteria.id'], name=op.f('fk_self_scores_criterion_id_index_criteria')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_self_scores_organization_id_organizations')),
    sa.ForeignKeyConstraint(['scored_by_id'], ['users.id'], name=op.f('fk_self_scores_scored_by_id_users')),
    sa.ForeignKeyConstraint(['sheet_id'], ['score_sheets.id'], name=op.f('fk_self_scores_sheet_id_score_sheets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_scores')),
    sa.UniqueConstraint('sheet_id', 'criterion_id', name=op.f('uq_self_scores_sheet_id_criterion_id'))
    )
    with op.batch_alter_table('self_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_scores_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_scores_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_scores_sheet_id'), ['sheet_id'], unique=False)

    op.create_table('self_score_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('score_id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_self_score_evidence_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['score_id'], ['self_scores.id'], name=op.f('fk_self_score_evidence_score_id_self_scores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_score_evidence')),
    sa.UniqueConstraint('score_id', 'evidence_id', name=op.f('uq_self_score_evidence_score_id_evidence_id'))
    )
    with op.batch_alter_table('self_score_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_score_evidence_evidence_id'), ['evidence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_score_evidence_score_id'), ['score_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('self_score_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_score_evidence_score_id'))
        batch_op.drop_index(batch_op.f('ix_self_score_evidence_evidence_id'))

    op.drop_table('self_score_evidence')
    with op.batch_alter_table('self_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_scores_sheet_id'))
        batch_op.drop_index(batch_op.f('ix_self_scores_organization_id'))
        batch_op.drop_index(batch_op.f('ix_self_scores_criterion_id'))

    op.drop_table('self_scores')
    with op.batch_alter_table('score_sheets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_sheets_set_id'))
        batch_op.drop_index(batch_op.f('ix_score_sheets_period_id'))
        batch_op.drop_index(batch_op.f('ix_score_sheets_organization_id'))

    op.drop_table('score_sheets')
    with op.batch_alter_table('index_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_index_criteria_set_id'))

    op.drop_table('index_criteria')
    with op.batch_alter_table('criteria_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_sets_organization_id'))

    op.drop_table('criteria_sets')

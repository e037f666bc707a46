"""period reports and management reviews

Revision ID: 0010
Revises: 0007
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0010'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('management_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('secretary_id', sa.Integer(), nullable=True),
    sa.Column('participants', sa.JSON(), nullable=False),
    sa.Column('window_start', sa.Date(), nullable=False),
    sa.Column('window_end', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('held_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('held_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_management_reviews_approved_by_id_users')),
    sa.ForeignKeyConstraint(['chair_id'], ['users.id'], name=op.f('fk_management_reviews_chair_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_management_reviews_created_by_id_users')),
    sa.ForeignKeyConstraint(['held_by_id'], ['users.id'], name=op.f('fk_management_reviews_held_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_management_reviews_organization_id_organizations')),
    sa.ForeignKeyConstraint(['secretary_id'], ['users.id'], name=op.f('fk_management_reviews_secretary_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_management_reviews'))
    )
    with op.batch_alter_table('management_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_management_reviews_org_date', ['organization_id', 'meeting_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_management_reviews_organization_id'), ['organization_id'], unique=False)

    op.create_table('management_review_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_note', sa.Text(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['done_by_id'], ['users.id'], name=op.f('fk_management_review_actions_done_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_management_review_actions_organization_id_organizations')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_management_review_actions_owner_id_users')),
    sa.ForeignKeyConstraint(['review_id'], ['management_reviews.id'], name=op.f('fk_management_review_actions_review_id_management_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_management_review_actions')),
    sa.UniqueConstraint('review_id', 'ordinal', name=op.f('uq_management_review_actions_review_id_ordinal'))
    )
    with op.batch_alter_table('management_review_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_management_review_actions_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index('ix_management_review_actions_owner_status', ['owner_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_management_review_actions_review_id'), ['review_id'], unique=False)

    op.create_table('management_review_inputs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('headers', sa.JSON(), nullable=False),
    sa.Column('rows', sa.JSON(), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('assessment', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_management_review_inputs_organization_id_organizations')),
    sa.ForeignKeyConstraint(['review_id'], ['management_reviews.id'], name=op.f('fk_management_review_inputs_review_id_management_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_management_review_inputs')),
    sa.UniqueConstraint('review_id', 'ordinal', name=op.f('uq_management_review_inputs_review_id_ordinal'))
    )
    with op.batch_alter_table('management_review_inputs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_management_review_inputs_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_management_review_inputs_review_id'), ['review_id'], unique=False)

    op.create_table('period_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('general_assessment', sa.Text(), nullable=False),
    sa.Column('difficulties', sa.Text(), nullable=False),
    sa.Column('next_tasks', sa.Text(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_period_reports_organization_id_organizations')),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_periods.id'], name=op.f('fk_period_reports_period_id_reporting_periods')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_period_reports_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_reports')),
    sa.UniqueConstraint('organization_id', 'period_id', name=op.f('uq_period_reports_organization_id_period_id'))
    )
    with op.batch_alter_table('period_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_reports_organization_id'), ['organization_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('period_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_period_reports_organization_id'))

    op.drop_table('period_reports')
    with op.batch_alter_table('management_review_inputs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_management_review_inputs_review_id'))
        batch_op.drop_index(batch_op.f('ix_management_review_inputs_organization_id'))

    op.drop_table('management_review_inputs')
    with op.batch_alter_table('management_review_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_management_review_actions_review_id'))
        batch_op.drop_index('ix_management_review_actions_owner_status')
        batch_op.drop_index(batch_op.f('ix_management_review_actions_organization_id'))

    op.drop_table('management_review_actions')
    with op.batch_alter_table('management_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_management_reviews_organization_id'))
        batch_op.drop_index('ix_management_reviews_org_date')

    op.drop_table('management_reviews')

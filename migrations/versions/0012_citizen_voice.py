"""citizen voice: satisfaction surveys per reporting period and their criteria, citizen feedback

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 02:34:43.285047
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('citizen_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('citizen', sa.String(length=200), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('handler_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_citizen_feedback_answered_by_id_users')),
    sa.ForeignKeyConstraint(['handler_id'], ['users.id'], name=op.f('fk_citizen_feedback_handler_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_citizen_feedback_organization_id_organizations')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_citizen_feedback_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_citizen_feedback_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizen_feedback'))
    )
    with op.batch_alter_table('citizen_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citizen_feedback_handler_id'), ['handler_id'], unique=False)
        batch_op.create_index('ix_citizen_feedback_org_received', ['organization_id', 'received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_citizen_feedback_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citizen_feedback_unit_id'), ['unit_id'], unique=False)

    op.create_table('satisfaction_surveys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_satisfaction_surveys_organization_id_organizations')),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_periods.id'], name=op.f('fk_satisfaction_surveys_period_id_reporting_periods')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_satisfaction_surveys_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_satisfaction_surveys')),
    sa.UniqueConstraint('organization_id', 'period_id', name=op.f('uq_satisfaction_surveys_organization_id_period_id'))
    )
    with op.batch_alter_table('satisfaction_surveys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_satisfaction_surveys_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_satisfaction_surveys_period_id'), ['period_id'], unique=False)

    op.create_table('satisfaction_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.String(length=300), nullable=False),
    sa.Column('responses', sa.Integer(), nullable=False),
    sa.Column('satisfied', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_satisfaction_criteria_organization_id_organizations')),
    sa.ForeignKeyConstraint(['survey_id'], ['satisfaction_surveys.id'], name=op.f('fk_satisfaction_criteria_survey_id_satisfaction_surveys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_satisfaction_criteria')),
    sa.UniqueConstraint('survey_id', 'criterion', name=op.f('uq_satisfaction_criteria_survey_id_criterion'))
    )
    with op.batch_alter_table('satisfaction_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_satisfaction_criteria_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_satisfaction_criteria_survey_id'), ['survey_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('satisfaction_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_satisfaction_criteria_survey_id'))
        batch_op.drop_index(batch_op.f('ix_satisfaction_criteria_organization_id'))

    op.drop_table('satisfaction_criteria')
    with op.batch_alter_table('satisfaction_surveys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_satisfaction_surveys_period_id'))
        batch_op.drop_index(batch_op.f('ix_satisfaction_surveys_organization_id'))

    op.drop_table('satisfaction_surveys')
    with op.batch_alter_table('citizen_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citizen_feedback_unit_id'))
        batch_op.drop_index(batch_op.f('ix_citizen_feedback_organization_id'))
        batch_op.drop_index('ix_citizen_feedback_org_received')
        batch_op.drop_index(batch_op.f('ix_citizen_feedback_handler_id'))

    op.drop_table('citizen_feedback')

"""nonconformities

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 04:04:53.057559
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('nc_counters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_nc_counters_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nc_counters')),
    sa.UniqueConstraint('organization_id', 'year', name=op.f('uq_nc_counters_organization_id_year'))
    )
    with op.batch_alter_table('nc_counters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nc_counters_organization_id'), ['organization_id'], unique=False)

    op.create_table('nc_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number_prefix', sa.String(length=10), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_nc_settings_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nc_settings')),
    sa.UniqueConstraint('organization_id', name=op.f('uq_nc_settings_organization_id'))
    )
    with op.batch_alter_table('nc_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nc_settings_organization_id'), ['organization_id'], unique=False)

    op.create_table('nonconformities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('source_type', sa.String(length=40), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('procedure_text', sa.String(length=300), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('clause', sa.String(length=12), nullable=False),
    sa.Column('found_by_id', sa.Integer(), nullable=True),
    sa.Column('found_by_name', sa.String(length=160), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('grade', sa.String(length=20), nullable=False),
    sa.Column('correction', sa.Text(), nullable=False),
    sa.Column('consequences', sa.Text(), nullable=False),
    sa.Column('why_chain', sa.JSON(), nullable=False),
    sa.Column('cause_category', sa.String(length=20), nullable=False),
    sa.Column('root_cause', sa.Text(), nullable=False),
    sa.Column('similar_exist', sa.Boolean(), nullable=True),
    sa.Column('similar_note', sa.Text(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('recurrence_of_id', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('cancelled_on', sa.Date(), nullable=True),
    sa.Column('cancelled_by_id', sa.Integer(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cancelled_by_id'], ['users.id'], name=op.f('fk_nonconformities_cancelled_by_id_users')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_nonconformities_closed_by_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_nonconformities_created_by_id_users')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_nonconformities_document_id_documents')),
    sa.ForeignKeyConstraint(['found_by_id'], ['users.id'], name=op.f('fk_nonconformities_found_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_nonconformities_organization_id_organizations')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_nonconformities_owner_id_users')),
    sa.ForeignKeyConstraint(['recurrence_of_id'], ['nonconformities.id'], name=op.f('fk_nonconformities_recurrence_of_id_nonconformities')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_nonconformities_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nonconformities')),
    sa.UniqueConstraint('organization_id', 'number', name=op.f('uq_nonconformities_organization_id_number'))
    )
    with op.batch_alter_table('nonconformities', schema=None) as batch_op:
        batch_op.create_index('ix_nonconformities_org_status', ['organization_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_nonconformities_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nonconformities_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_nonconformities_source', ['source_type', 'source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nonconformities_unit_id'), ['unit_id'], unique=False)

    op.create_table('corrective_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonconformity_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('owner_unit_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_note', sa.Text(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_corrective_actions_created_by_id_users')),
    sa.ForeignKeyConstraint(['done_by_id'], ['users.id'], name=op.f('fk_corrective_actions_done_by_id_users')),
    sa.ForeignKeyConstraint(['nonconformity_id'], ['nonconformities.id'], name=op.f('fk_corrective_actions_nonconformity_id_nonconformities')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_corrective_actions_organization_id_organizations')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_corrective_actions_owner_id_users')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['units.id'], name=op.f('fk_corrective_actions_owner_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrective_actions'))
    )
    with op.batch_alter_table('corrective_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrective_actions_nonconformity_id'), ['nonconformity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrective_actions_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index('ix_corrective_actions_owner_status', ['owner_id', 'status'], unique=False)

    op.create_table('nc_verifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonconformity_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('verified_on', sa.Date(), nullable=False),
    sa.Column('verifier_id', sa.Integer(), nullable=True),
    sa.Column('verifier_name', sa.String(length=160), nullable=False),
    sa.Column('effective', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['nonconformity_id'], ['nonconformities.id'], name=op.f('fk_nc_verifications_nonconformity_id_nonconformities')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_nc_verifications_organization_id_organizations')),
    sa.ForeignKeyConstraint(['verifier_id'], ['users.id'], name=op.f('fk_nc_verifications_verifier_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nc_verifications'))
    )
    with op.batch_alter_table('nc_verifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nc_verifications_nonconformity_id'), ['nonconformity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nc_verifications_organization_id'), ['organization_id'], unique=False)

    op.create_table('nc_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonconformity_id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['corrective_actions.id'], name=op.f('fk_nc_attachments_action_id_corrective_actions')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_nc_attachments_created_by_id_users')),
    sa.ForeignKeyConstraint(['file_id'], ['stored_files.id'], name=op.f('fk_nc_attachments_file_id_stored_files')),
    sa.ForeignKeyConstraint(['nonconformity_id'], ['nonconformities.id'], name=op.f('fk_nc_attachments_nonconformity_id_nonconformities')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_nc_attachments_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nc_attachments')),
    sa.UniqueConstraint('nonconformity_id', 'file_id', name=op.f('uq_nc_attachments_nonconformity_id_file_id'))
    )
    with op.batch_alter_table('nc_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nc_attachments_nonconformity_id'), ['nonconformity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nc_attachments_organization_id'), ['organization_id'], unique=False)

    op.create_table('onestop_figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('early', sa.Integer(), nullable=False),
    sa.Column('on_time', sa.Integer(), nullable=False),
    sa.Column('late', sa.Integer(), nullable=False),
    sa.Column('apologies', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_onestop_figures_organization_id_organizations')),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_periods.id'], name=op.f('fk_onestop_figures_period_id_reporting_periods')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_onestop_figures_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['task_id'], ['plan_tasks.id'], name=op.f('fk_onestop_figures_task_id_plan_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_onestop_figures')),
    sa.UniqueConstraint('organization_id', 'period_id', name=op.f('uq_onestop_figures_organization_id_period_id'))
    )
    with op.batch_alter_table('onestop_figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_onestop_figures_organization_id'), ['organization_id'], unique=False)

    op.create_table('nc_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('figures_id', sa.Integer(), nullable=False),
    sa.Column('rate', sa.Float(), nullable=False),
    sa.Column('target_text', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('nonconformity_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_nc_proposals_decided_by_id_users')),
    sa.ForeignKeyConstraint(['figures_id'], ['onestop_figures.id'], name=op.f('fk_nc_proposals_figures_id_onestop_figures')),
    sa.ForeignKeyConstraint(['nonconformity_id'], ['nonconformities.id'], name=op.f('fk_nc_proposals_nonconformity_id_nonconformities')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_nc_proposals_organization_id_organizations')),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_periods.id'], name=op.f('fk_nc_proposals_period_id_reporting_periods')),
    sa.ForeignKeyConstraint(['task_id'], ['plan_tasks.id'], name=op.f('fk_nc_proposals_task_id_plan_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nc_proposals')),
    sa.UniqueConstraint('organization_id', 'period_id', 'task_id', name=op.f('uq_nc_proposals_organization_id_period_id_task_id'))
    )
    with op.batch_alter_table('nc_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nc_proposals_organization_id'), ['organization_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('nc_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nc_proposals_organization_id'))

    op.drop_table('nc_proposals')
    with op.batch_alter_table('onestop_figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_onestop_figures_organization_id'))

    op.drop_table('onestop_figures')
    with op.batch_alter_table('nc_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nc_attachments_organization_id'))
        batch_op.drop_index(batch_op.f('ix_nc_attachments_nonconformity_id'))

    op.drop_table('nc_attachments')
    with op.batch_alter_table('nc_verifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nc_verifications_organization_id'))
        batch_op.drop_index(batch_op.f('ix_nc_verifications_nonconformity_id'))

    op.drop_table('nc_verifications')
    with op.batch_alter_table('corrective_actions', schema=None) as batch_op:
        batch_op.drop_index('ix_corrective_actions_owner_status')
        batch_op.drop_index(batch_op.f('ix_corrective_actions_organization_id'))
        batch_op.drop_index(batch_op.f('ix_corrective_actions_nonconformity_id'))

    op.drop_table('corrective_actions')
    with op.batch_alter_table('nonconformities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nonconformities_unit_id'))
        batch_op.drop_index('ix_nonconformities_source')
        batch_op.drop_index(batch_op.f('ix_nonconformities_owner_id'))
        batch_op.drop_index(batch_op.f('ix_nonconformities_organization_id'))
        batch_op.drop_index('ix_nonconformities_org_status')

    op.drop_table('nonconformities')
    with op.batch_alter_table('nc_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nc_settings_organization_id'))

    op.drop_table('nc_settings')
    with op.batch_alter_table('nc_counters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nc_counters_organization_id'))

    op.drop_table('nc_counters')

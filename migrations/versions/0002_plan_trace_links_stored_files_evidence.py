"""plan, trace links, stored files, evidence

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('source_name', sa.String(length=255), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('basis', sa.JSON(), nullable=False),
    sa.Column('purposes', sa.JSON(), nullable=False),
    sa.Column('signer', sa.JSON(), nullable=True),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_plans_imported_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_plans_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('organization_id', 'year', 'version_no', name=op.f('uq_plans_organization_id_year_version_no'))
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plans_organization_id'), ['organization_id'], unique=False)

    op.create_table('stored_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('mime', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_stored_files_created_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_stored_files_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stored_files'))
    )
    with op.batch_alter_table('stored_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stored_files_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stored_files_sha256'), ['sha256'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('doc_number', sa.String(length=120), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=True),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_evidence_created_by_id_users')),
    sa.ForeignKeyConstraint(['file_id'], ['stored_files.id'], name=op.f('fk_evidence_file_id_stored_files')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_evidence_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_organization_id'), ['organization_id'], unique=False)

    op.create_table('plan_areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_areas_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_areas')),
    sa.UniqueConstraint('plan_id', 'number', name=op.f('uq_plan_areas_plan_id_number'))
    )
    with op.batch_alter_table('plan_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_areas_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_responsibilities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('party', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('areas', sa.JSON(), nullable=False),
    sa.Column('evidence_duty', sa.Boolean(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_responsibilities_plan_id_plans')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_plan_responsibilities_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_responsibilities')),
    sa.UniqueConstraint('plan_id', 'ordinal', name=op.f('uq_plan_responsibilities_plan_id_ordinal'))
    )
    with op.batch_alter_table('plan_responsibilities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_responsibilities_plan_id'), ['plan_id'], unique=False)

    op.create_table('reporting_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('due_rule', sa.String(length=500), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_reporting_periods_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_periods')),
    sa.UniqueConstraint('plan_id', 'ordinal', name=op.f('uq_reporting_periods_plan_id_ordinal'))
    )
    with op.batch_alter_table('reporting_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reporting_periods_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('is_duty', sa.Boolean(), nullable=False),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.Column('owner_unit_id', sa.Integer(), nullable=True),
    sa.Column('owner_user_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('progress_note', sa.Text(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('previous_task_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['plan_areas.id'], name=op.f('fk_plan_tasks_area_id_plan_areas')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_plan_tasks_organization_id_organizations')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['units.id'], name=op.f('fk_plan_tasks_owner_unit_id_units')),
    sa.ForeignKeyConstraint(['owner_user_id'], ['users.id'], name=op.f('fk_plan_tasks_owner_user_id_users')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_tasks_plan_id_plans')),
    sa.ForeignKeyConstraint(['previous_task_id'], ['plan_tasks.id'], name=op.f('fk_plan_tasks_previous_task_id_plan_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_tasks')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_plan_tasks_plan_id_code'))
    )
    with op.batch_alter_table('plan_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_tasks_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_tasks_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_tasks_owner_user_id'), ['owner_user_id'], unique=False)
        batch_op.create_index('ix_plan_tasks_plan_area', ['plan_id', 'area_id', 'ordinal'], unique=False)

    op.create_table('plan_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('comparator', sa.String(length=8), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('upper', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['plan_tasks.id'], name=op.f('fk_plan_targets_task_id_plan_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_targets'))
    )
    with op.batch_alter_table('plan_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_targets_task_id'), ['task_id'], unique=False)

    op.create_table('trace_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_trace_links_created_by_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_trace_links_organization_id_organizations')),
    sa.ForeignKeyConstraint(['task_id'], ['plan_tasks.id'], name=op.f('fk_trace_links_task_id_plan_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trace_links')),
    sa.UniqueConstraint('task_id', 'entity_type', 'entity_id', name=op.f('uq_trace_links_task_id_entity_type_entity_id'))
    )
    with op.batch_alter_table('trace_links', schema=None) as batch_op:
        batch_op.create_index('ix_trace_links_entity', ['entity_type', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trace_links_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trace_links_task_id'), ['task_id'], unique=False)

    op.create_table('target_measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_target_measurements_organization_id_organizations')),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_periods.id'], name=op.f('fk_target_measurements_period_id_reporting_periods')),
    sa.ForeignKeyConstraint(['target_id'], ['plan_targets.id'], name=op.f('fk_target_measurements_target_id_plan_targets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_measurements')),
    sa.UniqueConstraint('target_id', 'period_id', name=op.f('uq_target_measurements_target_id_period_id'))
    )
    with op.batch_alter_table('target_measurements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_measurements_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_target_measurements_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_target_measurements_target_id'), ['target_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('target_measurements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_measurements_target_id'))
        batch_op.drop_index(batch_op.f('ix_target_measurements_period_id'))
        batch_op.drop_index(batch_op.f('ix_target_measurements_organization_id'))

    op.drop_table('target_measurements')
    with op.batch_alter_table('trace_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trace_links_task_id'))
        batch_op.drop_index(batch_op.f('ix_trace_links_organization_id'))
        batch_op.drop_index('ix_trace_links_entity')

    op.drop_table('trace_links')
    with op.batch_alter_table('plan_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_targets_task_id'))

    op.drop_table('plan_targets')
    with op.batch_alter_table('plan_tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_tasks_plan_area')
        batch_op.drop_index(batch_op.f('ix_plan_tasks_owner_user_id'))
        batch_op.drop_index(batch_op.f('ix_plan_tasks_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_plan_tasks_organization_id'))

    op.drop_table('plan_tasks')
    with op.batch_alter_table('reporting_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reporting_periods_plan_id'))

    op.drop_table('reporting_periods')
    with op.batch_alter_table('plan_responsibilities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_responsibilities_plan_id'))

    op.drop_table('plan_responsibilities')
    with op.batch_alter_table('plan_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_areas_plan_id'))

    op.drop_table('plan_areas')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_organization_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('stored_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_files_sha256'))
        batch_op.drop_index(batch_op.f('ix_stored_files_organization_id'))

    op.drop_table('stored_files')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plans_organization_id'))

    op.drop_table('plans')

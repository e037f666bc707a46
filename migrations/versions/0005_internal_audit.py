"""internal audit

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 03:57:22.777398
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_bank_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('clause', sa.String(length=12), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('applies_to', sa.String(length=160), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_audit_bank_questions_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_bank_questions')),
    sa.UniqueConstraint('organization_id', 'code', name=op.f('uq_audit_bank_questions_organization_id_code'))
    )
    with op.batch_alter_table('audit_bank_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_bank_questions_organization_id'), ['organization_id'], unique=False)

    op.create_table('audit_programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('objectives', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_audit_programmes_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_programmes')),
    sa.UniqueConstraint('organization_id', 'year', name=op.f('uq_audit_programmes_organization_id_year'))
    )
    with op.batch_alter_table('audit_programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_programmes_organization_id'), ['organization_id'], unique=False)

    op.create_table('internal_audits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('audit_type', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('unit_ids', sa.JSON(), nullable=False),
    sa.Column('document_ids', sa.JSON(), nullable=False),
    sa.Column('clause_codes', sa.JSON(), nullable=False),
    sa.Column('plan_task_ids', sa.JSON(), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('lead_auditor_id', sa.Integer(), nullable=True),
    sa.Column('team_ids', sa.JSON(), nullable=False),
    sa.Column('auditees', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('copied_from_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['copied_from_id'], ['internal_audits.id'], name=op.f('fk_internal_audits_copied_from_id_internal_audits')),
    sa.ForeignKeyConstraint(['lead_auditor_id'], ['users.id'], name=op.f('fk_internal_audits_lead_auditor_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_internal_audits_organization_id_organizations')),
    sa.ForeignKeyConstraint(['programme_id'], ['audit_programmes.id'], name=op.f('fk_internal_audits_programme_id_audit_programmes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_internal_audits'))
    )
    with op.batch_alter_table('internal_audits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_internal_audits_lead_auditor_id'), ['lead_auditor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_internal_audits_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_internal_audits_programme_id'), ['programme_id'], unique=False)

    op.create_table('audit_checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_ref', sa.String(length=60), nullable=False),
    sa.Column('clause', sa.String(length=12), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('evidence_hint', sa.Text(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('plan_task_id', sa.Integer(), nullable=True),
    sa.Column('auditor_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(length=20), nullable=True),
    sa.Column('evidence_seen', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_audit_checklist_items_answered_by_id_users')),
    sa.ForeignKeyConstraint(['audit_id'], ['internal_audits.id'], name=op.f('fk_audit_checklist_items_audit_id_internal_audits')),
    sa.ForeignKeyConstraint(['auditor_id'], ['users.id'], name=op.f('fk_audit_checklist_items_auditor_id_users')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_audit_checklist_items_document_id_documents')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_audit_checklist_items_organization_id_organizations')),
    sa.ForeignKeyConstraint(['plan_task_id'], ['plan_tasks.id'], name=op.f('fk_audit_checklist_items_plan_task_id_plan_tasks')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_audit_checklist_items_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_checklist_items'))
    )
    with op.batch_alter_table('audit_checklist_items', schema=None) as batch_op:
        batch_op.create_index('ix_audit_checklist_items_audit_ordinal', ['audit_id', 'ordinal'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_checklist_items_auditor_id'), ['auditor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_checklist_items_organization_id'), ['organization_id'], unique=False)

    op.create_table('audit_findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('nonconformity_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['internal_audits.id'], name=op.f('fk_audit_findings_audit_id_internal_audits')),
    sa.ForeignKeyConstraint(['item_id'], ['audit_checklist_items.id'], name=op.f('fk_audit_findings_item_id_audit_checklist_items')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_audit_findings_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_findings')),
    sa.UniqueConstraint('item_id', name=op.f('uq_audit_findings_item_id'))
    )
    with op.batch_alter_table('audit_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_findings_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_findings_organization_id'), ['organization_id'], unique=False)

    op.create_table('audit_item_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_audit_item_files_created_by_id_users')),
    sa.ForeignKeyConstraint(['file_id'], ['stored_files.id'], name=op.f('fk_audit_item_files_file_id_stored_files')),
    sa.ForeignKeyConstraint(['item_id'], ['audit_checklist_items.id'], name=op.f('fk_audit_item_files_item_id_audit_checklist_items')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_audit_item_files_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_item_files')),
    sa.UniqueConstraint('item_id', 'file_id', name=op.f('uq_audit_item_files_item_id_file_id'))
    )
    with op.batch_alter_table('audit_item_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_item_files_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_item_files_organization_id'), ['organization_id'], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table('audit_item_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_item_files_organization_id'))
        batch_op.drop_index(batch_op.f('ix_audit_item_files_item_id'))

    op.drop_table('audit_item_files')
    with op.batch_alter_table('audit_findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_findings_organization_id'))
        batch_op.drop_index(batch_op.f('ix_audit_findings_audit_id'))

    op.drop_table('audit_findings')
    with op.batch_alter_table('audit_checklist_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_checklist_items_organization_id'))
        batch_op.drop_index(batch_op.f('ix_audit_checklist_items_auditor_id'))
        batch_op.drop_index('ix_audit_checklist_items_audit_ordinal')

    op.drop_table('audit_checklist_items')
    with op.batch_alter_table('internal_audits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_internal_audits_programme_id'))
        batch_op.drop_index(batch_op.f('ix_internal_audits_organization_id'))
        batch_op.drop_index(batch_op.f('ix_internal_audits_lead_auditor_id'))

    op.drop_table('internal_audits')
    with op.batch_alter_table('audit_programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_programmes_organization_id'))

    op.drop_table('audit_programmes')
    with op.batch_alter_table('audit_bank_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_bank_questions_organization_id'))

    op.drop_table('audit_bank_questions')
    # ### end Alembic commands ###

"""document control

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import qms.db.base

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('doc_type', sa.String(length=20), nullable=False),
    sa.Column('owner_unit', sa.String(length=160), nullable=False),
    sa.Column('owner_unit_id', sa.Integer(), nullable=True),
    sa.Column('review_interval_months', sa.Integer(), nullable=False),
    sa.Column('next_review_date', sa.Date(), nullable=True),
    sa.Column('last_reviewed_on', sa.Date(), nullable=True),
    sa.Column('iso_clauses', sa.JSON(), nullable=False),
    sa.Column('legal_bases', sa.JSON(), nullable=False),
    sa.Column('plan_tasks', sa.JSON(), nullable=False),
    sa.Column('clause_index', sa.String(length=500), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('source_name', sa.String(length=255), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_documents_organization_id_organizations')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['units.id'], name=op.f('fk_documents_owner_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('organization_id', 'code', name=op.f('uq_documents_organization_id_code'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('document_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('based_on_id', sa.Integer(), nullable=True),
    sa.Column('issue', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('change_summary', sa.Text(), nullable=False),
    sa.Column('review_comments', sa.Text(), nullable=False),
    sa.Column('drafter_id', sa.Integer(), nullable=True),
    sa.Column('drafter_name', sa.String(length=160), nullable=False),
    sa.Column('drafter_title', sa.String(length=200), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_name', sa.String(length=160), nullable=False),
    sa.Column('reviewer_title', sa.String(length=200), nullable=False),
    sa.Column('reviewed_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('approver_id', sa.Integer(), nullable=True),
    sa.Column('approver_name', sa.String(length=160), nullable=False),
    sa.Column('approver_title', sa.String(length=200), nullable=False),
    sa.Column('approved_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('signature_meaning', sa.String(length=120), nullable=False),
    sa.Column('closed_at', qms.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('source_name', sa.String(length=255), nullable=False),
    sa.Column('source_hash', sa.String(length=64), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approver_id'], ['users.id'], name=op.f('fk_document_revisions_approver_id_users')),
    sa.ForeignKeyConstraint(['based_on_id'], ['document_revisions.id'], name=op.f('fk_document_revisions_based_on_id_document_revisions')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_revisions_document_id_documents')),
    sa.ForeignKeyConstraint(['drafter_id'], ['users.id'], name=op.f('fk_document_revisions_drafter_id_users')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_document_revisions_organization_id_organizations')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_document_revisions_reviewer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_revisions'))
    )
    with op.batch_alter_table('document_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_revisions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_revisions_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index('uq_document_revisions_one_effective', ['document_id'], unique=True, sqlite_where=sa.text("status = 'effective'"), postgresql_where=sa.text("status = 'effective'"))

    op.create_table('revision_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('created_at', qms.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_revision_attachments_created_by_id_users')),
    sa.ForeignKeyConstraint(['file_id'], ['stored_files.id'], name=op.f('fk_revision_attachments_file_id_stored_files')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_revision_attachments_organization_id_organizations')),
    sa.ForeignKeyConstraint(['revision_id'], ['document_revisions.id'], name=op.f('fk_revision_attachments_revision_id_document_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revision_attachments')),
    sa.UniqueConstraint('revision_id', 'file_id', name=op.f('uq_revision_attachments_revision_id_file_id'))
    )
    with op.batch_alter_table('revision_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revision_attachments_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_revision_attachments_revision_id'), ['revision_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('revision_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revision_attachments_revision_id'))
        batch_op.drop_index(batch_op.f('ix_revision_attachments_organization_id'))

    op.drop_table('revision_attachments')
    with op.batch_alter_table('document_revisions', schema=None) as batch_op:
        batch_op.drop_index('uq_document_revisions_one_effective', sqlite_where=sa.text("status = 'effective'"), postgresql_where=sa.text("status = 'effective'"))
        batch_op.drop_index(batch_op.f('ix_document_revisions_organization_id'))
        batch_op.drop_index(batch_op.f('ix_document_revisions_document_id'))

    op.drop_table('document_revisions')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_documents_organization_id'))

    op.drop_table('documents')

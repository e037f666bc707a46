"""performance indexes: organisation-first indexes for the audit log, evidence, the
nonconformity register and the report sections' windows (found by ``make bench``)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 02:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ('ix_audit_log_org_id', 'audit_log', ['organization_id', 'id']),
    ('ix_audit_log_org_actor', 'audit_log', ['organization_id', 'actor']),
    ('ix_audit_log_org_action', 'audit_log', ['organization_id', 'action']),
    ('ix_audit_log_org_entity', 'audit_log', ['organization_id', 'entity_type', 'entity_id']),
    ('ix_evidence_org_id', 'evidence', ['organization_id', 'id']),
    ('ix_nonconformities_org_year_seq', 'nonconformities', ['organization_id', 'year', 'seq']),
    ('ix_nonconformities_org_found_on', 'nonconformities', ['organization_id', 'found_on']),
    ('ix_nonconformities_org_closed_on', 'nonconformities', ['organization_id', 'closed_on']),
    ('ix_corrective_actions_org_due_date', 'corrective_actions', ['organization_id', 'due_date']),
    ('ix_document_revisions_org_effective', 'document_revisions',
     ['organization_id', 'effective_date']),
    ('ix_document_revisions_org_approved', 'document_revisions', ['organization_id', 'approved_at']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)

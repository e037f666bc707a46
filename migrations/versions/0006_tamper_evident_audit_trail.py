"""tamper-evident audit trail: hash chains per organisation, append-only triggers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The chain as it was defined when this migration was written (qms/trail/chain.py): a migration
# keeps its own copy, so a later change to the application cannot change what it computes.
GENESIS = "0" * 64


def row_digest(prev_hash: str, *, chain: int, seq: int, occurred_at: datetime,
               user_id: int | None, actor: str, action: str, entity_type: str, entity_id: str,
               changes: dict[str, Any], reason: str) -> str:
    content = {
        "prev": prev_hash, "chain": chain, "seq": seq,
        "at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "user": user_id, "actor": actor, "action": action, "type": entity_type,
        "id": entity_id, "changes": changes, "reason": reason,
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()

SQLITE_TRIGGERS = [
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
]
POSTGRES_TRIGGERS = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
]


def upgrade() -> None:
    op.create_table('audit_chain',
    sa.Column('chain', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('chain', name=op.f('pk_audit_chain'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chain', sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column('chain_seq', sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=False,
                                      server_default=GENESIS))
        batch_op.add_column(sa.Column('row_hash', sa.String(length=64), nullable=False,
                                      server_default=""))
    _chain_existing_rows()
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        for column in ("chain", "chain_seq", "prev_hash", "row_hash"):
            batch_op.alter_column(column, server_default=None)
        batch_op.create_unique_constraint(batch_op.f('uq_audit_log_chain_chain_seq'),
                                          ['chain', 'chain_seq'])
    triggers = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" \
        else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def _chain_existing_rows() -> None:
    """Rows written before this revision get their chain, in the order they were written."""
    from qms.db.base import UTCDateTime

    bind = op.get_bind()
    log = sa.table('audit_log', sa.column('id', sa.Integer), sa.column('organization_id'),
                   sa.column('occurred_at', UTCDateTime()), sa.column('user_id'),
                   sa.column('actor'), sa.column('action'), sa.column('entity_type'),
                   sa.column('entity_id'), sa.column('changes', sa.JSON),
                   sa.column('reason'), sa.column('chain'), sa.column('chain_seq'),
                   sa.column('prev_hash'), sa.column('row_hash'))
    heads: dict[int, tuple[int, str]] = {}
    for row in bind.execute(sa.select(log).order_by(log.c.id)).mappings().all():
        chain = row["organization_id"] or 0
        seq, prev = heads.get(chain, (0, GENESIS))
        seq += 1
        digest = row_digest(prev, chain=chain, seq=seq, occurred_at=row["occurred_at"],
                            user_id=row["user_id"], actor=row["actor"], action=row["action"],
                            entity_type=row["entity_type"], entity_id=row["entity_id"],
                            changes=row["changes"] or {}, reason=row["reason"] or "")
        bind.execute(log.update().where(log.c.id == row["id"]).values(
            chain=chain, chain_seq=seq, prev_hash=prev, row_hash=digest))
        heads[chain] = (seq, digest)
    head = sa.table('audit_chain', sa.column('chain'), sa.column('last_seq'),
                    sa.column('last_hash'))
    for chain, (seq, digest) in heads.items():
        bind.execute(head.insert().values(chain=chain, last_seq=seq, last_hash=digest))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_log_chain_chain_seq'), type_='unique')
        batch_op.drop_column('row_hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('chain_seq')
        batch_op.drop_column('chain')
    op.drop_table('audit_chain')

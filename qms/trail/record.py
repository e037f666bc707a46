"""Writing the audit trail: called by services inside their own transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from qms.core import clock
from qms.core.actor import Actor
from qms.trail.chain import row_digest
from qms.trail.models import GENESIS, AuditChain, AuditLog

SECRET_FIELDS = frozenset({"password", "password_hash"})


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


def diff(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, Any]:
    """Changed fields as ``{field: [before, after]}``; secrets are recorded as changed only."""
    before, after = before or {}, after or {}
    changes: dict[str, Any] = {}
    for field in sorted(set(before) | set(after)):
        old, new = _plain(before.get(field)), _plain(after.get(field))
        if old != new:
            changes[field] = ["***", "***"] if field in SECRET_FIELDS else [old, new]
    return changes


def record_change(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
    organization_id: int | None = None,
) -> AuditLog:
    """Add one audit row to ``session``; it commits with the change it describes.

    The row is chained: its hash covers its content and the previous row's hash, and the
    chain head is updated in the same transaction (which also serialises the chain's writers).
    """
    org_id = organization_id if organization_id is not None else actor.organization_id
    chain = org_id or 0
    seq, prev_hash = _advance(session, chain)
    fields: dict[str, Any] = {
        "occurred_at": clock.now(), "user_id": actor.user_id, "actor": actor.username,
        "action": action, "entity_type": entity_type, "entity_id": str(entity_id),
        "changes": diff(before, after), "reason": reason,
    }
    digest = row_digest(prev_hash, chain=chain, seq=seq, **fields)
    row = AuditLog(organization_id=org_id, chain=chain, chain_seq=seq, prev_hash=prev_hash,
                   row_hash=digest, **fields)
    session.add(row)
    session.execute(update(AuditChain).where(AuditChain.chain == chain)
                    .values(last_hash=digest))
    return row


def _advance(session: Session, chain: int) -> tuple[int, str]:
    """Take the next sequence number of ``chain`` and the hash it continues from."""
    head = AuditChain.__table__
    bump = (update(head).where(head.c.chain == chain).values(last_seq=head.c.last_seq + 1)
            .returning(head.c.last_seq, head.c.last_hash))
    row = session.execute(bump).first()
    if row is None:
        dialect = session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        session.execute(insert(head).values(chain=chain, last_seq=0, last_hash=GENESIS)
                        .on_conflict_do_nothing())
        row = session.execute(bump).first()
    assert row is not None
    return row[0], row[1]

"""Writing the audit trail: called by services inside their own transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from qms.db.models import AuditLog
from qms.services.context import Actor

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


def record(
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
    """Add one audit row to ``session``; it commits with the change it describes."""
    row = AuditLog(
        organization_id=organization_id if organization_id is not None else actor.organization_id,
        user_id=actor.user_id,
        actor=actor.username,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        changes=diff(before, after),
        reason=reason,
    )
    session.add(row)
    return row

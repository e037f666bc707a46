"""A save from a stale copy is refused with what happened meanwhile: who saved the record
last, when, and which fields changed (read from the audit trail, which every change writes).

Nothing is overwritten: the caller raises the returned ``Conflict`` before changing anything.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from qms import features
from qms.auth.models import User
from qms.core.clock import VN_OFFSET
from qms.core.errors import Conflict
from qms.core.i18n import catalog
from qms.db.base import Versioned
from qms.trail.models import AuditLog


def entity_of() -> dict[str, str]:
    """``{table of a versioned row: the entity type its changes are logged under}``, from every
    feature's ``versioned``; a table no feature names is logged under its own name."""
    return {table: entity for f in features.FEATURES for table, entity in f.versioned.items()}


def _entity(row: Versioned) -> tuple[str, str]:
    table = row.__table__.name  # type: ignore[attr-defined]
    ident = row.document_id if table == "document_revisions" else row.id  # type: ignore[attr-defined]
    return entity_of().get(table, table), str(ident)


def _last_change(s: Session, entity_type: str, entity_id: str) -> AuditLog | None:
    return s.scalar(select(AuditLog).where(AuditLog.entity_type == entity_type,
                                           AuditLog.entity_id == entity_id)
                    .order_by(AuditLog.id.desc()).limit(1))


def field_keys(changes: dict[str, object]) -> tuple[str, ...]:
    """Catalog keys of the changed fields (``field.changed.<name>``), known ones only."""
    known = catalog("vi")
    return tuple(f"field.changed.{name}" for name in sorted(changes)
                 if f"field.changed.{name}" in known)


def stale(row: Versioned) -> Conflict:
    """The ``error.stale`` refusal for ``row``: current version, who, when (Vietnam time) and
    which fields the last saved change touched."""
    s = object_session(row)
    last = _last_change(s, *_entity(row)) if s is not None else None
    if last is None:
        return Conflict("error.stale", current=row.version, by="field.someone", at="—",
                        fields=("field.changed.unknown",))
    user = s.get(User, last.user_id) if s is not None and last.user_id is not None else None
    at = (last.occurred_at + VN_OFFSET).strftime("%H:%M %d/%m/%Y")
    return Conflict("error.stale", current=row.version, by=user.full_name if user else last.actor,
                    at=at, fields=field_keys(last.changes or {}) or ("field.changed.unknown",))


def check_version(row: Versioned, expected: int | None) -> None:
    """Refuse a save whose form was read at ``expected`` when the row has moved on."""
    if expected is not None and row.version != expected:
        raise stale(row)

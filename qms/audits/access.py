"""Loading audit records for a service and checking who may act on them.

The permission matrix names conditions ("audit_lead", "audit_team", "assigned_auditor");
this module decides which of them hold for the actor and the record at hand.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from qms.audits.models import Audit, ChecklistItem
from qms.audits.rules import check_independence
from qms.auth.models import User
from qms.core.actor import Actor
from qms.core.errors import Conflict, PermissionDenied
from qms.core.permissions import allowed
from qms.db.uow import owned

T = TypeVar("T")


def conditions(actor: Actor, audit: Audit, item: ChecklistItem | None = None) -> list[str]:
    """The audit conditions that hold for ``actor`` on ``audit`` (and ``item``)."""
    held = []
    if actor.user_id is not None and actor.user_id == audit.lead_auditor_id:
        held += ["audit_lead", "audit_team"]
    if actor.user_id is not None and actor.user_id in (audit.team_ids or []):
        held.append("audit_team")
    if item is not None and actor.user_id is not None and item.auditor_id == actor.user_id:
        held.append("assigned_auditor")
    return held


def require(actor: Actor, action: str, audit: Audit, item: ChecklistItem | None = None) -> None:
    """Raise ``PermissionDenied`` unless the matrix allows ``action`` here."""
    if not allowed(action, actor.roles, conditions(actor, audit, item)):
        raise PermissionDenied("error.permission_denied", action=action)


def require_status(audit: Audit, *statuses: str) -> None:
    """Refuse the action when the audit is not in one of ``statuses``."""
    if audit.status not in statuses:
        raise Conflict("audit.wrong_status", status=audit.status)


def check_member(session: Session, actor: Actor, user_id: int, unit_ids: list[int]) -> User:
    """A team member of the organisation who is independent of the audited units."""
    user = owned(session, User, user_id, actor)
    check_independence(user.full_name, user.unit_id, unit_ids)
    return user

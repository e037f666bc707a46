"""Loading audit records for a service and checking who may act on them.

The permission matrix names conditions ("audit_lead", "audit_team", "assigned_auditor");
``Actor.conditions`` decides which hold, from the audit's lead and team and the question's
auditor that this module hands it.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from qms.audits.models import Audit, ChecklistItem
from qms.audits.rules import check_independence
from qms.auth.models import User
from qms.core.actor import Actor
from qms.db.uow import owned

T = TypeVar("T")


def require(actor: Actor, action: str, audit: Audit, item: ChecklistItem | None = None) -> None:
    """Raise ``PermissionDenied`` unless the matrix allows ``action`` on ``audit`` (and the
    question ``item``): the audit conditions are the lead, the team and the assigned auditor."""
    actor.require(action, lead_id=audit.lead_auditor_id, team_ids=audit.team_ids or (),
                  assigned_id=item.auditor_id if item is not None else None)


def check_member(session: Session, actor: Actor, user_id: int, unit_ids: list[int]) -> User:
    """A team member of the organisation who is independent of the audited units."""
    user = owned(session, User, user_id, actor)
    check_independence(user.full_name, user.unit_id, unit_ids)
    return user

"""Who is acting: the signed-in user (or the command line) as a plain value."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TypedDict, Unpack

from qms.core.errors import PermissionDenied
from qms.core.permissions import (
    ACTION_OWNER,
    ASSIGNED_AUDITOR,
    AUDIT_LEAD,
    AUDIT_TEAM,
    OWN_UNIT,
    allowed,
)
from qms.core.roles import ALL_ROLES, Role


class Facts(TypedDict, total=False):
    """What a record says about who answers for it, for the conditions of the matrix."""

    unit_id: int | None  # the record's unit (the handling, owner or audited unit)
    owner_id: int | None  # the person the record is assigned to
    action_owner_id: int | None  # the owner of an action (corrective, review, risk)
    lead_id: int | None  # an audit's lead auditor
    team_ids: Collection[int]  # an audit's team
    assigned_id: int | None  # the auditor a checklist question is assigned to


@dataclass(frozen=True)
class Actor:
    """The user behind one action; services take it as their first argument."""

    user_id: int | None
    username: str
    full_name: str
    organization_id: int
    roles: frozenset[Role]
    unit_id: int | None = None
    language: str = "vi"
    session_id: int | None = None

    @classmethod
    def system(cls, organization_id: int, name: str = "cli") -> Actor:
        """The command line and the demo loader act with every role, logged as ``name``."""
        return cls(None, name, name, organization_id, ALL_ROLES)

    def conditions(self, **facts: Unpack[Facts]) -> frozenset[str]:
        """The conditions of the permission matrix that hold for this actor on one record:
        ``own_unit`` for the record's unit and for the person it is assigned to,
        ``action_owner`` for an action's owner, and the audit conditions (the lead is also in
        the team). The one place that turns a record into conditions, for pages and services.
        """
        me, held = self.user_id, set()
        unit_id = facts.get("unit_id")
        if (unit_id is not None and unit_id == self.unit_id) or \
                (me is not None and me == facts.get("owner_id")):
            held.add(OWN_UNIT)
        if me is None:
            return frozenset(held)
        if me == facts.get("action_owner_id"):
            held.add(ACTION_OWNER)
        if me == facts.get("lead_id"):
            held |= {AUDIT_LEAD, AUDIT_TEAM}
        if me in facts.get("team_ids", ()):
            held.add(AUDIT_TEAM)
        if me == facts.get("assigned_id"):
            held.add(ASSIGNED_AUDITOR)
        return frozenset(held)

    def can(self, action: str, **facts: Unpack[Facts]) -> bool:
        """Whether the matrix allows ``action`` on a record with these ``facts`` (none: an
        action that needs no condition)."""
        return allowed(action, self.roles, self.conditions(**facts))

    def require(self, action: str, **facts: Unpack[Facts]) -> None:
        """Raise ``PermissionDenied`` unless the matrix lets this actor do ``action``."""
        if not self.can(action, **facts):
            raise PermissionDenied("error.permission_denied", action=action)

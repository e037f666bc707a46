"""Who is acting: the signed-in user (or the command line) as a plain value."""

from __future__ import annotations

from dataclasses import dataclass

from qms.core.errors import PermissionDenied
from qms.core.permissions import allowed
from qms.core.roles import ALL_ROLES, Role


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

    def can(self, action: str, *, unit_id: int | None = None) -> bool:
        """Whether the matrix allows ``action``; ``unit_id`` is the record's unit, if any."""
        conditions = ["own_unit"] if unit_id is not None and unit_id == self.unit_id else []
        return allowed(action, self.roles, conditions)

    def require(self, action: str, *, unit_id: int | None = None) -> None:
        """Raise ``PermissionDenied`` unless the matrix lets this actor do ``action``."""
        if not self.can(action, unit_id=unit_id):
            raise PermissionDenied("error.permission_denied", action=action)

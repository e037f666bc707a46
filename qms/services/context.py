"""Who is acting: the signed-in user (or the command line) as a plain value."""

from __future__ import annotations

from dataclasses import dataclass

from qms.domain.errors import PermissionDenied
from qms.domain.permissions import allowed
from qms.domain.roles import ALL_ROLES, Role


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

    def can(self, action: str) -> bool:
        return allowed(action, self.roles)

    def require(self, action: str) -> None:
        """Raise ``PermissionDenied`` unless the matrix lets this actor do ``action``."""
        if not self.can(action):
            raise PermissionDenied("error.permission_denied", action=action)

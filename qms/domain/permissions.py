"""Who may do what: one declared matrix, checked by every mutating service.

Keys are service actions. ``SELF`` marks actions any signed-in user may do on their own record.
"""

from __future__ import annotations

from qms.domain.roles import Role

A, ISO, AUD, OFF, LEAD, VIEW = (
    Role.ADMIN, Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER, Role.LEADER, Role.VIEWER,
)
SELF = "self"

PERMISSIONS: dict[str, frozenset[Role]] = {
    "organization.update": frozenset({A}),
    "unit.create": frozenset({A, ISO}),
    "unit.update": frozenset({A, ISO}),
    "user.create": frozenset({A}),
    "user.update": frozenset({A}),
    "user.set_password": frozenset({A}),
    "user.disable": frozenset({A}),
    "user.enable": frozenset({A}),
    "user.unlock": frozenset({A}),
    "audit_log.read": frozenset({A, ISO}),
    "audit_log.export": frozenset({A, ISO}),
    "user.read": frozenset({A, ISO, LEAD}),
}

SELF_SERVICE: frozenset[str] = frozenset({"account.change_password", "account.set_language"})


def allowed(action: str, roles: frozenset[Role]) -> bool:
    """True when one of ``roles`` may perform ``action``; unknown actions are refused."""
    if action in SELF_SERVICE:
        return True
    return bool(PERMISSIONS.get(action, frozenset()) & roles)

"""The six roles of the product and what each is for."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A user's role; a user may hold several."""

    ADMIN = "admin"
    ISO_OFFICER = "iso_officer"
    AUDITOR = "auditor"
    OFFICER = "officer"
    LEADER = "leader"
    VIEWER = "viewer"


ALL_ROLES: frozenset[Role] = frozenset(Role)


def parse_roles(values: object) -> frozenset[Role]:
    """Roles from strings; unknown names raise ``ValueError``."""
    if isinstance(values, str):
        values = [v for v in values.replace(";", ",").split(",") if v.strip()]
    return frozenset(Role(str(v).strip()) for v in values)  # type: ignore[union-attr]

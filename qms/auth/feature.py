"""Accounts, sign-in and the organisation with its units."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec
from qms.core.roles import ALL_ROLES, Role

A, ISO = Role.ADMIN, Role.ISO_OFFICER


FEATURE = Feature(
    name="auth",
    pages=(
        PageSpec("account", "pages/80_tai_khoan.py", "page.account", "👤",
                 "group.personal", ALL_ROLES),
        PageSpec("organization", "pages/90_to_chuc.py", "page.organization", "🏛️",
                 "group.admin", frozenset({A, ISO})),
        PageSpec("users", "pages/91_nguoi_dung.py", "page.users", "👥",
                 "group.admin", frozenset({A})),
    ),
    versioned={"users": "user", "organizations": "organization", "units": "unit"},
)

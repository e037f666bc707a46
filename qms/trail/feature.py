"""The change trail (nhật ký thay đổi) and its verification."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec
from qms.core.roles import Role

A, ISO = Role.ADMIN, Role.ISO_OFFICER


FEATURE = Feature(
    name="trail",
    pages=(
        PageSpec("audit_log", "pages/92_nhat_ky.py", "page.audit_log", "📜",
                 "group.admin", frozenset({A, ISO})),
    ),
    cli="qms.trail.cli",
)

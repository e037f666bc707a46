"""Backup and restore of the whole database."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec
from qms.core.roles import Role

A = Role.ADMIN


FEATURE = Feature(
    name="backup",
    pages=(
        PageSpec("backup", "pages/93_sao_luu.py",
                 "page.backup", "💾", "group.admin", frozenset({A})),
    ),
    cli="qms.backup.cli",
)

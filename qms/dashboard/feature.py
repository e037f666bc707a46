"""The overview: the home page, "my work" and reminders."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="dashboard",
    pages=(
        PageSpec("home", "app.py", "page.home", "🏠", "group.overview", ALL_ROLES),
        PageSpec("my_work", "pages/05_viec_cua_toi.py", "page.my_work", "📌",
                 "group.overview", ALL_ROLES),
    ),
    cli="qms.dashboard.cli",
)

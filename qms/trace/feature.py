"""Trace links from plan tasks to every record, and the evidence register."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="trace",
    pages=(
        PageSpec("traceability", "pages/12_truy_vet.py", "page.traceability", "🧭",
                 "group.plan", ALL_ROLES),
        PageSpec("evidence", "pages/13_tai_lieu_kiem_chung.py", "page.evidence", "🗂️",
                 "group.plan", ALL_ROLES),
    ),
    linkable=("qms.trace.linkable_queries:EVIDENCE",),
    versioned={"evidence": "evidence"},
)

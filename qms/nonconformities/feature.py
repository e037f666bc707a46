"""Nonconformities and corrective actions (ISO 10.2)."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="nonconformities",
    pages=(
        PageSpec("nonconformities", "pages/30_khong_phu_hop.py", "page.nonconformities", "⚠️",
                 "group.quality", ALL_ROLES),
    ),
    my_work=(
        "qms.nonconformities.work:nc_steps",
        "qms.nonconformities.work:actions_owned",
        "qms.nonconformities.work:verifications_waiting",
        "qms.nonconformities.work:closures_waiting",
        "qms.nonconformities.work:proposals_waiting",
    ),
    deadlines=(
        "qms.nonconformities.work:nc_deadlines",
    ),
    period_sections=(
        Slot(70, "qms.nonconformities.sections:nonconformities_section"),
    ),
    review_inputs=(
        Slot(80, "qms.nonconformities.sections:nonconformities_section"),
    ),
    linkable=(
        "qms.nonconformities.queries:NONCONFORMITY",
        "qms.nonconformities.queries:CORRECTIVE_ACTION",
    ),
    versioned={"nonconformities": "nonconformity", "corrective_actions": "corrective_action"},
    demo=(Slot(30, "qms.nonconformities.demo:load_demo_nonconformities"),),
    cli="qms.nonconformities.cli",
)

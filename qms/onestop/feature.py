"""The one-stop desk's figures and the nonconformities they propose."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="onestop",
    pages=(
        PageSpec("onestop", "pages/31_mot_cua.py", "page.onestop", "🏢", "group.quality",
                 ALL_ROLES),
    ),
    period_sections=(
        Slot(30, "qms.plan.sections:onestop_section"),
    ),
    review_inputs=(
        Slot(70, "qms.plan.sections:onestop_section"),
    ),
    versioned={"nc_proposals": "nc_proposal", "onestop_figures": "onestop_figures"},
    demo=(Slot(40, "qms.onestop.demo:load_demo_onestop"),),
)

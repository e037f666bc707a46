"""Risks and opportunities (ISO 6.1)."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="risks",
    pages=(
        PageSpec("risks", "pages/33_rui_ro.py", "page.risks", "🎲", "group.quality", ALL_ROLES),
    ),
    my_work=(
        "qms.risks.work:risk_actions_due",
        "qms.risks.work:risk_reviews_due",
    ),
    deadlines=(
        "qms.risks.work:risk_deadlines",
    ),
    review_inputs=(
        Slot(130, "qms.risks.sections:risks_section"),
    ),
    linkable=("qms.risks.queries:RISK",),
    versioned={"risks": "risk", "risk_actions": "risk_action"},
    demo=(Slot(100, "qms.risks.demo:load_demo_risks"),),
)

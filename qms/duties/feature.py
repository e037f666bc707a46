"""Self-inspection duties and their reports per period."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="duties",
    pages=(
        PageSpec("duties", "pages/14_tu_kiem_tra.py", "page.duties", "🧾", "group.plan", ALL_ROLES),
    ),
    my_work=(
        "qms.duties.work:duties_to_submit",
        "qms.duties.work:duties_to_decide",
    ),
    deadlines=(
        "qms.duties.work:duty_deadlines",
    ),
    period_sections=(
        Slot(90, "qms.duties.sections:duties_section"),
    ),
    review_inputs=(
        Slot(100, "qms.duties.sections:duties_section"),
    ),
    versioned={"self_inspection_duties": "self_inspection_duty", "duty_reports": "duty_report"},
    demo=(Slot(80, "qms.duties.demo:load_demo_duties"),),
)

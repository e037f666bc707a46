"""The commune's yearly CCHC plan: its tasks, targets and reporting periods."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES, Role

A, ISO = Role.ADMIN, Role.ISO_OFFICER


FEATURE = Feature(
    name="plan",
    pages=(
        PageSpec("plan", "pages/10_ke_hoach.py", "page.plan", "📋", "group.plan", ALL_ROLES),
        PageSpec("plan_import", "pages/11_nhap_ke_hoach.py", "page.plan_import", "📥",
                 "group.plan", frozenset({A, ISO})),
    ),
    my_work=(
        "qms.dashboard.my_work:plan_tasks_due",
    ),
    deadlines=(
        "qms.plan.work:plan_task_deadlines",
        "qms.plan.work:reporting_cutoffs",
    ),
    period_sections=(
        Slot(10, "qms.plan.sections:plan_progress_section"),
        Slot(20, "qms.plan.sections:targets_section"),
    ),
    review_inputs=(
        Slot(50, "qms.plan.sections:targets_section"),
        Slot(60, "qms.plan.sections:plan_progress_section"),
    ),
    versioned={"plan_tasks": "plan_task"},
    demo=(Slot(10, "qms.plan.demo:load_demo_plan_into"),),
    cli="qms.plan.cli",
)

"""The periodic CCHC report and the management review (ISO 9.3)."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="review",
    pages=(
        PageSpec("period_report", "pages/16_bao_cao_dinh_ky.py", "page.period_report", "📊",
                 "group.plan", ALL_ROLES),
        PageSpec("management_review", "pages/50_xem_xet_lanh_dao.py", "page.management_review",
                 "📝", "group.review", ALL_ROLES),
    ),
    my_work=(
        "qms.review.queries:review_actions_due",
    ),
    deadlines=(
        "qms.review.queries:review_items",
    ),
    review_inputs=(
        Slot(10, "qms.review.input_queries:previous_actions_section"),
        Slot(20, "qms.review.context_queries:context_section"),
        Slot(120, "qms.review.context_queries:resources_section"),
    ),
    versioned={
        "period_reports": "period_report",
        "management_reviews": "management_review",
        "management_review_actions": "management_review_action",
    },
    demo=(Slot(70, "qms.review.demo:load_demo_review"),),
    cli="qms.review.cli",
)

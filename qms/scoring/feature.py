"""Self-scoring of the reform index."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="scoring",
    pages=(
        PageSpec("scoring", "pages/15_tu_cham_diem.py", "page.scoring", "🎯",
                 "group.plan", ALL_ROLES),
    ),
    period_sections=(
        Slot(100, "qms.scoring.sections:scoring_section"),
    ),
    review_inputs=(
        Slot(110, "qms.scoring.sections:scoring_section"),
    ),
    versioned={"score_sheets": "score_sheet", "self_scores": "self_score"},
    demo=(Slot(90, "qms.scoring.demo:load_demo_scoring"),),
    cli="qms.scoring.cli",
)

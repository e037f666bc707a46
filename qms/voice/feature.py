"""Citizens' voice: satisfaction surveys and feedback (ISO 9.1.2)."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="voice",
    pages=(
        PageSpec("voice", "pages/32_y_kien_nguoi_dan.py", "page.voice", "🗣️",
                 "group.quality", ALL_ROLES),
    ),
    my_work=(
        "qms.voice.work:feedback_to_answer",
    ),
    deadlines=(
        "qms.voice.work:feedback_deadlines",
    ),
    period_sections=(
        Slot(40, "qms.voice.sections:satisfaction_section"),
        Slot(50, "qms.voice.sections:feedback_section"),
    ),
    review_inputs=(
        Slot(30, "qms.voice.sections:satisfaction_section"),
        Slot(40, "qms.voice.sections:feedback_section"),
    ),
    linkable=("qms.voice.queries:CITIZEN_FEEDBACK",),
    versioned={
        "satisfaction_surveys": "satisfaction_survey",
        "citizen_feedback": "citizen_feedback",
    },
    demo=(
        Slot(60, "qms.voice.demo:load_demo_voice"),  # before the review, whose inputs include it
    ),
)

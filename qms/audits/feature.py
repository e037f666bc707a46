"""Internal audits (ISO 9.2): the programme, checklists, findings, the question bank."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import Role

A, ISO, AUD, LEAD = Role.ADMIN, Role.ISO_OFFICER, Role.AUDITOR, Role.LEADER


FEATURE = Feature(
    name="audits",
    pages=(
        PageSpec("audit_programme", "pages/40_chuong_trinh_danh_gia.py",
                 "page.audit_programme", "🗓️",
                 "group.audit", frozenset({A, ISO, AUD, LEAD})),
        PageSpec("audit", "pages/41_cuoc_danh_gia.py", "page.audit", "🔍",
                 "group.audit", frozenset({A, ISO, AUD, LEAD})),
        PageSpec("audit_fill", "pages/42_bang_cau_hoi.py", "page.audit_fill", "✅",
                 "group.audit", frozenset({A, ISO, AUD})),
        PageSpec("audit_bank", "pages/43_ngan_hang_cau_hoi.py", "page.audit_bank", "🗃️",
                 "group.audit", frozenset({A, ISO})),
    ),
    deadlines=(
        "qms.audits.work:audits_planned",
    ),
    period_sections=(
        Slot(60, "qms.audits.sections:audits_section"),
    ),
    review_inputs=(
        Slot(90, "qms.audits.sections:audits_section"),
    ),
    linkable=("qms.audits.queries:CHECKLIST_QUESTION", "qms.audits.queries:FINDING"),
    versioned={"internal_audits": "audit", "audit_programmes": "audit_programme",
               "audit_checklist_items": "checklist_question"},
    demo=(Slot(50, "qms.audits.demo:load_demo_audits"),),
    cli="qms.audits.cli",
)

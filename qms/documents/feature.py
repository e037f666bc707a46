"""Controlled documents (ISO 7.5): procedures and their revisions."""

from __future__ import annotations

from qms.core.feature import Feature, PageSpec, Slot
from qms.core.roles import ALL_ROLES

FEATURE = Feature(
    name="documents",
    pages=(
        PageSpec("documents", "pages/20_quy_trinh.py", "page.documents", "📑",
                 "group.documents", ALL_ROLES),
    ),
    period_sections=(
        Slot(80, "qms.documents.sections:documents_section"),
    ),
    review_inputs=(
        Slot(140, "qms.documents.sections:documents_section"),
    ),
    linkable=("qms.documents.queries:PROCEDURE",),
    versioned={"documents": "document", "document_revisions": "document"},
    demo=(Slot(20, "qms.documents.demo:load_demo_documents"),),
    cli="qms.documents.cli",
)

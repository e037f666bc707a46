"""The evidence fields every form shares (title, number, date, issuer, file): the plan task's
"add evidence", a duty report's evidence and a self-score's new evidence."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from qms.core.i18n import t
from qms.trace.evidence import EvidenceInput

FILE_TYPES = ["pdf", "docx", "xlsx", "doc", "png", "jpg", "jpeg"]


@dataclass(frozen=True)
class EvidenceFields:
    data: EvidenceInput
    file_name: str  # "" without a file
    content: bytes | None


def evidence_fields(key: str) -> EvidenceFields:
    """The fields, inside the caller's form; ``key`` is a pattern with ``{field}``
    (``"duty.ev.{field}"`` gives the widget keys ``duty.ev.title`` … ``duty.ev.file``)."""
    title = st.text_input(t("field.evidence.title"), key=key.format(field="title"))
    cols = st.columns(3)
    number = cols[0].text_input(t("field.evidence.doc_number"), key=key.format(field="number"))
    doc_date = cols[1].date_input(t("field.evidence.doc_date"), value=None, format="DD/MM/YYYY",
                                  key=key.format(field="date"))
    issuer = cols[2].text_input(t("field.evidence.issuer"), key=key.format(field="issuer"))
    upload = st.file_uploader(t("field.evidence.file"), type=FILE_TYPES,
                              key=key.format(field="file"))
    return EvidenceFields(EvidenceInput(title, number, doc_date, issuer),
                          upload.name if upload else "", upload.getvalue() if upload else None)

"""Evidence documents as the records that cite them read them: one row shape for all.

A self-inspection report and a self-score both cite evidence documents, and their forms
offer them for attaching; each reads the same seven columns, so they are written once here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select

from qms.trace.file_models import Evidence, StoredFile


@dataclass(frozen=True)
class EvidenceRef:
    id: int
    title: str
    doc_number: str
    doc_date: date | None
    issuer: str
    file_id: int | None
    file_name: str  # "" when the document has no file

    @property
    def label(self) -> str:
        return " — ".join(x for x in (self.doc_number, self.title) if x)


def evidence_refs(*leading: Any) -> Select[Any]:
    """SELECT the ``leading`` columns, then an :class:`EvidenceRef`'s, from the evidence
    documents and their files; the caller joins the records that cite them and filters."""
    return (select(*leading, Evidence.id, Evidence.title, Evidence.doc_number,
                   Evidence.doc_date, Evidence.issuer, Evidence.file_id,
                   func.coalesce(StoredFile.name, ""))
            .select_from(Evidence)
            .outerjoin(StoredFile, StoredFile.id == Evidence.file_id))

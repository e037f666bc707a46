"""The record types a plan task can be linked to, and how each is labelled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qms.audits.models import ChecklistItem, Finding
from qms.documents.models import Document
from qms.nonconformities.models import CorrectiveAction, Nonconformity
from qms.risks.models import Risk
from qms.trace.file_models import Evidence
from qms.voice.models import CitizenFeedback

# Every record type the matrix knows, in column order; only registered ones can be linked yet.
ENTITY_TYPES = ("procedure", "checklist_question", "finding", "nonconformity",
                "corrective_action", "evidence", "self_score", "review_decision", "risk")


@dataclass(frozen=True)
class Linkable:
    model: type[Any]
    label: Callable[[Any], str]


LINKABLE: dict[str, Linkable] = {
    "evidence": Linkable(Evidence, lambda e: " — ".join(x for x in (e.doc_number, e.title) if x)),
    "procedure": Linkable(Document, lambda d: f"{d.code} — {d.title}"),
    "checklist_question": Linkable(ChecklistItem, lambda q: f"{q.source_ref or q.clause} — "
                                                            f"{q.question[:120]}"),
    "finding": Linkable(Finding, lambda f: f"{f.result} — {f.description[:120]}"),
    "nonconformity": Linkable(Nonconformity, lambda n: f"{n.number} — {n.title}"),
    "corrective_action": Linkable(CorrectiveAction, lambda a: a.description[:160]),
    "citizen_feedback": Linkable(CitizenFeedback, lambda f: f.subject[:160]),
    "risk": Linkable(Risk, lambda r: f"R-{r.id:03d} — {r.description[:140]}"),
}

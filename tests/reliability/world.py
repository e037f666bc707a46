"""One commune for the reliability tests: the document-control people, two auditors with a
started audit, a procedure in force, and actors signed in once (services take plain actors)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from qms.audits.models import ChecklistItem
from qms.core.actor import Actor
from qms.db.uow import read_session
from qms.trail.models import AuditLog
from tests.audits import helpers as audits_setup

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class World:
    org_id: int
    unit_id: int  # Tư pháp - Hộ tịch
    document_id: int
    audit_id: int
    iso: Actor  # hangnt: ISO officer and officer (drafts, NCs, evidence)
    reviewer: Actor  # hungtv
    approver: Actor  # bennv
    items: tuple[tuple[int, Actor], ...]  # checklist question -> the auditor it is assigned to
    task_ids: tuple[int, ...]


def build(folder: Path) -> World:
    """Set the commune up through the services (the same builders as the service tests)."""
    w = audits_setup.world(folder)
    audit_id = audits_setup.started(w)
    c = w.c
    auditors = {w.lead_id: w.lead, w.second_id: w.second}
    with read_session() as s:
        rows = s.execute(select(ChecklistItem.id, ChecklistItem.auditor_id).where(
            ChecklistItem.audit_id == audit_id).order_by(ChecklistItem.id)).all()
    items = tuple((item_id, auditors[who]) for item_id, who in rows if who in auditors)
    return World(c.org_id, c.unit_id, w.document_id, audit_id, c.actor("hangnt"),
                 c.actor("hungtv"), c.actor("bennv"), items, w.task_ids)


def audit_rows() -> int:
    with read_session() as s:
        return s.scalar(select(func.count()).select_from(AuditLog)) or 0

"""Builders for the internal-audit tests: a commune with auditors, a procedure and plan tasks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from qms.audits import checklist as audit_checklist
from qms.audits import programme as audits
from qms.audits.demo import FIRST_TITLE, SECOND_TITLE, YEAR, DemoAudits
from qms.audits.models import Audit, AuditProgramme
from qms.audits.programme import AuditInput
from qms.audits.queries import checklist, findings
from qms.core.actor import Actor
from qms.core.roles import Role
from qms.db.uow import read_session, unit_of_work
from qms.plan.models import PlanTask
from tests.documents.helpers import Commune, commune, make_plan, synced
from tests.factories import make_unit, make_user, signed_in


@dataclass(frozen=True)
class AuditWorld:
    """A commune with a lead auditor, a second auditor, one auditor of the audited unit."""

    c: Commune
    finance_unit_id: int
    lead_id: int  # lanpt, Văn phòng - Thống kê
    second_id: int  # tuanlh, Tài chính - Kế toán
    insider_id: int  # thaonv, Tư pháp - Hộ tịch (the audited unit)
    document_id: int
    task_ids: tuple[int, ...]

    @property
    def iso(self) -> Actor:
        return signed_in("hangnt")

    @property
    def lead(self) -> Actor:
        return signed_in("lanpt")

    @property
    def second(self) -> Actor:
        return signed_in("tuanlh")


def world(folder: Path) -> AuditWorld:
    c = commune()
    finance = make_unit(c.org_id, "Tài chính - Kế toán")
    lead = make_user(c.org_id, "lanpt", Role.AUDITOR, unit_id=c.other_unit_id)
    second = make_user(c.org_id, "tuanlh", Role.AUDITOR, unit_id=finance)
    insider = make_user(c.org_id, "thaonv", Role.AUDITOR, unit_id=c.unit_id)
    document_id = synced(c, folder)
    plan_id = make_plan(c.org_id, 2023, ("3.6", "3.7"))
    with unit_of_work() as uow:
        tasks = tuple(uow.session.scalars(select(PlanTask.id).where(PlanTask.plan_id == plan_id)
                                          .order_by(PlanTask.ordinal)))
    return AuditWorld(c, finance, lead, second, insider, document_id, tasks)


def planned(w: AuditWorld, **changes: object) -> int:
    """A 2023 programme and an audit of Tư pháp - Hộ tịch on 7.5.3, QT-21 and task 3.6."""
    programme_id = audits.create_programme(w.iso, 2023, "Đánh giá toàn bộ hệ thống")
    values: dict[str, object] = {
        "title": "Đánh giá nội bộ lần 1 năm 2023", "lead_auditor_id": w.lead_id,
        "unit_ids": (w.c.unit_id,), "document_ids": (w.document_id,),
        "clause_codes": ("7.5.3",), "plan_task_ids": (w.task_ids[0],),
        "team_ids": (w.second_id,), "criteria": "TCVN ISO 9001:2015", **changes}
    data = AuditInput(**values)  # type: ignore[arg-type]
    return audits.plan_audit(w.iso, programme_id, data)


def started(w: AuditWorld) -> int:
    """The planned audit, its checklist generated, split between the two auditors, started."""
    audit_id = planned(w)
    audit_checklist.generate_checklist(w.lead, audit_id)
    items = checklist(w.c.org_id, audit_id)
    half = len(items) // 2
    audit_checklist.assign_questions(w.lead, [i.id for i in items[:half]], w.lead_id)
    audit_checklist.assign_questions(w.lead, [i.id for i in items[half:]], w.second_id)
    audits.start_audit(w.lead, audit_id)
    return audit_id


def find_demo_audits(org_id: int) -> DemoAudits | None:
    """The demo programme as ``load_demo`` left it, or None where the demo was not loaded."""
    with read_session() as s:
        programme_id = s.scalar(select(AuditProgramme.id).where(
            AuditProgramme.organization_id == org_id, AuditProgramme.year == YEAR))
        if programme_id is None:
            return None
        rows = dict(s.execute(select(Audit.title, Audit.id).where(
            Audit.programme_id == programme_id)).all())
    completed = rows.get(FIRST_TITLE)
    planned = rows.get(SECOND_TITLE)
    if completed is None or planned is None:
        return None
    found = [f.nonconformity_id for f in findings(org_id, completed) if f.nonconformity_id]
    return DemoAudits(programme_id, completed, planned, found[0] if found else None)

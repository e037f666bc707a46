"""Every service that takes an ``actor``, with the permission it checks and a call to make.

The permission walk (``test_permission_walk.py``) and the audit-trail proof
(``test_audit_every_service.py``) call each entry of ``SERVICES`` with every role. A public
function of a service module (``tests/roles.py``) whose first parameter is ``actor`` must be
in ``SERVICES`` or in ``READ_ONLY``, by its full dotted name; ``test_every_service_is_catalogued`` fails, naming the function, otherwise.

How to add a service (one line, keep it short):

    "qms.services.module.function": S(("matrix.action",), OWN, lambda w: Call((w.some_record, "text"))),

- the actions are the ``PERMISSIONS`` keys the service checks (``()`` for self-service calls
  such as signing out); COND names the condition(s) the matrix attaches to them (``()`` when
  none; the walk checks this agrees with ``PERMISSIONS``);
- the builder gets the prepared ``World`` (the demo commune plus records in every state, see
  ``build_world``) and returns the arguments after ``actor``; it runs inside the rolled-back
  transaction, so it may read current versions (``ver``). ``unit`` is the record's unit and
  ``holder`` the user for whom the conditions hold (default: the world's holder, who leads the
  started audit and owns the open actions); the walk acts as that user with one role at a
  time, and for conditional entries also as an outsider of another unit;
- a record the call needs that the world lacks: make it in ``build_world`` through the
  services (with ``system`` or a real user's ``Actor``) and keep its id in ``ids``, read back
  as ``w.<name>``.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from qms.audits import answers as audit_answers
from qms.audits import checklist as audit_checklist
from qms.audits import programme as audits
from qms.audits.answers import AnswerInput
from qms.audits.bank import BankEdit
from qms.audits.checklist import QuestionInput
from qms.audits.programme import AuditInput
from qms.auth.organization_rules import OrgInput
from qms.auth.users import UserInput, create_user
from qms.core import clock
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.roles import Role
from qms.db import all_models as m
from qms.db.uow import read_session, unit_of_work
from qms.demo.nam_trung import load_demo
from qms.demo.scale.history import SCALES
from qms.documents import drafts as documents
from qms.documents.drafts import DraftInput
from qms.documents.register_rows import HEADERS_VI
from qms.duties import reporting as duties
from qms.duties.reporting import DutyInput
from qms.nonconformities import actions as ca
from qms.nonconformities.recording import (
    AnalysisInput,
    NcInput,
    analyse_nonconformity,
    raise_nonconformity,
)
from qms.onestop.rules import Figures
from qms.plan import tasks as plan_tasks
from qms.plan.tasks import TaskUpdate
from qms.review import recording as mr
from qms.review.period_reports import NarrativeInput
from qms.risks import recording as risks
from qms.scoring import sheets as scoring
from qms.scoring.sheets import ScoreInput
from qms.trace.evidence import EvidenceInput
from qms.voice import recording as voice
from tests.documents.helpers import write_procedure

PASSWORD = "mat-khau-dung-10"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PLAN_SEED = Path(__file__).resolve().parents[2] / "qms" / "data" / "plans" / \
    "ke-hoach-cchc-nam-trung-2023.txt"
CRITERIA = """Lĩnh vực;Tên lĩnh vực;Mã;Tiêu chí;Điểm tối đa;Áp dụng;Hướng dẫn
1;Chỉ đạo, điều hành;1;Chỉ đạo, điều hành;10;1;
1;Chỉ đạo, điều hành;1.1;Kế hoạch CCHC;10;1;
""".encode("utf-8-sig")
TODAY = today()  # the services' day (Vietnam time)


@dataclass(frozen=True)
class Call:
    """The arguments after ``actor``; the record's unit and the person the conditions hold for."""

    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    unit: int | None = None  # default: World.unit (Tư pháp - Hộ tịch)
    holder: int | None = None  # default: World.holder


@dataclass(frozen=True)
class S:
    actions: tuple[str, ...]
    conditions: tuple[str, ...]
    build: Callable[[World], Call]


@dataclass
class World:
    org_id: int
    unit: int  # Tư pháp - Hộ tịch: the unit of the records below
    other_unit: int  # Ban biên tập: nobody's records, the outsider's unit
    holder: int  # lead auditor of the started audit, owner of the open actions
    outsider: int  # a user with nothing assigned
    folder: Path
    ids: dict[str, int]

    def __getattr__(self, name: str) -> int:
        try:
            return self.__dict__["ids"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def ver(model: type, record_id: int) -> int:
    with read_session() as s:
        return s.get(model, record_id).version  # type: ignore[union-attr]


def _one(stmt: Any) -> int:
    with read_session() as s:
        found = s.scalars(stmt.limit(1)).first()
    assert found is not None, str(stmt)
    return int(found)


def _xlsx(rows: list[tuple[Any, ...]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


REGISTER = _xlsx([HEADERS_VI, ("QT-90", "Quy trình thử quyền", "Quy trình", "Tư pháp - Hộ tịch",
                               1, "01/06/2023")])


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


ANALYSIS = AnalysisInput("Xin lỗi công dân.", "Không ai theo dõi hạn trả kết quả.", "method",
                         False, ("Trả chậm", "Không ai theo dõi hạn"))
EVIDENCE = EvidenceInput("Biên bản kiểm tra quyền", "09/BB-UBND", date(2023, 3, 7), "UBND xã")


def build_world(folder: Path) -> World:
    """The demo commune (through the services) plus records in the states the walk needs."""
    org = load_demo().organization_id
    assert org is not None
    system = Actor.system(org, "perm")
    with read_session() as s:
        units = {u.name: u.id for u in s.scalars(select(m.Unit).where(
            m.Unit.organization_id == org))}
        users = {u.username: u.id for u in s.scalars(select(m.User))}
    unit, other = units["Tư pháp - Hộ tịch"], units["Ban biên tập Trang thông tin điện tử"]
    holder = create_user(system, UserInput(
        "perm_holder", "Người giữ quyền", "Công chức", units["Địa chính - Xây dựng"],
        frozenset({Role.AUDITOR, Role.OFFICER, Role.LEADER})), PASSWORD)
    outsider = create_user(system, UserInput(
        "perm_outsider", "Người ngoài", "Công chức", other,
        frozenset({Role.AUDITOR, Role.OFFICER, Role.LEADER})), PASSWORD)
    ids: dict[str, int] = {name: users[name] for name in ("hoant", "hungtv", "minhlv")}
    plan = _one(select(m.Plan.id).where(m.Plan.organization_id == org))
    ids["plan"] = plan
    periods = _ids(select(m.ReportingPeriod.id).where(m.ReportingPeriod.plan_id == plan)
                   .order_by(m.ReportingPeriod.id))
    ids["period"], ids["period2"] = periods[0], periods[1]
    # A plan task with a target, handed to Tư pháp - Hộ tịch (officers act on their unit's).
    with read_session() as s:
        ids["target"], ids["task"] = s.execute(
            select(m.PlanTarget.id, m.PlanTarget.task_id).join(
                m.PlanTask, m.PlanTask.id == m.PlanTarget.task_id)
            .where(m.PlanTask.plan_id == plan).order_by(m.PlanTarget.id).limit(1)).one()
    plan_tasks.update_task(system, ids["task"], TaskUpdate(unit, None, None, "in_progress"),
                           ver(m.PlanTask, ids["task"]))
    # Documents of Tư pháp - Hộ tịch: one untouched, one draft, one submitted, one reviewed.
    docs = _docs(org, unit)
    ids["doc"] = docs[0]
    ids["draft"] = documents.start_draft(system, docs[1], "Sửa đổi thử")
    ids["submitted"] = documents.start_draft(system, docs[2], "Sửa đổi thử")
    documents.submit_revision(system, ids["submitted"], ver(m.DocumentRevision, ids["submitted"]))
    ids["reviewed"] = documents.start_draft(system, docs[3], "Sửa đổi thử")
    documents.submit_revision(system, ids["reviewed"], ver(m.DocumentRevision, ids["reviewed"]))
    leader = Actor(users["hungtv"], "hungtv", "Trần Văn Hùng", org, frozenset({Role.LEADER}))
    documents.review_revision(leader, ids["reviewed"], True, "Đồng ý",
                              ver(m.DocumentRevision, ids["reviewed"]))
    # Internal audits: the demo's planned one, and a started one led by the holder.
    ids["programme"] = _one(select(m.AuditProgramme.id).where(
        m.AuditProgramme.organization_id == org))
    ids["audit_planned"] = _one(select(m.Audit.id).where(m.Audit.status == "planned"))
    ids["audit_done"] = _one(select(m.Audit.id).where(m.Audit.status == "completed"))
    team = users["thuvt"]
    audit_id = audits.plan_audit(system, ids["programme"], AuditInput(
        "Đánh giá thử quyền", holder, unit_ids=(unit,), clause_codes=("7.5.3", "8.5.1"),
        team_ids=(team,), criteria="TCVN ISO 9001:2015"))
    audit_checklist.generate_checklist(system, audit_id)
    items = list(_ids(select(m.ChecklistItem.id).where(m.ChecklistItem.audit_id == audit_id)
                      .order_by(m.ChecklistItem.id)))
    audit_checklist.assign_questions(system, items, holder)
    audits.start_audit(system, audit_id)
    lead = Actor(holder, "perm_holder", "Người giữ quyền", org, frozenset({Role.AUDITOR}))
    audit_answers.record_answer(lead, items[0], AnswerInput("minor", "Sổ theo dõi", "Trả chậm"),
                                ver(m.ChecklistItem, items[0]))
    ids["audit"], ids["item"], ids["answered"], ids["item2"] = audit_id, items[1], items[0], \
        items[2]
    ids["audit_empty"] = audits.plan_audit(system, ids["programme"], AuditInput(
        "Đánh giá chưa có câu hỏi", holder, unit_ids=(unit,), clause_codes=("7.5.3",)))
    ids["finding"] = _one(select(m.Finding.id).where(m.Finding.audit_id == audit_id))
    # The planned audit's checklist (lead hoant): the holder is made lead of a copy below.
    ids["planned_item"] = _one(select(m.ChecklistItem.id).where(
        m.ChecklistItem.audit_id == ids["audit_planned"]))
    # Nonconformities of Tư pháp - Hộ tịch in each state; actions owned by the holder.
    nc = NcInput("Hồ sơ trả chậm 2 ngày, không có thư xin lỗi.", "minor", "citizen_feedback",
                 unit_id=unit)
    ids["nc_new"] = raise_nonconformity(system, "", None, nc)
    ids["nc_analysed"] = raise_nonconformity(system, "", None, nc)
    analyse_nonconformity(system, ids["nc_analysed"], ANALYSIS, ver(m.Nonconformity,
                                                                      ids["nc_analysed"]))
    ids["nc_action_draft"] = ca.add_action(system, ids["nc_analysed"], ca.ActionInput(
        "Lập sổ theo dõi hạn.", holder, TODAY + timedelta(days=14)))
    ids["nc_planned"], ids["action_open"] = _planned(system, nc, holder)
    ids["nc_done"], action = _planned(system, nc, users["hoant"])
    _done(system, action)
    ids["nc_verified"], action = _planned(system, nc, users["hoant"])
    _done(system, action)
    ca.verify_effectiveness(system, ids["nc_verified"], ca.VerificationInput(True, "Hiệu quả"),
                            ver(m.Nonconformity, ids["nc_verified"]))
    ids["proposal"] = _one(select(m.NcProposal.id).where(m.NcProposal.status == "pending"))
    # Management reviews: a draft one and a held one (the demo's is approved); its open action.
    ids["review_draft"] = mr.create_review(system, _review_form(users))
    ids["review_held"] = mr.create_review(system, _review_form(users))
    mr.hold_review(system, ids["review_held"], ver(m.ManagementReview, ids["review_held"]))
    ids["review_action"] = mr.add_decision(system, ids["review_held"], mr.DecisionForm(
        "Bổ sung sổ theo dõi.", holder, TODAY + timedelta(days=30)))
    # Duties: the demo's submitted report; an open report of a duty of Tư pháp - Hộ tịch.
    ids["report_submitted"] = _one(select(m.DutyReport.id).where(
        m.DutyReport.status == "submitted"))
    ids["duty"] = duties.add_duty(system, DutyInput(plan, "Tự kiểm tra thử quyền", unit))
    ids["duty_with_evidence"] = duties.add_duty(system, DutyInput(plan, "Tự kiểm tra có minh "
                                                                  "chứng", unit))
    officer = Actor(users["hoant"], "hoant", "Nguyễn Thị Hoa", org, frozenset({Role.OFFICER}), unit)
    duties.add_report_evidence(officer, ids["duty_with_evidence"], ids["period"], EVIDENCE)
    # Scoring: the demo's draft sheet; a submitted sheet of the second period.
    ids["set"] = _one(select(m.CriteriaSet.id).where(m.CriteriaSet.organization_id == org))
    ids["sheet"] = _one(select(m.ScoreSheet.id).where(m.ScoreSheet.status == "draft"))
    parents = select(m.IndexCriterion.parent_code).where(m.IndexCriterion.set_id == ids["set"])
    ids["criterion"] = _one(select(m.IndexCriterion.id).where(
        m.IndexCriterion.set_id == ids["set"], m.IndexCriterion.applies.is_(True),
        m.IndexCriterion.code.not_in(parents)).order_by(m.IndexCriterion.ordinal))
    ids["sheet_submitted"] = scoring.open_sheet(system, ids["set"], ids["period2"])
    scoring.submit_sheet(system, ids["sheet_submitted"], ver(m.ScoreSheet,
                                                              ids["sheet_submitted"]))
    ids["period3"] = periods[2]
    ids["period4"] = periods[3]
    # Citizens' voice: a feedback of the unit still to answer, one overdue (for its NC).
    ids["feedback"] = voice.record_feedback(system, voice.FeedbackInput(
        TODAY - timedelta(days=2), "phone", "Hỏi thủ tục thử quyền", unit_id=unit))
    ids["feedback_late"] = voice.record_feedback(system, voice.FeedbackInput(
        TODAY - timedelta(days=20), "in_person", "Phản ánh thử quyền quá hạn", unit_id=unit,
        due_on=TODAY - timedelta(days=10)))
    # Risks: an entry of the unit, an open action of the holder.
    ids["risk"] = risks.create_risk(system, risks.RiskInput(
        "risk", "Rủi ro thử quyền", 3, 4, unit_id=unit, next_review_date=TODAY + timedelta(
            days=30)))
    ids["risk_action"] = risks.add_action(system, ids["risk"], risks.RiskActionInput(
        "Hành động thử quyền", holder, TODAY + timedelta(days=10)))
    ids["link"] = _one(select(m.TraceLink.id).where(m.TraceLink.organization_id == org))
    ids["evidence"] = _one(select(m.Evidence.id).where(m.Evidence.organization_id == org))
    write_procedure(folder, "QT-91", title="Thủ tục thử quyền")  # new: the sync adds it
    with unit_of_work() as uow:  # a locked-out account for "unlock" (test arrangement)
        locked = uow.session.get(m.User, users["minhlv"])
        assert locked is not None
        locked.failed_logins, locked.locked_until = 5, clock.now() + timedelta(minutes=15)
        uow.commit()
    return World(org, unit, other, holder, outsider, folder, ids)


def _ids(stmt: Any) -> list[int]:
    with read_session() as s:
        return list(s.scalars(stmt))


def _docs(org: int, unit: int) -> list[int]:
    return _ids(select(m.Document.id).where(m.Document.organization_id == org,
                                            m.Document.owner_unit_id == unit)
                .order_by(m.Document.id))


def _planned(system: Actor, nc: NcInput, owner: int) -> tuple[int, int]:
    nc_id = raise_nonconformity(system, "", None, nc)
    analyse_nonconformity(system, nc_id, ANALYSIS, ver(m.Nonconformity, nc_id))
    action = ca.add_action(system, nc_id, ca.ActionInput("Lập sổ theo dõi hạn.", owner,
                                                        TODAY + timedelta(days=14)))
    ca.plan_actions(system, nc_id, ver(m.Nonconformity, nc_id))
    return nc_id, action


def _done(system: Actor, action: int) -> None:
    """Done 40 days ago: the effectiveness check may follow (30 days after the last action)."""
    ca.update_action(system, action, ca.ActionUpdate("done", "Đã lập sổ.",
                                                     TODAY - timedelta(days=40)),
                     ver(m.CorrectiveAction, action))


def _review_form(users: dict[str, int]) -> mr.ReviewForm:
    return mr.ReviewForm("Xem xét thử quyền", date(2023, 12, 15), date(2022, 12, 10),
                         date(2023, 12, 9), "Hội trường", users["bennv"], users["hangnt"],
                         ("Ông Nguyễn Văn Bền",))


def _user(w: World, username: str, unit: int | None = None) -> UserInput:
    return UserInput(username, "Người dùng thử", "Công chức", unit or w.unit,
                     frozenset({Role.OFFICER}))


def _task_update(w: World) -> TaskUpdate:
    return TaskUpdate(w.unit, None, None, "in_progress", "Đang làm.")


OWN, LEAD, TEAM, ASSIGNED, OWNER = ("own_unit",), ("audit_lead",), ("audit_team",), \
    ("assigned_auditor",), ("action_owner",)

SERVICES: dict[str, S] = {
    # organisation, units, users
    "qms.auth.organizations.update_organization": S(("organization.update",), (), lambda w: Call((
        OrgInput("Xã Nam Trung", "Ủy ban nhân dân xã Nam Trung", "Nam Trung"),
        ver(m.Organization, w.org_id)))),
    "qms.auth.organizations.add_unit": S(("unit.create",), (), lambda w: Call(("Tổ thử quyền",))),
    "qms.auth.organizations.update_unit": S(("unit.update",), (), lambda w: Call((w.other_unit,
                                                                        "Ban biên tập", True))),
    "qms.auth.users.create_user": S(("user.create",), (), lambda w: Call((_user(w, "perm_new"),))),
    "qms.auth.users.update_user": S(("user.update",), (), lambda w: Call((
        w.minhlv, _user(w, "minhlv"), ver(m.User, w.minhlv)))),
    "qms.auth.users.set_active": S(("user.disable",), (), lambda w: Call((w.minhlv, False, "Nghỉ việc"))),
    "qms.auth.users.set_password": S(("user.set_password",), (), lambda w: Call((w.minhlv, PASSWORD))),
    "qms.auth.users.unlock": S(("user.unlock",), (), lambda w: Call((w.minhlv,))),
    "qms.auth.sessions.change_own_password": S(("account.change_password",), (), lambda w: Call((
        PASSWORD, "mat-khau-moi-dung-10"))),
    "qms.auth.sessions.set_own_language": S(("account.set_language",), (), lambda w: Call(("en",))),
    "qms.auth.sessions.sign_out": S((), (), lambda w: Call()),
    "qms.backup.archive.backup_for": S(("system.backup",), (), lambda w: Call()),
    # plan, evidence, trace
    "qms.plan.saving.confirm_import": S(("plan.import",), (), lambda w: Call((
        PLAN_SEED.read_bytes(), "ke-hoach.txt", _sha(PLAN_SEED.read_bytes())))),
    "qms.plan.tasks.update_task": S(("plan_task.update",), OWN, lambda w: Call((
        w.task, _task_update(w), ver(m.PlanTask, w.task)))),
    "qms.plan.tasks.record_measurement": S(("plan_target.measure",), OWN, lambda w: Call((
        w.target, w.period, 95.0))),
    "qms.trace.evidence.add_evidence": S(("evidence.create",), (), lambda w: Call((EVIDENCE, "bb.pdf", PDF))),
    "qms.trace.links.link": S(("trace.link",), (), lambda w: Call((w.task, "evidence", w.evidence))),
    "qms.trace.links.unlink": S(("trace.unlink",), (), lambda w: Call((w.link, "Gắn nhầm"))),
    # documents
    "qms.documents.sync.sync_procedures": S(("document.sync",), (), lambda w: Call((w.folder,))),
    "qms.documents.sync.link_front_matter_tasks": S(("document.sync",), (), lambda w: Call((w.plan,))),
    "qms.documents.register_import.import_register": S(("document.import",), (), lambda w: Call((
        REGISTER, _sha(REGISTER)))),
    "qms.documents.drafts.start_draft": S(("document.draft",), OWN, lambda w: Call((w.doc, "Sửa đổi"))),
    "qms.documents.drafts.edit_draft": S(("document.draft",), OWN, lambda w: Call((w.draft, DraftInput(
        "# Quy trình\n\nNội dung sửa đổi.", "Sửa đổi bước 2"), ver(m.DocumentRevision, w.draft)))),
    "qms.documents.drafts.attach_file": S(("document.attach",), OWN, lambda w: Call((w.draft, "mau.pdf",
                                                                         PDF))),
    "qms.documents.drafts.discard_revision": S(("document.draft",), OWN, lambda w: Call((w.draft,
                                                                             "Không cần"))),
    "qms.documents.drafts.submit_revision": S(("document.submit",), OWN, lambda w: Call((
        w.draft, ver(m.DocumentRevision, w.draft)))),
    "qms.documents.drafts.review_revision": S(("document.review",), (), lambda w: Call((
        w.submitted, True, "Đồng ý", ver(m.DocumentRevision, w.submitted)))),
    "qms.documents.approval.approve_revision": S(("document.approve",), (), lambda w: Call((
        w.reviewed, PASSWORD, ver(m.DocumentRevision, w.reviewed)))),
    "qms.documents.drafts.withdraw_document": S(("document.withdraw",), (), lambda w: Call((
        w.doc, "Hết hiệu lực"))),
    "qms.documents.drafts.confirm_review": S(("document.confirm_review",), (), lambda w: Call((
        w.doc, "Vẫn phù hợp"))),
    # internal audits
    "qms.audits.bank.seed_bank": S(("audit.bank",), (), lambda w: Call()),
    "qms.audits.bank.save_bank": S(("audit.bank",), (), lambda w: Call((BankEdit({}, ({
        "clause": "7.5.3", "question": "Hồ sơ có được lưu đúng nơi quy định không?"},)),))),
    "qms.audits.programme.create_programme": S(("audit.programme",), (), lambda w: Call((2024, "Đánh giá"))),
    "qms.audits.programme.plan_audit": S(("audit.plan",), (), lambda w: Call((w.programme, AuditInput(
        "Đánh giá bổ sung", w.holder, unit_ids=(w.unit,), clause_codes=("7.5.3",))))),
    "qms.audits.programme.update_plan": S(("audit.plan",), (), lambda w: Call((w.audit_planned, AuditInput(
        "Đánh giá lần 2 (sửa)", w.hoant, unit_ids=(w.other_unit,), clause_codes=("7.1.5",)),
        ver(m.Audit, w.audit_planned)))),
    "qms.audits.programme.plan_next_audit": S(("audit.plan",), (), lambda w: Call((
        w.audit_done, w.programme, "Đánh giá tiếp theo"))),
    "qms.audits.checklist.generate_checklist": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        w.audit_empty,))),
    "qms.audits.checklist.add_question": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        w.audit_planned, QuestionInput("Có sổ theo dõi không?", "7.5.3")), holder=w.hoant)),
    "qms.audits.checklist.edit_question": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        w.planned_item, QuestionInput("Có sổ theo dõi hạn không?", "7.5.3")), holder=w.hoant)),
    "qms.audits.checklist.move_question": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        w.planned_item, 1), holder=w.hoant)),
    "qms.audits.checklist.remove_question": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        w.planned_item,), holder=w.hoant)),
    "qms.audits.checklist.assign_questions": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        [w.planned_item], w.hungtv), holder=w.hoant)),
    "qms.audits.programme.start_audit": S(("audit.edit_checklist",), LEAD, lambda w: Call((
        w.audit_planned,), holder=w.hoant)),
    "qms.audits.answers.record_answer": S(("audit.answer",), ASSIGNED, lambda w: Call((
        w.item, AnswerInput("conform", "Sổ sách"), ver(m.ChecklistItem, w.item)))),
    "qms.audits.answers.attach_file": S(("audit.answer",), ASSIGNED, lambda w: Call((
        w.item, "anh.pdf", PDF))),
    "qms.audits.answers.raise_finding_nonconformity": S(("audit.finding",), TEAM, lambda w: Call((
        w.finding,))),
    "qms.audits.programme.conclude_audit": S(("audit.conclude",), LEAD, lambda w: Call((
        w.audit, "Phù hợp", "Duy trì", ver(m.Audit, w.audit)), {"complete": False})),
    # nonconformities
    "qms.nonconformities.recording.raise_nonconformity": S(("nc.create",), (), lambda w: Call((
        "", None, NcInput("Hồ sơ trả chậm.", "minor", "citizen_feedback", unit_id=w.unit)))),
    "qms.nonconformities.recording.analyse_nonconformity": S(("nc.analyse",), OWN, lambda w: Call((
        w.nc_new, ANALYSIS, ver(m.Nonconformity, w.nc_new)))),
    "qms.nonconformities.recording.attach_file": S(("nc.attach",), OWN, lambda w: Call((w.nc_new, "a.pdf",
                                                                         PDF))),
    "qms.nonconformities.recording.set_number_prefix": S(("nc.settings",), (), lambda w: Call(("KPH",))),
    "qms.nonconformities.actions.add_action": S(("nc.plan",), OWN, lambda w: Call((
        w.nc_analysed, ca.ActionInput("Tập huấn lại.", w.hoant, TODAY + timedelta(days=7))))),
    "qms.nonconformities.actions.plan_actions": S(("nc.plan",), OWN, lambda w: Call((
        w.nc_analysed, ver(m.Nonconformity, w.nc_analysed)))),
    "qms.nonconformities.actions.update_action": S(("nc.action_update",), OWN + OWNER, lambda w: Call((
        w.action_open, ca.ActionUpdate("in_progress", "Đang làm."),
        ver(m.CorrectiveAction, w.action_open)))),
    "qms.nonconformities.actions.verify_effectiveness": S(("nc.verify",), (), lambda w: Call((
        w.nc_done, ca.VerificationInput(True, "Hiệu quả"), ver(m.Nonconformity, w.nc_done)))),
    "qms.nonconformities.actions.close_nonconformity": S(("nc.close",), (), lambda w: Call((
        w.nc_verified, ver(m.Nonconformity, w.nc_verified)))),
    "qms.nonconformities.actions.cancel_nonconformity": S(("nc.cancel",), (), lambda w: Call((
        w.nc_new, "Trùng", ver(m.Nonconformity, w.nc_new)))),
    "qms.onestop.recording.record_figures": S(("onestop.record",), (), lambda w: Call((
        w.period3, Figures(100, 50, 45, 5, 5)))),
    "qms.onestop.recording.decide_proposal": S(("onestop.decide",), (), lambda w: Call((
        w.proposal, False, "Đã giải thích", ver(m.NcProposal, w.proposal)))),
    # periodic report, management review
    "qms.review.period_reports.save_narratives": S(("period_report.edit",), (), lambda w: Call((
        w.period2, NarrativeInput("Tốt", "Không", "Tiếp tục"), 0))),
    "qms.review.recording.create_review": S(("review.prepare",), (), lambda w: Call((
        mr.ReviewForm("Xem xét bổ sung", date(2023, 12, 20), date(2022, 12, 10),
                      date(2023, 12, 9)),))),
    "qms.review.recording.update_review": S(("review.prepare",), (), lambda w: Call((
        w.review_draft, mr.ReviewForm("Xem xét (sửa)", date(2023, 12, 16), date(2022, 12, 10),
                                      date(2023, 12, 9)), ver(m.ManagementReview,
                                                              w.review_draft)))),
    "qms.review.recording.add_decision": S(("review.prepare",), (), lambda w: Call((
        w.review_held, mr.DecisionForm("Bổ sung nhân lực.", w.hoant,
                                        TODAY + timedelta(days=30))))),
    "qms.review.recording.hold_review": S(("review.prepare",), (), lambda w: Call((
        w.review_draft, ver(m.ManagementReview, w.review_draft)))),
    "qms.review.recording.record_conclusions": S(("review.prepare",), (), lambda w: Call((
        w.review_held, {}, "Hệ thống phù hợp.", ver(m.ManagementReview, w.review_held)))),
    "qms.review.recording.approve_review": S(("review.approve",), (), lambda w: Call((
        w.review_held, ver(m.ManagementReview, w.review_held)))),
    "qms.review.recording.update_review_action": S(("review.action_update",), OWNER, lambda w: Call((
        w.review_action, mr.ActionUpdate("done", "Đã xong.", TODAY),
        ver(m.ReviewAction, w.review_action)))),
    # self-inspection duties
    "qms.duties.reporting.add_duty": S(("duty.manage",), (), lambda w: Call((DutyInput(
        w.plan, "Tự kiểm tra bổ sung", w.unit),))),
    "qms.duties.reporting.add_report_evidence": S(("duty.submit",), OWN, lambda w: Call((
        w.duty, w.period, EVIDENCE))),
    "qms.duties.reporting.submit_report": S(("duty.submit",), OWN, lambda w: Call((
        w.duty_with_evidence, w.period, None))),
    "qms.duties.reporting.accept_report": S(("duty.decide",), (), lambda w: Call((
        w.report_submitted, ver(m.DutyReport, w.report_submitted)))),
    "qms.duties.reporting.return_report": S(("duty.decide",), (), lambda w: Call((
        w.report_submitted, ver(m.DutyReport, w.report_submitted), "Thiếu chữ ký"))),
    # index self-scoring
    "qms.scoring.criteria_sets.load_criteria_set": S(("scoring.load_set",), (), lambda w: Call((
        CRITERIA, "Bộ tiêu chí thử quyền", "thu.csv"))),
    "qms.scoring.sheets.open_sheet": S(("scoring.score",), (), lambda w: Call((w.set, w.period3))),
    "qms.scoring.sheets.record_score": S(("scoring.score",), (), lambda w: Call((
        w.sheet, ScoreInput(w.criterion, 1.0, "Đạt một phần")))),
    "qms.scoring.sheets.save_sheet_notes": S(("scoring.score",), (), lambda w: Call((
        w.sheet, "Khó khăn", "Kiến nghị", ver(m.ScoreSheet, w.sheet)))),
    "qms.scoring.sheets.submit_sheet": S(("scoring.submit",), (), lambda w: Call((
        w.sheet, ver(m.ScoreSheet, w.sheet)))),
    "qms.scoring.sheets.approve_sheet": S(("scoring.approve",), (), lambda w: Call((
        w.sheet_submitted, ver(m.ScoreSheet, w.sheet_submitted)))),
    "qms.scoring.sheets.return_sheet": S(("scoring.return",), (), lambda w: Call((
        w.sheet_submitted, ver(m.ScoreSheet, w.sheet_submitted), "Thiếu minh chứng"))),
    # citizens' voice
    "qms.voice.recording.save_survey": S(("voice.record",), (), lambda w: Call((w.period4, (
        voice.CriterionInput("Thái độ phục vụ", 40, 38),)))),
    "qms.voice.recording.record_feedback": S(("voice.record",), (), lambda w: Call((voice.FeedbackInput(
        TODAY, "phone", "Hỏi giờ làm việc", unit_id=w.unit),))),
    "qms.voice.recording.answer_feedback": S(("voice.answer",), OWN, lambda w: Call((
        w.feedback, TODAY, "Đã trả lời qua điện thoại.", ver(m.CitizenFeedback, w.feedback)))),
    "qms.voice.escalation.raise_voice_nc": S(("voice.raise_nc",), (), lambda w: Call((
        "citizen_feedback", w.feedback_late))),
    # risks and opportunities
    "qms.risks.recording.create_risk": S(("risk.manage",), OWN, lambda w: Call((risks.RiskInput(
        "opportunity", "Cơ hội thử quyền", 2, 3, unit_id=w.unit),))),
    "qms.risks.recording.update_risk": S(("risk.manage",), OWN, lambda w: Call((w.risk, risks.RiskInput(
        "risk", "Rủi ro thử quyền (sửa)", 3, 4, unit_id=w.unit), ver(m.Risk, w.risk)))),
    "qms.risks.recording.set_risk_status": S(("risk.manage",), OWN, lambda w: Call((
        w.risk, "closed", ver(m.Risk, w.risk), "Không còn áp dụng"))),
    "qms.risks.recording.add_action": S(("risk.manage",), OWN, lambda w: Call((w.risk, risks.RiskActionInput(
        "Tập huấn thêm", w.hoant, TODAY + timedelta(days=20))))),
    "qms.risks.recording.complete_action": S(("risk.action_update",), OWNER, lambda w: Call((
        w.risk_action, "Đã tập huấn.", ver(m.RiskAction, w.risk_action)))),
    "qms.risks.recording.review_risk": S(("risk.review",), OWN, lambda w: Call((w.risk, risks.ReviewInput(
        2, 4, "Đã giảm", TODAY + timedelta(days=90)), ver(m.Risk, w.risk)))),
    "qms.risks.recording.link_task": S(("risk.manage",), OWN, lambda w: Call((w.risk, w.task))),
    # corrective actions handed over or rescheduled (added after the walk was written)
    "qms.nonconformities.actions.reschedule_action": S(("nc.plan",), OWN, lambda w: Call((
        w.action_open, ca.ActionChange(w.hoant, TODAY + timedelta(days=21), "Đổi người phụ trách"),
        ver(m.CorrectiveAction, w.action_open)))),
    # synthetic history for the benchmarks (the "tiny" size: a few hundred rows)
    "qms.demo.scale.history.add_history": S(("system.demo_scale",), (), lambda w: Call((SCALES["tiny"],),
                                                                          {"last_year": 2019})),
}

READ_ONLY: dict[str, str] = {
    "qms.audits.access.require": "helper: raises PermissionDenied, writes nothing",
    "qms.documents.register_import.preview_register": "reads the uploaded workbook and shows the rows",
    "qms.plan.importing.preview_import": "parses the uploaded plan and shows what would change",
}

"""Demo internal audits of xã Nam Trung: the 2023 programme, one audit done, one planned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from qms.audits import answers as audit_answers
from qms.audits import checklist as audit_checklist
from qms.audits import programme as audits
from qms.audits.answers import AnswerInput
from qms.audits.programme import AuditInput
from qms.audits.queries import checklist, findings, get_audit
from qms.auth.models import Unit
from qms.auth.sessions import actors_of
from qms.core.actor import Actor
from qms.core.errors import PermissionDenied
from qms.core.feature import DemoContext
from qms.db.uow import read_session
from qms.plan.models import PlanTask

YEAR = 2023
FIRST_TITLE = f"Đánh giá nội bộ lần 1 năm {YEAR}"
SECOND_TITLE = f"Đánh giá nội bộ lần 2 năm {YEAR}"
# (result, evidence seen, note) by question position; the rest are conforming.
ANSWERS = {
    1: ("minor", "Sổ theo dõi hồ sơ tháng 5/2023",
        "03 hồ sơ đăng ký khai sinh trả kết quả chậm 01 ngày, không có phiếu xin lỗi."),
    3: ("observation", "Tủ lưu trữ hồ sơ hộ tịch", "Nên dán nhãn tủ hồ sơ theo năm."),
}


@dataclass(frozen=True)
class DemoAudits:
    programme_id: int
    completed_id: int
    planned_id: int
    nonconformity_id: int | None


def _ids(org_id: int, model: type, column: str, values: tuple[str, ...]) -> tuple[int, ...]:
    with read_session() as s:
        rows = dict(s.execute(select(getattr(model, column), model.id).where(  # type: ignore
            model.organization_id == org_id, getattr(model, column).in_(values))).all())
    return tuple(rows[v] for v in values if v in rows)


def _answer_all(org_id: int, audit_id: int, people: dict[str, Actor]) -> None:
    by_id = {a.user_id: a for a in people.values()}
    for n, item in enumerate(checklist(org_id, audit_id)):
        result, evidence, note = ANSWERS.get(n, ("conform", "Hồ sơ, sổ sách liên quan", ""))
        audit_answers.record_answer(by_id[item.auditor_id], item.id,
                                    AnswerInput(result, evidence, note), item.version)


def _raise_nc(org_id: int, audit_id: int, lead: Actor) -> int | None:
    graded = [f for f in findings(org_id, audit_id) if f.result in ("major", "minor")]
    if not graded:
        return None
    try:
        return audit_answers.raise_finding_nonconformity(lead, graded[0].id)
    except PermissionDenied:  # the nonconformity permissions are not in the matrix yet
        return None


def _plan(org_id: int, programme_id: int, data: AuditInput, people: dict[str, Actor],
          lead: str, team: str) -> int:
    audit_id = audits.plan_audit(Actor.system(org_id, "demo"), programme_id, data)
    audit_checklist.generate_checklist(people[lead], audit_id)
    first, second = people[lead], people[team]
    mine: list[int] = []
    theirs: list[int] = []
    for n, item in enumerate(checklist(org_id, audit_id)):
        # Alternate, but never give a question on an auditor's own unit to that auditor.
        pick_first = (n % 2 == 0 or item.unit_id == second.unit_id) and \
            item.unit_id != first.unit_id
        (mine if pick_first else theirs).append(item.id)
    audit_checklist.assign_questions(first, mine, first.user_id)
    audit_checklist.assign_questions(first, theirs, second.user_id)
    return audit_id


def load_demo_audits(demo: DemoContext) -> DemoAudits:
    """Add the demo programme (call once, after the demo organisation and plan are loaded)."""
    org_id = demo.org_id
    system, people = Actor.system(org_id, "demo"), actors_of(org_id)
    programme_id = audits.create_programme(system, YEAR, (
        "Đánh giá việc duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại các "
        "bộ phận; ưu tiên lĩnh vực hộ tịch và Bộ phận Một cửa."))
    first = AuditInput(
        title=FIRST_TITLE, lead_auditor_id=people["hangnt"].user_id or 0,
        unit_ids=_ids(org_id, Unit, "name", ("Tư pháp - Hộ tịch", "Bộ phận Một cửa")),
        clause_codes=("7.5.3", "8.5.1"), team_ids=(people["thuvt"].user_id or 0,),
        plan_task_ids=_task_ids(org_id, ("3.6",)), criteria="TCVN ISO 9001:2015; các quy "
        "trình ISO của UBND xã; Kế hoạch CCHC năm 2023",
        auditees="Công chức Tư pháp - Hộ tịch; công chức Bộ phận Một cửa",
        start_date=date(YEAR, 6, 12), end_date=date(YEAR, 6, 13))
    completed_id = _plan(org_id, programme_id, first, people, "hangnt", "thuvt")
    audits.start_audit(people["hangnt"], completed_id)
    _answer_all(org_id, completed_id, people)
    nc_id = _raise_nc(org_id, completed_id, people["hangnt"])
    view = get_audit(org_id, completed_id)
    audits.conclude_audit(people["hangnt"], completed_id, (
        "Hệ thống quản lý chất lượng tại các bộ phận được đánh giá được duy trì phù hợp; còn "
        "01 điểm không phù hợp nhẹ về thời hạn trả kết quả hồ sơ hộ tịch."),
        "Công chức Tư pháp - Hộ tịch thực hiện hành động khắc phục trước ngày 30/6/2023.",
        view.version if view else 1)
    second = AuditInput(
        title=SECOND_TITLE, lead_auditor_id=people["hoant"].user_id or 0,
        unit_ids=_ids(org_id, Unit, "name", ("Văn phòng - Thống kê", "Tài chính - Kế toán")),
        clause_codes=("7.1.5", "7.1.6", "9.1.1", "9.1.3"),
        team_ids=(people["hungtv"].user_id or 0,),
        criteria="TCVN ISO 9001:2015", start_date=date(YEAR, 11, 20),
        end_date=date(YEAR, 11, 21))
    planned_id = _plan(org_id, programme_id, second, people, "hoant", "hungtv")
    return DemoAudits(programme_id, completed_id, planned_id, nc_id)


def _task_ids(org_id: int, codes: tuple[str, ...]) -> tuple[int, ...]:
    return _ids(org_id, PlanTask, "code", codes)


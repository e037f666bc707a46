"""Report sections from the quality records: audits held, nonconformities opened, closed and
overdue, documents issued and revised — each counted in SQL for the window ``start..end``
(both days included), ``None`` when the window has nothing of its kind."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select

from qms.audits.models import Audit, Finding
from qms.core.clock import VN_TZ, today
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.db.uow import read_session
from qms.documents.models import Document, DocumentRevision
from qms.nonconformities.models import CorrectiveAction, Nonconformity
from qms.nonconformities.rules import NcStatus
from qms.plan.sections import window_text
from qms.reports.sections import Section

VI = "vi"
NC_RESULTS, OTHER_RESULTS = ("major", "minor"), ("observation", "opportunity")


def _count(condition: object) -> object:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _day(d: date | None) -> str:
    return vn_short_date(d) if d else ""


def audits_section(org_id: int, start: date, end: date) -> Section | None:
    """Audits that started in the window, with their findings counted by kind."""
    query = (select(Audit.title, Audit.audit_type, Audit.start_date, Audit.end_date,
                    Audit.status, _count(Finding.result.in_(NC_RESULTS)),
                    _count(Finding.result == "observation"),
                    _count(Finding.result == "opportunity"))
             .outerjoin(Finding, Finding.audit_id == Audit.id)
             .where(Audit.organization_id == org_id, Audit.start_date.between(start, end))
             .group_by(Audit.id, Audit.title, Audit.audit_type, Audit.start_date,
                       Audit.end_date, Audit.status)
             .order_by(Audit.start_date, Audit.id))
    with read_session() as s:
        rows = s.execute(query).all()
    if not rows:
        return None
    ncs = sum(int(r[5]) for r in rows)
    others = sum(int(r[6]) + int(r[7]) for r in rows)
    table = tuple((title, "Nội bộ" if kind == "internal" else "Bên ngoài",
                   f"{_day(first)} – {_day(last)}" if last and last != first else _day(first),
                   t(f"audit.status.{status}", VI), str(int(n)), str(int(o)), str(int(i)))
                  for title, kind, first, last, status, n, o, i in rows)
    return Section(
        "audits", "Đánh giá nội bộ và kiểm tra",
        f"Trong kỳ ({window_text(start, end)}) tiến hành {len(rows)} cuộc đánh giá, kiểm tra; "
        f"phát hiện {ncs} điểm không phù hợp và {others} điểm quan sát, cơ hội cải tiến.",
        ("Cuộc đánh giá", "Loại", "Thời gian", "Tình trạng", "Không phù hợp", "Điểm quan sát",
         "Cơ hội cải tiến"), table,
        {"audits": len(rows), "nonconformities": ncs, "other_findings": others})


def _overdue_nc_ids(org_id: int, start: date, end: date, now: date) -> object:
    """Nonconformities with an action due in the window and not done by its due date."""
    return (select(CorrectiveAction.nonconformity_id)
            .join(Nonconformity, Nonconformity.id == CorrectiveAction.nonconformity_id)
            .where(CorrectiveAction.organization_id == org_id,
                   CorrectiveAction.due_date.between(start, end),
                   CorrectiveAction.due_date < now,
                   Nonconformity.status != NcStatus.CANCELLED.value,
                   or_(CorrectiveAction.done_on.is_(None),
                       CorrectiveAction.done_on > CorrectiveAction.due_date)))


def nonconformities_section(org_id: int, start: date, end: date) -> Section | None:
    """Nonconformities found, closed and overdue in the window, and the list of those found."""
    found = Nonconformity.found_on.between(start, end)
    overdue = Nonconformity.id.in_(_overdue_nc_ids(org_id, start, end, today()))
    mine = Nonconformity.organization_id == org_id
    with read_session() as s:
        opened, closed, late = s.execute(select(
            _count(found), _count(Nonconformity.closed_on.between(start, end)),
            _count(overdue)).where(mine)).one()
        rows = s.execute(select(Nonconformity.number, Nonconformity.found_on,
                                Nonconformity.title, Nonconformity.grade,
                                Nonconformity.status, Nonconformity.closed_on, overdue)
                         .where(mine, or_(found, Nonconformity.closed_on.between(start, end),
                                          overdue))
                         .order_by(Nonconformity.found_on, Nonconformity.number)).all()
    if not rows:
        return None
    table = tuple((number, _day(found_on), title, t(f"nc.grade.{grade}", VI),
                   t(f"field.nc.status.{status}", VI), _day(closed_on),
                   "Quá hạn" if is_late else "")
                  for number, found_on, title, grade, status, closed_on, is_late in rows)
    return Section(
        "nonconformities", "Sự không phù hợp và hành động khắc phục",
        f"Trong kỳ ({window_text(start, end)}) phát hiện {int(opened)} sự không phù hợp, đóng "
        f"{int(closed)} phiếu; {int(late)} phiếu có hành động khắc phục quá hạn.",
        ("Số phiếu", "Ngày phát hiện", "Nội dung", "Mức độ", "Tình trạng", "Ngày đóng",
         "Quá hạn"), table,
        {"opened": int(opened), "closed": int(closed), "overdue": int(late)})


def _local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The window as UTC-aware instants: from local midnight of ``start`` to that after ``end``."""
    return (datetime.combine(start, time(), VN_TZ),
            datetime.combine(end + timedelta(days=1), time(), VN_TZ))


def documents_section(org_id: int, start: date, end: date) -> Section | None:
    """Revisions approved or effective in the window: first issues and revisions."""
    since, until = _local_bounds(start, end)
    in_window = or_(DocumentRevision.effective_date.between(start, end),
                    and_(DocumentRevision.approved_at >= since,
                         DocumentRevision.approved_at < until))
    query = (select(Document.code, Document.title, DocumentRevision.issue,
                    DocumentRevision.effective_date, DocumentRevision.change_summary)
             .join(Document, Document.id == DocumentRevision.document_id)
             .where(DocumentRevision.organization_id == org_id, in_window)
             .order_by(Document.code, DocumentRevision.issue))
    with read_session() as s:
        rows = s.execute(query).all()
    if not rows:
        return None
    issued = sum(1 for r in rows if r.issue == 1)
    return Section(
        "documents", "Ban hành, sửa đổi tài liệu của hệ thống quản lý chất lượng",
        f"Trong kỳ ({window_text(start, end)}) ban hành mới {issued} tài liệu, sửa đổi "
        f"{len(rows) - issued} tài liệu.",
        ("Mã", "Tên tài liệu", "Lần ban hành", "Ngày hiệu lực", "Nội dung thay đổi"),
        tuple((code, title, str(issue), _day(effective), summary or "")
              for code, title, issue, effective, summary in rows),
        {"issued": issued, "revised": len(rows) - issued})

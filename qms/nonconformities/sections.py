"""What the nonconformities contribute to the periodic report and a management review: those
opened, closed and overdue in the window ``start..end`` (both days included), counted in SQL,
``None`` when the window has none (the audits' and documents' sections live in their
features)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from qms.core.clock import today
from qms.core.i18n import t
from qms.db.sql import count_if
from qms.db.uow import read_session
from qms.nonconformities.models import CorrectiveAction, Nonconformity
from qms.nonconformities.rules import NcStatus
from qms.reports.sections import Section, day, window_text

VI = "vi"


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
            count_if(found), count_if(Nonconformity.closed_on.between(start, end)),
            count_if(overdue)).where(mine)).one()
        rows = s.execute(select(Nonconformity.number, Nonconformity.found_on,
                                Nonconformity.title, Nonconformity.grade,
                                Nonconformity.status, Nonconformity.closed_on, overdue)
                         .where(mine, or_(found, Nonconformity.closed_on.between(start, end),
                                          overdue))
                         .order_by(Nonconformity.found_on, Nonconformity.number)).all()
    if not rows:
        return None
    table = tuple((number, day(found_on), title, t(f"nc.grade.{grade}", VI),
                   t(f"field.nc.status.{status}", VI), day(closed_on),
                   "Quá hạn" if is_late else "")
                  for number, found_on, title, grade, status, closed_on, is_late in rows)
    return Section(
        "nonconformities", "Sự không phù hợp và hành động khắc phục",
        f"Trong kỳ ({window_text(start, end)}) phát hiện {int(opened)} sự không phù hợp, đóng "
        f"{int(closed)} phiếu; {int(late)} phiếu có hành động khắc phục quá hạn.",
        ("Số phiếu", "Ngày phát hiện", "Nội dung", "Mức độ", "Tình trạng", "Ngày đóng",
         "Quá hạn"), table,
        {"opened": int(opened), "closed": int(closed), "overdue": int(late)})

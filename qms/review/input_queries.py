"""The management-review input "status of actions from previous reviews" (ISO 9.3.2 a)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, or_, select

from qms.auth.models import User
from qms.core.actions import action_overdue
from qms.core.vn_dates import vn_short_date
from qms.db.uow import read_session
from qms.reports.sections import Section, window_text
from qms.review.models import ManagementReview, ReviewAction
from qms.review.rules import ReviewActionStatus


def previous_actions_section(org_id: int, start: date, end: date) -> Section | None:
    """Actions decided by earlier reviews that fall due in the window, or that were still
    open when it began: done (with the date and note) or still open, overdue flagged."""
    open_at_start = and_(ReviewAction.due_date < start,
                         or_(ReviewAction.status == ReviewActionStatus.OPEN.value,
                             ReviewAction.done_on >= start))
    query = (select(ManagementReview.title, ManagementReview.meeting_date, ReviewAction.text,
                    User.full_name, ReviewAction.due_date, ReviewAction.status,
                    ReviewAction.done_on, ReviewAction.done_note)
             .join(ManagementReview, ManagementReview.id == ReviewAction.review_id)
             .outerjoin(User, User.id == ReviewAction.owner_id)
             .where(ReviewAction.organization_id == org_id,
                    ManagementReview.meeting_date <= end,
                    or_(ReviewAction.due_date.between(start, end), open_at_start))
             .order_by(ManagementReview.meeting_date, ReviewAction.ordinal))
    with read_session() as s:
        rows = s.execute(query).all()
    if not rows:
        return None
    table, done, late = [], 0, 0
    for title, day, text, owner, due, status, done_on, note in rows:
        overdue = action_overdue(status, due, end)
        done += status == ReviewActionStatus.DONE.value
        late += overdue
        state = (f"Đã thực hiện ngày {vn_short_date(done_on)}" if done_on else "Đã thực hiện") \
            if status == ReviewActionStatus.DONE.value else \
            ("Quá hạn" if overdue else "Đang thực hiện")
        table.append((f"{title} ({vn_short_date(day)})", text, owner or "",
                      vn_short_date(due) if due else "", state, note or ""))
    return Section(
        "previous_actions", "Tình trạng các hành động từ các lần xem xét trước",
        f"Trong kỳ ({window_text(start, end)}) có {len(rows)} hành động từ các lần xem xét "
        f"trước: đã thực hiện {done}, quá hạn {late}, đang thực hiện {len(rows) - done - late}.",
        ("Cuộc họp", "Quyết định", "Người thực hiện", "Thời hạn", "Tình trạng", "Kết quả"),
        tuple(table), {"actions": len(rows), "done": done, "overdue": late})

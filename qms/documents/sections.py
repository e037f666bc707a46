"""What the controlled documents contribute to the periodic report and a management review:
the revisions approved or effective in the window ``start..end`` (both days included),
``None`` when the window has none."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, or_, select

from qms.core.clock import VN_TZ
from qms.db.uow import read_session
from qms.documents.models import Document, DocumentRevision
from qms.reports.sections import Section, day, window_text


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
        tuple((code, title, str(issue), day(effective), summary or "")
              for code, title, issue, effective, summary in rows),
        {"issued": issued, "revised": len(rows) - issued})

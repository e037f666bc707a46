"""What the internal audits contribute to the periodic report and a management review: the
audits that started in the window ``start..end`` (both days included) with their findings
counted in SQL, ``None`` when the window has none."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.audits.models import Audit, Finding
from qms.core.i18n import t
from qms.db.sql import count_if
from qms.db.uow import read_session
from qms.reports.sections import Section, day, window_text

VI = "vi"
NC_RESULTS = ("major", "minor")


def audits_section(org_id: int, start: date, end: date) -> Section | None:
    """Audits that started in the window, with their findings counted by kind."""
    query = (select(Audit.title, Audit.audit_type, Audit.start_date, Audit.end_date,
                    Audit.status, count_if(Finding.result.in_(NC_RESULTS)),
                    count_if(Finding.result == "observation"),
                    count_if(Finding.result == "opportunity"))
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
                   f"{day(first)} – {day(last)}" if last and last != first else day(first),
                   t(f"audit.status.{status}", VI), str(int(n)), str(int(o)), str(int(i)))
                  for title, kind, first, last, status, n, o, i in rows)
    return Section(
        "audits", "Đánh giá nội bộ và kiểm tra",
        f"Trong kỳ ({window_text(start, end)}) tiến hành {len(rows)} cuộc đánh giá, kiểm tra; "
        f"phát hiện {ncs} điểm không phù hợp và {others} điểm quan sát, cơ hội cải tiến.",
        ("Cuộc đánh giá", "Loại", "Thời gian", "Tình trạng", "Không phù hợp", "Điểm quan sát",
         "Cơ hội cải tiến"), table,
        {"audits": len(rows), "nonconformities": ncs, "other_findings": others})

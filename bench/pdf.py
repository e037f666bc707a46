"""The 150-question audit report against a bare reportlab document with the same table."""

from __future__ import annotations

import io
import time

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from sqlalchemy import func, select, text

from bench.harness import bare_engine
from qms.db.models import ChecklistItem
from qms.db.uow import read_session
from qms.queries.audit_report_data import audit_report_data
from qms.reports.audit_report import audit_report_pdf
from qms.reports.fonts import register_fonts

ITEMS_SQL = """SELECT ordinal, clause, question, result, evidence_seen, note
               FROM audit_checklist_items WHERE audit_id = :audit ORDER BY ordinal"""


def biggest_audit(org_id: int) -> tuple[int, int]:
    """The organisation's audit with the most questions: (id, questions)."""
    with read_session() as s:
        row = s.execute(select(ChecklistItem.audit_id, func.count().label("n"))
                        .where(ChecklistItem.organization_id == org_id)
                        .group_by(ChecklistItem.audit_id)
                        .order_by(func.count().desc(), ChecklistItem.audit_id).limit(1)).one()
    return row[0], row[1]


def app_pdf(org_id: int, audit_id: int) -> tuple[float, int]:
    """What the page's download does: the report's data, then the PDF."""
    start = time.perf_counter()
    pdf = audit_report_pdf(audit_report_data(org_id, audit_id))
    return time.perf_counter() - start, len(pdf)


def bare_pdf(url: str, audit_id: int) -> tuple[float, int]:
    """One query and one reportlab table of the same rows, same font and size."""
    start = time.perf_counter()
    font = register_fonts()
    style = ParagraphStyle("cell", fontName=font, fontSize=11, leading=13)
    with bare_engine(url).connect() as conn:
        rows = conn.execute(text(ITEMS_SQL), {"audit": audit_id}).fetchall()
    data = [["STT", "Điều khoản", "Câu hỏi", "Kết quả", "Bằng chứng, ghi chú"]]
    data += [[str(r.ordinal), r.clause, Paragraph(r.question, style), r.result or "",
              Paragraph(f"{r.evidence_seen} {r.note}", style)] for r in rows]
    out = io.BytesIO()
    widths = [25, 50, 180, 50, 150]
    SimpleDocTemplate(out, pagesize=A4).build([Table(data, widths, repeatRows=1)])
    return time.perf_counter() - start, len(out.getvalue())

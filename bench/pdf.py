"""The 150-question audit report against a bare reportlab document with the same table."""

from __future__ import annotations

import io
import time

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from sqlalchemy import func, select, text

from bench.harness import bare_engine
from qms.audits.base_report import LABELS
from qms.audits.models import ChecklistItem
from qms.audits.report import audit_report_pdf
from qms.audits.report_queries import audit_report_data
from qms.db.uow import read_session
from qms.reports.fonts import register_fonts
from qms.reports.styles import CONTENT_WIDTH, MARGIN_LEFT, MARGIN_RIGHT
from qms.reports.styles import style as get_style

ITEMS_SQL = """SELECT i.ordinal, i.clause, i.question, i.result, i.evidence_seen, i.note,
                      coalesce(b.full_name, a.full_name, '') AS who
               FROM audit_checklist_items i
               LEFT JOIN users b ON b.id = i.answered_by_id
               LEFT JOIN users a ON a.id = i.auditor_id
               WHERE i.audit_id = :audit ORDER BY i.ordinal"""
HEADER = ["STT", "Điều khoản", "Câu hỏi", "Kết quả", "Bằng chứng, ghi chú", "Người đánh giá"]
FRACTIONS = (.06, .1, .36, .12, .24, .12)  # the annex's columns


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
    """One query and one plain reportlab document holding the same table as the report's
    annex: the same cells as Paragraphs, font, size, column widths and grid."""
    start = time.perf_counter()
    font = register_fonts()
    cell = get_style("cell")
    style = ParagraphStyle("bare", fontName=font, fontSize=cell.fontSize, leading=cell.leading)
    with bare_engine(url).connect() as conn:
        rows = conn.execute(text(ITEMS_SQL), {"audit": audit_id}).fetchall()
    data = [HEADER] + [[str(r.ordinal), r.clause, r.question, LABELS.get(r.result or "", ""),
                        "<br/>".join(x for x in (r.evidence_seen, r.note) if x), r.who]
                       for r in rows]
    cells = [[Paragraph(str(c), style) for c in row] for row in data]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT)
    table = Table(cells, [CONTENT_WIDTH * f for f in FRACTIONS], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([table])
    return time.perf_counter() - start, len(out.getvalue())

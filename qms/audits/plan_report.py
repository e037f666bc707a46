"""KẾ HOẠCH ĐÁNH GIÁ NỘI BỘ (type KH): purpose, scope, team, dates and the question list."""

from __future__ import annotations

from reportlab.platypus import Flowable

from qms.audits.base_report import issuer, purpose, recipients, scope_section, signature
from qms.audits.report_queries import AuditReportData
from qms.reports.frame import DocumentMeta, build_admin_document, heading, paragraph, table, widths

TITLE = "KẾ HOẠCH"
SUMMARY = "Đánh giá nội bộ hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"


def _questions(d: AuditReportData) -> list[Flowable]:
    if not d.items:
        return [heading("3. Nội dung đánh giá", 2),
                paragraph("Danh mục câu hỏi sẽ được trưởng đoàn lập trước ngày đánh giá.")]
    rows = [["STT", "Điều khoản", "Câu hỏi đánh giá", "Bộ phận", "Đánh giá viên"]]
    rows += [[str(i.ordinal), i.clause, i.question, i.unit, i.auditor] for i in d.items]
    return [heading("3. Nội dung đánh giá", 2),
            table(rows, widths(.07, .11, .52, .15, .15))]


def audit_plan_pdf(d: AuditReportData) -> bytes:
    """The audit plan the chairman signs before the audit."""
    meta = DocumentMeta("KH", TITLE, SUMMARY, d.issued_on)
    body = [*purpose(d), *scope_section(d, 2), *_questions(d),
            heading("4. Tổ chức thực hiện", 2),
            paragraph("Đoàn đánh giá thực hiện theo kế hoạch; các bộ phận được đánh giá bố trí "
                      "người làm việc và chuẩn bị hồ sơ, tài liệu liên quan. Trưởng đoàn báo cáo "
                      "kết quả đánh giá cho Chủ tịch UBND xã sau khi kết thúc đánh giá.")]
    return build_admin_document(issuer(d), meta, body, signature(d), recipients(d))

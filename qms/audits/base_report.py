"""Pieces shared by the audit plan and the audit report: header, scope, team, signature."""

from __future__ import annotations

from reportlab.platypus import Flowable

from qms.audits.report_queries import AuditReportData
from qms.audits.rules import DEFAULT_SCALE
from qms.core.text import clean
from qms.core.vn_dates import vn_short_date
from qms.reports.frame import Issuer, Signature, bullet, heading, paragraph

LABELS = {o.code: o.label for o in DEFAULT_SCALE}
AUDIT_TYPE = {"internal": "Đánh giá nội bộ", "external": "Kiểm tra, đánh giá của cơ quan cấp trên"}


def issuer(d: AuditReportData) -> Issuer:
    """"ỦY BAN NHÂN DÂN" / "XÃ NAM TRUNG" from the authority's name."""
    name = clean(d.authority_name)
    head = "Ủy ban nhân dân"
    rest = name[len(head):].strip() if name.lower().startswith(head.lower()) else name
    lines = ("ỦY BAN NHÂN DÂN", rest.upper()) if rest != name else (name.upper(),)
    return Issuer(name_lines=lines, place=d.place, superior=d.superior_body,
                  abbreviation=d.symbol or "UBND")


def signature(d: AuditReportData) -> Signature:
    """The chairman signs for the People's Committee."""
    return Signature(authority="TM. ỦY BAN NHÂN DÂN",
                     title=clean(d.chairman_title or "Chủ tịch").upper(), name=d.chairman_name)


def recipients(d: AuditReportData) -> list[str]:
    """Nơi nhận: the committee's leaders, the audited units, the ISO team, the archive."""
    units = ", ".join(d.audit.unit_names)
    lines = ["Chủ tịch, các Phó Chủ tịch UBND xã;"]
    if units:
        lines.append(f"Các bộ phận được đánh giá ({units});")
    lines += ["Ban chỉ đạo ISO, đoàn đánh giá;", "Lưu: VT, ISO."]
    return lines


def dates(d: AuditReportData) -> str:
    a = d.audit
    if a.start_date is None:
        return "Chưa xác định"
    if a.end_date and a.end_date != a.start_date:
        return f"Từ ngày {vn_short_date(a.start_date)} đến ngày {vn_short_date(a.end_date)}"
    return f"Ngày {vn_short_date(a.start_date)}"


def scope_section(d: AuditReportData, number: int) -> list[Flowable]:
    """Scope (units, clauses, procedures, plan tasks), criteria, team and dates."""
    a = d.audit
    out: list[Flowable] = [heading(f"{number}. Phạm vi, chuẩn mực và đoàn đánh giá", 2)]
    out.append(bullet(f"Hình thức: {AUDIT_TYPE.get(a.audit_type, a.audit_type)}."))
    out.append(bullet(f"Bộ phận được đánh giá: {', '.join(a.unit_names) or 'toàn bộ hệ thống'}."))
    out.append(bullet("Điều khoản TCVN ISO 9001:2015: "
                      f"{', '.join(a.clause_codes) or 'theo danh mục câu hỏi'}."))
    procedures = sorted({i.source_ref.split('/')[0] for i in d.items if i.source == "procedure"})
    if procedures:
        out.append(bullet(f"Quy trình: {', '.join(procedures)}."))
    tasks = [i.source_ref for i in d.items if i.source == "plan_task"]
    if tasks:
        out.append(bullet(f"Nhiệm vụ kế hoạch: {', '.join(tasks)}."))
    out.append(bullet(f"Chuẩn mực đánh giá: {a.criteria or 'TCVN ISO 9001:2015'}."))
    out.append(bullet(f"Trưởng đoàn đánh giá: {a.lead_auditor or '—'}; thành viên: "
                      f"{', '.join(a.team) or '—'}."))
    if a.auditees:
        out.append(bullet(f"Người được đánh giá: {a.auditees}."))
    out.append(bullet(f"Thời gian: {dates(d)}."))
    return out


def purpose(d: AuditReportData) -> list[Flowable]:
    return [heading("1. Mục đích", 2), paragraph(
        "Xác định mức độ phù hợp của hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 "
        "tại UBND xã, việc thực hiện các quy trình và nhiệm vụ kế hoạch; phát hiện sự không "
        f"phù hợp và cơ hội cải tiến ({d.audit.title}).")]

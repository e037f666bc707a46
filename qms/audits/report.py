"""BÁO CÁO KẾT QUẢ ĐÁNH GIÁ NỘI BỘ (type BC), with the filled checklist as an annex."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from qms.audits.base_report import LABELS, issuer, purpose, recipients, scope_section, signature
from qms.audits.report_queries import AuditReportData
from qms.audits.rules import DEFAULT_SCALE, Score
from qms.reports.frame import (
    DocumentMeta,
    build_admin_document,
    end_block,
    header_block,
    heading,
    paragraph,
    table,
    title_block,
    widths,
)
from qms.reports.pages import render_story

TITLE = "BÁO CÁO"
SUMMARY = "Kết quả đánh giá nội bộ hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"
FINDING_CODES = [o.code for o in DEFAULT_SCALE if o.finding]


def _summary_table(d: AuditReportData) -> list[Flowable]:
    """Findings counted by top-level clause and grade."""
    counts: dict[str, dict[str, int]] = {}
    for f in d.findings:
        top = f.clause.split(".")[0] or "—"
        counts.setdefault(top, {}).setdefault(f.result, 0)
        counts[top][f.result] += 1
    header = ["Điều khoản", *(LABELS[c] for c in FINDING_CODES), "Cộng"]
    rows = [header]
    for clause in sorted(counts, key=lambda c: (len(c), c)):
        values = [counts[clause].get(c, 0) for c in FINDING_CODES]
        rows.append([clause, *map(str, values), str(sum(values))])
    totals = [sum(counts[c].get(code, 0) for c in counts) for code in FINDING_CODES]
    rows.append(["Cộng", *map(str, totals), str(sum(totals))])
    return [heading("3. Tổng hợp phát hiện", 2),
            table(rows, widths(.16, .18, .18, .16, .16, .16))]


def _nc_list(d: AuditReportData) -> list[Flowable]:
    graded = {o.code for o in DEFAULT_SCALE if o.nc_grade}
    ncs = [f for f in d.findings if f.result in graded]
    out: list[Flowable] = [heading("4. Các điểm không phù hợp", 2)]
    if not ncs:
        return [*out, paragraph("Không phát hiện điểm không phù hợp.")]
    rows = [["Số phiếu", "Câu", "Điều khoản", "Bộ phận", "Mức độ", "Nội dung"]]
    rows += [[f.nc_number or "Chưa lập phiếu",
              str(f.ordinal), f.clause, f.unit, LABELS[f.result], f.description] for f in ncs]
    others = [f for f in d.findings if f.result not in graded]
    out.append(table(rows, widths(.17, .06, .1, .15, .14, .38)))
    if others:
        out.append(paragraph("Điểm quan sát và cơ hội cải tiến:"))
        rows = [["Câu", "Điều khoản", "Loại", "Nội dung"]]
        rows += [[str(f.ordinal), f.clause, LABELS[f.result], f.description] for f in others]
        out.append(table(rows, widths(.08, .12, .2, .6)))
    return out


def _pct(score: Score) -> str:
    return f"{score.percent:.1f} %".replace(".", ",") if score.percent is not None else "—"


def _scores(d: AuditReportData) -> list[Flowable]:
    overall = d.scores["all"].get("")
    out: list[Flowable] = [heading("5. Mức độ phù hợp", 2), paragraph(
        f"Tỷ lệ phù hợp chung: {_pct(overall) if overall else '—'} "
        f"({overall.conforming if overall else 0}/{overall.scored if overall else 0} câu hỏi "
        "được chấm điểm; câu không áp dụng và chưa trả lời không tính).")]
    rows = [["Theo", "Nhóm", "Phù hợp/Đã chấm", "Tỷ lệ"]]
    for group, label in (("clause", "Điều khoản"), ("unit", "Bộ phận")):
        for key, s in sorted(d.scores[group].items()):
            rows.append([label, key or "Chung", f"{s.conforming}/{s.scored}", _pct(s)])
    if len(rows) > 1:
        out.append(table(rows, widths(.2, .4, .2, .2)))
    return out


def _conclusion(d: AuditReportData) -> list[Flowable]:
    a = d.audit
    return [heading("6. Kết luận", 2), paragraph(a.conclusion or "Chưa có kết luận."),
            heading("7. Kiến nghị", 2), paragraph(a.recommendations or "Không có.")]


def _annex(d: AuditReportData) -> list[Flowable]:
    rows = [["STT", "Điều khoản", "Câu hỏi", "Kết quả", "Bằng chứng, ghi chú", "Người đánh giá"]]
    rows += [[str(i.ordinal), i.clause, i.question, LABELS.get(i.result or "", "Chưa trả lời"),
              "\n".join(x for x in (i.evidence_seen, i.note) if x), i.answered_by or i.auditor]
             for i in d.items]
    return [PageBreak(), heading("Phụ lục: Bảng câu hỏi đánh giá đã thực hiện", 2),
            table(rows, widths(.06, .1, .36, .12, .24, .12))]


def audit_report_pdf(d: AuditReportData) -> bytes:
    """The audit report in the decree's format, the filled checklist annexed."""
    meta = DocumentMeta("BC", TITLE, SUMMARY, d.issued_on)
    body = [*purpose(d), *scope_section(d, 2), *_summary_table(d), *_nc_list(d), *_scores(d),
            *_conclusion(d)]
    if not d.items:
        return build_admin_document(issuer(d), meta, body, signature(d), recipients(d))
    # The annex follows the signature and "Nơi nhận", as annexes do under the decree.
    story = [header_block(issuer(d), meta), *title_block(meta), *body,
             KeepTogether([Spacer(1, 8), end_block(signature(d), recipients(d))]), *_annex(d)]
    return render_story(story, title=f"{TITLE} {SUMMARY}", author=d.authority_name,
                        page_numbers="top-from-2")

"""The minutes of a management review (BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO, ISO 9001 clause 9.3)
in the administrative-document frame: meeting, participants, each input with its table and
the meeting's assessment, the conclusion, the decisions with owner and due date, and the
signatures of the secretary and the chair."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from qms.core.text import clean
from qms.core.vn_dates import vn_long_date, vn_short_date
from qms.reports.blocks import to_markup
from qms.reports.fonts import SERIF
from qms.reports.frame import (
    DocumentMeta,
    bullet,
    header_block,
    heading,
    paragraph,
    table,
    title_block,
    widths,
)
from qms.reports.letterhead import OrgHeader, issuer
from qms.reports.pages import render_story
from qms.reports.styles import CONTENT_WIDTH, style
from qms.review.period_report import section_story
from qms.review.queries import ReviewDetail
from qms.review.rules import ReviewActionStatus, ReviewStatus

TITLE = "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO"
SIGNATURE_SPACE = 25


def _meeting(r: ReviewDetail) -> list[Flowable]:
    where = f", tại {r.place}" if r.place else ""
    story: list[Flowable] = [
        heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"),
        paragraph(f"Thời gian: {vn_long_date(r.meeting_date)}{where}."),
        paragraph(f"Chủ trì: {r.chair or '…'}" + (f" — {r.chair_title}" if r.chair_title
                                                  else "") + "."),
        paragraph(f"Thư ký: {r.secretary or '…'}."),
        paragraph("Thành phần tham dự:"),
    ]
    story += [bullet(p) for p in r.participants] or [bullet("…")]
    return story


def _inputs(r: ReviewDetail) -> list[Flowable]:
    story: list[Flowable] = [
        heading("II. NỘI DUNG XEM XÉT"),
        paragraph(f"Cuộc họp xem xét các thông tin đầu vào của hệ thống quản lý chất lượng "
                  f"từ ngày {vn_short_date(r.window_start)} đến ngày "
                  f"{vn_short_date(r.window_end)}:"),
    ]
    for i, item in enumerate(r.inputs, 1):
        story += section_story(item.section, f"{i}. {item.section.title}")
        story.append(paragraph(f"Đánh giá, kết luận: {item.assessment or '…'}"))
    if not r.inputs:
        story.append(paragraph("Không có thông tin đầu vào trong kỳ."))
    return story


def _decisions(r: ReviewDetail) -> list[Flowable]:
    story: list[Flowable] = [heading("III. KẾT LUẬN"),
                             paragraph(r.conclusion or "…"),
                             heading("IV. CÁC QUYẾT ĐỊNH VÀ HÀNH ĐỘNG")]
    if not r.actions:
        return [*story, paragraph("Không có quyết định.")]
    rows = [["TT", "Nội dung", "Người thực hiện", "Thời hạn", "Tình trạng"]]
    rows += [[str(a.ordinal), a.text, a.owner, vn_short_date(a.due_date) if a.due_date else "",
              "Đã thực hiện" if a.status == ReviewActionStatus.DONE else
              ("Quá hạn" if a.overdue else "Đang thực hiện")] for a in r.actions]
    return [*story, table(rows, widths(0.06, 0.44, 0.2, 0.14, 0.16))]


def _signatures(r: ReviewDetail) -> Flowable:
    def block(role: str, name: str) -> list[Flowable]:
        return [Paragraph(role, style("signature_title")), Spacer(1, SIGNATURE_SPACE * 2.83),
                Paragraph(to_markup(clean(name)), style("signature_name"))]

    grid = Table([[block("THƯ KÝ", r.secretary), block("CHỦ TRÌ", r.chair)]],
                 colWidths=[CONTENT_WIDTH / 2] * 2)
    grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([paragraph("Biên bản được lập và thông qua tại cuộc họp."),
                         Spacer(1, 12), grid])


def minutes_pdf(org: OrgHeader, r: ReviewDetail) -> bytes:
    """The minutes as PDF bytes; a review not yet held is marked as a draft."""
    meta = DocumentMeta(type_code="BB", type_title=TITLE, summary=r.title,
                        issued_on=r.meeting_date)
    story: list[Flowable] = [header_block(issuer(org), meta), *title_block(meta),
                             *_meeting(r), *_inputs(r), *_decisions(r), _signatures(r)]
    watermark = "DỰ THẢO" if r.status == ReviewStatus.DRAFT else None
    return render_story(story, title=f"{TITLE} {clean(r.title)}",
                        author=" ".join(issuer(org).name_lines), watermark=watermark)

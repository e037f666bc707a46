"""The controlled copy of a document revision (bản kiểm soát), as a PDF.

First the identification (issuing body; document type and title; code, issue number,
effective date), then the control block (drafter, reviewer, approver with their titles and
the approval signature), the revision table, and the body. "Trang x/y" is printed on every
page; superseded or obsolete copies carry a "HẾT HIỆU LỰC" watermark, drafts "DỰ THẢO".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, Spacer

from qms.core.text import clean
from qms.documents.rules import EXPIRED_STATUSES, OPEN_STATUSES, RevisionStatus
from qms.reports.blocks import heading, paragraph, table, widths
from qms.reports.markdown import markdown_flowables
from qms.reports.pages import render_story
from qms.reports.sections import day

EXPIRED_MARK = "HẾT HIỆU LỰC"
DRAFT_MARK = "DỰ THẢO"
TYPE_TITLES = {"policy": "TÀI LIỆU", "system": "QUY TRÌNH", "process": "QUY TRÌNH",
               "form": "BIỂU MẪU"}
STATUS_TEXT = {RevisionStatus.DRAFT: "Dự thảo", RevisionStatus.IN_REVIEW: "Đang xem xét",
               RevisionStatus.EFFECTIVE: "Đang hiệu lực",
               RevisionStatus.SUPERSEDED: "Hết hiệu lực (đã thay thế)",
               RevisionStatus.OBSOLETE: "Hết hiệu lực (đã hủy bỏ)"}


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str


@dataclass(frozen=True)
class RevisionLine:
    """One row of the revision table: issue, effective date, what changed and where."""

    issue: int
    effective_date: date | None
    summary: str
    status: str


@dataclass(frozen=True)
class ControlledCopy:
    authority: str  # "Ủy ban nhân dân xã Nam Trung"
    code: str
    title: str
    doc_type: str
    issue: int
    status: str
    effective_date: date | None
    drafter: Signatory
    reviewer: Signatory
    approver: Signatory
    signed_at: datetime | None  # the approver's electronic signature (UTC)
    signature_meaning: str
    revisions: tuple[RevisionLine, ...]
    body: str


def watermark_for(status: str) -> str | None:
    """The mark across every page: expired copies and drafts must not pass for current ones."""
    if status in EXPIRED_STATUSES:
        return EXPIRED_MARK
    if status in OPEN_STATUSES:
        return DRAFT_MARK
    return None


def identification(copy: ControlledCopy) -> Flowable:
    """Issuing body | type and title | code, issue, effective date."""
    middle = f"{TYPE_TITLES.get(copy.doc_type, 'TÀI LIỆU')}\n{clean(copy.title).upper()}"
    right = (f"Mã hiệu: {copy.code}\nLần ban hành: {copy.issue}\n"
             f"Ngày hiệu lực: {day(copy.effective_date)}")
    return table([[clean(copy.authority).upper(), middle, right]], widths(0.3, 0.4, 0.3))


def _signature_text(copy: ControlledCopy) -> str:
    if copy.signed_at is None:
        return ""
    return (f"Đã ký điện tử {copy.signed_at.strftime('%d/%m/%Y %H:%M')} (UTC)\n"
            f"{copy.signature_meaning}")


def control_block(copy: ControlledCopy) -> Flowable:
    """Who drafted, reviewed and approved this issue, with their titles."""
    people = (copy.drafter, copy.reviewer, copy.approver)
    rows = [["", "Người soạn thảo", "Người xem xét", "Người phê duyệt"],
            ["Họ và tên", *(p.name for p in people)],
            ["Chức vụ", *(p.title for p in people)],
            ["Chữ ký", "", "", _signature_text(copy)]]
    return table(rows, widths(0.16, 0.28, 0.28, 0.28))


def revision_table(copy: ControlledCopy) -> Flowable:
    rows = [["Lần ban hành", "Ngày hiệu lực", "Nội dung sửa đổi (vị trí, tóm tắt)",
             "Tình trạng"]]
    rows += [[str(r.issue), day(r.effective_date), r.summary,
              STATUS_TEXT.get(RevisionStatus(r.status), r.status)] for r in copy.revisions]
    return table(rows, widths(0.13, 0.15, 0.5, 0.22))


def controlled_copy_pdf(copy: ControlledCopy) -> bytes:
    """The controlled copy as PDF bytes (deterministic: same input, same bytes)."""
    story: list[Flowable] = [
        identification(copy), Spacer(1, 8), control_block(copy), Spacer(1, 8),
        heading("BẢNG THEO DÕI SỬA ĐỔI"), revision_table(copy), Spacer(1, 12),
    ]
    story += markdown_flowables(copy.body) or [paragraph("(Chưa có nội dung.)", "small_italic")]
    return render_story(story, title=f"{copy.code} {clean(copy.title)} - lần {copy.issue}",
                        author=clean(copy.authority), page_numbers="trang-x-y",
                        watermark=watermark_for(copy.status))

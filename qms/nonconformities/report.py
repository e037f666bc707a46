"""The corrective-action request form (PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC) of one
nonconformity, in the administrative-document frame: every field, the actions of every
round, the effectiveness checks, the closure and the signatures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer

from qms.reports.frame import (
    DocumentMeta,
    Signature,
    build_admin_document,
    bullet,
    heading,
    paragraph,
    table,
    widths,
)
from qms.reports.letterhead import OrgHeader, issuer
from qms.reports.sections import day

TITLE = "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC"


@dataclass(frozen=True)
class CarAction:
    round: int
    ordinal: int
    description: str
    owner: str
    due_date: date | None
    status: str  # already in words: "Đã hoàn thành"
    done_note: str
    done_on: date | None


@dataclass(frozen=True)
class CarCheck:
    round: int
    verified_on: date
    verifier: str
    effective: bool
    note: str


@dataclass(frozen=True)
class CarForm:
    """Everything the form prints, enums already turned into Vietnamese words."""

    org: OrgHeader
    number: str
    title: str
    status: str
    found_on: date
    recorded_on: date
    source: str
    unit: str
    procedure: str
    clause: str  # "7.5.3 — Kiểm soát thông tin dạng văn bản"
    found_by: str
    owner: str
    grade: str
    description: str
    evidence: str
    correction: str
    consequences: str
    whys: tuple[str, ...]
    cause_category: str
    root_cause: str
    similar: str
    recurrence_of: str
    plan_tasks: tuple[str, ...]
    actions: tuple[CarAction, ...]
    checks: tuple[CarCheck, ...]
    closed_on: date | None
    closed_by: str
    cancelled_on: date | None
    cancelled_by: str
    cancel_reason: str


def _facts(f: CarForm) -> Flowable:
    rows = [["Số phiếu", f.number, "Tình trạng", f.status],
            ["Ngày phát hiện", day(f.found_on), "Ngày ghi nhận", day(f.recorded_on)],
            ["Nguồn phát hiện", f.source, "Mức độ", f.grade],
            ["Bộ phận", f.unit, "Quy trình", f.procedure],
            ["Điều khoản", f.clause, "Người phát hiện", f.found_by],
            ["Người chịu trách nhiệm", f.owner, "Lặp lại phiếu", f.recurrence_of or "Không"]]
    return table(rows, widths(0.18, 0.32, 0.18, 0.32), header_rows=0)


def _text(label: str, value: str) -> list[Flowable]:
    return [heading(label, 2), paragraph(value or "(Chưa có)", "body_flush")]


def _analysis(f: CarForm) -> list[Flowable]:
    out: list[Flowable] = [heading("3. Phân tích nguyên nhân", 2)]
    out += [bullet(f"Tại sao {i}: {why}") for i, why in enumerate(f.whys, 1)]
    out.append(bullet(f"Nhóm nguyên nhân: {f.cause_category or '(chưa xác định)'}."))
    out.append(bullet(f"Nguyên nhân gốc: {f.root_cause or '(chưa xác định)'}"))
    out += _text("4. Có trường hợp tương tự không?", f.similar)
    return out


def _actions(f: CarForm) -> list[Flowable]:
    out: list[Flowable] = [heading("5. Hành động khắc phục", 2)]
    if not f.actions:
        return [*out, paragraph("(Chưa lập kế hoạch hành động.)", "body_flush")]
    rows = [["TT", "Nội dung hành động", "Người thực hiện", "Thời hạn", "Kết quả thực hiện",
             "Ngày hoàn thành", "Tình trạng"]]
    rows += [[f"{a.round}.{a.ordinal}" if a.round > 1 else str(a.ordinal), a.description,
              a.owner, day(a.due_date), a.done_note, day(a.done_on), a.status]
             for a in f.actions]
    return [*out, table(rows, widths(0.05, 0.23, 0.13, 0.13, 0.2, 0.13, 0.13))]


def _checks(f: CarForm) -> list[Flowable]:
    out: list[Flowable] = [heading("6. Kiểm tra hiệu lực", 2)]
    if not f.checks:
        return [*out, paragraph("(Chưa kiểm tra hiệu lực.)", "body_flush")]
    rows = [["Lần", "Ngày kiểm tra", "Người kiểm tra", "Kết quả", "Nhận xét"]]
    rows += [[str(c.round), day(c.verified_on), c.verifier,
              "Có hiệu lực" if c.effective else "Không có hiệu lực", c.note] for c in f.checks]
    return [*out, table(rows, widths(0.07, 0.14, 0.22, 0.17, 0.4))]


def _closure(f: CarForm) -> list[Flowable]:
    out: list[Flowable] = [heading("7. Kết thúc", 2)]
    if f.closed_on:
        out.append(paragraph(f"Đã đóng phiếu ngày {day(f.closed_on)}; người đóng phiếu: "
                             f"{f.closed_by}.", "body_flush"))
    elif f.cancelled_on:
        out.append(paragraph(f"Đã hủy phiếu ngày {day(f.cancelled_on)}; người hủy: "
                             f"{f.cancelled_by}. Lý do: {f.cancel_reason}", "body_flush"))
    else:
        out.append(paragraph("(Phiếu chưa đóng.)", "body_flush"))
    return out


def _signatures(f: CarForm) -> Flowable:
    owners = ", ".join(dict.fromkeys(a.owner for a in f.actions if a.owner)) or ""
    checker = f.checks[-1].verifier if f.checks else ""
    rows = [["NGƯỜI PHÁT HIỆN", "NGƯỜI THỰC HIỆN KHẮC PHỤC", "NGƯỜI KIỂM TRA HIỆU LỰC"],
            ["\n\n\n" + f.found_by, "\n\n\n" + owners, "\n\n\n" + checker]]
    return table(rows, widths(1 / 3, 1 / 3, 1 / 3), header_rows=1)


def car_story(f: CarForm) -> list[Flowable]:
    """The body of the form (everything between the title and the end block)."""
    story: list[Flowable] = [_facts(f), Spacer(1, 6)]
    story += _text("1. Mô tả sự không phù hợp", f.description)
    if f.evidence:
        story.append(paragraph(f"Bằng chứng: {f.evidence}", "body_flush"))
    if f.plan_tasks:
        story.append(paragraph("Nhiệm vụ kế hoạch liên quan: " + "; ".join(f.plan_tasks),
                               "body_flush"))
    story += _text("2. Khắc phục tức thời và xử lý hậu quả",
                   "\n".join(x for x in (f.correction, f.consequences) if x))
    story += [*_analysis(f), *_actions(f), *_checks(f), *_closure(f), Spacer(1, 10),
              _signatures(f)]
    return story


def car_pdf(f: CarForm) -> bytes:
    """The form as PDF bytes; the end block is signed by whoever closed it (or left blank)."""
    meta = DocumentMeta(type_code="PYC", type_title=TITLE, summary=f.title,
                        issued_on=f.recorded_on, number=f.number)
    signature = Signature(title="XÁC NHẬN ĐÓNG PHIẾU", name=f.closed_by,
                          authority="")
    recipients = [f"Bộ phận {f.unit}" if f.unit else "Bộ phận liên quan", "Thư ký ISO",
                  "Lưu: VT, hồ sơ ISO"]
    return build_admin_document(issuer(f.org), meta, car_story(f), signature, recipients)

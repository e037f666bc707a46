"""The register of nonconformities for a year or a reporting period, as a report (BÁO CÁO)
of the People's Committee: figures by status, grade and source, then one line per record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from qms.core.text import clean
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


@dataclass(frozen=True)
class RegisterLine:
    number: str
    found_on: date
    title: str
    source: str
    unit: str
    grade: str
    status: str
    actions: str  # "1/2" done of the current round
    days_open: int
    overdue: bool


@dataclass(frozen=True)
class NcRegisterReport:
    org: OrgHeader
    scope: str  # "năm 2023" or "kỳ báo cáo 6 tháng đầu năm 2023 (10/3/2023 – 09/6/2023)"
    issued_on: date
    lines: tuple[RegisterLine, ...]
    by_status: tuple[tuple[str, int], ...]
    by_grade: tuple[tuple[str, int], ...]
    by_source: tuple[tuple[str, int], ...]


def _counts(label: str, pairs: tuple[tuple[str, int], ...]) -> Flowable:
    text = "; ".join(f"{name}: {n}" for name, n in pairs if n) or "không có"
    return bullet(f"{label}: {text}.")


def register_story(r: NcRegisterReport) -> list[Flowable]:
    """The body: the general situation with counts, then the register table."""
    overdue = sum(1 for x in r.lines if x.overdue)
    story: list[Flowable] = [
        heading("I. TÌNH HÌNH CHUNG"),
        paragraph(f"Trong {r.scope}, Ủy ban nhân dân xã ghi nhận {len(r.lines)} sự không phù "
                  f"hợp; {overdue} phiếu có hành động khắc phục quá hạn."),
        _counts("Theo tình trạng", r.by_status), _counts("Theo mức độ", r.by_grade),
        _counts("Theo nguồn phát hiện", r.by_source),
        heading("II. SỔ THEO DÕI SỰ KHÔNG PHÙ HỢP"),
    ]
    if not r.lines:
        return [*story, paragraph("Không có sự không phù hợp nào trong kỳ.")]
    rows = [["TT", "Số phiếu", "Ngày phát hiện", "Nội dung", "Bộ phận", "Nguồn, mức độ",
             "Tình trạng, số ngày"]]
    rows += [[str(i), x.number, day(x.found_on), x.title, x.unit, f"{x.source}\n{x.grade}",
              x.status + (" (quá hạn)" if x.overdue else "") + f"\n{x.days_open} ngày"]
             for i, x in enumerate(r.lines, 1)]
    return [*story, table(rows, widths(0.05, 0.17, 0.13, 0.25, 0.13, 0.14, 0.13))]


def register_pdf(r: NcRegisterReport) -> bytes:
    """The register as PDF bytes, signed for the committee by its chairman."""
    meta = DocumentMeta(type_code="BC", type_title="BÁO CÁO",
                        summary="Tình hình xử lý sự không phù hợp và hành động khắc phục "
                                f"{r.scope}", issued_on=r.issued_on)
    signature = Signature(authority="TM. ỦY BAN NHÂN DÂN",
                          title=clean(r.org.chairman_title or "Chủ tịch").upper(),
                          name=r.org.chairman_name)
    recipients = ["Chủ tịch, các Phó Chủ tịch UBND xã", "Ban chỉ đạo ISO",
                  "Các bộ phận chuyên môn", "Lưu: VT, ISO"]
    return build_admin_document(issuer(r.org), meta, register_story(r), signature, recipients)

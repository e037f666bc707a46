"""The self-assessment report (BÁO CÁO kết quả tự chấm điểm chỉ số CCHC) and the index of
the evidence pack, both in the administrative-document frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from qms.reports.blocks import heading, paragraph, table, widths
from qms.reports.frame import DocumentMeta, Signature, build_admin_document
from qms.reports.letterhead import OrgHeader, issuer
from qms.reports.sections import day

SAMPLE_NOTE = "Bộ tiêu chí MẪU — thay bằng bộ tiêu chí chính thức"


@dataclass(frozen=True)
class AreaLine:
    number: int
    title: str
    max_points: float
    score: float
    percent: float | None


@dataclass(frozen=True)
class CriterionLine:
    code: str
    title: str
    max_points: float
    score: float | None  # None: not scored
    applies: bool
    scorable: bool
    explanation: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class SelfAssessment:
    org: OrgHeader
    set_name: str
    is_sample: bool
    period: str  # "Báo cáo Quý I/2023 (10/12/2022 – 09/3/2023)"
    year: int
    issued_on: date
    status: str  # in words
    approved: bool
    areas: tuple[AreaLine, ...]
    max_points: float
    score: float
    percent: float | None
    lines: tuple[CriterionLine, ...]
    difficulties: str
    recommendations: str


@dataclass(frozen=True)
class PackLine:
    code: str
    criterion: str
    doc_number: str
    doc_date: date | None
    issuer: str
    title: str
    file_name: str  # name inside the ZIP, "" when the evidence has no file


def points(value: float | None) -> str:
    """``2,5`` as Vietnamese texts write decimals; empty for ``None``."""
    return "" if value is None else f"{value:g}".replace(".", ",")


def pct(value: float | None) -> str:
    return "" if value is None else f"{points(value)}%"


def _summary_table(r: SelfAssessment) -> Flowable:
    rows = [["TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự chấm", "Tỷ lệ (%)"]]
    rows += [[str(a.number), a.title, points(a.max_points), points(a.score), pct(a.percent)]
             for a in r.areas]
    rows.append(["", "Tổng cộng", points(r.max_points), points(r.score), pct(r.percent)])
    return table(rows, widths(0.07, 0.51, 0.14, 0.14, 0.14))


def _explanations(r: SelfAssessment) -> Flowable:
    rows = [["Mã", "Tiêu chí", "Tối đa", "Tự chấm", "Giải trình, tài liệu kiểm chứng"]]
    for x in r.lines:
        if not x.applies:
            score, note = "", "Không áp dụng đối với đơn vị."
        elif not x.scorable:
            score, note = "", ""
        else:
            score = points(x.score) if x.score is not None else "Chưa chấm"
            docs = "\n".join(f"+ {e}" for e in x.evidence)
            note = "\n".join(p for p in (x.explanation, docs) if p)
        rows.append([x.code, x.title, points(x.max_points), score, note])
    return table(rows, widths(0.09, 0.36, 0.1, 0.11, 0.34))


def self_assessment_story(r: SelfAssessment) -> list[Flowable]:
    """Summary per area, the explanation of each criterion, difficulties, recommendations."""
    story: list[Flowable] = [paragraph(f"Bộ tiêu chí: {r.set_name}.")]
    if r.is_sample:
        story.append(paragraph(f"Lưu ý: {SAMPLE_NOTE}; kết quả chỉ để thử nghiệm."))
    story += [
        heading("I. KẾT QUẢ TỰ CHẤM ĐIỂM"),
        paragraph(f"Căn cứ bộ tiêu chí, Ủy ban nhân dân xã tự chấm điểm kỳ {r.period}: "
                  f"tổng điểm tự chấm {points(r.score)}/{points(r.max_points)} điểm, đạt "
                  f"{pct(r.percent) or '0%'}. Tình trạng: {r.status}."),
        _summary_table(r),
        heading("II. GIẢI TRÌNH ĐIỂM TỰ CHẤM THEO TIÊU CHÍ"),
        _explanations(r),
        heading("III. KHÓ KHĂN, VƯỚNG MẮC"),
        paragraph(r.difficulties or "Không có."),
        heading("IV. KIẾN NGHỊ, ĐỀ XUẤT"),
        paragraph(r.recommendations or "Không có."),
    ]
    return story


def _signature(org: OrgHeader) -> Signature:
    return Signature(authority="TM. ỦY BAN NHÂN DÂN",
                     title=(org.chairman_title or "Chủ tịch").upper(), name=org.chairman_name)


def self_assessment_pdf(r: SelfAssessment) -> bytes:
    """The report as PDF bytes; until a leader approves the sheet it is marked DỰ THẢO."""
    meta = DocumentMeta(type_code="BC", type_title="BÁO CÁO", issued_on=r.issued_on,
                        summary=f"Kết quả tự chấm điểm chỉ số cải cách hành chính năm {r.year}")
    recipients = ["Phòng Nội vụ (cơ quan thẩm định)", "Chủ tịch, các Phó Chủ tịch UBND xã",
                  "Lưu: VT, ISO"]
    return build_admin_document(issuer(r.org), meta, self_assessment_story(r),
                                _signature(r.org), recipients,
                                watermark=None if r.approved else "DỰ THẢO")


def pack_index_pdf(r: SelfAssessment, lines: tuple[PackLine, ...]) -> bytes:
    """The index of the evidence pack: criterion → document → file name in the ZIP."""
    meta = DocumentMeta(type_code="DM", type_title="DANH MỤC TÀI LIỆU KIỂM CHỨNG",
                        issued_on=r.issued_on,
                        summary=f"Kèm theo báo cáo tự chấm điểm chỉ số CCHC kỳ {r.period}")
    rows = [["Tiêu chí", "Số, ký hiệu; ngày", "Cơ quan ban hành", "Trích yếu", "Tên tệp"]]
    rows += [[f"{x.code} {x.criterion}", "; ".join(p for p in (x.doc_number, day(x.doc_date))
                                                   if p),
              x.issuer, x.title, x.file_name or "(không có tệp)"] for x in lines]
    body: list[Flowable] = [paragraph(f"Bộ tiêu chí: {r.set_name}.")]
    if r.is_sample:
        body.append(paragraph(f"Lưu ý: {SAMPLE_NOTE}."))
    body.append(table(rows, widths(0.22, 0.17, 0.16, 0.2, 0.25)) if lines
                else paragraph("Chưa có tài liệu kiểm chứng nào được gắn với điểm tự chấm."))
    return build_admin_document(issuer(r.org), meta, body, _signature(r.org),
                                ["Lưu: VT, ISO"])

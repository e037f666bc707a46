"""The periodic CCHC report (BÁO CÁO kết quả thực hiện công tác cải cách hành chính) as a
PDF in the administrative-document frame, and the same content as an Excel workbook."""

from __future__ import annotations

import pandas as pd
from reportlab.platypus import Flowable

from qms.core.text import clean
from qms.core.vn_dates import vn_short_date
from qms.reports.excel import sheets_to_xlsx
from qms.reports.frame import (
    DocumentMeta,
    Signature,
    build_admin_document,
    heading,
    paragraph,
    table,
)
from qms.reports.letterhead import issuer
from qms.reports.sections import Section
from qms.reports.styles import CONTENT_WIDTH
from qms.review.period_queries import PeriodReportData

NOT_WRITTEN = "(Chưa có nội dung.)"
CHAR_WIDTH, CELL_PADDING = 5.6, 9  # an average letter of the 11 pt cell font; both paddings
RECIPIENTS = ("Phòng Nội vụ huyện (để báo cáo)", "Chủ tịch, các Phó Chủ tịch UBND xã",
              "Các bộ phận chuyên môn", "Lưu: VT, ISO")


def column_widths(rows: list[list[str]]) -> list[float]:
    """Column widths in points: each column at least as wide as its longest word, the rest of
    the line shared in proportion to how much more text each column holds."""
    need, want = [], []
    for column in zip(*rows, strict=True):
        longest_word = min(max((len(w) for cell in column for w in cell.split()), default=1), 16)
        need.append((longest_word + 1) * CHAR_WIDTH + CELL_PADDING)
        want.append(max(min(max(len(c) for c in column), 60) * CHAR_WIDTH + CELL_PADDING,
                        need[-1]))
    if sum(need) >= CONTENT_WIDTH:
        return [w * CONTENT_WIDTH / sum(need) for w in need]
    if sum(want) <= CONTENT_WIDTH:
        return [w * CONTENT_WIDTH / sum(want) for w in want]
    extra, growth = CONTENT_WIDTH - sum(need), sum(want) - sum(need)
    return [n + extra * (w - n) / growth for n, w in zip(need, want, strict=True)]


def section_story(section: Section, heading_text: str) -> list[Flowable]:
    """One section: its heading, its summary and its table (when it has one)."""
    story: list[Flowable] = [heading(heading_text, 2), paragraph(section.summary)]
    if section.headers:
        rows = [list(section.headers), *[list(r) for r in section.rows]]
        story.append(table(rows, column_widths(rows)))
    return story


def _paragraphs(text: str) -> list[Flowable]:
    parts = [p.strip() for p in clean(text).split("\n") if p.strip()]
    return [paragraph(p) for p in parts] or [paragraph(NOT_WRITTEN)]


def summary_line(r: PeriodReportData) -> str:
    """The line under the title: what the report is about, with the period's name."""
    return f"Kết quả thực hiện công tác cải cách hành chính {r.narratives.period}"


def report_story(r: PeriodReportData) -> list[Flowable]:
    """Body: the window, results (narrative and sections), shortcomings, next tasks."""
    n = r.narratives
    story: list[Flowable] = [
        paragraph(f"Ủy ban nhân dân xã báo cáo kết quả thực hiện công tác cải cách hành chính "
                  f"kỳ {n.period} (thời gian chốt số liệu từ ngày {vn_short_date(n.start)} "
                  f"đến ngày {vn_short_date(n.end)}) như sau:"),
        heading("I. KẾT QUẢ THỰC HIỆN"),
        heading("1. Đánh giá chung", 2), *_paragraphs(n.general_assessment),
    ]
    for i, section in enumerate(r.sections, 2):
        story += section_story(section, f"{i}. {section.title}")
    story += [heading("II. TỒN TẠI, HẠN CHẾ"), *_paragraphs(n.difficulties),
              heading("III. NHIỆM VỤ TRỌNG TÂM KỲ TIẾP THEO"), *_paragraphs(n.next_tasks)]
    return story


def period_pdf(r: PeriodReportData) -> bytes:
    """The report as PDF bytes, signed for the committee by its chairman."""
    meta = DocumentMeta(type_code="BC", type_title="BÁO CÁO", summary=summary_line(r),
                        issued_on=r.issued_on, number=r.narratives.number)
    signature = Signature(authority="TM. ỦY BAN NHÂN DÂN",
                          title=clean(r.org.chairman_title or "Chủ tịch").upper(),
                          name=r.org.chairman_name)
    return build_admin_document(issuer(r.org), meta, report_story(r), signature, RECIPIENTS)


def section_frame(section: Section) -> pd.DataFrame:
    """A section's table as a frame with its Vietnamese headers (the summary when none)."""
    if not section.headers:
        return pd.DataFrame({"Nội dung": [section.summary]})
    return pd.DataFrame([list(r) for r in section.rows], columns=list(section.headers))


def period_xlsx(r: PeriodReportData) -> bytes:
    """The report as a workbook: the narratives, then one sheet per section."""
    n = r.narratives
    cover = pd.DataFrame({
        "Mục": ["Kỳ báo cáo", "Thời gian chốt số liệu", "Đánh giá chung",
                "Tồn tại, hạn chế", "Nhiệm vụ kỳ tiếp theo"],
        "Nội dung": [n.period, f"{vn_short_date(n.start)} – {vn_short_date(n.end)}",
                     n.general_assessment, n.difficulties, n.next_tasks],
    })
    sheets = [("Báo cáo", cover)]
    sheets += [(f"{i}. {s.title}", section_frame(s)) for i, s in enumerate(r.sections, 1)]
    return sheets_to_xlsx(sheets)

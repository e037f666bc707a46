"""The demo's reform-index self-scoring for xã Nam Trung: the shipped SAMPLE criteria set, and
Quý I/2023 partly scored through the services — explanations, links to the evidence the
self-inspection duties handed in, and one new document with its file."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.db.uow import read_session
from qms.reports.blocks import paragraph
from qms.reports.pages import render_story
from qms.scoring.criteria_sets import SAMPLE_FILE, SAMPLE_NAME, load_criteria_set, sample_set_bytes
from qms.scoring.queries import periods, set_criteria
from qms.scoring.sheets import ScoreInput, open_sheet, record_score, save_sheet_notes
from qms.trace.evidence import EvidenceInput
from qms.trace.file_models import Evidence

PLAN_TITLE = "Kế hoạch cải cách hành chính năm 2023 của UBND xã Nam Trung"
# (code, score, explanation, doc numbers of existing evidence)
SCORES = (
    ("1.3", 3, "Báo cáo CCHC quý I/2023 gửi Phòng Nội vụ đúng hạn.", ()),
    ("1.1.b", 1.5, "Kế hoạch chưa xác định kết quả đầu ra của 2 nhiệm vụ lĩnh vực 6.", ()),
    ("1.2", 2.5, "Tự kiểm tra công tác CCHC quý I đã thực hiện.", ("02/BB-UBND",)),
    ("2.2", 3, "", ("08/BC-UBND",)),
    ("2.3", 2.5, "Đã tự kiểm tra thi hành pháp luật; còn 1 kiến nghị chưa xử lý xong.",
     ("03/BB-UBND",)),
    ("3.1", 5, "100% thủ tục hành chính được công khai tại Bộ phận Một cửa.", ()),
)
NOTES = ("Chưa có công chức chuyên trách CCHC; một số tài liệu kiểm chứng còn bản giấy.",
         "Đề nghị Phòng Nội vụ tập huấn cách chấm điểm và số hóa tài liệu kiểm chứng.")


def _evidence_by_number(org_id: int) -> dict[str, int]:
    with read_session() as s:
        rows = s.execute(select(Evidence.doc_number, Evidence.id)
                         .where(Evidence.organization_id == org_id)).all()
        return {number: ident for number, ident in rows if number}


def _plan_pdf() -> bytes:
    return render_story([paragraph(PLAN_TITLE), paragraph("(Tệp minh họa của dữ liệu mẫu.)")],
                        title=PLAN_TITLE)


def load_demo_scoring(demo: DemoContext) -> int:
    """Load the sample set and score part of the first period; returns the sheet's id."""
    org_id = demo.org_id
    actor = Actor.system(org_id, "demo")
    set_id = load_criteria_set(actor, sample_set_bytes(), SAMPLE_NAME, SAMPLE_FILE)
    sheet = open_sheet(actor, set_id, periods(org_id)[0].id)
    codes = {c.code: c.id for c in set_criteria(set_id)}
    found = _evidence_by_number(org_id)
    for code, score, explanation, numbers in SCORES:
        record_score(actor, sheet, ScoreInput(
            codes[code], score, explanation,
            tuple(found[n] for n in numbers if n in found)))
    record_score(actor, sheet, ScoreInput(
        codes["1.1.a"], 2, "Kế hoạch CCHC năm 2023 ban hành ngày 05/01/2023, đúng thời hạn.",
        new_evidence=EvidenceInput(PLAN_TITLE, "01/KH-UBND", date(2023, 1, 5),
                                   "UBND xã Nam Trung"),
        file_name="Kế hoạch CCHC 2023.pdf", file_bytes=_plan_pdf()))
    save_sheet_notes(actor, sheet, *NOTES, expected_version=1)
    return sheet

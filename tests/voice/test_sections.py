"""The citizens' voice outside its page: the report sections (only the cut-off window, first
and last day included), "Việc của tôi", the dashboard's deadlines and the Excel register."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from qms.dashboard.my_work import my_work
from qms.features import period_sections, review_inputs
from qms.reports.excel import frame_to_xlsx
from qms.review.context_queries import context_section
from qms.voice.queries import FRAME_KEYS, feedback, feedback_frame
from qms.voice.recording import answer_feedback
from qms.voice.sections import feedback_section, satisfaction_section
from qms.voice.work import PAGE, feedback_deadlines
from tests.voice.helpers import Voice, received, surveyed, voice_setup

Q1 = (date(2022, 12, 10), date(2023, 3, 9))


@pytest.fixture
def v(db, clock) -> Voice:
    clock.advance(days=40)  # 10 April 2023: the first quarter's window is over
    return voice_setup()


def test_both_sections_are_listed_for_the_period_report_and_the_review():
    for providers in (period_sections(), review_inputs()):
        assert satisfaction_section in providers and feedback_section in providers
    review = review_inputs()
    # 9.3.2 c 1, right after a (previous actions) and b (context)
    assert review.index(context_section) + 1 == review.index(satisfaction_section) == \
        review.index(feedback_section) - 1


def test_feedback_on_the_windows_first_and_last_day_counts_and_a_day_outside_does_not(v):
    for day in (date(2022, 12, 9), Q1[0], Q1[1], date(2023, 3, 10)):
        received(v, day, subject=f"Phản ánh ngày {day:%d/%m/%Y}")
    answered = received(v, date(2023, 1, 5), subject="Đã trả lời trễ")
    answer_feedback(v.c.actor("hoant"), answered, date(2023, 1, 20), "Đã trả lời.", 1)
    section = feedback_section(v.c.org_id, *Q1)
    assert section is not None and section.key == "feedback"
    subjects = [row[2] for row in section.rows]
    assert subjects == ["Phản ánh ngày 10/12/2022", "Đã trả lời trễ", "Phản ánh ngày 09/03/2023"]
    assert section.figures == {"total": 3.0, "answered": 0.0, "answered_late": 1.0,
                               "overdue": 1.0, "open": 1.0}
    assert "tiếp nhận 3 phản ánh, kiến nghị" in section.summary
    assert section.headers[0] == "Ngày tiếp nhận"
    assert feedback_section(v.c.org_id, date(2023, 6, 10), date(2023, 9, 9)) is None


def test_satisfaction_counts_the_surveys_of_periods_inside_the_window_only(v):
    surveyed(v, 1)
    surveyed(v, 2)
    q1 = satisfaction_section(v.c.org_id, *Q1)
    assert q1 is not None and q1.key == "satisfaction"
    assert q1.figures["criteria"] == 3 and q1.figures["below_target"] == 1
    assert q1.figures["responses"] == 340 and q1.figures["share"] == 91.47  # 311 / 340
    assert q1.rows[1] == ("Thời gian giải quyết thủ tục hành chính", "120", "96", "80", "90")
    year = satisfaction_section(v.c.org_id, date(2022, 12, 10), date(2023, 12, 9))
    assert year is not None and year.figures["criteria"] == 6
    assert satisfaction_section(v.c.org_id, date(2022, 12, 11), date(2023, 3, 9)) is None


def test_unanswered_feedback_shows_in_my_work_for_the_handling_unit(v):
    due_soon = received(v, date(2023, 4, 5))  # due 15 April
    late = received(v, date(2023, 3, 20), subject="Thái độ công chức một cửa")  # due 30 March
    far = received(v, date(2023, 4, 10), due_on=date(2023, 5, 30))
    answered = received(v, date(2023, 4, 1))
    answer_feedback(v.c.actor("hoant"), answered, date(2023, 4, 3), "Đã trả lời.", 1)
    today = date(2023, 4, 10)
    mine = [i for i in my_work(v.c.actor("hoant"), today) if i.kind == "voice.answer"]
    assert [(i.query["feedback"], i.overdue) for i in mine] == [(str(late), True),
                                                                (str(due_soon), False)]
    assert all(i.page == PAGE for i in mine)
    for other in ("minhlv", "tungbv"):
        assert not [i for i in my_work(v.c.actor(other), today) if i.kind == "voice.answer"]
    deadlines = feedback_deadlines(v.c.org_id, today)
    assert [(i.query["feedback"], i.due, i.overdue) for i in deadlines] == [
        (str(late), date(2023, 3, 30), True), (str(due_soon), date(2023, 4, 15), False),
        (str(far), date(2023, 5, 30), False)]


def test_the_excel_register_has_vietnamese_headers_and_inert_cells(v):
    received(v, date(2023, 3, 1), subject="=HYPERLINK(\"x\")", channel="portal")
    data = frame_to_xlsx(feedback_frame(feedback(v.c.org_id, date(2023, 4, 10))),
                         "Phản ánh, kiến nghị")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Ngày tiếp nhận", "Hình thức tiếp nhận",
                           "Tổ chức, công dân phản ánh", "Nội dung tóm tắt")
    assert len(rows[0]) == len(FRAME_KEYS) and rows[0][-2:] == ("Tình trạng",
                                                                 "Phiếu không phù hợp")
    assert rows[1][:4] == ("01/03/2023", "Cổng dịch vụ công", "Trần Văn An",
                           "'=HYPERLINK(\"x\")")
    assert rows[1][-2] == "Quá hạn chưa trả lời"


def test_the_demo_has_surveys_a_criterion_below_target_and_one_late_answer(db):
    from qms.demo.nam_trung import load_demo
    from qms.review.queries import list_reviews, review_detail
    from qms.voice.queries import surveys

    demo = load_demo(if_empty=False)
    assert demo.organization_id is not None and demo.plan_id is not None
    org_id = demo.organization_id
    found = [s for s in surveys(org_id, demo.plan_id) if s.criteria]
    assert len(found) == 3 and all(s.target == 90.0 for s in found)
    below = [(s.period, c.criterion) for s in found for c in s.criteria if c.below]
    assert below == [(found[2].period, "Thời gian giải quyết thủ tục hành chính")]
    rows = feedback(org_id, date(2023, 12, 31))
    assert len(rows) == 8 and [r.state for r in rows].count("answered_late") == 1
    assert {r.state for r in rows} == {"answered", "answered_late"}
    held = review_detail(org_id, list_reviews(org_id)[0].id, date(2023, 12, 31))
    assert held is not None
    keys = [i.section.key for i in held.inputs]
    assert keys.index("satisfaction") < keys.index("feedback") < keys.index("targets")

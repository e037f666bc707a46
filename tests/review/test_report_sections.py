"""Each report-section provider counts a record dated on the first and on the last day of the
window, and leaves out one dated a day before or after; targets and one-stop figures follow
the reporting period whose window matches exactly; review actions still open when a window
starts are carried into it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qms.audits import programme as audits
from qms.audits import sections as audit_sections
from qms.core.actor import Actor
from qms.documents import sections as document_sections
from qms.documents import sync as document_sync
from qms.nonconformities import sections as quality_sections
from qms.nonconformities.recording import raise_nonconformity
from qms.onestop.recording import record_figures
from qms.onestop.rules import Figures
from qms.plan import sections as plan_sections
from qms.review import recording as mr
from qms.review.input_queries import previous_actions_section
from tests.documents.helpers import write_procedure
from tests.nonconformities.helpers import commune, nc_input, planned
from tests.review.helpers import detail, held_review, planned_commune

START, END = date(2023, 1, 10), date(2023, 2, 10)
BEFORE, AFTER = START - timedelta(days=1), END + timedelta(days=1)


@pytest.fixture
def c(db, clock):
    return commune()


def test_plan_progress_counts_tasks_completed_on_the_first_and_last_day_only(db, clock):
    p = planned_commune()
    for code, day in (("2.1", BEFORE), ("2.2", START), ("2.3", END), ("2.4", AFTER)):
        p.finish(code, day)
    section = plan_sections.plan_progress_section(p.org_id, START, END)
    assert section is not None and section.figures["done"] == 2
    area2 = next(r for r in section.rows if r[0].startswith("2. "))
    assert area2[1:] == ("5", "2", "0", "1")  # tasks, done in window, in progress, not started
    assert "Hoàn thành trong kỳ" in section.headers


def test_targets_and_onestop_figures_follow_the_period_whose_window_matches(db, clock):
    p = planned_commune()
    q1 = p.periods[0]
    record_figures(p.c.actor("hangnt"), q1.id, Figures(100, 50, 45, 5, 5))
    targets = plan_sections.targets_section(p.org_id, q1.start_date, q1.end_date)
    assert targets is not None
    on_time = next(r for r in targets.rows if r[0] == "3.6")
    assert on_time[3:5] == ("95 %", "Không đạt")
    onestop = plan_sections.onestop_section(p.org_id, q1.start_date, q1.end_date)
    assert onestop is not None and onestop.rows[0][:5] == ("100", "50", "45", "5", "95 %")
    assert "không đạt chỉ tiêu" in onestop.summary
    for start, end in ((q1.start_date - timedelta(days=1), q1.end_date),
                       (q1.start_date, q1.end_date + timedelta(days=1))):
        assert plan_sections.targets_section(p.org_id, start, end) is None
        assert plan_sections.onestop_section(p.org_id, start, end) is None


def test_audits_count_those_starting_on_the_first_and_last_day(c):
    hang = c.actor("hangnt")
    programme = audits.create_programme(hang, 2023)
    for n, day in enumerate((BEFORE, START, END, AFTER), 1):
        audits.plan_audit(hang, programme, audits.AuditInput(
            f"Đánh giá lần {n}", c.users["hoant"], start_date=day, end_date=day))
    section = audit_sections.audits_section(c.org_id, START, END)
    assert section is not None
    assert [r[0] for r in section.rows] == ["Đánh giá lần 2", "Đánh giá lần 3"]
    assert audit_sections.audits_section(c.org_id, AFTER, AFTER + timedelta(days=3)) \
        .figures["audits"] == 1
    assert audit_sections.audits_section(c.org_id, date(2023, 6, 1), date(2023, 6, 30)) is None


def test_nonconformities_found_and_overdue_in_the_window(c):
    hang = c.actor("hangnt")
    numbers = {day: raise_nonconformity(hang, "", None, nc_input(c, found_on=day))
               for day in (BEFORE, START, END, AFTER)}
    planned(c, due=END, found_on=date(2023, 1, 5))  # due on the last day, not done: overdue
    planned(c, due=AFTER, found_on=date(2023, 1, 5))  # due after the window
    section = quality_sections.nonconformities_section(c.org_id, START, END)
    assert section is not None
    assert section.figures == {"opened": 2, "closed": 0, "overdue": 1}
    found_days = {r[1] for r in section.rows}
    assert {"10/01/2023", "10/02/2023"} <= found_days
    assert "09/01/2023" not in found_days and "11/02/2023" not in found_days
    assert len(numbers) == 4


def test_documents_effective_on_the_first_and_last_day(c, tmp_path):
    folder = tmp_path / "procedures"
    for code, day in (("QT-21", BEFORE), ("QT-22", START), ("QT-23", END), ("QT-24", AFTER)):
        write_procedure(folder, code, effective=day.isoformat())
    document_sync.sync_procedures(Actor.system(c.org_id), folder)
    section = document_sections.documents_section(c.org_id, START, END)
    assert section is not None
    assert [r[0] for r in section.rows] == ["QT-22", "QT-23"]
    assert section.figures == {"issued": 2, "revised": 0}


def test_previous_review_actions_due_on_the_first_and_last_day(c):
    review_id = held_review(c, start=date(2022, 1, 1), end=date(2022, 12, 31),
                            meeting=date(2023, 1, 5))
    for day in (BEFORE, START, END, AFTER):
        mr.add_decision(c.actor("hangnt"), review_id, mr.DecisionForm(
            f"Việc hạn {day.isoformat()}", c.users["hoant"], day))
    first = detail(c, review_id).actions[0]
    mr.update_review_action(c.actor("hoant"), first.id, mr.ActionUpdate(
        "done", "Đã làm.", BEFORE), first.version)
    section = previous_actions_section(c.org_id, START, END)
    assert section is not None
    assert [r[1] for r in section.rows] == ["Việc hạn 2023-01-10", "Việc hạn 2023-02-10"]
    assert section.figures == {"actions": 2, "done": 0, "overdue": 1}  # as of the last day
    assert [r[4] for r in section.rows] == ["Quá hạn", "Đang thực hiện"]
    later = previous_actions_section(c.org_id, date(2023, 3, 1), date(2023, 3, 31))
    assert later is not None and later.figures == {"actions": 3, "done": 0, "overdue": 3}
    assert previous_actions_section(c.org_id, date(2022, 1, 1), date(2022, 12, 31)) is None


def test_the_demo_first_period_shows_the_task_done_inside_its_window(db):
    from qms.demo.nam_trung import load_demo
    from qms.plan.queries import plan_header

    demo = load_demo()
    assert demo.organization_id is not None and demo.plan_id is not None
    first = plan_header(demo.organization_id, demo.plan_id).periods[0]
    section = plan_sections.plan_progress_section(demo.organization_id, first.start_date,
                                                  first.end_date)
    assert section is not None and section.figures["done"] == 1

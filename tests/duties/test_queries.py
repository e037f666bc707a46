"""The read side of self-inspection: overdue on its boundaries, "Việc của tôi" for the owner
and the ISO officer, the dashboard counts and the period-report section's window."""

from __future__ import annotations

from datetime import date

import pytest

from qms.dashboard.my_work import my_work
from qms.duties.queries import BoardFilter, board
from qms.duties.reporting import accept_report, return_report
from qms.duties.sections import duties_section
from tests.duties.helpers import Setup, setup, submitted

Q1_DUE = date(2023, 3, 10)  # "trước ngày 10 của tháng cuối kỳ": the 10th of March


@pytest.fixture
def s(db, clock) -> Setup:
    return setup()


def test_a_report_is_overdue_from_the_day_after_the_due_date_not_on_it(s):
    assert s.row("2.5", today=Q1_DUE).due == Q1_DUE
    assert s.row("2.5", today=Q1_DUE).overdue is False
    assert s.row("2.5", today=date(2023, 3, 11)).overdue is True
    late = board(s.c.org_id, s.periods[0], date(2023, 3, 11), BoardFilter(overdue=True))
    assert "2.5" in {r.code for r in late}
    assert board(s.c.org_id, s.periods[0], Q1_DUE, BoardFilter(overdue=True)) == []


def test_a_submitted_report_is_never_overdue_a_returned_one_is(s):
    report = submitted(s)
    assert s.row("2.5", today=date(2023, 4, 1)).overdue is False
    return_report(s.c.actor("hangnt"), report, s.row("2.5").version, "Thiếu chữ ký.")
    assert s.row("2.5", today=date(2023, 4, 1)).overdue is True


def test_the_board_filters_by_status_and_unit(s):
    submitted(s)
    day = date(2023, 3, 1)
    assert [r.code for r in board(s.c.org_id, s.periods[0], day,
                                  BoardFilter(status="submitted"))] == ["2.5"]
    codes = {r.code for r in board(s.c.org_id, s.periods[0], day,
                                   BoardFilter(unit_id=s.c.tuphap))}
    assert codes == {"2.2", "2.5"}


def _duty_items(s: Setup, who: str, today: date) -> list[tuple[str, str, bool]]:
    return [(i.kind, i.label.split(":")[0], i.overdue) for i in my_work(s.c.actor(who), today)
            if i.kind.startswith("duty.")]


def test_my_work_asks_the_owner_to_submit_before_the_due_date_and_flags_it_overdue(s):
    soon = _duty_items(s, "hoant", date(2023, 3, 1))  # Q1 due in 9 days
    assert soon == [("duty.submit", "Quý I/2023", False)] * 2
    late = _duty_items(s, "hoant", date(2023, 3, 11))
    assert ("duty.submit", "Quý I/2023", True) in late
    assert _duty_items(s, "tungbv", date(2023, 3, 11)) == []  # a viewer submits nothing
    assert _duty_items(s, "minhlv", date(2023, 1, 2)) == []  # Q1 is more than 14 days away


def test_my_work_gives_the_iso_officer_the_submitted_reports_until_decided(s):
    report = submitted(s)
    items = [i for i in my_work(s.c.actor("hangnt"), date(2023, 3, 1))
             if i.kind == "duty.decide"]
    assert len(items) == 1 and items[0].query == {"period": str(s.periods[0])}
    assert items[0].page == "pages/14_tu_kiem_tra.py"
    assert all(i.kind != "duty.submit" or "2.5" not in i.label
               for i in my_work(s.c.actor("hoant"), date(2023, 3, 1)))
    accept_report(s.c.actor("hangnt"), report, s.row("2.5").version)
    assert _duty_items(s, "hangnt", date(2023, 3, 1)).count(
        ("duty.decide", "Quý I/2023", False)) == 0


def test_the_section_counts_only_the_periods_inside_the_window(s):
    accept_report(s.c.actor("hangnt"), submitted(s), s.row("2.5").version)
    submitted(s, "2.5", ordinal=2)
    q1 = duties_section(s.c.org_id, date(2022, 12, 10), date(2023, 3, 9))
    assert q1 is not None and q1.figures["total"] == 7 and q1.figures["accepted"] == 1
    assert q1.figures["submitted"] == 0
    row = next(r for r in q1.rows if r[0].startswith("2.5"))
    assert row[2:] == ("Đã chấp nhận", "1", "01/03/2023")
    half = duties_section(s.c.org_id, date(2023, 3, 10), date(2023, 6, 9))
    assert half is not None and half.figures["submitted"] == 1 and half.figures["accepted"] == 0
    year = duties_section(s.c.org_id, date(2022, 12, 10), date(2023, 12, 9))
    assert year is not None and year.figures["total"] == 28
    assert duties_section(s.c.org_id, date(2024, 1, 1), date(2024, 12, 31)) is None
    assert duties_section(s.c.org_id, date(2023, 1, 1), date(2023, 3, 9)) is None

"""Plan rules: lateness, targets met, matching tasks across plan versions, report deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from qms.plan.period_rules import due_date
from qms.plan.rules import display_status, match_tasks, target_met


@pytest.mark.parametrize(("status", "due", "expected"), [
    ("in_progress", date(2023, 6, 9), "in_progress"),   # due today: not late yet
    ("in_progress", date(2023, 6, 8), "late"),          # due yesterday
    ("not_started", date(2023, 6, 8), "late"),
    ("done", date(2023, 1, 1), "done"),                 # finished work is never late
    ("not_started", None, "not_started"),
])
def test_an_unfinished_task_past_its_due_date_is_late(status, due, expected):
    assert display_status(status, due, date(2023, 6, 9)) == expected


@pytest.mark.parametrize(("comparator", "value", "upper", "measured", "met"), [
    ("range", 98, 100, 98.0, True), ("range", 98, 100, 97.9, False),
    ("range", 98, 100, 100.0, True), (">", 90, None, 90.0, False), (">", 90, None, 90.1, True),
    ("=", 100, None, 100.0, True), ("=", 100, None, 99.9, False),
    (">=", 95, None, 95.0, True), ("<", 2, None, 2.0, False), ("<=", 2, None, 2.0, True),
])
def test_whether_a_measured_value_meets_its_target(comparator, value, upper, measured, met):
    assert target_met(comparator, value, upper, measured) is met


def test_matching_keeps_reworded_tasks_and_leaves_new_ones_unmatched():
    old = [(0, "Rà soát, đơn giản hóa thủ tục hành chính, công khai 100% các TTHC."),
           (1, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."),
           (2, "Tổ chức hội nghị tuyên truyền về cải cách hành chính.")]
    new = [(1, "Số hóa hồ sơ và kết quả giải quyết thủ tục hành chính."),
           (2, "Rà soát, đơn giản hóa thủ tục hành chính; công khai đầy đủ 100% các TTHC."),
           (3, "Triển khai phần mềm một cửa điện tử của tỉnh cho toàn bộ hồ sơ.")]
    assert match_tasks(old, new) == {1: 1, 2: 0}


def test_each_old_task_is_matched_at_most_once():
    old = [(0, "Thực hiện tự kiểm tra công tác cải cách hành chính.")]
    new = [(1, "Thực hiện tự kiểm tra công tác cải cách hành chính."),
           (2, "Thực hiện tự kiểm tra công tác cải cách hành chính năm.")]
    assert match_tasks(old, new) == {1: 0}


@pytest.mark.parametrize(("rule", "end", "expected"), [
    ("trước ngày 10 của tháng cuối kỳ báo cáo", date(2023, 3, 9), date(2023, 3, 10)),
    ("Truoc ngay 15 thang cuoi ky", date(2023, 6, 9), date(2023, 6, 15)),
    ("theo yêu cầu của huyện", date(2023, 6, 9), None),
    ("trước ngày 31 của tháng cuối kỳ", date(2023, 2, 9), None),  # no 31 February
])
def test_report_deadlines_come_from_the_plans_own_rule(rule, end, expected):
    assert due_date(rule, end) == expected

"""One overdue rule for corrective, review and risk actions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qms.core.actions import ActionStatus, action_overdue

TODAY = date(2023, 6, 10)


@pytest.mark.parametrize("status", ["open", "in_progress"])
def test_an_unfinished_action_is_overdue_from_the_day_after_its_due_date(status):
    assert action_overdue(status, TODAY - timedelta(days=1), TODAY)
    assert not action_overdue(status, TODAY, TODAY)
    assert not action_overdue(status, None, TODAY)


def test_a_done_action_is_never_overdue():
    assert not action_overdue(ActionStatus.DONE, TODAY - timedelta(days=400), TODAY)
    assert not action_overdue("done", TODAY - timedelta(days=1), TODAY)

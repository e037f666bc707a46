"""The nonconformity workflow as pure rules: every transition, every guard, every boundary."""

from __future__ import annotations

from datetime import date

import pytest

from qms.core.actions import action_overdue
from qms.core.errors import Conflict, ValidationFailed
from qms.nonconformities.rules import (
    WORKFLOW,
    ActionFacts,
    NcStatus,
    NcStep,
    all_done,
    check_analysis,
    check_close,
    check_plan,
    check_verification,
    days_open,
    earliest_verification,
)

S, St = NcStatus, NcStep
EXPECTED = {
    (S.NEW, St.ANALYSE): S.ANALYSED,
    (S.ANALYSED, St.ANALYSE): S.ANALYSED,
    (S.ANALYSED, St.PLAN): S.PLANNED,
    (S.PLANNED, St.START): S.IN_PROGRESS,
    (S.IN_PROGRESS, St.COMPLETE): S.AWAITING_VERIFICATION,
    (S.AWAITING_VERIFICATION, St.VERIFY): S.AWAITING_VERIFICATION,
    (S.AWAITING_VERIFICATION, St.REOPEN): S.ANALYSED,
    (S.AWAITING_VERIFICATION, St.CLOSE): S.CLOSED,
    (S.NEW, St.CANCEL): S.CANCELLED,
    (S.ANALYSED, St.CANCEL): S.CANCELLED,
    (S.PLANNED, St.CANCEL): S.CANCELLED,
    (S.IN_PROGRESS, St.CANCEL): S.CANCELLED,
    (S.AWAITING_VERIFICATION, St.CANCEL): S.CANCELLED,
    # actions are edited until the work is done, reported on while it is under way
    (S.ANALYSED, St.EDIT_ACTIONS): S.ANALYSED,
    (S.PLANNED, St.EDIT_ACTIONS): S.PLANNED,
    (S.IN_PROGRESS, St.EDIT_ACTIONS): S.IN_PROGRESS,
    (S.PLANNED, St.REPORT): S.PLANNED,
    (S.IN_PROGRESS, St.REPORT): S.IN_PROGRESS,
}
OWN_REFUSAL = {St.EDIT_ACTIONS: "nc.actions_frozen", St.REPORT: "nc.not_planned"}
FORBIDDEN = [(s, st) for s in NcStatus for st in NcStep if (s, st) not in EXPECTED]
DONE_JAN = ActionFacts(7, date(2023, 1, 20), "done", date(2023, 1, 31))


@pytest.mark.parametrize(("status", "step"), list(EXPECTED), ids=lambda x: str(x))
def test_every_allowed_step_leads_to_the_expected_status(status, step):
    assert WORKFLOW.next(status, step) == EXPECTED[(status, step)]
    assert WORKFLOW.next(status.value, step.value) == EXPECTED[(status, step)]


@pytest.mark.parametrize(("status", "step"), FORBIDDEN, ids=lambda x: str(x))
def test_every_other_step_is_refused_naming_status_and_step(status, step):
    with pytest.raises(Conflict) as err:
        WORKFLOW.next(status, step)
    if step in OWN_REFUSAL:
        assert err.value.key == OWN_REFUSAL[step]
        assert err.value.params == {"status": f"field.nc.status.{status.value}"}
        return
    assert err.value.key == "nc.step_not_allowed"
    assert err.value.params == {"status": f"field.nc.status.{status.value}",
                                "step": f"field.nc.step.{step.value}"}


def test_the_declared_transitions_are_exactly_the_expected_ones():
    assert dict(WORKFLOW.transitions) == EXPECTED
    assert WORKFLOW.steps_from("closed") == () and WORKFLOW.steps_from("cancelled") == ()
    assert WORKFLOW.steps_from("new") == (St.ANALYSE, St.CANCEL)


def test_an_unknown_status_or_step_is_refused():
    with pytest.raises(Conflict):
        WORKFLOW.next("draft", "analyse")
    with pytest.raises(Conflict):
        WORKFLOW.next("new", "approve")


@pytest.mark.parametrize(("correction", "cause", "whys", "key"), [
    ("", "Thiếu người theo dõi", (), "nc.analysis_needs_correction"),
    ("  ", "Thiếu người theo dõi", (), "nc.analysis_needs_correction"),
    ("Đã trả kết quả", "", (), "nc.analysis_needs_root_cause"),
    ("Đã trả kết quả", " ", ("", " "), "nc.analysis_needs_root_cause"),
])
def test_analysis_needs_a_correction_and_a_root_cause(correction, cause, whys, key):
    with pytest.raises(ValidationFailed) as err:
        check_analysis(correction, cause, whys)
    assert err.value.key == key


def test_a_why_chain_alone_is_a_root_cause():
    check_analysis("Đã trả kết quả", "", ("Không ai theo dõi hạn",))


def test_planning_needs_an_action_of_this_round_with_owner_and_deadline():
    with pytest.raises(ValidationFailed) as err:
        check_plan([DONE_JAN], 2)  # round 1's actions do not plan round 2
    assert err.value.key == "nc.plan_needs_action"
    for action in (ActionFacts(None, date(2023, 3, 1), "open", round=2),
                   ActionFacts(7, None, "open", round=2)):
        with pytest.raises(ValidationFailed) as err:
            check_plan([DONE_JAN, action], 2)
        assert err.value.key == "nc.action_needs_owner_and_due"
    check_plan([DONE_JAN, ActionFacts(7, date(2023, 3, 1), "open", round=2)], 2)


def test_all_done_needs_at_least_one_action_and_all_of_this_round_done():
    assert not all_done([], 1)
    assert all_done([DONE_JAN], 1)
    assert not all_done([DONE_JAN, ActionFacts(8, date(2023, 2, 1), "in_progress")], 1)
    assert not all_done([DONE_JAN], 2)


def test_an_action_owner_may_not_check_the_effectiveness():
    with pytest.raises(ValidationFailed) as err:
        check_verification(7, [DONE_JAN], 1, date(2023, 6, 1), 30)
    assert err.value.key == "nc.verifier_is_owner"
    check_verification(9, [DONE_JAN], 1, date(2023, 6, 1), 30)


def test_the_check_waits_the_configured_days_after_the_last_action():
    assert earliest_verification(date(2023, 1, 31), 30) == date(2023, 3, 2)
    with pytest.raises(ValidationFailed) as err:
        check_verification(9, [DONE_JAN], 1, date(2023, 3, 1), 30)
    assert err.value.key == "nc.verify_too_early"
    assert err.value.params == {"date": "02/03/2023", "days": 30}
    check_verification(9, [DONE_JAN], 1, date(2023, 3, 2), 30)
    check_verification(9, [DONE_JAN], 1, date(2023, 1, 31), 0)


def test_closing_needs_an_effective_latest_check():
    for latest in (None, False):
        with pytest.raises(ValidationFailed) as err:
            check_close(latest)
        assert err.value.key == "nc.close_needs_verification"
    check_close(True)


@pytest.mark.parametrize(("due", "status", "overdue"), [
    (date(2023, 3, 1), "open", False),  # due today
    (date(2023, 2, 28), "open", True),  # due yesterday
    (date(2023, 2, 28), "in_progress", True),
    (date(2023, 2, 28), "done", False),
    (None, "open", False),
])
def test_an_action_is_overdue_from_the_day_after_its_deadline(due, status, overdue):
    assert action_overdue(status, due, date(2023, 3, 1)) is overdue


def test_days_open_count_to_closure_or_today():
    assert days_open(date(2023, 1, 1), date(2023, 3, 1)) == 59
    assert days_open(date(2023, 1, 1), date(2023, 3, 1), date(2023, 1, 11)) == 10

"""The self-inspection report workflow as pure rules: transitions, evidence and comment
requirements, which period a page shows first."""

from __future__ import annotations

from datetime import date

import pytest

from qms.core.errors import Conflict, ValidationFailed
from qms.duties.rules import (
    WORKFLOW,
    DutyStatus,
    DutyStep,
    PeriodFacts,
    check_editable,
    check_return,
    check_submit,
    default_period,
    plan_period,
)

S, St = DutyStatus, DutyStep
ALLOWED = {
    (S.OPEN, St.SUBMIT): S.SUBMITTED,
    (S.RETURNED, St.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, St.ACCEPT): S.ACCEPTED,
    (S.SUBMITTED, St.RETURN): S.RETURNED,
}
REFUSED = [(status, step) for status in S for step in St if (status, step) not in ALLOWED]


@pytest.mark.parametrize(("status", "step"), list(ALLOWED))
def test_every_allowed_transition_leads_where_the_workflow_says(status, step):
    assert WORKFLOW.next(status, step) is ALLOWED[(status, step)]
    assert WORKFLOW.next(status.value, step.value) is ALLOWED[(status, step)]


@pytest.mark.parametrize(("status", "step"), REFUSED)
def test_every_other_transition_is_refused_with_a_conflict(status, step):
    with pytest.raises(Conflict) as caught:
        WORKFLOW.next(status, step)
    assert caught.value.key == "duty.step_not_allowed"


def test_the_table_holds_exactly_the_allowed_transitions():
    assert dict(WORKFLOW.transitions) == ALLOWED and len(REFUSED) == 8


def test_accepted_is_final_and_returned_can_only_be_submitted_again():
    assert WORKFLOW.steps_from(S.ACCEPTED) == ()
    assert WORKFLOW.steps_from(S.RETURNED) == (St.SUBMIT,)
    assert WORKFLOW.steps_from(S.SUBMITTED) == (St.ACCEPT, St.RETURN)


def test_unknown_status_or_step_is_a_conflict_not_a_crash():
    with pytest.raises(Conflict):
        WORKFLOW.next("draft", "submit")
    with pytest.raises(Conflict):
        WORKFLOW.next("open", "approve")


@pytest.mark.parametrize("status", [S.OPEN, S.RETURNED])
def test_evidence_can_be_added_while_the_owner_holds_the_report(status):
    check_editable(status)


@pytest.mark.parametrize("status", [S.SUBMITTED, S.ACCEPTED])
def test_evidence_cannot_be_added_once_handed_in(status):
    with pytest.raises(Conflict):
        check_editable(status)


def test_submitting_needs_at_least_one_evidence_document():
    with pytest.raises(ValidationFailed) as caught:
        check_submit(0)
    assert caught.value.key == "duty.submit_needs_evidence"
    check_submit(1)


@pytest.mark.parametrize("comment", ["", "   ", "\n"])
def test_returning_needs_a_comment(comment):
    with pytest.raises(ValidationFailed) as caught:
        check_return(comment)
    assert caught.value.key == "duty.return_needs_comment"


DUE = date(2023, 3, 10)
PERIODS = [PeriodFacts(1, 1, date(2023, 3, 10)), PeriodFacts(2, 2, date(2023, 6, 10)),
           PeriodFacts(3, 3, date(2023, 9, 10)), PeriodFacts(4, 4, date(2023, 12, 10))]


@pytest.mark.parametrize(("today", "expected"), [
    (date(2023, 1, 5), 1), (date(2023, 3, 10), 1), (date(2023, 3, 11), 2),
    (date(2023, 12, 10), 4), (date(2026, 1, 1), 4),
])
def test_the_page_opens_on_the_current_or_next_period(today, expected):
    assert default_period(PERIODS, today) == expected


def test_once_per_plan_duties_report_in_the_last_period():
    assert plan_period(reversed(PERIODS)) == 4
    assert plan_period([]) is None and default_period([], DUE) is None

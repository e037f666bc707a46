"""The revision life cycle, separation of duties, review dates and diffs: pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from qms.core.errors import Conflict, ValidationFailed
from qms.documents.rules import (
    WORKFLOW,
    ReviewState,
    RevisionAction,
    RevisionStatus,
    add_months,
    check_independent,
    check_successor,
    content_hash,
    next_status,
    review_state,
    revision_diff,
)

S, A = RevisionStatus, RevisionAction
ALLOWED = {
    (S.DRAFT, A.EDIT): S.DRAFT,
    (S.DRAFT, A.SUBMIT): S.IN_REVIEW,
    (S.DRAFT, A.DISCARD): S.OBSOLETE,
    (S.IN_REVIEW, A.ACCEPT): S.IN_REVIEW,
    (S.IN_REVIEW, A.REJECT): S.DRAFT,
    (S.IN_REVIEW, A.APPROVE): S.EFFECTIVE,
    (S.IN_REVIEW, A.DISCARD): S.OBSOLETE,
    (S.EFFECTIVE, A.SUPERSEDE): S.SUPERSEDED,
    (S.EFFECTIVE, A.WITHDRAW): S.OBSOLETE,
}
FORBIDDEN = [(s, a) for s in S for a in A if (s, a) not in ALLOWED]


def _reviewed_flag(action: RevisionAction) -> bool:
    """The flag under which an allowed action goes through (approval needs a review)."""
    return action is A.APPROVE


def test_the_transition_table_is_exactly_the_documented_life_cycle():
    assert dict(WORKFLOW.transitions) == ALLOWED


@pytest.mark.parametrize(("status", "action"), list(ALLOWED),
                         ids=[f"{s.value}-{a.value}" for s, a in ALLOWED])
def test_every_allowed_transition_leads_to_its_target(status, action):
    assert next_status(status, action, reviewed=_reviewed_flag(action)) is \
        ALLOWED[(status, action)]


@pytest.mark.parametrize(("status", "action"), FORBIDDEN,
                         ids=[f"{s.value}-{a.value}" for s, a in FORBIDDEN])
def test_every_other_transition_is_refused_with_a_catalog_key(status, action):
    for reviewed in (False, True):
        with pytest.raises(Conflict) as caught:
            next_status(status, action, reviewed=reviewed)
        assert caught.value.key.startswith("document.only_")


def test_superseded_and_obsolete_revisions_are_final():
    for status in (S.SUPERSEDED, S.OBSOLETE):
        assert not [a for (s, a) in WORKFLOW.transitions if s is status]


def test_approval_needs_the_reviewers_acceptance_first():
    with pytest.raises(Conflict, match="chưa được người xem xét chấp thuận"):
        next_status(S.IN_REVIEW, A.APPROVE, reviewed=False)


def test_a_review_is_accepted_once_only():
    with pytest.raises(Conflict) as caught:
        next_status(S.IN_REVIEW, A.ACCEPT, reviewed=True)
    assert caught.value.key == "document.already_reviewed"


def test_status_and_action_may_be_given_as_stored_strings():
    assert next_status("draft", "submit") is S.IN_REVIEW


def test_the_reviewer_may_not_be_the_drafter():
    with pytest.raises(ValidationFailed, match="Người xem xét phải khác người soạn thảo"):
        check_independent(7, 7, "reviewer")


def test_the_approver_may_not_be_the_drafter():
    with pytest.raises(ValidationFailed, match="Người phê duyệt phải khác người soạn thảo"):
        check_independent(7, 7, "approver")


def test_someone_else_may_review_and_approve_and_an_unknown_drafter_blocks_nobody():
    check_independent(7, 8, "reviewer")
    check_independent(None, 8, "approver")


def test_a_signature_needs_a_signed_in_person():
    with pytest.raises(ValidationFailed) as caught:
        check_independent(7, None, "approver")
    assert caught.value.key == "document.signature_needs_user"


def test_a_revision_takes_effect_only_over_the_revision_it_was_drafted_from():
    check_successor(3, 3)
    check_successor(None, None)
    with pytest.raises(Conflict) as caught:
        check_successor(3, 4)
    assert caught.value.key == "document.revision_outdated"


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2023, 2, 15), 12, date(2024, 2, 15)),
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 11, 30), 3, date(2024, 2, 29)),
    (date(2023, 12, 1), 1, date(2024, 1, 1)),
])
def test_adding_months_keeps_the_day_or_falls_back_to_the_months_end(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(("next_review", "state"), [
    (date(2023, 3, 1), ReviewState.DUE),  # the day itself: due
    (date(2023, 2, 28), ReviewState.DUE),
    (date(2023, 3, 2), ReviewState.UPCOMING),
    (date(2023, 3, 31), ReviewState.UPCOMING),  # exactly 30 days ahead: warned
    (date(2023, 4, 1), ReviewState.OK),  # 31 days ahead: not yet
    (None, None),
])
def test_the_review_state_warns_thirty_days_ahead(next_review, state):
    assert review_state(next_review, date(2023, 3, 1)) == state


def test_the_content_hash_covers_text_and_front_matter_but_not_workflow_data():
    meta = {"title": "Kiểm soát thông tin dạng văn bản", "iso_clauses": ["7.5"]}
    base = content_hash("# Nội dung\n", meta)
    assert content_hash("# Nội dung\n", dict(meta)) == base
    assert content_hash("# Nội dung mới\n", meta) != base
    assert content_hash("# Nội dung\n", {**meta, "iso_clauses": ["7.5", "7.5.1"]}) != base


def test_the_diff_shows_removed_and_added_lines_under_the_issue_labels():
    text = revision_diff("a\nbước 1\nc\n", "a\nbước 2\nc\n", "Lần ban hành 1",
                         "Lần ban hành 2")
    lines = text.splitlines()
    assert lines[:2] == ["--- Lần ban hành 1", "+++ Lần ban hành 2"]
    assert "-bước 1" in lines and "+bước 2" in lines
    assert revision_diff("giống\n", "giống\n", "1", "2") == ""

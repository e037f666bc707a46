"""Nonconformity and corrective action (TCVN ISO 9001:2015, 10.2): the workflow as pure rules.

A nonconformity moves mới → đã phân tích → đã lập kế hoạch → đang thực hiện → chờ kiểm tra
hiệu lực → đã đóng, or is cancelled. An effectiveness check that finds the actions did not
work sends it back to analysis; nothing of the earlier round is deleted. The services load
the rows, ask these rules, and save what they answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from qms.core.actions import ActionStatus
from qms.core.errors import ValidationFailed
from qms.core.workflow import Workflow


class NcStatus(StrEnum):
    NEW = "new"
    ANALYSED = "analysed"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    AWAITING_VERIFICATION = "awaiting_verification"
    CLOSED = "closed"
    CANCELLED = "cancelled"


OPEN_STATUSES = frozenset(set(NcStatus) - {NcStatus.CLOSED, NcStatus.CANCELLED})


class NcStep(StrEnum):
    """What a user (or the completion of the last action) does to a nonconformity."""

    ANALYSE = "analyse"  # correction and root cause recorded (again, after a reopening)
    PLAN = "plan"  # the corrective actions are set, each with an owner and a deadline
    START = "start"  # the first action is under way
    COMPLETE = "complete"  # every action is done: the effectiveness check may follow
    VERIFY = "verify"  # an effective check: the nonconformity can be closed
    REOPEN = "reopen"  # a check found the actions not effective: back to analysis
    CLOSE = "close"
    CANCEL = "cancel"
    # Steps that keep the status: what each status lets people do with the actions.
    EDIT_ACTIONS = "edit_actions"  # add an action or hand one over, until the work is done
    REPORT = "report"  # an owner reports progress or completion of an action


S, St = NcStatus, NcStep
WORKFLOW: Workflow[NcStatus, NcStep] = Workflow("nc", {
    (S.NEW, St.ANALYSE): S.ANALYSED,
    (S.ANALYSED, St.ANALYSE): S.ANALYSED,
    (S.ANALYSED, St.PLAN): S.PLANNED,
    (S.PLANNED, St.START): S.IN_PROGRESS,
    (S.IN_PROGRESS, St.COMPLETE): S.AWAITING_VERIFICATION,
    (S.AWAITING_VERIFICATION, St.VERIFY): S.AWAITING_VERIFICATION,
    (S.AWAITING_VERIFICATION, St.REOPEN): S.ANALYSED,
    (S.AWAITING_VERIFICATION, St.CLOSE): S.CLOSED,
    **{(status, St.CANCEL): S.CANCELLED for status in OPEN_STATUSES},
    **{(status, St.EDIT_ACTIONS): status for status in (S.ANALYSED, S.PLANNED, S.IN_PROGRESS)},
    **{(status, St.REPORT): status for status in (S.PLANNED, S.IN_PROGRESS)},
}, refused={St.EDIT_ACTIONS: "nc.actions_frozen", St.REPORT: "nc.not_planned"})


@dataclass(frozen=True)
class ActionFacts:
    """What the rules need to know about one corrective action."""

    owner_id: int | None
    due_date: date | None
    status: str
    done_on: date | None = None
    round: int = 1


def check_analysis(correction: str, root_cause: str, why_chain: Iterable[str]) -> None:
    """Analysis needs the immediate correction and a root cause (a stated cause or a why)."""
    if not correction.strip():
        raise ValidationFailed("nc.analysis_needs_correction")
    if not root_cause.strip() and not any(w.strip() for w in why_chain):
        raise ValidationFailed("nc.analysis_needs_root_cause")


def current_round(actions: Iterable[ActionFacts], round_no: int) -> list[ActionFacts]:
    return [a for a in actions if a.round == round_no]


def check_plan(actions: Iterable[ActionFacts], round_no: int) -> None:
    """Planning needs at least one action of this round, and each one an owner and a deadline."""
    todo = current_round(actions, round_no)
    if not todo:
        raise ValidationFailed("nc.plan_needs_action")
    if any(a.owner_id is None or a.due_date is None for a in todo):
        raise ValidationFailed("nc.action_needs_owner_and_due")


def all_done(actions: Iterable[ActionFacts], round_no: int) -> bool:
    """True when this round has actions and every one of them is done."""
    todo = current_round(actions, round_no)
    return bool(todo) and all(a.status == ActionStatus.DONE for a in todo)


def last_done_on(actions: Iterable[ActionFacts], round_no: int) -> date | None:
    dates = [a.done_on for a in current_round(actions, round_no) if a.done_on is not None]
    return max(dates) if dates else None


def earliest_verification(last_done: date | None, wait_days: int) -> date | None:
    """The first day an effectiveness check may be made: ``wait_days`` after the last action."""
    return None if last_done is None else last_done + timedelta(days=max(wait_days, 0))


def check_verification(verifier_id: int | None, actions: Iterable[ActionFacts], round_no: int,
                       on: date, wait_days: int) -> None:
    """The check is made by someone who owned none of the actions, and not too early."""
    todo = current_round(actions, round_no)
    if verifier_id is not None and verifier_id in {a.owner_id for a in todo}:
        raise ValidationFailed("nc.verifier_is_owner")
    earliest = earliest_verification(last_done_on(todo, round_no), wait_days)
    if earliest is not None and on < earliest:
        raise ValidationFailed("nc.verify_too_early", date=earliest.strftime("%d/%m/%Y"),
                               days=wait_days)


def check_close(latest_verification_effective: bool | None) -> None:
    """Closing is refused until the latest effectiveness check found the actions effective."""
    if latest_verification_effective is not True:
        raise ValidationFailed("nc.close_needs_verification")


def days_open(found_on: date, today: date, ended_on: date | None = None) -> int:
    """Age of a nonconformity in days: from discovery to closure (or to today while open)."""
    return max(((ended_on or today) - found_on).days, 0)

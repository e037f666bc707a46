"""An open corrective action handed to someone else or given a new deadline: who may, when,
and that the reason reaches the audit trail while a refused change writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from qms.core.clock import today
from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.db.uow import unit_of_work
from qms.nonconformities import actions as ca
from qms.trail.models import AuditLog
from tests.nonconformities.helpers import audit_actions, commune, detail, done, planned


@pytest.fixture
def c(db, clock):
    return commune()


def _action(c, nc_id, action_id):
    return next(a for a in detail(c, nc_id).actions if a.id == action_id)


def test_the_planner_hands_an_action_to_another_unit_and_the_reason_is_logged(c):
    nc_id, action_id = planned(c, owner="hoant")
    new_due = today() + timedelta(days=30)
    version = ca.reschedule_action(c.actor("hoant"), action_id, ca.ActionChange(
        c.users["minhlv"], new_due, "Chị Hoa nghỉ phép, anh Minh làm thay"),
        _action(c, nc_id, action_id).version)
    action = _action(c, nc_id, action_id)
    assert (action.owner_id, action.due_date, action.version) == (
        c.users["minhlv"], new_due, version)
    assert action.owner_unit_id == c.units["Tài chính - Kế toán"]
    with unit_of_work() as uow:
        reason, entity_id = uow.session.execute(select(AuditLog.reason, AuditLog.entity_id)
                                                .where(AuditLog.action == "nc.action.reschedule")
                                                ).one()
    assert (reason, entity_id) == ("Chị Hoa nghỉ phép, anh Minh làm thay", str(action_id))
    # the new owner may now report on it
    ca.update_action(c.actor("minhlv"), action_id, ca.ActionUpdate("in_progress"), version)
    assert detail(c, nc_id).status == "in_progress"


@pytest.mark.parametrize(("change", "key"), [
    (lambda c, a: ca.ActionChange(c.users["minhlv"], a.due_date, "  "), "validation.required"),
    (lambda c, a: ca.ActionChange(a.owner_id, a.due_date, "Không đổi gì"),
     "nc.action.reschedule_same"),
    (lambda c, a: ca.ActionChange(a.owner_id, today() - timedelta(days=400), "Lùi hạn"),
     "nc.due_before_found"),
    (lambda c, a: ca.ActionChange(a.owner_id, None, "Bỏ hạn"), "validation.required"),
])
def test_bad_changes_are_refused_and_nothing_is_written(c, change, key):
    nc_id, action_id = planned(c)
    before = _action(c, nc_id, action_id)
    logged = audit_actions("corrective_action", action_id)
    with pytest.raises(ValidationFailed) as err:
        ca.reschedule_action(c.actor("hoant"), action_id, change(c, before), before.version)
    assert err.value.key == key
    assert _action(c, nc_id, action_id) == before
    assert audit_actions("corrective_action", action_id) == logged


def test_only_planners_of_the_unit_may_change_and_a_stale_copy_is_refused(c):
    nc_id, action_id = planned(c)
    action = _action(c, nc_id, action_id)
    change = ca.ActionChange(action.owner_id, action.due_date + timedelta(days=7), "Thêm thời gian")
    for username in ("minhlv", "tungbv", "bennv"):  # another unit, a viewer, a leader
        with pytest.raises(PermissionDenied):
            ca.reschedule_action(c.actor(username), action_id, change, action.version)
    ca.reschedule_action(c.actor("hangnt"), action_id, change, action.version)  # ISO officer
    with pytest.raises(Conflict):
        ca.reschedule_action(c.actor("hoant"), action_id, ca.ActionChange(
            action.owner_id, action.due_date + timedelta(days=9), "Bản cũ"), action.version)
    assert _action(c, nc_id, action_id).due_date == action.due_date + timedelta(days=7)


def test_a_done_action_cannot_be_rescheduled(c):
    nc_id, action_id = done(c)
    action = _action(c, nc_id, action_id)
    with pytest.raises(Conflict):
        ca.reschedule_action(c.actor("hangnt"), action_id, ca.ActionChange(
            action.owner_id, action.due_date + timedelta(days=3), "Muộn"), action.version)

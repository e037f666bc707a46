"""The ISO 10.2 loop through the services, on both engines: record, analyse, plan, act,
check effectiveness, close — who may do each step, and what each step refuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from qms.core.clock import today
from qms.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from qms.nonconformities import actions as ca
from qms.nonconformities.recording import analyse_nonconformity, attach_file, raise_nonconformity
from tests.nonconformities.helpers import (
    ANALYSIS,
    analysed,
    audit_actions,
    commune,
    detail,
    done,
    nc_input,
    planned,
)

EFFECTIVE = ca.VerificationInput(True, "Ba tháng không còn hồ sơ khai sinh trễ hạn.")
NOT_EFFECTIVE = ca.VerificationInput(False, "Tháng 5 lại có 2 hồ sơ trả chậm.")


@pytest.fixture
def c(db, clock):
    return commune()


def test_the_whole_loop_ends_closed_with_every_step_in_the_audit_trail(c, clock):
    nc_id, action_id = done(c)
    assert detail(c, nc_id).status == "awaiting_verification"
    clock.advance(days=30)
    ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    ca.close_nonconformity(c.actor("bennv"), nc_id, detail(c, nc_id).version)
    nc = detail(c, nc_id)
    assert nc.status == "closed" and nc.closed_by == "Nguyễn Văn Bền"
    assert nc.closed_on == today() and nc.number == "KPH-2023-001"
    assert audit_actions("nonconformity", nc_id) == [
        "nc.create", "nc.analyse", "nc.plan", "nc.start", "nc.complete", "nc.verify",
        "nc.close"]
    assert audit_actions("corrective_action", action_id) == ["nc.action.add",
                                                             "nc.action.update"]


def test_closing_without_an_effective_check_is_refused(c, clock):
    nc_id, _ = done(c)
    with pytest.raises(ValidationFailed) as err:
        ca.close_nonconformity(c.actor("bennv"), nc_id, detail(c, nc_id).version)
    assert err.value.key == "nc.close_needs_verification"
    assert "kiểm tra hiệu lực" in err.value.message()
    assert detail(c, nc_id).status == "awaiting_verification"


def test_closing_before_the_actions_are_done_is_refused_by_the_workflow(c):
    nc_id, _ = planned(c)
    with pytest.raises(Conflict) as err:
        ca.close_nonconformity(c.actor("hangnt"), nc_id, detail(c, nc_id).version)
    assert err.value.message() == ('Phiếu đang ở trạng thái "Đã lập kế hoạch": không thực '
                                   'hiện được bước "Đóng phiếu".')


def test_only_a_leader_or_the_iso_officer_closes(c, clock):
    nc_id, _ = done(c)
    clock.advance(days=30)
    ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    for username in ("hoant", "minhlv", "tungbv"):
        with pytest.raises(PermissionDenied):
            ca.close_nonconformity(c.actor(username), nc_id, detail(c, nc_id).version)
    ca.close_nonconformity(c.actor("hangnt"), nc_id, detail(c, nc_id).version)


def test_an_action_owner_may_not_check_its_effectiveness(c, clock):
    nc_id, _ = done(c, owner="hangnt")  # the ISO officer owned the action herself
    clock.advance(days=31)
    with pytest.raises(ValidationFailed) as err:
        ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    assert err.value.key == "nc.verifier_is_owner"
    ca.verify_effectiveness(c.actor("hungtv"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    assert detail(c, nc_id).latest_verification.verifier == "Trần Văn Hùng"


def test_the_check_is_refused_before_the_waiting_time_and_allowed_on_its_last_day(c, clock):
    nc_id, _ = done(c)
    done_on = detail(c, nc_id).actions[0].done_on
    clock.advance(days=29)
    with pytest.raises(ValidationFailed) as err:
        ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    assert err.value.key == "nc.verify_too_early"
    assert err.value.params["date"] == (done_on + timedelta(days=30)).strftime("%d/%m/%Y")
    clock.advance(days=1)
    ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)


def test_the_waiting_time_comes_from_the_environment(c, monkeypatch):
    monkeypatch.setenv("QMS_NC_VERIFY_WAIT_DAYS", "0")
    nc_id, _ = done(c)
    ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    assert detail(c, nc_id).latest_verification.effective


def test_not_effective_reopens_to_analysis_and_keeps_every_round(c, clock):
    nc_id, first_action = done(c)
    clock.advance(days=30)
    ca.verify_effectiveness(c.actor("hangnt"), nc_id, NOT_EFFECTIVE, detail(c, nc_id).version)
    nc = detail(c, nc_id)
    assert (nc.status, nc.round) == ("analysed", 2)
    assert [a.id for a in nc.actions] == [first_action] and nc.current_actions == ()
    assert [(v.round, v.effective) for v in nc.verifications] == [(1, False)]
    with pytest.raises(ValidationFailed) as err:  # round 1's action does not plan round 2
        ca.plan_actions(c.actor("hoant"), nc_id, nc.version)
    assert err.value.key == "nc.plan_needs_action"
    second = ca.add_action(c.actor("hoant"), nc_id, ca.ActionInput(
        "Cài nhắc hạn tự động trên phần mềm một cửa.", c.users["minhlv"],
        today() + timedelta(days=10)))
    ca.plan_actions(c.actor("hoant"), nc_id, detail(c, nc_id).version)
    ca.update_action(c.actor("minhlv"), second, ca.ActionUpdate("done", "Đã cài đặt."),
                     detail(c, nc_id).actions[1].version)
    clock.advance(days=30)
    ca.verify_effectiveness(c.actor("hoant"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    ca.close_nonconformity(c.actor("bennv"), nc_id, detail(c, nc_id).version)
    nc = detail(c, nc_id)
    assert [(a.round, a.status) for a in nc.actions] == [(1, "done"), (2, "done")]
    assert [(v.round, v.effective) for v in nc.verifications] == [(1, False), (2, True)]
    assert "nc.reopen" in audit_actions("nonconformity", nc_id)


def test_a_not_effective_check_needs_a_reason(c, clock):
    nc_id, _ = done(c)
    clock.advance(days=30)
    with pytest.raises(ValidationFailed) as err:
        ca.verify_effectiveness(c.actor("hangnt"), nc_id, ca.VerificationInput(False),
                                detail(c, nc_id).version)
    assert err.value.key == "nc.not_effective_needs_note"


def test_cancelling_needs_a_leader_and_a_reason(c):
    nc_id = analysed(c)
    with pytest.raises(PermissionDenied):
        ca.cancel_nonconformity(c.actor("hangnt"), nc_id, "Ghi trùng", detail(c, nc_id).version)
    with pytest.raises(ValidationFailed):
        ca.cancel_nonconformity(c.actor("bennv"), nc_id, " ", detail(c, nc_id).version)
    ca.cancel_nonconformity(c.actor("bennv"), nc_id, "Ghi trùng với KPH-2023-002",
                            detail(c, nc_id).version)
    nc = detail(c, nc_id)
    assert (nc.status, nc.cancel_reason, nc.cancelled_by) == (
        "cancelled", "Ghi trùng với KPH-2023-002", "Nguyễn Văn Bền")
    with pytest.raises(Conflict):
        analyse_nonconformity(c.actor("hoant"), nc_id, ANALYSIS, nc.version)


def test_the_unit_concerned_analyses_another_unit_may_not(c):
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    version = detail(c, nc_id).version
    for username in ("minhlv", "tungbv", "bennv"):
        with pytest.raises(PermissionDenied):
            analyse_nonconformity(c.actor(username), nc_id, ANALYSIS, version)
    analyse_nonconformity(c.actor("hoant"), nc_id, ANALYSIS, version)
    nc = detail(c, nc_id)
    assert nc.status == "analysed" and nc.why_chain == ANALYSIS.why_chain
    assert nc.cause_category == "method" and nc.similar_exist is False


def test_the_person_it_is_assigned_to_analyses_whatever_their_unit(c):
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None,
                                nc_input(c, owner_id=c.users["minhlv"]))
    analyse_nonconformity(c.actor("minhlv"), nc_id, ANALYSIS, detail(c, nc_id).version)


def test_a_stale_form_is_refused_with_the_current_version(c):
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    stale = detail(c, nc_id).version
    analyse_nonconformity(c.actor("hoant"), nc_id, ANALYSIS, stale)
    with pytest.raises(Conflict) as err:
        analyse_nonconformity(c.actor("hangnt"), nc_id, ANALYSIS, stale)
    assert err.value.key == "error.stale" and err.value.params["current"] == stale + 1


def test_analysis_needs_the_similar_cases_answer(c):
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    with pytest.raises(ValidationFailed) as err:
        analyse_nonconformity(c.actor("hoant"), nc_id, replace(ANALYSIS, similar_exist=None),
                              detail(c, nc_id).version)
    assert err.value.key == "nc.similar_answer_required"


def test_only_the_owner_or_their_unit_reports_on_an_action(c):
    nc_id, action_id = planned(c, owner="hungtv")  # a leader owns this one
    version = detail(c, nc_id).actions[0].version
    for username in ("bennv", "minhlv", "tungbv"):
        with pytest.raises(PermissionDenied):
            ca.update_action(c.actor(username), action_id, ca.ActionUpdate("in_progress"),
                             version)
    ca.update_action(c.actor("hungtv"), action_id, ca.ActionUpdate("in_progress"), version)
    assert detail(c, nc_id).status == "in_progress"


def test_a_done_action_needs_what_was_done_and_no_future_date(c):
    nc_id, action_id = planned(c)
    version = detail(c, nc_id).actions[0].version
    with pytest.raises(ValidationFailed):
        ca.update_action(c.actor("hoant"), action_id, ca.ActionUpdate("done", ""), version)
    with pytest.raises(ValidationFailed) as err:
        ca.update_action(c.actor("hoant"), action_id, ca.ActionUpdate(
            "done", "Xong", today() + timedelta(days=1)), version)
    assert err.value.key == "nc.done_in_future"


def test_actions_cannot_be_reported_before_the_plan_or_added_after_completion(c):
    nc_id = analysed(c)
    action_id = ca.add_action(c.actor("hoant"), nc_id, ca.ActionInput(
        "Rà soát sổ theo dõi", c.users["hoant"], today()))
    with pytest.raises(Conflict) as err:
        ca.update_action(c.actor("hoant"), action_id, ca.ActionUpdate("in_progress"),
                         detail(c, nc_id).actions[0].version)
    assert err.value.key == "nc.not_planned"
    done_id, _ = done(c)
    with pytest.raises(Conflict):
        ca.add_action(c.actor("hoant"), done_id, ca.ActionInput("Thêm", c.users["hoant"],
                                                                today()))


def test_a_viewer_or_leader_cannot_record_and_nothing_is_saved(c):
    for username in ("tungbv", "bennv"):
        with pytest.raises(PermissionDenied):
            raise_nonconformity(c.actor(username), "", None, nc_input(c))
    assert audit_actions("nonconformity", 1) == []


@pytest.mark.parametrize(("overrides", "key"), [
    ({"clause": "11.2"}, "nc.bad_clause"), ({"grade": "serious"}, "nc.bad_grade"),
    ({"source": ""}, "validation.required"), ({"description": " "}, "validation.required"),
])
def test_bad_input_is_refused_before_anything_is_numbered(c, overrides, key):
    with pytest.raises(ValidationFailed) as err:
        raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c, **overrides))
    assert err.value.key == key
    first = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    assert detail(c, first).number == "KPH-2023-001"


def test_evidence_files_are_kept_with_the_record(c):
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    file_id = attach_file(c.actor("hoant"), nc_id, "anh-chup.png",
                          b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    assert detail(c, nc_id).files == ((file_id, "anh-chup.png", None),)
    other = commune("Xã Nam Hồng", "2")
    with pytest.raises(NotFound):
        attach_file(other.actor("hangnt"), nc_id, "x.png", b"\x89PNG\r\n\x1a\n0")

"""Citizens' voice services: survey results with their limits and target, the feedback
register's dates and the on-time rule, who may answer, and the one-click nonconformity."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import func, select

from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.core.i18n import t
from qms.db.uow import read_session, unit_of_work
from qms.nonconformities.models import Nonconformity
from qms.plan.models import PlanTarget, PlanTask
from qms.trace.models import TraceLink
from qms.trace.queries import links_for_task
from qms.voice.escalation import raise_voice_nc
from qms.voice.recording import CriterionInput, answer_feedback, save_survey
from tests.nonconformities.helpers import audit_actions, detail
from tests.voice.helpers import CRITERIA, Voice, received, surveyed, voice_setup


@pytest.fixture
def v(db, clock) -> Voice:
    return voice_setup()


@contextmanager
def refused(key: str) -> Iterator[None]:
    with pytest.raises(ValidationFailed) as err:
        yield
    assert err.value.key == key


def _nc_count(org_id: int) -> int:
    with read_session() as s:
        return s.scalar(select(func.count()).select_from(Nonconformity)
                        .where(Nonconformity.organization_id == org_id)) or 0


def test_a_survey_computes_each_share_against_the_default_target_of_90(v):
    survey_id = surveyed(v)
    view = v.survey()
    assert view.survey_id == survey_id and view.target == 90.0
    assert [(c.share, c.below) for c in view.criteria] == [(95.83, False), (80.0, True),
                                                          (100.0, False)]
    assert audit_actions("satisfaction_survey", survey_id) == ["voice.survey"]


def test_the_plans_satisfaction_target_is_the_default_when_it_has_one(v):
    with unit_of_work() as uow:
        task = uow.session.scalar(select(PlanTask).where(
            PlanTask.plan_id == v.plan_id, PlanTask.text.contains("khảo sát sự hài lòng")))
        assert task is not None
        uow.session.add(PlanTarget(task_id=task.id, comparator=">", value=95.0,
                                   text="trên 95%"))
        uow.commit()
    assert v.survey(2).target == 95.0  # shown before anything is saved
    surveyed(v, 2)
    assert v.survey(2).target == 95.0 and sum(c.below for c in v.survey(2).criteria) == 1


def test_survey_counts_are_refused_outside_zero_to_responses_in_vietnamese(v):
    hang = v.c.actor("hangnt")
    with pytest.raises(ValidationFailed) as err:
        save_survey(hang, v.periods[0], [CriterionInput("Thái độ phục vụ", 10, 11)])
    assert err.value.message() == "Số ý kiến hài lòng (11) không được lớn hơn số ý kiến (10)."
    for responses, satisfied in ((-1, 0), (5, -1), (2.5, 1)):
        with refused("voice.bad_count"):
            save_survey(hang, v.periods[0], [CriterionInput("Thái độ", responses, satisfied)])
    with refused("voice.bad_target"):
        save_survey(hang, v.periods[0], CRITERIA, target=100.5)
    with refused("voice.duplicate_criterion"):
        save_survey(hang, v.periods[0], [CriterionInput("Thái độ", 1, 1),
                                         CriterionInput("thai do", 2, 2)])
    assert v.survey().survey_id is None  # nothing was kept
    save_survey(hang, v.periods[0], [CriterionInput("Thái độ", 10, 10),
                                     CriterionInput("Chưa có phiếu", 0, 0)])
    assert [(c.share, c.below) for c in v.survey().criteria] == [(100.0, False), (None, False)]


def test_criteria_are_stored_in_nfc_and_keep_their_row_when_saved_again(v):
    decomposed = unicodedata.normalize("NFD", "Thời gian giải quyết")
    surveyed(v, criteria=[CriterionInput(decomposed, 10, 5)])
    first = v.survey()
    assert first.criteria[0].criterion == "Thời gian giải quyết"
    save_survey(v.c.actor("hangnt"), v.periods[0],
                [CriterionInput("Thái độ", 4, 4), CriterionInput("Thời gian giải quyết", 10, 9)],
                target=85, expected_version=first.version)
    second = v.survey()
    assert second.target == 85 and second.version == first.version + 1
    assert second.criteria[1].id == first.criteria[0].id and second.criteria[1].satisfied == 9
    with pytest.raises(Conflict):
        save_survey(v.c.actor("hangnt"), v.periods[0], CRITERIA,
                    expected_version=first.version)


def test_feedback_is_due_ten_days_after_receipt_unless_configured(v, monkeypatch):
    assert v.row(received(v, date(2023, 2, 1))).due_on == date(2023, 2, 11)
    monkeypatch.setenv("QMS_VOICE_ANSWER_DAYS", "15")
    assert v.row(received(v, date(2023, 2, 1))).due_on == date(2023, 2, 16)


def test_feedback_dates_in_the_wrong_order_are_refused(v):
    with pytest.raises(ValidationFailed) as err:
        received(v, date(2023, 2, 10), due_on=date(2023, 2, 9))
    assert err.value.message() == "Hạn trả lời không được trước ngày tiếp nhận."
    with refused("voice.received_in_future"):
        received(v, date(2023, 3, 2))
    with refused("voice.bad_channel"):
        received(v, channel="zalo")
    fid = received(v, date(2023, 2, 10))
    with refused("voice.answered_before_received"):
        answer_feedback(v.c.actor("hoant"), fid, date(2023, 2, 9), "Đã trả lời.", 1)
    with refused("voice.answered_in_future"):
        answer_feedback(v.c.actor("hoant"), fid, date(2023, 3, 2), "Đã trả lời.", 1)


def test_an_answer_on_the_due_day_is_on_time_and_a_day_later_is_late(v):
    on_due, day_after = received(v, date(2023, 2, 1)), received(v, date(2023, 2, 1))
    answer_feedback(v.c.actor("hoant"), on_due, date(2023, 2, 11), "Đã trả kết quả.", 1)
    answer_feedback(v.c.actor("hoant"), day_after, date(2023, 2, 12), "Đã trả kết quả.", 1)
    assert v.row(on_due).state == "answered" and not v.row(on_due).late
    assert v.row(day_after).state == "answered_late" and v.row(day_after).late
    waiting = received(v, date(2023, 2, 1))
    assert v.row(waiting, date(2023, 2, 11)).state == "open"
    assert v.row(waiting, date(2023, 2, 12)).state == "overdue"


def test_the_handling_unit_and_the_iso_officer_answer_others_may_not(v):
    fid = received(v)
    for who in ("minhlv", "tungbv", "bennv"):
        with pytest.raises(PermissionDenied):
            answer_feedback(v.c.actor(who), fid, date(2023, 2, 5), "Trả lời.", 1)
    version = answer_feedback(v.c.actor("hoant"), fid, date(2023, 2, 5), "Đã trả kết quả.", 1)
    answer_feedback(v.c.actor("hangnt"), fid, date(2023, 2, 5), "Đã trả kết quả, xin lỗi.",
                    version)
    with pytest.raises(Conflict):
        answer_feedback(v.c.actor("hoant"), fid, date(2023, 2, 6), "Sửa.", version)
    assert audit_actions("citizen_feedback", fid) == ["voice.feedback", "voice.answer",
                                                       "voice.answer"]


def test_one_click_on_a_criterion_below_target_raises_one_nonconformity(v):
    surveyed(v)
    below = v.survey().criteria[1]
    before = _nc_count(v.c.org_id)
    first = raise_voice_nc(v.c.actor("hangnt"), "satisfaction_criterion", below.id)
    assert first.created
    nc = detail(v.c, first.nc_id)
    assert (nc.source, nc.clause, nc.source_type, nc.source_id) == (
        "citizen_feedback", "9.1.2", "satisfaction_criterion", below.id)
    assert "Thời gian giải quyết thủ tục hành chính" in nc.description and "80%" in nc.description
    again = raise_voice_nc(v.c.actor("hoant"), "satisfaction_criterion", below.id)
    assert (again.nc_id, again.created) == (first.nc_id, False)
    assert _nc_count(v.c.org_id) == before + 1
    assert v.survey().criteria[1].nc_number == first.number
    with refused("voice.nc_not_below_target"):
        raise_voice_nc(v.c.actor("hangnt"), "satisfaction_criterion", v.survey().criteria[0].id)


def test_a_viewer_or_a_leader_cannot_raise_the_nonconformity(v):
    fid = received(v, date(2023, 2, 1))
    for who in ("tungbv", "bennv"):
        with pytest.raises(PermissionDenied):
            raise_voice_nc(v.c.actor(who), "citizen_feedback", fid)
    assert v.row(fid).nc_id is None


def test_a_late_answer_raises_a_nonconformity_linked_to_the_feedbacks_task(v):
    with read_session() as s:
        task_id = s.scalar(select(PlanTask.id).where(PlanTask.plan_id == v.plan_id,
                                                     PlanTask.code == "3.5"))
    fid = received(v, date(2023, 2, 1), task_id=task_id)
    with refused("voice.nc_not_late"):
        raise_voice_nc(v.c.actor("hangnt"), "citizen_feedback", received(v, date(2023, 2, 25)))
    answer_feedback(v.c.actor("hoant"), fid, date(2023, 2, 14), "Đã trả kết quả.", 1)
    raised = raise_voice_nc(v.c.actor("hoant"), "citizen_feedback", fid)
    nc = detail(v.c, raised.nc_id)
    assert (nc.unit_id, nc.owner_id, nc.found_on, nc.clause) == (
        v.c.tuphap, v.c.users["hoant"], date(2023, 2, 14), "8.2.1")
    assert "14/02/2023" in nc.description and "Trần Văn An" in nc.description
    with read_session() as s:
        linked = set(s.execute(select(TraceLink.entity_type, TraceLink.entity_id)
                               .where(TraceLink.task_id == task_id)).all())
    assert {("citizen_feedback", fid), ("nonconformity", raised.nc_id)} <= linked
    shown = {(x.entity_type, x.label) for x in links_for_task(v.c.org_id, task_id)}
    assert ("citizen_feedback", "Chậm trả kết quả chứng thực bản sao") in shown
    assert t("trace.type.citizen_feedback") == "Phản ánh, kiến nghị"
    assert v.row(fid).nc_number == raised.number

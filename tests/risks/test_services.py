"""Risks and opportunities through the services: entries, actions, reviews that keep their
history, who may do what, stale saves, "Việc của tôi", the dashboard deadlines, the review
input (ISO 9.3.2 e) and trace links to plan tasks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import select

from qms.core.clock import today
from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.dashboard.my_work import my_work
from qms.db.uow import read_session
from qms.plan.demo import load_demo_plan
from qms.plan.models import PlanTask
from qms.risks import queries
from qms.risks import recording as risks
from qms.risks.sections import risks_section
from qms.risks.work import risk_deadlines
from qms.trace.queries import links_for_task
from qms.trail.models import AuditLog
from tests.risks.helpers import Setup, civil_status_risk, setup


@pytest.fixture
def s(db, clock) -> Setup:
    return setup()


@contextmanager
def refused(key: str) -> Iterator[None]:
    with pytest.raises((ValidationFailed, Conflict)) as raised:
        yield
    assert raised.value.key == key


def test_a_new_entry_shows_its_computed_level_band_and_audit_row(s):
    row = s.row()
    assert (row.level, row.band, row.trend, row.status) == (12, "high", "new", "open")
    assert row.code == f"R-{s.risk_id:03d}" and row.unit == "Tư pháp - Hộ tịch"
    assert row.owner == "Nguyễn Thị Hoa" and row.open_actions == 1
    with read_session() as session:
        actions = session.scalars(select(AuditLog.action).where(
            AuditLog.entity_type.in_(("risk", "risk_action")))).all()
    assert list(actions) == ["risk.create", "risk.action_add"]


@pytest.mark.parametrize(("field", "value", "key"), [
    ("likelihood", 0, "risk.scale"), ("impact", 6, "risk.scale"),
    ("kind", "threat", "risk.bad_kind"), ("description", " ", "validation.required")])
def test_bad_input_is_refused_and_nothing_is_saved(s, field, value, key):
    with pytest.raises(ValidationFailed) as raised:
        risks.create_risk(s.c.actor("hangnt"), civil_status_risk(s.c, **{field: value}))
    assert raised.value.key == key
    assert len(queries.register(s.c.org_id, today(), queries.RiskFilter(status=None))) == 1


def test_an_entry_needs_a_process_or_a_unit(s):
    with refused("risk.needs_scope"):
        risks.create_risk(s.c.actor("hangnt"), civil_status_risk(s.c, unit_id=None))


def test_officers_keep_only_their_own_units_entries_and_viewers_none(s):
    risks.create_risk(s.c.actor("hoant"), civil_status_risk(s.c))
    for who in ("minhlv", "tungbv", "bennv"):
        with pytest.raises(PermissionDenied):
            risks.create_risk(s.c.actor(who), civil_status_risk(s.c))
    with pytest.raises(PermissionDenied):
        risks.add_action(s.c.actor("minhlv"), s.risk_id, risks.RiskActionInput(
            "Việc của bộ phận khác", s.c.users["minhlv"], date(2023, 4, 1)))


def test_a_review_re_assesses_the_level_and_keeps_the_history(s):
    risks.review_risk(s.c.actor("bennv"), s.risk_id, risks.ReviewInput(
        2, 3, "Đã áp dụng đối chiếu hai người", date(2023, 9, 30)), s.row().version)
    row = s.row()
    assert (row.level, row.band, row.previous_level, row.trend) == (6, "medium", 12, "down")
    assert row.next_review_date == date(2023, 9, 30)
    risks.review_risk(s.c.actor("hoant"), s.risk_id, risks.ReviewInput(
        2, 3, "Không đổi", date(2023, 12, 31)), row.version, on=date(2023, 9, 30))
    row = s.row()
    assert (row.level, row.previous_level, row.trend) == (6, 6, "same")
    history = queries.reviews(s.c.org_id, s.risk_id)
    assert [(h.old_level, h.level) for h in history] == [(12, 6), (6, 6)][::-1]
    assert history[-1].reviewer == "Nguyễn Văn Bền"


def test_a_review_needs_the_matrix_and_a_later_next_review(s):
    with pytest.raises(PermissionDenied):
        risks.review_risk(s.c.actor("minhlv"), s.risk_id, risks.ReviewInput(1, 1),
                          s.row().version)
    with refused("risk.next_review_after"):
        risks.review_risk(s.c.actor("hangnt"), s.risk_id,
                          risks.ReviewInput(1, 1, "", today()), s.row().version)
    assert s.row().level == 12 and queries.reviews(s.c.org_id, s.risk_id) == []


def test_a_save_from_a_stale_copy_is_refused(s):
    stale_version = s.row().version
    risks.review_risk(s.c.actor("hangnt"), s.risk_id, risks.ReviewInput(4, 4), stale_version)
    with pytest.raises(Conflict) as raised:
        risks.review_risk(s.c.actor("bennv"), s.risk_id, risks.ReviewInput(1, 1),
                          stale_version)
    assert raised.value.key == "error.stale" and "Nguyễn Thị Hằng" in raised.value.message()
    with pytest.raises(Conflict):
        risks.update_risk(s.c.actor("hangnt"), s.risk_id, civil_status_risk(s.c),
                          stale_version)
    assert s.row().level == 16 and len(queries.reviews(s.c.org_id, s.risk_id)) == 1


def test_only_the_actions_owner_or_the_iso_officer_reports_it_done(s):
    version = queries.actions(s.c.org_id, today(), risk_id=s.risk_id)[0].version
    with pytest.raises(PermissionDenied):
        risks.complete_action(s.c.actor("minhlv"), s.action_id, "Xong", version)
    risks.complete_action(s.c.actor("hoant"), s.action_id, "Đã áp dụng từ 05/3", version)
    done = queries.actions(s.c.org_id, today(), risk_id=s.risk_id)[0]
    assert (done.status, done.done_on, done.overdue) == ("done", today(), False)
    with refused("risk.action_done_already"):
        risks.complete_action(s.c.actor("hangnt"), s.action_id, "Lại", done.version)


def test_an_overdue_action_shows_in_my_work_and_in_the_deadlines(s, clock):
    items = [i for i in my_work(s.c.actor("hoant"), today()) if i.kind == "risk.action"]
    assert len(items) == 1 and not items[0].overdue  # due 10 March, within 14 days
    clock.advance(days=12)  # 13 March
    mine = [i for i in my_work(s.c.actor("hoant"), today()) if i.kind.startswith("risk.")]
    assert [(i.kind, i.overdue, i.due) for i in mine] == [("risk.action", True,
                                                           date(2023, 3, 10))]
    assert mine[0].page == "pages/33_rui_ro.py" and mine[0].query["risk"] == str(s.risk_id)
    assert [i for i in my_work(s.c.actor("minhlv"), today()) if i.kind.startswith("risk.")] == []
    deadlines = risk_deadlines(s.c.org_id, today())
    assert [(i.kind, i.overdue) for i in deadlines] == [("risk.action", True),
                                                       ("risk.review", False)]
    assert deadlines[1].due == date(2023, 6, 30)
    assert s.row().overdue and s.row().overdue_actions == 1
    version = queries.actions(s.c.org_id, today(), risk_id=s.risk_id)[0].version
    risks.complete_action(s.c.actor("hoant"), s.action_id, "Đã làm", version)
    assert [i.kind for i in risk_deadlines(s.c.org_id, today())] == ["risk.review"]


def test_a_review_due_soon_shows_for_the_owner(s, clock):
    clock.advance(days=120)  # 29 June: the review of 30 June is due
    items = [i for i in my_work(s.c.actor("hoant"), today()) if i.kind == "risk.review"]
    assert len(items) == 1 and not items[0].overdue
    clock.advance(days=2)
    assert [i.overdue for i in risk_deadlines(s.c.org_id, today())
            if i.kind == "risk.review"] == [True]


def test_closed_entries_take_no_actions_and_leave_the_deadlines(s):
    risks.set_risk_status(s.c.actor("hangnt"), s.risk_id, "closed", s.row().version)
    with refused("risk.closed"):
        risks.add_action(s.c.actor("hangnt"), s.risk_id, risks.RiskActionInput(
            "Thêm", None, date(2023, 4, 1)))
    assert risk_deadlines(s.c.org_id, today()) == []
    assert queries.register(s.c.org_id, today()) == []  # the default filter shows open ones


def test_the_review_input_reports_level_changes_and_actions(s):
    risks.review_risk(s.c.actor("hangnt"), s.risk_id, risks.ReviewInput(2, 3),
                      s.row().version, on=date(2023, 3, 5))
    version = queries.actions(s.c.org_id, today(), risk_id=s.risk_id)[0].version
    risks.complete_action(s.c.actor("hoant"), s.action_id, "Xong", version,
                          on=date(2023, 3, 8))
    late = risks.create_risk(s.c.actor("hangnt"), civil_status_risk(
        s.c, kind="opportunity", description="Liên thông khai sinh – bảo hiểm y tế trực tuyến",
        likelihood=4, impact=5), on=date(2023, 1, 5))
    risks.add_action(s.c.actor("hangnt"), late, risks.RiskActionInput(
        "Tập huấn phần mềm liên thông", s.c.users["hoant"], date(2023, 2, 15)))
    section = risks_section(s.c.org_id, date(2022, 12, 10), date(2023, 3, 9))
    assert section is not None and section.key == "risks"
    assert section.figures == {"total": 2.0, "reviewed": 1.0, "down": 1.0, "up": 0.0,
                               "actions_done": 1.0, "actions_late": 1.0}
    rows = {r[0][:5]: r for r in section.rows}
    assert rows[f"R-{s.risk_id:03d}"][3:] == ("12 → 6", "1/1", "0")
    assert rows[f"R-{late:03d}"][1:3] == ("Cơ hội", "Rất cao (20)")
    assert "1 được đánh giá lại (1 giảm mức độ" in section.summary
    assert risks_section(s.c.org_id, date(2024, 1, 1), date(2024, 12, 31)) is None


def test_an_entry_links_to_a_plan_task(s):
    load_demo_plan(s.c.org_id)
    with read_session() as session:
        task_id = session.scalar(select(PlanTask.id).where(
            PlanTask.organization_id == s.c.org_id, PlanTask.code == "3.5"))
    risks.link_task(s.c.actor("hangnt"), s.risk_id, task_id)
    links = links_for_task(s.c.org_id, task_id)
    assert [(x.entity_type, x.label[:5]) for x in links] == [("risk", f"R-{s.risk_id:03d}")]
    assert queries.linked_tasks(s.c.org_id, s.risk_id)[0].startswith("3.5 — ")


@pytest.mark.parametrize(("text", "key"), [
    ("Hồ sơ\x07 trễ", "validation.control_chars"), ("x" * 2001, "validation.too_long")])
def test_hostile_text_is_refused_with_its_field_named(s, text, key):
    with refused(key):
        risks.create_risk(s.c.actor("hangnt"), civil_status_risk(s.c, cause=text))


def test_decomposed_vietnamese_is_stored_composed(s):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Rủi ro mất dữ liệu hộ tịch điện tử")
    risk_id = risks.create_risk(s.c.actor("hangnt"), civil_status_risk(s.c, description=nfd))
    assert s.row(risk_id).description == "Rủi ro mất dữ liệu hộ tịch điện tử"

"""No lost updates: two people edit the same record from the same version; the second save is
refused with a Vietnamese message that says who saved, when and which fields changed, and the
first save stays as it was. A real race (two threads, separate connections) ends the same way."""

from __future__ import annotations

import itertools
import threading
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from qms.core.actor import Actor
from qms.core.errors import Conflict, DomainError
from qms.db import migrate
from qms.db.uow import read_session
from qms.nonconformities.models import Nonconformity
from qms.nonconformities.recording import NcInput, analyse_nonconformity, raise_nonconformity
from qms.plan.models import PlanTask
from qms.plan.tasks import TaskUpdate, update_task
from tests.documents.helpers import make_plan
from tests.factories import make_org
from tests.nonconformities.helpers import ANALYSIS, commune, detail, nc_input
from tests.reliability import hostile as h


def _root_cause(nc_id: int) -> str:
    with read_session() as s:
        return s.scalar(select(Nonconformity.root_cause).where(Nonconformity.id == nc_id))


def test_a_stale_nonconformity_analysis_names_who_when_and_what(db):
    c = commune()
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    seen = detail(c, nc_id).version  # both open the form at this version
    analyse_nonconformity(c.actor("hoant"), nc_id, ANALYSIS, seen)
    theirs = replace(ANALYSIS, root_cause="Thiếu người trực bộ phận một cửa.")
    with pytest.raises(Conflict) as caught:
        analyse_nonconformity(c.actor("hangnt"), nc_id, theirs, seen)
    message = caught.value.message("vi")
    assert "Nguyễn Thị Hoa" in message  # who saved first
    assert "nguyên nhân gốc" in message and "khắc phục tức thời" in message  # what changed
    assert f"phiên bản hiện tại: {seen + 1}" in message
    assert "chưa được lưu" in message
    assert caught.value.params["at"].count("/") == 2  # when: "HH:MM dd/mm/yyyy"
    assert _root_cause(nc_id) == ANALYSIS.root_cause  # nothing overwritten
    assert "Nguyen Thi Hoa" not in caught.value.message("en")
    assert "root cause" in caught.value.message("en")


def test_a_stale_plan_task_save_names_the_changed_fields_and_keeps_the_first(db):
    c = commune()
    plan_id = make_plan(c.org_id, 2023, ("3.6",))
    with read_session() as s:
        task_id, version = s.execute(select(PlanTask.id, PlanTask.version).where(
            PlanTask.plan_id == plan_id)).one()
    first = TaskUpdate(c.tuphap, None, None, "in_progress", "Đã niêm yết thủ tục mới.")
    update_task(c.actor("hangnt"), task_id, first, version)
    with pytest.raises(Conflict) as caught:
        update_task(c.actor("hoant"), task_id,
                    replace(first, progress_note="Chưa làm."), version)
    message = caught.value.message("vi")
    assert "Nguyễn Thị Hằng" in message and "ghi chú tiến độ" in message
    assert "bộ phận chủ trì" in message and "trạng thái" in message
    with read_session() as s:
        note = s.scalar(select(PlanTask.progress_note).where(PlanTask.id == task_id))
    assert note == "Đã niêm yết thủ tục mới."


def test_two_analyses_racing_leave_one_winner_and_a_conflict(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    c = commune()
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    seen = detail(c, nc_id).version
    actors = [c.actor("hangnt"), c.actor("hoant")]
    causes = ["Nguyên nhân A: không theo dõi hạn.", "Nguyên nhân B: thiếu người thay thế."]
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def save(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = analyse_nonconformity(actors[i], nc_id,
                                                replace(ANALYSIS, root_cause=causes[i]), seen)
        except DomainError as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [i for i, o in enumerate(outcomes) if isinstance(o, int)]
    losers = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert losers[0].key in {"error.stale", "error.concurrent_save"}
    assert "chưa được lưu" in losers[0].message("vi")
    assert _root_cause(nc_id) == causes[winners[0]]


_ORGS = itertools.count(1)


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(description=h.mostly(st.sampled_from(h.PAYLOADS), h.TEXT), title=h.TEXT,
       grade=h.mostly(st.just("minor"), h.TEXT), found_on=h.mostly(st.none(), h.DATES))
def test_hostile_nonconformities_on_both_engines(db, description, title, grade, found_on):
    """A smaller sample of the property tests, on PostgreSQL too (inside the test's
    rolled-back transaction: refused calls must leave no row behind there either)."""
    org_id = make_org(f"Xã Thử {next(_ORGS)}")
    actor = Actor.system(org_id)
    data = NcInput(description, grade, "other", title, found_on)
    nc_id = h.refused_or_done(lambda: raise_nonconformity(actor, "", None, data), Nonconformity)
    if nc_id is not None:
        with read_session() as s:
            stored = s.scalar(select(Nonconformity.description).where(Nonconformity.id == nc_id))
        h.clean_text(stored, 5000, multiline=True)

"""Numbers: KPH-2023-001 …, per organisation and year, gap-free and unique — also when many
people record at the same moment (real SQLite file and PostgreSQL, separate connections)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from qms.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from qms.db import migrate
from qms.db.uow import unit_of_work
from qms.nonconformities.models import Nonconformity
from qms.nonconformities.queries import nc_id_by_number
from qms.nonconformities.recording import raise_nonconformity, set_number_prefix
from qms.plan.demo import load_demo_plan
from qms.plan.queries import task_table
from tests.nonconformities.helpers import Commune, commune, detail, nc_input

THREADS = 8


def _numbers(org_id: int) -> list[str]:
    with unit_of_work() as uow:
        return list(uow.session.scalars(select(Nonconformity.number).where(
            Nonconformity.organization_id == org_id).order_by(Nonconformity.id)))


def test_numbers_follow_each_other_per_organisation_and_year(db, clock):
    c, other = commune(), commune("Xã Nam Hồng", "2")
    hang = c.actor("hangnt")
    for found in (date(2023, 1, 5), date(2023, 2, 1), date(2022, 12, 20), date(2023, 2, 3)):
        raise_nonconformity(hang, "", None, nc_input(c, found_on=found))
    raise_nonconformity(other.actor("hangnt"), "", None, nc_input(other, unit_id=None))
    assert _numbers(c.org_id) == ["KPH-2023-001", "KPH-2023-002", "KPH-2022-001",
                                  "KPH-2023-003"]
    assert _numbers(other.org_id) == ["KPH-2023-001"]
    assert nc_id_by_number(c.org_id, "kph-2023-002") is not None
    assert nc_id_by_number(c.org_id, "KPH-2023-009") is None


def test_the_prefix_is_set_per_organisation_and_old_numbers_stay(db, clock):
    c = commune()
    first = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    with pytest.raises(PermissionDenied):
        set_number_prefix(c.actor("hoant"), "PYC")
    with pytest.raises(ValidationFailed):
        set_number_prefix(c.actor("hangnt"), "PYC-")
    assert set_number_prefix(c.actor("hangnt"), " pyc") == "PYC"
    second = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    assert (detail(c, first).number, detail(c, second).number) == ("KPH-2023-001",
                                                                   "PYC-2023-002")


def test_a_creation_that_fails_after_numbering_gives_its_number_back(db, clock):
    c, other = commune(), commune("Xã Nam Hồng", "2")
    foreign_task = _a_task(other)
    with pytest.raises(NotFound):  # the link fails after the number was taken: rolled back
        raise_nonconformity(c.actor("hangnt"), "", None,
                            nc_input(c, plan_task_id=foreign_task))
    raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    assert _numbers(c.org_id) == ["KPH-2023-001"]


def _a_task(c: Commune) -> int:
    plan_id = load_demo_plan(c.org_id)
    return int(task_table(c.org_id, plan_id, date(2023, 1, 1)).iloc[0]["id"])


def test_concurrent_recording_gives_numbers_one_to_n_without_gaps(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    c = commune()
    actors = [c.actor(name) for name in ("hangnt", "hoant", "minhlv", "hangnt") * 2]
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = [None] * THREADS

    def record(index: int) -> None:
        barrier.wait()
        try:
            outcomes[index] = raise_nonconformity(actors[index], "", None, nc_input(c))
        except DomainError as exc:  # kept to be reported by the assertion below
            outcomes[index] = exc

    threads = [threading.Thread(target=record, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(isinstance(o, int) for o in outcomes), outcomes
    with unit_of_work() as uow:
        rows = uow.session.execute(select(Nonconformity.seq, Nonconformity.number).where(
            Nonconformity.organization_id == c.org_id)).all()
    assert sorted(seq for seq, _ in rows) == list(range(1, THREADS + 1))
    assert len({number for _, number in rows}) == THREADS

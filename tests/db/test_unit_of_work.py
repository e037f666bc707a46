"""The unit of work keeps nothing it was not told to commit; the audit row rides along."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from qms.auth.models import Unit
from qms.auth.organizations import add_unit
from qms.core.actor import Actor
from qms.core.errors import NotFound, ValidationFailed
from qms.db.engine import make_engine
from qms.db.uow import unit_of_work
from qms.trail.models import AuditLog
from tests.factories import make_org, make_unit


def _units(org_id: int) -> list[str]:
    with unit_of_work() as uow:
        return list(uow.session.scalars(select(Unit.name).where(Unit.organization_id == org_id)))


def _audit_rows(action: str) -> int:
    with unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).where(AuditLog.action == action)) or 0


def test_unit_of_work_rolls_back_what_was_not_committed(db):
    org_id = make_org()
    with unit_of_work() as uow:
        uow.session.add(Unit(organization_id=org_id, name="Văn phòng - Thống kê"))
        uow.session.flush()
    assert _units(org_id) == []


def test_unit_of_work_rolls_back_on_error(db):
    org_id = make_org()
    with pytest.raises(RuntimeError), unit_of_work() as uow:
        uow.session.add(Unit(organization_id=org_id, name="Văn phòng - Thống kê"))
        uow.session.flush()
        raise RuntimeError("boom")
    assert _units(org_id) == []


def test_committed_work_is_kept(db):
    org_id = make_org()
    with unit_of_work() as uow:
        uow.session.add(Unit(organization_id=org_id, name="Văn phòng - Thống kê"))
        uow.commit()
    assert _units(org_id) == ["Văn phòng - Thống kê"]


def test_a_service_writes_its_audit_row_in_the_same_transaction(db):
    org_id = make_org()
    unit_id = add_unit(Actor.system(org_id), "Tư pháp - Hộ tịch")
    with unit_of_work() as uow:
        row = uow.session.scalars(select(AuditLog).where(AuditLog.action == "unit.create")).one()
        assert row.entity_id == str(unit_id)
        assert row.changes == {"name": [None, "Tư pháp - Hộ tịch"]}
        assert row.occurred_at.tzinfo is not None


def test_a_refused_change_leaves_no_audit_row(db):
    org_id = make_org()
    with pytest.raises(ValidationFailed):
        add_unit(Actor.system(org_id), "   ")
    assert _audit_rows("unit.create") == 0
    assert _units(org_id) == []


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'pragmas.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    engine.dispose()


def test_owned_gives_the_record_of_the_actors_commune_and_hides_another_communes(db):
    mine, theirs = make_org(), make_org("Xã Nam Hồng")
    ours_id, other_id = make_unit(mine), make_unit(theirs)
    actor = Actor.system(mine)
    with unit_of_work() as uow:
        assert uow.owned(Unit, ours_id, actor).name == "Tư pháp - Hộ tịch"
        for missing in (other_id, other_id + 1000, None):
            with pytest.raises(NotFound):
                uow.owned(Unit, missing, actor)
        with pytest.raises(ValidationFailed) as named:
            uow.owned(Unit, other_id, actor, ValidationFailed("validation.unit"))
        assert named.value.key == "validation.unit"

"""The synthetic history generator: sizes, determinism, a still-valid audit chain."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qms.audits.models import ChecklistItem
from qms.core.actor import Actor
from qms.core.errors import PermissionDenied
from qms.core.roles import Role
from qms.db.uow import read_session
from qms.demo.scale.history import SCALES, add_history, count_rows
from qms.documents.models import DocumentRevision
from qms.nonconformities.models import CorrectiveAction, Nonconformity
from qms.plan.models import Plan
from qms.trace.file_models import Evidence, StoredFile
from qms.trail.models import AuditLog
from qms.trail.verify import verify_log
from tests.factories import make_org, make_unit, make_user

TINY = SCALES["tiny"]


def _world(name: str = "Xã Nam Trung") -> int:
    org_id = make_org(name)
    make_unit(org_id)
    make_user(org_id, f"cb{org_id}", Role.OFFICER)
    return org_id


def test_history_has_the_requested_sizes_and_the_audit_chain_still_verifies(db):
    org_id = _world()
    result = add_history(Actor.system(org_id), TINY, seed=7, last_year=2023)
    with read_session() as s:
        assert count_rows(s, Plan, org_id) == TINY.years
        assert count_rows(s, Nonconformity, org_id) == TINY.nonconformities
        assert count_rows(s, CorrectiveAction, org_id) == TINY.actions
        assert count_rows(s, DocumentRevision, org_id) == TINY.procedures * TINY.revisions
        assert count_rows(s, ChecklistItem, org_id) == TINY.audits * TINY.questions
        assert count_rows(s, Evidence, org_id) == TINY.evidence
        assert count_rows(s, StoredFile, org_id) == TINY.evidence
        # the history rows plus the make_org/make_user rows and the "demo.scale" row
        assert count_rows(s, AuditLog, org_id) >= TINY.log_rows + 1
        numbers = s.scalars(select(Nonconformity.number)
                            .where(Nonconformity.organization_id == org_id)).all()
    assert len(set(numbers)) == len(numbers)
    assert result.rows > TINY.log_rows
    report = verify_log()
    assert report.broken is None
    assert report.rows >= TINY.log_rows


def test_the_same_seed_gives_the_same_history_and_another_seed_another(db):
    def titles(org_id: int) -> list[str]:
        with read_session() as s:
            return list(s.scalars(select(Nonconformity.title)
                                  .where(Nonconformity.organization_id == org_id)
                                  .order_by(Nonconformity.number)))

    a, b, c = _world("Xã A"), _world("Xã B"), _world("Xã C")
    add_history(Actor.system(a), TINY, seed=3)
    add_history(Actor.system(b), TINY, seed=3)
    add_history(Actor.system(c), TINY, seed=4)
    assert titles(a) == titles(b)
    assert titles(a) != titles(c)
    d = _world("Xã D")
    add_history(Actor.system(d), TINY, seed=3, stream=2)
    assert titles(a) != titles(d)


def test_only_an_administrator_may_generate_history(db):
    org_id = _world()
    officer = Actor(None, "cb", "cb", org_id, frozenset({Role.ISO_OFFICER}))
    with pytest.raises(PermissionDenied):
        add_history(officer, TINY)

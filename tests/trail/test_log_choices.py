"""The audit-log filter choices: every distinct actor, action and record type of the
organisation (found by an index walk), none of another organisation's."""

from __future__ import annotations

from qms.core.actor import Actor
from qms.db.uow import unit_of_work
from qms.trail.queries import distinct_values
from qms.trail.record import record_change
from tests.factories import make_org


def _log(org_id: int, who: str, action: str, entity: str, times: int = 1) -> None:
    with unit_of_work() as uow:
        for n in range(times):
            record_change(uow.session, Actor.system(org_id, who), action, entity, n)
        uow.commit()


def test_the_choices_list_each_value_once_and_only_the_organisations_own(db):
    mine, other = make_org("Xã A"), make_org("Xã B")
    _log(mine, "hangnt", "nonconformity.create", "nonconformity", times=3)
    _log(mine, "bennv", "document.approve", "document")
    _log(mine, "cli", "user.create", "user")
    _log(other, "khac", "evidence.create", "evidence")
    choices = distinct_values(mine)
    assert {"hangnt", "bennv", "cli"} <= set(choices["actor"])
    assert "khac" not in choices["actor"]
    assert {"nonconformity.create", "document.approve", "user.create"} <= set(choices["action"])
    assert "evidence.create" not in choices["action"]
    assert "evidence" not in choices["entity_type"]
    assert all(values == sorted(set(values)) for values in choices.values())

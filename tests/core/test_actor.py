"""Actor.conditions: the one place a record's facts become the matrix's conditions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from qms.core.actor import Actor
from qms.core.errors import PermissionDenied
from qms.core.roles import Role

ME, OTHER, MY_UNIT, OTHER_UNIT = 7, 8, 3, 4


def officer(user_id: int | None = ME, unit_id: int | None = MY_UNIT) -> Actor:
    return Actor(user_id, "lan", "Nguyễn Thị Lan", 1, frozenset({Role.OFFICER}), unit_id)


@pytest.mark.parametrize(("facts", "held"), [
    ({}, set()),
    ({"unit_id": MY_UNIT}, {"own_unit"}),
    ({"unit_id": OTHER_UNIT}, set()),
    ({"owner_id": ME}, {"own_unit"}),  # assigned to me, whatever its unit
    ({"unit_id": OTHER_UNIT, "owner_id": OTHER}, set()),
    ({"action_owner_id": ME}, {"action_owner"}),
    ({"unit_id": MY_UNIT, "owner_id": ME, "action_owner_id": ME},
     {"own_unit", "action_owner"}),
    ({"lead_id": ME}, {"audit_lead", "audit_team"}),  # the lead is in the team
    ({"lead_id": OTHER, "team_ids": [ME, OTHER]}, {"audit_team"}),
    ({"lead_id": OTHER, "team_ids": [OTHER]}, set()),
    ({"assigned_id": ME}, {"assigned_auditor"}),
    ({"assigned_id": OTHER}, set()),
])
def test_each_fact_gives_its_condition_and_only_it(facts, held):
    assert officer().conditions(**facts) == held


def test_no_unit_matches_no_unit_and_nobody_owns_by_default():
    """A person without a unit is not "own unit" of a record without one; nor is the
    command line (no user) the owner of a record with no owner."""
    assert officer(unit_id=None).conditions(unit_id=None) == frozenset()
    system = Actor.system(1)
    assert system.conditions(owner_id=None, action_owner_id=None, lead_id=None,
                             assigned_id=None, unit_id=None) == frozenset()


def test_can_and_require_read_the_matrix_with_those_conditions():
    me = officer()
    assert me.can("nc.analyse", unit_id=MY_UNIT)
    assert me.can("nc.analyse", unit_id=OTHER_UNIT, owner_id=ME)
    assert not me.can("nc.analyse", unit_id=OTHER_UNIT)
    assert me.can("risk.action_update", action_owner_id=ME)
    assert not me.can("risk.action_update", unit_id=MY_UNIT)  # needs the owner, not the unit
    with pytest.raises(PermissionDenied):
        me.require("duty.submit", unit_id=OTHER_UNIT, owner_id=OTHER)
    me.require("duty.submit", unit_id=OTHER_UNIT, owner_id=ME)


def test_only_the_actor_turns_records_into_conditions():
    """Pages and services ask ``actor.can`` / ``actor.require`` with the record's facts; none
    reads the matrix with conditions of its own making (there were five styles of that)."""
    root = Path(__file__).resolve().parents[2]
    readers = []
    for path in [*root.joinpath("qms").rglob("*.py"), *root.joinpath("pages").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "qms.core.permissions" and \
                    any(a.name == "allowed" for a in node.names):
                readers.append(str(path.relative_to(root)))
    assert readers == ["qms/core/actor.py"]

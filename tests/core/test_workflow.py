"""The one shape of status machine (core/workflow.py), and every feature's machine in it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from enum import StrEnum

import pytest

import qms
from qms.core.errors import Conflict
from qms.core.i18n import catalog
from qms.core.workflow import Workflow


class Door(StrEnum):
    SHUT = "shut"
    OPEN = "open"
    LOCKED = "locked"


class Move(StrEnum):
    OPEN = "open"
    SHUT = "shut"
    LOCK = "lock"
    KNOCK = "knock"


DOOR = Workflow("door", {
    (Door.SHUT, Move.OPEN): Door.OPEN,
    (Door.SHUT, Move.LOCK): Door.LOCKED,
    (Door.SHUT, Move.KNOCK): Door.SHUT,
    (Door.OPEN, Move.SHUT): Door.SHUT,
}, refused={Move.KNOCK: "door.nobody_home"})


def test_a_declared_step_leads_to_its_status_given_as_enum_or_stored_text():
    assert DOOR.next(Door.SHUT, Move.OPEN) is Door.OPEN
    assert DOOR.next("shut", "lock") is Door.LOCKED
    assert DOOR.allows("open", Move.SHUT) and not DOOR.allows("open", Move.OPEN)


def test_any_other_step_is_a_conflict_naming_status_and_step_as_catalog_keys():
    with pytest.raises(Conflict) as err:
        DOOR.next(Door.LOCKED, Move.OPEN)
    assert err.value.key == "door.step_not_allowed"
    assert err.value.params == {"status": "field.door.status.locked",
                                "step": "field.door.step.open"}
    with pytest.raises(Conflict):
        DOOR.next("ajar", "open")  # an unknown status is refused, not a KeyError


def test_a_step_with_its_own_refusal_says_it_with_the_status():
    with pytest.raises(Conflict) as err:
        DOOR.next(Door.OPEN, Move.KNOCK)
    assert (err.value.key, err.value.params) == ("door.nobody_home",
                                                 {"status": "field.door.status.open"})


def test_the_steps_a_status_offers_come_in_declared_order():
    assert DOOR.steps_from(Door.SHUT) == (Move.OPEN, Move.LOCK, Move.KNOCK)
    assert DOOR.steps_from("locked") == ()
    assert DOOR.statuses() == (Door.SHUT, Door.OPEN, Door.LOCKED)


def test_labels_move_the_catalog_prefix_of_status_and_step():
    door = Workflow("door", DOOR.transitions, labels="house")
    with pytest.raises(Conflict) as err:
        door.next(Door.LOCKED, Move.SHUT)
    assert err.value.params == {"status": "house.status.locked", "step": "house.step.shut"}


def _feature_workflows() -> dict[str, Workflow]:
    found: dict[str, Workflow] = {}
    for info in pkgutil.walk_packages(qms.__path__, "qms."):
        if not info.name.endswith(".rules"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Workflow):
                found[f"{info.name}.{name}"] = value
    return found


WORKFLOWS = _feature_workflows()


def test_every_status_machine_of_the_ten_features_is_a_workflow():
    assert {name.split(".")[1] for name in WORKFLOWS} >= {
        "documents", "nonconformities", "audits", "duties", "scoring", "review", "risks",
        "onestop"}


# Status enums that are not machines: a value the owner reports or a field set by a step
# of another machine; a new ``*Status`` enum needs a workflow or a line here.
NOT_MACHINES = {
    "qms.plan.rules.TaskStatus": "the task owner reports progress freely",
    "qms.core.actions.ActionStatus": "the owner reports progress; the nonconformity's "
                                     "workflow says when reports are taken",
    "qms.review.rules.ReviewActionStatus": "the owner reports open or done",
    "qms.documents.rules.DocumentStatus": "set by the revision workflow's withdraw step",
}


def test_every_status_enum_belongs_to_a_workflow_or_says_why_not():
    used = {type(s) for w in WORKFLOWS.values() for s in w.statuses()}
    missing = []
    for info in pkgutil.walk_packages(qms.__path__, "qms."):
        if not (info.name.endswith(".rules") or info.name.startswith("qms.core.")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, StrEnum) and \
                    name.endswith("Status") and value.__module__ == info.name and \
                    value not in used and f"{info.name}.{name}" not in NOT_MACHINES:
                missing.append(f"{info.name}.{name}")
    assert not missing, f"status enums with no workflow: {missing}"


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_refusal_reads_in_the_users_language(name, lang):
    """The refusal, each status and each step the table names have catalog entries."""
    flow, known = WORKFLOWS[name], catalog(lang)
    labels = flow.labels or f"field.{flow.name}"
    keys = {f"{labels}.status.{s.value}" for s in flow.statuses()}
    steps = {step for (_, step) in flow.transitions}
    keys |= {flow.refused[st] for st in steps if st in flow.refused}
    if steps - set(flow.refused):
        keys.add(f"{flow.name}.step_not_allowed")
        keys |= {f"{labels}.step.{st.value}" for st in steps - set(flow.refused)}
    assert sorted(k for k in keys if k not in known) == []

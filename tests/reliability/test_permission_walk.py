"""Issue 8's permission proof: every mutating service, called by every role (and, where the
matrix names a condition, by someone for whom it holds and someone for whom it does not),
succeeds exactly when ``allowed()`` says so; a refusal is ``PermissionDenied`` and writes
nothing. The services and their calls are declared in ``service_catalog.py``."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator

import pytest

from qms.core.errors import PermissionDenied
from qms.core.permissions import PERMISSIONS, SELF_SERVICE
from tests import roles
from tests.reliability import walk
from tests.reliability.service_catalog import READ_ONLY, SERVICES

CASES = walk.cases()


def actor_services() -> set[str]:
    """Public functions of the service and demo modules whose first parameter is ``actor``,
    by full dotted name (``qms.risks.recording.add_risk``)."""
    found = set()
    for dotted in roles.modules():
        if roles.role(dotted) not in ("service", "demo"):
            continue
        module = importlib.import_module(dotted)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            params = list(inspect.signature(function).parameters)
            if params and params[0] == "actor":
                found.add(f"{dotted}.{name}")
    return found


def test_every_service_is_catalogued() -> None:
    services = actor_services()
    missing = sorted(services - SERVICES.keys() - READ_ONLY.keys())
    assert not missing, f"services without an entry in service_catalog.py: {missing}"
    gone = sorted((SERVICES.keys() | READ_ONLY.keys()) - services)
    assert not gone, f"catalogue entries naming no service: {gone}"
    assert not SERVICES.keys() & READ_ONLY.keys()


def test_every_entry_agrees_with_the_matrix() -> None:
    for name, entry in SERVICES.items():
        named = set()
        for action in entry.actions:
            assert action in PERMISSIONS or action in SELF_SERVICE, (name, action)
            named |= {c for c in PERMISSIONS.get(action, {}).values() if c}
        assert named == set(entry.conditions), (name, named, entry.conditions)


@pytest.fixture(scope="module", params=("sqlite", "postgresql"))
def world(request, tmp_path_factory) -> Iterator[walk.Prepared]:
    with walk.prepared(request.param, tmp_path_factory.mktemp("walk")) as ready:
        yield ready


@pytest.mark.parametrize("case", CASES, ids=[walk.case_id(c) for c in CASES])
def test_the_service_obeys_the_matrix(world: walk.Prepared, case) -> None:
    name, role, held = case
    with walk.transaction(world.url, world.data_dir) as conn:
        call = SERVICES[name].build(world.world)
        who = walk.actor(world.world, call, role, held)
        function = walk.service(name)
        if walk.expected(name, role, held):
            function(who, *call.args, **call.kwargs)
            return
        before, rows = walk.fingerprint(conn), walk.audit_count(conn)
        with pytest.raises(PermissionDenied):
            function(who, *call.args, **call.kwargs)
        assert walk.audit_count(conn) == rows, "a refused call wrote to the audit trail"
        assert walk.changed(before, walk.fingerprint(conn)) == {}, "a refused call wrote"

"""The embedded demo: xã Nam Trung, its units and people (no passwords), loaded once; then
every feature's demo loader (``Feature.demo``), in the order the features place them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy import select

from qms.auth.models import Organization, Unit
from qms.auth.organization_rules import OrgInput
from qms.auth.organizations import insert_organization
from qms.auth.users import UserInput, insert_user
from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.core.roles import parse_roles
from qms.db.uow import unit_of_work
from qms.features import demo_loaders
from qms.trail.record import record_change

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "demo" / "nam-trung.yaml"


@dataclass(frozen=True)
class DemoResult:
    loaded: bool
    organization_id: int | None
    units: int = 0
    users: int = 0
    plan_id: int | None = None


def load_demo(*, if_empty: bool = True) -> DemoResult:
    """Load the Nam Trung demo; with ``if_empty`` nothing happens once any organisation exists."""
    spec = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    with unit_of_work() as uow:
        existing = uow.session.scalar(select(Organization.id).limit(1))
        if if_empty and existing is not None:
            return DemoResult(False, existing)
        org = insert_organization(uow.session, OrgInput(**spec["organization"]))
        actor = Actor.system(org.id, "demo")
        record_change(uow.session, actor, "demo.load", "organization", org.id,
                     after={"name": org.name})
        units = {}
        for name in spec["units"]:
            unit = Unit(organization_id=org.id, name=name)
            uow.session.add(unit)
            uow.session.flush()
            units[name] = unit.id
        for person in spec["users"]:
            data = UserInput(
                username=person["username"], full_name=person["full_name"],
                job_title=person.get("job_title", ""), unit_id=units.get(person.get("unit", "")),
                roles=parse_roles(person.get("roles", [])),
            )
            insert_user(uow.session, org.id, data)
        uow.commit()
        org_id = org.id
    demo = DemoContext(org_id)
    for loader in demo_loaders():
        loader(demo)
    return DemoResult(True, org_id, len(units), len(spec["users"]), demo.plan_id)

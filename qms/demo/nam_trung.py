"""The embedded demo: xã Nam Trung, its units and people (no passwords), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy import select

from qms.audits.demo import load_demo_audits
from qms.auth.models import Organization, Unit
from qms.auth.organization_rules import OrgInput
from qms.auth.organizations import insert_organization
from qms.auth.users import UserInput, insert_user
from qms.core.actor import Actor
from qms.core.roles import parse_roles
from qms.db.uow import unit_of_work
from qms.documents.sync import PROCEDURES_DIR, link_front_matter_tasks, sync_procedures
from qms.duties.demo import load_demo_duties
from qms.nonconformities.demo import load_demo_quality
from qms.plan.demo import load_demo_plan
from qms.review.demo import load_demo_review
from qms.risks.demo import load_demo_risks
from qms.scoring.demo import load_demo_scoring
from qms.trail.record import record_change
from qms.voice.demo import load_demo_voice

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
    plan_id = load_demo_plan(org_id)
    actor = Actor.system(org_id, "demo")
    sync_procedures(actor, PROCEDURES_DIR)
    link_front_matter_tasks(actor, plan_id)
    load_demo_quality(org_id, plan_id)
    load_demo_audits(org_id)
    load_demo_voice(org_id, plan_id)  # before the review, whose inputs include it
    load_demo_review(org_id, plan_id)
    load_demo_duties(org_id)
    load_demo_scoring(org_id)
    load_demo_risks(org_id)
    return DemoResult(True, org_id, len(units), len(spec["users"]), plan_id)

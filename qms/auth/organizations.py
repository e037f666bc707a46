"""The commune's own details and its units."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.auth.models import Organization, Unit
from qms.auth.organization_rules import ORG_FIELDS, OrgInput, org_code
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import NotFound, ValidationFailed
from qms.core.text import fold
from qms.db.uow import owned, unit_of_work
from qms.trail.record import record_change
from qms.trail.stale import check_version


def _snapshot(org: Organization) -> dict[str, object]:
    return {name: getattr(org, name) for name in ORG_FIELDS}


def insert_organization(session: Session, data: OrgInput) -> Organization:
    """Add a new organisation to ``session`` (first start, demo, CLI); caller audits."""
    data = data.cleaned()
    code = org_code(data.name)
    taken = session.scalar(select(func.count()).where(Organization.code == code))
    if taken:
        raise ValidationFailed("org.duplicate", name=data.name)
    org = Organization(code=code, **asdict(data))
    session.add(org)
    session.flush()
    return org


def update_organization(actor: Actor, data: OrgInput, expected_version: int) -> int:
    """Save the organisation form; a stale form (``expected_version``) is refused."""
    actor.require("organization.update")
    data = data.cleaned()
    with unit_of_work() as uow:
        org = uow.session.get(Organization, actor.organization_id)
        if org is None:
            raise NotFound("error.not_found")
        check_version(org, expected_version)
        before = _snapshot(org)
        for name in ORG_FIELDS:
            setattr(org, name, getattr(data, name))
        uow.session.flush()
        record_change(uow.session, actor, "organization.update", "organization", org.id,
                     before=before, after=_snapshot(org))
        uow.commit()
        return org.version


def add_unit(actor: Actor, name: str) -> int:
    """Create a unit (bộ phận) in the actor's organisation; names are unique per commune."""
    actor.require("unit.create")
    name = v.text(name, "field.unit.name", max_len=160, required=True)
    with unit_of_work() as uow:
        _refuse_duplicate_unit(uow.session, actor.organization_id, name, None)
        unit = Unit(organization_id=actor.organization_id, name=name)
        uow.session.add(unit)
        uow.session.flush()
        record_change(uow.session, actor, "unit.create", "unit", unit.id, after={"name": name})
        uow.commit()
        return unit.id


def update_unit(actor: Actor, unit_id: int, name: str, is_active: bool) -> None:
    """Rename a unit or take it out of use (units are never deleted: records point at them)."""
    actor.require("unit.update")
    name = v.text(name, "field.unit.name", max_len=160, required=True)
    with unit_of_work() as uow:
        unit = owned(uow.session, Unit, unit_id, actor)
        _refuse_duplicate_unit(uow.session, actor.organization_id, name, unit_id)
        before = {"name": unit.name, "is_active": unit.is_active}
        unit.name, unit.is_active = name, is_active
        uow.session.flush()
        record_change(uow.session, actor, "unit.update", "unit", unit.id, before=before,
                     after={"name": name, "is_active": is_active})
        uow.commit()


def _refuse_duplicate_unit(session: Session, org_id: int, name: str, own_id: int | None) -> None:
    rows = session.scalars(select(Unit).where(Unit.organization_id == org_id)).all()
    if any(fold(u.name) == fold(name) and u.id != own_id for u in rows):
        raise ValidationFailed("unit.duplicate", name=name)

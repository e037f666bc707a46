"""Read side of the organisation: its details and units."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from qms.auth.models import Organization, Unit
from qms.auth.organization_rules import ORG_FIELDS, OrgInput
from qms.db.uow import read_session


@dataclass(frozen=True)
class OrgView:
    """The organisation as the settings form and every report header read it."""

    id: int
    code: str
    version: int
    data: OrgInput


@dataclass(frozen=True)
class UnitView:
    id: int
    name: str
    is_active: bool


def get_organization(org_id: int) -> OrgView | None:
    """The organisation's details, or ``None``."""
    with read_session() as session:
        org = session.get(Organization, org_id)
        if org is None:
            return None
        data = OrgInput(**{name: getattr(org, name) for name in ORG_FIELDS})
        return OrgView(org.id, org.code, org.version, data)


def list_units(org_id: int, *, active_only: bool = False) -> list[UnitView]:
    """The organisation's units by name."""
    query = select(Unit.id, Unit.name, Unit.is_active).where(Unit.organization_id == org_id)
    if active_only:
        query = query.where(Unit.is_active.is_(True))
    with read_session() as session:
        return [UnitView(*row) for row in session.execute(query.order_by(Unit.name))]


def unit_choices(org_id: int) -> list[tuple[int, str]]:
    """Every unit of the organisation (inactive ones too: old records name them) as
    ``(id, name)`` by name, for the registers' filter drop-downs."""
    return [(u.id, u.name) for u in list_units(org_id)]

"""Small builders for test data, all going through the services (so they stay honest)."""

from __future__ import annotations

from qms.auth import sessions as auth
from qms.auth.organization_rules import OrgInput
from qms.auth.organizations import add_unit, insert_organization
from qms.auth.users import UserInput, create_user
from qms.core.actor import Actor
from qms.core.roles import Role
from qms.db.uow import unit_of_work

PASSWORD = "mat-khau-dung-10"


def org_input(name: str = "Xã Nam Trung") -> OrgInput:
    return OrgInput(name=name, authority_name=f"Ủy ban nhân dân {name.lower()}",
                    place_name=name.removeprefix("Xã ").strip(), chairman_name="Nguyễn Văn Bền")


def make_org(name: str = "Xã Nam Trung") -> int:
    with unit_of_work() as uow:
        org_id = insert_organization(uow.session, org_input(name)).id
        uow.commit()
        return org_id


def make_unit(org_id: int, name: str = "Tư pháp - Hộ tịch") -> int:
    return add_unit(Actor.system(org_id), name)


def make_user(org_id: int, username: str, *roles: Role, password: str | None = PASSWORD,
              unit_id: int | None = None) -> int:
    data = UserInput(username, f"Người dùng {username}", "Công chức", unit_id, frozenset(roles))
    return create_user(Actor.system(org_id), data, password)


def signed_in(username: str, password: str = PASSWORD) -> Actor:
    """Sign in through the service and return the actor (with its session id)."""
    return auth.sign_in(username, password).actor

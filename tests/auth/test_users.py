"""User administration and the permission checks inside the services."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from qms.auth import organizations, users
from qms.auth.organization_queries import get_organization, list_units
from qms.auth.organization_rules import OrgInput
from qms.auth.queries import list_users
from qms.auth.users import UserInput
from qms.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from qms.core.permissions import PERMISSIONS
from qms.core.roles import Role
from qms.db.uow import unit_of_work
from qms.trail.models import AuditLog
from tests.factories import make_org, make_unit, make_user, signed_in


def _actor_with(org_id: int, role: Role):
    make_user(org_id, f"u-{role.value.replace('_', '-')}", role)
    return signed_in(f"u-{role.value.replace('_', '-')}")


@pytest.mark.parametrize("role", list(Role))
def test_only_administrators_create_users(db, role):
    org_id = make_org()
    actor = _actor_with(org_id, role)
    data = UserInput("moi", "Người Mới", roles=frozenset({Role.VIEWER}))
    if role is Role.ADMIN:
        assert users.create_user(actor, data) > 0
    else:
        with pytest.raises(PermissionDenied):
            users.create_user(actor, data)


@pytest.mark.parametrize("role", list(Role))
def test_units_are_managed_by_administrators_and_the_iso_officer(db, role):
    org_id = make_org()
    actor = _actor_with(org_id, role)
    if role in PERMISSIONS["unit.create"]:
        organizations.add_unit(actor, "Bộ phận Một cửa")
    else:
        with pytest.raises(PermissionDenied):
            organizations.add_unit(actor, "Bộ phận Một cửa")


def test_a_new_user_is_audited_with_its_roles_and_never_with_a_password(db):
    org_id = make_org()
    admin = _actor_with(org_id, Role.ADMIN)
    unit_id = make_unit(org_id)
    user_id = users.create_user(admin, UserInput("Hoant", "Nguyễn Thị Hoa", "Công chức", unit_id,
                                                 frozenset({Role.OFFICER, Role.AUDITOR})),
                                "mat-khau-ban-dau")
    with unit_of_work() as uow:
        row = uow.session.scalars(select(AuditLog).where(
            AuditLog.action == "user.create", AuditLog.entity_id == str(user_id))).one()
        assert row.entity_id == str(user_id) and row.actor == admin.username
        assert row.changes["roles"] == [None, ["auditor", "officer"]]
        assert row.changes["username"] == [None, "hoant"]
        assert "mat-khau-ban-dau" not in str(row.changes)


def test_usernames_are_unique_and_well_formed(db):
    org_id = make_org()
    admin = _actor_with(org_id, Role.ADMIN)
    users.create_user(admin, UserInput("hoant", "Nguyễn Thị Hoa"))
    with pytest.raises(ValidationFailed) as dup:
        users.create_user(admin, UserInput("HoaNT", "Người khác"))
    assert dup.value.key == "user.duplicate"
    with pytest.raises(ValidationFailed) as bad:
        users.create_user(admin, UserInput("hoa nt", "Người khác"))
    assert bad.value.key == "validation.username"


def test_saving_a_stale_user_form_is_refused_and_changes_nothing(db):
    org_id = make_org()
    admin = _actor_with(org_id, Role.ADMIN)
    user_id = users.create_user(admin, UserInput("hoant", "Nguyễn Thị Hoa"))
    stale = next(u for u in list_users(org_id) if u.id == user_id)
    users.update_user(admin, user_id, UserInput("hoant", "Nguyễn Thị Hoà Bình"), stale.version)
    with pytest.raises(Conflict):
        users.update_user(admin, user_id, UserInput("hoant", "Tên Cũ"), stale.version)
    assert next(u for u in list_users(org_id) if u.id == user_id).full_name == \
        "Nguyễn Thị Hoà Bình"


def test_administrators_cannot_lock_themselves_out(db):
    org_id = make_org()
    admin = _actor_with(org_id, Role.ADMIN)
    me = next(u for u in list_users(org_id) if u.id == admin.user_id)
    with pytest.raises(ValidationFailed):
        users.set_active(admin, admin.user_id, False)
    with pytest.raises(ValidationFailed):
        users.update_user(admin, admin.user_id, UserInput(me.username, me.full_name,
                                                          roles=frozenset({Role.VIEWER})),
                          me.version)


def test_services_never_reach_into_another_organisation(db):
    first, second = make_org("Xã Nam Trung"), make_org("Xã Nam Hồng")
    admin = _actor_with(first, Role.ADMIN)
    stranger = make_user(second, "nguoila", Role.OFFICER)
    with pytest.raises(NotFound):
        users.set_password(admin, stranger, "mat-khau-moi-10")


def test_text_is_stored_in_nfc_and_units_are_unique_ignoring_accents(db):
    org_id = make_org()
    admin = _actor_with(org_id, Role.ADMIN)
    nfd = unicodedata.normalize("NFD", "Tư pháp - Hộ tịch")
    assert nfd != "Tư pháp - Hộ tịch"
    organizations.add_unit(admin, nfd)
    with pytest.raises(ValidationFailed) as err:
        organizations.add_unit(admin, "tu phap - ho tich")
    assert err.value.key == "unit.duplicate"
    assert [u.name for u in list_units(org_id)] == ["Tư pháp - Hộ tịch"]


def test_the_organisation_form_is_validated_and_versioned(db):
    org_id = make_org()
    admin = _actor_with(org_id, Role.ADMIN)
    view = get_organization(org_id)
    changed = OrgInput(**{**view.data.__dict__, "superior_body": "UBND thành phố Hải Dương"})
    organizations.update_organization(admin, changed, view.version)
    with pytest.raises(Conflict):
        organizations.update_organization(admin, changed, view.version)
    with pytest.raises(ValidationFailed) as err:
        organizations.update_organization(admin, OrgInput("", "", ""), view.version + 1)
    assert err.value.message() == "Chưa nhập Tên xã."

"""The set-up and sign-in forms, and the admin pages' forms, driven through AppTest."""

from __future__ import annotations

from qms.auth import sessions as auth
from qms.auth.organization_queries import get_organization, list_units
from qms.auth.queries import list_users
from qms.core.i18n import t
from qms.core.roles import Role
from qms.ui import keys
from tests.factories import PASSWORD, make_org, make_user, signed_in
from tests.ui.apptest import open_page, texts


def _fill(at, values: dict[str, str]) -> None:
    for key, value in values.items():
        at.text_input(key=key).input(value)


def test_first_start_asks_for_the_organisation_and_the_administrator(db):
    at = open_page("app.py")
    assert at.title[0].value == t("auth.setup.title")
    _fill(at, {
        "auth.setup.org.name": "Xã Nam Trung", "auth.setup.org.authority_name":
        "Ủy ban nhân dân xã Nam Trung", "auth.setup.org.place_name": "Nam Trung",
        "auth.setup.username": "quantri", "auth.setup.full_name": "Quản Trị Viên",
        "auth.setup.password": PASSWORD, "auth.setup.password_repeat": PASSWORD,
    })
    at.button(key="FormSubmitter:auth.setup-" + t("auth.setup.submit")).click().run()
    assert not at.exception
    assert at.title[0].value == f"🏠 {t('page.home')}"
    assert at.session_state[keys.SESSION_ID] is not None
    assert not auth.needs_first_admin()


def test_set_up_with_mismatched_passwords_keeps_the_form_and_says_why(db):
    make_org()
    at = open_page("app.py")
    _fill(at, {"auth.setup.username": "quantri", "auth.setup.full_name": "Quản Trị Viên",
               "auth.setup.password": PASSWORD, "auth.setup.password_repeat": "khac-" + PASSWORD})
    at.button(key="FormSubmitter:auth.setup-" + t("auth.setup.submit")).click().run()
    assert [e.value for e in at.error] == [t("auth.password_mismatch")]
    assert auth.needs_first_admin()


def _org_with_admin() -> int:
    org_id = make_org()
    make_user(org_id, "quantri", Role.ADMIN)
    return org_id


def test_signing_in_with_a_wrong_password_shows_the_message(db):
    make_user(_org_with_admin(), "lanpt", Role.ISO_OFFICER)
    at = open_page("pages/92_nhat_ky.py")
    _fill(at, {"auth.login.username": "lanpt", "auth.login.password": "sai-mat-khau-1"})
    at.button(key="FormSubmitter:auth.login-" + t("auth.login.submit")).click().run()
    assert [e.value for e in at.error] == ["Tên đăng nhập hoặc mật khẩu không đúng."]


def test_signing_in_on_a_page_opens_that_page(db):
    make_user(_org_with_admin(), "lanpt", Role.ISO_OFFICER)
    at = open_page("pages/92_nhat_ky.py")
    _fill(at, {"auth.login.username": "lanpt", "auth.login.password": PASSWORD})
    at.button(key="FormSubmitter:auth.login-" + t("auth.login.submit")).click().run()
    assert at.title[0].value == f"📜 {t('page.audit_log')}"
    assert "auth.login" in set(at.dataframe[0].value[t("audit.col.action")])


def test_the_sign_out_button_ends_the_session(db):
    make_user(_org_with_admin(), "lanpt", Role.ISO_OFFICER)
    actor = signed_in("lanpt")
    at = open_page("app.py", actor.session_id)
    at.button(key="nav.logout").click().run()
    assert at.title[0].value == t("auth.login.title")
    assert auth.resume(session_id=actor.session_id) is None


def test_the_organisation_form_saves_and_a_unit_can_be_added(db):
    org_id = make_org()
    make_user(org_id, "quantri", Role.ADMIN)
    at = open_page("pages/90_to_chuc.py", signed_in("quantri").session_id)
    at.text_input(key="org.form.superior_body").input("UBND thành phố Hải Dương")
    at.button(key="FormSubmitter:org.form-" + t("action.save")).click().run()
    assert not at.exception
    assert get_organization(org_id).data.superior_body == "UBND thành phố Hải Dương"
    at.text_input(key="org.unit.add.name").input("Bộ phận Một cửa")
    at.button(key="FormSubmitter:org.unit.add-" + t("action.add")).click().run()
    assert [u.name for u in list_units(org_id)] == ["Bộ phận Một cửa"]


def test_the_iso_officer_sees_the_organisation_read_only(db):
    org_id = make_org()
    make_user(org_id, "lanpt", Role.ISO_OFFICER)
    at = open_page("pages/90_to_chuc.py", signed_in("lanpt").session_id)
    assert at.text_input(key="org.form.name").disabled


def test_an_administrator_creates_a_user_from_the_page(db):
    org_id = make_org()
    make_user(org_id, "quantri", Role.ADMIN)
    at = open_page("pages/91_nguoi_dung.py", signed_in("quantri").session_id)
    _fill(at, {"users.create.username": "hoant", "users.create.full_name": "Nguyễn Thị Hoa"})
    at.multiselect(key="users.create.roles").select(Role.OFFICER)
    at.button(key="FormSubmitter:users.create-" + t("users.create.submit")).click().run()
    assert not at.exception
    assert t("users.created", username="hoant") in texts(at)
    created = next(u for u in list_users(org_id) if u.username == "hoant")
    assert created.roles == ("officer",) and not created.has_password


def test_a_bad_username_on_the_user_page_gives_a_message_and_keeps_the_input(db):
    org_id = make_org()
    make_user(org_id, "quantri", Role.ADMIN)
    at = open_page("pages/91_nguoi_dung.py", signed_in("quantri").session_id)
    _fill(at, {"users.create.username": "Hoa NT", "users.create.full_name": "Nguyễn Thị Hoa"})
    at.button(key="FormSubmitter:users.create-" + t("users.create.submit")).click().run()
    assert at.error[0].value == t("validation.username")
    assert at.text_input(key="users.create.full_name").value == "Nguyễn Thị Hoa"


def test_the_audit_log_filters_by_action(db):
    org_id = make_org()
    make_user(org_id, "quantri", Role.ADMIN)
    at = open_page("pages/92_nhat_ky.py", signed_in("quantri").session_id)
    at.selectbox(key="audit.filter.action").select("user.create").run()
    actions = set(at.dataframe[0].value[t("audit.col.action")])
    assert actions == {"user.create"}

"""Sign-in: first administrator, passwords, lockout, disabled users, the cookie session."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qms.auth import sessions as auth
from qms.auth import users
from qms.auth.models import User
from qms.auth.session_models import AuthSession
from qms.auth.users import UserInput
from qms.core.actor import Actor
from qms.core.errors import AuthenticationFailed, Conflict, ValidationFailed
from qms.core.roles import Role
from qms.db.uow import unit_of_work
from qms.trail.models import AuditLog
from tests.factories import PASSWORD, make_org, make_user, org_input, signed_in


def _actions() -> list[str]:
    with unit_of_work() as uow:
        return list(uow.session.scalars(select(AuditLog.action).order_by(AuditLog.id)))


def test_first_start_creates_the_organisation_and_the_administrator(db):
    assert auth.needs_first_admin() and auth.needs_organization()
    user_id = auth.create_first_admin(org_input(), UserInput("quantri", "Quản Trị Viên"), PASSWORD)
    assert not auth.needs_first_admin() and not auth.needs_organization()
    actor = signed_in("quantri")
    assert actor.user_id == user_id and Role.ADMIN in actor.roles
    assert "auth.first_admin" in _actions()


def test_first_start_without_an_organisation_needs_its_details(db):
    with pytest.raises(ValidationFailed) as err:
        auth.create_first_admin(None, UserInput("quantri", "Quản Trị Viên"), PASSWORD)
    assert err.value.key == "auth.org_required"


def test_demo_users_without_passwords_still_need_the_first_administrator(db):
    org_id = make_org()
    make_user(org_id, "bennv", Role.ADMIN, password=None)
    assert auth.needs_first_admin()
    auth.create_first_admin(None, UserInput("quantri", "Quản Trị Viên"), PASSWORD)
    assert not auth.needs_first_admin()


def test_the_setup_form_cannot_be_replayed_once_an_administrator_exists(db):
    auth.create_first_admin(org_input(), UserInput("quantri", "Quản Trị Viên"), PASSWORD)
    with pytest.raises(Conflict):
        auth.create_first_admin(None, UserInput("kexau", "Kẻ Xấu"), "mat-khau-khac-10")


def test_a_password_shorter_than_ten_characters_is_refused(db):
    with pytest.raises(ValidationFailed) as err:
        auth.create_first_admin(org_input(), UserInput("quantri", "Quản Trị"), "ngan-9kt")
    assert err.value.message() == "Mật khẩu phải có ít nhất 10 ký tự."


def test_a_wrong_password_and_an_unknown_user_get_the_same_message(db):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    with pytest.raises(AuthenticationFailed) as wrong:
        auth.sign_in("lanpt", "sai-mat-khau-1")
    with pytest.raises(AuthenticationFailed) as unknown:
        auth.sign_in("khongco", "sai-mat-khau-1")
    assert wrong.value.message() == unknown.value.message() == \
        "Tên đăng nhập hoặc mật khẩu không đúng."


def test_an_account_without_a_password_cannot_sign_in(db):
    make_user(make_org(), "bennv", Role.LEADER, password=None)
    with pytest.raises(AuthenticationFailed):
        auth.sign_in("bennv", "")


def test_five_failed_attempts_lock_the_account_for_fifteen_minutes(db, clock):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as err:
            auth.sign_in("lanpt", "sai-mat-khau-1")
        assert err.value.key == "auth.wrong_credentials"
    with pytest.raises(AuthenticationFailed) as err:
        auth.sign_in("lanpt", "sai-mat-khau-1")
    assert err.value.key == "auth.locked"
    clock.advance(minutes=14)
    with pytest.raises(AuthenticationFailed) as err:  # even the right password waits
        auth.sign_in("lanpt", PASSWORD)
    assert err.value.key == "auth.locked" and err.value.params["minutes"] == 1
    clock.advance(minutes=1, seconds=1)
    assert signed_in("lanpt").username == "lanpt"
    assert _actions().count("auth.login_failed") == 4 and "auth.locked" in _actions()


def test_unlocking_lifts_a_lockout_and_an_unlocked_account_logs_nothing(db, clock):
    org = make_org()
    user_id = make_user(org, "lanpt", Role.ISO_OFFICER)
    admin = Actor.system(org)
    users.unlock(admin, user_id)  # nothing to lift: no change, no audit row
    assert "user.unlock" not in _actions()
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.sign_in("lanpt", "sai-mat-khau-1")
    users.unlock(admin, user_id)
    assert _actions().count("user.unlock") == 1
    assert signed_in("lanpt").username == "lanpt"


def test_a_successful_sign_in_resets_the_failure_count(db, clock):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            auth.sign_in("lanpt", "sai-mat-khau-1")
    signed_in("lanpt")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as err:
            auth.sign_in("lanpt", "sai-mat-khau-1")
        assert err.value.key == "auth.wrong_credentials"


def test_a_disabled_user_cannot_sign_in_and_loses_open_sessions(db):
    org_id = make_org()
    user_id = make_user(org_id, "hoant", Role.OFFICER)
    result = auth.sign_in("hoant", PASSWORD)
    token = auth.claim_session(result.claim_nonce)
    users.set_active(Actor.system(org_id), user_id, False, "nghỉ việc")
    assert auth.resume(token=token) is None
    assert auth.resume(session_id=result.actor.session_id) is None
    with pytest.raises(AuthenticationFailed) as err:
        auth.sign_in("hoant", PASSWORD)
    assert err.value.key == "auth.disabled"


def test_the_claim_nonce_gives_a_token_once_and_only_hashes_are_stored(db):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    result = auth.sign_in("lanpt", PASSWORD)
    token = auth.claim_session(result.claim_nonce)
    assert token and auth.claim_session(result.claim_nonce) is None
    assert auth.resume(token=token).username == "lanpt"
    with unit_of_work() as uow:
        row = uow.session.get(AuthSession, result.actor.session_id)
        assert token not in (row.token_hash, row.claim_hash) and len(row.token_hash) == 64


def test_an_unclaimed_nonce_expires_after_two_minutes(db, clock):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    result = auth.sign_in("lanpt", PASSWORD)
    clock.advance(minutes=2, seconds=1)
    assert auth.claim_session(result.claim_nonce) is None


def test_sign_out_makes_the_old_cookie_worthless(db):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    result = auth.sign_in("lanpt", PASSWORD)
    token = auth.claim_session(result.claim_nonce)
    auth.sign_out(result.actor)
    assert auth.resume(token=token) is None
    assert "auth.logout" in _actions()


def test_a_session_ends_after_eight_hours_without_activity(db, clock):
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    result = auth.sign_in("lanpt", PASSWORD)
    token = auth.claim_session(result.claim_nonce)
    clock.advance(hours=7, minutes=59)
    assert auth.resume(token=token) is not None  # activity moves the idle window
    clock.advance(hours=7, minutes=59)
    assert auth.resume(token=token) is not None
    clock.advance(hours=8)
    assert auth.resume(token=token) is None
    clock.advance(seconds=-1)
    assert auth.resume(token=token) is None  # revoked, not merely idle


def test_the_idle_timeout_comes_from_configuration(db, clock, monkeypatch):
    monkeypatch.setenv("QMS_SESSION_IDLE_HOURS", "1")
    make_user(make_org(), "lanpt", Role.ISO_OFFICER)
    result = auth.sign_in("lanpt", PASSWORD)
    clock.advance(minutes=61)
    assert auth.resume(session_id=result.actor.session_id) is None


def test_users_change_their_own_password_only_with_the_current_one(db):
    make_user(make_org(), "lanpt", Role.VIEWER)
    actor = signed_in("lanpt")
    with pytest.raises(ValidationFailed):
        auth.change_own_password(actor, "sai-mat-khau-1", "mat-khau-moi-2023")
    auth.change_own_password(actor, PASSWORD, "mat-khau-moi-2023")
    assert signed_in("lanpt", "mat-khau-moi-2023").username == "lanpt"


def test_disabling_an_administrator_never_reopens_the_first_start_form(db):
    """Issue 22: the first-start form once reappeared after the last administrator was
    disabled, and any visitor could make themselves administrator of the existing commune."""
    admin_id = auth.create_first_admin(org_input(), UserInput("quantri", "Quản Trị Viên"),
                                       PASSWORD)
    with unit_of_work() as uow:  # however it came about (a restore, an old release)
        uow.session.get(User, admin_id).is_active = False
        uow.commit()
    assert not auth.needs_first_admin()
    with pytest.raises(Conflict):
        auth.create_first_admin(None, UserInput("kexau", "Kẻ Xấu"), "mat-khau-khac-10")


def test_the_last_active_administrator_cannot_be_disabled(db):
    auth.create_first_admin(org_input(), UserInput("quantri", "Quản Trị Viên"), PASSWORD)
    admin = signed_in("quantri")
    org_id = admin.organization_id
    with pytest.raises(ValidationFailed) as err:  # from the command line too
        users.set_active(Actor.system(org_id), admin.user_id, False, "thử")
    assert err.value.key == "user.cannot_disable_last_admin"
    assert "quản trị viên duy nhất" in err.value.message()
    second = users.create_user(admin, UserInput("quantri2", "Quản Trị Hai", roles=frozenset(
        {Role.ADMIN})), "mat-khau-quan-tri-2")
    users.set_active(Actor.system(org_id), admin.user_id, False, "chuyển công tác")  # now fine
    with pytest.raises(ValidationFailed):
        users.set_active(Actor.system(org_id), second, False, "thử")


def test_a_password_change_ends_the_users_other_sessions_but_not_this_one(db):
    make_user(make_org(), "lanpt", Role.VIEWER)
    here, there = auth.sign_in("lanpt", PASSWORD), auth.sign_in("lanpt", PASSWORD)
    here_token, there_token = (auth.claim_session(r.claim_nonce) for r in (here, there))
    auth.change_own_password(here.actor, PASSWORD, "mat-khau-moi-2023")
    assert auth.resume(token=here_token) is not None
    assert auth.resume(token=there_token) is None  # the other device is signed out


def test_an_administrators_reset_ends_every_session_of_the_account(db):
    org_id = make_org()
    make_user(org_id, "quantri", Role.ADMIN)
    lan = make_user(org_id, "lanpt", Role.VIEWER)
    token = auth.claim_session(auth.sign_in("lanpt", PASSWORD).claim_nonce)
    users.set_password(signed_in("quantri"), lan, "mat-khau-dat-lai-1")
    assert auth.resume(token=token) is None
    assert signed_in("lanpt", "mat-khau-dat-lai-1").username == "lanpt"

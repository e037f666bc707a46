"""Forms of the user-administration page."""

from __future__ import annotations

import streamlit as st

from qms.auth import users
from qms.auth.organization_queries import UnitView
from qms.auth.queries import UserView
from qms.auth.users import UserInput
from qms.core.actor import Actor
from qms.core.errors import DomainError
from qms.core.i18n import LANGUAGES, t
from qms.core.roles import Role

ROLES = [r for r in Role]


def _unit_select(units: list[UnitView], current: int | None, key: str) -> int | None:
    options: list[int | None] = [None, *[u.id for u in units]]
    names = {u.id: u.name for u in units}
    return st.selectbox(t("field.user.unit"), options,
                        index=options.index(current) if current in options else 0,
                        format_func=lambda i: names.get(i, "—") if i else "—", key=key)


def _fields(prefix: str, units: list[UnitView], user: UserView | None) -> UserInput:
    username = st.text_input(t("field.username"), value=user.username if user else "",
                             key=f"{prefix}.username", disabled=user is not None)
    full_name = st.text_input(t("field.user.full_name"), value=user.full_name if user else "",
                              key=f"{prefix}.full_name")
    job_title = st.text_input(t("field.user.job_title"), value=user.job_title if user else "",
                              key=f"{prefix}.job_title")
    unit_id = _unit_select(units, user.unit_id if user else None, f"{prefix}.unit")
    roles = st.multiselect(t("field.user.roles"), ROLES,
                           default=[Role(r) for r in user.roles] if user else [],
                           format_func=lambda r: t(f"role.{r.value}"), key=f"{prefix}.roles")
    email = st.text_input(t("field.email"), value=user.email if user else "",
                          key=f"{prefix}.email")
    codes = list(LANGUAGES)
    language = st.selectbox(t("field.language"), codes,
                            index=codes.index(user.language) if user else 0,
                            format_func=LANGUAGES.__getitem__, key=f"{prefix}.language")
    return UserInput(username, full_name, job_title, unit_id, frozenset(roles), email, language)


def create_form(actor: Actor, units: list[UnitView]) -> None:
    """New account; the password may be left empty and set later."""
    with st.form("users.create", clear_on_submit=False):
        data = _fields("users.create", units, None)
        password = st.text_input(t("users.initial_password"), type="password",
                                 key="users.create.password")
        if st.form_submit_button(t("users.create.submit"), type="primary"):
            _run(lambda: users.create_user(actor, data, password or None),
                 t("users.created", username=data.username))


def edit_form(actor: Actor, units: list[UnitView], user: UserView) -> None:
    """Edit one account: details and roles, password, lock and active state."""
    with st.form(f"users.edit.{user.id}"):
        data = _fields(f"users.edit.{user.id}", units, user)
        if st.form_submit_button(t("action.save"), type="primary"):
            _run(lambda: users.update_user(actor, user.id, data, user.version), t("action.saved"))
    with st.form(f"users.password.{user.id}", clear_on_submit=True):
        password = st.text_input(t("field.password_new"), type="password",
                                 key=f"users.password.{user.id}.value")
        if st.form_submit_button(t("users.set_password")):
            _run(lambda: users.set_password(actor, user.id, password),
                 t("users.password_set", username=user.username))
    cols = st.columns(2)
    if user.is_locked and cols[0].button(t("users.unlock"), key=f"users.unlock.{user.id}"):
        _run(lambda: users.unlock(actor, user.id), t("action.saved"))
    label = t("users.disable") if user.is_active else t("users.enable")
    if cols[1].button(label, key=f"users.active.{user.id}"):
        _run(lambda: users.set_active(actor, user.id, not user.is_active), t("action.saved"))


def _run(action, success: str) -> None:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        st.error(exc.message())
        return
    st.session_state["users.flash"] = success
    st.rerun()

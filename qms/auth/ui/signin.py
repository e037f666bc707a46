"""The two forms a signed-out visitor sees: first-start set-up, or sign-in."""

from __future__ import annotations

import streamlit as st

from qms.auth import sessions as auth
from qms.auth.organization_rules import OrgInput
from qms.auth.ui import session
from qms.auth.users import UserInput
from qms.core.errors import DomainError
from qms.core.i18n import t

ORG_FORM_FIELDS = ("name", "authority_name", "place_name", "superior_body", "province",
                   "chairman_name", "chairman_title")


def signed_out_view() -> None:
    """Set-up while no administrator can sign in; the sign-in form afterwards."""
    session.emit_cookie_scripts()
    if auth.needs_first_admin():
        _setup_form(auth.needs_organization())
    else:
        _login_form()


def _login_form() -> None:
    st.title(t("auth.login.title"))
    st.caption(t("app.tagline"))
    with st.form("auth.login"):
        username = st.text_input(t("field.username"), key="auth.login.username")
        password = st.text_input(t("field.password"), type="password",
                                 key="auth.login.password")
        submitted = st.form_submit_button(t("auth.login.submit"), type="primary")
    if submitted:
        try:
            result = auth.sign_in(username, password)
        except DomainError as exc:
            st.error(exc.message())
            return
        session.remember(result)
        st.rerun()


def _setup_form(with_org: bool) -> None:
    st.title(t("auth.setup.title"))
    st.info(t("auth.setup.intro_org" if with_org else "auth.setup.intro"))
    with st.form("auth.setup"):
        org_values: dict[str, str] = {}
        if with_org:
            st.subheader(t("auth.setup.org"))
            for name in ORG_FORM_FIELDS:
                org_values[name] = st.text_input(t(f"field.org.{name}"),
                                                 key=f"auth.setup.org.{name}")
        st.subheader(t("auth.setup.admin"))
        username = st.text_input(t("field.username"), key="auth.setup.username")
        full_name = st.text_input(t("field.user.full_name"), key="auth.setup.full_name")
        job_title = st.text_input(t("field.user.job_title"), key="auth.setup.job_title")
        password = st.text_input(t("field.password"), type="password", key="auth.setup.password")
        repeat = st.text_input(t("field.password_repeat"), type="password",
                               key="auth.setup.password_repeat")
        submitted = st.form_submit_button(t("auth.setup.submit"), type="primary")
    if not submitted:
        return
    if password != repeat:
        st.error(t("auth.password_mismatch"))
        return
    org = OrgInput(**org_values) if with_org else None
    try:
        auth.create_first_admin(org, UserInput(username, full_name, job_title), password)
        session.remember(auth.sign_in(username, password))
    except DomainError as exc:
        st.error(exc.message())
        return
    st.rerun()

"""Người dùng: tài khoản, vai trò, mật khẩu."""

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.auth.queries import list_users, users_frame
from qms.auth.ui import users as user_forms
from qms.core.i18n import t
from qms.ui.guard import guard

actor = guard("users")
if flash := st.session_state.pop("users.flash", None):
    st.success(flash)

accounts = list_users(actor.organization_id)
units = list_units(actor.organization_id, active_only=True)
columns = ("username", "full_name", "job_title", "unit", "roles", "active", "password",
           "locked", "last_login")
st.dataframe(users_frame(accounts, {c: t(f"users.col.{c}") for c in columns}),
             hide_index=True, key="users.table")

create_tab, edit_tab = st.tabs([t("users.tab.create"), t("users.tab.edit")])
with create_tab:
    user_forms.create_form(actor, units)
with edit_tab:
    chosen = st.selectbox(t("users.choose"), accounts, key="users.edit.choice",
                          format_func=lambda u: f"{u.username} — {u.full_name}")
    if chosen is not None:
        user_forms.edit_form(actor, units, chosen)

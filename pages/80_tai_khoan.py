"""Tài khoản của tôi: đổi mật khẩu, chọn ngôn ngữ."""

import streamlit as st

from qms.auth import sessions as auth
from qms.core.errors import DomainError
from qms.core.i18n import LANGUAGES, t
from qms.ui.guard import guard

actor = guard("account")

st.subheader(t("account.language"))
with st.form("account.language"):
    codes = list(LANGUAGES)
    language = st.selectbox(t("field.language"), codes, index=codes.index(actor.language),
                            format_func=LANGUAGES.__getitem__, key="account.language.value")
    if st.form_submit_button(t("action.save")):
        auth.set_own_language(actor, language)
        st.rerun()

st.subheader(t("account.password"))
with st.form("account.password", clear_on_submit=True):
    current = st.text_input(t("field.password_current"), type="password",
                            key="account.password.current")
    new = st.text_input(t("field.password_new"), type="password", key="account.password.new")
    repeat = st.text_input(t("field.password_repeat"), type="password",
                           key="account.password.repeat")
    submitted = st.form_submit_button(t("account.password.submit"))
if submitted:
    if new != repeat:
        st.error(t("auth.password_mismatch"))
    else:
        try:
            auth.change_own_password(actor, current, new)
            st.success(t("account.password.changed"))
        except DomainError as exc:
            st.error(exc.message())

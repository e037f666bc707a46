"""Tổ chức: thông tin đơn vị dùng trên mọi văn bản, và các bộ phận."""

import streamlit as st

from qms.auth import organizations
from qms.auth.organization_queries import get_organization, list_units
from qms.auth.organization_rules import ORG_FIELDS, OrgInput
from qms.core.errors import DomainError
from qms.core.i18n import t
from qms.ui.guard import guard

actor = guard("organization")
org = get_organization(actor.organization_id)
if org is None:
    st.error(t("error.not_found"))
    st.stop()

st.subheader(t("org.details"))
can_edit = actor.can("organization.update")
with st.form("org.form"):
    values = {
        name: st.text_input(t(f"field.org.{name}"), value=getattr(org.data, name),
                            key=f"org.form.{name}", disabled=not can_edit)
        for name in ORG_FIELDS
    }
    saved = st.form_submit_button(t("action.save"), disabled=not can_edit, type="primary")
if saved:
    try:
        organizations.update_organization(actor, OrgInput(**values), org.version)
        st.success(t("action.saved"))
        st.rerun()
    except DomainError as exc:
        st.error(exc.message())

st.subheader(t("org.units"))
units = list_units(actor.organization_id)
st.dataframe(
    [{t("field.unit.name"): u.name, t("field.active"): u.is_active} for u in units],
    hide_index=True, key="org.units.table",
)
add_col, edit_col = st.columns(2)
with add_col, st.form("org.unit.add", clear_on_submit=True):
    new_name = st.text_input(t("org.unit.new"), key="org.unit.add.name")
    if st.form_submit_button(t("action.add")):
        try:
            organizations.add_unit(actor, new_name)
            st.rerun()
        except DomainError as exc:
            st.error(exc.message())
if units:
    with edit_col, st.form("org.unit.edit"):
        chosen = st.selectbox(t("org.unit.choose"), units, format_func=lambda u: u.name,
                              key="org.unit.edit.unit")
        renamed = st.text_input(t("field.unit.name"), key="org.unit.edit.name",
                                placeholder=chosen.name if chosen else "")
        active = st.checkbox(t("field.active"), value=True, key="org.unit.edit.active")
        if st.form_submit_button(t("action.save")) and chosen is not None:
            try:
                organizations.update_unit(actor, chosen.id, renamed or chosen.name, active)
                st.rerun()
            except DomainError as exc:
                st.error(exc.message())

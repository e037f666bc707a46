"""The sidebar: who is signed in, the pages their roles open, sign-out."""

from __future__ import annotations

import streamlit as st

from qms.auth.organization_queries import get_organization
from qms.auth.ui import session
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.ui import registry


def sidebar(actor: Actor, current: registry.PageSpec) -> None:
    """Draw the navigation from the registry, grouped, for this actor's roles."""
    org = get_organization(actor.organization_id)
    with st.sidebar:
        if org is not None:
            st.markdown(f"**{org.data.authority_name}**")
        st.caption(t("nav.signed_in_as", name=actor.full_name,
                     roles=", ".join(t(f"role.{r.value}") for r in sorted(actor.roles))))
        pages = registry.visible_pages(actor.roles)
        for group in registry.GROUP_ORDER:
            members = [p for p in pages if p.group_key == group]
            if not members:
                continue
            st.markdown(f"**{t(group)}**")
            for spec in members:
                st.page_link(spec.path, label=t(spec.title_key), icon=spec.icon,
                             disabled=spec.key == current.key)
        if st.button(t("auth.logout"), key="nav.logout"):
            session.sign_out(actor)
            st.rerun()

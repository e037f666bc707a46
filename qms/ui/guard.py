"""The first call of every page: page config, sign-in, role check, navigation."""

from __future__ import annotations

import streamlit as st

from qms.auth.ui import session, signin
from qms.core.actor import Actor
from qms.core.i18n import set_language, t
from qms.ui import nav, registry


def guard(page_key: str) -> Actor:
    """Return the signed-in actor allowed on ``page_key``; otherwise show why and stop."""
    spec = registry.page(page_key)
    actor = session.current_actor()
    set_language(actor.language if actor else None)
    st.set_page_config(page_title=f"{t(spec.title_key)} · QMS", page_icon=spec.icon,
                       layout="wide")
    if actor is None:
        signin.signed_out_view()
        st.stop()
    session.emit_cookie_scripts()
    nav.sidebar(actor, spec)
    if not spec.allows(actor.roles):
        st.error(t("guard.forbidden"))
        st.stop()
    st.title(f"{spec.icon} {t(spec.title_key)}")
    return actor

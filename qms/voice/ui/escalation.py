"""The one-click "Tạo sự không phù hợp" button of the citizens' voice page."""

from __future__ import annotations

import streamlit as st

from qms.core.actor import Actor
from qms.core.errors import DomainError
from qms.core.i18n import t
from qms.features import page_path
from qms.ui.widgets import FLASH
from qms.voice.escalation import raise_voice_nc

NC_PAGE = page_path("nonconformities")


def nc_button(actor: Actor, source_type: str, source_id: int, nc_number: str) -> None:
    """A link to the record's nonconformity, if it has one, and the button that raises it (or
    finds it: a second click shows the existing one)."""
    if nc_number:
        st.page_link(NC_PAGE, label=t("voice.nc.open", number=nc_number), icon="⚠️",
                     query_params={"nc": nc_number})
    if not actor.can("voice.raise_nc"):
        return
    if not st.button(t("voice.nc.button"), key=f"voice.nc.{source_type}.{source_id}"):
        return
    try:
        raised = raise_voice_nc(actor, source_type, source_id)
    except DomainError as exc:
        st.error(exc.message())
        return
    st.session_state[FLASH] = t("voice.nc.created" if raised.created else "voice.nc.exists",
                                number=raised.number)
    st.rerun()

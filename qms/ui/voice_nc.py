"""The one-click "Tạo sự không phù hợp" button of the citizens' voice page."""

from __future__ import annotations

import streamlit as st

from qms.domain.errors import DomainError
from qms.i18n import t
from qms.services.context import Actor
from qms.services.voice_nc import raise_voice_nc
from qms.ui.widgets import FLASH


def nc_button(actor: Actor, source_type: str, source_id: int, nc_number: str) -> None:
    """Raise (or find) the record's nonconformity; a second click shows the existing one."""
    if not actor.can("voice.raise_nc"):
        if nc_number:
            st.caption(t("voice.nc.exists", number=nc_number))
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

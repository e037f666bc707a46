"""Small shared widgets: running a service from a form, one-shot messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from qms.core.errors import DomainError

FLASH = "qms.flash"


def run_action(action: Callable[[], Any], success: str) -> bool:
    """Call a service; show its domain error in place, or keep ``success`` and rerun."""
    try:
        action()
    except DomainError as exc:
        st.error(exc.message())
        return False
    st.session_state[FLASH] = success
    st.rerun()
    return True  # pragma: no cover - st.rerun() does not return


def flash() -> None:
    """Show (once) the message the previous action left."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)

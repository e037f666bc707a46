"""Small shared widgets: running a service from a form, one-shot messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from qms.core.errors import DomainError
from qms.core.i18n import t

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


def reason_form(key: str, title: str, button: str, act: Callable[[str], Any],
                success: str) -> None:
    """A form folded under ``title``: a reason (widget ``{key}.reason``) and ``button``, which
    runs ``act(reason)`` as ``run_action`` does (discarding, withdrawing, cancelling)."""
    with st.expander(title), st.form(key):
        reason = st.text_input(t("field.reason"), key=f"{key}.reason")
        if st.form_submit_button(button):
            run_action(lambda: act(reason), success)


def flash() -> None:
    """Show (once) the message the previous action left."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)

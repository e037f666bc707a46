"""The question-bank editor: a data editor whose changes are saved through the service."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from qms.audits.bank import BankEdit, save_bank
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.ui.widgets import run_action

EDITOR_KEY = "audit.bank.editor"
COLUMNS = ("code", "clause", "question", "evidence", "applies_to", "active")


def editor(actor: Actor, rows: list[dict[str, Any]]) -> None:
    """Edit in place, add rows at the bottom; "Lưu" sends only what changed."""
    frame = pd.DataFrame(rows, columns=["id", *COLUMNS])
    config = {name: st.column_config.Column(t(f"field.audit.bank.{name}"))
              for name in COLUMNS if name != "code"}
    config["code"] = st.column_config.Column(t("audit.bank.code"), disabled=True)
    config["id"] = None  # hidden
    st.data_editor(frame, key=EDITOR_KEY, num_rows="dynamic",
                   column_config=config, hide_index=True, disabled=["code"])
    state = st.session_state.get(EDITOR_KEY) or {}
    if st.button(t("audit.bank.save"), key="audit.bank.save", type="primary"):
        changed = {int(frame.iloc[int(i)]["id"]): values
                   for i, values in (state.get("edited_rows") or {}).items()}
        added = [r for r in (state.get("added_rows") or []) if r.get("question")]
        run_action(lambda: save_bank(actor, BankEdit(changed, added)),
                   t("audit.bank.saved"))

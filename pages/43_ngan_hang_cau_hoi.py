"""Ngân hàng câu hỏi đánh giá: sửa, thêm, ngừng dùng câu hỏi theo điều khoản."""

import streamlit as st

from qms.audits.bank import seed_bank
from qms.audits.queries import bank_rows
from qms.audits.ui import bank as audit_bank
from qms.core.i18n import t
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("audit_bank")
flash()
rows = bank_rows(actor.organization_id)
if not rows:
    seed_bank(actor)
    rows = bank_rows(actor.organization_id)
st.caption(t("audit.bank.help", n=len(rows)))
audit_bank.editor(actor, rows)

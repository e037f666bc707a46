"""Việc của tôi: mọi việc người dùng phải làm tiếp, quá hạn trước, trên toàn hệ thống."""

import streamlit as st

from qms.core.clock import today
from qms.core.i18n import t
from qms.dashboard.my_work import my_work
from qms.dashboard.ui import my_work as my_work_view
from qms.ui.guard import guard

actor = guard("my_work")
items = my_work(actor, today())
my_work_view.summary(items)
st.caption(t("work.intro"))
my_work_view.item_list(items)

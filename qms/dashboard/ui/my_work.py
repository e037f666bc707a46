"""The "Việc của tôi" list: overdue items first, each with a link to the page that does it."""

from __future__ import annotations

import streamlit as st

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.dashboard.work_items import WorkItem


def summary(items: list[WorkItem]) -> None:
    cols = st.columns(2)
    cols[0].metric(t("work.total"), len(items))
    cols[1].metric(t("work.overdue_count"), sum(1 for i in items if i.overdue))


def item_list(items: list[WorkItem]) -> None:
    """One line per item; the link opens the record (``?nc=…``, ``?plan=…&task=…``)."""
    if not items:
        st.success(t("work.nothing"))
        return
    for item in items:
        flag = f"🔴 **{t('work.overdue')}** · " if item.overdue else ""
        due = f" — {t('work.due', date=vn_short_date(item.due))}" if item.due else ""
        st.markdown(f"{flag}**{t(f'work.kind.{item.kind}')}**{due}")
        st.page_link(item.page, label=item.label, icon="➡️", query_params=item.query)

"""The management-review page's read parts: the list, the meeting, its inputs, its actions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.nonconformities.report_queries import org_header
from qms.review.queries import ReviewDetail, ReviewSummary
from qms.review.report import minutes_pdf
from qms.ui.deep_link import preset
from qms.ui.report_sections_view import section_view


def _window(start, end) -> str:  # type: ignore[no-untyped-def]
    return f"{vn_short_date(start)} – {vn_short_date(end)}"


def review_table(reviews: list[ReviewSummary]) -> None:
    st.dataframe(pd.DataFrame([{
        t("field.review.title"): r.title,
        t("field.review.meeting_date"): vn_short_date(r.meeting_date),
        t("field.review.window"): _window(r.window_start, r.window_end),
        t("field.review.status"): t(f"field.review.status.{r.status}"),
    } for r in reviews]), hide_index=True, key="review.table")


def choose_review(reviews: list[ReviewSummary]) -> ReviewSummary:
    """Pick a review; ``?review=ID`` preselects it."""
    index = preset([r.id for r in reviews], "review")
    return st.selectbox(t("review.choose"), reviews, index=index, key="review.choose",
                        format_func=lambda r: f"{r.title} ({vn_short_date(r.meeting_date)})")


def meeting(org_id: int, r: ReviewDetail) -> None:
    """The meeting's details, its status and the minutes' download."""
    st.subheader(r.title)
    st.markdown(t("review.meeting_line", date=vn_short_date(r.meeting_date), place=r.place,
                  chair=r.chair or "…", secretary=r.secretary or "…",
                  window=_window(r.window_start, r.window_end),
                  status=t(f"field.review.status.{r.status}")))
    if r.participants:
        st.markdown("\n".join(f"- {p}" for p in r.participants))
    org = org_header(org_id)
    if org is not None:
        st.download_button(t("review.download_minutes"), lambda: minutes_pdf(org, r),
                           f"bien-ban-xem-xet-{r.id}.pdf", "application/pdf",
                           key="review.download.minutes")


def inputs(r: ReviewDetail) -> None:
    """The inputs: compiled live for a draft, the frozen snapshot once held."""
    st.markdown(f"#### {t('review.inputs')}")
    st.caption(t("review.inputs_live" if r.status == "draft" else "review.inputs_frozen"))
    if not r.inputs:
        st.info(t("review.no_inputs"))
    for i, item in enumerate(r.inputs, 1):
        section_view(item.section, i, "review.input")
        if item.assessment:
            st.markdown(f"*{t('field.review.assessment')}:* {item.assessment}")
    if r.conclusion:
        st.markdown(f"**{t('field.review.conclusion')}:** {r.conclusion}")


def actions(r: ReviewDetail) -> None:
    st.markdown(f"#### {t('review.actions')}")
    if not r.actions:
        st.caption(t("review.no_actions"))
        return
    st.dataframe(pd.DataFrame([{
        "#": a.ordinal, t("field.review.decision"): a.text, t("field.review.owner"): a.owner,
        t("field.review.due_date"): vn_short_date(a.due_date) if a.due_date else "",
        t("field.review.status"): ("🔴 " if a.overdue else "")
        + t(f"field.review.action_status.{a.status}"),
        t("field.review.done_note"): a.done_note,
    } for a in r.actions]), hide_index=True, key="review.actions")

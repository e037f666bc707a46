"""Xem xét của lãnh đạo (ISO 9.3): cuộc họp, đầu vào, kết luận, quyết định và hành động."""

import streamlit as st

from qms.auth.queries import list_users
from qms.core.clock import today
from qms.core.i18n import t
from qms.review.queries import list_reviews, review_detail
from qms.review.ui import forms, view
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("management_review")
flash()
day = today()
people = [u for u in list_users(actor.organization_id) if u.is_active]
st.caption(t("review.intro"))
reviews = list_reviews(actor.organization_id)
forms.create_form(actor, people, day)
if not reviews:
    st.info(t("review.none"))
    st.stop()

view.review_table(reviews)
chosen = view.choose_review(reviews)
detail = review_detail(actor.organization_id, chosen.id, day)
if detail is None:
    st.error(t("error.not_found"))
    st.stop()
view.meeting(actor.organization_id, detail)
forms.status_forms(actor, detail, people)
view.inputs(detail)
view.actions(detail)
forms.action_forms(actor, detail, day)

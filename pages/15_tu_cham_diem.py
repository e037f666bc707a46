"""Tự chấm điểm chỉ số CCHC theo kỳ: điểm, giải trình, kiểm chứng, phê duyệt, báo cáo."""

import streamlit as st

from qms.core.i18n import t
from qms.scoring import queries
from qms.scoring.ui import forms as scoring_forms
from qms.scoring.ui import view as scoring_view
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("scoring")
flash()
org_id = actor.organization_id
st.caption(t("scoring.intro"))
sets, options = queries.criteria_sets(org_id), queries.periods(org_id)
if not options:
    st.info(t("scoring.no_periods"))
elif not sets:
    st.info(t("scoring.no_sets"))
else:
    cset, period = scoring_view.choose(sets, options)
    scoring_view.sample_banner(cset)
    sheet_id = queries.sheet_id_for(org_id, period.id, cset.id)
    detail = queries.sheet_detail(org_id, sheet_id) if sheet_id is not None else None
    if detail is None:
        scoring_forms.open_form(actor, cset.id, period.id)
    else:
        scoring_view.totals(detail)
        area = scoring_view.choose_area(detail)
        scoring_view.area_table(detail, area)
        scoring_forms.score_form(actor, detail, area, queries.evidence_options(org_id))
        scoring_forms.notes_form(actor, detail)
        scoring_forms.workflow_form(actor, detail)
        scoring_forms.downloads(actor, detail)

st.divider()
scoring_forms.upload_set(actor)

"""Recording a nonconformity on its page: where it is (unit, clause, procedure) first, with
the similar cases already recorded shown at once, then the rest of the form."""

from __future__ import annotations

from datetime import date

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.auth.queries import list_users
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.nonconformities.queries import document_choices, similar_cases
from qms.nonconformities.recording import NcInput, raise_nonconformity
from qms.nonconformities.report_queries import clause_label, clause_titles
from qms.nonconformities.ui.detail import PENDING
from qms.nonconformities.vocabulary_rules import NcGrade, NcSource
from qms.ui.widgets import run_action

UPLOAD_TYPES = ["pdf", "docx", "xlsx", "doc", "png", "jpg", "jpeg"]


def clause_select(label: str, key: str, value: str = "") -> str:
    codes = ["", *clause_titles()]
    return st.selectbox(label, codes, index=codes.index(value) if value in codes else 0,
                        key=key, format_func=lambda c: clause_label(c) if c else "—")


def grade_and_source(key: str, source: str = "") -> tuple[str, str]:
    cols = st.columns(2)
    grades = [g.value for g in NcGrade]
    grade = cols[0].selectbox(t("nc.field.grade"), grades, index=1, key=f"{key}.grade",
                              format_func=lambda g: t(f"nc.grade.{g}"))
    sources = [s.value for s in NcSource]
    chosen = cols[1].selectbox(t("field.nc.source"), sources,
                               index=sources.index(source) if source in sources else 0,
                               key=f"{key}.source", format_func=lambda s: t(f"nc.source.{s}"))
    return grade, chosen


def similar_list(org_id: int, clause: str, unit_id: int | None, document_id: int | None,
                 procedure: str, exclude_id: int | None = None) -> None:
    """The nonconformities already recorded with the same clause, procedure or unit."""
    cases = similar_cases(org_id, clause, unit_id, document_id, procedure, exclude_id)
    if not cases:
        st.caption(t("nc.similar.none"))
        return
    st.markdown(f"**{t('nc.similar.title', n=len(cases))}**")
    for case in cases:
        same = ", ".join(t(f"nc.similar.same.{x}") for x in case.same)
        st.markdown(f"- {case.number} — {case.title} ({t(f'field.nc.status.{case.status}')}, "
                    f"{vn_short_date(case.found_on)}; {t('nc.similar.same')}: {same})")


def record_panel(actor: Actor, today: date) -> None:
    """The "record a nonconformity" expander (for roles that may record)."""
    if not actor.can("nc.create"):
        return
    org_id = actor.organization_id
    # Keyed, so it stays open while the similar cases follow what is chosen.
    with st.expander(t("nc.new.title"), key="nc.new.panel", on_change="rerun"):
        units = {u.id: u.name for u in list_units(org_id, active_only=True)}
        cols = st.columns(3)
        unit_id = cols[0].selectbox(t("nc.field.unit"), [None, *units], key="nc.new.unit",
                                    format_func=lambda i: units.get(i, "—"))
        with cols[1]:
            clause = clause_select(t("field.nc.clause"), "nc.new.clause")
        documents = dict(document_choices(org_id))
        document_id = cols[2].selectbox(t("nc.field.document"), [None, *documents],
                                        key="nc.new.document",
                                        format_func=lambda i: documents.get(i, "—"))
        procedure = st.text_input(t("field.nc.procedure"), key="nc.new.procedure")
        similar_list(org_id, clause, unit_id, document_id, procedure)
        _form(actor, today, NcInput("", "", unit_id=unit_id, clause=clause,
                                    document_id=document_id, procedure=procedure))


def _form(actor: Actor, today: date, where: NcInput) -> None:
    people = {u.id: u.full_name for u in list_users(actor.organization_id) if u.is_active}
    with st.form("nc.new.form", clear_on_submit=True):
        title = st.text_input(t("field.nc.title"), key="nc.new.title")
        description = st.text_area(t("field.nc.description"), key="nc.new.description")
        evidence = st.text_area(t("field.nc.evidence"), key="nc.new.evidence")
        grade, source = grade_and_source("nc.new")
        cols = st.columns(3)
        found_on = cols[0].date_input(t("nc.field.found_on"), value=today, max_value=today,
                                      key="nc.new.found_on", format="DD/MM/YYYY")
        found_by = cols[1].text_input(t("field.nc.found_by"), key="nc.new.found_by")
        owner = cols[2].selectbox(t("nc.field.owner"), [None, *people], key="nc.new.owner",
                                  format_func=lambda i: people.get(i, "—"))
        uploads = st.file_uploader(t("nc.field.files"), type=UPLOAD_TYPES,
                                   accept_multiple_files=True, key="nc.new.files")
        if st.form_submit_button(t("nc.new.submit"), type="primary"):
            data = NcInput(description, grade, source, title, found_on, None, where.unit_id,
                           where.procedure, where.document_id, where.clause, None, found_by,
                           owner, evidence)
            files = [(f.name, f.getvalue()) for f in uploads or []]
            def record() -> None:
                st.session_state[PENDING] = raise_nonconformity(actor, "", None, data, files)

            run_action(record, t("nc.new.done"))

"""One nonconformity as the page shows it: the facts, the analysis, the actions of every
round, the effectiveness checks, files, linked plan tasks, and the request form as PDF."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.text import inert_markdown as inert
from qms.features import page_path
from qms.nonconformities.detail_queries import NcDetail
from qms.nonconformities.report import car_pdf
from qms.nonconformities.report_queries import car_form, clause_label
from qms.nonconformities.ui.register import STATUS_ICON
from qms.reports.sections import day
from qms.trace.queries import file_content

PENDING = "nc.pending_open"  # the id to open after recording a new one


def header(nc: NcDetail) -> None:
    st.subheader(f"{nc.number} — {nc.title}")
    st.markdown(f"{STATUS_ICON.get(nc.status, '')} **{t(f'field.nc.status.{nc.status}')}**"
                + (f" · {t('nc.round', n=nc.round)}" if nc.round > 1 else ""))
    if nc.recurrence_of:
        st.warning(t("nc.recurrence", number=nc.recurrence_of))
    if nc.status == "cancelled":
        st.info(t("nc.cancelled_note", reason=nc.cancel_reason, by=nc.cancelled_by,
                  date=day(nc.cancelled_on)))


def facts(nc: NcDetail) -> None:
    rows = [
        (t("nc.field.found_on"), day(nc.found_on)), (t("nc.field.recorded_on"),
                                                      day(nc.recorded_on)),
        (t("field.nc.source"), t(f"nc.source.{nc.source}")),
        (t("nc.field.grade"), t(f"nc.grade.{nc.grade}")),
        (t("nc.field.unit"), nc.unit), (t("field.nc.procedure"), nc.document or
                                        nc.procedure_text),
        (t("field.nc.clause"), clause_label(nc.clause)), (t("nc.field.found_by"), nc.found_by),
        (t("nc.field.owner"), nc.owner), (t("field.nc.evidence"), nc.evidence_text),
    ]
    st.markdown(inert(nc.description))
    st.dataframe(pd.DataFrame(rows, columns=[t("nc.col.field"), t("nc.col.value")]),
                 hide_index=True, key="nc.detail.facts")


def analysis(nc: NcDetail) -> None:
    if not (nc.correction or nc.root_cause):
        return
    st.markdown(f"**{t('nc.analysis.title')}**")
    st.markdown(f"- {t('field.nc.correction')}: {inert(nc.correction)}")
    if nc.consequences:
        st.markdown(f"- {t('field.nc.consequences')}: {inert(nc.consequences)}")
    for i, why in enumerate(nc.why_chain, 1):
        st.markdown(f"- {t('nc.why', n=i)} {inert(why)}")
    if nc.cause_category:
        st.markdown(f"- {t('nc.field.cause_category')}: {t(f'nc.cause.{nc.cause_category}')}")
    st.markdown(f"- {t('field.nc.root_cause')}: {inert(nc.root_cause)}")
    if nc.similar_exist is not None:
        answer = t("common.yes") if nc.similar_exist else t("nc.no")
        st.markdown(f"- {t('nc.field.similar_exist')} {answer}. {inert(nc.similar_note)}")


def actions(nc: NcDetail) -> None:
    st.markdown(f"**{t('nc.actions.title')}**")
    if not nc.actions:
        st.caption(t("nc.actions.none"))
        return
    st.dataframe(pd.DataFrame([{
        t("nc.col.round"): a.round, t("field.nc.action"): a.description,
        t("nc.field.action_owner"): a.owner, t("nc.col.due"): day(a.due_date),
        t("nc.col.status"): t(f"field.nc.action_status.{a.status}")
        + (f" — {t('nc.overdue')}" if a.overdue else ""),
        t("field.nc.done_note"): a.done_note, t("nc.col.done_on"): day(a.done_on),
    } for a in nc.actions]), hide_index=True, key="nc.detail.actions")


def checks(nc: NcDetail) -> None:
    if not nc.verifications:
        return
    st.markdown(f"**{t('nc.checks.title')}**")
    st.dataframe(pd.DataFrame([{
        t("nc.col.round"): v.round, t("nc.col.checked_on"): day(v.verified_on),
        t("nc.col.checked_by"): v.verifier,
        t("nc.col.result"): t("nc.effective") if v.effective else t("nc.not_effective"),
        t("field.nc.verification_note"): v.note,
    } for v in nc.verifications]), hide_index=True, key="nc.detail.checks")


def links_and_files(actor: Actor, nc: NcDetail) -> None:
    if nc.tasks:
        st.markdown(f"**{t('nc.tasks.title')}**")
        for task_id, plan_id, code, text in nc.tasks:
            st.page_link(page_path("plan"), label=f"{code} — {text[:120]}", icon="📋",
                         query_params={"plan": plan_id, "task": task_id})
    for file_id, name, _ in nc.files:
        found = file_content(actor.organization_id, file_id)
        if found is not None:
            st.download_button(f"⬇️ {name}", found.content, file_name=found.name,
                               mime=found.mime, key=f"nc.file.{file_id}")


def pdf_button(actor: Actor, nc: NcDetail, today: date) -> None:
    """The corrective-action request form of this nonconformity."""
    def build() -> bytes:
        form = car_form(actor.organization_id, nc.id, today)
        return car_pdf(form) if form else b""

    st.download_button(t("nc.pdf.download", number=nc.number), build, on_click="ignore",
                       file_name=f"{nc.number}.pdf", mime="application/pdf",
                       key="nc.pdf.download", type="primary")


def show(actor: Actor, nc: NcDetail, today: date) -> None:
    """Everything about one nonconformity (read-only; the forms are in ``nc_forms``)."""
    header(nc)
    facts(nc)
    analysis(nc)
    actions(nc)
    checks(nc)
    links_and_files(actor, nc)
    pdf_button(actor, nc, today)

"""The self-scoring page's forms: open the sheet, score one criterion (with evidence), the
difficulties and recommendations, submit / approve / return, the downloads, and the ISO
officer's upload of a new criteria set (preview first)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.i18n import t
from qms.scoring import criteria_sets as scoring_sets
from qms.scoring import sheets as scoring
from qms.scoring.outputs import evidence_pack, self_assessment_report
from qms.scoring.queries import EvidenceRef, SheetDetail
from qms.scoring.rules import WORKFLOW, SheetStep
from qms.ui.evidence_fields import evidence_fields
from qms.ui.widgets import run_action


def open_form(actor: Actor, set_id: int, period_id: int) -> None:
    st.info(t("scoring.no_sheet"))
    if actor.can("scoring.score"):
        with st.form("scoring.open.form"):
            if st.form_submit_button(t("scoring.open"), type="primary"):
                run_action(lambda: scoring.open_sheet(actor, set_id, period_id),
                           t("scoring.opened"))


def score_form(actor: Actor, d: SheetDetail, area: int, choices: list[EvidenceRef]) -> None:
    """Score one applicable criterion of the area: 0..max by 0.25, explanation, evidence."""
    if not WORKFLOW.allows(d.status, SheetStep.EDIT) or not actor.can("scoring.score"):
        return
    leaves = [c for c in d.criteria if c.area_number == area and c.scorable]
    if not leaves:
        return
    crit = st.selectbox(t("scoring.pick"), leaves, key="scoring.pick",
                        format_func=lambda c: f"{c.code} — {c.title[:120]}")
    current = d.scores.get(crit.id)
    labels = {e.id: e.label for e in choices}
    with st.form(f"scoring.score.form.{crit.id}", clear_on_submit=False):
        if crit.guidance:
            st.caption(t("scoring.guidance", text=crit.guidance))
        score = st.number_input(f"{t('field.scoring.score')} (≤ {crit.max_points:g})",
                                min_value=0.0, max_value=float(crit.max_points), step=0.25,
                                value=float(current.score) if current else 0.0,
                                key=f"scoring.score.{crit.id}")
        explanation = st.text_area(t("field.scoring.explanation"),
                                   value=current.explanation if current else "",
                                   key=f"scoring.explanation.{crit.id}")
        linked = st.multiselect(t("scoring.attach_existing"), list(labels),
                                default=[e.id for e in current.evidence if e.id in labels]
                                if current else [], format_func=lambda i: labels[i],
                                key=f"scoring.evidence.{crit.id}")
        st.markdown(f"**{t('scoring.new_evidence')}**")
        fields = evidence_fields("scoring.ev.{field}." + str(crit.id))
        if st.form_submit_button(t("scoring.save"), type="primary"):
            title = fields.data.title.strip() or fields.file_name
            new = replace(fields.data, title=title) if title else None
            data = scoring.ScoreInput(crit.id, score, explanation, tuple(linked), new,
                                      fields.file_name if new else "",
                                      fields.content if new else None)
            run_action(lambda: scoring.record_score(actor, d.id, data,
                                                    current.version if current else None),
                       t("scoring.saved"))


def notes_form(actor: Actor, d: SheetDetail) -> None:
    st.subheader(t("scoring.notes_title"))
    editable = WORKFLOW.allows(d.status, SheetStep.EDIT) and actor.can("scoring.score")
    with st.form("scoring.notes.form"):
        difficulties = st.text_area(t("field.scoring.difficulties"), d.difficulties,
                                    key="scoring.difficulties", disabled=not editable)
        recommendations = st.text_area(t("field.scoring.recommendations"), d.recommendations,
                                       key="scoring.recommendations", disabled=not editable)
        if st.form_submit_button(t("scoring.notes_save"), disabled=not editable):
            run_action(lambda: scoring.save_sheet_notes(actor, d.id, difficulties,
                                                        recommendations, d.version),
                       t("scoring.notes_saved"))


def workflow_form(actor: Actor, d: SheetDetail) -> None:
    """Submit (ISO officer, draft); approve or return with a reason (leader, submitted)."""
    if WORKFLOW.allows(d.status, SheetStep.SUBMIT) and actor.can("scoring.submit"):
        with st.form("scoring.submit.form"):
            if st.form_submit_button(t("scoring.do_submit"), type="primary"):
                run_action(lambda: scoring.submit_sheet(actor, d.id, d.version),
                           t("scoring.submitted"))
    if WORKFLOW.allows(d.status, SheetStep.APPROVE) and actor.can("scoring.approve"):
        with st.form("scoring.decide.form"):
            reason = st.text_input(t("field.reason"), key="scoring.return.reason")
            cols = st.columns(2)
            if cols[0].form_submit_button(t("scoring.do_approve"), type="primary"):
                run_action(lambda: scoring.approve_sheet(actor, d.id, d.version),
                           t("scoring.approved"))
            if cols[1].form_submit_button(t("scoring.do_return")):
                run_action(lambda: scoring.return_sheet(actor, d.id, d.version, reason),
                           t("scoring.returned"))


def downloads(actor: Actor, d: SheetDetail) -> None:
    """The report (PDF) and the evidence pack (ZIP), made when asked for."""
    cols = st.columns(2)
    stem = f"tu-cham-diem-ky-{d.period.id}"
    report = self_assessment_report(actor.organization_id, d.id, today()) or b""
    cols[0].download_button(t("scoring.download_report"), report, f"{stem}.pdf",
                            "application/pdf", key="scoring.download.report")
    pack = evidence_pack(actor.organization_id, d.id, today()) or b""
    cols[1].download_button(t("scoring.download_pack"), pack, f"{stem}-kiem-chung.zip",
                            "application/zip", key="scoring.download.pack")


def upload_set(actor: Actor) -> None:
    """The ISO officer checks a criteria CSV (every problem with its line) before saving it."""
    if not actor.can("scoring.load_set"):
        return
    st.subheader(t("scoring.upload_title"))
    st.caption(t("scoring.upload_help"))
    upload = st.file_uploader(t("scoring.upload_file"), type=["csv"], key="scoring.upload.file")
    if upload is None:
        return
    data = upload.getvalue()
    preview = scoring_sets.preview_criteria_set(data)
    if not preview.ok:
        st.error(t("scoring.preview_bad", n=len(preview.problems)))
        st.markdown("\n".join(f"- {p}" for p in preview.problems))
        return
    st.success(t("scoring.preview_ok", n=len(preview.rows)))
    st.dataframe(pd.DataFrame([{
        t("scoring.col.code"): r.code, t("scoring.col.title"): r.title,
        t("scoring.col.max"): r.max_points,
        t("scoring.not_applicable"): "" if r.applies else "✔"} for r in preview.rows]),
        hide_index=True, key="scoring.upload.preview")
    with st.form("scoring.upload.form"):
        name = st.text_input(t("field.scoring.set_name"), key="scoring.upload.name")
        if st.form_submit_button(t("scoring.load"), type="primary"):
            run_action(lambda: scoring_sets.load_criteria_set(actor, data, name, upload.name),
                       t("scoring.loaded"))



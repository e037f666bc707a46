"""The audit page's read-outs and closing forms: scope, findings, scores, conclusion."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.audits import answers as audit_answers
from qms.audits import programme as audits
from qms.audits.queries import AuditView, FindingView
from qms.audits.rules import DEFAULT_SCALE, WORKFLOW, AuditStatus, AuditStep, Score
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.ui.widgets import run_action

# The step of the audit's workflow that an action of the permission matrix takes.
STEP_OF = {"audit.edit_checklist": AuditStep.EDIT_CHECKLIST, "audit.answer": AuditStep.ANSWER,
           "audit.conclude": AuditStep.CONCLUDE, "audit.plan": AuditStep.PLAN_NEXT}


def may(actor: Actor, action: str, audit: AuditView) -> bool:
    """Whether the matrix lets the actor do ``action`` on this audit (as its lead, a team
    member, or by role) and the audit's status allows the step the action takes."""
    step = STEP_OF.get(action)
    if step is not None and not WORKFLOW.allows(audit.status, step):
        return False
    return actor.can(action, lead_id=audit.lead_auditor_id, team_ids=audit.team_ids)


def header(a: AuditView) -> None:
    """Scope, team and dates of the audit."""
    st.subheader(a.title)
    st.markdown("\n".join([
        f"- **{t('audit.type')}:** {t(f'audit.type.{a.audit_type}')} — "
        f"**{t('audit.status')}:** {t(f'audit.status.{a.status}')}",
        f"- **{t('audit.units')}:** {', '.join(a.unit_names) or '—'}",
        f"- **{t('field.audit.clauses')}:** {', '.join(a.clause_codes) or '—'}",
        f"- **{t('audit.lead')}:** {a.lead_auditor or '—'}; "
        f"**{t('audit.team')}:** {', '.join(a.team) or '—'}",
        f"- **{t('field.audit.criteria')}:** {a.criteria or '—'}",
    ]))


def findings(actor: Actor, a: AuditView, rows: list[FindingView]) -> None:
    """Findings with their grade; a nonconformity is raised from one with one click."""
    if not rows:
        st.info(t("audit.findings.none"))
        return
    graded = {o.code for o in DEFAULT_SCALE if o.nc_grade}
    for f in rows:
        with st.container(border=True):
            st.markdown(f"**{f.ordinal}. [{f.clause}] {t(f'audit.result.{f.result}')}** — "
                        f"{f.description}")
            if f.nonconformity_id is not None:
                st.caption(t("audit.findings.nc", number=f.nc_number))
            elif f.result in graded and may(actor, "audit.finding", a) and st.button(
                    t("audit.findings.raise"), key=f"audit.finding.{f.id}.raise"):
                run_action(lambda f=f: audit_answers.raise_finding_nonconformity(actor, f.id),
                           t("audit.findings.raised"))


def scores(result: dict[str, dict[str, Score]]) -> None:
    """Conformity % overall, per clause and per unit."""
    overall = result["all"].get("")
    st.metric(t("audit.scores.overall"), f"{overall.percent} %" if overall else "—")
    for group in ("clause", "unit"):
        values = result[group]
        if values:
            st.dataframe(pd.DataFrame({
                t(f"audit.scores.{group}"): list(values),
                t("audit.scores.percent"): [s.percent for s in values.values()],
                t("audit.scores.count"): [f"{s.conforming}/{s.scored}" for s in values.values()],
            }), hide_index=True, key=f"audit.scores.{group}")


def conclusion_form(actor: Actor, a: AuditView) -> None:
    """Conclusion and recommendations; saving can also complete the audit."""
    with st.form("audit.conclusion.form"):
        conclusion = st.text_area(t("field.audit.conclusion"), a.conclusion,
                                  key="audit.conclusion.text")
        recs = st.text_area(t("field.audit.recommendations"), a.recommendations,
                            key="audit.conclusion.recommendations")
        complete = st.checkbox(t("audit.conclusion.complete"),
                               value=a.status == AuditStatus.COMPLETED,
                               key="audit.conclusion.complete")
        if st.form_submit_button(t("audit.conclusion.save")):
            run_action(lambda: audits.conclude_audit(actor, a.id, conclusion, recs, a.version,
                                                     complete=complete),
                       t("audit.conclusion.saved"))


def next_audit_button(actor: Actor, a: AuditView) -> None:
    """Plan the next audit from this one (scope and questions copied, answers empty)."""
    if st.button(t("audit.next"), key="audit.next"):
        run_action(lambda: audits.plan_next_audit(actor, a.id, a.programme_id,
                                                  t("audit.next.title", title=a.title)),
                   t("audit.next.done"))

"""An audit's plan as form fields — scope, team, dates — shared by planning a new audit and
editing a planned one, and the edit form of the audit page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import streamlit as st

from qms.audits import programme as audits
from qms.audits.programme import AuditInput
from qms.audits.queries import AuditView
from qms.audits.rules import WORKFLOW, AuditStep
from qms.audits.scope_queries import ScopeChoices
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.ui.versions import forget_version, seen_version
from qms.ui.widgets import run_action

DMY = "DD/MM/YYYY"
K = TypeVar("K", int, str)


def _keeping(choices: dict[K, str], current: Sequence[K], names: Sequence[str] = ()
             ) -> dict[K, str]:
    """The choices plus what the audit holds that is no longer offered (a unit or person
    made inactive, a document withdrawn, a task of a replaced plan): editing shows those and
    drops none unless the user removes it."""
    known = dict(zip(current, names, strict=False))
    return {**choices, **{k: known.get(k) or t("audit.plan.edit.gone", id=k)
                          for k in current if k not in choices}}


def _scope(c: ScopeChoices, prefix: str, a: AuditView | None) -> dict[str, Any]:
    units = _keeping(c.units, a.unit_ids if a else (), a.unit_names if a else ())
    clauses = _keeping(c.clauses, a.clause_codes if a else ())
    docs = _keeping(c.documents, a.document_ids if a else ())
    tasks = _keeping(c.tasks, a.plan_task_ids if a else ())
    kinds = list(audits.AUDIT_TYPES)
    return {
        "title": st.text_input(t("field.audit.title"), a.title if a else "",
                               key=f"{prefix}.title"),
        "audit_type": st.selectbox(t("audit.type"), kinds, kinds.index(a.audit_type) if a else 0,
                                   key=f"{prefix}.type",
                                   format_func=lambda k: t(f"audit.type.{k}")),
        "unit_ids": st.multiselect(t("audit.units"), list(units), a.unit_ids if a else None,
                                   key=f"{prefix}.units", format_func=units.get),
        "clause_codes": st.multiselect(t("field.audit.clauses"), list(clauses),
                                       a.clause_codes if a else None, key=f"{prefix}.clauses",
                                       format_func=clauses.get),
        "document_ids": st.multiselect(t("audit.documents"), list(docs),
                                       a.document_ids if a else None, key=f"{prefix}.documents",
                                       format_func=docs.get),
        "plan_task_ids": st.multiselect(t("audit.tasks"), list(tasks),
                                        a.plan_task_ids if a else None, key=f"{prefix}.tasks",
                                        format_func=tasks.get),
    }


def _team(c: ScopeChoices, prefix: str, a: AuditView | None) -> dict[str, Any]:
    lead = a.lead_auditor_id if a else None
    held = [(i, n) for i, n in zip((lead, *a.team_ids), (a.lead_auditor, *a.team), strict=True)
            if i is not None] if a else []
    people = _keeping(c.people, [i for i, _ in held], [n for _, n in held])
    ids = list(people)
    return {
        "lead_auditor_id": st.selectbox(t("audit.lead"), ids,
                                        ids.index(lead) if lead in ids else None,
                                        key=f"{prefix}.lead", format_func=people.get) or 0,
        "team_ids": st.multiselect(t("audit.team"), ids, a.team_ids if a else None,
                                   key=f"{prefix}.team", format_func=people.get),
        "start_date": st.date_input(t("audit.start_date"), a.start_date if a else None,
                                    key=f"{prefix}.start", format=DMY),
        "end_date": st.date_input(t("audit.end_date"), a.end_date if a else None,
                                  key=f"{prefix}.end", format=DMY),
    }


def audit_fields(c: ScopeChoices, prefix: str, a: AuditView | None = None) -> AuditInput:
    """The plan's widgets, keyed ``<prefix>.title``, ``<prefix>.units`` …, prefilled from the
    audit ``a`` if given (else empty, with the default criteria); returns what they hold now.
    Call inside a form."""
    values = {**_scope(c, prefix, a), **_team(c, prefix, a)}
    criteria = st.text_area(t("field.audit.criteria"),
                            a.criteria if a else t("audit.plan.default_criteria"),
                            key=f"{prefix}.criteria")
    auditees = st.text_area(t("field.audit.auditees"), a.auditees if a else "",
                            key=f"{prefix}.auditees")
    tuples = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    return AuditInput(**tuples, criteria=criteria, auditees=auditees)


def may_edit_plan(actor: Actor, a: AuditView) -> bool:
    """The ISO officer (or admin) changes the plan until the audit starts."""
    return WORKFLOW.allows(a.status, AuditStep.EDIT_PLAN) and actor.can("audit.plan")


def edit_plan_form(actor: Actor, a: AuditView, c: ScopeChoices) -> None:
    """The planned audit's scope, team and dates, prefilled. The form is keyed by the version
    first shown: a refused save keeps what was typed; after a save or a stale refusal the next
    run shows the stored version afresh."""
    seen_key = f"audit.plan.edit.version.{a.id}"
    seen = seen_version(seen_key, a.version)
    form = f"audit.plan.edit.{a.id}.{seen}"
    with st.expander(t("audit.plan.edit")), st.form(form):
        data = audit_fields(c, form, a)
        if st.form_submit_button(t("audit.plan.edit.submit"), type="primary"):
            forget_version(seen_key)
            run_action(lambda: audits.update_plan(actor, a.id, data, seen),
                       t("audit.plan.edit.saved"))

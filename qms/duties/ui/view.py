"""The self-inspection page's read widgets: the period, the filters (deep links), the table
of duties and one duty's evidence and history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.auth.organization_queries import UnitView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.duties.queries import BoardFilter, DutyRow, EventView, PeriodOption
from qms.duties.rules import DutyStatus
from qms.trace.evidence_queries import EvidenceRef
from qms.trace.queries import file_content
from qms.ui.deep_link import preset

ICON = {"open": "⚪", "submitted": "🔵", "accepted": "✅", "returned": "↩️"}
STATUSES = [s.value for s in DutyStatus]


def status_label(status: str) -> str:
    return f"{ICON.get(status, '')} {t(f'field.duty.status.{status}')}"


def choose_period(options: list[PeriodOption], default: int | None) -> PeriodOption:
    """The period (``?period=ID`` wins, else the current/next one)."""
    index = preset([p.id for p in options], "period", default)
    return st.selectbox(t("plan.period"), options, index=index, key="duty.period",
                        format_func=lambda p: f"{p.name} — "
                                              f"{t('duty.due', date=vn_short_date(p.due))}")


def filters(units: list[UnitView]) -> BoardFilter:
    """Status, overdue and unit filters, preset by ``?status=``, ``?overdue=1``, ``?unit=``."""
    q = st.query_params
    cols = st.columns(3)
    statuses: list[str | None] = [None, *STATUSES]
    wanted = q.get("status")
    status = cols[0].selectbox(
        t("field.duty.status"), statuses, key="duty.filter.status",
        index=statuses.index(wanted) if wanted in statuses else 0,
        format_func=lambda s: status_label(s) if s else t("filter.all"))
    unit_ids: list[int | None] = [None, *[u.id for u in units]]
    names = {u.id: u.name for u in units}
    raw = q.get("unit", "")
    unit_index = unit_ids.index(int(raw)) if raw.isdigit() and int(raw) in unit_ids else 0
    unit = cols[1].selectbox(t("field.plan.owner_unit"), unit_ids, index=unit_index,
                             key="duty.filter.unit",
                             format_func=lambda u: names.get(u, t("filter.all")))
    overdue = cols[2].checkbox(t("duty.filter.overdue"), value=q.get("overdue") == "1",
                               key="duty.filter.overdue")
    return BoardFilter(status, overdue, unit)


def table(rows: list[DutyRow]) -> None:
    if not rows:
        st.info(t("duty.none"))
        return
    st.dataframe(pd.DataFrame([{
        t("duty.col.duty"): (f"{r.code} — " if r.code else "") + r.title,
        t("duty.col.owner"): " / ".join(x for x in (r.owner_unit, r.owner_user) if x),
        t("field.duty.status"): status_label(r.status)
        + (f" · 🔴 {t('work.overdue')}" if r.overdue else ""),
        t("duty.col.evidence"): r.evidence,
        t("duty.col.due"): vn_short_date(r.due),
        t("duty.col.decided_on"): vn_short_date(r.decided_on) if r.decided_on else "",
        t("duty.col.comment"): r.comment,
    } for r in rows]), hide_index=True, key="duty.table")


def label(r: DutyRow) -> str:
    return (f"{r.code} — " if r.code else "") + r.title[:120] + f" · {status_label(r.status)}"


def choose(rows: list[DutyRow]) -> DutyRow | None:
    """Pick one duty of the table (by id, so the choice survives a change of its status)."""
    by_id = {r.duty_id: r for r in rows}
    if not by_id:
        return None
    chosen = st.selectbox(t("duty.pick"), list(by_id), key="duty.pick",
                          format_func=lambda i: label(by_id[i]))
    return by_id.get(chosen)


def detail(actor: Actor, row: DutyRow, items: list[EvidenceRef],
           history: list[EventView]) -> None:
    """One duty in the period: its status, deadline, evidence (with files) and history."""
    st.subheader((f"{row.code} — " if row.code else "") + row.title[:200])
    due = vn_short_date(row.due)
    st.markdown(f"**{t('field.duty.status')}:** {status_label(row.status)} · "
                f"{t('duty.due', date=due)}"
                + (f" · 🔴 **{t('work.overdue')}**" if row.overdue else ""))
    if row.comment:
        st.warning(t("duty.comment_shown", comment=row.comment))
    if not items:
        st.caption(t("duty.evidence.none"))
    for e in items:
        bits = [x for x in (e.doc_number, vn_short_date(e.doc_date) if e.doc_date else "",
                            e.issuer) if x]
        st.markdown(f"- {e.title}" + (f" ({', '.join(bits)})" if bits else ""))
        if e.file_id is not None:
            _download(actor, e)
    if history:
        with st.expander(t("duty.history")):
            for h in history:
                when = h.at.strftime("%d/%m/%Y %H:%M") if h.at else ""
                st.markdown(f"- {when} · {h.by or '—'}: {t(f'field.duty.step.{h.step}')}"
                            + (f" — {h.comment}" if h.comment else ""))


def _download(actor: Actor, e: EvidenceRef) -> None:
    def content(file_id: int = e.file_id or 0) -> bytes:
        found = file_content(actor.organization_id, file_id)
        return found.content if found else b""

    st.download_button(f"⬇️ {e.file_name}", content, file_name=e.file_name, on_click="ignore",
                       key=f"duty.download.{e.id}")

"""The register part of the document-control page: filters, table, export, Excel import."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from qms.core.actor import Actor
from qms.core.errors import DomainError
from qms.core.i18n import t
from qms.core.paging import page_count
from qms.core.vn_dates import vn_short_date
from qms.documents import register_import as document_register
from qms.documents.queries import (
    REGISTER_STATUSES,
    RegisterChoices,
    RegisterFilter,
    due_for_review,
    register_rows,
)
from qms.documents.register_rows import HEADERS_VI
from qms.reports.excel import frame_to_xlsx, stamp
from qms.ui.widgets import run_action

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REVIEW_ICON = {"due": "🔴", "upcoming": "🟠", "ok": "", "": ""}


def due_warning(actor: Actor, today: date) -> None:
    """The 30-day warning: documents whose periodic review is due or nearly due."""
    due = due_for_review(actor.organization_id, today)
    if not due:
        return
    late = sum(1 for d in due if d.state == "due")
    st.warning(t("documents.due.warning", due=late, upcoming=len(due) - late))
    with st.expander(t("documents.due.list")):
        for item in due:
            st.markdown(f"- {REVIEW_ICON[item.state.value]} **{item.code}** — {item.title} "
                        f"({t('documents.col.next_review_date')}: "
                        f"{vn_short_date(item.next_review_date)})")


def filters(choices: RegisterChoices) -> RegisterFilter:
    """The filter row; every widget has a stable key (the page's test interface)."""
    search = st.text_input(t("documents.filter.search"), key="documents.filter.search",
                           placeholder=t("documents.filter.search_hint"))
    cols = st.columns(5)
    status = cols[0].selectbox(t("documents.filter.status"), ["", *REGISTER_STATUSES],
                               key="documents.filter.status",
                               format_func=lambda s: t(f"documents.register_status.{s}")
                               if s else t("filter.all"))
    doc_type = cols[1].selectbox(t("documents.filter.type"), ["", *choices.types],
                                 key="documents.filter.type",
                                 format_func=lambda s: t(f"documents.type.{s}")
                                 if s else t("filter.all"))
    names = dict(choices.units)
    unit = cols[2].selectbox(t("documents.filter.unit"), [None, *names],
                             key="documents.filter.unit",
                             format_func=lambda i: names.get(i, t("filter.all")))
    clause = cols[3].selectbox(t("documents.filter.clause"), ["", *choices.clauses],
                               key="documents.filter.clause",
                               format_func=lambda c: c or t("filter.all"))
    due = cols[4].checkbox(t("documents.filter.review_due"), key="documents.filter.review_due")
    return RegisterFilter(search, status, doc_type, unit, clause, due)


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """The register with translated headers and values (the table and the Excel file)."""
    return pd.DataFrame({
        t("documents.col.code"): frame["code"],
        t("documents.col.title"): frame["title"],
        t("documents.col.type"): [t(f"documents.type.{x}") for x in frame["type"]],
        t("documents.col.owner_unit"): frame["owner_unit"],
        t("documents.col.issue"): [int(x) if pd.notna(x) else None for x in frame["issue"]],
        t("documents.col.effective_date"): [_day(x) for x in frame["effective_date"]],
        t("documents.col.status"): [t(f"documents.doc_status.{x}") for x in frame["status"]],
        t("documents.col.open_status"): [t(f"documents.status.{x}") if x else ""
                                         for x in frame["open_status"]],
        t("documents.col.next_review_date"): [
            f"{REVIEW_ICON[s]} {_day(d)}".strip()
            for d, s in zip(frame["next_review_date"], frame["review_state"], strict=True)],
    })


def _day(value: object) -> str:
    return vn_short_date(value) if isinstance(value, date) else ""


def table(frame: pd.DataFrame, total: int, page: int) -> None:
    pages = page_count(total, PAGE_SIZE)
    st.caption(t("documents.total", total=total, page=page, pages=pages))
    st.dataframe(labelled(frame), hide_index=True, key="documents.table")


def export_button(actor: Actor, f: RegisterFilter, today: date) -> None:
    sheet = t("page.documents")
    st.download_button(t("documents.export"),
                       lambda: frame_to_xlsx(labelled(register_rows(actor.organization_id, f,
                                                                    today)), sheet),
                       file_name=f"danh-muc-tai-lieu-{stamp()}.xlsx", mime=XLSX,
                       key="documents.export", on_click="ignore")


def import_panel(actor: Actor) -> None:
    """Upload the commune's register (.xlsx) → preview with per-row errors → confirm."""
    if not actor.can("document.import"):
        return
    with st.expander(t("documents.import.title")):
        st.caption(t("documents.import.columns", columns=" · ".join(HEADERS_VI)))
        upload = st.file_uploader(t("documents.import.file"), type=["xlsx"],
                                  key="documents.import.file")
        if upload is None:
            return
        data = upload.getvalue()
        try:
            preview = document_register.preview_register(actor, data)
        except DomainError as exc:
            st.error(exc.message())
            return
        for row in preview.bad:
            st.error(t("documents.import.row_error", row=row.row, message=row.error))
        st.dataframe(pd.DataFrame([{
            t("documents.import.row"): r.row, t("documents.col.code"): r.code,
            t("documents.col.title"): r.title, t("documents.col.issue"): r.issue,
            t("documents.col.effective_date"): _day(r.effective_date),
        } for r in preview.good]), hide_index=True, key="documents.import.preview")
        if preview.good and st.button(t("documents.import.confirm", n=len(preview.good)),
                                      key="documents.import.confirm", type="primary"):
            run_action(lambda: document_register.import_register(actor, data, preview.sha256),
                       t("documents.import.done", n=len(preview.good)))


def choose_document(frame: pd.DataFrame, wanted: tuple[int, str] | None) -> int | None:
    """Pick a document of this page to open; ``?doc=CODE`` opens one directly."""
    labels = {int(r.id): f"{r.code} — {r.title}" for r in frame.itertuples()}
    if wanted is not None and wanted[0] not in labels:
        labels = {wanted[0]: wanted[1], **labels}
    if not labels:
        return None
    ids = list(labels)
    index = ids.index(wanted[0]) if wanted is not None else 0
    return st.selectbox(t("documents.open"), ids, index=index, key="documents.open",
                        format_func=lambda i: labels[i])

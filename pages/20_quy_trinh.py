"""Quy trình, tài liệu: danh mục tài liệu kiểm soát, lần ban hành, xem xét, phê duyệt."""

import streamlit as st

from qms.core.clock import today
from qms.core.i18n import t
from qms.core.paging import existing_page
from qms.documents import queries
from qms.documents.ui import detail as detail_view
from qms.documents.ui import forms as documents_forms
from qms.documents.ui import register as documents_register
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("documents")
flash()
org_id = actor.organization_id
day = today()

documents_register.due_warning(actor, day)
filters = documents_register.filters(queries.filter_choices(org_id))
page = int(st.number_input(t("documents.page"), min_value=1, value=1, step=1,
                           key="documents.page"))
(frame, total), page = existing_page(
    lambda p: queries.search_register(org_id, filters, day, page=p,
                                      page_size=documents_register.PAGE_SIZE),
    page, documents_register.PAGE_SIZE, lambda found: (len(found[0]), found[1]))
documents_register.table(frame, total, page)
cols = st.columns(2)
with cols[0]:
    documents_register.export_button(actor, filters, day)
with cols[1]:
    documents_register.import_panel(actor)

code = st.query_params.get("doc")
wanted_id = queries.document_id_by_code(org_id, code) if code else None
wanted = (wanted_id, code) if wanted_id is not None and code else None
document_id = documents_register.choose_document(frame, wanted)
doc = queries.document_detail(org_id, document_id) if document_id is not None else None
if doc is None or not doc.revisions:
    if total == 0:
        st.info(t("documents.none"))
    st.stop()

st.divider()
detail_view.header(doc)
rev = detail_view.choose_revision(doc)
detail_view.revision_panel(rev)
documents_forms.workflow(actor, doc, rev)
detail_view.copy_button(actor, doc, rev)

tabs = st.tabs([t("documents.tab.content"), t("documents.tab.history"),
                t("documents.tab.diff"), t("documents.tab.attachments"),
                t("documents.tab.links")])
with tabs[0]:
    detail_view.content(rev)
with tabs[1]:
    detail_view.history(doc)
with tabs[2]:
    detail_view.diff(doc, rev)
with tabs[3]:
    detail_view.attachments(actor, doc, rev)
with tabs[4]:
    detail_view.linked_tasks(actor, doc)

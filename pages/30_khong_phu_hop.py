"""Sự không phù hợp và hành động khắc phục: sổ theo dõi, ghi nhận, xử lý, phiếu PDF."""

import streamlit as st

from qms.core.clock import today
from qms.core.i18n import t
from qms.core.paging import existing_page
from qms.nonconformities import queries
from qms.nonconformities.detail_queries import nc_detail
from qms.nonconformities.ui import detail as detail_view
from qms.nonconformities.ui import forms as nc_forms
from qms.nonconformities.ui import new as nc_new
from qms.nonconformities.ui import register as nc_register
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("nonconformities")
flash()
org_id = actor.organization_id
day = today()

nc_new.record_panel(actor, day)
filters = nc_register.filters(queries.filter_choices(org_id))
page = nc_register.page_number()
found, page = existing_page(
    lambda p: queries.register_page(org_id, filters, day, page=p,
                                    page_size=nc_register.PAGE_SIZE),
    page, nc_register.PAGE_SIZE, lambda r: (len(r.frame), r.total))
frame = found.frame
nc_register.table(found, page)
cols = st.columns(2)
with cols[0]:
    nc_register.export_button(org_id, filters, day)
with cols[1]:
    nc_register.register_pdf_button(actor, day)
nc_register.prefix_form(actor)

number = st.query_params.get("nc")
pending = st.session_state.pop(detail_view.PENDING, None)
wanted_id = pending or (queries.nc_id_by_number(org_id, number) if number else None)
wanted_nc = nc_detail(org_id, wanted_id, day) if wanted_id is not None else None
wanted = (wanted_nc.id, f"{wanted_nc.number} — {wanted_nc.title}") if wanted_nc else None
nc_id = nc_register.choose(frame, wanted, select=pending is not None)
nc = nc_detail(org_id, nc_id, day) if nc_id is not None else None
if nc is None:
    if frame.empty:
        st.info(t("nc.none"))
    st.stop()

st.divider()
detail_view.show(actor, nc, day)
nc_forms.workflow(actor, nc, day)

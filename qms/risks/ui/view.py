"""The risks page's read widgets: filters (deep links), the 5 × 5 matrix, the register table
and its Excel file, and one entry's actions, reviews and linked plan tasks."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.auth.organization_queries import UnitView
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.reports.excel import stamp
from qms.risks.queries import ActionRow, ReviewRow, RiskFilter, RiskRow, matrix
from qms.risks.report import register_frame, register_xlsx
from qms.risks.rules import BAND_TOPS, BANDS, SCALE, RiskKind, RiskStatus, band_of
from qms.ui.deep_link import preset

COLOUR = {"low": "#c8e6c9", "medium": "#fff59d", "high": "#ffcc80", "very_high": "#ef9a9a"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filters(units: list[UnitView]) -> RiskFilter:
    """Unit, kind, band, status and overdue; preset by ``?unit=``, ``?kind=``, ``?band=``,
    ``?status=`` and ``?overdue=1``."""
    q = st.query_params
    cols = st.columns(5)
    names = {u.id: u.name for u in units}
    unit_ids: list[int | None] = [None, *names]
    unit = cols[0].selectbox(t("field.risk.unit"), unit_ids, key="risk.filter.unit",
                             index=preset(unit_ids, "unit"),
                             format_func=lambda u: names.get(u, t("filter.all")))
    kinds: list[str | None] = [None, *(k.value for k in RiskKind)]
    kind = cols[1].selectbox(t("field.risk.kind"), kinds, key="risk.filter.kind",
                             index=preset(kinds, "kind"),
                             format_func=lambda k: t(f"risk.kind.{k}") if k else t("filter.all"))
    bands: list[str | None] = [None, *(b.value for b in BANDS)]
    band = cols[2].selectbox(t("risk.band"), bands, key="risk.filter.band",
                             index=preset(bands, "band"),
                             format_func=lambda b: t(f"risk.band.{b}") if b else t("filter.all"))
    statuses: list[str | None] = [RiskStatus.OPEN.value, RiskStatus.CLOSED.value, None]
    status = cols[3].selectbox(t("field.risk.status"), statuses, key="risk.filter.status",
                               index=preset(statuses, "status"),
                               format_func=lambda s: t(f"risk.status.{s}") if s
                               else t("filter.all"))
    overdue = cols[4].checkbox(t("risk.filter.overdue"), value=q.get("overdue") == "1",
                               key="risk.filter.overdue")
    return RiskFilter(unit, kind, band, overdue, status)


def matrix_chart(rows: list[RiskRow]) -> None:
    """Likelihood (rows, 5 at the top) × impact (columns), counts coloured by band."""
    cells = matrix(rows)
    frame = pd.DataFrame(
        [[cells.get((lk, im), 0) for im in SCALE] for lk in reversed(SCALE)],
        index=[t("risk.matrix.likelihood", n=lk) for lk in reversed(SCALE)],
        columns=[t("risk.matrix.impact", n=im) for im in SCALE])
    colours = pd.DataFrame(
        [[f"background-color: {COLOUR[band_of(lk * im).value]}" for im in SCALE]
         for lk in reversed(SCALE)], index=frame.index, columns=frame.columns)
    st.markdown(f"**{t('risk.matrix')}**")
    st.dataframe(frame.style.apply(lambda _: colours, axis=None), key="risk.matrix")


SWATCH = {"low": "🟩", "medium": "🟨", "high": "🟧", "very_high": "🟥"}


def legend() -> None:
    """The bands and their ranges of levels, coloured as in the matrix."""
    lows = [1, *(top + 1 for top, _ in BAND_TOPS[:-1])]
    st.markdown(f"**{t('risk.col.level')}**\n" + "\n".join(
        f"- {SWATCH[band.value]} {t(f'risk.band.{band.value}')}: {low}–{top}"
        for low, (top, band) in zip(lows, BAND_TOPS, strict=True)))


def table(rows: list[RiskRow]) -> None:
    """The register, highest level first, with its Excel download."""
    if not rows:
        st.info(t("risk.none"))
        return
    st.dataframe(register_frame(rows), hide_index=True, key="risk.table")
    st.download_button(t("risk.export"), register_xlsx(rows), key="risk.export",
                       file_name=f"so-rui-ro-co-hoi-{stamp()}.xlsx", mime=XLSX)


def label(r: RiskRow) -> str:
    return (f"{r.code} · {t(f'risk.kind.{r.kind}')} · {t(f'risk.band.{r.band}')} "
            f"({r.level}) — {r.description[:100]}")


def choose(rows: list[RiskRow]) -> RiskRow | None:
    """Pick one entry (``?risk=ID`` preselects it)."""
    by_id = {r.id: r for r in rows}
    ids: list[int | None] = [None, *by_id]
    picked = st.selectbox(t("risk.pick"), ids, key="risk.pick",
                          index=preset(ids, "risk"),
                          format_func=lambda i: label(by_id[i]) if i else t("risk.pick.none"))
    return by_id.get(picked) if picked else None


def detail(r: RiskRow, actions: list[ActionRow], reviews: list[ReviewRow],
           tasks: list[str]) -> None:
    """The entry's facts, actions, review history and linked plan tasks."""
    st.markdown(f"### {r.code} — {t(f'risk.kind.{r.kind}')}: {r.description}")
    facts = [(t("field.risk.cause"), r.cause), (t("field.risk.consequence"), r.consequence),
             (t("field.risk.document"), r.document), (t("field.risk.unit"), r.unit),
             (t("field.risk.owner"), r.owner),
             (t("risk.col.level"), f"{r.likelihood} × {r.impact} = {r.level} · "
                                   f"{t(f'risk.band.{r.band}')} · {t(f'risk.trend.{r.trend}')}"),
             (t("field.risk.next_review"),
              vn_short_date(r.next_review_date) if r.next_review_date else ""),
             (t("field.risk.status"), t(f"risk.status.{r.status}"))]
    st.markdown("\n".join(f"- **{k}:** {v}" for k, v in facts if v))
    st.markdown(f"**{t('risk.actions')}**")
    if actions:
        st.dataframe(pd.DataFrame([{
            t("field.risk.action"): a.description, t("field.risk.owner"): a.owner,
            t("field.risk.due_date"): vn_short_date(a.due_date) if a.due_date else "",
            t("field.risk.status"): t(f"risk.action.status.{a.status}")
            + (f" · 🔴 {t('work.overdue')}" if a.overdue else ""),
            t("risk.col.done_on"): vn_short_date(a.done_on) if a.done_on else "",
            t("field.risk.result"): a.result_note} for a in actions]),
            hide_index=True, key="risk.actions")
    else:
        st.caption(t("risk.actions.none"))
    st.markdown(f"**{t('risk.reviews')}**")
    if reviews:
        st.dataframe(pd.DataFrame([{
            t("risk.col.reviewed_on"): vn_short_date(v.reviewed_on),
            t("risk.col.reviewer"): v.reviewer,
            t("risk.col.change"): f"{v.old_level} → {v.level}",
            t("field.risk.note"): v.note,
            t("field.risk.next_review"): vn_short_date(v.next_review_date)
            if v.next_review_date else ""} for v in reviews]),
            hide_index=True, key="risk.reviews")
    else:
        st.caption(t("risk.reviews.none"))
    if tasks:
        st.markdown(f"**{t('risk.links')}**\n" + "\n".join(f"- {x}" for x in tasks))

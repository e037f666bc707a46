"""The home-page dashboard tiles: a chart each, and links (with query parameters, so they can
be bookmarked and shared) to the filtered list behind every number. Read-only for every role;
a link is drawn only to a page the user's roles may open, and only for a non-zero number."""

from __future__ import annotations

from collections import Counter, OrderedDict
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from qms.audits.coverage_queries import coverage_cells
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.dashboard import figures as q
from qms.dashboard.deadlines import all_deadlines
from qms.dashboard.work_items import WorkItem
from qms.features import page_path
from qms.ui import registry

NC_PAGE, DUTY_PAGE = page_path("nonconformities"), page_path("duties")
AUDIT_PAGE, ONESTOP_PAGE = page_path("audit"), page_path("onestop")
PLAN_PAGE = page_path("plan")
VOICE_PAGE, RISK_PAGE = page_path("voice"), page_path("risks")
NEXT_COUNT = 8


def _may_open(actor: Actor, path: str) -> bool:
    return any(p.path == path and p.allows(actor.roles) for p in registry.PAGES)


def _link(actor: Actor, path: str, label: str, params: dict[str, str | int],
          key_icon: str = "➡️") -> None:
    if _may_open(actor, path):
        st.page_link(path, label=label, icon=key_icon,
                     query_params={k: str(v) for k, v in params.items()})


def _bars(labels: list[str], values: list[int], color: str) -> None:
    frame = pd.DataFrame({t("dash.count"): values}, index=labels)
    st.bar_chart(frame, horizontal=True, color=color, height=40 + 28 * len(labels),
                 sort=False)


def nc_tiles(actor: Actor, today: date) -> None:
    """NCs by status and open NCs by age: each bar's number links to the register."""
    by_status = q.nc_by_status(actor.organization_id)
    by_age = q.nc_by_age(actor.organization_id, today)
    cols = st.columns(2)
    with cols[0]:
        st.subheader(t("dash.nc.title"))
        if not sum(by_status.values()):
            st.caption(t("dash.nc.none"))
            return
        names = {s: t(f"field.nc.status.{s}") for s in by_status}
        _bars(list(names.values()), list(by_status.values()), "#c62828")
        for status, n in by_status.items():
            if n:
                _link(actor, NC_PAGE, t("dash.link", label=names[status], n=n),
                      {"status": status})
    with cols[1]:
        st.subheader(t("dash.age.title"))
        _bars([t(f"dash.age.{b}") for b in by_age], list(by_age.values()), "#ef6c00")
        for bucket, n in by_age.items():
            if n:
                _link(actor, NC_PAGE, t("dash.link", label=t(f"dash.age.{bucket}"), n=n),
                      {"age": bucket})


def _overdue_links(items: list[WorkItem]) -> list[tuple[str, str, dict[str, str | int], int]]:
    """(page, label, query, count): one link per filtered list that holds the overdue items."""
    links: OrderedDict[tuple[str, str], tuple[str, str, dict[str, str | int], int]] = \
        OrderedDict()

    def add(page: str, label: str, params: dict[str, str | int]) -> None:
        key = (page, repr(sorted(params.items())))
        old = links.get(key)
        links[key] = (page, label, params, (old[3] if old else 0) + 1)

    risks: set[str] = set()
    for item in items:
        query = item.query
        if item.kind.startswith("nc."):
            add(NC_PAGE, t("dash.overdue.nc"), {"overdue": "1"})
        elif item.kind == "duty.submit":
            add(DUTY_PAGE, t("dash.overdue.period", period=item.label.split(":")[0]),
                {"period": query["period"], "overdue": "1"})
        elif item.kind == "plan.task":
            add(PLAN_PAGE, t("dash.overdue.plan"), {"plan": query["plan"], "late": "1"})
        elif item.kind == "voice.answer":
            add(VOICE_PAGE, t("dash.overdue.voice"), {"overdue": "1"})
        elif item.kind.startswith("risk.") and query["risk"] not in risks:
            risks.add(query["risk"])  # the page lists entries: count each entry once
            add(RISK_PAGE, t("dash.overdue.risk"), {"overdue": "1"})
        elif item.kind.startswith("risk."):
            continue
        else:
            add(item.page, f"{t(f'work.kind.{item.kind}')} — {item.label[:80]}", query)
    return list(links.values())


def overdue_tile(actor: Actor, items: list[WorkItem]) -> None:
    """Overdue items by kind (a chart), and the lists that hold them."""
    st.subheader(t("dash.overdue.title"))
    overdue = [i for i in items if i.overdue]
    if not overdue:
        st.caption(t("dash.overdue.none"))
        return
    counts = Counter(i.kind for i in overdue)
    _bars([t(f"work.kind.{k}") for k in counts], list(counts.values()), "#c62828")
    for page, label, params, n in _overdue_links(overdue):
        _link(actor, page, t("dash.link", label=label, n=n), params, "🔴")


def _duty_links(actor: Actor, tile: q.DutyStatusTile) -> None:
    names = {s: t(f"field.duty.status.{s}") for s in tile.counts}
    for status, n in tile.counts.items():
        if n:
            _link(actor, DUTY_PAGE, t("dash.link", label=f"{tile.period} — {names[status]}",
                                      n=n), {"period": tile.period_id, "status": status})


def duty_tile(actor: Actor, today: date) -> None:
    """Self-inspection reports by status: the current period, then the plan's others."""
    tiles = q.duty_status(actor.organization_id, today)
    if not tiles:
        return
    current = tiles[0]
    st.subheader(t("dash.duty.title", period=current.period))
    statuses = list(current.counts)
    frame = pd.DataFrame([{"period": x.period, "status": t(f"field.duty.status.{s}"),
                           "n": x.counts[s]} for x in tiles for s in statuses])
    st.altair_chart(alt.Chart(frame).mark_bar().encode(
        y=alt.Y("period:N", title=None, sort=None),
        x=alt.X("n:Q", title=t("dash.count")),
        color=alt.Color("status:N", title=None, sort=None,
                        scale=alt.Scale(range=["#9e9e9e", "#1565c0", "#2e7d32", "#ef6c00"]))),
        width="stretch")
    _duty_links(actor, current)
    if len(tiles) > 1:
        with st.expander(t("dash.duty.others")):
            for other in tiles[1:]:
                _duty_links(actor, other)


def coverage_tile(actor: Actor, year: int) -> None:
    """Answered audit questions per clause × unit in the plan year, as a heatmap."""
    if not _may_open(actor, AUDIT_PAGE):
        return
    st.subheader(t("dash.coverage.title", year=year))
    cells = coverage_cells(actor.organization_id, year)
    if not cells:
        st.caption(t("dash.coverage.none", year=year))
        return
    unit_of = {c.unit_id: c.unit or t("dash.coverage.no_unit") for c in cells}
    frame = pd.DataFrame({
        "clause": [c.clause or "—" for c in cells], "unit": [unit_of[c.unit_id] for c in cells],
        "answered": [c.answered for c in cells], "findings": [c.findings for c in cells]})
    base = alt.Chart(frame).encode(
        x=alt.X("unit:N", title=t("dash.coverage.col.unit")),
        y=alt.Y("clause:N", title=t("dash.coverage.col.clause"), sort=None))
    cells_chart = base.mark_rect().encode(
        color=alt.Color("answered:Q", title=t("dash.coverage.answered"),
                        scale=alt.Scale(scheme="greens")),
        tooltip=[alt.Tooltip("clause:N", title=t("dash.coverage.col.clause")),
                 alt.Tooltip("unit:N", title=t("dash.coverage.col.unit")),
                 alt.Tooltip("answered:Q", title=t("dash.coverage.answered")),
                 alt.Tooltip("findings:Q", title=t("dash.coverage.findings"))])
    numbers = base.mark_text(color="#000000").encode(text="answered:Q")
    height = 40 * frame["clause"].nunique() + 140  # rows, plus the rotated unit names
    st.altair_chart(cells_chart + numbers, width="stretch", height=height)
    with st.expander(t("dash.coverage.open")):
        for c in cells:
            _link(actor, AUDIT_PAGE, t("dash.coverage.cell", clause=c.clause or "—",
                                       unit=unit_of[c.unit_id], answered=c.answered,
                                       findings=c.findings),
                  {"year": year, "clause": c.clause, "unit": c.unit_id}, "🔍")


def onestop_tile(actor: Actor) -> None:
    """The on-time rate of each reporting period against its target."""
    rates = q.onestop_rates(actor.organization_id)
    st.subheader(t("dash.onestop.title"))
    measured = [r for r in rates if r.rate is not None]
    if not measured:
        st.caption(t("dash.onestop.none"))
        return
    frame = pd.DataFrame({"period": [r.period for r in rates],
                          "rate": [r.rate for r in rates], "target": [r.target for r in rates]})
    axis = alt.X("period:N", title=t("dash.onestop.period"), sort=None)
    bars = alt.Chart(frame).mark_bar(color="#2e7d32").encode(
        x=axis, y=alt.Y("rate:Q", title=t("dash.onestop.rate"),
                        scale=alt.Scale(domain=[0, 100])))
    target = alt.Chart(frame).mark_tick(color="#c62828", thickness=3).encode(
        x=axis, y="target:Q")
    st.altair_chart(bars + target, width="stretch")
    for r in measured:
        met = (t("dash.onestop.no_target") if r.met is None else
               t("dash.onestop.met" if r.met else "dash.onestop.not_met", target=r.target_text))
        _link(actor, ONESTOP_PAGE, t("dash.onestop.link", period=r.period, rate=f"{r.rate:g}",
                                     met=met), {"period": r.period_id}, "🏢")


def next_deadlines(actor: Actor, items: list[WorkItem], today: date) -> None:
    """The nearest deadlines not yet passed; same-day items of one kind and page are shown
    once, linking to the list they share (the query parameters common to all of them)."""
    st.subheader(t("dash.next.title"))
    grouped: OrderedDict[tuple[object, ...], list[WorkItem]] = OrderedDict()
    for item in (i for i in items if not i.overdue and i.due is not None):
        grouped.setdefault((item.due, item.kind, item.page), []).append(item)
    if not grouped:
        st.caption(t("dash.next.none"))
        return
    for same in list(grouped.values())[:NEXT_COUNT]:
        first = same[0]
        common = [p for p in first.params if all(p in i.params for i in same)]
        more = f" {t('dash.next.more', n=len(same) - 1)}" if len(same) > 1 else ""
        label = (f"{vn_short_date(first.due)} · {t(f'work.kind.{first.kind}')}: "
                 f"{first.label[:90]}{more}")
        if _may_open(actor, first.page):
            st.page_link(first.page, label=label, icon="📅", query_params=dict(common))
        else:
            st.markdown(f"📅 {label}")


def dashboard(actor: Actor, today: date, year: int) -> None:
    """Every tile, in the order a leader reads them."""
    nc_tiles(actor, today)
    items = all_deadlines(actor.organization_id, today)
    cols = st.columns(2)
    with cols[0]:
        overdue_tile(actor, items)
    with cols[1]:
        duty_tile(actor, today)
    cols = st.columns(2)
    with cols[0]:
        onestop_tile(actor)
    with cols[1]:
        next_deadlines(actor, items, today)
    coverage_tile(actor, year)

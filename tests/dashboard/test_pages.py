"""The home-page dashboard in AppTest: every tile's link, opened as a bookmarked address (its
query parameters), shows exactly as many rows as the tile counts; read-only roles see it too,
with links only to the pages they may open."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from qms.core.actor import Actor
from qms.core.config import ROOT
from qms.core.i18n import t
from qms.duties.queries import periods
from qms.voice.recording import FeedbackInput, record_feedback
from tests.dashboard.helpers import demo
from tests.factories import signed_in
from tests.ui.apptest import open_page, texts

COUNT = re.compile(r": (\d+)$")
COVERAGE = re.compile(r": (\d+) câu hỏi, (\d+) phát hiện$")


@pytest.fixture
def org(db, clock) -> int:
    clock.now_value = clock.now_value.replace(month=9, day=20)
    return demo()


def _path(page: str) -> str:
    [found] = [p for p in ROOT.joinpath("pages").glob("*.py") if p.stem.split("_", 1)[1] == page]
    return f"pages/{found.name}"


def _open(page: str, query: str, who: str = "hangnt") -> AppTest:
    at = open_page(_path(page), signed_in(who).session_id, run=False)
    for key, value in parse_qsl(query, keep_blank_values=True):
        at.query_params[key] = value
    at.run()
    assert not at.exception, (page, query, at.exception)
    return at


def _table(at: AppTest, column: str) -> pd.DataFrame:
    """The first table with that column (the list a link filters comes first on its page)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _shown_rows(at: AppTest, page: str) -> int:
    if page == "khong_phu_hop":
        return len(_table(at, t("nc.col.number")))
    if page == "tu_kiem_tra":
        return len(_table(at, t("duty.col.duty")))
    if page == "cuoc_danh_gia":
        return len(_table(at, t("dash.coverage.col.question")))
    if page == "mot_cua":
        return len(_table(at, t("onestop.col.period")))
    if page == "rui_ro":
        return len(_table(at, t("risk.col.code")))
    if page == "y_kien_nguoi_dan":
        return len(_table(at, t("voice.col.received_on")))
    if page == "ke_hoach":
        return sum(len(d.value) for d in at.dataframe if t("plan.col.code") in d.value.columns)
    raise AssertionError(page)


def _tile_links(at: AppTest) -> list[tuple[str, str, int]]:
    """(page, query string, number shown) of every dashboard link that carries a count."""
    found = []
    for link in at.get("page_link"):
        p = link.proto
        match = COVERAGE.search(p.label) or COUNT.search(p.label)
        if p.query_string and match:
            found.append((p.page, p.query_string, int(match.group(1))))
    return found


def test_every_tile_link_opens_the_list_with_as_many_rows_as_the_tile_shows(org):
    at = open_page("app.py", signed_in("hangnt").session_id)
    assert not at.exception
    links = _tile_links(at)
    pages = {page for page, _, _ in links}
    assert {"khong_phu_hop", "tu_kiem_tra", "cuoc_danh_gia"} <= pages
    q3, year = [p.id for p in periods(org, date(2023, 9, 20))[0]][2:]
    assert {q for _, q, _ in links} >= {"status=new", "age=gt90", "overdue=1",
                                        f"period={q3}&overdue=1", f"period={year}&status=open"}
    for page, query, number in links:
        assert _shown_rows(_open(page, query), page) == number, (page, query)
    rates = [p.proto for p in at.get("page_link")
             if p.proto.page == "mot_cua" and p.proto.query_string]
    first, second = [p.id for p in periods(org, date(2023, 9, 20))[0]][:2]
    assert [r.query_string for r in rates] == [f"period={first}", f"period={second}"]
    for r, name in zip(rates, ("Quý I/2023", "6 tháng đầu năm 2023"), strict=True):
        shown = _table(_open("mot_cua", r.query_string), t("onestop.col.period"))
        assert list(shown[t("onestop.col.period")]) == [name]


def test_a_shared_nc_address_presets_the_register_filters(org):
    at = _open("khong_phu_hop", "status=open&overdue=1")
    assert at.selectbox(key="nc.filter.status").value == "open"
    assert at.checkbox(key="nc.filter.overdue").value is True
    assert list(_table(at, t("nc.col.number"))[t("nc.col.number")]) == ["KPH-2023-002"]
    at = _open("khong_phu_hop", "age=31-60")
    assert at.selectbox(key="nc.filter.age").value == "31-60"
    assert _table(at, t("nc.col.number")).empty


def test_the_late_filter_of_the_plan_page_follows_the_address(org, clock):
    clock.now_value = clock.now_value.replace(month=12, day=20)  # every unfinished task is late
    at = _open("ke_hoach", "late=1")
    assert at.checkbox(key="plan.filter.late").value is True
    shown = _shown_rows(at, "ke_hoach")
    home = open_page("app.py", signed_in("hangnt").session_id)
    [late] = [(q, n) for p, q, n in _tile_links(home) if p == "ke_hoach"]
    assert "late=1" in late[0] and late[1] == shown == 33


@pytest.mark.parametrize("who", ["tungbv", "bennv"])
def test_viewers_and_leaders_read_the_dashboard_without_forms(org, who):
    at = open_page("app.py", signed_in(who).session_id)
    assert not at.exception
    assert t("dash.nc.title") in texts(at) and t("dash.next.title") in texts(at)
    assert not at.get("form")
    audit_links = [p for p in at.get("page_link") if p.proto.page == "cuoc_danh_gia"]
    assert bool(audit_links) is (who == "bennv")  # the viewer may not open the audit page


@pytest.mark.parametrize(("page", "query"), [
    ("khong_phu_hop", "status=bogus&age=zzz&overdue=yes&unit=x&year=-1&clause=%3Cscript%3E"),
    ("cuoc_danh_gia", "year=abc&clause=%3Cb%3E9.9&unit=-4"),
    ("mot_cua", "period=999999"),
    ("ke_hoach", "late=maybe&area=x"),
])
def test_a_mangled_address_shows_the_unfiltered_or_an_empty_list_not_an_error(org, page, query):
    at = _open(page, query)
    assert not at.error


def test_overdue_feedback_and_risk_work_link_to_their_lists_with_as_many_rows(org, clock):
    clock.now_value = clock.now_value.replace(month=12, day=20)  # risk reviews of 15/12 are late
    record_feedback(Actor.system(org), FeedbackInput(
        date(2023, 12, 1), "phone", "Hỏi lịch tiếp công dân tháng 12"))  # due 11/12, unanswered
    at = open_page("app.py", signed_in("hangnt").session_id)
    links = {(page, query): n for page, query, n in _tile_links(at)}
    assert links[("y_kien_nguoi_dan", "overdue=1")] == 1
    assert links[("rui_ro", "overdue=1")] >= 2  # one entry per risk, however many late items
    for page in ("y_kien_nguoi_dan", "rui_ro"):
        assert _shown_rows(_open(page, "overdue=1"), page) == links[(page, "overdue=1")]

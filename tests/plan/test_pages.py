"""The plan pages in AppTest: import preview and confirm, the plan tree, the matrix."""

from __future__ import annotations

import pytest

from qms.core.i18n import t
from qms.core.roles import Role
from qms.plan.demo import load_demo_plan
from qms.plan.queries import list_plans
from tests.factories import make_org, make_unit, make_user, signed_in
from tests.plan.files import seed_text
from tests.ui.apptest import open_page, texts


@pytest.fixture
def org(db) -> int:
    org_id = make_org()
    make_unit(org_id, "Tài chính - Kế toán")
    make_user(org_id, "hangnt", Role.ISO_OFFICER)
    make_user(org_id, "quantri", Role.ADMIN)
    return org_id


def test_the_import_page_previews_then_saves_only_on_confirm(org):
    at = open_page("pages/11_nhap_ke_hoach.py", signed_in("hangnt").session_id)
    at.get("file_uploader")[0].upload("ke-hoach-2023.txt", seed_text().encode(), "text/plain")
    at.run()
    assert not at.exception
    assert at.metric[2].value == "34" and list_plans(org) == []
    at.button(key="plan_import.confirm").click().run()
    assert t("plan_import.saved", year=2023, n=1) in texts(at)
    assert [p.version_no for p in list_plans(org)] == [1]


def test_a_file_that_is_not_a_plan_is_refused_on_the_page(org):
    at = open_page("pages/11_nhap_ke_hoach.py", signed_in("hangnt").session_id)
    at.get("file_uploader")[0].upload("tin-tuc.txt", "Hôm nay trời đẹp.".encode(), "text/plain")
    at.run()
    assert at.error[0].value == t("plan.not_a_plan")
    assert list_plans(org) == []


def test_the_plan_page_shows_areas_and_opens_a_task_from_the_address(org):
    plan_id = load_demo_plan(org)
    at = open_page("pages/10_ke_hoach.py", signed_in("hangnt").session_id, run=False)
    at.run()
    assert not at.exception
    assert len([e for e in at.expander if e.label.startswith(("1.", "7."))]) >= 2
    task_ids = at.selectbox(key="plan.task").options
    assert len(task_ids) == 34 and plan_id


def test_the_matrix_page_flags_gaps_and_filters_by_area(org):
    load_demo_plan(org)
    at = open_page("pages/12_truy_vet.py", signed_in("hangnt").session_id)
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 34
    assert (table[t("trace.gap_no_evidence")] == t("trace.gap")).sum() == 32
    at.selectbox(key="trace.filter.area").select(6).run()
    assert len(at.dataframe[0].value) == 4


def test_the_evidence_register_shows_the_tasks_each_document_proves(org):
    load_demo_plan(org)
    at = open_page("pages/13_tai_lieu_kiem_chung.py", signed_in("hangnt").session_id)
    table = at.dataframe[0].value
    proves = dict(zip(table[t("field.evidence.doc_number")], table[t("evidence.tasks")],
                      strict=True))
    assert proves == {"01/BB-UBND": "2023: 1.4", "12/BC-UBND": "2023: 3.6"}
    at.text_input(key="evidence.search").input("bien ban tu kiem tra").run()
    assert list(at.dataframe[0].value[t("field.evidence.doc_number")]) == ["01/BB-UBND"]


def test_the_home_dashboard_counts_match_the_plan_and_link_to_the_filtered_area(org):
    from datetime import date

    from qms.dashboard.figures import plan_progress
    from qms.plan.queries import task_table

    plan_id = load_demo_plan(org)
    today = date(2023, 12, 31)  # the year is over: everything unfinished is late
    progress = plan_progress(org, today)
    tasks = task_table(org, plan_id, today)
    assert int(progress.by_area["total"].sum()) == len(tasks) == 34
    assert int(progress.by_area["late"].sum()) == int((tasks["status"] == "late").sum()) == 33
    assert int(progress.by_area["done"].sum()) == 1
    at = open_page("app.py", signed_in("hangnt").session_id)
    assert not at.exception
    assert t("home.plan.title", year=2023) in texts(at)
    links = [x.proto for x in at.get("page_link") if x.proto.label.startswith("6. ")]
    assert links and "area=6" in links[0].query_string
    deep = open_page("pages/10_ke_hoach.py", signed_in("hangnt").session_id, run=False)
    deep.query_params["area"] = "6"
    deep.run()
    assert deep.selectbox(key="plan.filter.area").value == 6
    assert len(deep.selectbox(key="plan.task").options) == 4

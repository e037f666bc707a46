"""The nonconformity pages in AppTest: the register and its filters, recording, the workflow
forms shown by role, "Việc của tôi", the one-stop figures, and the plan-task raise form."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from qms.core.clock import today
from qms.core.i18n import t
from qms.nonconformities import actions as ca
from qms.nonconformities.queries import NcFilter, current_prefix, register
from qms.nonconformities.recording import raise_nonconformity
from qms.onestop.queries import proposals
from qms.plan.demo import load_demo_plan
from qms.plan.queries import task_table
from qms.ui import keys
from tests.nonconformities.helpers import commune, detail, done, nc_input, planned
from tests.ui.apptest import open_page, texts

PAGE = "pages/30_khong_phu_hop.py"


def _forms(at: AppTest) -> set[str]:
    return {f.proto.form.form_id for f in at.get("form")}


def _submit(at: AppTest, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()


def _numbers(at: AppTest) -> list[str]:
    table = next(d.value for d in at.dataframe if t("nc.col.number") in d.value.columns)
    return list(table[t("nc.col.number")])


@pytest.fixture
def c(db, clock, monkeypatch):
    monkeypatch.setenv("QMS_NC_VERIFY_WAIT_DAYS", "0")
    return commune()


def test_the_register_filters_by_grade_status_source_overdue_and_year(c, clock):
    hang = c.actor("hangnt")
    raise_nonconformity(hang, "", None, nc_input(c, grade="major"))
    raise_nonconformity(hang, "", None, nc_input(c, source="external_inspection",
                                                 found_on=date(2022, 12, 20)))
    late, _ = planned(c, due=today())
    clock.advance(days=2)
    at = open_page(PAGE, c.session("hangnt"))
    assert not at.exception
    assert _numbers(at) == ["KPH-2023-002", "KPH-2023-001", "KPH-2022-001"]
    at.selectbox(key="nc.filter.grade").select("major").run()
    assert _numbers(at) == ["KPH-2023-001"]
    at.selectbox(key="nc.filter.grade").select("").run()
    at.checkbox(key="nc.filter.overdue").check().run()
    assert _numbers(at) == [detail(c, late).number]
    at.checkbox(key="nc.filter.overdue").uncheck().run()
    at.selectbox(key="nc.filter.source").select("external_inspection").run()
    assert _numbers(at) == ["KPH-2022-001"]
    at.selectbox(key="nc.filter.source").select("").run()
    at.selectbox(key="nc.filter.year").select(2022).run()
    assert _numbers(at) == ["KPH-2022-001"]
    at.selectbox(key="nc.filter.year").select(None).run()
    at.selectbox(key="nc.filter.status").select("planned").run()
    assert _numbers(at) == [detail(c, late).number]
    assert t("nc.total", total=1, overdue=1) in texts(at)


def test_recording_shows_similar_cases_then_opens_the_new_record(c):
    raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    at = open_page(PAGE, c.session("hoant"))
    at.selectbox(key="nc.new.unit").select(c.tuphap).run()
    at.selectbox(key="nc.new.clause").select("7.5.3").run()
    assert t("nc.similar.title", n=1) in texts(at)
    at.text_input(key="nc.new.title").input("Sổ hộ tịch ghi thiếu ngày cấp")
    at.text_area(key="nc.new.description").input("3 trường hợp thiếu ngày cấp trích lục.")
    at.selectbox(key="nc.new.source").select("self_inspection")
    _submit(at, "nc.new.form", t("nc.new.submit"))
    assert not at.exception and t("nc.new.done") in texts(at)
    assert at.subheader[0].value == "KPH-2023-002 — Sổ hộ tịch ghi thiếu ngày cấp"
    frame = register(c.org_id, NcFilter(), today())
    assert list(frame["clause"]) == ["7.5.3", "8.5.1"]


def test_a_viewer_sees_the_register_but_no_form(c):
    raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    at = open_page(PAGE, c.session("tungbv"))
    assert _numbers(at) == ["KPH-2023-001"]
    assert _forms(at) == set()
    assert t("nc.new.title") not in [e.label for e in at.expander]


def test_the_unit_analyses_on_the_page_another_unit_gets_no_form(c):
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    at = open_page(PAGE, c.session("minhlv"))
    assert "nc.analysis" not in _forms(at)
    at = open_page(PAGE, c.session("hoant"))
    suffix = f"{nc_id}.{detail(c, nc_id).version}"
    at.text_area(key=f"nc.analysis.correction.{suffix}").input("Trả kết quả ngay.")
    at.text_input(key=f"nc.analysis.why1.{suffix}").input("Không ai theo dõi hạn")
    at.text_area(key=f"nc.analysis.root_cause.{suffix}").input("Thiếu người thay thế.")
    at.radio(key=f"nc.analysis.similar.{suffix}").set_value(False)
    _submit(at, "nc.analysis", t("nc.analysis.submit"))
    assert not at.exception and t("nc.analysis.done") in texts(at)
    assert detail(c, nc_id).status == "analysed"
    assert {"nc.action.add", "nc.plan"} <= _forms(at)


def test_the_check_form_is_hidden_from_the_action_owner_and_closing_follows(c):
    nc_id, _ = done(c, owner="hoant")
    at = open_page(PAGE, c.session("hoant"))
    assert "nc.verify" not in _forms(at) and t("nc.verify.waiting") in texts(at)
    at = open_page(PAGE, c.session("hangnt"))
    at.text_area(key="nc.verify.note").input("Không còn hồ sơ trễ.")
    _submit(at, "nc.verify", t("nc.verify.submit"))
    assert t("nc.verify.done") in texts(at)
    assert "nc.close" in _forms(at)  # the ISO officer may close
    at = open_page(PAGE, c.session("bennv"))
    _submit(at, "nc.close", t("nc.close.button"))
    assert detail(c, nc_id).status == "closed"


def test_my_work_shows_the_owners_actions_overdue_first(c, clock):
    planned(c, owner="minhlv", due=today())
    planned(c, owner="minhlv", due=today() + timedelta(days=30))
    clock.advance(days=1)
    at = open_page("pages/05_viec_cua_toi.py", c.session("minhlv"))
    assert not at.exception
    assert [m.value for m in at.metric] == ["2", "1"]
    labels = [link.proto.label for link in at.get("page_link") if "KPH" in link.proto.label]
    assert [x[:12] for x in labels] == ["KPH-2023-001", "KPH-2023-002"]
    at = open_page("pages/05_viec_cua_toi.py", c.session("tungbv"))
    assert t("work.nothing") in texts(at)


def test_one_stop_figures_below_target_propose_and_the_officer_confirms(c):
    load_demo_plan(c.org_id)
    at = open_page("pages/31_mot_cua.py", c.session("hangnt"))
    assert not at.exception
    at.selectbox(key="onestop.form.period").select_index(1)
    for name, value in (("received", 410), ("early", 200), ("on_time", 180), ("late", 20)):
        at.number_input(key=f"onestop.form.{name}").set_value(value)
    _submit(at, "onestop.form", t("onestop.form.submit"))
    assert t("onestop.form.done") in texts(at)
    [proposal] = proposals(c.org_id, at.selectbox(key="onestop.plan").value.id)
    _submit(at, f"onestop.decide.{proposal.id}", t("onestop.decide.confirm"))
    assert t("onestop.decide.confirmed") in texts(at)
    assert list(register(c.org_id, NcFilter(), today())["source"]) == ["kpi"]


def _raise_script() -> None:
    import streamlit as st

    from qms.auth.ui.session import current_actor
    from qms.nonconformities.ui.raising import raise_form
    from qms.plan.queries import task_detail

    actor = current_actor()
    raise_form(actor, task_detail(actor.organization_id, st.session_state["test.task"]))


def test_the_plan_task_form_raises_a_nonconformity_linked_to_the_task(c):
    plan_id = load_demo_plan(c.org_id)
    tasks = task_table(c.org_id, plan_id, date(2023, 1, 1))
    task_id = int(tasks[tasks["code"] == "3.6"].iloc[0]["id"])
    at = AppTest.from_function(_raise_script, default_timeout=30)
    at.session_state[keys.SESSION_ID] = c.session("hangnt")
    at.session_state["test.task"] = task_id
    at.run()
    at.text_area(key="nc.raise.description").input("Quý I có 3 hồ sơ trễ hạn.")
    _submit(at, f"nc.raise.{task_id}", t("nc.raise.submit"))
    assert not at.exception
    [row] = register(c.org_id, NcFilter(), today()).itertuples()
    nc = detail(c, int(row.id))
    assert (nc.source, nc.source_type) == ("self_inspection", "plan_task")
    assert [code for _, _, code, _ in nc.tasks] == ["3.6"]
    at = AppTest.from_function(_raise_script, default_timeout=30)
    at.session_state[keys.SESSION_ID] = c.session("bennv")  # a leader does not record
    at.session_state["test.task"] = task_id
    at.run()
    assert not at.exception and _forms(at) == set()
    ca.cancel_nonconformity(c.actor("bennv"), nc.id, "Thử nghiệm", nc.version)


def test_the_iso_officer_sets_the_number_prefix_officers_do_not_see_it(c):
    at = open_page(PAGE, c.session("hoant"))
    assert "nc.settings" not in _forms(at)
    at = open_page(PAGE, c.session("hangnt"))
    assert at.text_input(key="nc.settings.prefix").value == "KPH"
    at.text_input(key="nc.settings.prefix").input("pyc")
    _submit(at, "nc.settings", t("action.save"))
    assert not at.exception and current_prefix(c.org_id) == "PYC"
    nc_id = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    assert detail(c, nc_id).number == "PYC-2023-001"


def test_the_planner_moves_an_actions_deadline_on_the_page_with_a_reason(c):
    nc_id, action_id = planned(c, owner="hoant")
    at = open_page(PAGE, c.session("minhlv"))
    assert "nc.reschedule" not in _forms(at)  # another unit: no form
    at = open_page(PAGE, c.session("hoant"))
    new_due = today() + timedelta(days=40)
    at.date_input(key="nc.reschedule.due").set_value(new_due)
    at.text_input(key="nc.reschedule.reason").input("Chờ hướng dẫn của huyện")
    _submit(at, "nc.reschedule", t("nc.action.reschedule.submit"))
    assert not at.exception and t("nc.action.reschedule.done") in texts(at)
    assert detail(c, nc_id).actions[0].due_date == new_due
    at = open_page(PAGE, c.session("hoant"))
    _submit(at, "nc.reschedule", t("nc.action.reschedule.submit"))  # no reason, same values
    assert detail(c, nc_id).actions[0].due_date == new_due
    assert not at.exception and at.error

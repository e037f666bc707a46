"""The citizens' voice page in AppTest: the ISO officer records a feedback, the handling
officer answers it late, one click raises the nonconformity (a second click finds it); survey
results saved through the editor; deep links; viewers see no forms."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from qms.core.i18n import t
from qms.voice.queries import feedback
from tests.ui.apptest import open_page, texts
from tests.voice.helpers import Voice, received, surveyed, voice_setup

PAGE = "pages/32_y_kien_nguoi_dan.py"


@pytest.fixture
def v(db, clock) -> Voice:
    return voice_setup()


def _submit(at: AppTest, form: str, label: str) -> AppTest:
    return at.button(key=f"FormSubmitter:{form}-{label}").click().run()


def test_a_feedback_is_recorded_answered_late_and_raises_one_nonconformity(v, clock):
    at = open_page(PAGE, v.c.session("hangnt"))
    assert not at.exception and t("voice.fb.none") in texts(at)
    at.date_input(key="voice.fb.new.received_on").set_value(date(2023, 2, 10))
    at.selectbox(key="voice.fb.new.channel").set_value("phone")
    at.text_input(key="voice.fb.new.subject").input("Chưa nhận được kết quả hộ tịch")
    at.selectbox(key="voice.fb.new.unit").set_value(v.c.tuphap)
    _submit(at, "voice.fb.new", t("voice.fb.new.submit"))
    assert not at.exception and t("voice.fb.new.done") in texts(at)
    [row] = feedback(v.c.org_id, date(2023, 3, 1))
    assert (row.channel, row.due_on, row.state) == ("phone", date(2023, 2, 20), "overdue")

    at = open_page(PAGE, v.c.session("hoant"))
    form = f"voice.fb.answer.{row.id}"
    at.date_input(key=f"voice.fb.answer.on.{row.id}").set_value(date(2023, 2, 9))
    at.text_area(key=f"voice.fb.answer.text.{row.id}").input("Đã trả kết quả cho công dân.")
    _submit(at, form, t("voice.fb.answer.submit"))
    assert t("voice.answered_before_received", "vi") in texts(at)  # refused, nothing lost
    assert at.text_area(key=f"voice.fb.answer.text.{row.id}").value == \
        "Đã trả kết quả cho công dân."
    at.date_input(key=f"voice.fb.answer.on.{row.id}").set_value(date(2023, 2, 22))
    _submit(at, form, t("voice.fb.answer.submit"))
    assert t("voice.fb.answer.done") in texts(at)
    assert feedback(v.c.org_id, date(2023, 3, 1))[0].state == "answered_late"

    at.button(key=f"voice.nc.citizen_feedback.{row.id}").click().run()
    number = feedback(v.c.org_id, date(2023, 3, 1))[0].nc_number
    assert number and t("voice.nc.created", number=number) in texts(at)
    at.button(key=f"voice.nc.citizen_feedback.{row.id}").click().run()
    assert t("voice.nc.exists", number=number) in texts(at)
    assert feedback(v.c.org_id, date(2023, 3, 1))[0].nc_number == number


def test_survey_results_are_saved_from_the_editor_and_a_bad_count_is_refused(v):
    at = open_page(PAGE, v.c.session("hangnt"), run=False)
    at.query_params["period"] = str(v.periods[1])
    at.run()
    assert at.selectbox(key="voice.sat.period").value == v.periods[1]
    editor = f"voice.sat.editor.{v.periods[1]}"
    form = f"voice.sat.form.{v.periods[1]}"
    at.session_state[editor] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [
        {"criterion": "Thái độ phục vụ", "responses": 50, "satisfied": 60}]}
    _submit(at, form, t("voice.sat.form.submit"))
    assert not at.exception
    assert "Số ý kiến hài lòng (60) không được lớn hơn số ý kiến (50)." in texts(at)
    at.session_state[editor] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [
        {"criterion": "Thái độ phục vụ", "responses": 50, "satisfied": 40}]}
    _submit(at, form, t("voice.sat.form.submit"))
    assert t("voice.sat.form.done") in texts(at)
    assert len(at.get("vega_lite_chart")) == 1  # share against target, one period
    [criterion] = v.survey(2).criteria
    assert (criterion.share, criterion.below) == (80.0, True)
    at.button(key=f"voice.nc.satisfaction_criterion.{criterion.id}").click().run()
    number = v.survey(2).criteria[0].nc_number
    assert t("voice.nc.created", number=number) in texts(at)
    links = {(link.proto.label, link.proto.page) for link in at.get("page_link")}
    assert any(label == t("voice.nc.open", number=number) for label, _ in links)


def test_the_overdue_deep_link_filters_and_a_viewer_sees_no_forms(v):
    surveyed(v)
    late = received(v, date(2023, 2, 1), subject="Quá hạn")
    received(v, date(2023, 2, 25), subject="Trong hạn")
    at = open_page(PAGE, v.c.session("tungbv"), run=False)
    at.query_params["overdue"] = "1"
    at.run()
    assert not at.exception and at.checkbox(key="voice.fb.filter.overdue").value is True
    table = at.dataframe[-1].value  # the register (after the survey table)
    assert list(table[t("field.voice.subject")]) == ["Quá hạn"]
    assert {f.proto.form.form_id for f in at.get("form")} == set()
    assert not [b for b in at.button if b.key and b.key.startswith("voice.nc.")]
    at = open_page(PAGE, v.c.session("hoant"), run=False)
    at.query_params["feedback"] = str(late)  # the link of "Việc của tôi"
    at.run()
    assert at.selectbox(key="voice.fb.pick").value == late
    assert f"voice.fb.answer.{late}" in {f.proto.form.form_id for f in at.get("form")}

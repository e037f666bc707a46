"""The pages "Báo cáo định kỳ" and "Xem xét của lãnh đạo" in AppTest: a deep link to a period,
the narratives form and its conflict message, a review walked from draft to held with a
decision, and the owner reporting the action from the link of "Việc của tôi"."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from qms.core.i18n import t
from qms.review.period_queries import narratives
from qms.review.period_reports import NarrativeInput, save_narratives
from tests.review.helpers import detail, held_review, new_review, planned_commune
from tests.ui.apptest import open_page, texts

REPORT, REVIEW = "pages/16_bao_cao_dinh_ky.py", "pages/50_xem_xet_lanh_dao.py"


def _submit(at: AppTest, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()


@pytest.fixture
def p(db, clock):
    clock.now_value = clock.now_value.replace(year=2023, month=12, day=20)
    return planned_commune()


def test_a_period_link_opens_its_report_and_the_officer_saves_the_narratives(p):
    period = p.periods[2]
    at = open_page(REPORT, p.c.session("hangnt"), run=False)
    at.query_params["period"] = str(period.id)
    at.run()
    assert not at.exception
    assert at.selectbox(key="report.period").value.id == period.id
    assert "Kết quả thực hiện nhiệm vụ theo lĩnh vực" in texts(at)
    at.text_area(key="report.form.general_assessment").input("Quý III hoàn thành tốt.")
    at.text_input(key="report.form.number").input("45/BC-UBND")
    _submit(at, "report.form", t("report.form.submit"))
    assert not at.exception
    assert t("report.form.saved") in texts(at)
    saved = narratives(p.org_id, period.id)
    assert saved.general_assessment == "Quý III hoàn thành tốt." and saved.number == "45/BC-UBND"


def test_a_stale_narratives_form_shows_the_conflict_and_viewers_get_no_form(p):
    period = p.periods[0]
    at = open_page(REPORT, p.c.session("hangnt"))
    save_narratives(p.c.actor("hangnt"), period.id, NarrativeInput("Khác", "", ""), 0)
    at.text_area(key="report.form.difficulties").input("Còn chậm.")
    _submit(at, "report.form", t("report.form.submit"))
    [error] = [e.value for e in at.error]
    assert "Nguyễn Thị Hằng" in error and "phiên bản hiện tại: 1" in error  # who saved meanwhile
    assert narratives(p.org_id, period.id).difficulties == ""  # nothing overwritten
    viewer = open_page(REPORT, p.c.session("tungbv"))
    assert not viewer.exception and not viewer.get("form")


def test_the_officer_prepares_holds_and_decides_then_the_chairman_approves(p):
    review_id = new_review(p.c)
    at = open_page(REVIEW, p.c.session("hangnt"))
    assert not at.exception
    assert t("review.inputs_live") in texts(at)
    _submit(at, "review.hold", t("review.hold.submit"))
    assert t("review.hold.done") in texts(at)
    assert detail(p.c, review_id).status == "held"
    at.text_area(key="review.conclude.conclusion").input("Hệ thống phù hợp, có hiệu lực.")
    _submit(at, "review.conclude", t("review.conclude.submit"))
    assert t("review.conclude.done") in texts(at)
    assert detail(p.c, review_id).conclusion == "Hệ thống phù hợp, có hiệu lực."
    at.text_area(key="review.decide.text").input("Rà soát quy trình chứng thực.")
    at.selectbox(key="review.decide.owner").select(p.c.users["hoant"])
    _submit(at, "review.decide", t("review.decide.submit"))
    assert not at.exception and t("review.decide.done") in texts(at)
    assert [a.text for a in detail(p.c, review_id).actions] == ["Rà soát quy trình chứng thực."]
    assert "review.approve" not in {f.proto.form.form_id for f in at.get("form")}
    chairman = open_page(REVIEW, p.c.session("bennv"))
    _submit(chairman, "review.approve", t("review.approve.submit"))
    assert detail(p.c, review_id).status == "approved"


def test_the_owner_reports_the_action_done_from_the_link_of_my_work(p):
    from qms.review import recording as mr

    review_id = held_review(p.c)
    action_id = mr.add_decision(p.c.actor("hangnt"), review_id, mr.DecisionForm(
        "Cập nhật Mục tiêu chất lượng.", p.c.users["hoant"], date(2024, 1, 31)))
    mine = open_page("pages/05_viec_cua_toi.py", p.c.session("hoant"))
    assert t("work.kind.review.action") in texts(mine)
    at = open_page(REVIEW, p.c.session("hoant"), run=False)
    at.query_params["review"] = str(review_id)
    at.query_params["action"] = str(action_id)
    at.run()
    assert not at.exception and t("review.inputs_frozen") in texts(at)
    at.selectbox(key=f"review.action.{action_id}.status").select("done")
    at.text_area(key=f"review.action.{action_id}.note").input("Đã ban hành Mục tiêu 2024.")
    _submit(at, f"review.action.{action_id}", t("review.action.submit"))
    assert not at.exception and t("review.action.done") in texts(at)
    assert detail(p.c, review_id).actions[0].status == "done"


def _forms(at: AppTest) -> set[str]:
    return {f.proto.form.form_id for f in at.get("form")}


def test_the_officer_edits_a_draft_review_and_the_form_reloads_the_saved_version(p):
    review_id = new_review(p.c)
    before = detail(p.c, review_id)
    at = open_page(REVIEW, p.c.session("hangnt"))
    k = f"review.edit.{review_id}.{before.version}"
    assert not at.exception and k in _forms(at)
    assert at.text_input(key=f"{k}.title").value == before.title  # prefilled
    assert at.selectbox(key=f"{k}.chair").value == p.c.users["bennv"]
    at.text_input(key=f"{k}.title").input("Xem xét của lãnh đạo năm 2023 (lần 2)")
    at.date_input(key=f"{k}.meeting_date").set_value(date(2023, 12, 28))
    at.text_input(key=f"{k}.place").input("Phòng họp số 2")
    at.selectbox(key=f"{k}.secretary").select(p.c.users["hoant"])
    at.text_area(key=f"{k}.participants").input("Ông Nguyễn Văn Bền — Chủ tịch UBND xã")
    _submit(at, k, t("review.edit.submit"))
    assert not at.exception and t("review.edit.done") in texts(at)
    after = detail(p.c, review_id)
    assert (after.title, after.meeting_date, after.place, after.secretary_id, after.participants) \
        == ("Xem xét của lãnh đạo năm 2023 (lần 2)", date(2023, 12, 28), "Phòng họp số 2",
            p.c.users["hoant"], ("Ông Nguyễn Văn Bền — Chủ tịch UBND xã",))
    fresh = f"review.edit.{review_id}.{after.version}"
    assert after.version != before.version and fresh in _forms(at)
    assert at.text_input(key=f"{fresh}.place").value == "Phòng họp số 2"


def test_a_refused_edit_shows_why_and_keeps_what_was_typed(p):
    review_id = new_review(p.c)
    version = detail(p.c, review_id).version
    at = open_page(REVIEW, p.c.session("hangnt"))
    k = f"review.edit.{review_id}.{version}"
    at.text_input(key=f"{k}.place").input("Phòng họp số 2")
    at.date_input(key=f"{k}.window_end").set_value(date(2022, 1, 1))  # before the start
    _submit(at, k, t("review.edit.submit"))
    assert [e.value for e in at.error] == [t("review.bad_window")]
    assert at.text_input(key=f"{k}.place").value == "Phòng họp số 2"
    assert detail(p.c, review_id).place == "Hội trường UBND xã"
    at.date_input(key=f"{k}.window_end").set_value(date(2023, 12, 9))
    _submit(at, k, t("review.edit.submit"))  # corrected: the same form saves
    assert t("review.edit.done") in texts(at)
    assert detail(p.c, review_id).place == "Phòng họp số 2"


def test_a_stale_edit_is_refused_and_overwrites_nothing(p):
    from qms.review import recording as mr

    review_id = new_review(p.c)
    seen = detail(p.c, review_id)
    at = open_page(REVIEW, p.c.session("hangnt"))
    # Meanwhile, in another tab, the secretary moves the meeting.
    mr.update_review(p.c.actor("hangnt"), review_id, mr.ReviewForm(
        seen.title, seen.meeting_date, seen.window_start, seen.window_end, "Nhà văn hoá xã",
        seen.chair_id, seen.secretary_id, seen.participants), seen.version)
    k = f"review.edit.{review_id}.{seen.version}"
    at.text_input(key=f"{k}.place").input("Phòng họp số 2")
    _submit(at, k, t("review.edit.submit"))
    [error] = [e.value for e in at.error]
    assert "phiên bản hiện tại" in error and "Nguyễn Thị Hằng" in error
    assert at.text_input(key=f"{k}.place").value == "Phòng họp số 2"  # still on screen
    assert detail(p.c, review_id).place == "Nhà văn hoá xã"


def test_editing_a_review_whose_chair_was_disabled_keeps_the_chair(p):
    from qms.auth.users import set_active
    from qms.core.actor import Actor

    review_id = new_review(p.c)
    set_active(Actor.system(p.org_id), p.c.users["bennv"], False)
    seen = detail(p.c, review_id)
    at = open_page(REVIEW, p.c.session("hangnt"))
    k = f"review.edit.{review_id}.{seen.version}"
    assert at.selectbox(key=f"{k}.chair").value == p.c.users["bennv"]
    at.text_input(key=f"{k}.place").input("Phòng họp số 2")
    _submit(at, k, t("review.edit.submit"))
    after = detail(p.c, review_id)
    assert (after.place, after.chair_id) == ("Phòng họp số 2", p.c.users["bennv"])


def test_no_edit_form_for_a_viewer_nor_once_the_review_is_held(p):
    new_review(p.c)
    viewer = open_page(REVIEW, p.c.session("tungbv"))
    assert not viewer.exception and t("review.inputs_live") in texts(viewer)
    assert not any(f.startswith("review.edit.") for f in _forms(viewer))
    held = held_review(p.c, meeting=date(2023, 12, 18))
    at = open_page(REVIEW, p.c.session("hangnt"), run=False)
    at.query_params["review"] = str(held)
    at.run()
    assert not at.exception and t("review.inputs_frozen") in texts(at)
    assert not any(f.startswith("review.edit.") for f in _forms(at))

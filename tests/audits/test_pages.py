"""The internal-audit pages in AppTest: autosave, conflicts, planning, checklist tools, bank."""

from __future__ import annotations

from datetime import date

import pytest

from qms.audits import answers as audit_answers
from qms.audits import programme as audits
from qms.audits import queries as q
from qms.audits.answers import AnswerInput
from qms.audits.programme import AuditInput
from qms.audits.ui.fill import key
from qms.core.i18n import t
from tests.audits.helpers import planned, started, world
from tests.ui.apptest import open_page, texts

FILL = "pages/42_bang_cau_hoi.py"


@pytest.fixture
def w(db, tmp_path):
    return world(tmp_path / "procedures")


def test_an_answer_is_saved_as_entered_and_a_new_session_shows_it(w):
    audit_id = started(w)
    mine = q.checklist(w.c.org_id, audit_id, auditor_id=w.lead_id)
    at = open_page(FILL, w.lead.session_id)
    assert not at.exception
    at.radio(key=key(mine[0].id, "result")).set_value("minor").run()
    at.text_area(key=key(mine[0].id, "note")).input("Sổ chưa ký nhận").run()
    assert not at.exception
    again = open_page(FILL, w.lead.session_id)  # the tab was closed: a fresh session
    assert again.radio(key=key(mine[0].id, "result")).value == "minor"
    assert again.text_area(key=key(mine[0].id, "note")).value == "Sổ chưa ký nhận"
    assert t("audit.fill.progress", done=1, total=len(mine)) in str(again.get("progress")[0].proto)


def test_the_filling_page_shows_only_my_questions_and_filters_unanswered(w):
    audit_id = started(w)
    mine = q.checklist(w.c.org_id, audit_id, auditor_id=w.second_id)
    audit_answers.record_answer(w.second, mine[0].id, AnswerInput("conform"), mine[0].version)
    at = open_page(FILL, w.second.session_id)
    radios = {r.key for r in at.radio}
    assert radios == {key(i.id, "result") for i in mine}
    at.toggle(key="audit.fill.only_unanswered").set_value(True).run()
    assert {r.key for r in at.radio} == {key(i.id, "result") for i in mine[1:]}


def test_a_stale_answer_on_the_page_shows_what_the_other_auditor_saved(w):
    audit_id = started(w)
    item = q.checklist(w.c.org_id, audit_id, auditor_id=w.lead_id)[0]
    at = open_page(FILL, w.lead.session_id)
    # Meanwhile the same auditor, on a tablet, saves another answer to the same question.
    audit_answers.record_answer(w.lead, item.id, AnswerInput("conform", "Sổ công văn đến"),
                                item.version)
    at.radio(key=key(item.id, "result")).set_value("major").run()
    assert "Sổ công văn đến" in texts(at)
    [saved] = [i for i in q.checklist(w.c.org_id, audit_id) if i.id == item.id]
    assert saved.result == "conform"
    assert at.radio(key=key(item.id, "result")).value == "conform"


def test_the_lead_generates_assigns_and_starts_on_the_audit_page(w):
    audit_id = planned(w)
    at = open_page("pages/41_cuoc_danh_gia.py", w.lead.session_id)
    assert not at.exception
    at.button(key="audit.checklist.generate").click().run()
    items = q.checklist(w.c.org_id, audit_id)
    assert items and at.dataframe[0].value.shape[0] == len(items)
    at.text_area(key=f"audit.edit.{items[0].id}.question").input("Sổ theo dõi có đủ không?")
    at.button(key=f"FormSubmitter:audit.edit.form.{items[0].id}-" + t("audit.edit.save")).click()
    at.run()
    assert q.checklist(w.c.org_id, audit_id)[0].question == "Sổ theo dõi có đủ không?"
    at.multiselect(key="audit.assign.items").set_value([i.id for i in items])
    at.selectbox(key="audit.assign.auditor").set_value(w.second_id)
    at.button(key="FormSubmitter:audit.assign.form-" + t("audit.assign.submit")).click().run()
    assert {i.auditor_id for i in q.checklist(w.c.org_id, audit_id)} == {w.second_id}
    at.button(key="audit.start").click().run()
    assert q.get_audit(w.c.org_id, audit_id).status == "in_progress"  # type: ignore[union-attr]


def test_the_programme_page_shows_coverage_gaps_and_refuses_a_dependent_auditor(w):
    planned(w)
    at = open_page("pages/40_chuong_trinh_danh_gia.py", w.iso.session_id, run=False)
    at.run()
    at.selectbox(key="audit.programme.year").set_value(2023).run()
    assert not at.exception
    cov = at.dataframe[1].value
    assert cov.loc["7.5.3", "Tư pháp - Hộ tịch"] == 1 and cov.loc["8.5.1", "Tư pháp - Hộ tịch"] == 0
    assert any("Tài chính - Kế toán" in str(x.value) for x in at.warning)
    at.text_input(key="audit.plan.title").input("Đánh giá Tư pháp")
    at.multiselect(key="audit.plan.units").set_value([w.c.unit_id])
    at.selectbox(key="audit.plan.lead").set_value(w.insider_id)
    at.button(key="FormSubmitter:audit.plan.form-" + t("audit.plan.submit")).click().run()
    assert "Người dùng thaonv" in " ".join(str(e.value) for e in at.error)


def test_the_bank_editor_saves_an_edited_question(w):
    at = open_page("pages/43_ngan_hang_cau_hoi.py", w.iso.session_id)
    assert not at.exception
    rows = q.bank_rows(w.c.org_id)
    at.session_state["audit.bank.editor"] = {
        "edited_rows": {0: {"question": "Câu hỏi đã sửa?"}}, "added_rows": [],
        "deleted_rows": []}
    at.run()
    at.button(key="audit.bank.save").click().run()
    assert not at.exception
    [first] = [r for r in q.bank_rows(w.c.org_id) if r["id"] == rows[0]["id"]]
    assert first["question"] == "Câu hỏi đã sửa?"


AUDIT = "pages/41_cuoc_danh_gia.py"


def _forms(at) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.proto.form.form_id for f in at.get("form")}


def _save_plan(at, form: str) -> None:  # type: ignore[no-untyped-def]
    at.button(key=f"FormSubmitter:{form}-" + t("audit.plan.edit.submit")).click().run()


def test_the_officer_edits_a_planned_audit_and_the_form_reloads_the_saved_version(w):
    audit_id = planned(w)
    before = q.get_audit(w.c.org_id, audit_id)
    assert before is not None
    at = open_page(AUDIT, w.iso.session_id)
    k = f"audit.plan.edit.{audit_id}.{before.version}"
    assert not at.exception and k in _forms(at)
    assert at.text_input(key=f"{k}.title").value == before.title  # prefilled
    assert at.multiselect(key=f"{k}.units").value == [w.c.unit_id]
    assert at.selectbox(key=f"{k}.lead").value == w.lead_id
    assert at.multiselect(key=f"{k}.team").value == [w.second_id]
    at.text_input(key=f"{k}.title").input("Đánh giá nội bộ Tư pháp - Hộ tịch")
    at.multiselect(key=f"{k}.clauses").set_value(["7.5.3", "8.5.1"])
    at.multiselect(key=f"{k}.team").set_value([])
    at.date_input(key=f"{k}.start").set_value(date(2023, 6, 12))
    at.date_input(key=f"{k}.end").set_value(date(2023, 6, 13))
    _save_plan(at, k)
    assert not at.exception and t("audit.plan.edit.saved") in texts(at)
    after = q.get_audit(w.c.org_id, audit_id)
    assert after is not None
    assert (after.title, after.clause_codes, after.team_ids, after.start_date, after.end_date,
            after.unit_ids, after.document_ids, after.plan_task_ids) == (
        "Đánh giá nội bộ Tư pháp - Hộ tịch", ("7.5.3", "8.5.1"), (), date(2023, 6, 12),
        date(2023, 6, 13), before.unit_ids, before.document_ids, before.plan_task_ids)
    fresh = f"audit.plan.edit.{audit_id}.{after.version}"
    assert after.version != before.version and fresh in _forms(at)
    assert at.multiselect(key=f"{fresh}.clauses").value == ["7.5.3", "8.5.1"]


def test_a_refused_plan_edit_shows_why_and_keeps_what_was_typed(w):
    audit_id = planned(w)
    version = q.get_audit(w.c.org_id, audit_id).version  # type: ignore[union-attr]
    at = open_page(AUDIT, w.iso.session_id)
    k = f"audit.plan.edit.{audit_id}.{version}"
    at.text_input(key=f"{k}.title").input("Đánh giá lại")
    at.date_input(key=f"{k}.start").set_value(date(2023, 6, 12))
    at.date_input(key=f"{k}.end").set_value(date(2023, 6, 1))
    _save_plan(at, k)
    assert [e.value for e in at.error] == [t("audit.bad_dates")]
    assert at.text_input(key=f"{k}.title").value == "Đánh giá lại"
    unchanged = q.get_audit(w.c.org_id, audit_id)
    assert unchanged is not None and unchanged.title == "Đánh giá nội bộ lần 1 năm 2023"


def test_a_stale_plan_edit_is_refused_and_overwrites_nothing(w):
    audit_id = planned(w)
    seen = q.get_audit(w.c.org_id, audit_id)
    assert seen is not None
    at = open_page(AUDIT, w.iso.session_id)
    # Meanwhile, in another tab, the officer moves the audit's dates.
    audits.update_plan(w.iso, audit_id, AuditInput(
        seen.title, w.lead_id, unit_ids=seen.unit_ids, document_ids=seen.document_ids,
        clause_codes=seen.clause_codes, plan_task_ids=seen.plan_task_ids,
        team_ids=seen.team_ids, criteria=seen.criteria, start_date=date(2023, 9, 4)),
        seen.version)
    k = f"audit.plan.edit.{audit_id}.{seen.version}"
    at.text_input(key=f"{k}.title").input("Đánh giá lại")
    _save_plan(at, k)
    [error] = [e.value for e in at.error]
    assert "phiên bản hiện tại" in error and "Nguyễn Thị Hằng" in error
    assert at.text_input(key=f"{k}.title").value == "Đánh giá lại"  # still on screen
    after = q.get_audit(w.c.org_id, audit_id)
    assert after is not None
    assert (after.title, after.start_date) == (seen.title, date(2023, 9, 4))


def test_a_plan_holding_a_unit_and_auditor_no_longer_active_opens_and_keeps_them(w):
    from qms.auth.organizations import update_unit
    from qms.auth.users import set_active

    audit_id = planned(w)
    update_unit(w.c.system, w.c.unit_id, "Tư pháp - Hộ tịch", False)
    set_active(w.c.system, w.second_id, False)
    version = q.get_audit(w.c.org_id, audit_id).version  # type: ignore[union-attr]
    at = open_page(AUDIT, w.iso.session_id)
    k = f"audit.plan.edit.{audit_id}.{version}"
    assert not at.exception
    assert at.multiselect(key=f"{k}.units").value == [w.c.unit_id]
    assert "Tư pháp - Hộ tịch" in at.multiselect(key=f"{k}.units").options
    assert at.multiselect(key=f"{k}.team").value == [w.second_id]
    at.text_input(key=f"{k}.title").input("Đánh giá lại")
    _save_plan(at, k)
    after = q.get_audit(w.c.org_id, audit_id)
    assert after is not None and after.title == "Đánh giá lại"
    assert (after.unit_ids, after.team_ids) == ((w.c.unit_id,), (w.second_id,))


def test_no_plan_edit_for_the_lead_auditor_nor_a_leader(w):
    planned(w)
    for actor in (w.lead, w.c.actor("bennv")):
        at = open_page(AUDIT, actor.session_id)
        assert not at.exception and at.get("tab")  # the audit is shown
        assert not any(f.startswith("audit.plan.edit.") for f in _forms(at))


def test_no_plan_edit_once_the_audit_started(w):
    started(w)
    at = open_page(AUDIT, w.iso.session_id)
    assert not at.exception and t("audit.status.in_progress") in texts(at)
    assert not any(f.startswith("audit.plan.edit.") for f in _forms(at))

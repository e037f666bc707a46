"""Management review (ISO 9.3): inputs compiled for the window, frozen when held; assessments
and conclusion; decisions tracked as actions in "Việc của tôi"; approval by the chairman;
the minutes PDF; the dashboard's deadlines; the CLI kind."""

from __future__ import annotations

from datetime import date

import pytest

from qms import cli
from qms.core.clock import today
from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.dashboard.my_work import my_work
from qms.nonconformities.recording import raise_nonconformity
from qms.nonconformities.report_queries import org_header
from qms.onestop.recording import record_figures
from qms.onestop.rules import Figures
from qms.review import recording as mr
from qms.review.queries import review_deadlines
from qms.review.report import minutes_pdf
from tests.nonconformities.helpers import nc_input
from tests.reports.pdftext import page_texts
from tests.review.helpers import detail, held_review, new_review, planned_commune


@pytest.fixture
def p(db, clock):
    clock.now_value = clock.now_value.replace(year=2023, month=12, day=20)
    return planned_commune()


def _keys(review) -> list[str]:
    return [i.section.key for i in review.inputs]


def test_the_inputs_of_a_known_year_are_compiled_in_the_order_of_clause_9_3_2(p):
    year = p.periods[3]
    record_figures(p.c.actor("hangnt"), year.id, Figures(1600, 900, 680, 20, 20))
    raise_nonconformity(p.c.actor("hangnt"), "", None, nc_input(p.c, found_on=date(2023, 5, 4)))
    p.finish("1.1", date(2023, 2, 1))
    review = detail(p.c, new_review(p.c))
    assert review.status == "draft" and all(i.id is None for i in review.inputs)
    assert _keys(review) == ["context", "targets", "plan_progress", "onestop", "nonconformities",
                             "duties", "resources"]
    figures = {i.section.key: i.section.figures for i in review.inputs}
    assert figures["plan_progress"]["done"] == 2  # 1.1 here and 1.4, done in the demo plan
    assert figures["nonconformities"]["opened"] == 1
    assert figures["onestop"]["received"] == 1600 and figures["onestop"]["late"] == 20


def test_risks_and_opportunities_come_in_as_input_9_3_2_e_before_documents(p):
    from qms.risks import recording as risks
    from tests.risks.helpers import civil_status_risk

    p.finish("1.1", date(2023, 2, 1))
    risks.create_risk(p.c.actor("hangnt"), civil_status_risk(p.c), on=date(2023, 3, 1))
    review = detail(p.c, new_review(p.c))
    assert _keys(review)[-3:] == ["duties", "resources", "risks"]  # no document changed
    [section] = [i.section for i in review.inputs if i.section.key == "risks"]
    assert section.figures["total"] == 1


def test_the_snapshot_taken_when_held_never_changes_with_later_data(p):
    hang = p.c.actor("hangnt")
    raise_nonconformity(hang, "", None, nc_input(p.c, found_on=date(2023, 5, 4)))
    review_id = held_review(p.c)
    before = detail(p.c, review_id)
    assert before.status == "held" and all(i.id is not None for i in before.inputs)
    raise_nonconformity(hang, "", None, nc_input(p.c, found_on=date(2023, 6, 1)))
    record_figures(hang, p.periods[3].id, Figures(10, 5, 5, 0, 0))
    p.finish("2.1", date(2023, 7, 1))
    after = detail(p.c, review_id)
    assert [i.section for i in after.inputs] == [i.section for i in before.inputs]
    assert next(i for i in after.inputs if i.section.key == "nonconformities") \
        .section.figures["opened"] == 1
    live = detail(p.c, new_review(p.c))
    assert next(i for i in live.inputs if i.section.key == "nonconformities") \
        .section.figures["opened"] == 2
    with pytest.raises(Conflict):
        mr.hold_review(hang, review_id, after.version)  # held once


def test_assessments_conclusion_and_approval_follow_the_status(p):
    hang, ben = p.c.actor("hangnt"), p.c.actor("bennv")
    review_id = new_review(p.c)
    with pytest.raises(Conflict):
        mr.approve_review(ben, review_id, detail(p.c, review_id).version)  # not held yet
    mr.hold_review(hang, review_id, detail(p.c, review_id).version)
    review = detail(p.c, review_id)
    first = review.inputs[0]
    version = mr.record_conclusions(hang, review_id, {first.id: "Đạt yêu cầu."},
                                    "Hệ thống phù hợp, có hiệu lực.", review.version)
    with pytest.raises(Conflict):
        mr.record_conclusions(hang, review_id, {}, "Bản cũ", review.version)
    with pytest.raises(PermissionDenied):
        mr.approve_review(hang, review_id, version)  # the ISO officer does not approve
    mr.approve_review(ben, review_id, version)
    approved = detail(p.c, review_id)
    assert approved.status == "approved" and approved.inputs[0].assessment == "Đạt yêu cầu."
    with pytest.raises(Conflict):
        mr.add_decision(hang, review_id, mr.DecisionForm("Muộn", p.c.users["hoant"],
                                                          date(2024, 1, 31)))


def test_decisions_become_actions_in_my_work_of_their_owner_until_done(p, clock):
    hang, hoa = p.c.actor("hangnt"), p.c.actor("hoant")
    review_id = held_review(p.c)
    action_id = mr.add_decision(hang, review_id, mr.DecisionForm(
        "Cập nhật Mục tiêu chất lượng năm 2024.", p.c.users["hoant"], date(2024, 1, 31)))
    [item] = [i for i in my_work(hoa, today()) if i.kind == "review.action"]
    assert item.label == "Cập nhật Mục tiêu chất lượng năm 2024." and not item.overdue
    assert item.query == {"review": str(review_id), "action": str(action_id)}
    assert not [i for i in my_work(p.c.actor("minhlv"), today()) if i.kind == "review.action"]
    assert [i.overdue for i in my_work(hoa, date(2024, 2, 1)) if i.kind == "review.action"] \
        == [True]
    version = detail(p.c, review_id).actions[0].version
    with pytest.raises(PermissionDenied):
        mr.update_review_action(p.c.actor("minhlv"), action_id, mr.ActionUpdate(
            "done", "Đã làm.", today()), version)
    with pytest.raises(ValidationFailed):
        mr.update_review_action(hoa, action_id, mr.ActionUpdate("done", "", today()), version)
    mr.update_review_action(hoa, action_id, mr.ActionUpdate("done", "Đã ban hành.", today()),
                            version)
    assert not [i for i in my_work(hoa, today()) if i.kind == "review.action"]
    assert detail(p.c, review_id).actions[0].done_note == "Đã ban hành."


def test_decisions_are_refused_before_the_meeting_and_for_people_of_another_commune(p):
    review_id = held_review(p.c)
    with pytest.raises(ValidationFailed):
        mr.add_decision(p.c.actor("hangnt"), review_id, mr.DecisionForm(
            "Sớm", p.c.users["hoant"], date(2023, 12, 1)))
    with pytest.raises(ValidationFailed):
        mr.add_decision(p.c.actor("hangnt"), review_id, mr.DecisionForm(
            "Lạ", 999999, date(2024, 1, 31)))
    with pytest.raises(PermissionDenied):
        mr.create_review(p.c.actor("hoant"), mr.ReviewForm(
            "Họp", date(2023, 12, 15), date(2023, 1, 1), date(2023, 12, 9)))


def test_the_minutes_read_back_with_participants_inputs_decisions_and_signatures(p):
    hang = p.c.actor("hangnt")
    raise_nonconformity(hang, "", None, nc_input(p.c, found_on=date(2023, 5, 4)))
    review_id = held_review(p.c)
    review = detail(p.c, review_id)
    mr.record_conclusions(hang, review_id, {i.id: f"Kết luận {i.section.key}."
                                            for i in review.inputs},
                          "Hệ thống quản lý chất lượng phù hợp.", review.version)
    mr.add_decision(hang, review_id, mr.DecisionForm(
        "Rà soát quy trình chứng thực.", p.c.users["hoant"], date(2024, 2, 29)))
    pages = page_texts(minutes_pdf(org_header(p.org_id), detail(p.c, review_id)))
    text = " ".join(" ".join(pages).split())
    for expected in ("BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO", "/BB-UBND",
                     "Nam Trung, ngày 15 tháng 12 năm 2023", "Bà Nguyễn Thị Hằng — Thư ký ISO",
                     "Sự không phù hợp và hành động khắc phục", "Kết luận nonconformities.",
                     "Hệ thống quản lý chất lượng phù hợp.", "Rà soát quy trình chứng thực.",
                     "Nguyễn Thị Hoa", "29/02/2024", "THƯ KÝ", "CHỦ TRÌ", "Nguyễn Văn Bền"):
        assert expected in text, expected
    assert "DỰ THẢO" not in text


def test_deadlines_list_reviews_to_hold_and_open_actions_overdue_first(p):
    held = held_review(p.c)
    mr.add_decision(p.c.actor("hangnt"), held, mr.DecisionForm(
        "Việc quá hạn", p.c.users["hoant"], date(2023, 12, 18)))
    new_review(p.c, meeting=date(2024, 1, 10))
    found = review_deadlines(p.org_id, date(2023, 12, 20))
    assert [(d.kind, d.overdue) for d in found] == [("review.action", True),
                                                    ("review.meeting", False)]
    assert found[1].due == date(2024, 1, 10)


def test_the_cli_writes_the_minutes(p, tmp_path):
    review_id = held_review(p.c)
    out = tmp_path / "bien-ban.pdf"
    assert cli.run(["report", "management-review", "--id", str(review_id), "-o", str(out)]) \
        .startswith(f"Đã ghi {out}")
    assert "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO" in " ".join(page_texts(out.read_bytes()))
    assert cli.main(["report", "management-review", "--id", "999999", "-o", str(out)]) == 2


def test_a_review_cannot_be_held_before_the_window_it_reviews(p):
    with pytest.raises(ValidationFailed):
        new_review(p.c, meeting=date(2022, 12, 1))
    with pytest.raises(ValidationFailed):
        new_review(p.c, start=date(2023, 12, 9), end=date(2023, 1, 1))

"""Internal-audit rules: scoring, independence, checklist generation, programme coverage."""

from __future__ import annotations

import pytest

from qms.audits.clauses import load_clauses, load_question_bank
from qms.audits.rules import (
    Answer,
    check_independence,
    checklist_from_bank,
    checklist_from_steps,
    checklist_from_tasks,
    coverage,
    scores,
)
from qms.core.data_files import read_packaged
from qms.core.errors import ValidationFailed

CLAUSES = load_clauses(read_packaged("iso_clauses.csv"))
BANK = load_question_bank(read_packaged("question_bank.csv"), CLAUSES)


def test_scores_leave_out_not_applicable_and_unanswered_questions():
    answers = [Answer("7.5.1", "Văn phòng", "conform"), Answer("7.5.2", "Văn phòng", "minor"),
               Answer("7.5.3", "Văn phòng", "na"), Answer("8.5.1", "Tư pháp", "conform"),
               Answer("8.5.2", "Tư pháp", "observation"), Answer("8.5.3", "Tư pháp", None),
               Answer("8.7.1", "Tư pháp", "major")]
    result = scores(answers)
    assert result["clause"]["7"].percent == 50.0
    assert result["clause"]["8"].percent == pytest.approx(66.7)
    assert result["unit"]["Tư pháp"].scored == 3
    assert result["all"][""].conforming == 3 and result["all"][""].scored == 5


def test_an_unknown_result_code_is_refused():
    with pytest.raises(ValidationFailed):
        scores([Answer("7.5", "Văn phòng", "excellent")])


def test_an_auditor_is_refused_for_their_own_unit():
    check_independence("hoant", 3, [1, 2])
    check_independence("quantri", None, [1, 2])
    with pytest.raises(ValidationFailed) as err:
        check_independence("hoant", 3, [3, 4])
    assert err.value.params["auditor"] == "hoant"


def test_bank_questions_follow_the_clause_scope_including_sub_clauses():
    office = checklist_from_bank(BANK, ["7.5", "9.2"], ["Văn phòng - Thống kê"])
    assert {i.clause.split(".")[0] for i in office} == {"7", "9"}
    assert all(i.clause.startswith(("7.5", "9.2")) for i in office)
    justice = checklist_from_bank(BANK, ["7.5", "9.2"], ["Tư pháp - Hộ tịch"])
    own = {q.code for q in BANK if q.applies_to in ("all", "Tư pháp - Hộ tịch")}
    assert justice and {i.source_ref for i in justice} <= own
    assert len(justice) < len(office)


def test_procedure_steps_and_plan_tasks_each_give_one_question():
    steps = [("1", "Công chức một cửa", "Tiếp nhận hồ sơ"), ("2", "Công chức Tư pháp",
                                                                "Thẩm định hồ sơ")]
    items = checklist_from_steps("QT-06", "Chứng thực bản sao", "8.5.1", steps)
    assert [i.source_ref for i in items] == ["QT-06/1", "QT-06/2"]
    assert "QT-06 bước 2: Thẩm định hồ sơ" in items[1].question
    tasks = checklist_from_tasks([("1.4", "Thực hiện tốt việc tự kiểm tra", True),
                                  ("3.6", "Phấn đấu 98%-100% hồ sơ đúng hạn", False)])
    assert [i.source_ref for i in tasks] == ["1.4", "3.6"]
    assert tasks[0].question.startswith("Nhiệm vụ tự kiểm tra 1.4")


def test_coverage_flags_every_leaf_clause_and_unit_the_programme_misses():
    units = ["Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Tài chính - Kế toán"]
    programme = [(["7.5", "9.2"], ["Văn phòng - Thống kê"]), (["8"], ["Tư pháp - Hộ tịch"])]
    result = coverage(programme, CLAUSES, units)
    assert result.cells[("7.5.1", "Văn phòng - Thống kê")] == 1
    assert ("8.5.1", "Tư pháp - Hộ tịch") in result.cells
    assert "4.1" in result.clauses_missing and "7.5.1" not in result.clauses_missing
    assert "8.7.1" not in result.clauses_missing
    assert result.units_missing == ["Tài chính - Kế toán"]
    full = coverage([([str(n) for n in range(4, 11)], units)], CLAUSES, units)
    assert full.clauses_missing == [] and full.units_missing == []

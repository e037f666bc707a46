"""Self-scoring: score limits, explanations, evidence, totals, the sheet's life, set pinning."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.db.uow import read_session
from qms.scoring.criteria_sets import load_criteria_set
from qms.scoring.models import ScoreSheet
from qms.scoring.queries import sheet_detail
from qms.scoring.sheets import (
    ScoreInput,
    approve_sheet,
    open_sheet,
    record_score,
    return_sheet,
    save_sheet_notes,
    submit_sheet,
)
from qms.trace.evidence import EvidenceInput
from tests.scoring.helpers import SMALL_CSV, setup


@pytest.mark.parametrize(("score", "message"), [
    (-0.25, "Điểm tự chấm không được âm."),
    (2.25, "Điểm tự chấm không được vượt điểm tối đa 2."),
    (1.1, "Điểm tự chấm phải theo bước 0,25 điểm."),
    (float("nan"), "Điểm tự chấm phải là một số."),
])
def test_a_score_outside_its_limits_is_refused_in_vietnamese(db, score, message):
    s = setup()
    sheet = s.sheet()
    with pytest.raises(ValidationFailed) as err:
        record_score(s.iso, sheet, ScoreInput(s.codes["1.1.a"], score, "Đã ban hành"))
    assert err.value.message() == message


def test_an_explanation_is_required_without_evidence_but_not_with_it(db):
    s = setup()
    sheet = s.sheet()
    with pytest.raises(ValidationFailed) as err:
        record_score(s.iso, sheet, ScoreInput(s.codes["1.1.a"], 2, "  "))
    assert "Cần giải trình" in err.value.message()
    evidence = s.evidence()
    record_score(s.iso, sheet, ScoreInput(s.codes["1.1.a"], 2, "", (evidence,)))
    new = EvidenceInput("Kế hoạch CCHC năm 2023", "12/KH-UBND", None, "UBND xã")
    record_score(s.c.actor("hoant"), sheet, ScoreInput(
        s.codes["1.1.b"], 1.75, "", new_evidence=new, file_name="Kế hoạch.pdf",
        file_bytes=b"%PDF-1.4 plan"))
    d = sheet_detail(s.c.org_id, sheet)
    assert [e.doc_number for e in d.scores[s.codes["1.1.a"]].evidence] == ["05/BC-UBND"]
    assert [e.file_name for e in d.scores[s.codes["1.1.b"]].evidence] == ["Kế hoạch.pdf"]


def test_totals_count_applicable_leaves_only_per_area_and_overall(db):
    s = setup()
    sheet = s.sheet()
    for code, score in (("1.1.a", 2), ("1.1.b", 1.5), ("1.2", 4.5), ("2.1", 3)):
        record_score(s.iso, sheet, ScoreInput(s.codes[code], score, "Giải trình"))
    with pytest.raises(ValidationFailed):  # not applicable: not scored at all
        record_score(s.iso, sheet, ScoreInput(s.codes["2.2"], 1, "Giải trình"))
    with pytest.raises(ValidationFailed):  # has sub-criteria: scored through them
        record_score(s.iso, sheet, ScoreInput(s.codes["1.1"], 1, "Giải trình"))
    t = sheet_detail(s.c.org_id, sheet).totals
    assert [(a.area_number, a.max_points, a.score, a.percent) for a in t.areas] == [
        (1, 10, 8.0, 80.0), (2, 6, 3.0, 50.0)]
    assert (t.max_points, t.score, t.percent, t.scored, t.leaves) == (16, 11.0, 68.8, 4, 4)


def test_a_sheet_is_submitted_then_approved_and_locked_with_versions_checked(db):
    s = setup()
    sheet = s.sheet()
    record_score(s.iso, sheet, ScoreInput(s.codes["1.2"], 6, "Đủ 4 báo cáo"))
    save_sheet_notes(s.iso, sheet, "Thiếu máy scan", "Cấp thêm thiết bị", 1)
    with pytest.raises(Conflict):  # stale copy
        save_sheet_notes(s.iso, sheet, "x", "y", 1)
    with pytest.raises(PermissionDenied):
        submit_sheet(s.c.actor("hoant"), sheet, 2)
    submit_sheet(s.iso, sheet, 2)
    with pytest.raises(Conflict):
        record_score(s.iso, sheet, ScoreInput(s.codes["1.2"], 5, "Sửa"))
    return_sheet(s.c.actor("bennv"), sheet, 3, "Bổ sung tài liệu kiểm chứng")
    submit_sheet(s.iso, sheet, 4)
    with pytest.raises(PermissionDenied):
        approve_sheet(s.iso, sheet, 5)
    approve_sheet(s.c.actor("bennv"), sheet, 5)
    d = sheet_detail(s.c.org_id, sheet)
    assert (d.status, d.difficulties) == ("approved", "Thiếu máy scan")
    with read_session() as db_session:
        row = db_session.get(ScoreSheet, sheet)
        assert row is not None and row.approved_by_id == s.c.actor("bennv").user_id


def test_a_new_set_leaves_the_scores_under_the_old_one_intact(db):
    s = setup()
    sheet = s.sheet()
    record_score(s.iso, sheet, ScoreInput(s.codes["1.2"], 4.5, "Chậm 1 báo cáo"))
    before = sheet_detail(s.c.org_id, sheet)
    changed = SMALL_CSV.replace("1.2;Báo cáo định kỳ;6".encode(), "1.2;Báo cáo;6".encode())
    new_set = load_criteria_set(s.iso, changed, "Bộ tiêu chí 2024")
    new_sheet = open_sheet(s.iso, new_set, s.period_ids[0])
    after = sheet_detail(s.c.org_id, sheet)
    assert new_sheet != sheet and after.set.id == s.set_id
    assert after.scores == before.scores and after.criteria == before.criteria
    assert sheet_detail(s.c.org_id, new_sheet).scores == {}
    with pytest.raises(Conflict):  # names are unique, a set is never replaced
        load_criteria_set(s.iso, changed, "Bộ tiêu chí 2024")


def test_a_score_saved_from_a_stale_form_is_refused(db):
    s = setup()
    sheet = s.sheet()
    first = ScoreInput(s.codes["1.2"], 4, "Lần 1")
    record_score(s.iso, sheet, first)
    record_score(s.iso, sheet, replace(first, score=5), expected_version=1)
    with pytest.raises(Conflict) as err:
        record_score(s.iso, sheet, replace(first, score=6), expected_version=1)
    assert "Nguyễn Thị Hằng" in err.value.message() and "điểm tự chấm" in err.value.message()


def test_the_report_section_shows_the_sheets_of_the_window_per_area(db):
    from datetime import date

    from qms.features import period_sections, review_inputs
    from qms.scoring.sections import scoring_section

    s = setup()
    sheet = s.sheet()
    record_score(s.iso, sheet, ScoreInput(s.codes["1.2"], 4.5, "Chậm 1 báo cáo"))
    assert scoring_section in period_sections() and scoring_section in review_inputs()
    section = scoring_section(s.c.org_id, date(2022, 12, 1), date(2023, 12, 31))
    assert section is not None and section.figures["score"] == 4.5
    assert section.rows[0][1:] == ("1. Chỉ đạo, điều hành", "10", "4,5", "45%")
    assert section.rows[-1][1:] == ("Tổng cộng", "16", "4,5", "28,1%")
    assert "tự chấm 4,5/16 điểm" in section.summary
    assert scoring_section(s.c.org_id, date(2024, 1, 1), date(2024, 12, 31)) is None


def test_the_demo_loads_the_sample_set_and_scores_part_of_quy_i(db):
    from qms.demo.nam_trung import load_demo
    from qms.scoring.queries import criteria_sets, periods, sheet_detail, sheet_id_for

    org_id = load_demo(if_empty=False).organization_id
    (cset,) = criteria_sets(org_id)
    assert cset.is_sample and "MẪU" in cset.name
    q1 = periods(org_id)[0]
    d = sheet_detail(org_id, sheet_id_for(org_id, q1.id))
    assert q1.name.startswith("Quý I") and d.status == "draft"
    assert 0 < d.totals.scored < d.totals.leaves and d.difficulties
    assert sum(len(x.evidence) for x in d.scores.values()) >= 4

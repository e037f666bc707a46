"""The self-scoring page in AppTest: open the sheet, score with an explanation or evidence,
refusals in Vietnamese, submit and approve, deep links, and the ISO officer's CSV upload."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from qms.core.i18n import t
from qms.scoring.queries import criteria_sets, sheet_detail, sheet_id_for
from qms.scoring.sheets import ScoreInput, record_score
from tests.scoring.helpers import SMALL_CSV, Setup, setup
from tests.ui.apptest import open_page, texts

PAGE = "pages/15_tu_cham_diem.py"


@pytest.fixture
def s(db, clock) -> Setup:
    return setup()


def _submit(at: AppTest, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()


def test_the_iso_officer_scores_submits_and_the_leader_approves(s):
    at = open_page(PAGE, s.c.session("hangnt"))
    assert not at.exception and t("scoring.no_sheet") in texts(at)
    _submit(at, "scoring.open.form", t("scoring.open"))
    sheet = sheet_id_for(s.c.org_id, s.period_ids[0], s.set_id)
    assert sheet is not None and t("scoring.opened") in texts(at)
    crit = s.codes["1.1.a"]
    at.selectbox(key="scoring.pick").set_value(
        next(c for c in sheet_detail(s.c.org_id, sheet).criteria if c.id == crit)).run()
    at.number_input(key=f"scoring.score.{crit}").set_value(1.5)
    _submit(at, f"scoring.score.form.{crit}", t("scoring.save"))
    assert t("scoring.explanation_required") in texts(at)
    at.number_input(key=f"scoring.score.{crit}").set_value(1.5)
    at.text_area(key=f"scoring.explanation.{crit}").input("Ban hành chậm 3 ngày")
    _submit(at, f"scoring.score.form.{crit}", t("scoring.save"))
    assert not at.exception and t("scoring.saved") in texts(at)
    assert sheet_detail(s.c.org_id, sheet).scores[crit].score == 1.5
    assert "1,5/16" in texts(at)
    _submit(at, "scoring.submit.form", t("scoring.do_submit"))
    assert sheet_detail(s.c.org_id, sheet).status == "submitted"

    at = open_page(PAGE, s.c.session("bennv"))
    assert "scoring.score.form" not in str([f.proto.form.form_id for f in at.get("form")])
    _submit(at, "scoring.decide.form", t("scoring.do_approve"))
    assert t("scoring.approved") in texts(at)
    assert sheet_detail(s.c.org_id, sheet).status == "approved"


def test_deep_links_choose_the_period_and_area(s):
    record_score(s.iso, s.sheet(2), ScoreInput(s.codes["2.1"], 3, "Giải trình lĩnh vực 2"))
    at = open_page(PAGE, s.c.session("tungbv"), run=False)
    at.query_params["period"] = str(s.period_ids[1])
    at.query_params["area"] = "2"
    at.run()
    assert not at.exception
    assert at.selectbox(key="scoring.period").value.id == s.period_ids[1]
    table = at.dataframe[1].value  # totals first, then the area
    assert list(table.iloc[:, 0]) == ["2", "2.1", "2.2"]
    assert "Giải trình lĩnh vực 2" in list(table.iloc[:, 4])
    assert not at.get("file_uploader")  # a viewer neither scores nor uploads sets


def test_the_iso_officer_previews_a_criteria_csv_before_saving_it(s):
    at = open_page(PAGE, s.c.session("hangnt"))
    bad = SMALL_CSV.replace("1.1.b;Đủ nội dung;2".encode(), "1.1.b;Đủ nội dung;3".encode())
    at.get("file_uploader")[-1].upload("bo-moi.csv", bad, "text/csv").run()
    assert "Dòng 3: tổng điểm tối đa các tiêu chí con của 1.1 là 5" in texts(at)
    assert "scoring.upload.form" not in str([f.proto.form.form_id for f in at.get("form")])
    at.get("file_uploader")[-1].upload("bo-moi.csv", SMALL_CSV, "text/csv").run()
    assert t("scoring.preview_ok", n=8) in texts(at)
    at.text_input(key="scoring.upload.name").input("Bộ tiêu chí 2024")
    _submit(at, "scoring.upload.form", t("scoring.load"))
    assert not at.exception and t("scoring.loaded") in texts(at)
    assert [x.name for x in criteria_sets(s.c.org_id)][0] == "Bộ tiêu chí 2024"

"""The self-inspection page in AppTest: the officer adds evidence with a file and submits, the
ISO officer accepts from the queue; a return needs a comment; deep links preset the filters."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from qms.core.i18n import t
from qms.duties.queries import board
from tests.duties.helpers import Setup, setup, submitted
from tests.plan.files import as_pdf
from tests.ui.apptest import open_page, texts

PAGE = "pages/14_tu_kiem_tra.py"


@pytest.fixture
def s(db, clock) -> Setup:
    return setup()


def _submit(at: AppTest, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()


def _pick(at: AppTest, s: Setup, code: str) -> None:
    at.selectbox(key="duty.pick").set_value(s.row(code).duty_id).run()


def test_the_officer_submits_evidence_and_the_iso_officer_accepts_it(s):
    at = open_page(PAGE, s.c.session("hoant"))
    assert not at.exception
    assert at.selectbox(key="duty.period").value.id == s.periods[0]  # Q1 is due next
    _pick(at, s, "2.5")
    _submit(at, "duty.submit.form", t("duty.submit"))
    assert t("duty.submit_needs_evidence") in texts(at)
    at.text_input(key="duty.ev.title").input("Biên bản tự kiểm tra thi hành pháp luật quý I")
    at.text_input(key="duty.ev.number").input("03/BB-UBND")
    at.get("file_uploader")[0].upload("bien-ban.pdf", as_pdf("Biên bản"), "application/pdf")
    _submit(at, "duty.evidence.form", t("duty.evidence.submit"))
    assert not at.exception and t("duty.evidence.done") in texts(at)
    assert s.row("2.5").evidence == 1
    _submit(at, "duty.submit.form", t("duty.submit"))
    assert t("duty.submit.done") in texts(at) and s.row("2.5").status == "submitted"
    assert "duty.evidence.form" not in {f.proto.form.form_id for f in at.get("form")}

    at = open_page(PAGE, s.c.session("hangnt"))
    report = s.row("2.5").report_id
    _submit(at, f"duty.decide.{report}", t("duty.return"))
    assert t("duty.return_needs_comment") in texts(at)
    _submit(at, f"duty.decide.{report}", t("duty.accept"))
    assert t("duty.accept.done") in texts(at) and s.row("2.5").status == "accepted"


def test_other_units_and_viewers_see_the_duties_without_the_forms(s):
    submitted(s)
    for who in ("minhlv", "tungbv"):
        at = open_page(PAGE, s.c.session(who))
        assert not at.exception
        _pick(at, s, "2.2")
        forms = {f.proto.form.form_id for f in at.get("form")}
        assert forms == set(), who
        assert len(at.dataframe[0].value) == 7


def test_deep_links_choose_the_period_status_overdue_and_unit(s, clock):
    submitted(s)
    at = open_page(PAGE, s.c.session("hangnt"), run=False)
    at.query_params["period"] = str(s.periods[0])
    at.query_params["status"] = "submitted"
    at.run()
    assert list(at.dataframe[0].value[t("duty.col.duty")].str[:3]) == ["2.5"]
    at = open_page(PAGE, s.c.session("hangnt"), run=False)
    at.query_params["period"] = str(s.periods[1])
    at.query_params["unit"] = str(s.c.tuphap)
    at.run()
    assert at.selectbox(key="duty.period").value.id == s.periods[1]
    assert len(at.dataframe[0].value) == 2
    clock.advance(days=20)  # 21 March: Q1 is past due
    at = open_page(PAGE, s.c.session("hangnt"), run=False)
    at.query_params["period"] = str(s.periods[0])
    at.query_params["overdue"] = "1"
    at.run()
    assert at.checkbox(key="duty.filter.overdue").value is True
    assert len(at.dataframe[0].value) == 6


def test_the_iso_officer_adds_a_duty_by_hand(s):
    at = open_page(PAGE, s.c.session("hangnt"))
    at.text_input(key="duty.new.title").input("Tự kiểm tra hồ sơ lưu trữ của Bộ phận Một cửa")
    at.selectbox(key="duty.new.unit").set_value(s.c.units["Văn phòng - Thống kê"])
    _submit(at, "duty.new.form", t("duty.new.submit"))
    assert t("duty.new.done") in texts(at)
    rows = board(s.c.org_id, s.periods[0], date(2023, 3, 1))
    assert any(r.title.startswith("Tự kiểm tra hồ sơ lưu trữ") and r.origin == "manual"
               for r in rows)

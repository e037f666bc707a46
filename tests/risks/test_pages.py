"""The risks page in AppTest: deep-link filters (band, unit, overdue), a new entry, an action
done by its owner, a review that keeps the previous level; the Excel file's headers."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from qms.core.clock import today
from qms.core.i18n import t
from qms.risks import recording as risks
from qms.risks.queries import RiskFilter, register, reviews
from qms.risks.report import register_xlsx
from tests.risks.helpers import Setup, civil_status_risk, setup
from tests.ui.apptest import open_page, texts

PAGE = "pages/33_rui_ro.py"
FINANCE = "Tài chính - Kế toán"


@pytest.fixture
def s(db, clock) -> Setup:
    """Two entries: the civil-status risk (12, cao; action due 10 March) and a finance
    opportunity (4, thấp; no action)."""
    base = setup()
    risks.create_risk(base.c.actor("hangnt"), civil_status_risk(
        base.c, kind="opportunity", unit_id=base.c.units[FINANCE],
        owner_id=base.c.users["minhlv"], likelihood=2, impact=2,
        description="Thanh toán không dùng tiền mặt các khoản phí, lệ phí"))
    return base


def _submit(at: AppTest, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()


def _frame(at: AppTest, header: str):  # type: ignore[no-untyped-def]
    """The (only) table showing the column ``header``."""
    found = [d.value for d in at.dataframe if header in d.value.columns]
    assert len(found) == 1, header
    return found[0]


def _codes(at: AppTest) -> list[str]:
    return list(_frame(at, t("risk.col.code"))[t("risk.col.code")])


def _open(s: Setup, who: str, **params: str) -> AppTest:
    at = open_page(PAGE, s.c.session(who), run=False)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


def test_deep_links_preset_the_band_unit_and_overdue_filters(s, clock):
    at = _open(s, "tungbv")
    assert len(_codes(at)) == 2
    assert _frame(at, t("risk.matrix.impact", n=5)).to_numpy().sum() == 2
    at = _open(s, "tungbv", band="high")
    assert at.selectbox(key="risk.filter.band").value == "high"
    assert _codes(at) == [f"R-{s.risk_id:03d}"]
    at = _open(s, "tungbv", unit=str(s.c.units[FINANCE]))
    assert len(_codes(at)) == 1 and _codes(at) != [f"R-{s.risk_id:03d}"]
    at = _open(s, "tungbv", overdue="1")
    assert at.checkbox(key="risk.filter.overdue").value is True
    assert t("risk.none") in texts(at)
    clock.advance(days=12)  # 13 March: the action due 10 March is late
    at = _open(s, "tungbv", overdue="1")
    assert _codes(at) == [f"R-{s.risk_id:03d}"]


def test_the_iso_officer_adds_an_entry_and_bad_input_is_explained(s):
    at = _open(s, "hangnt")
    _submit(at, "risk.new.form", t("risk.new.submit"))
    assert "Mô tả rủi ro/cơ hội" in "\n".join(e.value for e in at.error)
    at.text_area(key="risk.new.description").input("Mất hồ sơ lưu trữ do mối mọt, ẩm ướt")
    at.selectbox(key="risk.new.likelihood").set_value(5)
    at.selectbox(key="risk.new.impact").set_value(4)
    _submit(at, "risk.new.form", t("risk.new.submit"))
    assert t("risk.new.done") in texts(at)
    added = [r for r in register(s.c.org_id, today()) if r.description.startswith("Mất hồ sơ")]
    assert [(r.level, r.band, r.unit) for r in added] == [(20, "very_high",
                                                          "Văn phòng - Thống kê")]


def test_the_owner_reports_the_action_done_and_a_leader_re_assesses(s):
    at = _open(s, "minhlv", risk=str(s.risk_id))
    forms = {f.proto.form.form_id for f in at.get("form")}
    assert forms == {"risk.new.form"}  # another unit's entry: read only (own unit: a new one)
    at = _open(s, "hoant", risk=str(s.risk_id))
    at.text_area(key=f"risk.complete.note.{s.action_id}").input("Đã áp dụng từ 05/3/2023")
    _submit(at, f"risk.complete.{s.action_id}", t("risk.complete.submit"))
    assert t("risk.complete.done") in texts(at)
    at = _open(s, "bennv", risk=str(s.risk_id))
    assert at.selectbox(key="risk.review.likelihood").value == 3
    at.selectbox(key="risk.review.likelihood").set_value(2)
    at.selectbox(key="risk.review.impact").set_value(2)
    at.date_input(key="risk.review.next").set_value(date(2023, 9, 30))
    at.text_area(key="risk.review.note").input("Hành động có hiệu lực")
    _submit(at, "risk.review.form", t("risk.review.submit"))
    assert t("risk.review.done") in texts(at)
    history = _frame(at, t("risk.col.change"))
    assert list(history[t("risk.col.change")]) == ["12 → 4"]
    assert [(v.old_level, v.level) for v in reviews(s.c.org_id, s.risk_id)] == [(12, 4)]
    row = next(r for r in register(s.c.org_id, today()) if r.id == s.risk_id)
    assert (row.band, row.trend, row.previous_level) == ("low", "down", 12)


def test_the_excel_register_has_vietnamese_headers_and_no_formulas(s):
    risks.create_risk(s.c.actor("hangnt"), civil_status_risk(
        s.c, description="=HYPERLINK(\"http://x\")"))
    book = load_workbook(io.BytesIO(register_xlsx(register(s.c.org_id, today(),
                                                           RiskFilter(status=None)))))
    sheet = book.active
    assert sheet.title == "Rủi ro và cơ hội"
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Số", "Loại", "Mô tả rủi ro/cơ hội", "Nguyên nhân",
                           "Hậu quả / lợi ích"]
    assert {"Khả năng xảy ra (1–5)", "Mức độ ảnh hưởng (1–5)", "Mức độ (K×A)", "Mức",
            "Hạn hoàn thành"} - set(headers) == {"Hạn hoàn thành"}
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert any(v[2] == "'=HYPERLINK(\"http://x\")" for v in values)
    assert {v[10] for v in values} == {"Cao", "Thấp"}


def test_an_edit_from_a_stale_page_is_refused_and_nothing_is_lost(s):
    first = _open(s, "hangnt", risk=str(s.risk_id))
    second = _open(s, "hoant", risk=str(s.risk_id))
    key = f"risk.edit.{s.risk_id}.description"
    first.text_area(key=key).input("Sai sót thông tin trên giấy khai sinh, trích lục")
    _submit(first, "risk.edit.form", t("risk.edit.submit"))
    assert t("risk.edit.done") in texts(first)
    second.text_area(key=key).input("Nội dung khác")
    _submit(second, "risk.edit.form", t("risk.edit.submit"))
    errors = "\n".join(e.value for e in second.error)
    assert "Nguyễn Thị Hằng" in errors
    assert second.text_area(key=key).value == "Nội dung khác"  # the typed text stays
    row = next(r for r in register(s.c.org_id, today()) if r.id == s.risk_id)
    assert row.description.endswith("trích lục") and row.level == 12

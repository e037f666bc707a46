"""A real browser through self-inspection: the Tư pháp officer hands in evidence with a file
for a duty of the third quarter, the ISO officer signs in and accepts it, the home page's
self-inspection tile counts one more accepted report for the quarter, and the quarter's
CCHC report she downloads counts it as accepted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from qms.db.engine import get_engine
from qms.duties.models import DutyReport
from qms.plan.models import ReportingPeriod
from tests.browser.widgets import form_of, idle, open_select, prepare, sign_in
from tests.plan.files import as_pdf
from tests.reports.pdftext import page_texts

pytestmark = pytest.mark.browser

HEADING = "🧾 Tự kiểm tra"
QUARTER = "Quý III/2023"


def _submit_evidence(page, tmp_path) -> None:
    open_select(page, page.get_by_label("Kỳ báo cáo"))
    page.get_by_role("option", name=re.compile("^Quý III")).click()
    idle(page)
    open_select(page, page.get_by_label("Chọn nhiệm vụ"))
    page.get_by_role("option", name=re.compile(r"^2\.5 — ")).click()
    idle(page)
    form = form_of(page, "Thêm tài liệu")
    form.get_by_label("Tên tài liệu kiểm chứng").fill(
        "Biên bản tự kiểm tra công tác thi hành pháp luật năm 2023")
    form.get_by_label("Số, ký hiệu văn bản").fill("15/BB-UBND")
    pdf = tmp_path / "bien-ban-tu-kiem-tra.pdf"
    pdf.write_bytes(as_pdf("Biên bản tự kiểm tra công tác thi hành pháp luật"))
    form.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(pdf))
    form.locator('[data-testid="stFileChip"]').wait_for()  # uploaded before the submit
    form.get_by_role("button", name="Thêm tài liệu").click()
    page.get_by_text("Đã thêm tài liệu kiểm chứng.").wait_for()
    idle(page)
    page.get_by_role("button", name="⬇️ bien-ban-tu-kiem-tra.pdf").wait_for()
    page.get_by_role("button", name="Nộp tài liệu kiểm chứng", exact=True).click()
    page.get_by_text("Đã nộp tài liệu kiểm chứng.").wait_for()
    idle(page)


def _period_id(server) -> int:
    with get_engine(server.database_url).connect() as conn:
        found = conn.execute(select(ReportingPeriod.id)
                             .where(ReportingPeriod.name == QUARTER)).scalar()
    assert found is not None
    return int(found)


def _quarter_report(page, server) -> str:
    page.goto(f"{server.url}/bao_cao_dinh_ky?period={_period_id(server)}")
    button = page.get_by_role("button", name="Tải báo cáo (PDF)")
    button.wait_for()
    idle(page)
    with page.expect_download() as info:
        button.click()
    return " ".join(" ".join(page_texts(Path(info.value.path()).read_bytes())).split())


def _sidebar(page, label: str) -> None:
    """Follow a navigation link (inside the app, so a fresh sign-in needs no cookie yet)."""
    page.locator('[data-testid="stSidebar"]').get_by_role("link").filter(
        has_text=label).click()


def _accepted_on_dashboard(page) -> int:
    """The home page's count of accepted self-inspection reports of the quarter (0: no link)."""
    _sidebar(page, "Trang chủ")
    page.get_by_role("heading", name="Hạn sắp tới").wait_for()
    idle(page)
    others = page.get_by_text("Các kỳ báo cáo khác")
    if others.count():
        others.click()
    links = page.get_by_role("link").filter(has_text=f"{QUARTER} — Đã chấp nhận: ")
    if not links.count():
        return 0
    found = re.search(r": (\d+)$", links.first.inner_text().strip())
    assert found is not None
    return int(found.group(1))


def _status(server) -> str | None:
    with get_engine(server.database_url).connect() as conn:
        return conn.execute(select(DutyReport.status)
                            .join(ReportingPeriod, ReportingPeriod.id == DutyReport.period_id)
                            .where(ReportingPeriod.name == QUARTER)).scalar()


def test_an_officer_submits_evidence_and_the_iso_officer_accepts_it(server, context, tmp_path):
    prepare(server, "hangnt", "hoant")
    page = context.new_page()
    page.goto(f"{server.url}/tu_kiem_tra")
    sign_in(page, "hoant", HEADING)
    before = _accepted_on_dashboard(page)
    _sidebar(page, "Tự kiểm tra")
    page.get_by_role("heading", name=HEADING).wait_for()
    idle(page)
    _submit_evidence(page, tmp_path)
    assert _status(server) == "submitted"

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, "hangnt", HEADING)
    form = page.locator('[data-testid="stForm"]').filter(has_text=QUARTER).filter(
        has=page.get_by_role("button", name="Chấp nhận", exact=True))
    form.get_by_label("Ý kiến").fill("Đủ tài liệu, đúng hạn.")
    form.get_by_role("button", name="Chấp nhận", exact=True).click()
    page.get_by_text("Đã chấp nhận tài liệu kiểm chứng.").wait_for()
    assert _status(server) == "accepted"
    assert _accepted_on_dashboard(page) == before + 1

    text = _quarter_report(page, server)
    assert QUARTER in text and "Tự kiểm tra và tài liệu kiểm chứng" in text
    assert "tự kiểm tra: 1 đã chấp nhận" in text

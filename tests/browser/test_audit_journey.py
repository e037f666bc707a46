"""Browser at tablet width: answer (one photo), reload, raise an NC, download the report."""

from __future__ import annotations

import io
import time

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from sqlalchemy import select

from qms.audits import programme as audits
from qms.audits import queries as q
from qms.auth import sessions as auth
from qms.auth.models import Organization
from qms.db.engine import dispose_engines
from qms.db.uow import read_session
from tests.audits.helpers import find_demo_audits
from tests.browser import widgets as w

pytestmark = pytest.mark.browser
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _card(page, item_id: int):
    return page.locator(f".st-key-audit-fill-{item_id}-card")


def _saved(org_id: int, audit_id: int, item_id: int, check) -> None:  # type: ignore[no-untyped-def]
    """Wait until the database shows what the page saved (the save runs on the server)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if check(next(i for i in q.checklist(org_id, audit_id) if i.id == item_id)):
            return
        time.sleep(0.2)
    raise AssertionError(f"question {item_id} was not saved")


def _prepare(server, monkeypatch) -> tuple[int, int, list[int]]:
    w.prepare(server, "hoant")
    monkeypatch.setenv("QMS_DATABASE_URL", server.database_url)
    with read_session() as s:
        org_id = s.scalar(select(Organization.id))
    assert org_id is not None
    demo = find_demo_audits(org_id)
    assert demo is not None
    hoant = auth.sign_in("hoant", w.PASSWORD).actor
    audits.start_audit(hoant, demo.planned_id)
    mine = [i.id for i in q.checklist(org_id, demo.planned_id, auditor_id=hoant.user_id)]
    return org_id, demo.planned_id, mine


def test_a_tablet_auditor_answers_with_a_photo_raises_an_nc_and_downloads_the_report(
        server, browser, monkeypatch, tmp_path):
    org_id, audit_id, mine = _prepare(server, monkeypatch)
    photo = tmp_path / "so-cong-van.png"
    photo.write_bytes(PNG)
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="vi-VN")
    ctx.set_default_timeout(20_000)
    page = ctx.new_page()
    page.goto(f"{server.url}/bang_cau_hoi")
    w.sign_in(page, "hoant", "✅ Bảng câu hỏi của tôi")
    w.wait_for_cookie(page, ctx)

    first, second = _card(page, mine[0]), _card(page, mine[1])
    first.get_by_text("Phù hợp", exact=True).click()
    _saved(org_id, audit_id, mine[0], lambda i: i.result == "conform")
    w.idle(page)
    first.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(photo))
    _saved(org_id, audit_id, mine[0], lambda i: len(i.files) == 1)
    first.get_by_text("Tệp đính kèm: so-cong-van.png").wait_for()
    w.idle(page)  # the upload's run re-draws the cards: a tap before it ends can be lost
    second.get_by_text("Không phù hợp nhẹ", exact=True).click()
    _saved(org_id, audit_id, mine[1], lambda i: i.result == "minor")
    w.idle(page)
    second.get_by_label("Ghi chú").fill("Sổ theo dõi chưa ghi ngày trả kết quả")
    second.get_by_label("Ghi chú").blur()
    _saved(org_id, audit_id, mine[1], lambda i: i.note == "Sổ theo dõi chưa ghi ngày trả kết quả")
    page.get_by_text("Đã trả lời 2/").wait_for()

    page.reload()  # nothing typed is lost
    page.get_by_role("heading", name="✅ Bảng câu hỏi của tôi").wait_for()
    w.idle(page)
    expect(_card(page, mine[1]).get_by_label("Ghi chú")).to_have_value(
        "Sổ theo dõi chưa ghi ngày trả kết quả")
    saved = {i.id: i for i in q.checklist(org_id, audit_id)}
    assert (saved[mine[0]].result, saved[mine[1]].result) == ("conform", "minor")
    assert len(saved[mine[0]].files) == 1

    page.goto(f"{server.url}/cuoc_danh_gia?id={audit_id}")
    page.get_by_role("heading", name="🔍 Cuộc đánh giá").wait_for()
    page.get_by_role("tab", name="Phát hiện").click()
    page.get_by_role("button", name="Lập phiếu không phù hợp").click()
    page.get_by_text("Đã lập phiếu không phù hợp.").wait_for()
    [finding] = q.findings(org_id, audit_id)
    assert finding.nc_number
    page.get_by_role("button", name="Lập báo cáo đánh giá (PDF)").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải báo cáo đánh giá").click()
    pdf = PdfReader(io.BytesIO(info.value.path().read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "BÁO CÁO" in text and finding.nc_number in text
    assert "Sổ theo dõi chưa ghi ngày trả kết quả" in text
    ctx.close()
    dispose_engines()

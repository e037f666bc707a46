"""A real browser through document control: the ISO officer revises QT-01, the Vice-Chairman
reviews it, the Chairman signs it with his password, and the controlled copy shows issue 2."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser import widgets as w

pytestmark = pytest.mark.browser

PAGE_HEADING = "📑 Quy trình, tài liệu"


def test_revise_review_approve_with_password_and_download_the_new_controlled_copy(
        server, context):
    w.prepare(server, "hangnt", "hungtv", "bennv", procedures=True)
    page = context.new_page()
    page.goto(f"{server.url}/quy_trinh?doc=QT-01")
    w.sign_in(page, "hangnt", PAGE_HEADING)
    page.get_by_role("heading", name="QT-01 — Kiểm soát thông tin dạng văn bản").wait_for()

    page.get_by_label("Nội dung sửa đổi (vị trí, tóm tắt)").fill(
        "Mục 5.1, bước 9: xem xét định kỳ 6 tháng/lần")
    page.get_by_role("button", name="Lập dự thảo sửa đổi").click()
    page.get_by_text("Đã lập dự thảo mới từ bản đang hiệu lực.").wait_for()
    w.idle(page)
    content = page.get_by_label("Nội dung (Markdown)")
    expect(content).to_have_value(re.compile("QUY TRÌNH KIỂM SOÁT THÔNG TIN"))
    content.fill(content.input_value().replace("(ít nhất 12 tháng/lần)", "(ít nhất 6 tháng/lần)"))
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_text("Đã lưu dự thảo.").wait_for()
    w.idle(page)
    page.get_by_role("button", name="Gửi xem xét").click()
    page.get_by_text("Đã gửi dự thảo để xem xét.").wait_for()
    w.idle(page)

    w.switch_user(page, "hungtv", PAGE_HEADING)
    page.get_by_label("Ý kiến xem xét").fill("Phù hợp với thực tế")
    page.get_by_role("button", name="Chấp thuận").click()
    page.get_by_text("Đã chấp thuận; dự thảo chờ lãnh đạo phê duyệt.").wait_for()

    w.switch_user(page, "bennv", PAGE_HEADING)
    page.get_by_label("Mật khẩu của bạn").fill(w.PASSWORD)
    page.get_by_role("button", name="Phê duyệt ban hành").click()
    page.get_by_text("Đã phê duyệt: lần ban hành 2 có hiệu lực.").wait_for()

    with page.expect_download() as info:
        page.get_by_role("button", name="Tải bản kiểm soát (PDF) — lần ban hành 2").click()
    pdf = PdfReader(io.BytesIO(info.value.path().read_bytes()))
    first = pdf.pages[0].extract_text()
    assert "Mã hiệu: QT-01" in first and "Lần ban hành: 2" in first
    assert "Nguyễn Văn Bền" in first and "Phê duyệt ban hành" in first
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "(ít nhất 6 tháng/lần)" in text and "HẾT HIỆU LỰC" not in text

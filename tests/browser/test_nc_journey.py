"""A real browser through the 10.2 loop: the ISO officer records a nonconformity, the unit's
officer analyses it, plans an action and completes it, the ISO officer checks it effective
(waiting time set to 0 days for the served app), the Chairman closes it and downloads the form."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from qms.core.clock import today
from tests.browser import widgets as w

pytestmark = pytest.mark.browser

HEADING = "⚠️ Sự không phù hợp, khắc phục"
TITLE = "Hồ sơ chứng thực trả chậm 2 ngày"


@pytest.fixture
def no_waiting(monkeypatch):
    """The served app (another process) reads the waiting time from its environment."""
    monkeypatch.setenv("QMS_NC_VERIFY_WAIT_DAYS", "0")


def _open_as(page, server, username: str, number: str) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    w.sign_in(page, username, HEADING)
    page.goto(f"{server.url}/khong_phu_hop?nc={number}")
    page.get_by_role("heading", name=f"{number} — {TITLE}").wait_for()
    w.idle(page)


def _choose(page, scope, label: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """Open the list once the page is idle (a busy machine re-runs it under the click)."""
    w.open_select(page, scope.get_by_label(label))
    page.get_by_role("option", name=option).click()


def _record(page) -> None:
    page.get_by_text("➕ Ghi nhận sự không phù hợp mới").click()
    _choose(page, page, "Bộ phận liên quan", "Tư pháp - Hộ tịch")
    w.idle(page)
    form = w.form_of(page, "Ghi nhận sự không phù hợp")
    form.get_by_label("Tóm tắt").fill(TITLE)
    form.get_by_label("Mô tả sự không phù hợp").fill(
        "Công dân Trần Văn An phản ánh hồ sơ chứng thực hợp đồng trả chậm 2 ngày.")
    form.get_by_role("button", name="Ghi nhận sự không phù hợp").click()
    page.get_by_text("Đã ghi nhận sự không phù hợp.").wait_for()
    w.idle(page)


def _analyse_and_plan(page) -> None:
    form = w.form_of(page, "Lưu phân tích")
    form.get_by_label("Khắc phục tức thời (sửa chữa)").fill("Xin lỗi, trả kết quả ngay.")
    form.get_by_label("Tại sao 1?").fill("Không ai theo dõi hạn khi công chức vắng mặt")
    form.get_by_label("Nguyên nhân gốc").fill("Chưa phân công người thay thế.")
    form.locator("label").filter(has_text=re.compile(r"^Không$")).click()
    form.get_by_role("button", name="Lưu phân tích").click()
    page.get_by_text("Đã lưu phân tích nguyên nhân.").wait_for()
    w.idle(page)
    form = w.form_of(page, "Thêm hành động")
    form.get_by_label("Nội dung hành động khắc phục").fill("Phân công người thay thế.")
    _choose(page, form, "Người thực hiện", "Nguyễn Thị Hoa")
    form.get_by_role("button", name="Thêm hành động").click()
    page.get_by_text("Đã thêm hành động khắc phục.").wait_for()
    w.idle(page)
    page.get_by_role("button", name="Xác nhận kế hoạch hành động").click()
    page.get_by_text("Đã lập kế hoạch hành động khắc phục.").wait_for()
    w.idle(page)


def _complete(page) -> None:
    form = w.form_of(page, "Lưu kết quả thực hiện")
    form.get_by_label("Kết quả thực hiện").fill("Đã có quyết định phân công số 15/QĐ-UBND.")
    form.get_by_role("button", name="Lưu kết quả thực hiện").click()
    page.get_by_text("Đã lưu kết quả thực hiện.").wait_for()
    w.idle(page)


def test_record_analyse_act_verify_close_and_download_the_form(no_waiting, server, context):
    w.prepare(server, "hangnt", "hoant", "bennv")
    number = f"KPH-{today().year}-001"
    page = context.new_page()
    page.goto(f"{server.url}/khong_phu_hop")
    w.sign_in(page, "hangnt", HEADING)
    _record(page)
    page.get_by_role("heading", name=f"{number} — {TITLE}").wait_for()

    _open_as(page, server, "hoant", number)
    _analyse_and_plan(page)
    _complete(page)

    _open_as(page, server, "hangnt", number)
    form = w.form_of(page, "Lưu kết quả kiểm tra")
    form.get_by_label("Nhận xét kiểm tra hiệu lực").fill("Một tháng không còn hồ sơ trễ.")
    form.get_by_role("button", name="Lưu kết quả kiểm tra").click()
    page.get_by_text("Đã lưu kết quả kiểm tra hiệu lực.").wait_for()

    _open_as(page, server, "bennv", number)
    page.get_by_role("button", name="Đóng phiếu", exact=True).click()
    page.get_by_text("Đã đóng phiếu.").wait_for()
    fresh = context.new_page()  # one download per page (Chromium's repeated-download guard)
    fresh.goto(f"{server.url}/khong_phu_hop?nc={number}")
    fresh.get_by_text("Đã đóng", exact=True).first.wait_for()
    w.idle(fresh)
    with fresh.expect_download() as info:
        fresh.get_by_role("button", name=f"Tải phiếu yêu cầu hành động khắc phục (PDF) — "
                                         f"{number}").click()
    pdf = PdfReader(io.BytesIO(info.value.path().read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert f"Số: {number}" in text and "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC" in text
    assert "Phân công người thay thế." in text and "Có hiệu lực" in text
    assert "người đóng phiếu: Nguyễn Văn Bền" in text and "Nguyễn Thị Hằng" in text

"""Browser: upload the seed plan, confirm, open a task, link evidence, see it in the matrix."""

from __future__ import annotations

import pytest

from tests.plan.files import SEED

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu-ky-2023"


def test_import_the_seed_open_a_task_link_evidence_and_see_it_in_the_matrix(server, context):
    page = context.new_page()
    page.goto(f"{server.url}/nhap_ke_hoach")  # a fresh commune: set up, then import its plan
    for label, value in [("Tên xã", "Xã Nam Trung"),
                         ("Tên cơ quan ban hành", "Ủy ban nhân dân xã Nam Trung"),
                         ("Địa danh ghi trên văn bản", "Nam Trung"), ("Tên đăng nhập", "thuky"),
                         ("Họ và tên", "Nguyễn Thị Hằng"), ("Mật khẩu", PASSWORD),
                         ("Nhập lại mật khẩu", PASSWORD)]:
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Tạo tài khoản quản trị").click()
    page.get_by_role("heading", name="📥 Nhập kế hoạch").wait_for()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(SEED))
    confirm = page.get_by_role("button", name="Xác nhận lưu kế hoạch năm 2023 (lần 1)")
    confirm.click()
    page.get_by_text("Đã lưu kế hoạch năm 2023 (lần 1).").wait_for()
    page.get_by_role("link", name="Mở kế hoạch").click()
    page.get_by_role("heading", name="📋 Kế hoạch CCHC").wait_for()
    page.get_by_text("Thêm tài liệu kiểm chứng cho nhiệm vụ này").click()
    page.get_by_label("Tên tài liệu kiểm chứng").fill("Biên bản tự kiểm tra CCHC quý I")
    page.get_by_label("Số, ký hiệu văn bản").fill("01/BB-UBND")
    page.get_by_role("button", name="Lưu tài liệu kiểm chứng").click()
    page.get_by_text("Đã lưu tài liệu kiểm chứng và liên kết với nhiệm vụ.").wait_for()
    page.get_by_text("01/BB-UBND — Biên bản tự kiểm tra CCHC quý I").first.wait_for(
        state="attached")  # a data-grid cell: in the DOM for screen readers, drawn on canvas
    page.goto(f"{server.url}/truy_vet")
    page.get_by_role("heading", name="🧭 Ma trận truy vết").wait_for()
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Chưa có tài liệu kiểm chứng")
    metric.get_by_text("33", exact=True).wait_for()

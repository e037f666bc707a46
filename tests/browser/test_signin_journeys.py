"""Real browser journeys: first start, sign-out/sign-in, reload, deep links, dead cookies."""

from __future__ import annotations

import re

import pytest

from tests.browser import widgets as w

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-quan-tri-2023"


def test_first_start_create_admin_sign_out_sign_in_and_see_home(server, context):
    page = context.new_page()
    page.goto(server.url)
    page.get_by_role("heading", name="Khởi tạo hệ thống").wait_for()
    for label, value in [("Tên xã", "Xã Nam Trung"),
                         ("Tên cơ quan ban hành", "Ủy ban nhân dân xã Nam Trung"),
                         ("Địa danh ghi trên văn bản", "Nam Trung"),
                         ("Tên đăng nhập", "quantri"), ("Họ và tên", "Phạm Thị Lan"),
                         ("Mật khẩu", PASSWORD), ("Nhập lại mật khẩu", PASSWORD)]:
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Tạo tài khoản quản trị").click()
    page.get_by_role("heading", name="🏠 Trang chủ").wait_for()
    page.get_by_text("Xin chào Phạm Thị Lan.").wait_for()
    w.wait_for_cookie(page, context)
    page.get_by_role("button", name="Đăng xuất").click()
    w.fill_sign_in(page, "quantri", PASSWORD)
    page.get_by_role("heading", name="🏠 Trang chủ").wait_for()
    page.get_by_text("Ủy ban nhân dân xã Nam Trung").first.wait_for()
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_role("heading", name="Đăng nhập").wait_for()


def test_a_reload_keeps_the_session_and_sign_out_kills_the_cookie(server, context, browser):
    server.cli("demo")
    server.cli("user", "add", "quantri", "--full-name", "Quản Trị Viên", "--role", "admin",
               "--password-stdin", stdin=PASSWORD + "\n")
    page = context.new_page()
    page.goto(server.url)
    w.fill_sign_in(page, "quantri", PASSWORD)
    page.get_by_role("heading", name="🏠 Trang chủ").wait_for()
    w.wait_for_cookie(page, context)
    cookie = w.session_cookie(context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert cookie["value"] not in page.url
    page.reload()
    page.get_by_role("heading", name="🏠 Trang chủ").wait_for()
    second = context.new_page()  # a new tab, straight to a page by its URL
    second.goto(f"{server.url}/nguoi_dung")
    second.get_by_role("heading", name="👥 Người dùng").wait_for()
    second.close()
    assert _home_with_cookie(browser, server.url, cookie) == "🏠 Trang chủ"
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_role("heading", name="Đăng nhập").wait_for()
    # The same cookie, replayed in a fresh browser after sign-out, opens nothing.
    assert _home_with_cookie(browser, server.url, cookie) == "Đăng nhập"


def _home_with_cookie(browser, url: str, cookie) -> str:
    """The first heading a fresh browser holding only ``cookie`` sees on the home page."""
    ctx = browser.new_context()
    ctx.add_cookies([cookie])
    page = ctx.new_page()
    page.goto(url)
    heading = page.locator("h1").first
    heading.wait_for()
    text = heading.inner_text().strip()
    ctx.close()
    return text


def test_a_deep_link_on_a_fresh_server_asks_to_sign_in_then_opens_that_page(server, context):
    server.cli("demo")
    server.cli("user", "add", "quantri", "--full-name", "Quản Trị Viên", "--role", "admin",
               "--password-stdin", stdin=PASSWORD + "\n")
    page = context.new_page()
    page.goto(f"{server.url}/nhat_ky")
    w.fill_sign_in(page, "quantri", PASSWORD)
    page.get_by_role("heading", name="📜 Nhật ký thay đổi").wait_for()
    assert re.search(r"/nhat_ky$", page.url)

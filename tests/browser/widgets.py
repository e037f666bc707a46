"""Browser helpers shared by the journeys."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PASSWORD = "mat-khau-xa-nam-trung-2023"


def idle(page: Page) -> None:
    """Wait until the script run triggered by the last action has finished."""
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")


def open_select(page: Page, field: Locator, attempts: int = 4) -> None:
    """Open a selectbox's option list. A click that lands while the page is still re-running
    (a busy machine) can leave the field focused with its list shut: wait, close, click again."""
    for attempt in range(attempts):
        idle(page)
        field.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
            page.wait_for_timeout(500)


def fill_sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Fill the sign-in form and send it (the caller waits for what should follow)."""
    page.get_by_role("heading", name="Đăng nhập").wait_for()
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def sign_in(page: Page, username: str, heading: str, password: str = PASSWORD) -> None:
    """Fill the sign-in form and wait for the page it leads to."""
    fill_sign_in(page, username, password)
    page.get_by_role("heading", name=heading).wait_for()
    idle(page)


def switch_user(page: Page, username: str, heading: str) -> None:
    """Sign out and sign in again as ``username``, back on the page with ``heading``."""
    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, username, heading)


def session_cookie(context: BrowserContext) -> dict[str, Any] | None:
    return next((dict(c) for c in context.cookies() if c["name"] == "qms_session"), None)


def wait_for_cookie(page: Page, context: BrowserContext, tries: int = 100) -> None:
    """The session cookie is set by a route the page calls after signing in: wait for it."""
    for _ in range(tries):
        if session_cookie(context):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the session cookie was never set")


def form_of(page: Page, button: str) -> Locator:
    """The form that holds the submit button ``button``."""
    return page.locator('[data-testid="stForm"]').filter(
        has=page.get_by_role("button", name=button, exact=True))


def prepare(server: Any, *usernames: str, procedures: bool = False) -> None:
    """The demo (and its procedures, synced from ``procedures/``), an administrator (past the
    first-start form) and passwords for ``usernames``."""
    server.cli("demo")
    if procedures:
        server.cli("procedures", "sync")
    server.cli("user", "add", "quantri", "--full-name", "Quản Trị", "--role", "admin",
               "--password-stdin", stdin=PASSWORD + "\n")
    for username in usernames:
        server.cli("user", "set-password", username, "--password-stdin", stdin=PASSWORD + "\n")

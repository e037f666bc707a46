"""Browser helpers shared by the journeys."""

from __future__ import annotations

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout


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

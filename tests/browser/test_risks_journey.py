"""A real browser through the risk register: the Tư pháp officer finds her overdue risk action
in "Việc của tôi", follows the link to the entry and reports it done; the chairman then
re-assesses the entry (still chosen by the link), and its history shows the level before
and after."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from qms.db.engine import get_engine
from qms.risks.models import RiskAction, RiskReview
from tests.browser.widgets import form_of, idle, open_select, prepare, sign_in

pytestmark = pytest.mark.browser

ACTION = "Đối chiếu hai người với tờ khai trước khi in giấy khai sinh"


def _facts(server) -> tuple[str | None, int]:
    with get_engine(server.database_url).connect() as conn:
        status = conn.execute(select(RiskAction.status)
                              .where(RiskAction.description == ACTION)).scalar()
        reviews = len(conn.execute(select(RiskReview.id)).all())
    return status, reviews


def test_the_owner_closes_an_overdue_action_and_the_chairman_re_assesses(server, context):
    prepare(server, "hoant", "bennv")
    page = context.new_page()
    page.goto(f"{server.url}/viec_cua_toi")
    sign_in(page, "hoant", "📌 Việc của tôi")
    page.get_by_role("link", name=re.compile("Đối chiếu hai người")).click()
    page.get_by_role("heading", name=re.compile("Sai sót thông tin trên giấy khai sinh")).wait_for()
    idle(page)
    form = form_of(page, "Báo cáo hoàn thành")
    form.get_by_label("Kết quả thực hiện").fill("Đã áp dụng đối chiếu hai người từ 01/10/2023")
    form.get_by_role("button", name="Báo cáo hoàn thành").click()
    page.get_by_text("Đã ghi nhận hành động hoàn thành.").wait_for()
    assert _facts(server) == ("done", 1)

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, "bennv", "🎲 Rủi ro và cơ hội")  # the link's ?risk= still picks the entry
    page.get_by_role("heading", name=re.compile("Sai sót thông tin trên giấy khai sinh")).wait_for()
    form = form_of(page, "Lưu kết quả đánh giá lại")
    open_select(page, form.get_by_label("Khả năng xảy ra (1–5)"))
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    form.get_by_label("Ghi chú").fill("Không còn sai sót sau khi đối chiếu hai người")
    form.get_by_role("button", name="Lưu kết quả đánh giá lại").click()
    page.get_by_text("Đã lưu kết quả đánh giá lại.").wait_for()
    assert _facts(server) == ("done", 2)
    page.get_by_text("12 → 4").wait_for(state="attached")  # a cell of the history grid

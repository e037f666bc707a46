"""The demo's nonconformities for xã Nam Trung, made through the services: one closed after an
effective check, one whose action is under way, one just raised from a plan task."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.auth.models import Unit
from qms.auth.sessions import actors_of
from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.db.uow import read_session
from qms.nonconformities import actions as ca
from qms.nonconformities.detail_queries import nc_detail
from qms.nonconformities.recording import AnalysisInput, NcInput, analyse_nonconformity
from qms.nonconformities.recording import raise_nonconformity as raise_nc
from qms.plan.queries import task_table

TUPHAP = "Tư pháp - Hộ tịch"


def _unit(org_id: int, name: str) -> int | None:
    with read_session() as s:
        return s.scalar(select(Unit.id).where(Unit.organization_id == org_id, Unit.name == name))


def _version(org_id: int, nc_id: int, action_id: int | None = None) -> int:
    """The current version of the nonconformity (or of one of its actions)."""
    found = nc_detail(org_id, nc_id, date.max)
    assert found is not None
    if action_id is None:
        return found.version
    return next(a.version for a in found.actions if a.id == action_id)


def _closed(org_id: int, p: dict[str, Actor]) -> None:
    nc = raise_nc(p["hangnt"], "", None, NcInput(
        "Sổ đăng ký khai sinh năm 2022 ghi thiếu ngày cấp bản chính trích lục ở 3 trường hợp "
        "(số 45, 61, 88).", "minor", "self_inspection",
        "Sổ đăng ký khai sinh ghi thiếu thông tin", date(2023, 1, 16), date(2023, 1, 16),
        _unit(org_id, TUPHAP), "Đăng ký khai sinh", clause="7.5.3", owner_id=p["hoant"].user_id,
        evidence="Biên bản tự kiểm tra công tác hộ tịch ngày 16/01/2023."))
    analyse_nonconformity(p["hoant"], nc, AnalysisInput(
        "Bổ sung ngày cấp vào 3 trang sổ, có xác nhận của lãnh đạo.",
        "Mẫu sổ cũ không có cột ngày cấp; công chức ghi theo thói quen.", "documents", False,
        ("Sổ thiếu ngày cấp", "Mẫu sổ cũ không có cột ngày cấp"),
        "Không ảnh hưởng đến công dân."), _version(org_id, nc))
    action = ca.add_action(p["hoant"], nc, ca.ActionInput(
        "Dùng mẫu sổ theo Thông tư 04/2020/TT-BTP; kiểm tra chéo cuối mỗi tháng.",
        p["hoant"].user_id, date(2023, 2, 15)))
    ca.plan_actions(p["hoant"], nc, _version(org_id, nc))
    ca.update_action(p["hoant"], action, ca.ActionUpdate(
        "done", "Đã thay mẫu sổ, lập biên bản kiểm tra chéo tháng 1 và 2.", date(2023, 2, 10)),
        _version(org_id, nc, action))
    ca.verify_effectiveness(p["hangnt"], nc, ca.VerificationInput(
        True, "Kiểm tra sổ tháng 2 và 3: không còn trường hợp ghi thiếu.", date(2023, 3, 20)),
        _version(org_id, nc))
    ca.close_nonconformity(p["bennv"], nc, _version(org_id, nc), date(2023, 3, 24))


def _in_progress(org_id: int, p: dict[str, Actor]) -> None:
    nc = raise_nc(p["hangnt"], "", None, NcInput(
        "Công dân phản ánh hồ sơ chứng thực hợp đồng trả chậm 01 ngày, không nhận được thư "
        "xin lỗi.", "minor", "citizen_feedback", "Hồ sơ chứng thực trả chậm, thiếu thư xin lỗi",
        date(2023, 3, 2), date(2023, 3, 2), _unit(org_id, TUPHAP), "Chứng thực hợp đồng",
        clause="8.5.1", found_by_name="Ông Phạm Văn Long, thôn Đồng Khê"))
    analyse_nonconformity(p["hoant"], nc, AnalysisInput(
        "Gọi điện xin lỗi, trả kết quả ngay trong ngày 02/3/2023.",
        "Không có người theo dõi hạn khi công chức đi tập huấn.", "people", True,
        ("Hồ sơ trả chậm", "Công chức đi tập huấn", "Không phân công người thay thế"),
        similar_note="Tháng 11/2022 có 1 trường hợp tương tự."), _version(org_id, nc))
    action = ca.add_action(p["hoant"], nc, ca.ActionInput(
        "Phân công người thay thế; theo dõi hạn trên phần mềm một cửa mỗi sáng.",
        p["hoant"].user_id, date(2023, 4, 15)))
    ca.plan_actions(p["hoant"], nc, _version(org_id, nc))
    ca.update_action(p["hoant"], action, ca.ActionUpdate(
        "in_progress", "Đã có quyết định phân công người thay thế."),
        _version(org_id, nc, action))


def _raised_from_task(org_id: int, p: dict[str, Actor], task_id: int | None) -> None:
    raise_nc(p["hangnt"], "plan_task" if task_id else "", task_id, NcInput(
        "Trang thông tin điện tử xã chưa cập nhật 4 thủ tục hành chính mới công bố tháng "
        "3/2023.", "observation", "self_inspection", "Chưa công khai kịp thời TTHC mới",
        date(2023, 3, 8), date(2023, 3, 8), _unit(org_id, "Ban biên tập Trang thông tin điện tử"),
        clause="8.2.1"))


def load_demo_nonconformities(demo: DemoContext) -> None:
    """Add the demo's nonconformities to the demo organisation, one raised from its plan."""
    org_id = demo.org_id
    people = actors_of(org_id)
    tasks = task_table(org_id, demo.plan, date(2023, 1, 1))
    codes = {row.code: int(row.id) for row in tasks.itertuples()}
    _closed(org_id, people)
    _in_progress(org_id, people)
    _raised_from_task(org_id, people, codes.get("3.5"))

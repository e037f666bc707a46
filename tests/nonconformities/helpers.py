"""Builders for the nonconformity tests: a commune with the demo's people, and a nonconformity
walked to any status through the services (so the builders stay honest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from qms.auth.models import User
from qms.auth.sessions import actor_for
from qms.auth.users import UserInput, create_user
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.roles import Role
from qms.db.uow import unit_of_work
from qms.nonconformities import actions as ca
from qms.nonconformities.detail_queries import NcDetail, nc_detail
from qms.nonconformities.recording import AnalysisInput, NcInput, analyse_nonconformity
from qms.nonconformities.recording import raise_nonconformity as raise_nc
from qms.trail.models import AuditLog
from tests.factories import PASSWORD, make_org, make_unit, signed_in

PEOPLE = {  # username -> (roles, unit)
    "hangnt": ((Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER), "Văn phòng - Thống kê"),
    "hoant": ((Role.OFFICER, Role.AUDITOR), "Tư pháp - Hộ tịch"),
    "minhlv": ((Role.OFFICER,), "Tài chính - Kế toán"),
    "bennv": ((Role.LEADER,), "Lãnh đạo UBND xã"),
    "hungtv": ((Role.LEADER, Role.AUDITOR), "Lãnh đạo UBND xã"),
    "tungbv": ((Role.VIEWER,), "Văn phòng - Thống kê"),
}
FULL_NAMES = {"hangnt": "Nguyễn Thị Hằng", "hoant": "Nguyễn Thị Hoa", "minhlv": "Lê Văn Minh",
              "bennv": "Nguyễn Văn Bền", "hungtv": "Trần Văn Hùng", "tungbv": "Bùi Văn Tùng"}


@dataclass(frozen=True)
class Commune:
    org_id: int
    units: dict[str, int]
    users: dict[str, int]
    suffix: str = ""

    def actor(self, username: str) -> Actor:
        """The user as a signed-in actor (no session needed by the services)."""
        with unit_of_work() as uow:
            user = uow.session.scalar(select(User).where(
                User.username == username + self.suffix))
            assert user is not None
            return actor_for(user)

    def session(self, username: str) -> int | None:
        """A signed-in session of the user (for pages run in AppTest)."""
        return signed_in(username + self.suffix).session_id

    @property
    def tuphap(self) -> int:
        return self.units["Tư pháp - Hộ tịch"]


def commune(name: str = "Xã Nam Trung", suffix: str = "") -> Commune:
    """An organisation with the demo's people (usernames + ``suffix`` for a second one)."""
    org_id = make_org(name)
    units = {u: make_unit(org_id, u) for u in sorted({u for _, u in PEOPLE.values()})}
    users = {}
    for username, (roles, unit) in PEOPLE.items():
        users[username] = create_user(Actor.system(org_id), UserInput(
            username + suffix, FULL_NAMES[username],
            "Công chức", units[unit], frozenset(roles), f"{username}@namtrung.gov.vn"),
            PASSWORD)
    return Commune(org_id, units, users, suffix)


def nc_input(c: Commune, **overrides: object) -> NcInput:
    values: dict[str, object] = {
        "description": "Hồ sơ khai sinh của công dân Trần Văn An trả chậm 2 ngày, "
                       "không có thư xin lỗi.",
        "grade": "minor", "source": "citizen_feedback", "unit_id": c.tuphap,
        "procedure": "QT-05 Đăng ký khai sinh", "clause": "8.5.1",
        "title": "Trả kết quả khai sinh trễ hạn",
    }
    return NcInput(**{**values, **overrides})  # type: ignore[arg-type]


def detail(c: Commune, nc_id: int) -> NcDetail:
    found = nc_detail(c.org_id, nc_id, today())
    assert found is not None
    return found


ANALYSIS = AnalysisInput(
    correction="Gọi điện xin lỗi công dân, trả kết quả ngay trong ngày.",
    root_cause="Không có người theo dõi hạn trả kết quả khi công chức đi vắng.",
    cause_category="method", similar_exist=False,
    why_chain=("Hồ sơ trả chậm", "Không ai theo dõi hạn"), consequences="Đã xin lỗi.")


def analysed(c: Commune, **overrides: object) -> int:
    nc_id = raise_nc(c.actor("hangnt"), "", None, nc_input(c, **overrides))
    analyse_nonconformity(c.actor("hoant"), nc_id, ANALYSIS, detail(c, nc_id).version)
    return nc_id


def planned(c: Commune, owner: str = "hoant", due: date | None = None, **overrides: object
            ) -> tuple[int, int]:
    """A planned nonconformity with one action owned by ``owner``: (nc id, action id)."""
    nc_id = analysed(c, **overrides)
    action_id = ca.add_action(c.actor("hoant"), nc_id, ca.ActionInput(
        "Lập sổ theo dõi hạn trả kết quả, giao người thay thế khi vắng mặt.",
        c.users[owner], due or today() + timedelta(days=14)))
    ca.plan_actions(c.actor("hoant"), nc_id, detail(c, nc_id).version)
    return nc_id, action_id


def done(c: Commune, owner: str = "hoant", **overrides: object) -> tuple[int, int]:
    """A nonconformity whose only action is done today: awaiting the effectiveness check."""
    nc_id, action_id = planned(c, owner, **overrides)
    version = next(a.version for a in detail(c, nc_id).actions if a.id == action_id)
    ca.update_action(c.actor(owner), action_id, ca.ActionUpdate(
        "done", "Đã lập sổ theo dõi, phân công người thay thế.", today()), version)
    return nc_id, action_id


def audit_actions(entity_type: str, entity_id: int) -> list[str]:
    with unit_of_work() as uow:
        return list(uow.session.scalars(select(AuditLog.action).where(
            AuditLog.entity_type == entity_type, AuditLog.entity_id == str(entity_id))
            .order_by(AuditLog.id)))

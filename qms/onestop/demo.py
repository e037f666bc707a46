"""The demo's one-stop figures for xã Nam Trung, recorded through the service: Q1 above the
on-time target, six months below it (which proposes a nonconformity)."""

from __future__ import annotations

from sqlalchemy import select

from qms.auth.models import User
from qms.auth.sessions import actor_for
from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.db.uow import read_session
from qms.onestop.recording import record_figures
from qms.onestop.rules import Figures
from qms.plan.queries import plan_header

OFFICER = "hangnt"  # the ISO officer, who records the desk's figures


def _officer(org_id: int) -> Actor | None:
    with read_session() as s:
        user = s.scalar(select(User).where(User.organization_id == org_id,
                                           User.username == OFFICER))
        return actor_for(user) if user is not None else None


def load_demo_onestop(demo: DemoContext) -> None:
    """Record the figures of the plan's first two reporting periods."""
    officer = _officer(demo.org_id)
    header = plan_header(demo.org_id, demo.plan)
    periods = header.periods if header else []
    if officer is None or len(periods) < 2:
        return
    record_figures(officer, periods[0].id, Figures(420, 301, 111, 3, 3),
                   note="Quý I: 412/415 hồ sơ đúng hạn, trước hạn")
    record_figures(officer, periods[1].id, Figures(398, 210, 165, 18, 18),
                   note="6 tháng: 18 hồ sơ trễ hạn do đường truyền phần mềm một cửa")

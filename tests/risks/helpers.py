"""Builders for the risk tests: the demo's people and one risk of the Tư pháp - Hộ tịch unit
owned by hoant, with an action, made through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.core.clock import today
from qms.risks import recording as risks
from qms.risks.queries import RiskFilter, RiskRow, register
from tests.nonconformities.helpers import Commune, commune


@dataclass(frozen=True)
class Setup:
    c: Commune
    risk_id: int
    action_id: int

    def row(self, risk_id: int | None = None, day: date | None = None) -> RiskRow:
        wanted = risk_id or self.risk_id
        found = [r for r in register(self.c.org_id, day or today(),
                                     RiskFilter(status=None)) if r.id == wanted]
        assert len(found) == 1
        return found[0]


def civil_status_risk(c: Commune, **overrides: object) -> risks.RiskInput:
    values: dict[str, object] = {
        "kind": "risk", "unit_id": c.tuphap, "owner_id": c.users["hoant"],
        "description": "Sai sót thông tin trên giấy khai sinh do nhập liệu thủ công",
        "cause": "Công chức nhập lại dữ liệu từ tờ khai viết tay",
        "consequence": "Công dân phải làm thủ tục cải chính, khiếu nại",
        "likelihood": 3, "impact": 4, "next_review_date": date(2023, 6, 30)}
    return risks.RiskInput(**{**values, **overrides})  # type: ignore[arg-type]


def setup(due: date = date(2023, 3, 10)) -> Setup:
    """Today is 1 March 2023 (the ``clock`` fixture); the action is due ``due``."""
    c = commune()
    risk_id = risks.create_risk(c.actor("hangnt"), civil_status_risk(c))
    action_id = risks.add_action(c.actor("hangnt"), risk_id, risks.RiskActionInput(
        "Đối chiếu hai người với tờ khai trước khi in giấy khai sinh", c.users["hoant"], due))
    return Setup(c, risk_id, action_id)

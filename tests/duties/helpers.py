"""Builders for the self-inspection tests: the demo's people with the seed plan imported
(which makes one duty per ``is_duty`` task), and a duty's row in a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.duties.queries import DutyRow, board, periods
from qms.duties.reporting import add_report_evidence, submit_report
from qms.plan.demo import load_demo_plan
from qms.trace.evidence import EvidenceInput
from tests.nonconformities.helpers import Commune, commune

EVIDENCE = EvidenceInput("Biên bản tự kiểm tra công tác thi hành pháp luật quý I/2023",
                         "03/BB-UBND", date(2023, 3, 7), "UBND xã Nam Trung")


@dataclass(frozen=True)
class Setup:
    c: Commune
    plan_id: int
    periods: list[int]  # period ids in plan order

    def row(self, code: str, ordinal: int = 1, today: date = date(2023, 3, 1)) -> DutyRow:
        found = [r for r in board(self.c.org_id, self.periods[ordinal - 1], today)
                 if r.code == code]
        assert len(found) == 1, code
        return found[0]


def setup() -> Setup:
    c = commune()
    plan_id = load_demo_plan(c.org_id)
    options, _ = periods(c.org_id, date(2023, 1, 1))
    return Setup(c, plan_id, [p.id for p in options])


def submitted(s: Setup, code: str = "2.5", who: str = "hoant", ordinal: int = 1) -> int:
    """The duty's report of the period, with one evidence document, handed in: its id."""
    row = s.row(code, ordinal)
    report = add_report_evidence(s.c.actor(who), row.duty_id, row.period_id, EVIDENCE)
    submit_report(s.c.actor(who), row.duty_id, row.period_id, None)
    return report

"""The demo's risks and opportunities: seven entries with actions, exactly one action left
overdue, one entry re-assessed once, one linked to a plan task."""

from __future__ import annotations

from datetime import date

from qms.demo.nam_trung import load_demo
from qms.risks import queries as q
from qms.risks.sections import risks_section
from qms.risks.work import risk_deadlines


def test_the_demo_register_has_an_overdue_action_and_a_reviewed_entry(db):
    org_id = load_demo().organization_id
    assert org_id is not None
    day = date(2023, 10, 15)
    rows = q.register(org_id, day)
    assert len(rows) == 7 and {r.kind for r in rows} == {"risk", "opportunity"}
    assert all(r.unit and r.owner for r in rows)
    assert any(r.document.startswith("QT-08") for r in rows)
    late = [a for a in q.actions(org_id, day) if a.overdue]
    assert len(late) == 1 and late[0].due_date == date(2023, 9, 30)
    reviewed = [r for r in rows if r.previous_level is not None]
    assert [(r.previous_level, r.level, r.trend) for r in reviewed] == [(12, 8, "down")]
    assert len(q.reviews(org_id, reviewed[0].id)) == 1
    assert q.linked_tasks(org_id, reviewed[0].id)[0].startswith("3.5")
    assert [i.kind for i in risk_deadlines(org_id, day) if i.overdue] == ["risk.action"]
    section = risks_section(org_id, date(2022, 12, 10), date(2023, 12, 9))
    assert section is not None and section.figures["actions_late"] == 1
    assert section.figures["reviewed"] == 1 and section.figures["total"] == 7

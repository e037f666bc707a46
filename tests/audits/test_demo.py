"""The demo audits: a 2023 programme, one completed audit with a finding, one planned."""

from __future__ import annotations

from qms.audits import queries as q
from qms.demo.nam_trung import load_demo
from tests.audits.helpers import find_demo_audits


def test_the_demo_programme_has_a_completed_audit_with_findings_and_a_planned_one(db):
    org_id = load_demo().organization_id
    assert org_id is not None
    demo = find_demo_audits(org_id)
    assert demo is not None
    done, planned = q.get_audit(org_id, demo.completed_id), q.get_audit(org_id, demo.planned_id)
    assert done is not None and done.status == "completed" and done.conclusion
    assert planned is not None and planned.status == "planned"
    items = q.checklist(org_id, demo.completed_id)
    assert items and all(i.result for i in items)
    assert any(i.source == "plan_task" and i.source_ref == "3.6" for i in items)
    found = q.findings(org_id, demo.completed_id)
    assert {f.result for f in found} == {"minor", "observation"}
    assert demo.nonconformity_id is not None
    [minor] = [f for f in found if f.result == "minor"]
    assert minor.nonconformity_id == demo.nonconformity_id and "2023" in minor.nc_number
    assert q.checklist(org_id, demo.planned_id)
    assert [a.id for a in q.list_audits(org_id, demo.programme_id)] == [demo.completed_id,
                                                                        demo.planned_id]

"""Issue 8's audit-trail proof over every mutating service: each call a role may make is run
in the prepared world (``service_catalog.py``) and the business tables are compared row by
row before and after. A change comes with at least one new audit row, written in the same
transaction, naming a record the call changed (or the record a changed row belongs to); no
change, no row. (Refused calls — no row, no table changed — are checked by the permission
walk, ``test_permission_walk.py``.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qms.db.base import Base
from tests.reliability import walk
from tests.reliability.service_catalog import SERVICES

# Services whose audit row records an event rather than a change of a stored record.
EVENTS = {"qms.backup.archive.backup_for":
          "downloading a backup is logged: who took the data, when"}
# Services that write synthetic history, log rows included: only their own row is checked.
SYNTHETIC = {"qms.demo.scale.history.add_history": "demo.scale"}

# audit_log.entity_type -> the table of the record it names.
ENTITY_TABLES = {
    "organization": "organizations", "unit": "units", "user": "users", "plan": "plans",
    "plan_task": "plan_tasks", "plan_target": "plan_targets", "evidence": "evidence",
    "document": "documents", "bank_question": "audit_bank_questions",
    "audit_programme": "audit_programmes", "audit": "internal_audits",
    "checklist_question": "audit_checklist_items", "finding": "audit_findings",
    "nonconformity": "nonconformities", "corrective_action": "corrective_actions",
    "nc_verification": "nc_verifications", "onestop_figures": "onestop_figures",
    "nc_proposal": "nc_proposals", "period_report": "period_reports",
    "management_review": "management_reviews",
    "management_review_action": "management_review_actions",
    "self_inspection_duty": "self_inspection_duties", "duty_report": "duty_reports",
    "criteria_set": "criteria_sets", "score_sheet": "score_sheets", "self_score": "self_scores",
    "satisfaction_survey": "satisfaction_surveys",
    "satisfaction_criterion": "satisfaction_criteria",
    "citizen_feedback": "citizen_feedback", "risk": "risks", "risk_action": "risk_actions",
}

ALLOWED = [c for c in walk.cases() if walk.expected(*c)]


@pytest.fixture(scope="module", params=("sqlite", "postgresql"))
def world(request, tmp_path_factory) -> Iterator[walk.Prepared]:
    with walk.prepared(request.param, tmp_path_factory.mktemp("audit")) as ready:
        yield ready


def touched(before: walk.Rows, after: walk.Rows, diff: dict[str, set[str]]
            ) -> set[tuple[str, str]]:
    """(table, key) of every changed row and of the records it belongs to, two levels up
    (an attachment -> its revision -> its document). Links to the organisation and to users
    (who created it) count only for a row with no other parent."""
    tables = {t.name: t for t in Base.metadata.sorted_tables}

    def parents(table: str, key: str) -> set[tuple[str, str]]:
        found = after.get(table, {}).get(key) or before.get(table, {}).get(key)
        if found is None:
            return set()
        links = {(fk.column.table.name, str(found[1][fk.parent.name]))
                 for fk in tables[table].foreign_keys if found[1].get(fk.parent.name) is not None}
        own = {link for link in links if link[0] not in ("organizations", "users")}
        return own or links

    out = {(table, key) for table, keys in diff.items() for key in keys}
    frontier = set(out)
    for _ in range(2):
        frontier = {p for row in frontier for p in parents(*row)} - out
        out |= frontier
    return out


@pytest.mark.parametrize("case", ALLOWED, ids=[walk.case_id(c) for c in ALLOWED])
def test_a_change_comes_with_its_audit_row_and_only_then(world: walk.Prepared, case) -> None:
    name, role, held = case
    with walk.transaction(world.url, world.data_dir) as conn:
        call = SERVICES[name].build(world.world)
        who = walk.actor(world.world, call, role, held)
        before, last = walk.fingerprint(conn), walk.last_audit_id(conn)
        walk.service(name)(who, *call.args, **call.kwargs)
        after = walk.fingerprint(conn)
        diff = walk.changed(before, after)
        rows = walk.new_audit_rows(conn, last)
        if not diff:
            assert bool(rows) == (name in EVENTS), f"{name}: audit rows without a change {rows}"
            return
        assert rows, f"{name} changed {sorted(diff)} without an audit row"
        if name in SYNTHETIC:
            rows = [r for r in rows if r[2] == SYNTHETIC[name]]
            assert len(rows) == 1, f"{name}: no single {SYNTHETIC[name]} row"
        for entity_type, _, action in rows:
            assert entity_type in ENTITY_TABLES, f"{name}: {action} names {entity_type}"
        named = {(ENTITY_TABLES[t], i) for t, i, _ in rows}
        assert named & touched(before, after, diff), \
            f"{name}: audit rows {rows} name none of the changed records {diff}"

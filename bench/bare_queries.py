"""For each page, one prepared query returning the rows the page shows by default.

The bare baseline (``bench/bare_page.py``) runs it and shows the result as one table: the
least any page showing those rows must do. ``:org`` is the measured organisation.
"""

from __future__ import annotations

LATEST_PLAN = ("(SELECT id FROM plans WHERE organization_id = :org AND is_current "
               "ORDER BY year DESC LIMIT 1)")
ORG = "SELECT name, authority_name, place_name, province FROM organizations WHERE id = :org"

BARE_SQL: dict[str, str] = {
    "home": f"""SELECT a.number, a.title, count(t.id) AS tasks,
                 sum(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END) AS done
                FROM plan_areas a LEFT JOIN plan_tasks t ON t.area_id = a.id
                WHERE a.plan_id = {LATEST_PLAN} GROUP BY a.number, a.title ORDER BY a.number""",
    "my_work": """SELECT c.description, c.due_date, c.status FROM corrective_actions c
                   WHERE c.organization_id = :org AND c.status <> 'done'
                   ORDER BY c.due_date LIMIT 50""",
    "nonconformities": """SELECT n.number, n.found_on, n.title, n.source, u.name AS unit,
                   n.clause, n.grade, n.status, o.full_name AS owner,
                   (SELECT count(*) FROM corrective_actions c
                     WHERE c.nonconformity_id = n.id) AS actions
                   FROM nonconformities n LEFT JOIN units u ON u.id = n.unit_id
                   LEFT JOIN users o ON o.id = n.owner_id WHERE n.organization_id = :org
                   ORDER BY n.year DESC, n.seq DESC LIMIT 50""",
    "onestop": """SELECT * FROM onestop_figures WHERE organization_id = :org""",
    "plan": f"""SELECT t.code, t.text, t.status, t.due_date, u.name AS unit FROM plan_tasks t
                LEFT JOIN units u ON u.id = t.owner_unit_id WHERE t.plan_id = {LATEST_PLAN}
                ORDER BY t.area_id, t.ordinal""",
    "plan_import": ORG,
    "traceability": f"""SELECT t.code, l.entity_type, l.entity_id FROM trace_links l
                JOIN plan_tasks t ON t.id = l.task_id WHERE t.plan_id = {LATEST_PLAN}""",
    "evidence": """SELECT e.title, e.doc_number, e.doc_date, e.issuer, f.name FROM evidence e
                   LEFT JOIN stored_files f ON f.id = e.file_id
                   WHERE e.organization_id = :org ORDER BY e.id DESC LIMIT 500""",
    "duties": f"""SELECT d.title, r.status, r.submitted_on FROM self_inspection_duties d
                  LEFT JOIN duty_reports r ON r.duty_id = d.id
                  WHERE d.plan_id = {LATEST_PLAN}""",
    "scoring": """SELECT c.code, c.title, c.max_points FROM index_criteria c
                  WHERE c.set_id = (SELECT max(id) FROM criteria_sets
                                    WHERE organization_id = :org) ORDER BY c.ordinal""",
    "period_report": f"""SELECT p.name, p.start_date, p.end_date FROM reporting_periods p
                  WHERE p.plan_id = {LATEST_PLAN} ORDER BY p.ordinal""",
    "documents": """SELECT d.code, d.title, d.doc_type, d.next_review_date FROM documents d
                    WHERE d.organization_id = :org ORDER BY d.code LIMIT 25""",
    "audit_programme": """SELECT a.title, a.start_date, a.end_date, a.status
                   FROM internal_audits a JOIN audit_programmes p ON p.id = a.programme_id
                   WHERE a.organization_id = :org
                     AND p.year = (SELECT max(year) FROM audit_programmes
                                   WHERE organization_id = :org)""",
    "audit": """SELECT i.ordinal, i.clause, i.question, i.result, i.evidence_seen
                FROM audit_checklist_items i
                WHERE i.audit_id = (SELECT max(id) FROM internal_audits
                                    WHERE organization_id = :org) ORDER BY i.ordinal""",
    "audit_fill": """SELECT a.title FROM internal_audits a WHERE a.organization_id = :org
                     AND a.status = 'in_progress'""",
    "audit_bank": """SELECT code, clause, question FROM audit_bank_questions
                     WHERE organization_id = :org ORDER BY code""",
    "management_review": """SELECT title, meeting_date, status FROM management_reviews
                            WHERE organization_id = :org ORDER BY meeting_date DESC""",
    "account": """SELECT username, full_name, job_title FROM users
                  WHERE organization_id = :org LIMIT 1""",
    "organization": """SELECT name, is_active FROM units WHERE organization_id = :org
                       ORDER BY name""",
    "users": """SELECT username, full_name, job_title, is_active FROM users
                WHERE organization_id = :org ORDER BY username""",
    "audit_log": """SELECT occurred_at, actor, action, entity_type, entity_id FROM audit_log
                    WHERE organization_id = :org ORDER BY id DESC LIMIT 50""",
    "backup": ORG,
    "voice": """SELECT received_on, channel, subject, due_on, answered_on FROM citizen_feedback
                WHERE organization_id = :org ORDER BY received_on DESC""",
    "risks": """SELECT id, kind, description, likelihood * impact AS level, next_review_date
                FROM risks WHERE organization_id = :org ORDER BY likelihood * impact DESC""",
}

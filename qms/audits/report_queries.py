"""Everything the audit plan and audit report PDFs print, read in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.audits.queries import (
    AuditView,
    FindingView,
    ItemView,
    audit_scores,
    checklist,
    findings,
    get_audit,
)
from qms.audits.rules import Score
from qms.auth.organization_queries import get_organization
from qms.core import clock
from qms.core.errors import NotFound


@dataclass(frozen=True)
class AuditReportData:
    """Frozen input of ``qms.audits.plan_report`` and ``qms.audits.report``."""

    authority_name: str  # "Ủy ban nhân dân xã Nam Trung"
    place: str
    superior_body: str
    symbol: str
    chairman_name: str
    chairman_title: str
    issued_on: date
    audit: AuditView
    items: tuple[ItemView, ...]
    findings: tuple[FindingView, ...]
    scores: dict[str, dict[str, Score]]


def audit_report_data(org_id: int, audit_id: int, issued_on: date | None = None
                      ) -> AuditReportData:
    """The audit, its checklist, findings and scores with the organisation's header data."""
    org, audit = get_organization(org_id), get_audit(org_id, audit_id)
    if org is None or audit is None:
        raise NotFound("error.not_found")
    d = org.data
    return AuditReportData(d.authority_name, d.place_name, d.superior_body, d.document_symbol,
                           d.chairman_name, d.chairman_title,
                           issued_on or audit.end_date or clock.now().date(), audit,
                           tuple(checklist(org_id, audit_id)), tuple(findings(org_id, audit_id)),
                           audit_scores(org_id, audit_id))

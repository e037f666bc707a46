"""What the two nonconformity PDFs print: the request form of one record and the register of
a year or reporting period, with every code turned into its Vietnamese words."""

from __future__ import annotations

import functools
from collections import Counter
from datetime import date

from qms.audits.clauses import load_clauses
from qms.auth.organization_queries import get_organization
from qms.core.data_files import read_packaged
from qms.core.i18n import t
from qms.db.uow import read_session
from qms.nonconformities.detail_queries import NcDetail, nc_detail
from qms.nonconformities.queries import NcFilter, register
from qms.nonconformities.register_report import NcRegisterReport, RegisterLine
from qms.nonconformities.report import CarAction, CarCheck, CarForm
from qms.nonconformities.rules import NcStatus
from qms.nonconformities.vocabulary_rules import NcGrade, NcSource
from qms.plan.models import Plan, ReportingPeriod
from qms.reports.letterhead import OrgHeader
from qms.reports.sections import day

VI = "vi"  # reports are Vietnamese whatever the user's language


@functools.cache
def clause_titles() -> dict[str, str]:
    """``{"7.5.3": "Kiểm soát thông tin dạng văn bản", …}`` from the shipped clause list."""
    return {c.code: c.title for c in load_clauses(read_packaged("iso_clauses.csv"))}


def clause_label(code: str) -> str:
    """``7.5.3 — Kiểm soát thông tin dạng văn bản`` (the code alone when unknown)."""
    title = clause_titles().get(code)
    return f"{code} — {title}" if code and title else code


def org_header(org_id: int) -> OrgHeader | None:
    """The organisation as report headers and signatures print it."""
    org = get_organization(org_id)
    if org is None:
        return None
    d = org.data
    return OrgHeader(d.authority_name, d.place_name, d.superior_body, d.document_symbol,
                     d.chairman_name, d.chairman_title)


def _similar(d: NcDetail) -> str:
    if d.similar_exist is None:
        return ""
    answer = "Có." if d.similar_exist else "Không."
    return f"{answer} {d.similar_note}".strip()


def car_form(org_id: int, nc_id: int, today: date) -> CarForm | None:
    """The request form of one nonconformity, or ``None``."""
    d, org = nc_detail(org_id, nc_id, today), org_header(org_id)
    if d is None or org is None:
        return None
    actions = tuple(CarAction(a.round, a.ordinal, a.description, a.owner, a.due_date,
                              t(f"field.nc.action_status.{a.status}", VI), a.done_note, a.done_on)
                    for a in d.actions)
    checks = tuple(CarCheck(v.round, v.verified_on, v.verifier, v.effective, v.note)
                   for v in d.verifications)
    return CarForm(
        org, d.number, d.title, t(f"field.nc.status.{d.status}", VI), d.found_on, d.recorded_on,
        t(f"nc.source.{d.source}", VI), d.unit, d.document or d.procedure_text,
        clause_label(d.clause), d.found_by, d.owner, t(f"nc.grade.{d.grade}", VI),
        d.description, d.evidence_text, d.correction, d.consequences, d.why_chain,
        t(f"nc.cause.{d.cause_category}", VI) if d.cause_category else "", d.root_cause,
        _similar(d), d.recurrence_of, tuple(f"{code} — {text}" for _, _, code, text in d.tasks),
        actions, checks, d.closed_on, d.closed_by, d.cancelled_on, d.cancelled_by,
        d.cancel_reason)


def _pairs(counts: Counter[str], keys: list[str], prefix: str) -> tuple[tuple[str, int], ...]:
    return tuple((t(f"{prefix}.{k}", VI), counts[k]) for k in keys)


def register_report(org_id: int, year: int, today: date,
                    period_id: int | None = None) -> NcRegisterReport | None:
    """The register of ``year`` (found that year), or of one reporting period's window."""
    org = org_header(org_id)
    if org is None:
        return None
    frame = register(org_id, NcFilter(year=None if period_id else year), today)
    scope = f"năm {year}"
    if period_id is not None:
        with read_session() as s:
            period = s.get(ReportingPeriod, period_id)
            plan = s.get(Plan, period.plan_id) if period else None
            if period is None or plan is None or plan.organization_id != org_id:
                return None
            start, end, name = period.start_date, period.end_date, period.name
        frame = frame[[start <= f <= end for f in frame["found_on"]]]
        scope = f"kỳ báo cáo {name} (từ {day(start)} đến {day(end)})"
    frame = frame.iloc[::-1]  # oldest first, as a register is read
    lines = tuple(RegisterLine(
        r.number, r.found_on, r.title, t(f"nc.source.{r.source}", VI), r.unit,
        t(f"nc.grade.{r.grade}", VI), t(f"field.nc.status.{r.status}", VI),
        f"{r.actions_done}/{r.actions}", int(r.days_open), bool(r.overdue))
        for r in frame.itertuples())
    return NcRegisterReport(
        org, scope, today, lines,
        _pairs(Counter(frame["status"]), [s.value for s in NcStatus], "field.nc.status"),
        _pairs(Counter(frame["grade"]), [g.value for g in NcGrade], "nc.grade"),
        _pairs(Counter(frame["source"]), [s.value for s in NcSource], "nc.source"))

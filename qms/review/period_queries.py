"""What the periodic CCHC report shows: the period, its narratives (the record the ISO officer
edits) and the sections every registered provider contributes for the period's window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from qms.db.uow import read_session
from qms.features import period_sections
from qms.nonconformities.report_queries import org_header
from qms.plan.models import Plan, ReportingPeriod
from qms.reports.letterhead import OrgHeader
from qms.reports.sections import Section, collect
from qms.review.models import PeriodReport


@dataclass(frozen=True)
class Narratives:
    """The editable parts; ``version`` 0 while no one has written them."""

    period_id: int
    period: str
    start: date
    end: date
    general_assessment: str = ""
    difficulties: str = ""
    next_tasks: str = ""
    number: str = ""
    issued_on: date | None = None
    version: int = 0


@dataclass(frozen=True)
class PeriodReportData:
    """Everything the PDF and the Excel file print."""

    org: OrgHeader
    narratives: Narratives
    sections: tuple[Section, ...]

    @property
    def issued_on(self) -> date:
        return self.narratives.issued_on or self.narratives.end


def narratives(org_id: int, period_id: int) -> Narratives | None:
    """The period's narratives (empty, version 0, before the first save), or ``None``."""
    query = (select(ReportingPeriod.name, ReportingPeriod.start_date, ReportingPeriod.end_date,
                    PeriodReport)
             .join(Plan, Plan.id == ReportingPeriod.plan_id)
             .outerjoin(PeriodReport, (PeriodReport.period_id == ReportingPeriod.id)
                        & (PeriodReport.organization_id == org_id))
             .where(ReportingPeriod.id == period_id, Plan.organization_id == org_id))
    with read_session() as s:
        found = s.execute(query).first()
        if found is None:
            return None
        name, start, end, row = found
        if row is None:
            return Narratives(period_id, name, start, end)
        return Narratives(period_id, name, start, end, row.general_assessment,
                          row.difficulties, row.next_tasks, row.number, row.issued_on,
                          row.version)


def plan_of_period(org_id: int, period_id: int) -> int | None:
    """The plan a period belongs to (for deep links ``?period=``), or ``None``."""
    with read_session() as s:
        return s.scalar(select(ReportingPeriod.plan_id).join(Plan, Plan.id ==
                                                             ReportingPeriod.plan_id)
                        .where(ReportingPeriod.id == period_id, Plan.organization_id == org_id))


def period_report(org_id: int, period_id: int) -> PeriodReportData | None:
    """The report of one period: narratives and every provider's section for its window."""
    text, org = narratives(org_id, period_id), org_header(org_id)
    if text is None or org is None:
        return None
    found = collect(period_sections(), org_id, text.start, text.end)
    return PeriodReportData(org, text, tuple(found))

"""The self-scoring section of the periodic report and the management review: each score
sheet of a reporting period inside ``start..end``, its totals per area and overall."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.core.i18n import t
from qms.db.uow import read_session
from qms.plan.models import Plan, ReportingPeriod
from qms.reports.sections import Section
from qms.scoring.models import ScoreSheet
from qms.scoring.queries import sheet_detail
from qms.scoring.report import pct, points


def scoring_section(org_id: int, start: date, end: date) -> Section | None:
    """Max, score and % per area of every sheet whose period lies in the window (a sample
    criteria set says so); ``None`` when there is none."""
    query = (select(ScoreSheet.id).join(ReportingPeriod,
                                        ReportingPeriod.id == ScoreSheet.period_id)
             .join(Plan, Plan.id == ReportingPeriod.plan_id)
             .where(ScoreSheet.organization_id == org_id, Plan.organization_id == org_id,
                    ReportingPeriod.start_date >= start, ReportingPeriod.end_date <= end)
             .order_by(ReportingPeriod.start_date, ScoreSheet.id))
    with read_session() as s:
        ids = list(s.scalars(query))
    sheets = [d for d in (sheet_detail(org_id, i) for i in ids) if d is not None]
    if not sheets:
        return None
    rows, lines = [], []
    for d in sheets:
        sample = f" ({t('scoring.sample_banner')})" if d.set.is_sample else ""
        status = t(f"field.scoring.status.{d.status}")
        lines.append(t("scoring.section.summary", period=d.period.name, set=d.set.name + sample,
                       score=points(d.totals.score), max=points(d.totals.max_points),
                       percent=pct(d.totals.percent) or "—", status=status))
        rows += [(d.period.name, f"{a.area_number}. {a.area_title}", points(a.max_points),
                  points(a.score), pct(a.percent)) for a in d.totals.areas]
        rows.append((d.period.name, t("scoring.section.total"), points(d.totals.max_points),
                     points(d.totals.score), pct(d.totals.percent)))
    last = sheets[-1].totals
    return Section("scoring", t("scoring.section"), " ".join(lines),
                   tuple(t(f"scoring.section.col.{c}") for c in
                         ("period", "area", "max", "score", "percent")),
                   tuple(rows), {"score": last.score, "max": last.max_points,
                                 "percent": last.percent or 0.0, "sheets": float(len(sheets))})

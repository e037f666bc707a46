"""Read side of self-scoring: the criteria sets, the reporting periods to score, and one score
sheet with its criteria, scores, evidence and totals (the totals from the pure domain rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.db.uow import read_session
from qms.plan.models import Plan, ReportingPeriod
from qms.scoring.models import CriteriaSet, IndexCriterion, ScoreSheet, SelfScore, SelfScoreEvidence
from qms.scoring.rules import Criterion, Totals, scorable, totals
from qms.trace.evidence_queries import EvidenceRef, evidence_refs
from qms.trace.file_models import Evidence, StoredFile


@dataclass(frozen=True)
class SetView:
    id: int
    name: str
    is_sample: bool
    created_at: datetime
    criteria: int


@dataclass(frozen=True)
class PeriodOption:
    id: int
    name: str
    start: date
    end: date
    year: int


@dataclass(frozen=True)
class CriterionView:
    id: int
    area_number: int
    area_title: str
    code: str
    parent_code: str
    level: int
    title: str
    max_points: float
    applies: bool
    guidance: str
    scorable: bool


@dataclass(frozen=True)
class ScoreView:
    id: int
    criterion_id: int
    score: float
    explanation: str
    version: int
    evidence: tuple[EvidenceRef, ...]


@dataclass(frozen=True)
class SheetDetail:
    id: int
    org_id: int
    version: int
    status: str
    set: SetView
    period: PeriodOption
    difficulties: str
    recommendations: str
    criteria: tuple[CriterionView, ...]
    scores: dict[int, ScoreView]  # by criterion id
    totals: Totals


def criteria_sets(org_id: int) -> list[SetView]:
    """The organisation's sets, newest first, with their criterion counts."""
    count = (select(IndexCriterion.set_id, func.count().label("n"))
             .group_by(IndexCriterion.set_id).subquery())
    query = (select(CriteriaSet, count.c.n).outerjoin(count, count.c.set_id == CriteriaSet.id)
             .where(CriteriaSet.organization_id == org_id).order_by(CriteriaSet.id.desc()))
    with read_session() as s:
        return [SetView(r.id, r.name, r.is_sample, r.created_at, n or 0)
                for r, n in s.execute(query).all()]


def periods(org_id: int) -> list[PeriodOption]:
    """Reporting periods of the current plans, newest year first, in plan order."""
    query = (select(ReportingPeriod, Plan.year).join(Plan, Plan.id == ReportingPeriod.plan_id)
             .where(Plan.organization_id == org_id, Plan.is_current.is_(True))
             .order_by(Plan.year.desc(), ReportingPeriod.ordinal))
    with read_session() as s:
        return [PeriodOption(p.id, p.name, p.start_date, p.end_date, year)
                for p, year in s.execute(query).all()]


def _criteria(s: Session, set_id: int) -> tuple[CriterionView, ...]:
    rows = list(s.scalars(select(IndexCriterion).where(IndexCriterion.set_id == set_id)
                          .order_by(IndexCriterion.ordinal)))
    leaves = {c.code for c in scorable(_domain(r) for r in rows)}
    return tuple(CriterionView(r.id, r.area_number, r.area_title, r.code, r.parent_code, r.level,
                               r.title, r.max_points, r.applies, r.guidance, r.code in leaves)
                 for r in rows)


def _domain(r: IndexCriterion | CriterionView) -> Criterion:
    return Criterion(r.code, r.area_number, r.area_title, r.max_points, r.applies,
                     r.parent_code)


def set_criteria(set_id: int) -> tuple[CriterionView, ...]:
    """Every line of a set in file order, each marked scorable or not."""
    with read_session() as s:
        return _criteria(s, set_id)


def sheet_id_for(org_id: int, period_id: int, set_id: int | None = None) -> int | None:
    """The sheet of a period (under ``set_id``, or the newest one)."""
    query = select(ScoreSheet.id).where(ScoreSheet.organization_id == org_id,
                                        ScoreSheet.period_id == period_id)
    if set_id is not None:
        query = query.where(ScoreSheet.set_id == set_id)
    with read_session() as s:
        return s.scalar(query.order_by(ScoreSheet.id.desc()).limit(1))


def _evidence(s: Session, score_ids: list[int]) -> dict[int, list[EvidenceRef]]:
    rows = s.execute(
        evidence_refs(SelfScoreEvidence.score_id)
        .join(SelfScoreEvidence, SelfScoreEvidence.evidence_id == Evidence.id)
        .where(SelfScoreEvidence.score_id.in_(score_ids))
        .order_by(SelfScoreEvidence.score_id, SelfScoreEvidence.ordinal)).all() \
        if score_ids else []
    found: dict[int, list[EvidenceRef]] = {}
    for score_id, *rest in rows:
        found.setdefault(score_id, []).append(EvidenceRef(*rest))
    return found


def sheet_detail(org_id: int, sheet_id: int) -> SheetDetail | None:
    """One sheet with everything the page and the reports show."""
    with read_session() as s:
        sheet = s.get(ScoreSheet, sheet_id)
        if sheet is None or sheet.organization_id != org_id:
            return None
        cset = s.get(CriteriaSet, sheet.set_id)
        period = s.get(ReportingPeriod, sheet.period_id)
        plan = s.get(Plan, period.plan_id) if period else None
        assert cset is not None and period is not None and plan is not None
        criteria = _criteria(s, cset.id)
        rows = list(s.scalars(select(SelfScore).where(SelfScore.sheet_id == sheet.id)))
        links = _evidence(s, [r.id for r in rows])
        scores = {r.criterion_id: ScoreView(r.id, r.criterion_id, r.score, r.explanation,
                                            r.version, tuple(links.get(r.id, [])))
                  for r in rows}
        by_code = {c.id: c.code for c in criteria}
        sums = totals((_domain(c) for c in criteria),
                      {by_code[k]: v.score for k, v in scores.items()})
        return SheetDetail(
            sheet.id, org_id, sheet.version, sheet.status,
            SetView(cset.id, cset.name, cset.is_sample, cset.created_at, len(criteria)),
            PeriodOption(period.id, period.name, period.start_date, period.end_date, plan.year),
            sheet.difficulties, sheet.recommendations, criteria, scores, sums)


def evidence_options(org_id: int, limit: int = 500) -> list[EvidenceRef]:
    """Evidence documents to attach, newest first."""
    query = (evidence_refs().where(Evidence.organization_id == org_id)
             .order_by(Evidence.id.desc()).limit(limit))
    with read_session() as s:
        return [EvidenceRef(*r) for r in s.execute(query).all()]


def stored_files(org_id: int, file_ids: list[int]) -> dict[int, bytes]:
    """The bytes of the given stored files of the organisation."""
    if not file_ids:
        return {}
    with read_session() as s:
        rows = s.execute(select(StoredFile.id, StoredFile.content).where(
            StoredFile.organization_id == org_id, StoredFile.id.in_(file_ids))).all()
        return {i: content for i, content in rows}

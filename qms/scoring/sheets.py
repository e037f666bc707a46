"""Self-scoring of a reporting period: open the period's score sheet, score each applicable
criterion with its explanation and evidence, note difficulties and recommendations, submit,
and a leader approves (or returns) it. A sheet pins the criteria set it was opened with."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import NotFound, ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.plan.tasks import owned_period
from qms.scoring.models import CriteriaSet, IndexCriterion, ScoreSheet, SelfScore, SelfScoreEvidence
from qms.scoring.rules import (
    WORKFLOW,
    Criterion,
    SheetStatus,
    SheetStep,
    check_explanation,
    check_score,
    scorable,
)
from qms.trace.evidence import EvidenceInput, insert_evidence
from qms.trace.file_models import Evidence
from qms.trail.record import record_change
from qms.trail.stale import check_version


@dataclass(frozen=True)
class ScoreInput:
    criterion_id: int
    score: float
    explanation: str = ""
    evidence_ids: tuple[int, ...] = ()
    new_evidence: EvidenceInput | None = None
    file_name: str = ""
    file_bytes: bytes | None = field(default=None, repr=False)


def _owned(s: Session, actor: Actor, model: type, record_id: int):  # type: ignore[no-untyped-def]
    row = owned(s, model, record_id, actor)
    return row


def _sheet(s: Session, actor: Actor, sheet_id: int, expected_version: int | None = None,
           *, draft: bool = True) -> ScoreSheet:
    sheet = _owned(s, actor, ScoreSheet, sheet_id)
    check_version(sheet, expected_version)
    if draft:
        WORKFLOW.next(sheet.status, SheetStep.EDIT)
    return sheet


def open_sheet(actor: Actor, set_id: int, period_id: int) -> int:
    """The score sheet of ``period_id`` under ``set_id``, created (as a draft) if missing."""
    actor.require("scoring.score")
    with unit_of_work() as uow:
        s = uow.session
        _owned(s, actor, CriteriaSet, set_id)
        owned_period(s, period_id, actor)
        found = s.scalar(select(ScoreSheet.id).where(
            ScoreSheet.organization_id == actor.organization_id,
            ScoreSheet.set_id == set_id, ScoreSheet.period_id == period_id))
        if found is not None:
            return found
        sheet = ScoreSheet(organization_id=actor.organization_id, set_id=set_id,
                           period_id=period_id, status=SheetStatus.DRAFT.value,
                           created_by_id=actor.user_id)
        s.add(sheet)
        s.flush()
        record_change(s, actor, "scoring.open_sheet", "score_sheet", sheet.id,
                     after={"set_id": set_id, "period_id": period_id})
        uow.commit()
        return sheet.id


def _scorable_criterion(s: Session, sheet: ScoreSheet, criterion_id: int) -> IndexCriterion:
    rows = list(s.scalars(select(IndexCriterion).where(IndexCriterion.set_id == sheet.set_id)))
    leaves = {c.code for c in scorable(Criterion(r.code, r.area_number, r.area_title,
                                                 r.max_points, r.applies, r.parent_code)
                                       for r in rows)}
    chosen = next((r for r in rows if r.id == criterion_id), None)
    if chosen is None:
        raise NotFound("error.not_found")
    if chosen.code not in leaves:
        raise ValidationFailed("scoring.not_scorable", code=chosen.code)
    return chosen


def _evidence_ids(s: Session, actor: Actor, data: ScoreInput) -> list[int]:
    ids = list(dict.fromkeys(data.evidence_ids))
    for evidence_id in ids:
        _owned(s, actor, Evidence, evidence_id)
    if data.new_evidence is not None:
        actor.require("evidence.create")
        ids.append(insert_evidence(s, actor, data.new_evidence, data.file_name,
                                   data.file_bytes).id)
    return ids


def record_score(actor: Actor, sheet_id: int, data: ScoreInput,
                 expected_version: int | None = None) -> int:
    """Save the self-score of one criterion (0..max in steps of 0.25), its explanation (owed
    when no evidence is attached) and its evidence — existing documents and one new upload."""
    actor.require("scoring.score")
    explanation = v.text(data.explanation, "field.scoring.explanation", max_len=4000,
                         multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        sheet = _sheet(s, actor, sheet_id)
        criterion = _scorable_criterion(s, sheet, data.criterion_id)
        score = check_score(float(data.score), criterion.max_points)
        check_explanation(explanation, len(data.evidence_ids) + (data.new_evidence is not None))
        row = s.scalar(select(SelfScore).where(SelfScore.sheet_id == sheet.id,
                                               SelfScore.criterion_id == criterion.id))
        before = None
        if row is not None:
            check_version(row, expected_version)
            before = {"score": row.score, "explanation": row.explanation,
                      "evidence": _linked(s, row.id)}
        ids = _evidence_ids(s, actor, data)
        if row is None:
            row = SelfScore(organization_id=actor.organization_id, sheet_id=sheet.id,
                            criterion_id=criterion.id)
            s.add(row)
        row.score, row.explanation, row.scored_by_id = score, explanation, actor.user_id
        s.flush()
        s.execute(delete(SelfScoreEvidence).where(SelfScoreEvidence.score_id == row.id))
        s.add_all(SelfScoreEvidence(score_id=row.id, evidence_id=e, ordinal=i)
                  for i, e in enumerate(ids, 1))
        s.flush()
        record_change(s, actor, "scoring.score", "self_score", row.id, before=before, after={
            "sheet_id": sheet.id, "code": criterion.code, "score": score,
            "explanation": explanation, "evidence": ids})
        uow.commit()
        return row.id


def _linked(s: Session, score_id: int) -> list[int]:
    return list(s.scalars(select(SelfScoreEvidence.evidence_id).where(
        SelfScoreEvidence.score_id == score_id).order_by(SelfScoreEvidence.ordinal)))


def save_sheet_notes(actor: Actor, sheet_id: int, difficulties: str, recommendations: str,
                     expected_version: int) -> None:
    """Difficulties and recommendations (khó khăn, vướng mắc; kiến nghị, đề xuất)."""
    actor.require("scoring.score")
    difficulties = v.text(difficulties, "field.scoring.difficulties", max_len=8000,
                          multiline=True)
    recommendations = v.text(recommendations, "field.scoring.recommendations", max_len=8000,
                             multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        sheet = _sheet(s, actor, sheet_id, expected_version)
        before = {"difficulties": sheet.difficulties, "recommendations": sheet.recommendations}
        sheet.difficulties, sheet.recommendations = difficulties, recommendations
        s.flush()
        record_change(s, actor, "scoring.notes", "score_sheet", sheet.id, before=before,
                     after={"difficulties": difficulties, "recommendations": recommendations})
        uow.commit()


def _step(actor: Actor, sheet_id: int, step: SheetStep, expected_version: int,
          reason: str = "") -> None:
    actor.require(f"scoring.{step}")
    with unit_of_work() as uow:
        s = uow.session
        sheet = _sheet(s, actor, sheet_id, expected_version, draft=False)
        before = sheet.status
        sheet.status = WORKFLOW.next(sheet.status, step).value
        now = clock.now()
        if step == "submit":
            sheet.submitted_by_id, sheet.submitted_at = actor.user_id, now
        elif step == "approve":
            sheet.approved_by_id, sheet.approved_at = actor.user_id, now
        s.flush()
        record_change(s, actor, f"scoring.{step}", "score_sheet", sheet.id,
                     before={"status": before}, after={"status": sheet.status}, reason=reason)
        uow.commit()


def submit_sheet(actor: Actor, sheet_id: int, expected_version: int) -> None:
    """Send the draft to the leaders for approval; scores can no longer change."""
    _step(actor, sheet_id, SheetStep.SUBMIT, expected_version)


def approve_sheet(actor: Actor, sheet_id: int, expected_version: int) -> None:
    """A leader approves the submitted self-assessment."""
    _step(actor, sheet_id, SheetStep.APPROVE, expected_version)


def return_sheet(actor: Actor, sheet_id: int, expected_version: int, reason: str) -> None:
    """A leader sends the submitted sheet back to draft, saying why."""
    reason = v.text(reason, "field.reason", max_len=1000, required=True)
    _step(actor, sheet_id, SheetStep.RETURN, expected_version, reason)

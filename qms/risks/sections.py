"""The risks and opportunities input of a management review (ISO 9001 clause 9.3.2 e: the
effectiveness of actions taken to address risks and opportunities), for a window of dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select

from qms.core.actions import action_overdue
from qms.core.i18n import t
from qms.db.uow import read_session
from qms.reports.sections import Section, in_window
from qms.risks import rules
from qms.risks.models import Risk, RiskAction, RiskReview
from qms.risks.queries import code_of
from qms.risks.rules import ActionStatus

COLUMNS = ("entry", "kind", "band", "change", "actions_done", "actions_late")


def _facts(org_id: int, start: date, end: date) -> tuple[list[Any], list[Any], list[Any]]:
    with read_session() as s:
        reviews = s.execute(select(RiskReview.risk_id, RiskReview.old_likelihood,
                                   RiskReview.old_impact, RiskReview.likelihood,
                                   RiskReview.impact)
                            .where(RiskReview.organization_id == org_id,
                                   RiskReview.reviewed_on >= start, RiskReview.reviewed_on <= end)
                            .order_by(RiskReview.reviewed_on, RiskReview.id)).all()
        acts = s.execute(select(RiskAction.risk_id, RiskAction.status, RiskAction.due_date,
                                RiskAction.done_on)
                         .where(RiskAction.organization_id == org_id, or_(
                             RiskAction.due_date.between(start, end),
                             RiskAction.done_on.between(start, end)))).all()
        ids = {r[0] for r in reviews} | {a[0] for a in acts}
        risks = s.execute(select(Risk.id, Risk.kind, Risk.description, Risk.likelihood,
                                 Risk.impact).where(Risk.organization_id == org_id, or_(
            Risk.id.in_(ids), Risk.identified_on.between(start, end))).order_by(Risk.id)).all()
    return list(risks), list(reviews), list(acts)


def risks_section(org_id: int, start: date, end: date) -> Section | None:
    """Entries identified, re-assessed or with actions due or done in the window: the level
    change at review, actions done and actions left overdue; ``None`` when there is none."""
    risks, reviews, acts = _facts(org_id, start, end)
    if not risks:
        return None
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for risk_id, old_l, old_i, new_l, new_i in reviews:
        first.setdefault(risk_id, old_l * old_i)
        last[risk_id] = new_l * new_i
    table, done_total, late_total = [], 0, 0
    for r in risks:
        mine = [a for a in acts if a[0] == r.id]
        done = sum(1 for a in mine if a[1] == ActionStatus.DONE.value
                   and in_window(a[3], start, end))
        late = sum(1 for a in mine if action_overdue(a[1], a[2], end))
        done_total, late_total = done_total + done, late_total + late
        level = r.likelihood * r.impact
        change = f"{first[r.id]} → {last[r.id]}" if r.id in first else "—"
        table.append((f"{code_of(r.id)} — {r.description[:160]}", t(f"risk.kind.{r.kind}"),
                      f"{t(f'risk.band.{rules.band_of(level).value}')} ({level})", change,
                      f"{done}/{len(mine)}", str(late)))
    down = sum(1 for k in first if last[k] < first[k])
    up = sum(1 for k in first if last[k] > first[k])
    figures = {"total": float(len(risks)), "reviewed": float(len(first)), "down": float(down),
               "up": float(up), "actions_done": float(done_total),
               "actions_late": float(late_total)}
    summary = t("risk.section.summary", total=len(risks), reviewed=len(first), down=down, up=up,
                done=done_total, late=late_total)
    return Section("risks", t("risk.section.title"), summary,
                   tuple(t(f"risk.section.col.{c}") for c in COLUMNS), tuple(table), figures)

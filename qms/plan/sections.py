"""Report sections from the CCHC plan: task progress by area, targets and their measured
values, and the one-stop desk's figures against the on-time target.

Each function is a section provider (``qms.reports.sections``): it reads only records of the
window ``start..end`` (both days included) and returns ``None`` when there is nothing to show.
Targets and one-stop figures belong to a reporting period: they are read for the period of a
current plan whose cut-off window is exactly ``start..end``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from qms.db.sql import count_if
from qms.db.uow import read_session
from qms.onestop.models import OneStopFigures
from qms.onestop.rules import Figures
from qms.plan.models import Plan, PlanArea, PlanTarget, PlanTask, ReportingPeriod, TargetMeasurement
from qms.plan.rules import TaskStatus, target_met
from qms.reports.sections import Section, number, window_text


def current_plan_id(s: Session, org_id: int, end: date) -> int | None:
    """The current plan of the newest year not after the window's end."""
    return s.scalar(select(Plan.id).where(Plan.organization_id == org_id,
                                          Plan.is_current.is_(True), Plan.year <= end.year)
                    .order_by(Plan.year.desc()).limit(1))


def matching_period(s: Session, org_id: int, start: date, end: date) -> ReportingPeriod | None:
    """The reporting period of a current plan whose cut-off window is exactly ``start..end``."""
    return s.scalar(select(ReportingPeriod).join(Plan, Plan.id == ReportingPeriod.plan_id)
                    .where(Plan.organization_id == org_id, Plan.is_current.is_(True),
                           ReportingPeriod.start_date == start,
                           ReportingPeriod.end_date == end)
                    .order_by(Plan.year.desc()).limit(1))


def plan_progress_section(org_id: int, start: date, end: date) -> Section | None:
    """Tasks of the current plan per area: done in the window, in progress, not started."""
    done_in = and_(PlanTask.status == TaskStatus.DONE.value,
                   PlanTask.completed_on.between(start, end))
    with read_session() as s:
        plan_id = current_plan_id(s, org_id, end)
        if plan_id is None:
            return None
        rows = s.execute(
            select(PlanArea.number, PlanArea.title, func.count(PlanTask.id), count_if(done_in),
                   count_if(PlanTask.status == TaskStatus.IN_PROGRESS.value),
                   count_if(PlanTask.status == TaskStatus.NOT_STARTED.value))
            .join(PlanTask, PlanTask.area_id == PlanArea.id)
            .where(PlanArea.plan_id == plan_id)
            .group_by(PlanArea.number, PlanArea.title).order_by(PlanArea.number)).all()
    if not rows:
        return None
    totals = [sum(int(r[i]) for r in rows) for i in (2, 3, 4, 5)]
    return Section(
        "plan_progress", "Kết quả thực hiện nhiệm vụ theo lĩnh vực",
        f"Kế hoạch có {totals[0]} nhiệm vụ; trong kỳ ({window_text(start, end)}) hoàn thành "
        f"{totals[1]} nhiệm vụ, {totals[2]} nhiệm vụ đang thực hiện, {totals[3]} nhiệm vụ "
        "chưa triển khai.",
        ("Lĩnh vực", "Số nhiệm vụ", "Hoàn thành trong kỳ", "Đang thực hiện", "Chưa triển khai"),
        tuple((f"{n}. {title}", *(str(int(x)) for x in rest)) for n, title, *rest in rows),
        {"tasks": totals[0], "done": totals[1], "in_progress": totals[2],
         "not_started": totals[3]})


def _target_text(comparator: str, value: float, upper: float | None, unit: str) -> str:
    if comparator == "range":
        return f"{number(value)}–{number(upper)} {unit}"
    return f"{'' if comparator == '=' else comparator + ' '}{number(value)} {unit}"


def targets_section(org_id: int, start: date, end: date) -> Section | None:
    """The plan's targets with the value measured for the period of this window."""
    with read_session() as s:
        period = matching_period(s, org_id, start, end)
        if period is None:
            return None
        name = period.name
        rows = s.execute(
            select(PlanTask.code, PlanTarget.text, PlanTarget.comparator, PlanTarget.value,
                   PlanTarget.upper, PlanTarget.unit, TargetMeasurement.value,
                   TargetMeasurement.note)
            .join(PlanTarget, PlanTarget.task_id == PlanTask.id)
            .outerjoin(TargetMeasurement, and_(TargetMeasurement.target_id == PlanTarget.id,
                                               TargetMeasurement.period_id == period.id))
            .where(PlanTask.plan_id == period.plan_id)
            .order_by(PlanTask.id, PlanTarget.id)).all()
    if not rows:
        return None
    table, met = [], 0
    for code, text, comparator, value, upper, unit, measured, note in rows:
        ok = target_met(comparator, value, upper, measured) if measured is not None else None
        met += bool(ok)
        verdict = "Chưa có số liệu" if ok is None else ("Đạt" if ok else "Không đạt")
        table.append((code, text, _target_text(comparator, value, upper, unit),
                      f"{number(measured)} {unit}" if measured is not None else "", verdict,
                      note or ""))
    measured_count = sum(1 for r in rows if r[6] is not None)
    return Section(
        "targets", "Các chỉ tiêu và kết quả đo lường",
        f"Kỳ {name}: đo được {measured_count}/{len(rows)} chỉ tiêu, đạt {met} chỉ tiêu.",
        ("Nhiệm vụ", "Chỉ tiêu", "Mức chỉ tiêu", "Kết quả", "Đánh giá", "Ghi chú"),
        tuple(table), {"targets": len(rows), "measured": measured_count, "met": met})


def onestop_section(org_id: int, start: date, end: date) -> Section | None:
    """The one-stop desk's dossiers of the period: early, on time, late, against the target."""
    with read_session() as s:
        period = matching_period(s, org_id, start, end)
        row = s.scalar(select(OneStopFigures).where(
            OneStopFigures.organization_id == org_id,
            OneStopFigures.period_id == period.id)) if period else None
        if period is None or row is None:
            return None
        target = s.scalar(select(PlanTarget).where(PlanTarget.task_id == row.task_id)
                          .order_by(PlanTarget.id).limit(1)) if row.task_id else None
        f = Figures(row.received, row.early, row.on_time, row.late, row.apologies)
        met = target_met(target.comparator, target.value, target.upper, f.on_time_rate) \
            if target is not None and f.on_time_rate is not None else None
        name, target_text = period.name, target.text if target else ""
    rate = f.on_time_rate
    verdict = "" if met is None else ("đạt" if met else "không đạt")
    summary = (f"Kỳ {name}: tiếp nhận {f.received} hồ sơ; giải quyết trước hạn {f.early}, "
               f"đúng hạn {f.on_time}, trễ hạn {f.late}; tỷ lệ đúng hạn, trước hạn "
               f"{number(rate, 2)} %" + (f", {verdict} chỉ tiêu" if verdict else "")
               + f"; {f.apologies} thư xin lỗi.")
    return Section(
        "onestop", "Giải quyết thủ tục hành chính tại Bộ phận Một cửa", summary,
        ("Tiếp nhận", "Trước hạn", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng hạn, trước hạn",
         "Thư xin lỗi", "Chỉ tiêu", "Đánh giá"),
        ((str(f.received), str(f.early), str(f.on_time), str(f.late),
          f"{number(rate, 2)} %" if rate is not None else "", str(f.apologies), target_text,
          verdict.capitalize()),),
        {"received": f.received, "late": f.late, "rate": rate if rate is not None else -1})

"""Read side of trace links: both directions, and the traceability matrix."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select

from qms.auth.models import Unit
from qms.core.text import fold
from qms.db.uow import read_session
from qms.plan.models import Plan, PlanArea, PlanTarget, PlanTask, TargetMeasurement
from qms.trace.file_models import Evidence, StoredFile
from qms.trace.linkable_queries import ENTITY_TYPES, EVIDENCE, linkable
from qms.trace.models import TraceLink


@dataclass(frozen=True)
class LinkView:
    id: int
    entity_type: str
    entity_id: int
    label: str
    note: str


@dataclass(frozen=True)
class TaskRef:
    task_id: int
    plan_id: int
    code: str
    text: str


def links_for_task(org_id: int, task_id: int) -> list[LinkView]:
    """The records linked to a task, labelled (one query per record type present)."""
    with read_session() as s:
        rows = s.scalars(select(TraceLink).where(TraceLink.organization_id == org_id,
                                                 TraceLink.task_id == task_id)
                         .order_by(TraceLink.entity_type, TraceLink.id)).all()
        labels: dict[tuple[str, int], str] = {}
        types = linkable()
        for entity_type in {r.entity_type for r in rows}:
            spec = types.get(entity_type)
            if spec is None:
                continue
            ids = [r.entity_id for r in rows if r.entity_type == entity_type]
            for record in s.scalars(select(spec.model).where(spec.model.id.in_(ids))):
                labels[(entity_type, record.id)] = spec.label(record)
        return [LinkView(r.id, r.entity_type, r.entity_id,
                         labels.get((r.entity_type, r.entity_id), f"#{r.entity_id}"), r.note)
                for r in rows]


def tasks_for_entity(org_id: int, entity_type: str, entity_id: int,
                     current_only: bool = True) -> list[TaskRef]:
    """The plan tasks a record is linked to (the other side of the link)."""
    query = (select(PlanTask.id, PlanTask.plan_id, PlanTask.code, PlanTask.text)
             .join(TraceLink, TraceLink.task_id == PlanTask.id)
             .join(Plan, Plan.id == PlanTask.plan_id)
             .where(TraceLink.organization_id == org_id, TraceLink.entity_type == entity_type,
                    TraceLink.entity_id == entity_id)
             .order_by(Plan.year, PlanTask.code))
    if current_only:
        query = query.where(Plan.is_current.is_(True))
    with read_session() as s:
        return [TaskRef(*row) for row in s.execute(query)]


def evidence_choices(org_id: int, limit: int = 500) -> list[tuple[int, str]]:
    """Evidence documents to pick from when linking, newest first."""
    with read_session() as s:
        rows = s.scalars(select(Evidence).where(Evidence.organization_id == org_id)
                         .order_by(Evidence.id.desc()).limit(limit))
        return [(e.id, EVIDENCE.label(e)) for e in rows]


GAP_COLUMNS = ("gap_not_audited", "gap_no_evidence", "gap_unmeasured")


def matrix(org_id: int, plan_id: int, *, area: int | None = None,
           owner_unit_id: int | None = None) -> pd.DataFrame:
    """Rows: the plan's tasks and duties; columns: linked records per type, and the gaps.

    Gaps: a duty never audited (no checklist question or finding), a task with no evidence,
    a task whose targets have no measurement. Three aggregate queries, whatever the size.
    """
    tasks = (select(PlanTask.id, PlanTask.code, PlanArea.number, PlanArea.title, PlanTask.text,
                    PlanTask.is_duty, Unit.name)
             .join(PlanArea, PlanArea.id == PlanTask.area_id)
             .outerjoin(Unit, Unit.id == PlanTask.owner_unit_id)
             .where(PlanTask.organization_id == org_id, PlanTask.plan_id == plan_id)
             .order_by(PlanArea.number, PlanTask.ordinal))
    if area is not None:
        tasks = tasks.where(PlanArea.number == area)
    if owner_unit_id is not None:
        tasks = tasks.where(PlanTask.owner_unit_id == owner_unit_id)
    counts = (select(TraceLink.task_id, TraceLink.entity_type, func.count())
              .join(PlanTask, PlanTask.id == TraceLink.task_id)
              .where(PlanTask.plan_id == plan_id)
              .group_by(TraceLink.task_id, TraceLink.entity_type))
    unmeasured = (select(PlanTarget.task_id)
                  .join(PlanTask, PlanTask.id == PlanTarget.task_id)
                  .outerjoin(TargetMeasurement, TargetMeasurement.target_id == PlanTarget.id)
                  .where(PlanTask.plan_id == plan_id)
                  .group_by(PlanTarget.task_id)
                  .having(func.count(TargetMeasurement.id) == 0))
    with read_session() as s:
        frame = pd.DataFrame(s.execute(tasks).all(), columns=[
            "task_id", "code", "area", "area_title", "text", "is_duty", "owner_unit"])
        link_rows = s.execute(counts).all()
        no_measure = set(s.scalars(unmeasured))
    lookup = {(task_id, et): n for task_id, et, n in link_rows}
    for entity_type in ENTITY_TYPES:
        frame[entity_type] = [lookup.get((tid, entity_type), 0) for tid in frame["task_id"]]
    audited = frame["checklist_question"] + frame["finding"]
    frame["gap_not_audited"] = frame["is_duty"] & (audited == 0)
    frame["gap_no_evidence"] = frame["evidence"] == 0
    frame["gap_unmeasured"] = frame["task_id"].isin(no_measure)
    return frame


@dataclass(frozen=True)
class FileView:
    name: str
    mime: str
    size: int
    content: bytes


def evidence_files(org_id: int, evidence_ids: list[int]) -> dict[int, tuple[int, str]]:
    """``{evidence id: (file id, file name)}`` for the given evidence records with a file."""
    if not evidence_ids:
        return {}
    query = (select(Evidence.id, StoredFile.id, StoredFile.name)
             .join(StoredFile, StoredFile.id == Evidence.file_id)
             .where(Evidence.organization_id == org_id, Evidence.id.in_(evidence_ids)))
    with read_session() as s:
        return {ev: (fid, name) for ev, fid, name in s.execute(query)}


def file_content(org_id: int, file_id: int) -> FileView | None:
    """A stored file's bytes, only within the actor's organisation."""
    with read_session() as s:
        row = s.get(StoredFile, file_id)
        if row is None or row.organization_id != org_id:
            return None
        return FileView(row.name, row.mime, row.size, row.content)


EVIDENCE_COLUMNS = ("id", "title", "doc_number", "doc_date", "issuer", "file_id", "file_name",
                    "tasks")


def evidence_register(org_id: int, search: str = "", limit: int = 500) -> pd.DataFrame:
    """Evidence documents, newest first, each with the plan tasks it proves (two queries)."""
    query = (select(Evidence.id, Evidence.title, Evidence.doc_number, Evidence.doc_date,
                    Evidence.issuer, StoredFile.id, StoredFile.name)
             .outerjoin(StoredFile, StoredFile.id == Evidence.file_id)
             .where(Evidence.organization_id == org_id)
             .order_by(Evidence.id.desc()).limit(limit))
    with read_session() as s:
        rows = s.execute(query).all()
        ids = [r[0] for r in rows]
        links = s.execute(
            select(TraceLink.entity_id, PlanTask.code, Plan.year)
            .join(PlanTask, PlanTask.id == TraceLink.task_id)
            .join(Plan, Plan.id == PlanTask.plan_id)
            .where(TraceLink.entity_type == "evidence", TraceLink.entity_id.in_(ids),
                   Plan.is_current.is_(True))
            .order_by(Plan.year, PlanTask.code)).all() if ids else []
    codes: dict[int, list[str]] = {}
    for evidence_id, code, year in links:
        codes.setdefault(evidence_id, []).append(f"{year}: {code}")
    frame = pd.DataFrame([(*r, ", ".join(codes.get(r[0], []))) for r in rows],
                         columns=list(EVIDENCE_COLUMNS))
    if search:
        needle = fold(search)
        mask = [needle in fold(f"{t} {n} {i}") for t, n, i in
                zip(frame["title"], frame["doc_number"], frame["issuer"], strict=True)]
        frame = frame[mask]
    return frame

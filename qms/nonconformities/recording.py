"""Recording a nonconformity (from any record, or on its own) and analysing it.

``raise_nonconformity(actor, source_type, source_id, data)`` is the one way in: the NC page,
the plan-task panel, internal-audit findings and one-stop proposals all call it. The actions,
the effectiveness check and closure are in ``corrective_actions``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.audits.clauses import load_clauses
from qms.auth.models import Unit, User
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.data_files import read_packaged
from qms.core.errors import ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.documents.models import Document
from qms.nonconformities.models import NcAttachment, NcSettings, Nonconformity
from qms.nonconformities.records import ENTITY, nc_in_org, next_number, snapshot
from qms.nonconformities.rules import WORKFLOW, NcStatus, NcStep, check_analysis
from qms.nonconformities.vocabulary_rules import (
    SOURCE_OF_RECORD,
    CauseCategory,
    ClosedCase,
    NcGrade,
    NcSource,
    check_prefix,
    choice,
    clean_whys,
    procedure_key,
    recurrence_of,
)
from qms.onestop.models import NcProposal
from qms.plan.models import PlanTask
from qms.trace.evidence import store_file
from qms.trace.linkable_queries import linkable
from qms.trace.links import insert_link
from qms.trail.record import record_change
from qms.trail.stale import check_version
from qms.voice.models import SatisfactionCriterion


@dataclass(frozen=True)
class NcInput:
    """What is known when a nonconformity is recorded."""

    description: str
    grade: str
    source: str = ""  # NcSource; derived from the source record when left empty
    title: str = ""  # short summary; the description's start when left empty
    found_on: date | None = None  # default: today
    recorded_on: date | None = None  # default: today
    unit_id: int | None = None
    procedure: str = ""  # process / procedure as written …
    document_id: int | None = None  # … and the controlled document, when there is one
    clause: str = ""  # ISO 9001 clause breached ("7.5.3")
    found_by_id: int | None = None  # default: the actor
    found_by_name: str = ""  # someone outside the office (an inspector, a citizen)
    owner_id: int | None = None  # the person who answers for its handling
    evidence: str = ""
    plan_task_id: int | None = None  # a plan task to link it to

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> NcInput:
        """From a caller's dict (e.g. an audit finding's draft); unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        aliases = {"procedure_text": "procedure", "evidence_text": "evidence"}
        values = {aliases.get(k, k): val for k, val in data.items()}
        return cls(**{k: val for k, val in values.items() if k in known})


@dataclass(frozen=True)
class AnalysisInput:
    """The analysis form: correction, consequences, five whys, cause, similar cases."""

    correction: str
    root_cause: str
    cause_category: str
    similar_exist: bool | None
    why_chain: tuple[str, ...] = ()
    consequences: str = ""
    similar_note: str = ""


@functools.cache
def clause_codes() -> frozenset[str]:
    """The clauses of TCVN ISO 9001:2015 shipped in ``qms/data/iso_clauses.csv``."""
    return frozenset(c.code for c in load_clauses(read_packaged("iso_clauses.csv")))


def _in_org(s: Session, actor: Actor, model: type[Any], ident: int | None, key: str) -> None:
    ident = v.reference(ident, key)
    if ident is not None:
        owned(s, model, ident, actor, ValidationFailed(key))


def _source_model(source_type: str) -> type[Any]:
    models: dict[str, type[Any]] = {"plan_task": PlanTask, "nc_proposal": NcProposal,
                                    "satisfaction_criterion": SatisfactionCriterion,
                                    **{k: spec.model for k, spec in linkable().items()}}
    if source_type not in models:
        raise ValidationFailed("nc.bad_source_type", value=source_type[:40])
    return models[source_type]


def _check_source(s: Session, actor: Actor, source_type: str, source_id: int | None) -> None:
    if not source_type:
        return
    owned(s, _source_model(source_type), source_id, actor)


def _clean(s: Session, actor: Actor, source_type: str, data: NcInput) -> dict[str, Any]:
    day = today()
    found_on, recorded_on = data.found_on or day, data.recorded_on or day
    if not found_on <= recorded_on <= day:
        raise ValidationFailed("nc.bad_dates")
    clause = v.text(data.clause, "field.nc.clause", max_len=12)
    if clause and clause not in clause_codes():
        raise ValidationFailed("nc.bad_clause", clause=clause)
    source = data.source or SOURCE_OF_RECORD.get(source_type, "")
    if not source:
        raise ValidationFailed("validation.required", field="field.nc.source")
    description = v.text(data.description, "field.nc.description", max_len=5000,
                         required=True, multiline=True)
    title = v.text(data.title, "field.nc.title", max_len=300) or \
        " ".join(description.split())[:120]
    _in_org(s, actor, Unit, data.unit_id, "validation.unit")
    _in_org(s, actor, Document, data.document_id, "nc.bad_document")
    for person in (data.owner_id, data.found_by_id):
        _in_org(s, actor, User, person, "nc.bad_user")
    return {
        "title": title, "description": description, "found_on": found_on,
        "recorded_on": recorded_on, "clause": clause, "unit_id": data.unit_id,
        "source": choice(NcSource, source, "nc.bad_source"),
        "grade": choice(NcGrade, data.grade, "nc.bad_grade"),
        "procedure_text": v.text(data.procedure, "field.nc.procedure", max_len=300),
        "document_id": data.document_id, "owner_id": data.owner_id,
        "found_by_id": data.found_by_id if data.found_by_id is not None else actor.user_id,
        "found_by_name": v.text(data.found_by_name, "field.nc.found_by", max_len=160),
        "evidence_text": v.text(data.evidence, "field.nc.evidence", max_len=5000,
                                multiline=True),
    }


def closed_cases(s: Session, org_id: int, clause: str, unit_id: int | None,
                 since: date) -> Iterable[ClosedCase]:
    """Closed nonconformities of the same clause and unit closed on or after ``since``."""
    rows = s.execute(select(Nonconformity.id, Nonconformity.number, Nonconformity.document_id,
                            Nonconformity.procedure_text, Nonconformity.closed_on).where(
        Nonconformity.organization_id == org_id, Nonconformity.status == NcStatus.CLOSED.value,
        Nonconformity.clause == clause, Nonconformity.unit_id == unit_id,
        Nonconformity.closed_on >= since))
    return [ClosedCase(i, n, clause, unit_id, procedure_key(d, p), c) for i, n, d, p, c in rows]


def insert_nonconformity(s: Session, actor: Actor, source_type: str, source_id: int | None,
                         data: NcInput) -> Nonconformity:
    """Validate, number and add a nonconformity with its links (the caller commits)."""
    actor.require("nc.create")
    _check_source(s, actor, source_type, source_id)
    values = _clean(s, actor, source_type, data)
    repeated = recurrence_of(values["clause"], values["unit_id"],
                             procedure_key(values["document_id"], values["procedure_text"]),
                             values["found_on"], closed_cases(
                                 s, actor.organization_id, values["clause"], values["unit_id"],
                                 values["found_on"] - timedelta(days=380)))
    year = values["found_on"].year
    seq, number = next_number(s, actor.organization_id, year)
    nc = Nonconformity(organization_id=actor.organization_id, number=number, year=year,
                       seq=seq, status=NcStatus.NEW.value, source_type=source_type,
                       source_id=source_id, created_by_id=actor.user_id,
                       recurrence_of_id=repeated.id if repeated else None, **values)
    s.add(nc)
    s.flush()
    record_change(s, actor, "nc.create", ENTITY, nc.id, after={
        **snapshot(nc), "number": number, "source_type": source_type, "source_id": source_id,
        "recurrence_of": repeated.number if repeated else None})
    tasks = {data.plan_task_id, source_id if source_type == "plan_task" else None} - {None}
    for task_id in sorted(t for t in tasks if t is not None):
        insert_link(s, actor, task_id, ENTITY, nc.id)
    return nc


def raise_nonconformity(actor: Actor, source_type: str, source_id: int | None,
                        data: NcInput | Mapping[str, Any],
                        files: Sequence[tuple[str, bytes]] = ()) -> int:
    """Record a nonconformity raised from a record (``source_type``/``source_id``, e.g.
    ``"plan_task"``, ``"finding"``; ``""``/``None`` for none), with its evidence ``files``
    (name, bytes); returns its id."""
    nc_input = data if isinstance(data, NcInput) else NcInput.from_mapping(data)
    with unit_of_work() as uow:
        nc = insert_nonconformity(uow.session, actor, source_type or "", source_id, nc_input)
        for name, content in files:
            _attach(uow.session, actor, nc, name, content)
        uow.commit()
        return nc.id


def _analysis_values(data: AnalysisInput) -> dict[str, Any]:
    """The analysis form, cleaned and checked against the workflow's rule."""
    def long_text(value: str, field: str, max_len: int = 5000) -> str:
        return v.text(value, field, max_len=max_len, multiline=True)

    values: dict[str, Any] = {
        "correction": long_text(data.correction, "field.nc.correction"),
        "consequences": long_text(data.consequences, "field.nc.consequences"),
        "root_cause": long_text(data.root_cause, "field.nc.root_cause"),
        "similar_note": long_text(data.similar_note, "field.nc.similar_note", 2000),
        "why_chain": clean_whys(data.why_chain),
    }
    check_analysis(values["correction"], values["root_cause"], values["why_chain"])
    if data.similar_exist is None:
        raise ValidationFailed("nc.similar_answer_required")
    values["similar_exist"] = data.similar_exist
    values["cause_category"] = choice(CauseCategory, data.cause_category,
                                      "nc.bad_cause_category")
    return values


def analyse_nonconformity(actor: Actor, nc_id: int, data: AnalysisInput,
                          expected_version: int) -> int:
    """Record the correction, consequences, root-cause analysis and similar cases; the
    nonconformity is then "đã phân tích". Returns the new version."""
    values = _analysis_values(data)
    with unit_of_work() as uow:
        s = uow.session
        nc = nc_in_org(s, actor, nc_id)
        actor.require("nc.analyse", unit_id=nc.unit_id, owner_id=nc.owner_id)
        check_version(nc, expected_version)
        before = snapshot(nc)
        nc.status = WORKFLOW.next(nc.status, NcStep.ANALYSE).value
        for name, value in values.items():
            setattr(nc, name, value)
        s.flush()
        record_change(s, actor, "nc.analyse", ENTITY, nc.id, before=before, after=snapshot(nc))
        uow.commit()
        return nc.version


def _attach(s: Session, actor: Actor, nc: Nonconformity, name: str, data: bytes) -> int:
    stored = store_file(s, actor, name, data)
    s.add(NcAttachment(organization_id=actor.organization_id, nonconformity_id=nc.id,
                       file_id=stored.id, created_by_id=actor.user_id))
    record_change(s, actor, "nc.attach", ENTITY, nc.id,
                 after={"file_id": stored.id, "name": stored.name})
    return stored.id


def attach_file(actor: Actor, nc_id: int, name: str, data: bytes) -> int:
    """Keep a file (photo, scan, report) as evidence of the nonconformity; returns its id."""
    with unit_of_work() as uow:
        nc = nc_in_org(uow.session, actor, nc_id)
        actor.require("nc.attach", unit_id=nc.unit_id, owner_id=nc.owner_id)
        file_id = _attach(uow.session, actor, nc, name, data)
        uow.commit()
        return file_id


def set_number_prefix(actor: Actor, prefix: str) -> str:
    """Choose the prefix of new numbers (``KPH`` → ``KPH-2023-001``); old numbers stay."""
    actor.require("nc.settings")
    cleaned = check_prefix(prefix)
    with unit_of_work() as uow:
        s = uow.session
        row = s.scalar(select(NcSettings).where(
            NcSettings.organization_id == actor.organization_id))
        before = row.number_prefix if row else None
        if row is None:
            row = NcSettings(organization_id=actor.organization_id)
            s.add(row)
        row.number_prefix = cleaned
        s.flush()
        record_change(s, actor, "nc.settings", "organization", actor.organization_id,
                     before={"number_prefix": before}, after={"number_prefix": cleaned})
        uow.commit()
        return cleaned

"""Shared steps of the document-control services: loading, locking, metadata, plan links.

Everything here works inside the caller's unit of work and never commits on its own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qms.auth.models import Unit, User
from qms.core.actor import Actor
from qms.core.errors import Conflict
from qms.core.text import fold
from qms.db.uow import owned
from qms.documents.models import Document, DocumentRevision
from qms.documents.rules import RevisionStatus, add_months, content_hash
from qms.plan.models import Plan, PlanTask
from qms.trace.links import insert_link
from qms.trace.models import TraceLink

ENTITY = "procedure"  # the trace-link type of a controlled document
P = ParamSpec("P")
R = TypeVar("R")
META_FIELDS = ("title", "type", "owner_unit", "review_interval_months", "iso_clauses",
               "legal_bases", "plan_tasks", "objectives")


def document_in_org(s: Session, actor: Actor, document_id: int) -> Document:
    """The document, if it belongs to the actor's organisation; else ``NotFound``."""
    doc = owned(s, Document, document_id, actor)
    return doc


def revision_in_org(s: Session, actor: Actor, revision_id: int) -> tuple[DocumentRevision,
                                                                             Document]:
    """A revision of the actor's organisation and its document; else ``NotFound``."""
    rev = owned(s, DocumentRevision, revision_id, actor)
    return rev, document_in_org(s, actor, rev.document_id)


def effective_of(s: Session, document_id: int) -> DocumentRevision | None:
    """The document's effective revision (at most one, the index sees to it)."""
    return s.scalar(select(DocumentRevision).where(
        DocumentRevision.document_id == document_id,
        DocumentRevision.status == RevisionStatus.EFFECTIVE.value))


def lock_document(s: Session, *, document_id: int | None = None,
                  revision_id: int | None = None) -> None:
    """Serialise changes to one document's revisions; call it before reading anything.

    A competing approval then waits and reads the winner's result instead of a stale one.
    PostgreSQL locks the document's row; on SQLite a writing unit of work already begins
    with the database's write lock (BEGIN IMMEDIATE), so there is nothing more to do.
    """
    if s.get_bind().dialect.name != "postgresql":
        return
    if document_id is None:
        target = "(SELECT document_id FROM document_revisions WHERE id = :rid)"
        params: dict[str, int | None] = {"rid": revision_id}
    else:
        target, params = ":did", {"did": document_id}
    s.execute(text(f"SELECT id FROM documents WHERE id = {target} FOR UPDATE"), params)


def concurrency_guard(service: Callable[P, R]) -> Callable[P, R]:
    """A concurrent change caught by the database (a row's version moved on, the unique
    index of effective revisions) becomes a clear ``Conflict``; the unit of work has
    already rolled back by then."""
    @functools.wraps(service)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return service(*args, **kwargs)
        except (StaleDataError, IntegrityError) as exc:
            raise Conflict("document.concurrent_change") from exc

    return guarded


def person(s: Session, user_id: int | None) -> tuple[str, str]:
    """Name and job title of a user as they are now (recorded on the revision)."""
    user = s.get(User, user_id) if user_id is not None else None
    return (user.full_name, user.job_title) if user else ("", "")


def user_named(s: Session, org_id: int, name: str) -> int | None:
    """The one user of the organisation with this full name (accents/case aside), if any."""
    wanted = fold(name)
    ids = [uid for uid, full in s.execute(select(User.id, User.full_name)
                                          .where(User.organization_id == org_id))
           if fold(full) == wanted]
    return ids[0] if len(ids) == 1 else None


def unit_named(s: Session, org_id: int, name: str) -> int | None:
    """The unit of the organisation with this name (accents/case aside), if any."""
    wanted = fold(name)
    for unit_id, unit_name in s.execute(select(Unit.id, Unit.name)
                                        .where(Unit.organization_id == org_id)):
        if fold(unit_name) == wanted:
            return unit_id
    return None


def revision_hash(rev: DocumentRevision) -> str:
    """The content hash of a revision as it stands now."""
    return content_hash(rev.content, rev.meta)


def apply_meta(s: Session, doc: Document, meta: Mapping[str, Any]) -> None:
    """Make the register entry say what its (newly) effective revision says."""
    doc.title = str(meta.get("title") or doc.title)
    doc.doc_type = str(meta.get("type") or doc.doc_type)
    doc.owner_unit = str(meta.get("owner_unit") or "")
    doc.owner_unit_id = unit_named(s, doc.organization_id, doc.owner_unit)
    doc.review_interval_months = int(meta.get("review_interval_months") or 12)
    doc.iso_clauses = list(meta.get("iso_clauses") or [])
    doc.legal_bases = list(meta.get("legal_bases") or [])
    doc.plan_tasks = list(meta.get("plan_tasks") or [])
    doc.clause_index = f" {' '.join(doc.iso_clauses)} "[:500]
    doc.search_text = fold(f"{doc.code} {doc.title} {doc.owner_unit}")


def start_review_cycle(doc: Document, effective: date) -> None:
    """A newly effective revision is next reviewed one interval after it takes effect."""
    doc.next_review_date = add_months(effective, doc.review_interval_months)


def current_plan_id(s: Session, org_id: int, year: int) -> int | None:
    """The current version of the organisation's plan for ``year``, if imported."""
    return s.scalar(select(Plan.id).where(Plan.organization_id == org_id, Plan.year == year,
                                          Plan.is_current.is_(True)).order_by(Plan.id.desc()))


def link_plan_tasks(s: Session, actor: Actor, doc: Document, plan_id: int | None) -> int:
    """Link the document to the plan tasks its front matter names; returns links added.

    Codes the plan does not have, or no plan at all, are skipped silently: the plan may
    be imported later (see ``link_front_matter_tasks``).
    """
    if plan_id is None or not doc.plan_tasks:
        return 0
    tasks = dict(s.execute(select(PlanTask.code, PlanTask.id).where(
        PlanTask.plan_id == plan_id, PlanTask.code.in_(doc.plan_tasks))).all())
    linked = set(s.scalars(select(TraceLink.task_id).where(
        TraceLink.entity_type == ENTITY, TraceLink.entity_id == doc.id,
        TraceLink.task_id.in_(tasks.values()))))
    added = 0
    for code in doc.plan_tasks:
        task_id = tasks.get(code)
        if task_id is not None and task_id not in linked:
            insert_link(s, actor, task_id, ENTITY, doc.id)
            linked.add(task_id)
            added += 1
    return added

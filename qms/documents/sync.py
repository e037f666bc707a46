"""Loading the ``procedures/`` folder (Markdown with front matter) into the register.

A new file is the commune's existing, approved document: it enters as effective with the
issue, date and signatories its front matter records. Changed content of a known document
becomes a new draft that goes through review and approval; approved revisions are never
touched. Invalid files are reported one by one, with the reason, and the others load.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.audits.clauses import load_clauses
from qms.core.actor import Actor
from qms.core.config import ROOT
from qms.core.data_files import read_packaged
from qms.core.errors import DomainError
from qms.core.i18n import t
from qms.db.uow import owned, unit_of_work
from qms.documents.models import Document, DocumentRevision
from qms.documents.procedure_md import ProcedureDoc, ProcedureFormatError, parse_procedure
from qms.documents.records import (
    META_FIELDS,
    apply_meta,
    concurrency_guard,
    current_plan_id,
    effective_of,
    link_plan_tasks,
    start_review_cycle,
    user_named,
)
from qms.documents.rules import OPEN_STATUSES, DocumentStatus, RevisionStatus, content_hash
from qms.plan.models import Plan
from qms.trail.record import record_change

PROCEDURES_DIR = ROOT / "procedures"  # the commune's controlled documents as Markdown


class Outcome(StrEnum):
    CREATED = "created"  # new document, its revision effective
    DRAFTED = "drafted"  # changed content: a new draft revision
    DRAFT_UPDATED = "draft_updated"  # the draft this file made earlier, refreshed
    UNCHANGED = "unchanged"
    OPEN_REVISION = "open_revision"  # skipped: someone else's revision is open
    WITHDRAWN = "withdrawn"  # skipped: the document was withdrawn
    INVALID = "invalid"


@dataclass(frozen=True)
class SyncItem:
    file: str
    outcome: Outcome
    code: str = ""
    issue: int | None = None
    message: str = ""


@dataclass(frozen=True)
class SyncReport:
    items: tuple[SyncItem, ...]
    dry_run: bool
    links_added: int

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.items if item.outcome is outcome)


def meta_of(doc: ProcedureDoc) -> dict[str, Any]:
    """The controlled front-matter fields of a parsed file, as a revision stores them."""
    meta = {name: getattr(doc, name) for name in META_FIELDS}
    meta["type"] = doc.type.value
    meta["iso_clauses"], meta["legal_bases"] = list(doc.iso_clauses), list(doc.legal_bases)
    meta["plan_tasks"] = list(doc.plan_tasks)
    meta["objectives"] = [asdict(o) for o in doc.objectives]
    return meta


@concurrency_guard
def sync_procedures(actor: Actor, folder: Path, dry_run: bool = False) -> SyncReport:
    """Load every ``*.md`` of ``folder``; with ``dry_run`` report what would happen only."""
    actor.require("document.sync")
    known = {clause.code for clause in load_clauses(read_packaged("iso_clauses.csv"))}
    items: list[SyncItem] = []
    links = [0]
    with unit_of_work() as uow:
        seen: dict[str, str] = {}
        for path in sorted(folder.glob("*.md")):
            items.append(_sync_file(uow.session, actor, path, known, seen, links))
        if not dry_run:
            uow.commit()
    return SyncReport(tuple(items), dry_run, links[0])


def _sync_file(s: Session, actor: Actor, path: Path, known: set[str], seen: dict[str, str],
               links: list[int]) -> SyncItem:
    try:
        parsed = parse_procedure(path.read_text(encoding="utf-8"), source=path.name,
                                 known_clauses=known)
    except UnicodeDecodeError:
        return SyncItem(path.name, Outcome.INVALID,
                        message=t("documents.sync.not_utf8", actor.language))
    except ProcedureFormatError as exc:
        return SyncItem(path.name, Outcome.INVALID, message=exc.reason)
    if parsed.code in seen:
        return SyncItem(path.name, Outcome.INVALID, parsed.code, message=t(
            "documents.sync.duplicate_code", actor.language, code=parsed.code,
            file=seen[parsed.code]))
    seen[parsed.code] = path.name
    try:
        with s.begin_nested():
            return _apply(s, actor, path.name, parsed, links)
    except DomainError as exc:  # e.g. a field too long for the register
        return SyncItem(path.name, Outcome.INVALID, parsed.code,
                        message=exc.message(actor.language))


def _apply(s: Session, actor: Actor, name: str, parsed: ProcedureDoc,
           links: list[int]) -> SyncItem:
    doc = s.scalar(select(Document).where(Document.organization_id == actor.organization_id,
                                          Document.code == parsed.code))
    meta = meta_of(parsed)
    digest = content_hash(parsed.body, meta)
    if doc is None:
        doc, rev = _create(s, actor, name, parsed, meta, digest)
        links[0] += link_plan_tasks(s, actor, doc, current_plan_id(
            s, actor.organization_id, parsed.effective_date.year))
        return SyncItem(name, Outcome.CREATED, doc.code, rev.issue)
    if doc.status != DocumentStatus.ACTIVE:
        return SyncItem(name, Outcome.WITHDRAWN, doc.code)
    revisions = s.scalars(select(DocumentRevision).where(
        DocumentRevision.document_id == doc.id).order_by(DocumentRevision.id)).all()
    if any(digest in (r.content_hash, r.source_hash) for r in revisions):
        return SyncItem(name, Outcome.UNCHANGED, doc.code)
    open_revisions = [r for r in revisions if r.status in OPEN_STATUSES]
    if open_revisions:
        return _refresh(s, actor, name, doc, open_revisions[-1], parsed, meta, digest)
    return _draft(s, actor, name, doc, parsed, meta, digest)


def _people(s: Session, org_id: int, parsed: ProcedureDoc, *roles: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for role in roles:
        who = getattr(parsed, role)
        values |= {f"{role}_id": user_named(s, org_id, who.name), f"{role}_name": who.name,
                   f"{role}_title": who.title}
    return values


def _create(s: Session, actor: Actor, name: str, parsed: ProcedureDoc, meta: dict[str, Any],
            digest: str) -> tuple[Document, DocumentRevision]:
    org_id = actor.organization_id
    doc = Document(organization_id=org_id, code=parsed.code, title=parsed.title,
                   doc_type=parsed.type.value, source_name=name)
    apply_meta(s, doc, meta)
    start_review_cycle(doc, parsed.effective_date)
    s.add(doc)
    s.flush()
    rev = DocumentRevision(
        organization_id=org_id, document_id=doc.id, issue=parsed.issue,
        status=RevisionStatus.EFFECTIVE.value, content=parsed.body, meta=meta,
        content_hash=digest, effective_date=parsed.effective_date, source_name=name,
        source_hash=digest, change_summary=t("documents.sync.first_summary", actor.language,
                                             issue=parsed.issue, file=name),
        **_people(s, org_id, parsed, "drafter", "reviewer", "approver"))
    s.add(rev)
    s.flush()
    record_change(s, actor, "document.sync", "document", doc.id, after={
        "code": doc.code, "issue": rev.issue, "status": rev.status, "file": name,
        "effective_date": rev.effective_date})
    return doc, rev


def _draft(s: Session, actor: Actor, name: str, doc: Document, parsed: ProcedureDoc,
           meta: dict[str, Any], digest: str) -> SyncItem:
    base = effective_of(s, doc.id)
    issue = max(parsed.issue, base.issue + 1 if base else 1)
    rev = DocumentRevision(
        organization_id=doc.organization_id, document_id=doc.id,
        based_on_id=base.id if base else None, issue=issue, status=RevisionStatus.DRAFT.value,
        content=parsed.body, meta=meta, content_hash=digest, source_name=name,
        source_hash=digest, change_summary=t("documents.sync.draft_summary", actor.language,
                                             file=name),
        **_people(s, doc.organization_id, parsed, "drafter"))
    s.add(rev)
    s.flush()
    record_change(s, actor, "document.sync", "document", doc.id, after={
        "issue": issue, "status": rev.status, "file": name, "content_hash": digest})
    return SyncItem(name, Outcome.DRAFTED, doc.code, issue)


def _refresh(s: Session, actor: Actor, name: str, doc: Document, rev: DocumentRevision,
             parsed: ProcedureDoc, meta: dict[str, Any], digest: str) -> SyncItem:
    """Refresh the draft this file made, unless it moved on or was edited in the app."""
    untouched = rev.source_name == name and rev.source_hash == rev.content_hash
    if rev.status != RevisionStatus.DRAFT or not untouched:
        return SyncItem(name, Outcome.OPEN_REVISION, doc.code, rev.issue, t(
            "documents.sync.open_revision", actor.language, issue=rev.issue))
    before = {"content_hash": rev.content_hash}
    rev.content, rev.meta, rev.content_hash, rev.source_hash = parsed.body, meta, digest, digest
    s.flush()
    record_change(s, actor, "document.sync", "document", doc.id, before=before,
                 after={"content_hash": digest, "issue": rev.issue, "file": name})
    return SyncItem(name, Outcome.DRAFT_UPDATED, doc.code, rev.issue)


@concurrency_guard
def link_front_matter_tasks(actor: Actor, plan_id: int) -> int:
    """Link every active document to the tasks of ``plan_id`` its front matter names.

    Idempotent: existing links are kept, so calling it again adds nothing. Returns the
    number of links added (the demo calls it after importing the plan).
    """
    actor.require("document.sync")
    with unit_of_work() as uow:
        s = uow.session
        plan = owned(s, Plan, plan_id, actor)
        docs = s.scalars(select(Document).where(
            Document.organization_id == actor.organization_id,
            Document.status == DocumentStatus.ACTIVE.value).order_by(Document.code)).all()
        added = sum(link_plan_tasks(s, actor, doc, plan.id) for doc in docs)
        uow.commit()
        return added


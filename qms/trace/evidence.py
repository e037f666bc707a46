"""Files and evidence documents (tài liệu kiểm chứng)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.config import settings
from qms.core.errors import ValidationFailed
from qms.core.files import check_size, safe_name, sniff
from qms.db.uow import unit_of_work
from qms.trace.file_models import Evidence, StoredFile
from qms.trace.links import insert_link
from qms.trail.record import record_change

ACCEPTED = frozenset({"pdf", "docx", "xlsx", "doc", "png", "jpeg"})


def max_upload_bytes() -> int:
    """``QMS_MAX_UPLOAD_MB`` (default 20) in bytes."""
    return settings().max_upload_mb * 1024 * 1024


def store_file(session: Session, actor: Actor, name: str, data: bytes,
               accepted: frozenset[str] = ACCEPTED) -> StoredFile:
    """Check and add an uploaded file to ``session`` (the caller's unit of work)."""
    check_size(len(data), max_upload_bytes())
    sniffed = sniff(data)
    if sniffed is None or sniffed.kind not in accepted:
        raise ValidationFailed("file.bad_type", name=name[:80])
    row = StoredFile(organization_id=actor.organization_id, name=safe_name(name, sniffed.kind),
                     kind=sniffed.kind, mime=sniffed.mime, size=len(data),
                     sha256=hashlib.sha256(data).hexdigest(), content=data,
                     created_by_id=actor.user_id)
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class EvidenceInput:
    title: str
    doc_number: str = ""
    doc_date: date | None = None
    issuer: str = ""
    note: str = ""


def add_evidence(actor: Actor, data: EvidenceInput, file_name: str = "",
                 file_bytes: bytes | None = None, *, link_task_id: int | None = None) -> int:
    """Record an evidence document, with its file, optionally linked to a plan task at once."""
    actor.require("evidence.create")
    with unit_of_work() as uow:
        row = insert_evidence(uow.session, actor, data, file_name, file_bytes)
        if link_task_id is not None:
            insert_link(uow.session, actor, link_task_id, "evidence", row.id)
        uow.commit()
        return row.id


def insert_evidence(s: Session, actor: Actor, data: EvidenceInput, file_name: str = "",
                    file_bytes: bytes | None = None) -> Evidence:
    """Check and add an evidence document (and its file) in the caller's unit of work."""
    title = v.text(data.title, "field.evidence.title", max_len=500, required=True)
    number = v.text(data.doc_number, "field.evidence.doc_number", max_len=120)
    issuer = v.text(data.issuer, "field.evidence.issuer", max_len=200)
    note = v.text(data.note, "field.note", max_len=2000, multiline=True)
    file_id = store_file(s, actor, file_name, file_bytes).id if file_bytes else None
    row = Evidence(organization_id=actor.organization_id, title=title, doc_number=number,
                   doc_date=data.doc_date, issuer=issuer, note=note, file_id=file_id,
                   created_by_id=actor.user_id)
    s.add(row)
    s.flush()
    record_change(s, actor, "evidence.create", "evidence", row.id, after={
        "title": title, "doc_number": number, "doc_date": data.doc_date, "issuer": issuer,
        "file_id": file_id})
    return row

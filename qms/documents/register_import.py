"""Importing the commune's existing document register from an Excel file.

Expected columns (first sheet, first non-empty row is the header; accents and case in the
headers do not matter): Mã tài liệu · Tên tài liệu · Loại · Bộ phận chủ trì · Lần ban hành
· Ngày hiệu lực. Each row is the commune's approved document as it stands: it enters the
register as effective (the text can follow later as a new draft). Preview first, then
confirm; bad rows are listed with their row number and the good ones can be imported.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.core.actor import Actor
from qms.core.errors import Conflict, ValidationFailed
from qms.core.files import sniff
from qms.core.i18n import t
from qms.db.uow import unit_of_work
from qms.documents.models import Document, DocumentRevision
from qms.documents.procedure_md import DocumentType
from qms.documents.records import apply_meta, concurrency_guard, start_review_cycle
from qms.documents.register_rows import RegisterRow, map_header, parse_row
from qms.documents.rules import DEFAULT_REVIEW_MONTHS, RevisionStatus, content_hash
from qms.trace.evidence import max_upload_bytes
from qms.trail.record import record_change

MAX_ROWS = 5000


@dataclass(frozen=True)
class PreviewRow:
    """One data row: its spreadsheet row number, the values read, or why it is refused."""

    row: int
    code: str
    title: str
    type: str
    owner_unit: str
    issue: int | None
    effective_date: date | None
    error: str = ""


@dataclass(frozen=True)
class RegisterPreview:
    sha256: str
    rows: tuple[PreviewRow, ...]

    @property
    def good(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if not r.error)

    @property
    def bad(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if r.error)


def _sheet_rows(data: bytes) -> list[tuple[int, tuple[object, ...]]]:
    if len(data) > max_upload_bytes():
        raise ValidationFailed("file.too_large", max_mb=max_upload_bytes() // (1024 * 1024))
    sniffed = sniff(data)  # refuses zip bombs before openpyxl unpacks anything
    if sniffed is None or sniffed.kind != "xlsx":
        raise ValidationFailed("document.import.not_xlsx")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationFailed("document.import.not_xlsx") from exc
    try:
        rows = [(n, tuple(r)) for n, r in enumerate(book.worksheets[0].iter_rows(
            values_only=True), start=1) if any(c not in (None, "") for c in r)]
    finally:
        book.close()
    if len(rows) > MAX_ROWS + 1:
        raise ValidationFailed("document.import.too_many_rows", max=MAX_ROWS)
    return rows


def _read(s: Session, actor: Actor, data: bytes) -> RegisterPreview:
    rows = _sheet_rows(data)
    if not rows:
        raise ValidationFailed("document.import.empty")
    positions = map_header(rows[0][1])
    existing = set(s.scalars(select(Document.code).where(
        Document.organization_id == actor.organization_id)))
    seen: set[str] = set()
    result = []
    for number, cells in rows[1:]:
        try:
            row = parse_row(cells, positions)
        except ValidationFailed as exc:
            result.append(PreviewRow(number, "", "", "", "", None, None,
                                     exc.message(actor.language)))
            continue
        error = ""
        if row.code in existing:
            error = t("document.import.exists", actor.language, code=row.code)
        elif row.code in seen:
            error = t("document.import.duplicate_in_file", actor.language, code=row.code)
        seen.add(row.code)
        result.append(PreviewRow(number, row.code, row.title, row.type.value, row.owner_unit,
                                 row.issue, row.effective_date, error))
    return RegisterPreview(hashlib.sha256(data).hexdigest(), tuple(result))


def preview_register(actor: Actor, data: bytes) -> RegisterPreview:
    """Read the file and check every row; nothing is saved."""
    actor.require("document.import")
    with unit_of_work(write=False) as uow:
        return _read(uow.session, actor, data)


@concurrency_guard
def import_register(actor: Actor, data: bytes, expected_sha256: str) -> int:
    """Save the good rows of the previewed file; returns how many documents were added."""
    actor.require("document.import")
    if hashlib.sha256(data).hexdigest() != expected_sha256:
        raise Conflict("document.import.changed")
    with unit_of_work() as uow:
        s = uow.session
        preview = _read(s, actor, data)
        for row in preview.good:
            _insert(s, actor, RegisterRow(row.code, row.title, DocumentType(row.type),
                                          row.owner_unit, row.issue or 1,
                                          row.effective_date or date.min))
        uow.commit()
        return len(preview.good)


def _insert(s: Session, actor: Actor, row: RegisterRow) -> None:
    meta = {"title": row.title, "type": row.type.value, "owner_unit": row.owner_unit,
            "review_interval_months": DEFAULT_REVIEW_MONTHS, "iso_clauses": [],
            "legal_bases": [], "plan_tasks": [], "objectives": []}
    doc = Document(organization_id=actor.organization_id, code=row.code, title=row.title,
                   doc_type=row.type.value, source_name="excel")
    apply_meta(s, doc, meta)
    start_review_cycle(doc, row.effective_date)
    s.add(doc)
    s.flush()
    rev = DocumentRevision(
        organization_id=actor.organization_id, document_id=doc.id, issue=row.issue,
        status=RevisionStatus.EFFECTIVE.value, content="", meta=meta,
        content_hash=content_hash("", meta), effective_date=row.effective_date,
        change_summary=t("documents.import.summary", actor.language, issue=row.issue))
    s.add(rev)
    s.flush()
    record_change(s, actor, "document.import", "document", doc.id, after={
        "code": row.code, "title": row.title, "issue": row.issue,
        "effective_date": row.effective_date})

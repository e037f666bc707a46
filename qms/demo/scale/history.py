"""Synthetic years of history for benchmarks: ``python -m qms demo --scale commune-10y``.

Deterministic by seed, bulk-inserted in batches (``session.execute(insert(Model), rows)``)
inside one unit of work per organisation, and the audit-trail rows continue the
organisation's hash chain so ``verify-log`` still holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from qms.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from qms.auth.models import Unit, User
from qms.core.actor import Actor
from qms.core.text import fold
from qms.db.uow import unit_of_work
from qms.demo.scale import text as txt
from qms.demo.scale.log import append_history_log
from qms.documents.models import Document, DocumentRevision
from qms.nonconformities.models import CorrectiveAction, NcCounter, Nonconformity
from qms.plan.models import Plan, PlanArea, PlanTask, ReportingPeriod
from qms.trace.file_models import Evidence, StoredFile
from qms.trace.models import TraceLink
from qms.trail.record import record_change

BATCH = 2_000
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Sizes:
    """How much history one organisation gets."""

    years: int
    procedures: int
    revisions: int
    audits: int
    questions: int
    nonconformities: int
    actions: int
    evidence: int
    log_rows: int
    tasks_per_year: int = 40


SCALES: dict[str, Sizes] = {
    "commune-10y": Sizes(10, 300, 8, 60, 150, 3_000, 6_000, 5_000, 50_000),
    "tiny": Sizes(3, 15, 3, 3, 20, 60, 120, 40, 300, tasks_per_year=12),
}


@dataclass(frozen=True)
class HistoryResult:
    organization_id: int
    rows: int


@dataclass
class _Ctx:
    session: Session
    org_id: int
    rng: Random
    progress: Progress
    units: list[int]
    users: list[int]
    years: list[int]
    rows: int = 0

    def put(self, model: Any, rows: list[dict[str, Any]], label: str, *,
            ids: bool = False) -> list[int]:
        """Insert ``rows`` in batches; with ``ids`` return the new ids in row order."""
        out: list[int] = []
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            if ids:
                stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
                out.extend(self.session.scalars(stmt, chunk).all())
            else:
                self.session.execute(insert(model), chunk)
            self.rows += len(chunk)
        if rows and label:
            self.progress(f"{label}: {len(rows):,}".replace(",", "."))
        return out


def add_history(actor: Actor, sizes: Sizes, *, seed: int = 1, stream: int = 1,
                last_year: int = 2023, progress: Progress = lambda _m: None) -> HistoryResult:
    """Add ``sizes`` of synthetic history (``last_year`` and the years before, skipping years
    that already have a plan) to the actor's organisation, in one transaction.

    ``seed`` and ``stream`` (the organisation's ordinal in a province) fix every value."""
    actor.require("system.demo_scale")
    org_id = actor.organization_id
    with unit_of_work() as uow:
        s = uow.session
        units = list(s.scalars(select(Unit.id).where(Unit.organization_id == org_id)
                               .order_by(Unit.id)))
        users = list(s.scalars(select(User.id).where(User.organization_id == org_id)
                               .order_by(User.id)))
        taken = set(s.scalars(select(Plan.year).where(Plan.organization_id == org_id)))
        years = [y for y in range(last_year - sizes.years + 1, last_year + 1) if y not in taken]
        ctx = _Ctx(s, org_id, Random(f"{seed}:{stream}"), progress, units, users, years)
        tasks = _plans(ctx, sizes)
        docs = _documents(ctx, sizes)
        _audits(ctx, sizes, docs)
        _nonconformities(ctx, sizes, docs)
        _evidence(ctx, sizes, tasks)
        ctx.rows += append_history_log(s, org_id, ctx.rng, years, users, sizes.log_rows,
                                       progress)
        record_change(s, actor, "demo.scale", "organization", org_id,
                     after={"rows": ctx.rows, "seed": seed})
        uow.commit()
    return HistoryResult(org_id, ctx.rows)


def _plans(ctx: _Ctx, sizes: Sizes) -> dict[int, list[int]]:
    """One plan per history year: the seven areas, tasks, four reporting periods."""
    tasks: dict[int, list[int]] = {}
    for year in ctx.years:
        plan_id = ctx.put(Plan, [{
            "organization_id": ctx.org_id, "year": year, "version_no": 1, "is_current": True,
            "title": f"Kế hoạch cải cách hành chính năm {year}", "issuer": "UBND xã",
            "source_name": f"ke-hoach-cchc-{year}.txt"}], "", ids=True)[0]
        areas = ctx.put(PlanArea, [{"plan_id": plan_id, "number": i + 1, "title": title}
                                   for i, title in enumerate(txt.AREAS)], "", ids=True)
        ctx.put(ReportingPeriod, [
            {"plan_id": plan_id, "ordinal": i + 1, "name": f"{name}/{year}",
             "start_date": date(year - (i == 0), 12 if i == 0 else 3 * i, 15),
             "end_date": date(year, 3 * (i + 1), 14), "due_date": date(year, 3 * (i + 1), 20)}
            for i, name in enumerate(("Quý I", "6 tháng", "9 tháng", "Năm"))], "")
        rows = []
        for n in range(sizes.tasks_per_year):
            area = n % len(areas)
            rows.append({
                "organization_id": ctx.org_id, "plan_id": plan_id, "area_id": areas[area],
                "ordinal": n // len(areas) + 1, "code": f"{area + 1}.{n // len(areas) + 1}",
                "text": txt.task_text(ctx.rng), "is_duty": n % 9 == 0,
                "owner_unit_id": ctx.rng.choice(ctx.units), "due_date": date(year, 12, 15),
                "status": "done", "completed_on": date(year, ctx.rng.randint(1, 12), 10)})
        tasks[year] = ctx.put(PlanTask, rows, "", ids=True)
    ctx.progress(f"Kế hoạch CCHC: {len(ctx.years)} năm")
    return tasks


def _documents(ctx: _Ctx, sizes: Sizes) -> list[int]:
    """Procedures, each with its revisions: the last effective, the others superseded."""
    first = ctx.years[0] if ctx.years else 2014
    rows = []
    for n in range(sizes.procedures):
        title = f"{ctx.rng.choice(txt.DOC_KINDS)} {ctx.rng.choice(txt.OBJECTS)}"
        code = f"QT-{first}-{n + 1:03d}"  # distinct from the demo's and earlier histories
        rows.append({"organization_id": ctx.org_id, "code": code, "title": title,
                     "doc_type": "process", "owner_unit_id": ctx.rng.choice(ctx.units),
                     "iso_clauses": ["8.5.1"], "clause_index": " 8 8.5 8.5.1 ",
                     "search_text": fold(f"{code} {title}"),
                     "next_review_date": date(first + sizes.years, 6, 30)})
    doc_ids = ctx.put(Document, rows, "Tài liệu", ids=True)
    revisions = []
    for doc_id, doc in zip(doc_ids, rows, strict=True):
        for issue in range(1, sizes.revisions + 1):
            body = txt.procedure_body(ctx.rng, doc["title"], issue)
            last = issue == sizes.revisions
            when = date(first + (issue - 1) * sizes.years // sizes.revisions, 3, 1)
            revisions.append({
                "organization_id": ctx.org_id, "document_id": doc_id, "issue": issue,
                "status": "effective" if last else "superseded", "content": body,
                "meta": {"title": doc["title"]}, "effective_date": when,
                "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                "change_summary": "Cập nhật theo quy định mới" if issue > 1 else "Ban hành lần đầu",
                "drafter_name": txt.person(ctx.rng), "approver_name": "Nguyễn Văn Bền",
                "signature_meaning": "Phê duyệt ban hành",
                "approved_at": datetime(when.year, when.month, when.day, 2, tzinfo=UTC)})
    ctx.put(DocumentRevision, revisions, "Lần ban hành")
    return doc_ids


def _audits(ctx: _Ctx, sizes: Sizes, docs: list[int]) -> None:
    """Audits spread over the history years, each with its answered checklist."""
    if not ctx.years:
        return
    programmes = ctx.put(AuditProgramme, [
        {"organization_id": ctx.org_id, "year": y, "objectives": "Đánh giá nội bộ định kỳ"}
        for y in ctx.years], "", ids=True)
    rows = []
    for n in range(sizes.audits):
        k = n % len(ctx.years)
        year = ctx.years[k]
        start = date(year, 1 + (n // len(ctx.years)) % 12, 10)
        rows.append({"organization_id": ctx.org_id, "programme_id": programmes[k],
                     "title": f"Đánh giá nội bộ lần {n // len(ctx.years) + 1} năm {year}",
                     "unit_ids": ctx.rng.sample(ctx.units, min(2, len(ctx.units))),
                     "clause_codes": ["7.5", "8.5"], "start_date": start,
                     "end_date": start + timedelta(days=2), "status": "completed",
                     "lead_auditor_id": ctx.rng.choice(ctx.users),
                     "conclusion": "Hệ thống được duy trì phù hợp."})
    audit_ids = ctx.put(Audit, rows, "Cuộc đánh giá", ids=True)
    items, kept = [], []
    results = ("conform",) * 12 + ("minor", "observation", "major", "na")
    for audit_id in audit_ids:
        for q in range(sizes.questions):
            result = ctx.rng.choice(results)
            items.append({"organization_id": ctx.org_id, "audit_id": audit_id,
                          "ordinal": q + 1, "source": "bank", "clause": "8.5.1",
                          "question": ctx.rng.choice(txt.QUESTIONS),
                          "document_id": ctx.rng.choice(docs) if docs else None,
                          "auditor_id": ctx.rng.choice(ctx.users), "result": result,
                          "evidence_seen": f"Xem {ctx.rng.choice(txt.OBJECTS)}",
                          "note": ""})
            kept.append(result not in ("conform", "na"))
    item_ids = ctx.put(ChecklistItem, items, "Câu hỏi đánh giá", ids=True)
    ctx.put(Finding, [
        {"organization_id": ctx.org_id, "audit_id": item["audit_id"], "item_id": item_id,
         "result": item["result"], "description": txt.nc_title(ctx.rng)}
        for item, item_id, keep in zip(items, item_ids, kept, strict=True) if keep],
        "Phát hiện")


def _nonconformities(ctx: _Ctx, sizes: Sizes, docs: list[int]) -> None:
    """Closed nonconformities numbered per year, each with its corrective actions."""
    if not ctx.years:
        return
    per_year = -(-sizes.nonconformities // len(ctx.years))
    rows, counters = [], {}
    for n in range(sizes.nonconformities):
        year = ctx.years[n // per_year]
        seq = counters[year] = counters.get(year, 0) + 1
        found = date(year, 1 + seq % 12, 1 + seq % 28)
        rows.append({
            "organization_id": ctx.org_id, "number": f"KPH-{year}-{seq:03d}", "year": year,
            "seq": seq, "status": "closed", "title": txt.nc_title(ctx.rng), "found_on": found,
            "recorded_on": found, "source": ctx.rng.choice(("internal_audit", "citizen_feedback",
                                                            "self_inspection", "kpi")),
            "unit_id": ctx.rng.choice(ctx.units), "clause": "8.5.1",
            "document_id": ctx.rng.choice(docs) if docs else None,
            "owner_id": ctx.rng.choice(ctx.users), "description": txt.nc_title(ctx.rng),
            "grade": ctx.rng.choice(("minor", "minor", "major", "observation")),
            "root_cause": ctx.rng.choice(txt.CAUSES), "cause_category": "method",
            "closed_on": found + timedelta(days=60)})
    nc_ids = ctx.put(Nonconformity, rows, "Sự không phù hợp", ids=True)
    ctx.put(NcCounter, [{"organization_id": ctx.org_id, "year": y, "last": last}
                        for y, last in counters.items()], "")
    per_nc = max(1, sizes.actions // max(1, len(nc_ids)))
    actions = [
        {"organization_id": ctx.org_id, "nonconformity_id": nc_id, "round": 1, "ordinal": k + 1,
         "description": ctx.rng.choice(txt.ACTIONS), "owner_id": ctx.rng.choice(ctx.users),
         "due_date": nc["found_on"] + timedelta(days=30), "status": "done",
         "done_on": nc["found_on"] + timedelta(days=25), "done_note": "Đã thực hiện xong."}
        for nc_id, nc in zip(nc_ids, rows, strict=True) for k in range(per_nc)]
    ctx.put(CorrectiveAction, actions, "Hành động khắc phục")


def _evidence(ctx: _Ctx, sizes: Sizes, tasks: dict[int, list[int]]) -> None:
    """Evidence documents with a small stored PDF each, linked to a task of their year."""
    files, records, years = [], [], []
    for n in range(sizes.evidence):
        year = ctx.years[n % len(ctx.years)] if ctx.years else 2022
        title = f"{ctx.rng.choice(txt.EVIDENCE)} {ctx.rng.choice(txt.OBJECTS)}"
        content = _tiny_pdf(f"{title} {n}")
        files.append({"organization_id": ctx.org_id, "name": f"tai-lieu-{n + 1:05d}.pdf",
                      "kind": "pdf", "mime": "application/pdf", "size": len(content),
                      "sha256": hashlib.sha256(content).hexdigest(), "content": content})
        records.append({"organization_id": ctx.org_id, "title": title,
                        "doc_number": f"{n % 300 + 1:02d}/BC-UBND",
                        "doc_date": date(year, 1 + n % 12, 1 + n % 28), "issuer": "UBND xã"})
        years.append(year)
    file_ids = ctx.put(StoredFile, files, "Tệp lưu trữ", ids=True)
    records = [{**r, "file_id": f} for r, f in zip(records, file_ids, strict=True)]
    ev_ids = ctx.put(Evidence, records, "Tài liệu kiểm chứng", ids=True)
    links = [{"organization_id": ctx.org_id, "task_id": ctx.rng.choice(tasks[y]),
              "entity_type": "evidence", "entity_id": ev_id}
             for ev_id, y in zip(ev_ids, years, strict=True) if tasks.get(y)]
    ctx.put(TraceLink, links, "Liên kết truy vết")


def _tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF of a few hundred bytes (the stored-file check reads the magic)."""
    ascii_text = fold(text).replace("(", "").replace(")", "")[:60]
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 50]>>endobj\n"
            + f"% {ascii_text}\n".encode() + b"trailer<</Root 1 0 R>>\n%%EOF\n")


def count_rows(session: Session, model: Any, org_id: int) -> int:
    return session.scalar(select(func.count()).select_from(model)
                          .where(model.organization_id == org_id)) or 0


__all__ = ["SCALES", "HistoryResult", "Sizes", "add_history", "count_rows"]

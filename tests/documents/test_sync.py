"""``procedures sync``: new, changed, unchanged and invalid files; plan-task links."""

from __future__ import annotations

import shutil
from datetime import date

from sqlalchemy import func, select

from qms.db.uow import unit_of_work
from qms.documents import drafts as documents
from qms.documents.drafts import DraftInput
from qms.documents.models import Document, DocumentRevision
from qms.documents.queries import document_detail, document_id_by_code
from qms.documents.sync import Outcome, link_front_matter_tasks, sync_procedures
from qms.trace.models import TraceLink
from qms.trace.queries import tasks_for_entity
from qms.trail.models import AuditLog
from tests.documents.helpers import (
    REAL_PROCEDURES,
    commune,
    make_plan,
    procedure_text,
    write_procedure,
)


def _count(model) -> int:
    with unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def _outcomes(report) -> dict[str, Outcome]:
    return {item.file: item.outcome for item in report.items}


def test_a_new_file_enters_the_register_as_the_communes_effective_document(db, tmp_path):
    c = commune()
    write_procedure(tmp_path, "QT-21", issue=3, effective="2023-06-01")
    report = sync_procedures(c.system, tmp_path)
    assert _outcomes(report) == {"qt-21-thu.md": Outcome.CREATED}
    doc = document_detail(c.org_id, document_id_by_code(c.org_id, "QT-21"))
    (rev,) = doc.revisions
    assert (rev.status, rev.issue, rev.effective_date) == ("effective", 3, date(2023, 6, 1))
    assert (rev.drafter_name, rev.reviewer_name, rev.approver_name) == (
        "Nguyễn Thị Hằng", "Trần Văn Hùng", "Nguyễn Văn Bền")
    assert rev.approver_title == "Chủ tịch UBND xã"
    assert rev.drafter_id is not None, "the drafter is matched to the user of that name"
    assert (doc.title, doc.owner_unit, doc.owner_unit_id) == (
        "Đăng ký khai sinh lưu động", "Tư pháp - Hộ tịch", c.unit_id)
    assert doc.iso_clauses == ("8.1", "7.5.3")
    assert doc.next_review_date == date(2024, 6, 1)
    with unit_of_work() as uow:
        actions = uow.session.scalars(select(AuditLog.action).where(
            AuditLog.entity_type == "document")).all()
    assert actions == ["document.sync"]


def test_changed_content_becomes_a_draft_and_the_approved_revision_is_untouched(db, tmp_path):
    c = commune()
    path = write_procedure(tmp_path, purpose="Giải quyết đúng hạn.")
    sync_procedures(c.system, tmp_path)
    doc_id = document_id_by_code(c.org_id, "QT-21")
    before = document_detail(c.org_id, doc_id).effective
    path.write_text(procedure_text(purpose="Giải quyết sớm hơn hạn."), encoding="utf-8")
    report = sync_procedures(c.system, tmp_path)
    assert report.items[0].outcome is Outcome.DRAFTED and report.items[0].issue == 2
    doc = document_detail(c.org_id, doc_id)
    after = doc.revision(before.id)
    assert (after.status, after.content, after.version) == ("effective", before.content,
                                                            before.version)
    draft = doc.revisions[-1]
    assert (draft.status, draft.issue, draft.based_on_id) == ("draft", 2, before.id)
    assert "sớm hơn hạn" in draft.content and draft.effective_date is None
    assert draft.reviewer_name == draft.approver_name == ""


def test_an_unchanged_file_does_nothing(db, tmp_path):
    c = commune()
    write_procedure(tmp_path)
    sync_procedures(c.system, tmp_path)
    counts = (_count(Document), _count(DocumentRevision), _count(AuditLog))
    report = sync_procedures(c.system, tmp_path)
    assert _outcomes(report) == {"qt-21-thu.md": Outcome.UNCHANGED}
    assert (_count(Document), _count(DocumentRevision), _count(AuditLog)) == counts


def test_an_invalid_file_is_reported_with_its_vietnamese_reason_and_the_others_load(
        db, tmp_path):
    c = commune()
    write_procedure(tmp_path, "QT-21")
    (tmp_path / "qt-22-hong.md").write_text(
        procedure_text("QT-22").replace("issue: 1", "issue: một"), encoding="utf-8")
    (tmp_path / "qt-23-trung.md").write_text(procedure_text("QT-21"), encoding="utf-8")
    (tmp_path / "qt-24-khong-front-matter.md").write_text("# Chỉ có nội dung\n", "utf-8")
    report = sync_procedures(c.system, tmp_path)
    by_file = {item.file: item for item in report.items}
    assert by_file["qt-21-thu.md"].outcome is Outcome.CREATED
    assert by_file["qt-22-hong.md"].message == "'issue' phải là số nguyên từ 1 đến 99"
    assert by_file["qt-23-trung.md"].message == "Mã QT-21 trùng với tệp qt-21-thu.md."
    assert "front matter" in by_file["qt-24-khong-front-matter.md"].message
    assert report.count(Outcome.INVALID) == 3
    assert _count(Document) == 1


def test_the_real_procedures_folder_loads_twelve_effective_documents(db):
    c = commune()
    report = sync_procedures(c.system, REAL_PROCEDURES)
    assert report.count(Outcome.CREATED) == 12 and report.count(Outcome.INVALID) == 0
    with unit_of_work() as uow:
        statuses = uow.session.scalars(select(DocumentRevision.status)).all()
        codes = uow.session.scalars(select(Document.code).order_by(Document.code)).all()
    assert statuses == ["effective"] * 12
    assert codes[:3] == ["CS-01", "QT-01", "QT-02"] and codes[-1] == "QT-11"
    again = sync_procedures(c.system, REAL_PROCEDURES)
    assert again.count(Outcome.UNCHANGED) == 12


def test_a_dry_run_reports_but_writes_nothing(db, tmp_path):
    c = commune()
    shutil.copytree(REAL_PROCEDURES, tmp_path / "p")
    counts = (_count(Document), _count(DocumentRevision), _count(AuditLog))
    report = sync_procedures(c.system, tmp_path / "p", dry_run=True)
    assert report.dry_run and report.count(Outcome.CREATED) == 12
    assert (_count(Document), _count(DocumentRevision), _count(AuditLog)) == counts


def test_a_draft_from_the_file_is_refreshed_but_an_edited_one_is_never_overwritten(
        db, tmp_path):
    c = commune()
    path = write_procedure(tmp_path)
    sync_procedures(c.system, tmp_path)
    path.write_text(procedure_text(purpose="Lần sửa thứ nhất."), encoding="utf-8")
    sync_procedures(c.system, tmp_path)
    path.write_text(procedure_text(purpose="Lần sửa thứ hai."), encoding="utf-8")
    assert sync_procedures(c.system, tmp_path).items[0].outcome is Outcome.DRAFT_UPDATED
    doc_id = document_id_by_code(c.org_id, "QT-21")
    draft = document_detail(c.org_id, doc_id).revisions[-1]
    assert "Lần sửa thứ hai." in draft.content
    documents.edit_draft(c.actor("hangnt"), draft.id, DraftInput("Sửa trên phần mềm", "Mục 1"),
                         draft.version)
    assert sync_procedures(c.system, tmp_path).items[0].outcome is Outcome.UNCHANGED
    path.write_text(procedure_text(purpose="Lần sửa thứ ba."), encoding="utf-8")
    item = sync_procedures(c.system, tmp_path).items[0]
    assert item.outcome is Outcome.OPEN_REVISION and "chưa hoàn tất" in item.message
    assert document_detail(c.org_id, doc_id).revisions[-1].content == "Sửa trên phần mềm\n"


def test_plan_tasks_are_linked_to_the_current_plan_of_the_effective_year(db, tmp_path):
    c = commune()
    make_plan(c.org_id, 2023, ("3.5", "3.6"), current=False)
    current = make_plan(c.org_id, 2023, ("3.5", "3.6", "7.3"), version_no=2)
    write_procedure(tmp_path, tasks='["3.6", "7.3", "9.9"]')
    report = sync_procedures(c.system, tmp_path)
    doc_id = document_id_by_code(c.org_id, "QT-21")
    tasks = tasks_for_entity(c.org_id, "procedure", doc_id)
    assert [(t.plan_id, t.code) for t in tasks] == [(current, "3.6"), (current, "7.3")]
    assert report.links_added == 2


def test_without_a_plan_of_that_year_links_are_skipped_then_added_once_later(db, tmp_path):
    c = commune()
    write_procedure(tmp_path, tasks='["3.6"]', effective="2024-01-10")
    make_plan(c.org_id, 2023, ("3.6",))
    sync_procedures(c.system, tmp_path)
    assert _count(TraceLink) == 0
    plan_2024 = make_plan(c.org_id, 2024, ("3.6", "3.7"))
    assert link_front_matter_tasks(c.system, plan_2024) == 1
    assert link_front_matter_tasks(c.system, plan_2024) == 0
    doc_id = document_id_by_code(c.org_id, "QT-21")
    assert [t.code for t in tasks_for_entity(c.org_id, "procedure", doc_id)] == ["3.6"]

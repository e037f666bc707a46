"""Draft → review → approval with the approver's password, and the rules around it.

Every test runs on SQLite and on PostgreSQL (the ``db`` fixture).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.db.uow import unit_of_work
from qms.documents import drafts as documents
from qms.documents.approval import approve_revision
from qms.documents.drafts import DraftInput
from qms.documents.models import Document, DocumentRevision
from qms.documents.queries import document_detail
from qms.documents.rules import SIGNATURE_MEANING
from qms.trail.models import AuditLog
from tests.documents.helpers import commune, synced
from tests.factories import PASSWORD


def _audit(document_id: int) -> list[tuple[str, str]]:
    with unit_of_work() as uow:
        rows = uow.session.execute(select(AuditLog.action, AuditLog.reason).where(
            AuditLog.entity_type == "document", AuditLog.entity_id == str(document_id))
            .order_by(AuditLog.id)).all()
        return [tuple(r) for r in rows]


def _revision(document_id: int, revision_id: int):
    return document_detail_of(document_id).revision(revision_id)


def document_detail_of(document_id: int):
    with unit_of_work() as uow:
        org_id = uow.session.get(Document, document_id).organization_id
    return document_detail(org_id, document_id)


def _draft_in_review(c, document_id: int, reviewed: bool = True) -> int:
    """hangnt drafts and submits; hungtv accepts (unless ``reviewed`` is false)."""
    drafter = c.actor("hangnt")
    rev_id = documents.start_draft(drafter, document_id, "Bổ sung bước 3")
    version = _revision(document_id, rev_id).version
    documents.edit_draft(drafter, rev_id, DraftInput("# Nội dung mới\n\nBước 3.\n",
                                                     "Mục 5: bổ sung bước 3"), version)
    documents.submit_revision(drafter, rev_id, _revision(document_id, rev_id).version)
    if reviewed:
        documents.review_revision(c.actor("hungtv"), rev_id, True, "Đồng ý",
                                  _revision(document_id, rev_id).version)
    return rev_id


def test_a_draft_is_reviewed_approved_with_a_signature_and_supersedes_the_old_issue(
        db, tmp_path, clock):
    c = commune()
    doc_id = synced(c, tmp_path)
    first = document_detail_of(doc_id).effective
    rev_id = _draft_in_review(c, doc_id)
    clock.advance(days=1)
    result = approve_revision(c.actor("bennv"), rev_id, PASSWORD,
                              _revision(doc_id, rev_id).version)
    doc = document_detail_of(doc_id)
    new, old = doc.revision(rev_id), doc.revision(first.id)
    assert (result.issue, result.superseded_id) == (2, first.id)
    assert (new.status, old.status) == ("effective", "superseded")
    assert [r.status for r in doc.revisions].count("effective") == 1
    assert (new.approver_name, new.approver_title) == ("Nguyễn Văn Bền", "Chủ tịch UBND xã")
    assert new.approved_at == datetime(2023, 3, 2, 1, 0, tzinfo=UTC)
    assert new.signature_meaning == SIGNATURE_MEANING == "Phê duyệt ban hành"
    assert (new.drafter_name, new.reviewer_name) == ("Nguyễn Thị Hằng", "Trần Văn Hùng")
    assert new.effective_date == date(2023, 3, 2)
    assert doc.next_review_date == date(2024, 3, 2)
    assert old.content != new.content and "Bước 3." in new.content
    actions = [a for a, _ in _audit(doc_id)]
    assert actions[-5:] == ["document.draft", "document.edit", "document.submit",
                            "document.review_accept", "document.approve"]
    assert _audit(doc_id)[-1][1] == "Mục 5: bổ sung bước 3"


def test_a_wrong_password_is_refused_and_the_refusal_is_logged(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = _draft_in_review(c, doc_id)
    with pytest.raises(ValidationFailed, match="Mật khẩu không đúng"):
        approve_revision(c.actor("bennv"), rev_id, "sai-mat-khau-roi",
                         _revision(doc_id, rev_id).version)
    assert _revision(doc_id, rev_id).status == "in_review"
    assert _audit(doc_id)[-1] == ("document.approve_refused", "wrong_password")


def test_the_reviewer_may_not_be_the_drafter(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = _draft_in_review(c, doc_id, reviewed=False)
    with pytest.raises(ValidationFailed, match="Người xem xét phải khác người soạn thảo"):
        documents.review_revision(c.actor("hangnt"), rev_id, True, "",
                                  _revision(doc_id, rev_id).version)
    assert not _revision(doc_id, rev_id).reviewed


def test_the_approver_may_not_be_the_drafter(db, tmp_path):
    from qms.core.roles import Role
    from tests.factories import make_user

    c = commune()
    make_user(c.org_id, "phochutich", Role.LEADER, Role.ISO_OFFICER)
    doc_id = synced(c, tmp_path)
    drafter = c.actor("phochutich")
    rev_id = documents.start_draft(drafter, doc_id, "Sửa mục 1")
    documents.submit_revision(drafter, rev_id, _revision(doc_id, rev_id).version)
    documents.review_revision(c.actor("hungtv"), rev_id, True, "",
                              _revision(doc_id, rev_id).version)
    with pytest.raises(ValidationFailed, match="Người phê duyệt phải khác người soạn thảo"):
        approve_revision(drafter, rev_id, PASSWORD, _revision(doc_id, rev_id).version)
    assert _revision(doc_id, rev_id).status == "in_review"


def test_a_rejected_review_returns_the_draft_with_its_comments(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = _draft_in_review(c, doc_id, reviewed=False)
    reviewer = c.actor("hungtv")
    with pytest.raises(ValidationFailed, match="Chưa nhập Ý kiến xem xét"):
        documents.review_revision(reviewer, rev_id, False, "  ",
                                  _revision(doc_id, rev_id).version)
    documents.review_revision(reviewer, rev_id, False, "Bước 3 thiếu thời hạn",
                              _revision(doc_id, rev_id).version)
    rev = _revision(doc_id, rev_id)
    assert (rev.status, rev.review_comments, rev.reviewed) == (
        "draft", "Bước 3 thiếu thời hạn", False)
    assert _audit(doc_id)[-1] == ("document.review_reject", "Bước 3 thiếu thời hạn")


def test_approval_waits_for_the_reviewers_acceptance(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = _draft_in_review(c, doc_id, reviewed=False)
    with pytest.raises(Conflict, match="chưa được người xem xét chấp thuận"):
        approve_revision(c.actor("bennv"), rev_id, PASSWORD, _revision(doc_id, rev_id).version)


def test_only_a_leader_may_approve_and_withdraw(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = _draft_in_review(c, doc_id)
    iso = c.actor("hangnt")
    with pytest.raises(PermissionDenied):
        approve_revision(iso, rev_id, PASSWORD, _revision(doc_id, rev_id).version)
    with pytest.raises(PermissionDenied):
        documents.withdraw_document(iso, doc_id, "Không còn áp dụng")


def test_an_officer_drafts_the_documents_of_their_own_unit_only(db, tmp_path):
    c = commune()
    own = synced(c, tmp_path / "a", "QT-21", unit="Tư pháp - Hộ tịch")
    other = synced(c, tmp_path / "b", "QT-22", unit="Văn phòng - Thống kê")
    assert documents.start_draft(c.actor("hoant"), own, "Sửa thời hạn")
    with pytest.raises(PermissionDenied):
        documents.start_draft(c.actor("hoant"), other, "Sửa thời hạn")
    with pytest.raises(PermissionDenied):
        documents.start_draft(c.actor("minhlv"), own, "Sửa thời hạn")


def test_a_stale_edit_is_refused_with_the_current_version(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    drafter = c.actor("hangnt")
    rev_id = documents.start_draft(drafter, doc_id, "Sửa")
    seen = _revision(doc_id, rev_id).version
    documents.edit_draft(drafter, rev_id, DraftInput("Bản A", "Sửa"), seen)
    with pytest.raises(Conflict) as caught:
        documents.edit_draft(drafter, rev_id, DraftInput("Bản B", "Sửa"), seen)
    assert caught.value.key == "error.stale" and caught.value.params["current"] == seen + 1
    assert caught.value.params["fields"] == ("field.changed.content_hash",)
    assert _revision(doc_id, rev_id).content == "Bản A\n"


def test_an_effective_revision_cannot_be_edited(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    effective = document_detail_of(doc_id).effective
    with pytest.raises(Conflict, match="Chỉ sửa được dự thảo"):
        documents.edit_draft(c.actor("hangnt"), effective.id, DraftInput("x", "y"),
                             effective.version)


def test_submitting_needs_a_change_summary(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    drafter = c.actor("hangnt")
    rev_id = documents.start_draft(drafter, doc_id)
    with pytest.raises(ValidationFailed, match="nội dung sửa đổi"):
        documents.submit_revision(drafter, rev_id, _revision(doc_id, rev_id).version)


def test_an_outdated_draft_cannot_take_effect_over_a_newer_issue(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    first, second = _draft_in_review(c, doc_id), _draft_in_review(c, doc_id)
    approver = c.actor("bennv")
    approve_revision(approver, first, PASSWORD, _revision(doc_id, first).version)
    with pytest.raises(Conflict, match="Dự thảo đã cũ"):
        approve_revision(approver, second, PASSWORD, _revision(doc_id, second).version)
    statuses = [r.status for r in document_detail_of(doc_id).revisions]
    assert statuses.count("effective") == 1


def test_the_database_itself_refuses_a_second_effective_revision(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    effective = document_detail_of(doc_id).effective
    with unit_of_work() as uow, pytest.raises(IntegrityError):
        uow.session.add(DocumentRevision(
            organization_id=c.org_id, document_id=doc_id, issue=effective.issue + 1,
            status="effective", content="", meta={}, content_hash="0" * 64))
        uow.session.flush()


def test_withdrawing_makes_the_effective_and_open_revisions_obsolete(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    _draft_in_review(c, doc_id)
    with pytest.raises(ValidationFailed):
        documents.withdraw_document(c.actor("bennv"), doc_id, "")
    documents.withdraw_document(c.actor("bennv"), doc_id, "Thủ tục đã bãi bỏ")
    doc = document_detail_of(doc_id)
    assert doc.status == "obsolete" and doc.next_review_date is None
    assert {r.status for r in doc.revisions} == {"obsolete"}
    assert _audit(doc_id)[-1] == ("document.withdraw", "Thủ tục đã bãi bỏ")
    with pytest.raises(Conflict, match="thu hồi"):
        documents.start_draft(c.actor("hangnt"), doc_id, "Sửa")


def test_a_discarded_draft_stays_readable_as_obsolete(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = documents.start_draft(c.actor("hangnt"), doc_id, "Thử")
    documents.discard_revision(c.actor("hangnt"), rev_id, "Không cần sửa nữa")
    assert _revision(doc_id, rev_id).status == "obsolete"
    assert document_detail_of(doc_id).effective.issue == 1

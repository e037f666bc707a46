"""Attachments to a draft revision: checked by content, named safely, capped in size."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from qms.core.errors import Conflict, ValidationFailed
from qms.db.uow import unit_of_work
from qms.documents import drafts as documents
from qms.documents.models import RevisionAttachment
from qms.documents.queries import attachment_file, document_detail
from qms.trace.file_models import StoredFile
from tests.documents.helpers import commune, synced

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _stored() -> tuple[int, int]:
    with unit_of_work() as uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(StoredFile)) or 0,
                s.scalar(select(func.count()).select_from(RevisionAttachment)) or 0)


@pytest.fixture
def draft(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    rev_id = documents.start_draft(c.actor("hangnt"), doc_id, "Bổ sung lưu đồ")
    return c, doc_id, rev_id


def test_a_pdf_is_attached_to_the_draft_and_can_be_downloaded(draft):
    c, doc_id, rev_id = draft
    documents.attach_file(c.actor("hangnt"), rev_id, "Lưu đồ QT-21.pdf", PDF)
    (att,) = document_detail(c.org_id, doc_id).revision(rev_id).attachments
    assert (att.name, att.size, att.sha256) == ("Lưu đồ QT-21.pdf", len(PDF),
                                                hashlib.sha256(PDF).hexdigest())
    assert attachment_file(c.org_id, att.file_id).data == PDF
    assert attachment_file(c.org_id + 1, att.file_id) is None


def test_an_oversized_file_is_refused_and_nothing_is_stored(draft, monkeypatch):
    c, _doc_id, rev_id = draft
    monkeypatch.setenv("QMS_MAX_UPLOAD_MB", "1")
    before = _stored()
    with pytest.raises(ValidationFailed) as caught:
        documents.attach_file(c.actor("hangnt"), rev_id, "lon.pdf", PDF + b"0" * 1024 * 1024)
    assert caught.value.message() == "Tệp lớn hơn giới hạn 1 MB."
    assert _stored() == before


@pytest.mark.parametrize("content", [b"MZ\x90\x00\x03\x00\x00\x00\x04\x00program",
                                     b"<html><script>alert(1)</script></html>"],
                         ids=["executable", "html"])
def test_a_file_of_another_type_renamed_to_pdf_is_refused(draft, content):
    c, _doc_id, rev_id = draft
    before = _stored()
    with pytest.raises(ValidationFailed) as caught:
        documents.attach_file(c.actor("hangnt"), rev_id, "quy-trinh.pdf", content)
    assert caught.value.message().startswith(
        "Tệp \"quy-trinh.pdf\" không đúng loại được nhận")
    assert _stored() == before


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\he-thong.pdf", "/tmp/x.pdf",
                                  ".an.pdf"])
def test_a_file_name_with_a_path_is_refused(draft, name):
    c, _doc_id, rev_id = draft
    before = _stored()
    with pytest.raises(ValidationFailed) as caught:
        documents.attach_file(c.actor("hangnt"), rev_id, name, PDF)
    assert caught.value.message() == \
        f"Tên tệp \"{name}\" không hợp lệ (không được chứa đường dẫn)."
    assert _stored() == before


def test_an_approved_revision_takes_no_new_attachments(draft):
    c, doc_id, _rev_id = draft
    effective = document_detail(c.org_id, doc_id).effective
    with pytest.raises(Conflict, match="Chỉ đính kèm tệp vào dự thảo"):
        documents.attach_file(c.actor("hangnt"), effective.id, "ban-ky.pdf", PDF)

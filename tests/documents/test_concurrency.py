"""Two leaders approve two in-review revisions of one document at the same moment.

Runs on a real file-backed SQLite database and on PostgreSQL (``fresh_database_url``), with
separate connections per thread, so the locking and the partial unique index are exercised
for real rather than inside one rolled-back test transaction.
"""

from __future__ import annotations

import threading

from sqlalchemy import select

from qms.core.errors import Conflict, DomainError
from qms.db import migrate
from qms.db.uow import unit_of_work
from qms.documents import drafts as documents
from qms.documents.approval import Approval, approve_revision
from qms.documents.drafts import DraftInput
from qms.documents.models import DocumentRevision
from qms.documents.queries import document_detail
from tests.documents.helpers import commune, synced
from tests.factories import PASSWORD


def _in_review(c, doc_id: int, text: str) -> int:
    drafter, reviewer = c.actor("hangnt"), c.actor("hungtv")
    rev_id = documents.start_draft(drafter, doc_id, text)

    def version() -> int:
        return document_detail(c.org_id, doc_id).revision(rev_id).version

    documents.edit_draft(drafter, rev_id, DraftInput(f"# {text}\n", text), version())
    documents.submit_revision(drafter, rev_id, version())
    documents.review_revision(reviewer, rev_id, True, "", version())
    return rev_id


def test_concurrent_approvals_leave_exactly_one_effective_revision(fresh_database_url,
                                                                    tmp_path):
    migrate.upgrade(fresh_database_url)
    c = commune()
    doc_id = synced(c, tmp_path)
    revisions = [_in_review(c, doc_id, "Phương án A"), _in_review(c, doc_id, "Phương án B")]
    approvers = [c.actor("bennv"), c.actor("hungtv")]
    versions = [document_detail(c.org_id, doc_id).revision(r).version for r in revisions]
    barrier = threading.Barrier(2)
    outcomes: list[Approval | DomainError] = [None, None]  # type: ignore[list-item]

    def approve(index: int) -> None:
        barrier.wait()
        try:
            outcomes[index] = approve_revision(approvers[index], revisions[index], PASSWORD,
                                               versions[index])
        except DomainError as exc:
            outcomes[index] = exc

    threads = [threading.Thread(target=approve, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [o for o in outcomes if isinstance(o, Approval)]
    losers = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    # The document lock makes the second approval wait and then see the first one's result.
    assert losers[0].key == "document.revision_outdated"
    assert "Dự thảo đã cũ" in losers[0].message()
    with unit_of_work() as uow:
        effective = uow.session.scalars(select(DocumentRevision.id).where(
            DocumentRevision.document_id == doc_id,
            DocumentRevision.status == "effective")).all()
    assert effective == [winners[0].revision_id]

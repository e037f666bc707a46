"""20 threads × 200 mixed operations against a real database (file SQLite in WAL with its busy
timeout, and PostgreSQL): nonconformities, audit answers, a document's revisions walked
through their workflow, evidence uploads.

Refusals the domain makes on purpose (a ``Conflict`` on a stale version, a workflow step another
thread already took) are counted; any other exception escaping a service fails the test.
Afterwards everything acknowledged is there exactly once, nonconformity numbers are unique and
gap-free, the audit trail holds exactly one row per acknowledged change and its chain verifies.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

from sqlalchemy import Row, select

from qms.audits.answers import AnswerInput, record_answer
from qms.audits.models import ChecklistItem
from qms.core.errors import Conflict
from qms.db import migrate
from qms.db.uow import read_session
from qms.documents import drafts as documents
from qms.documents.approval import approve_revision
from qms.documents.models import DocumentRevision
from qms.nonconformities.models import Nonconformity
from qms.nonconformities.recording import NcInput, raise_nonconformity
from qms.trace.evidence import EvidenceInput, add_evidence
from qms.trace.file_models import Evidence
from qms.trail.models import AuditLog
from qms.trail.verify import verify_log
from tests.factories import PASSWORD
from tests.reliability.world import PDF, World, build

THREADS, OPERATIONS = 20, 200
RESULTS = ("conform", "observation", "opportunity", "na")


class Tally:
    """What the threads were told: acknowledged changes, refusals, and anything else."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.actions: Counter[str] = Counter()  # audit-trail action -> acknowledged count
        self.refused: Counter[str] = Counter()  # Conflict key -> count
        self.created: dict[str, list[int]] = {"nc": [], "evidence": []}
        self.titles: dict[tuple[str, int], str] = {}
        self.escaped: list[BaseException] = []

    def ack(self, action: str, kind: str | None = None, ident: int | None = None,
            title: str = "") -> None:
        with self.lock:
            self.actions[action] += 1
            if kind is not None and ident is not None:
                self.created[kind].append(ident)
                self.titles[kind, ident] = title


def _open_revision(doc_id: int) -> Row | None:
    """The newest draft or in-review revision based on the issue in force (drafts left
    behind by a competing approval stay open but can no longer be approved)."""
    r = DocumentRevision
    effective = select(r.id).where(r.document_id == doc_id, r.status == "effective")
    with read_session() as s:
        return s.execute(select(r.id, r.status, r.version, r.reviewed_at).where(
            r.document_id == doc_id, r.status.in_(("draft", "in_review")),
            r.based_on_id == effective.scalar_subquery()).order_by(r.id.desc()).limit(1)
        ).first()


def _document_step(w: World, tally: Tally, n: str) -> None:
    """Take whichever step the document's open revision is waiting for."""
    rev = _open_revision(w.document_id)
    if rev is None:
        documents.start_draft(w.iso, w.document_id, f"Sửa đổi {n}")
        tally.ack("document.draft")
    elif rev.status == "draft":
        documents.submit_revision(w.iso, rev.id, rev.version)
        tally.ack("document.submit")
    elif rev.reviewed_at is None:
        documents.review_revision(w.reviewer, rev.id, True, "", rev.version)
        tally.ack("document.review_accept")
    else:
        approve_revision(w.approver, rev.id, PASSWORD, rev.version)
        tally.ack("document.approve")


def _answer(w: World, tally: Tally, rng: random.Random) -> None:
    item_id, auditor = rng.choice(w.items)
    with read_session() as s:
        version = s.scalar(select(ChecklistItem.version).where(ChecklistItem.id == item_id))
    record_answer(auditor, item_id, AnswerInput(rng.choice(RESULTS), "Đã xem sổ theo dõi."),
                  version)
    tally.ack("audit.answer")


def _one(w: World, tally: Tally, rng: random.Random, n: str) -> None:
    roll = rng.random()
    if roll < 0.3:
        title = f"Trả kết quả trễ hạn {n}"
        nc_id = raise_nonconformity(w.iso, "", None, NcInput(
            "Hồ sơ trả chậm 2 ngày.", "minor", "citizen_feedback", title, unit_id=w.unit_id))
        tally.ack("nc.create", "nc", nc_id, title)
    elif roll < 0.6:
        _answer(w, tally, rng)
    elif roll < 0.75:
        _document_step(w, tally, n)
    else:
        title = f"Biên bản kiểm tra {n}"
        ev_id = add_evidence(w.iso, EvidenceInput(title, f"{n}/BB-UBND"), "bien-ban.pdf", PDF)
        tally.ack("evidence.create", "evidence", ev_id, title)


def _worker(w: World, tally: Tally, index: int, barrier: threading.Barrier) -> None:
    rng = random.Random(index)
    barrier.wait()
    for op in range(OPERATIONS):
        try:
            _one(w, tally, rng, f"{index}-{op}")
        except Conflict as exc:
            with tally.lock:
                tally.refused[exc.key] += 1
        except BaseException as exc:  # noqa: BLE001 - anything else is a defect
            with tally.lock:
                tally.escaped.append(exc)


def _run(w: World) -> tuple[Tally, float]:
    tally = Tally()
    barrier = threading.Barrier(THREADS)
    threads = [threading.Thread(target=_worker, args=(w, tally, i, barrier))
               for i in range(THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return tally, time.monotonic() - started


def _reconcile(w: World, tally: Tally, first_audit_row: int) -> None:
    with read_session() as s:
        ncs = s.execute(select(Nonconformity.id, Nonconformity.title, Nonconformity.seq,
                               Nonconformity.number).where(
            Nonconformity.organization_id == w.org_id)).all()
        evidence = s.execute(select(Evidence.id, Evidence.title).where(
            Evidence.organization_id == w.org_id)).all()
        logged = Counter(s.scalars(select(AuditLog.action).where(
            AuditLog.id >= first_audit_row)))
    assert sorted(i for i, *_ in ncs) == sorted(tally.created["nc"])
    assert all(tally.titles["nc", i] == title for i, title, *_ in ncs)
    assert all(tally.titles["evidence", i] == title for i, title in evidence)
    assert sorted(i for i, _ in evidence) == sorted(tally.created["evidence"])
    seqs = sorted(seq for *_, seq, _ in ncs)
    assert seqs == list(range(1, len(ncs) + 1))  # unique and gap-free
    assert len({number for *_, number in ncs}) == len(ncs)
    links = {a: n for a, n in logged.items() if a not in tally.actions}
    assert set(links) <= {"trace.link"}, links  # approvals may link plan tasks, nothing else
    assert {a: logged[a] for a in tally.actions} == dict(tally.actions)
    assert verify_log().broken is None


def test_twenty_threads_of_mixed_work_lose_nothing(fresh_database_url, tmp_path):
    migrate.upgrade(fresh_database_url)
    w = build(tmp_path / "procedures")
    with read_session() as s:
        first = (s.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()).limit(1)) or 0) + 1
    tally, seconds = _run(w)
    assert tally.escaped == [], tally.escaped[:5]
    done = sum(tally.actions.values()) + sum(tally.refused.values())
    assert done == THREADS * OPERATIONS
    print(f"\n{fresh_database_url.split(':')[0]}: {seconds:.1f}s, acknowledged "
          f"{dict(tally.actions)}, refused {dict(tally.refused)}")
    assert tally.actions["nc.create"] > 0 and tally.actions["document.approve"] > 0
    _reconcile(w, tally, first)

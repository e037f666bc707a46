"""``python -m qms report audit|audit-plan`` and two auditors saving at once on a real file."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from qms import cli
from qms.audits import answers as audit_answers
from qms.audits import queries as q
from qms.audits.answers import AnswerInput
from qms.auth.models import Organization
from qms.core.errors import Conflict, NotFound
from qms.db import migrate
from qms.db.uow import read_session
from tests.audits.helpers import find_demo_audits, started, world
from tests.reports.pdftext import page_texts


def test_the_report_commands_write_the_plan_and_the_report_of_an_audit(fresh_database_url,
                                                                        tmp_path):
    cli.run(["migrate"])
    cli.run(["demo"])
    with read_session() as s:
        org = s.scalar(select(Organization.id))
    demo = find_demo_audits(org)
    assert demo is not None
    out = tmp_path / "bao-cao.pdf"
    message = cli.run(["report", "audit", "--id", str(demo.completed_id), "-o", str(out)])
    assert message.startswith(f"Đã ghi {out}")
    text = " ".join(" ".join(page_texts(out.read_bytes())).split())
    assert "Kết quả đánh giá nội bộ" in text and "Đánh giá nội bộ lần 1 năm 2023" in text
    plan = tmp_path / "ke-hoach.pdf"
    cli.run(["report", "audit-plan", "--id", str(demo.planned_id), "-o", str(plan)])
    assert "Đánh giá nội bộ lần 2 năm 2023" in " ".join(page_texts(plan.read_bytes())[0].split())
    with pytest.raises(NotFound):
        cli.run(["report", "audit", "--id", "999", "-o", str(out)])


def test_two_threads_saving_answers_at_once_never_overwrite_each_other(fresh_database_url,
                                                                         tmp_path):
    migrate.upgrade(fresh_database_url)
    w = world(tmp_path / "procedures")
    audit_id = started(w)
    lead_item = q.checklist(w.c.org_id, audit_id, auditor_id=w.lead_id)[0]
    other_item = q.checklist(w.c.org_id, audit_id, auditor_id=w.second_id)[0]
    lead, second = w.lead, w.second
    barrier = threading.Barrier(3)
    outcomes: list[str] = []

    def save(actor, item, result: str) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        try:
            audit_answers.record_answer(actor, item.id, AnswerInput(result), item.version)
            outcomes.append(f"{item.id}:{result}")
        except Conflict:
            outcomes.append(f"{item.id}:conflict")

    jobs = [(lead, lead_item, "conform"), (lead, lead_item, "major"),
            (second, other_item, "minor")]
    threads = [threading.Thread(target=save, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert f"{other_item.id}:minor" in outcomes
    same = sorted(o for o in outcomes if o.startswith(f"{lead_item.id}:"))
    assert len(same) == 2 and sum(o.endswith(":conflict") for o in same) == 1
    saved = {i.id: i.result for i in q.checklist(w.c.org_id, audit_id)}
    winner = next(o for o in same if not o.endswith(":conflict")).split(":")[1]
    assert saved[lead_item.id] == winner and saved[other_item.id] == "minor"

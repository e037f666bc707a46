"""Importing the plan: preview saves nothing, confirm saves a version, re-import keeps links."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select

from qms.auth.organization_queries import list_units
from qms.core.actor import Actor
from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.core.roles import Role
from qms.db.uow import unit_of_work
from qms.plan import importing as plan_import
from qms.plan import saving as plan_save
from qms.plan import tasks as plan_tasks
from qms.plan.models import Plan, PlanTask
from qms.plan.queries import list_plans, plan_header, task_detail, task_table
from qms.trace import evidence
from qms.trace import links as trace
from qms.trace.evidence import EvidenceInput
from qms.trace.models import TraceLink
from qms.trace.queries import links_for_task, matrix, tasks_for_entity
from tests.factories import make_org, make_unit, make_user, signed_in
from tests.plan.files import as_docx, as_pdf, seed_text

SEED = seed_text().encode()


def _import(actor: Actor, data: bytes = SEED, name: str = "ke-hoach.txt") -> int:
    preview = plan_import.preview_import(actor, data)
    return plan_save.confirm_import(actor, data, name, preview.sha256)


def _plans() -> int:
    with unit_of_work() as uow:
        return uow.session.scalar(select(func.count(Plan.id))) or 0


def _without_lines(value):  # type: ignore[no-untyped-def]
    """The parsed plan without source line numbers and warnings (layout-dependent)."""
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k not in ("line", "warnings")}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


@pytest.fixture
def iso(db) -> Actor:
    org_id = make_org()
    for name in ("Văn phòng - Thống kê", "Tài chính - Kế toán", "Tư pháp - Hộ tịch",
                 "Văn hóa - Xã hội"):
        make_unit(org_id, name)
    make_user(org_id, "hangnt", Role.ISO_OFFICER)
    return signed_in("hangnt")


def test_the_preview_shows_the_seed_plan_and_saves_nothing(iso):
    preview = plan_import.preview_import(iso, SEED)
    assert preview.year == 2023 and preview.version_no == 1 and preview.replaces_plan_id is None
    assert [a.tasks for a in preview.areas] == [8, 5, 7, 2, 4, 4, 4]
    assert _plans() == 0


def test_word_and_pdf_copies_of_the_seed_parse_to_the_same_plan(iso):
    text_plan = _without_lines(plan_import.parse_file(SEED))
    assert _without_lines(plan_import.parse_file(as_docx(seed_text()))) == text_plan
    assert _without_lines(plan_import.parse_file(as_pdf(seed_text())))["areas"] == \
        text_plan["areas"]


@pytest.mark.parametrize(("data", "key"), [
    (b"", "file.empty"),
    (b"\x00\x01\x02binary" * 100, "plan.file.unsupported"),
    ("Sáng nay trời mưa to ở Hải Dương. Người dân đi làm muộn.".encode(), "plan.not_a_plan"),
])
def test_bad_files_get_a_clear_message_and_nothing_is_saved(iso, data, key):
    with pytest.raises(ValidationFailed) as err:
        plan_import.preview_import(iso, data)
    assert err.value.key == key
    with pytest.raises(ValidationFailed):
        plan_save.confirm_import(iso, data, "x.txt", hashlib.sha256(data).hexdigest())
    assert _plans() == 0


def test_only_the_iso_officer_and_administrators_import(db):
    org_id = make_org()
    make_user(org_id, "hoant", Role.OFFICER)
    with pytest.raises(PermissionDenied):
        plan_import.preview_import(signed_in("hoant"), SEED)


def test_confirming_a_different_file_than_the_preview_is_refused(iso):
    preview = plan_import.preview_import(iso, SEED)
    with pytest.raises(Conflict):
        plan_save.confirm_import(iso, SEED + b"\n- them", "x.txt", preview.sha256)


def test_the_saved_plan_has_its_tasks_periods_owners_and_targets(iso):
    plan_id = _import(iso)
    header = plan_header(iso.organization_id, plan_id)
    assert len(header.areas) == 7 and len(header.periods) == 4
    assert len(header.responsibilities) == 5
    tasks = task_table(iso.organization_id, plan_id, header.periods[0].start_date)
    assert len(tasks) == 34 and tasks["is_duty"].sum() >= 3
    finance = tasks[tasks["area"] == 6]
    assert set(finance["owner_unit"]) == {"Tài chính - Kế toán"}
    assert tasks["targets"].sum() >= 3
    assert header.periods[0].due_date.isoformat() == "2023-03-10"


def test_reimporting_a_revised_plan_keeps_links_status_and_reports_removed_tasks(iso):
    first = _import(iso)
    tasks = task_table(iso.organization_id, first, date(2023, 1, 1))
    kept, dropped = (tasks[tasks["code"] == c].iloc[0] for c in ("3.6", "7.4"))
    ev = evidence.add_evidence(iso, EvidenceInput("Sổ theo dõi hồ sơ quý I", "01/STD"),
                               link_task_id=int(kept["id"]))
    trace.link(iso, int(dropped["id"]), "evidence", ev)
    plan_tasks.update_task(iso, int(kept["id"]), plan_tasks.TaskUpdate(
        None, None, None, "in_progress", "Đã số hóa 60% hồ sơ"), int(kept["version"]))
    revised = _drop_task(seed_text(), dropped["text"])
    preview = plan_import.preview_import(iso, revised.encode())
    assert preview.version_no == 2 and preview.replaces_plan_id == first
    assert [r.old_code for r in preview.removed if r.links] == ["7.4"]
    second = _import(iso, revised.encode())
    assert [p.is_current for p in list_plans(iso.organization_id)] == [True, False]
    new_tasks = task_table(iso.organization_id, second, date(2023, 1, 1))
    carried = new_tasks[new_tasks["text"] == kept["text"]].iloc[0]
    assert carried["status"] == "in_progress" and carried["evidence"] == 1
    assert task_detail(iso.organization_id, int(carried["id"])).progress_note == \
        "Đã số hóa 60% hồ sơ"
    with unit_of_work() as uow:  # the removed task and its link still exist, in version 1
        assert uow.session.scalar(select(func.count(TraceLink.id)).where(
            TraceLink.task_id == int(dropped["id"]))) == 1
        assert uow.session.get(PlanTask, int(dropped["id"])) is not None
    assert {t.code for t in tasks_for_entity(iso.organization_id, "evidence", ev)} == {"3.6"}


def _drop_task(text: str, task_text: str) -> str:
    """The seed without the dash item whose text starts like ``task_text``."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines)
                 if ln.strip().lstrip("-").strip().startswith(task_text[:25]))
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith(("-", "+")) and \
            not lines[end][:2].strip().rstrip(".").isdigit():
        end += 1
    return "\n".join(lines[:start] + lines[end:])


def test_links_show_on_both_sides_and_unlinking_needs_a_reason(iso):
    plan_id = _import(iso)
    task_id = int(task_table(iso.organization_id, plan_id, date(2023, 1, 1))
                  .iloc[0]["id"])
    ev = evidence.add_evidence(iso, EvidenceInput("Biên bản kiểm tra CCHC", "02/BB-UBND"))
    link_id = trace.link(iso, task_id, "evidence", ev, "quý I")
    assert trace.link(iso, task_id, "evidence", ev) == link_id  # idempotent
    assert [x.label for x in links_for_task(iso.organization_id, task_id)] == \
        ["02/BB-UBND — Biên bản kiểm tra CCHC"]
    assert [t.task_id for t in tasks_for_entity(iso.organization_id, "evidence", ev)] == [task_id]
    with pytest.raises(ValidationFailed):
        trace.unlink(iso, link_id, "  ")
    trace.unlink(iso, link_id, "liên kết nhầm")
    assert links_for_task(iso.organization_id, task_id) == []


def test_the_matrix_counts_links_and_flags_gaps(iso):
    plan_id = _import(iso)
    frame = matrix(iso.organization_id, plan_id)
    assert len(frame) == 34
    duties = frame[frame["is_duty"]]
    assert duties["gap_not_audited"].all() and frame["gap_no_evidence"].all()
    target_task = frame[frame["gap_unmeasured"]].iloc[0]
    ev = evidence.add_evidence(iso, EvidenceInput("Báo cáo kết quả"),
                               link_task_id=int(target_task["task_id"]))
    assert ev
    detail = task_detail(iso.organization_id, int(target_task["task_id"]))
    plan_tasks.record_measurement(iso, detail.targets[0].id,
                                  plan_header(iso.organization_id, plan_id).periods[0].id, 98.5)
    row = matrix(iso.organization_id, plan_id).set_index("task_id").loc[target_task["task_id"]]
    assert row["evidence"] == 1 and not row["gap_no_evidence"] and not row["gap_unmeasured"]


def test_an_officer_updates_only_the_tasks_of_their_own_unit(iso):
    plan_id = _import(iso)
    tasks = task_table(iso.organization_id, plan_id, date(2023, 1, 1))
    finance_unit = next(u for u in tasks["owner_unit"] if u == "Tài chính - Kế toán")
    assert finance_unit
    unit_id = next(u.id for u in list_units(iso.organization_id) if u.name == finance_unit)
    make_user(iso.organization_id, "minhlv", Role.OFFICER, unit_id=unit_id)
    officer = signed_in("minhlv")
    own = tasks[tasks["owner_unit"] == finance_unit].iloc[0]
    other = tasks[tasks["owner_unit"] != finance_unit].iloc[0]
    update = plan_tasks.TaskUpdate(unit_id, None, None, "done", "Xong")
    plan_tasks.update_task(officer, int(own["id"]), update, int(own["version"]))
    with pytest.raises(PermissionDenied):
        plan_tasks.update_task(officer, int(other["id"]), update, int(other["version"]))


def test_a_percentage_above_100_is_refused_and_nothing_is_recorded(iso):
    plan_id = _import(iso)
    frame = matrix(iso.organization_id, plan_id)
    task_id = int(frame[frame["gap_unmeasured"]].iloc[0]["task_id"])
    target = task_detail(iso.organization_id, task_id).targets[0]
    period = plan_header(iso.organization_id, plan_id).periods[0]
    with pytest.raises(ValidationFailed) as err:
        plan_tasks.record_measurement(iso, target.id, period.id, 120.0)
    assert err.value.key == "plan.target.bad_value"
    assert task_detail(iso.organization_id, task_id).targets[0].measurements == {}


@pytest.mark.parametrize(("party", "expected"), [
    ("Văn phòng UBND xã", "Văn phòng - Thống kê"),
    ("Công chức Tài chính – Kế toán", "Tài chính - Kế toán"),
    ("Công chức Văn hóa – xã hội xã", "Văn hóa - Xã hội"),
    ("Ban biên tập Trang thông tin điện tử xã, Đài truyền thanh",
     "Ban biên tập Trang thông tin điện tử"),
    ("Hội Nông dân xã", None),
])
def test_the_owner_unit_is_proposed_from_the_responsibility_party(party, expected):
    from types import SimpleNamespace

    names = ["Lãnh đạo UBND xã", "Văn phòng - Thống kê", "Tài chính - Kế toán",
             "Văn hóa - Xã hội", "Ban biên tập Trang thông tin điện tử", "Tư pháp - Hộ tịch"]
    units = [SimpleNamespace(id=i, name=n) for i, n in enumerate(names)]
    proposed = plan_import.propose_unit(party, units)
    assert (names[proposed] if proposed is not None else None) == expected


def test_evidence_files_are_checked_stored_and_readable_only_in_their_organisation(iso):
    from qms.trace.queries import evidence_files, file_content
    from tests.plan.files import as_pdf

    pdf = as_pdf("Biên bản kiểm tra")
    ev = evidence.add_evidence(iso, EvidenceInput("Biên bản"), "bien-ban.pdf", pdf)
    (file_id, name), = evidence_files(iso.organization_id, [ev]).values()
    assert name == "bien-ban.pdf" and file_content(iso.organization_id, file_id).content == pdf
    assert file_content(make_org("Xã Khác"), file_id) is None
    with pytest.raises(ValidationFailed) as err:
        evidence.add_evidence(iso, EvidenceInput("Giả mạo"), "virus.pdf", b"MZ\x90\x00" * 100)
    assert err.value.key == "file.bad_type"
    with pytest.raises(ValidationFailed):
        evidence.add_evidence(iso, EvidenceInput("Đường dẫn"), "../../x.pdf", pdf)
    assert list(evidence_files(iso.organization_id, [ev, ev + 1, ev + 2])) == [ev]

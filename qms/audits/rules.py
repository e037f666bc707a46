"""Internal audit rules (ISO 9.2): result scale, scoring, independence, checklists, coverage.

Pure code: the services feed it rows and save what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from qms.audits.clauses import BankQuestion, Clause
from qms.core.errors import ValidationFailed
from qms.core.workflow import Workflow


class AuditStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class AuditStep(StrEnum):
    EDIT_PLAN = "edit_plan"  # scope, team, dates
    EDIT_CHECKLIST = "edit_checklist"  # questions generated, added, assigned, moved, removed
    START = "start"  # the checklist opens for answers; its questions are fixed from here
    ANSWER = "answer"  # a result, evidence, a photo
    CONCLUDE = "conclude"  # conclusion and recommendations saved as a draft
    COMPLETE = "complete"  # conclusion saved and the audit completed
    PLAN_NEXT = "plan_next"  # the next audit planned from this one's scope and questions


AS, ASt = AuditStatus, AuditStep
WORKFLOW: Workflow[AuditStatus, AuditStep] = Workflow("audit", {
    (AS.PLANNED, ASt.EDIT_PLAN): AS.PLANNED,
    (AS.PLANNED, ASt.EDIT_CHECKLIST): AS.PLANNED,
    (AS.PLANNED, ASt.START): AS.IN_PROGRESS,
    (AS.IN_PROGRESS, ASt.ANSWER): AS.IN_PROGRESS,
    (AS.IN_PROGRESS, ASt.CONCLUDE): AS.IN_PROGRESS,
    (AS.IN_PROGRESS, ASt.COMPLETE): AS.COMPLETED,
    (AS.COMPLETED, ASt.CONCLUDE): AS.COMPLETED,
    (AS.COMPLETED, ASt.COMPLETE): AS.COMPLETED,
    (AS.COMPLETED, ASt.PLAN_NEXT): AS.COMPLETED,
}, labels="audit")


@dataclass(frozen=True)
class ResultOption:
    """One answer of the checklist scale and what it means for scores and findings."""

    code: str
    label: str
    scored: bool  # counts in the conformity percentage (not-applicable does not)
    conforming: bool
    finding: bool  # a finding is kept for the answer
    nc_grade: str | None  # raises a nonconformity of this grade ("major" / "minor")


DEFAULT_SCALE: tuple[ResultOption, ...] = (
    ResultOption("conform", "Phù hợp", True, True, False, None),
    ResultOption("major", "Không phù hợp nặng", True, False, True, "major"),
    ResultOption("minor", "Không phù hợp nhẹ", True, False, True, "minor"),
    ResultOption("observation", "Điểm quan sát", True, True, True, None),
    ResultOption("opportunity", "Cơ hội cải tiến", True, True, True, None),
    ResultOption("na", "Không áp dụng", False, False, False, None),
)


def option(scale: Sequence[ResultOption], code: str) -> ResultOption:
    for item in scale:
        if item.code == code:
            return item
    raise ValidationFailed("audit.bad_result", code=code)


@dataclass(frozen=True)
class Answer:
    clause: str
    unit: str
    result: str | None  # None: not answered yet


@dataclass(frozen=True)
class Score:
    conforming: int
    scored: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.conforming / self.scored, 1) if self.scored else None


def _top(clause: str) -> str:
    return clause.split(".")[0]


def scores(answers: Iterable[Answer], scale: Sequence[ResultOption] = DEFAULT_SCALE,
           ) -> dict[str, dict[str, Score]]:
    """Conformity per top-level clause, per unit and overall (``{"clause"|"unit"|"all": …}``).

    Unanswered and not-applicable questions are left out of the denominator.
    """
    tallies: dict[str, dict[str, list[int]]] = {"clause": {}, "unit": {}, "all": {}}
    for answer in answers:
        if answer.result is None:
            continue
        item = option(scale, answer.result)
        if not item.scored:
            continue
        for group, key in (("clause", _top(answer.clause)), ("unit", answer.unit), ("all", "")):
            tally = tallies[group].setdefault(key, [0, 0])
            tally[0] += int(item.conforming)
            tally[1] += 1
    return {group: {key: Score(c, n) for key, (c, n) in values.items()}
            for group, values in tallies.items()}


def check_independence(auditor: str, auditor_unit_id: int | None,
                       auditee_unit_ids: Iterable[int]) -> None:
    """An auditor never audits their own unit (ISO 9.2.2 c: objectivity and impartiality)."""
    if auditor_unit_id is not None and auditor_unit_id in set(auditee_unit_ids):
        raise ValidationFailed("audit.not_independent", auditor=auditor)


@dataclass(frozen=True)
class ChecklistDraftItem:
    """A generated question before the lead auditor edits it."""

    source: str  # "bank", "procedure", "plan_task"
    source_ref: str  # bank code, "QT-06/3", plan task code
    clause: str
    question: str
    evidence: str


def _in_scope(code: str, scope: set[str]) -> bool:
    return any(code == c or code.startswith(c + ".") for c in scope)


def checklist_from_bank(bank: Sequence[BankQuestion], clause_scope: Iterable[str],
                        unit_names: Iterable[str]) -> list[ChecklistDraftItem]:
    """Bank questions of the scoped clauses (and their sub-clauses) for the audited units."""
    scope, units = set(clause_scope), list(unit_names)
    return [ChecklistDraftItem("bank", q.code, q.clause, q.question, q.evidence)
            for q in bank
            if _in_scope(q.clause, scope) and (not units or any(q.applies(u) for u in units))]


def checklist_from_steps(code: str, title: str, clause: str,
                         steps: Sequence[tuple[str, str, str]]) -> list[ChecklistDraftItem]:
    """One question per step of a procedure: ``steps`` are (number, responsible, work)."""
    return [ChecklistDraftItem(
        "procedure", f"{code}/{number}", clause,
        f"{code} bước {number}: {work.rstrip('.')} — có được {responsible} thực hiện đúng "
        f"quy trình, đúng thời hạn không?",
        f"Hồ sơ, sổ theo dõi, phiếu kiểm soát của bước {number} ({title}).")
        for number, responsible, work in steps]


def checklist_from_tasks(tasks: Sequence[tuple[str, str, bool]],
                         clause: str = "9.1.1") -> list[ChecklistDraftItem]:
    """One question per scoped plan task or self-inspection duty: (code, text, is_duty)."""
    items = []
    for code, text, is_duty in tasks:
        verb = "Nhiệm vụ tự kiểm tra" if is_duty else "Nhiệm vụ kế hoạch CCHC"
        items.append(ChecklistDraftItem(
            "plan_task", code, clause,
            f"{verb} {code}: “{text[:300]}” — đã được thực hiện và có tài liệu kiểm chứng chưa?",
            "Tài liệu kiểm chứng, báo cáo, biên bản liên quan đến nhiệm vụ."))
    return items


@dataclass(frozen=True)
class Coverage:
    """Which leaf clauses and units the year's programme audits; what it leaves out."""

    cells: dict[tuple[str, str], int]  # (clause, unit) -> audits covering it
    clauses_missing: list[str]
    units_missing: list[str]


def coverage(audits: Iterable[tuple[Iterable[str], Iterable[str]]], clauses: Sequence[Clause],
             units: Sequence[str]) -> Coverage:
    """Coverage matrix of a programme: ``audits`` are (clause scope, unit names) pairs.

    A scoped clause covers its sub-clauses; a clause is missing when no audit reaches one
    of its leaf sub-clauses, a unit when no audit includes it.
    """
    codes = {c.code for c in clauses}
    leaves = [c.code for c in clauses if not any(o.parent == c.code for o in clauses)]
    cells: dict[tuple[str, str], int] = {}
    for clause_scope, unit_scope in audits:
        scope, audited = set(clause_scope) & codes, list(unit_scope)
        for leaf in leaves:
            if _in_scope(leaf, scope):
                for unit in audited:
                    cells[(leaf, unit)] = cells.get((leaf, unit), 0) + 1
    covered_clauses = {clause for clause, _ in cells}
    covered_units = {unit for _, unit in cells}
    return Coverage(cells, [c for c in leaves if c not in covered_clauses],
                    [u for u in units if u not in covered_units])

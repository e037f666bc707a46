"""What the plan-text parser reads out of a CCHC plan, before anything is saved.

Frozen records, dates as ``date``; ``PlanDraft.to_json_dict`` is the stable contract the
importer stores and shows (ISO dates as text, ``None`` as null).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

PURPOSE = "purpose"
REQUIREMENT = "requirement"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class DocumentReference:
    """A legal or administrative text cited by number ("Nghị định số 61/2018/NĐ-CP …")."""

    kind: str
    number: str
    date: date | None
    issuer: str | None
    text: str

    def to_json_dict(self) -> dict[str, Any]:
        """The reference as JSON-ready data."""
        return {"kind": self.kind, "number": self.number, "date": _iso(self.date),
                "issuer": self.issuer, "text": self.text}


@dataclass(frozen=True)
class Target:
    """A numeric target of a task ("98%-100%" is ``range`` 98..100)."""

    comparator: str
    value: float
    upper: float | None
    unit: str
    text: str

    def to_json_dict(self) -> dict[str, Any]:
        """The target as JSON-ready data."""
        return {"comparator": self.comparator, "value": self.value, "upper": self.upper,
                "unit": self.unit, "text": self.text}


@dataclass(frozen=True)
class PlanStatement:
    """One item of section I: a purpose or a requirement."""

    kind: str
    text: str
    line: int

    def to_json_dict(self) -> dict[str, Any]:
        """The statement as JSON-ready data."""
        return {"kind": self.kind, "text": self.text, "line": self.line}


@dataclass(frozen=True)
class TaskDraft:
    """One task of an area, its text re-joined across wrapped lines."""

    text: str
    references: tuple[DocumentReference, ...]
    targets: tuple[Target, ...]
    is_duty: bool
    line: int

    def to_json_dict(self) -> dict[str, Any]:
        """The task as JSON-ready data."""
        return {"text": self.text, "references": [r.to_json_dict() for r in self.references],
                "targets": [t.to_json_dict() for t in self.targets], "is_duty": self.is_duty,
                "line": self.line}


@dataclass(frozen=True)
class AreaDraft:
    """A numbered area (lĩnh vực) of section II with its tasks."""

    number: int
    title: str
    tasks: tuple[TaskDraft, ...]
    line: int

    def to_json_dict(self) -> dict[str, Any]:
        """The area as JSON-ready data."""
        return {"number": self.number, "title": self.title,
                "tasks": [t.to_json_dict() for t in self.tasks], "line": self.line}


@dataclass(frozen=True)
class PeriodDraft:
    """A reporting period and its data cut-off window, with the due rule as written."""

    name: str
    kind: str
    start: date
    end: date
    due_rule: str | None
    text: str
    line: int

    def to_json_dict(self) -> dict[str, Any]:
        """The period as JSON-ready data."""
        return {"name": self.name, "kind": self.kind, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "due_rule": self.due_rule, "text": self.text,
                "line": self.line}


@dataclass(frozen=True)
class ResponsibilityDraft:
    """One party of section V, the areas it leads and whether it must supply evidence."""

    party: str
    text: str
    areas: tuple[int, ...]
    evidence_duty: bool
    line: int

    def to_json_dict(self) -> dict[str, Any]:
        """The responsibility as JSON-ready data."""
        return {"party": self.party, "text": self.text, "areas": list(self.areas),
                "evidence_duty": self.evidence_duty, "line": self.line}


@dataclass(frozen=True)
class Signer:
    """The signature block: authority line, title and name, each ``None`` when absent."""

    authority: str | None
    title: str | None
    name: str | None

    def to_json_dict(self) -> dict[str, Any]:
        """The signer as JSON-ready data."""
        return {"authority": self.authority, "title": self.title, "name": self.name}


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser could not place, with the source line it came from."""

    line: int
    message: str
    text: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        """The warning as JSON-ready data."""
        return {"line": self.line, "message": self.message, "text": self.text}


@dataclass(frozen=True)
class PlanNote:
    """Text kept as written that is no task, period or responsibility (e.g. section III)."""

    section: str
    text: str
    line: int

    def to_json_dict(self) -> dict[str, Any]:
        """The note as JSON-ready data."""
        return {"section": self.section, "text": self.text, "line": self.line}


@dataclass(frozen=True)
class PlanDraft:
    """Everything read from one plan text; ``warnings`` lists what could not be placed."""

    title: str
    year: int | None
    issuer: str | None
    preamble: str
    basis: tuple[DocumentReference, ...] = ()
    purposes: tuple[PlanStatement, ...] = ()
    areas: tuple[AreaDraft, ...] = ()
    reporting_periods: tuple[PeriodDraft, ...] = ()
    responsibilities: tuple[ResponsibilityDraft, ...] = ()
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    notes: tuple[PlanNote, ...] = ()
    closing: str | None = None
    warnings: tuple[ParseWarning, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """The stable JSON contract of the parser (extra keys: preamble, notes, closing)."""
        return {
            "title": self.title, "year": self.year, "issuer": self.issuer,
            "basis": [b.to_json_dict() for b in self.basis],
            "purposes": [p.to_json_dict() for p in self.purposes],
            "areas": [a.to_json_dict() for a in self.areas],
            "reporting_periods": [p.to_json_dict() for p in self.reporting_periods],
            "responsibilities": [r.to_json_dict() for r in self.responsibilities],
            "signer": self.signer.to_json_dict() if self.signer else None,
            "recipients": list(self.recipients),
            "warnings": [w.to_json_dict() for w in self.warnings],
            "preamble": self.preamble,
            "notes": [n.to_json_dict() for n in self.notes],
            "closing": self.closing,
        }


def looks_like_plan(draft: PlanDraft) -> bool:
    """True when the text gave at least one area with tasks: the importer refuses the rest."""
    return any(area.tasks for area in draft.areas)

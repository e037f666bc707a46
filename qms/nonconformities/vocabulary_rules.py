"""The vocabulary of a nonconformity (sources, grades, cause categories), its number, the
five-whys chain and recurrence. Pure code; labels live in the catalogs (``nc.source.*`` …)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qms.core import validation
from qms.core.errors import ValidationFailed
from qms.core.text import clean, fold

DEFAULT_PREFIX = "KPH"
RECURRENCE_MONTHS = 12
MAX_WHYS = 5
_PREFIX = re.compile(r"^[A-Z0-9Đ]{1,10}$")
_NUMBER = re.compile(r"^(?P<prefix>[A-Z0-9Đ]{1,10})-(?P<year>\d{4})-(?P<seq>\d{3,})$")


class NcSource(StrEnum):
    INTERNAL_AUDIT = "internal_audit"
    EXTERNAL_INSPECTION = "external_inspection"
    CITIZEN_FEEDBACK = "citizen_feedback"
    OVERDUE_DOSSIERS = "overdue_dossiers"
    KPI = "kpi"
    SELF_INSPECTION = "self_inspection"
    MANAGEMENT_REVIEW = "management_review"
    OTHER = "other"


class NcGrade(StrEnum):
    MAJOR = "major"  # không phù hợp nặng
    MINOR = "minor"  # không phù hợp nhẹ
    OBSERVATION = "observation"  # điểm quan sát


class CauseCategory(StrEnum):
    PEOPLE = "people"  # con người
    METHOD = "method"  # phương pháp / quy trình
    DOCUMENTS = "documents"  # tài liệu
    TECHNOLOGY = "technology"  # công nghệ / phần mềm
    RESOURCES = "resources"  # nguồn lực
    EXTERNAL = "external"  # bên ngoài


# The category a record type raises its nonconformity as, when the caller does not say.
SOURCE_OF_RECORD: dict[str, NcSource] = {
    "finding": NcSource.INTERNAL_AUDIT,
    "checklist_question": NcSource.INTERNAL_AUDIT,
    "nc_proposal": NcSource.KPI,
    "plan_task": NcSource.SELF_INSPECTION,
    "citizen_feedback": NcSource.CITIZEN_FEEDBACK,
    "satisfaction_criterion": NcSource.CITIZEN_FEEDBACK,
}


def choice(enum: type[StrEnum], value: object, key: str) -> str:
    """``value`` as a member of ``enum``; anything else is refused with catalog key ``key``."""
    try:
        return enum(str(value)).value
    except ValueError:
        raise ValidationFailed(key, value=str(value)[:40]) from None


def check_prefix(prefix: str) -> str:
    """A number prefix: 1–10 capital letters or digits ("KPH", "NC", "PYC")."""
    cleaned = clean(prefix).upper()
    if not _PREFIX.match(cleaned):
        raise ValidationFailed("nc.bad_prefix")
    return cleaned


def format_number(prefix: str, year: int, seq: int) -> str:
    """``KPH-2023-001``: prefix, year, a sequence of at least three digits."""
    return f"{prefix}-{year}-{seq:03d}"


def parse_number(number: str) -> tuple[str, int, int] | None:
    """``("KPH", 2023, 1)`` from ``KPH-2023-001`` (any case), or ``None``."""
    match = _NUMBER.match(clean(number).upper())
    if match is None:
        return None
    return match["prefix"], int(match["year"]), int(match["seq"])


def clean_whys(whys: Iterable[object]) -> list[str]:
    """The five-whys chain: trimmed answers, blanks dropped, at most five."""
    chain = [validation.text(w, "field.nc.why", max_len=1000) for w in whys]
    chain = [w for w in chain if w]
    if len(chain) > MAX_WHYS:
        raise ValidationFailed("nc.too_many_whys", max=MAX_WHYS)
    return chain


def procedure_key(document_id: int | None, procedure_text: str) -> str:
    """What "the same procedure" means: the same controlled document, else the same words."""
    return f"doc:{document_id}" if document_id is not None else fold(procedure_text)


@dataclass(frozen=True)
class ClosedCase:
    id: int
    number: str
    clause: str
    unit_id: int | None
    procedure: str  # procedure_key of the case
    closed_on: date


def months_between(earlier: date, later: date) -> float:
    """Whole months and the fraction of days from ``earlier`` to ``later`` (can be negative)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months + (later.day - earlier.day) / 31


def recurrence_of(clause: str, unit_id: int | None, procedure: str, found_on: date,
                  closed: Iterable[ClosedCase],
                  months: int = RECURRENCE_MONTHS) -> ClosedCase | None:
    """The most recently closed case this one repeats: same clause, unit and procedure,
    closed at most ``months`` before ``found_on``. A case without clause or unit repeats
    nothing (too little is known to call it the same problem)."""
    if not clause or unit_id is None:
        return None
    matches = [c for c in closed
               if c.clause == clause and c.unit_id == unit_id and c.procedure == procedure
               and c.closed_on <= found_on and months_between(c.closed_on, found_on) <= months]
    return max(matches, key=lambda c: c.closed_on, default=None)

"""Criteria sets (bộ tiêu chí) loaded from CSV: a preview with every problem first, then the
load; a refused file saves nothing, and a loaded set is never changed afterwards."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.resources import files

from sqlalchemy import select

from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import Conflict, ValidationFailed
from qms.core.i18n import t
from qms.core.text import fold
from qms.db.uow import unit_of_work
from qms.scoring.csv_rules import CriterionRow, CsvProblem, parse_criteria
from qms.scoring.models import CriteriaSet, IndexCriterion
from qms.trail.record import record_change

SAMPLE_FILE = "bo-tieu-chi-mau-2023.csv"
SAMPLE_NAME = "Bộ tiêu chí MẪU — thay bằng bộ tiêu chí chính thức (2023)"
SAMPLE_WORD = "mau"  # "MẪU" folded: a set whose name says so is shown as a sample everywhere


@dataclass(frozen=True)
class CriteriaPreview:
    rows: tuple[CriterionRow, ...]
    problems: tuple[str, ...]  # translated, each naming its line

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems


def sample_set_bytes() -> bytes:
    """The shipped SAMPLE criteria set (seven areas of the seed plan), as CSV bytes."""
    return files("qms").joinpath("data", "scoring", SAMPLE_FILE).read_bytes()


def problem_text(problem: CsvProblem, lang: str | None = None) -> str:
    """``Dòng 5: …`` in the user's language."""
    return t(problem.key, lang, line=problem.line, **problem.params)


def preview_criteria_set(data: bytes, lang: str | None = None) -> CriteriaPreview:
    """Parse the file and translate its problems; nothing is saved."""
    parsed = parse_criteria(data)
    return CriteriaPreview(parsed.rows, tuple(problem_text(p, lang) for p in parsed.problems))


def is_sample_name(name: str) -> bool:
    """True when the set's name calls it a sample ("Bộ tiêu chí MẪU …")."""
    return SAMPLE_WORD in fold(name).replace("—", " ").split()


def load_criteria_set(actor: Actor, data: bytes, name: str, source_name: str = "") -> int:
    """Save a new criteria set from CSV bytes; any problem refuses the whole file."""
    actor.require("scoring.load_set")
    name = v.text(name, "field.scoring.set_name", max_len=300, required=True)
    source_name = v.text(source_name, "field.scoring.source_name", max_len=255)
    preview = preview_criteria_set(data)
    if not preview.ok:
        raise ValidationFailed("scoring.csv.refused", n=len(preview.problems),
                               problems="; ".join(preview.problems[:5]))
    with unit_of_work() as uow:
        s = uow.session
        if s.scalar(select(CriteriaSet.id).where(CriteriaSet.organization_id ==
                                                 actor.organization_id,
                                                 CriteriaSet.name == name)) is not None:
            raise Conflict("scoring.set.name_taken", name=name)
        row = CriteriaSet(organization_id=actor.organization_id, name=name,
                          is_sample=is_sample_name(name) or data == sample_set_bytes(),
                          source_name=source_name,
                          source_sha256=hashlib.sha256(data).hexdigest(),
                          loaded_by_id=actor.user_id)
        s.add(row)
        s.flush()
        s.add_all(IndexCriterion(
            set_id=row.id, ordinal=i, area_number=c.area_number, area_title=c.area_title,
            code=c.code, parent_code=c.parent_code, level=c.level, title=c.title,
            max_points=c.max_points, applies=c.applies, guidance=c.guidance,
            source_line=c.line) for i, c in enumerate(preview.rows, 1))
        record_change(s, actor, "scoring.load_set", "criteria_set", row.id, after={
            "name": name, "source_name": source_name, "criteria": len(preview.rows),
            "sha256": row.source_sha256})
        uow.commit()
        return row.id
